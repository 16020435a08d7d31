'use strict'
// Per-call options, request ids, response metadata, the `logger` option and IQTECH_LOG
// (issue 12), against the embedded sandbox.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const path = require('node:path')
const { iq, failure } = require('./helpers')

let sandbox
before(async () => {
  sandbox = await iq.Sandbox.start({ seed: 5, employees: 20, machines: 4, transactions: 50 })
})
after(async () => {
  await sandbox.stop()
})

const EMPTY_PAGE = '{"isSuccess":true,"result":null}'

test('withOptions accepts exactly the core option names in camelCase', () => {
  const { surface, camel } = require('./surface')
  const names = surface().request_options.map((o) => camel(o.name))
  assert.deepEqual(names, ['timeout', 'maxAttempts', 'headers', 'requestId', 'deadline'])
  const client = sandbox.client()
  const values = { timeout: 5000, maxAttempts: 2, headers: { 'X-Tenant': '7' }, requestId: 'r-1', deadline: 30000 }
  for (const name of names) client.withOptions({ [name]: values[name] })
  assert.throws(() => client.withOptions({ retries: 2 }), (e) => e instanceof iq.ValidationError && /retries/.test(e.message))
  assert.throws(() => client.withOptions({ max_attempts: 2 }), iq.ValidationError)
})

test('the client accepts exactly the core settings, in camelCase', () => {
  const { surface, camel } = require('./surface')
  const names = surface().settings.map((s) => s.name)
  for (const tlsOrProxy of ['ca_bundle', 'use_system_roots', 'proxy', 'no_proxy']) assert.ok(names.includes(tlsOrProxy))
  const base = { clientId: 'a', clientSecret: 'b', authUrl: sandbox.authUrl, apiUrl: sandbox.apiUrl }
  for (const name of names) {
    const key = camel(name)
    if (!(key in base)) new iq.Client({ ...base, [key]: null })
    assert.throws(() => new iq.Client({ ...base, [`${key}X`]: null }), iq.ValidationError)
  }
})

test('the client setting names include the TLS and proxy ones in camelCase', () => {
  const settings = new iq.Client({
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    authUrl: sandbox.authUrl,
    apiUrl: sandbox.apiUrl,
    caBundle: null,
    useSystemRoots: false,
    proxy: 'http://127.0.0.1:9',
    noProxy: '*',
  })
  assert.ok(settings)
  for (const snake of [{ ca_bundle: 'x' }, { use_system_roots: true }, { no_proxy: '*' }]) {
    assert.throws(() => new iq.Client({ clientId: 'a', clientSecret: 'b', ...snake }), iq.ValidationError)
  }
})

test('maxAttempts and requestId per call; the error carries both ids', async () => {
  const client = sandbox.client({ maxAttempts: 3 })
  sandbox.inject({
    route: 'machines.list',
    times: 1,
    respond: { status: 503, headers: { 'x-correlation-id': 'srv-7' }, body: '' },
  })
  const e = await failure(client.withOptions({ maxAttempts: 1, requestId: 'kiosk-7' }).machines.list({ pageSize: 1 }))
  assert.ok(e instanceof iq.ServerError, String(e))
  assert.equal(e.requestId, 'kiosk-7')
  assert.equal(e.serverRequestId, 'srv-7')
  assert.match(e.message, /\(request id kiosk-7, server request id srv-7\)$/)
  sandbox.inject({ route: 'machines.list', status: 503, times: 1 })
  await client.machines.list({ pageSize: 1 })
  assert.equal(client.lastResponse.attempts, 2)
})

test('timeout and deadline per call are milliseconds and end as TimeoutError', async () => {
  const client = sandbox.client({ maxAttempts: 3 })
  sandbox.inject({ route: 'machines.list', latencyMs: 1500, times: 1 })
  let started = Date.now()
  let e = await failure(client.withOptions({ timeout: 200, maxAttempts: 1 }).machines.list())
  assert.ok(e instanceof iq.TimeoutError, String(e))
  assert.equal(e.timeout, 200)
  assert.ok(Date.now() - started < 1200)
  sandbox.inject({ route: 'machines.list', status: 503 })
  started = Date.now()
  e = await failure(client.withOptions({ maxAttempts: 100, deadline: 600 }).machines.list())
  sandbox.clearFaults()
  assert.ok(e instanceof iq.TimeoutError, String(e))
  assert.match(e.message, /deadline/)
  assert.ok(Date.now() - started < 2000)
})

test('bad headers name the header', () => {
  const client = sandbox.client()
  for (const [name, value] of [['Host', 'x'], ['Authorization', 'Bearer x'], ['X-Foo', 'a\r\nb']]) {
    assert.throws(
      () => client.withOptions({ headers: { [name]: value } }),
      (e) => e instanceof iq.ValidationError && e.field === `headers["${name}"]`,
    )
  }
})

test('lastResponse has status, headers, elapsed, attempts and ids', async () => {
  const view = sandbox.client().withOptions({ requestId: 'job-42' })
  assert.equal(view.lastResponse, null)
  sandbox.inject({
    route: 'machines.list',
    times: 1,
    respond: { status: 200, headers: { 'X-Request-ID': 'srv-99' }, body: EMPTY_PAGE },
  })
  await view.machines.list()
  const meta = view.lastResponse
  assert.equal(meta.status, 200)
  assert.equal(meta.attempts, 1)
  assert.equal(meta.requestId, 'job-42')
  assert.equal(meta.serverRequestId, 'srv-99')
  assert.ok(meta.headers.some(([k, v]) => k === 'x-request-id' && v === 'srv-99'))
  assert.ok(meta.elapsed >= 0 && meta.elapsed < 10000)
  const client = sandbox.client()
  await client.machines.list()
  const a = client.lastResponse.requestId
  await client.machines.list()
  assert.notEqual(client.lastResponse.requestId, a)
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})

test('an AbortSignal rejects the call with an AbortError and closes pagers', async () => {
  const client = sandbox.client()
  sandbox.inject({ route: 'machines.list', latencyMs: 2000, times: 1 })
  const controller = new AbortController()
  const started = Date.now()
  const call = client.withOptions({ signal: controller.signal }).machines.list()
  setTimeout(() => controller.abort(), 100)
  const e = await failure(call)
  assert.equal(e.name, 'AbortError')
  assert.ok(Date.now() - started < 1500)
  const aborted = AbortSignal.abort()
  assert.equal((await failure(client.withOptions({ signal: aborted }).employees.list())).name, 'AbortError')
  const pagerController = new AbortController()
  const pager = client.withOptions({ signal: pagerController.signal }).employees.iter({ pageSize: 5 })
  assert.ok(await pager.nextItem())
  pagerController.abort()
  assert.equal((await failure(pager.next())).name, 'AbortError')
  assert.throws(() => client.withOptions({ signal: 'soon' }), iq.ValidationError)
})

const SECRET = 'node-Cl13nt-S3cret-91f0'
const TOKEN = 'tok-node-Kn0wn-5d2e'
const PROXY_PASSWORD = 'node-pr0xy-Passw0rd-3c'

test('the logger option gets the debug lines with the request id and never a secret', async () => {
  const own = await iq.Sandbox.start({ seed: 3, employees: 5, clientId: 'node-logs', clientSecret: SECRET })
  try {
    own.inject({
      route: 'token',
      times: 1,
      respond: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 }),
      },
    })
    const lines = []
    const logger = {
      prefix: 'L',
      debug(line) { lines.push(`${this.prefix} DEBUG ${line}`) },
      info(line) { lines.push(`${this.prefix} INFO ${line}`) },
    }
    const number = own.employeeNumbers()[0]
    const old = own.employeePin(number)
    const pin = old ?? '24680'
    const client = new iq.Client({
      clientId: 'node-logs',
      clientSecret: SECRET,
      authUrl: own.authUrl,
      apiUrl: own.apiUrl,
      proxy: `http://user:${PROXY_PASSWORD}@127.0.0.1:9`,
      noProxy: '127.0.0.1',
      logger,
    }).withOptions({ requestId: 'node-req-1' })
    await client.employees.setPin({ employeeNumber: number, pin: '97531', ...(old ? { oldPin: old } : {}) })
    assert.equal(own.employeePin(number), '97531')
    await new Promise((r) => setTimeout(r, 100)) // lines are queued to this thread
    const text = lines.join('\n')
    for (const secret of [SECRET, TOKEN, '97531', pin, PROXY_PASSWORD]) {
      assert.ok(!text.includes(secret), `${secret} leaked:\n${text}`)
    }
    assert.match(text, /L DEBUG iqtech::call: employees\.set_pin POST \/api\/Employee\/UpdateEmployeeSetPin -> 200 in \d+ ms \(attempt 1\/3, request id node-req-1\)/)
    assert.match(text, /L INFO iqtech::call: employees\.set_pin finished with HTTP 200/)
  } finally {
    await own.stop()
  }
})

test('IQTECH_LOG=debug prints the lines on stderr', () => {
  const script = `
    const iq = require(${JSON.stringify(path.join(__dirname, '..'))})
    iq.Sandbox.start({ employees: 3 }).then(async (sb) => {
      await sb.client().withOptions({ requestId: 'env-log-1' }).employees.list({ pageSize: 1 })
      await sb.stop()
    })`
  const env = { ...process.env }
  delete env.IQTECH_LOG
  const quiet = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8', timeout: 60000 })
  assert.equal(quiet.status, 0, quiet.stderr)
  assert.doesNotMatch(quiet.stderr, /iqtech::call/)
  const loud = spawnSync(process.execPath, ['-e', script], { env: { ...env, IQTECH_LOG: 'debug' }, encoding: 'utf8', timeout: 60000 })
  assert.equal(loud.status, 0, loud.stderr)
  assert.match(loud.stderr, /iqtech DEBUG iqtech::call: employees\.list GET \/api\/Employee -> 200 .*request id env-log-1/)
})
