#!/usr/bin/env bash
# Installs the real proxies the trust/proxy tests run against, and runs those tests (issue 12):
#   - mitmproxy (PyPI) in a venv under target/proxy-venv: the TLS-inspecting corporate proxy;
#   - tinyproxy (Debian's package): a plain forward proxy whose log shows the CONNECT.
# The tests start and stop their own instances on free 127.0.0.1 ports (never the packaged
# service) and, under CI=true, fail instead of skipping when a proxy is missing.
# Usage: scripts/test-proxies.sh   (needs python3 with venv, and root or sudo for apt-get)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/proxy-venv
if [ ! -x "$venv/bin/mitmdump" ]; then
  echo "== installing mitmproxy into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mitmproxy>=11,<13"
fi

if ! tinyproxy_bin=$(command -v tinyproxy); then
  echo "== installing tinyproxy (apt-get)"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends tinyproxy
  tinyproxy_bin=$(command -v tinyproxy)
fi

export MITMDUMP="$PWD/$venv/bin/mitmdump" TINYPROXY="$tinyproxy_bin"
# sed reads all of it: `head -1` closed the pipe early and mitmdump died of a broken pipe.
"$MITMDUMP" --version | sed -n 1p
"$TINYPROXY" -v

echo "== core: TLS trust and proxies (core/tests/tls_proxy.rs)"
timeout 900 cargo test -p iqtech --test tls_proxy -- --test-threads=2
echo "== cli: --ca-bundle and --proxy (cli/tests/cli/tls.rs)"
timeout 900 cargo test -p iqtech-cli --test cli -- tls::
