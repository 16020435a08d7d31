'use strict'
// Tests of packaging/npm/loader.js: what it loads, in which order, and the error it gives when no
// binary fits. Runs with `node --test packaging/npm/test/` (no install, no build needed).
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { load, platformTriple, detectLibc, SUPPORTED, NativeBindingError } = require('../loader.js')

const notFound = (spec) => {
  const e = new Error(`Cannot find module '${spec}'\nRequire stack:\n- here`)
  e.code = 'MODULE_NOT_FOUND'
  throw e
}
const emptyDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'iqtech-loader-'))

test('an unsupported platform names the OS, the CPU and the supported list', () => {
  assert.throws(
    () => load({ dir: emptyDir(), platform: 'freebsd', arch: 'x64', env: {}, requireFn: notFound }),
    (e) => {
      assert.ok(e instanceof NativeBindingError)
      assert.equal(e.code, 'ERR_IQTECH_NO_NATIVE_BINDING')
      assert.equal(e.triple, 'freebsd-x64')
      assert.equal(e.supported, false)
      assert.match(e.message, /no native binary for this machine \(freebsd\/x64; platform name freebsd-x64\)/)
      assert.match(e.message, /No iqtech binary is published for freebsd-x64/)
      for (const p of SUPPORTED) assert.ok(e.message.includes(p), `supported list lacks ${p}`)
      assert.match(e.message, /IQTECH_NATIVE_PATH/)
      return true
    },
  )
})

test('Linux names the C library: arm64 with musl is not published', () => {
  assert.throws(
    () => load({ dir: emptyDir(), platform: 'linux', arch: 'arm64', libc: 'musl', env: {}, requireFn: notFound }),
    (e) => {
      assert.equal(e.triple, 'linux-arm64-musl')
      assert.equal(e.libc, 'musl')
      assert.match(e.message, /\(linux\/arm64 with musl; platform name linux-arm64-musl\)/)
      assert.match(e.message, /Supported: linux-x64-gnu, linux-arm64-gnu, linux-x64-musl/)
      return true
    },
  )
})

test('a supported platform whose package is missing says which package to install, and why it failed', () => {
  assert.throws(
    () => load({ dir: emptyDir(), platform: 'linux', arch: 'x64', libc: 'glibc', env: {}, requireFn: notFound }),
    (e) => {
      assert.equal(e.supported, true)
      assert.equal(e.package, 'iqtech-linux-x64-gnu')
      assert.match(e.message, /\(linux\/x64 with glibc; platform name linux-x64-gnu\)/)
      assert.match(e.message, /npm install iqtech-linux-x64-gnu/)
      assert.match(e.message, /--omit=optional/)
      assert.match(e.message, /platform package \(iqtech-linux-x64-gnu\): Cannot find module 'iqtech-linux-x64-gnu'$/m)
      assert.equal(e.attempts.length, 1)
      return true
    },
  )
})

test('a binary that exists but fails to load is reported with its own error', () => {
  const broken = () => {
    throw new Error('/x/iqtech.linux-x64-gnu.node: invalid ELF header')
  }
  assert.throws(
    () => load({ dir: emptyDir(), platform: 'linux', arch: 'x64', libc: 'glibc', env: {}, requireFn: broken }),
    /invalid ELF header/,
  )
})

test('the platform package is loaded when present', () => {
  const addon = { Client: function Client() {} }
  const seen = []
  const got = load({
    dir: emptyDir(), platform: 'darwin', arch: 'arm64', env: {},
    requireFn: (spec) => (seen.push(spec), spec === 'iqtech-darwin-arm64' ? addon : notFound(spec)),
  })
  assert.equal(got, addon)
  assert.deepEqual(seen, ['iqtech-darwin-arm64'])
})

test('a local build next to the package wins over the platform package', () => {
  const dir = emptyDir()
  const local = path.join(dir, 'iqtech.win32-x64-msvc.node')
  fs.writeFileSync(local, '')
  const seen = []
  const got = load({ dir, platform: 'win32', arch: 'x64', env: {}, requireFn: (spec) => (seen.push(spec), 'local') })
  assert.equal(got, 'local')
  assert.deepEqual(seen, [local])
})

test('IQTECH_NATIVE_PATH is used alone, and named when it fails', () => {
  const dir = emptyDir()
  assert.equal(
    load({ dir, platform: 'linux', arch: 'x64', libc: 'glibc', env: { IQTECH_NATIVE_PATH: '/opt/x.node' },
      requireFn: (spec) => (spec === '/opt/x.node' ? 'custom' : notFound(spec)) }),
    'custom',
  )
  assert.throws(
    () => load({ dir, platform: 'linux', arch: 'x64', libc: 'glibc', env: { IQTECH_NATIVE_PATH: '/opt/none.node' }, requireFn: notFound }),
    (e) => e.attempts.length === 1 && /IQTECH_NATIVE_PATH \(\/opt\/none\.node\)/.test(e.message),
  )
})

test('platform names follow napi-rs', () => {
  assert.equal(platformTriple({ platform: 'linux', arch: 'x64', libc: 'glibc' }), 'linux-x64-gnu')
  assert.equal(platformTriple({ platform: 'linux', arch: 'x64', libc: 'musl' }), 'linux-x64-musl')
  assert.equal(platformTriple({ platform: 'linux', arch: 'arm64', libc: 'glibc' }), 'linux-arm64-gnu')
  assert.equal(platformTriple({ platform: 'win32', arch: 'x64' }), 'win32-x64-msvc')
  assert.equal(platformTriple({ platform: 'darwin', arch: 'x64' }), 'darwin-x64')
  for (const p of SUPPORTED) {
    const dir = path.join(__dirname, '..', p)
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
    assert.equal(pkg.name, `iqtech-${p}`)
    assert.equal(pkg.main, `iqtech.${p}.node`)
    assert.deepEqual(pkg.files, [pkg.main])
  }
})

test('the C library is read from the process report', () => {
  assert.equal(detectLibc(() => ({ header: { glibcVersionRuntime: '2.36' } })), 'glibc')
  assert.equal(detectLibc(() => ({ header: {}, sharedObjects: ['/lib/ld-musl-x86_64.so.1'] })), 'musl')
  if (process.platform === 'linux') assert.notEqual(detectLibc(), 'unknown')
})
