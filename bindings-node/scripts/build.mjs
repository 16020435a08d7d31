// Builds the addon with @napi-rs/cli (debug unless `--release` is passed), then completes the
// generated `native.d.ts` with the TypeScript declarations of the core's models and of the
// sandbox's types — generated from the Rust structs by the addon itself (iqtech::ffi::node,
// iqtech_sandbox::typescript), never written by hand — and the hand-written declarations of the
// thin JS layer's own types (types/extra.d.ts: the pager interface, which has no Rust twin).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const napi = join(root, 'node_modules', '.bin', 'napi')
execFileSync(
  napi,
  ['build', '--platform', '--js', 'native.js', '--dts', 'native.d.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
)

const require = createRequire(import.meta.url)
const native = require(join(root, 'native.js'))
const dtsPath = join(root, 'native.d.ts')
const marker = '\n// ---- models (generated from the Rust core) ----\n'
const generated = readFileSync(dtsPath, 'utf8').split(marker)[0]
const extra = readFileSync(join(root, 'types', 'extra.d.ts'), 'utf8')
writeFileSync(dtsPath, generated + marker + native.__typescriptDeclarations() + '\n' + extra)
console.log('native.d.ts: model declarations appended')
