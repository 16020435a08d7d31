'use strict'
// The shared behaviour vectors (tests/vectors/*.json at the repository root, see its README):
// every case of every file runs here against the sandbox, through the built addon, with the
// names and calling convention of JavaScript. A case this runner cannot run fails.
const test = require('node:test')
const assert = require('node:assert/strict')
const { readdirSync, readFileSync } = require('node:fs')
const { join } = require('node:path')
const { iq, failure } = require('./helpers')
const { surface, camel, repo } = require('./surface')

const dir = join(repo, 'tests', 'vectors')
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()

/** Every object key camelCase, recursively (the vectors write snake_case). */
function camelKeys(value) {
  if (Array.isArray(value)) return value.map(camelKeys)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelKeys(v)]))
  }
  return value
}

/** The JavaScript arguments of a table call: required ones positional, defaulted ones in one options object. */
function jsArguments(op, args = {}) {
  const known = new Set(op.args.map((a) => a.name))
  for (const name of Object.keys(args)) assert.ok(known.has(name), `${op.group}.${op.method} has no argument ${name}`)
  const positional = op.args.filter((a) => a.default === null).map((a) => camelKeys(args[a.name]))
  const defaulted = op.args.filter((a) => a.default !== null && a.name in args)
  if (defaulted.length > 0) positional.push(Object.fromEntries(defaulted.map((a) => [camel(a.name), camelKeys(args[a.name])])))
  return positional
}

/** Runs the call; for pagers, walks them. Returns { error, items }. */
async function run(client, op, args) {
  const fn = client[camel(op.group)][camel(op.method)].bind(client[camel(op.group)])
  if (op.kind === 'call') return { error: await failure(fn(...args)), items: 0 }
  let pager
  try {
    pager = fn(...args)
  } catch (error) {
    return { error, items: 0 }
  }
  let items = 0
  const error = await failure((async () => { for await (const _ of pager) items++ })())
  return { error, items }
}

/** Takes `call.take` items, leaves the pager open and idle, then checks the journal's count per route. */
async function checkReadAhead(sandbox, client, op, c) {
  assert.deepEqual(Object.keys(c.expect), ['requests_at_most'], 'this runner checks only requests_at_most with take')
  assert.equal(op.kind, 'items', 'take applies to item pagers')
  sandbox.clearJournal()
  const pager = client[camel(op.group)][camel(op.method)](...jsArguments(op, c.call.args))
  try {
    for (let i = 0; i < c.call.take; i++) assert.ok(await pager.nextItem(), `item ${i + 1}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const perRoute = sandbox.journal().perRoute
    for (const [route, most] of Object.entries(c.expect.requests_at_most)) {
      const n = perRoute[route] ?? 0
      assert.ok(n > 0 && n <= most, `${route}: ${n} requests, at most ${most}`)
    }
  } finally {
    pager.close()
  }
}

const checks = {
  code: (e, v) => assert.equal(e.code, v),
  class: (e, v) => {
    assert.equal(typeof iq[v], 'function', `no class ${v}`)
    assert.ok(e instanceof iq[v], `${e.name} is not a ${v}`)
    assert.equal(e.name, v)
  },
  status: (e, v) => assert.equal(e.status, v),
  error_id: (e, v) => assert.equal(e.errorId, v),
  detail: (e, v) => assert.equal(e.detail, v),
  detail_contains: (e, v) => assert.ok(String(e.detail).includes(v), e.detail),
  field: (e, v) => assert.equal(e.field, camel(v)),
  field_errors: (e, v) => assert.deepEqual(e.fieldErrors, v),
  trace_id: (e, v) => assert.equal(e.traceId, v),
  reason: (e, v) => assert.equal(e.reason, v),
  page: (e, v) => assert.equal(e.page, v),
  retry_after_ms: (e, v) => assert.equal(e.retryAfter, v),
  body_contains: (e, v) => assert.ok(String(e.body).includes(v), e.body),
}

let shared
test.after(() => shared && shared.stop())

for (const file of files) {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  assert.ok(Array.isArray(cases) && cases.length > 0, `${file}: a list of cases`)
  for (const c of cases) {
    test(`${file}: ${c.name}`, async () => {
      const op = surface().operations.find((o) => `${o.group}.${o.method}` === c.call.operation)
      assert.ok(op, `operation ${c.call.operation} is in the table`)
      const own = c.sandbox ? await iq.Sandbox.start(camelKeys(c.sandbox)) : null
      if (!own && !shared) shared = await iq.Sandbox.start()
      const sandbox = own ?? shared
      try {
        sandbox.clearFaults()
        sandbox.clearJournal()
        const client = sandbox.client({ maxAttempts: 1, ...camelKeys(c.settings ?? {}) })
        if (c.fault) sandbox.inject(camelKeys(c.fault))
        if (c.call.take !== undefined) return await checkReadAhead(sandbox, client, op, c)
        const { error, items } = await run(client, op, jsArguments(op, c.call.args))
        assert.ok(error instanceof iq.IqtechError, `an SDK error, got ${error}`)
        for (const [key, expected] of Object.entries(c.expect)) {
          if (key === 'items_before_error') assert.equal(items, expected, 'items before the error')
          else if (checks[key]) checks[key](error, expected)
          else assert.fail(`this runner cannot check "${key}"`)
        }
        if (error.code === 'validation') assert.equal(sandbox.journal().totalRequests, 0, 'nothing was sent')
      } finally {
        sandbox.clearFaults()
        if (own) await own.stop()
      }
    })
  }
}
