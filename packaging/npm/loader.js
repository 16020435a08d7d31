'use strict'
// Finds and loads the native addon of the `iqtech` npm package.
//
// The release publishes the JS package `iqtech` without any binary, plus one package per platform
// (`iqtech-linux-x64-gnu`, …, see ./README.md), each holding `iqtech.<platform>.node`. `iqtech`
// lists them all under optionalDependencies, and npm installs only the one whose `os`, `cpu`
// and `libc` fit the machine. This loader picks that one:
//   1. `iqtech.<platform>.node` next to the package (a local `napi build --platform`), then
//   2. the per-platform package `iqtech-<platform>`.
// When neither loads, it throws a NativeBindingError that names the platform, the CPU, the C
// library, the package it looked for, why each attempt failed, and what to do — instead of a bare
// "Cannot find module". `IQTECH_NATIVE_PATH` points it at a specific `.node` file (for tests and
// unusual layouts).

const fs = require('node:fs')
const path = require('node:path')

/** Platforms a binary is published for, as `<os>-<arch>[-<abi>]` (the napi-rs names). */
const SUPPORTED = Object.freeze([
  'linux-x64-gnu',
  'linux-arm64-gnu',
  'linux-x64-musl',
  'darwin-x64',
  'darwin-arm64',
  'win32-x64-msvc',
])

/** The binary's base name (`napi.binaryName` in bindings-node/package.json). */
const BINARY_NAME = 'iqtech'

/** The error thrown when no binary fits; `platform`, `arch`, `libc`, `triple`, `attempts` say why. */
class NativeBindingError extends Error {
  constructor(message, fields) {
    super(message)
    this.name = 'NativeBindingError'
    this.code = 'ERR_IQTECH_NO_NATIVE_BINDING'
    Object.assign(this, fields)
  }
}

/**
 * The C library of a Linux machine: 'glibc', 'musl', or 'unknown'. Uses Node's own report
 * (glibcVersionRuntime is set only on glibc), then the loader named in /usr/bin/ldd.
 */
function detectLibc(report = () => process.report && process.report.getReport()) {
  try {
    const header = report()?.header
    if (header?.glibcVersionRuntime) return 'glibc'
    const shared = report()?.sharedObjects
    if (Array.isArray(shared) && shared.some((p) => /libc\.musl-|ld-musl-/.test(p))) return 'musl'
  } catch {
    // process.report can be disabled; fall through.
  }
  try {
    const ldd = fs.readFileSync('/usr/bin/ldd', 'latin1')
    if (ldd.includes('musl')) return 'musl'
    if (ldd.includes('GNU C Library') || ldd.includes('GLIBC')) return 'glibc'
  } catch {
    // no ldd: Alpine without musl-utils, distroless images.
  }
  return 'unknown'
}

/**
 * The napi-rs platform name of this machine (`linux-x64-gnu`, `darwin-arm64`, …), or of the
 * given `{ platform, arch, libc }`. The result may be a platform that is not in SUPPORTED.
 */
function platformTriple({ platform = process.platform, arch = process.arch, libc } = {}) {
  if (platform === 'linux') {
    const c = libc ?? detectLibc()
    return `linux-${arch}-${c === 'musl' ? 'musl' : 'gnu'}`
  }
  if (platform === 'win32') return `win32-${arch}-msvc`
  return `${platform}-${arch}`
}

/**
 * Loads the addon. Options (for tests; all default to this process and package):
 * `dir` (folder of the `iqtech` package), `platform`, `arch`, `libc`, `env`, and `requireFn`
 * (the `require` used for both attempts). Throws NativeBindingError when no binary fits.
 */
function load(options = {}) {
  const dir = options.dir ?? __dirname
  const platform = options.platform ?? process.platform
  const arch = options.arch ?? process.arch
  const libc = platform === 'linux' ? (options.libc ?? detectLibc()) : undefined
  const env = options.env ?? process.env
  const req = options.requireFn ?? require
  const triple = platformTriple({ platform, arch, libc })
  const pkg = `${BINARY_NAME}-${triple}`
  const attempts = []

  const tryLoad = (what, spec) => {
    try {
      return { ok: true, value: req(spec) }
    } catch (e) {
      attempts.push(`${what} (${spec}): ${firstLine(e)}`)
      return { ok: false }
    }
  }

  if (env.IQTECH_NATIVE_PATH) {
    const r = tryLoad('IQTECH_NATIVE_PATH', path.resolve(env.IQTECH_NATIVE_PATH))
    if (r.ok) return r.value
  } else {
    const local = path.join(dir, `${BINARY_NAME}.${triple}.node`)
    if (fs.existsSync(local)) {
      const r = tryLoad('local build', local)
      if (r.ok) return r.value
    }
    const r = tryLoad('platform package', pkg)
    if (r.ok) return r.value
  }

  const where = `${platform}/${arch}${libc ? ` with ${libc === 'unknown' ? 'an unknown C library' : libc}` : ''}`
  const supported = SUPPORTED.includes(triple)
  const advice = supported
    ? `The package ${pkg} should have been installed as an optional dependency of iqtech. ` +
      'Install it (`npm install ' + pkg + '`; it is skipped by --omit=optional and --no-optional), ' +
      'or delete node_modules and the lock file ' +
      'and run `npm install` again (npm bug 4828 keeps optional packages of another platform ' +
      'from a lock file made elsewhere).'
    : `No iqtech binary is published for ${triple}. Supported: ${SUPPORTED.join(', ')}. ` +
      'Build one from source (bindings-node: `npm run build`) and set IQTECH_NATIVE_PATH to it.'
  const message =
    `iqtech: no native binary for this machine (${where}; platform name ${triple}). ` +
    `${advice}\nTried:\n  ${attempts.join('\n  ')}`
  throw new NativeBindingError(message, { platform, arch, libc, triple, package: pkg, supported, attempts })
}

function firstLine(e) {
  const text = e && e.message ? e.message : String(e)
  return text.split('\n')[0]
}

module.exports = { load, platformTriple, detectLibc, SUPPORTED, BINARY_NAME, NativeBindingError }
