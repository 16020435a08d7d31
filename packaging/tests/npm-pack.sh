#!/usr/bin/env bash
# Proves the npm release layout: `npm pack` of the JS package `iqtech` WITHOUT a binary (it loads
# the addon through packaging/npm/loader.js and lists the platform packages as
# optionalDependencies) and of the platform package `iqtech-linux-x64-gnu` (the binary only);
# both tarballs are installed into a fresh project with `npm install --offline` (nothing comes
# from the registry), which then runs a call against the embedded sandbox and checks the addon
# came from node_modules/iqtech-linux-x64-gnu. A second fresh project installs `iqtech` alone
# (the platform package skipped, as `--omit=optional` does) and must get the loader's error
# naming the platform.
#
# bindings-node is in the release layout already (native.js loads through loader.js, `files` has
# no binary): this packs it as it is, adds the optionalDependencies with
# packaging/npm/wire-release.js (what the release workflow runs before `npm publish`) and the
# license files, packs that again, and fails when the tarball carries a binary, lacks the
# loader, or lists other platform packages than loader.js's SUPPORTED.
#
# Usage: packaging/tests/npm-pack.sh   (needs cargo, Node 20+, npm; builds the addon in debug
#        through bindings-node/scripts/build.mjs unless IQTECH_NODE_ADDON names a built .node,
#        in which case bindings-node's generated files must be there already)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
node_pkg="$root/bindings-node"
platform="linux-x64-gnu"
unset IQTECH_CLIENT_ID IQTECH_CLIENT_SECRET IQTECH_AUTH_URL IQTECH_API_URL IQTECH_NATIVE_PATH

work="$(mktemp -d "${TMPDIR:-/tmp}/iqtech-npm.XXXXXX")"
trap 'rm -rf "$work"' EXIT

addon="${IQTECH_NODE_ADDON:-}"
if [ -z "$addon" ]; then
  echo "==> building the addon (debug) in bindings-node"
  (cd "$node_pkg" && npm ci --no-audit --no-fund --silent && node scripts/build.mjs >/dev/null)
  addon="$node_pkg/iqtech.$platform.node"
fi
[ -f "$addon" ] || { echo "npm-pack: no addon at $addon" >&2; exit 1; }
for f in native.js native.d.ts loader.js index.mjs; do
  [ -f "$node_pkg/$f" ] || { echo "npm-pack: bindings-node/$f is missing: run bindings-node/scripts/build.mjs first" >&2; exit 1; }
done
version="$(node -p "require('$node_pkg/package.json').version")"

echo "==> npm pack of iqtech@$version from bindings-node, wired as the release workflow does"
(cd "$node_pkg" && npm pack --silent --pack-destination "$work" >/dev/null)
mkdir -p "$work/js" && tar -xzf "$work/iqtech-$version.tgz" -C "$work/js" && rm "$work/iqtech-$version.tgz"
js="$work/js/package"
node "$root/packaging/npm/wire-release.js" "$js/package.json" | sed 's/^/    /'
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$js/"
(cd "$js" && npm pack --silent --pack-destination "$work" >/dev/null)
node - "$js" "$version" "$root/packaging/npm" <<'JS'
const fs = require('node:fs')
const path = require('node:path')
const [js, version, dir] = process.argv.slice(2)
const pkg = JSON.parse(fs.readFileSync(path.join(js, 'package.json'), 'utf8'))
const { SUPPORTED } = require(`${dir}/loader.js`)
const fail = (m) => { console.error(`npm-pack: ${m}`); process.exit(1) }
const want = Object.fromEntries(SUPPORTED.map((p) => [`iqtech-${p}`, version]))
const sorted = (o) => JSON.stringify(Object.entries(o ?? {}).sort())
if (sorted(pkg.optionalDependencies) !== sorted(want))
  fail(`optionalDependencies are ${JSON.stringify(pkg.optionalDependencies)}, expected ${JSON.stringify(want)}`)
if (fs.readFileSync(path.join(js, 'loader.js'), 'utf8') !== fs.readFileSync(`${dir}/loader.js`, 'utf8'))
  fail('the packed loader.js is not packaging/npm/loader.js (run bindings-node/scripts/build.mjs)')
if (!/require\('\.\/loader\.js'\)\.load\(/.test(fs.readFileSync(path.join(js, 'native.js'), 'utf8')))
  fail('the packed native.js does not load through loader.js')
if (!/^>=20/.test(pkg.engines?.node ?? '')) fail(`engines.node is ${pkg.engines?.node}, expected >=20`)
JS

echo "==> staging iqtech-$platform@$version"
mkdir -p "$work/plat"
cp "$root/packaging/npm/$platform/package.json" "$root/packaging/npm/$platform/README.md" \
   "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$work/plat/"
cp "$addon" "$work/plat/iqtech.$platform.node"
(cd "$work/plat" && npm pack --silent --pack-destination "$work" >/dev/null)

js_tgz="$work/iqtech-$version.tgz"
plat_tgz="$work/iqtech-$platform-$version.tgz"
tar -tzf "$js_tgz" | grep -q '\.node$' && { echo "npm-pack: the JS tarball carries a binary" >&2; exit 1; }
tar -tzf "$plat_tgz" | grep -qx "package/iqtech.$platform.node" || { echo "npm-pack: the platform tarball has no binary" >&2; exit 1; }
echo "    $(du -h "$js_tgz" | cut -f1) $(basename "$js_tgz"), $(du -h "$plat_tgz" | cut -f1) $(basename "$plat_tgz")"

passed=0
echo "==> fresh project: npm install --offline of both tarballs, then one call against the sandbox"
mkdir -p "$work/app" && cd "$work/app"
printf '{ "name": "app", "version": "1.0.0", "private": true }\n' >package.json
npm install --offline --no-audit --no-fund --silent "$plat_tgz" "$js_tgz"
node - "$platform" <<'JS'
const platform = process.argv[2]
const path = require('node:path')
const { Sandbox } = require('iqtech')
const loaded = Object.keys(require.cache).find((f) => f.endsWith('.node'))
const expected = path.join('node_modules', `iqtech-${platform}`, `iqtech.${platform}.node`)
if (!loaded || !loaded.endsWith(expected)) throw new Error(`addon loaded from ${loaded}, not ${expected}`)
;(async () => {
  const sandbox = await Sandbox.start()
  const client = sandbox.client()
  const page = await client.employees.list({ page: 1, pageSize: 10 })
  if (page.items.length === 0) throw new Error('no employees')
  console.log(`    ${page.items.length} of ${page.meta.totalItemCount} employees via ${path.relative(process.cwd(), loaded)}`)
  client.close?.()
  await sandbox.shutdown?.()
})().catch((e) => { console.error(e); process.exit(1) })
JS
passed=$((passed + 1))

echo "==> fresh project without the platform package: the loader's error names the platform"
mkdir -p "$work/bare" && cd "$work/bare"
printf '{ "name": "bare", "version": "1.0.0", "private": true }\n' >package.json
npm install --offline --no-audit --no-fund --silent --omit=optional "$js_tgz"
[ ! -e "node_modules/iqtech-$platform" ] || { echo "npm-pack: --omit=optional still installed the binary" >&2; exit 1; }
node -e "
try { require('iqtech'); console.error('npm-pack: iqtech loaded without a binary'); process.exit(1) }
catch (e) {
  if (e.code !== 'ERR_IQTECH_NO_NATIVE_BINDING' || !e.message.includes('linux/x64') || !e.message.includes('iqtech-$platform')) { console.error(e); process.exit(1) }
  console.log('    ' + e.message.split('\n')[0].slice(0, 150) + '...')
}"
passed=$((passed + 1))
echo "npm-pack: $passed passed, 0 failed"
