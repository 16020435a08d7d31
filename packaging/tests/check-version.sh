#!/usr/bin/env bash
# Proves scripts/check-version.sh can fail: on a copy of the manifests it passes, then each
# mutation below (one version changed in one file) must make it exit 1 naming that file.
# Exits non-zero when the checker misses a mutation. Takes about a second; needs python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
check="$root/scripts/check-version.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fresh() {  # a copy of every file the checker reads
  rm -rf "$work/t" && mkdir -p "$work/t"
  (cd "$root" && {
    find . -name Cargo.toml -not -path './target*' -not -path '*/node_modules/*'
    for f in Cargo.lock LICENSE-MIT LICENSE-APACHE bindings-python/pyproject.toml \
        bindings-python/LICENSE-* bindings-node/package.json bindings-node/package-lock.json \
        bindings-ffi/kotlin/pom.xml packaging/maven/pom.xml packaging/maven-consumer/pom.xml \
        packaging/npm/*/package.json; do
      [ ! -f "$f" ] || echo "$f"
    done
  } | xargs cp --parents -t "$work/t")
}

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")"
[ -n "$version" ] || { echo "no workspace version found" >&2; exit 1; }
passed=0 failed=0

fresh
if "$check" --root "$work/t" >/dev/null 2>"$work/err"; then
  passed=$((passed + 1))
else
  echo "FAIL: the unmodified copy does not pass:"; cat "$work/err"; failed=$((failed + 1))
fi

expect_failure() {  # name, file, sed expression
  local name="$1" file="$2" expr="$3"
  fresh
  [ -f "$work/t/$file" ] || { echo "skip: $name ($file is absent)"; return; }
  cp "$work/t/$file" "$work/before"
  sed -i "$expr" "$work/t/$file"
  if cmp -s "$work/before" "$work/t/$file"; then
    echo "FAIL: $name: the mutation changed nothing in $file"; failed=$((failed + 1)); return
  fi
  if "$check" --root "$work/t" >/dev/null 2>"$work/err"; then
    echo "FAIL: $name: check-version passed"; failed=$((failed + 1))
  elif ! grep -qF "$file" "$work/err"; then
    echo "FAIL: $name: the error does not name $file:"; cat "$work/err"; failed=$((failed + 1))
  else
    echo "ok: $name"; passed=$((passed + 1))
  fi
}

v="${version//./\\.}"
expect_failure "npm package.json" bindings-node/package.json "0,/\"version\": \"$v\"/s//\"version\": \"9.9.9\"/"
expect_failure "npm lock" bindings-node/package-lock.json "0,/\"version\": \"$v\"/s//\"version\": \"9.9.9\"/"
expect_failure "npm platform package" packaging/npm/linux-x64-gnu/package.json "s/\"version\": \"$v\"/\"version\": \"9.9.9\"/"
expect_failure "ffi test pom" bindings-ffi/kotlin/pom.xml "0,/<version>$v<\/version>/s//<version>9.9.9<\/version>/"
expect_failure "maven pom" packaging/maven/pom.xml "0,/<version>$v<\/version>/s//<version>9.9.9<\/version>/"
expect_failure "maven consumer" packaging/maven-consumer/pom.xml "s/<iqtech.version>$v</<iqtech.version>9.9.9</"
expect_failure "crate with its own version" core/Cargo.toml "s/^version.workspace = true/version = \"9.9.9\"/"
expect_failure "Cargo.lock" Cargo.lock "/^name = \"iqtech-ffi\"/{n;s/^version = .*/version = \"9.9.9\"/}"
expect_failure "pyproject static version" bindings-python/pyproject.toml "s/^dynamic = \[\"version\"\]/version = \"9.9.9\"/"
expect_failure "license copy" bindings-python/LICENSE-MIT "s/MIT License/MIT Licence/"
expect_failure "crates.io metadata" core/Cargo.toml "/^categories = /d"
expect_failure "repository: Cargo homepage" Cargo.toml "s#^homepage = \"https://#homepage = \"https://other.example/#"
expect_failure "repository: pyproject Source" bindings-python/pyproject.toml "s#^Source = \"https://#Source = \"https://other.example/#"
expect_failure "repository: pyproject Changelog" bindings-python/pyproject.toml "s#^Changelog = \"https://#Changelog = \"https://other.example/#"
expect_failure "repository: npm package" bindings-node/package.json "s#\"url\": \"https://#\"url\": \"https://other.example/#"
expect_failure "repository: npm platform package" packaging/npm/darwin-x64/package.json "s#\"url\": \"https://#\"url\": \"https://other.example/#"
expect_failure "repository: pom scm" packaging/maven/pom.xml "s#<connection>scm:git:https://#<connection>scm:git:https://other.example/#"
expect_failure "repository: pom url" packaging/maven/pom.xml "0,/<url>https:\/\/github/s##<url>https://other.example/github#"

fresh
if "$check" --root "$work/t" --tag "v9.9.9" >/dev/null 2>&1; then
  echo "FAIL: a wrong tag passed"; failed=$((failed + 1))
else
  echo "ok: wrong tag"; passed=$((passed + 1))
fi

echo "check-version: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
