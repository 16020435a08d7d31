'use strict'
// Turns the package.json of the JS package `iqtech` (bindings-node) into the one that is
// published: `optionalDependencies` on every per-platform package (`iqtech-<platform>` for each
// platform in loader.js's SUPPORTED, at exactly the package's version), so npm installs the one
// binary that fits the machine.
//
// Why at release time and not in bindings-node/package.json: until the platform packages exist
// on the registry, listing them there breaks `npm ci` in the checkout ("Missing:
// iqtech-linux-x64-gnu@ from lock file": npm cannot lock a package it cannot fetch), and every
// install in a checkout or CI would ask the registry for names nobody owns yet, which anyone
// could register (dependency confusion). `napi prepublish` makes the same edit at publish time.
//
// It fails (throws; exit 1 from the command line) when a platform in SUPPORTED has no folder
// packaging/npm/<platform>/ with a package.json named `iqtech-<platform>` at the same version, or
// a folder there is not in SUPPORTED, or `files` would ship a binary or miss the loader.
//
// Usage: node packaging/npm/wire-release.js PATH/TO/package.json   (rewrites it in place)
const fs = require('node:fs')
const path = require('node:path')
const { SUPPORTED, BINARY_NAME } = require('./loader.js')

/** The published form of the JS package manifest `pkg` (a parsed package.json); pure. */
function wire(pkg, { npmDir = __dirname } = {}) {
  const problems = []
  const folders = fs
    .readdirSync(npmDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(npmDir, d.name, 'package.json')))
    .map((d) => d.name)
  for (const p of SUPPORTED) {
    const file = path.join(npmDir, p, 'package.json')
    if (!fs.existsSync(file)) {
      problems.push(`no packaging/npm/${p}/package.json for the supported platform ${p}`)
      continue
    }
    const plat = JSON.parse(fs.readFileSync(file, 'utf8'))
    if (plat.name !== `${BINARY_NAME}-${p}`) problems.push(`${file}: name ${plat.name}, expected ${BINARY_NAME}-${p}`)
    if (plat.version !== pkg.version) problems.push(`${file}: version ${plat.version}, expected ${pkg.version}`)
  }
  for (const f of folders) {
    if (!SUPPORTED.includes(f)) problems.push(`packaging/npm/${f}/ is not in loader.js SUPPORTED`)
  }
  const files = pkg.files ?? []
  if (files.some((f) => f.endsWith('.node'))) problems.push('`files` ships a .node binary')
  if (!files.includes('loader.js')) problems.push('`files` lacks loader.js')
  if (problems.length) throw new Error(`wire-release: ${problems.join('; ')}`)
  const optionalDependencies = Object.fromEntries(SUPPORTED.map((p) => [`${BINARY_NAME}-${p}`, pkg.version]))
  return { ...pkg, optionalDependencies }
}

if (require.main === module) {
  const file = process.argv[2]
  if (!file) {
    console.error('usage: node packaging/npm/wire-release.js PATH/TO/package.json')
    process.exit(2)
  }
  try {
    const out = wire(JSON.parse(fs.readFileSync(file, 'utf8')))
    fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n')
    console.log(`wire-release: ${file}: optionalDependencies ${Object.keys(out.optionalDependencies).join(', ')} @ ${out.version}`)
  } catch (e) {
    console.error(e.message)
    process.exit(1)
  }
}

module.exports = { wire }
