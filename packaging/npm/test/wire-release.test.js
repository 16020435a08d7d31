'use strict'
// Tests of packaging/npm/wire-release.js: the published package.json of `iqtech` lists every
// platform package at the package's version, and mismatches between loader.js, the folders of
// packaging/npm/ and the manifest fail. Runs with `node --test packaging/npm/test/`.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { wire } = require('../wire-release.js')
const { SUPPORTED } = require('../loader.js')

const repoPkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'bindings-node', 'package.json'), 'utf8'))

/** A packaging/npm lookalike with one folder per platform (each at `version`). */
function npmDir(platforms, version = repoPkg.version) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iqtech-wire-'))
  for (const p of platforms) {
    fs.mkdirSync(path.join(dir, p))
    fs.writeFileSync(path.join(dir, p, 'package.json'), JSON.stringify({ name: `iqtech-${p}`, version }))
  }
  return dir
}

test('the repository manifest wires every supported platform at its own version', () => {
  const out = wire(repoPkg)
  assert.deepEqual(Object.keys(out.optionalDependencies), SUPPORTED.map((p) => `iqtech-${p}`))
  for (const v of Object.values(out.optionalDependencies)) assert.equal(v, repoPkg.version)
  assert.equal(repoPkg.optionalDependencies, undefined, 'the checkout must not depend on unpublished names')
  assert.ok(!repoPkg.files.some((f) => f.endsWith('.node')), 'the JS package must not ship a binary')
  assert.match(repoPkg.engines.node, /^>=20/)
})

test('a supported platform without its package folder fails, naming it', () => {
  const dir = npmDir(SUPPORTED.filter((p) => p !== 'linux-x64-musl'))
  assert.throws(() => wire(repoPkg, { npmDir: dir }), /no packaging\/npm\/linux-x64-musl\/package\.json/)
})

test('a platform package at another version fails, naming the file', () => {
  const dir = npmDir(SUPPORTED, '9.9.9')
  assert.throws(() => wire(repoPkg, { npmDir: dir }), /version 9\.9\.9, expected/)
})

test('a package folder that the loader does not know fails', () => {
  const dir = npmDir([...SUPPORTED, 'linux-riscv64-gnu'])
  assert.throws(() => wire(repoPkg, { npmDir: dir }), /linux-riscv64-gnu\/ is not in loader\.js SUPPORTED/)
})

test('a manifest that ships a binary or lacks the loader fails', () => {
  assert.throws(() => wire({ ...repoPkg, files: [...repoPkg.files, '*.node'] }), /ships a \.node binary/)
  assert.throws(() => wire({ ...repoPkg, files: repoPkg.files.filter((f) => f !== 'loader.js') }), /lacks loader\.js/)
})
