'use strict'
// The core's tables (operations, error classes, settings) as the core prints them:
// `cargo run -q -p iqtech --example surface`. Tests derive their expectations from it instead of
// reading Rust source, so a new table entry is checked here without editing the tests.
const { execFileSync } = require('node:child_process')
const { join } = require('node:path')

const repo = join(__dirname, '..', '..')
let cached

function surface() {
  if (cached === undefined) {
    const text = execFileSync('cargo', ['run', '-q', '-p', 'iqtech', '--example', 'surface'], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    cached = JSON.parse(text)
  }
  return cached
}

/** `page_size` → `pageSize`, as napi and the addon name things. */
const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())

module.exports = { surface, camel, repo }
