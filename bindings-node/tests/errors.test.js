'use strict'
// Every error class, for the server answer (or failure) that should produce it.
const test = require('node:test')
const assert = require('node:assert/strict')
const { iq, start, failure, assignee } = require('./helpers')

let sandbox, client
test.before(async () => ({ sandbox, client } = await start()))
test.after(() => sandbox.stop())
test.afterEach(() => sandbox.clearFaults())

function check(err, Class, code) {
  assert.ok(err instanceof Class, `${err && err.constructor && err.constructor.name}: ${err && err.message}`)
  assert.ok(err instanceof iq.IqtechError)
  assert.ok(err instanceof Error)
  assert.equal(err.code, code)
  assert.equal(err.name, Class.name)
  assert.equal(typeof err.message, 'string')
  assert.ok(!err.message.includes('\n'), 'one line')
  assert.ok(!err.message.includes(sandbox.clientSecret), 'no secret')
  assert.ok(typeof err.stack === 'string')
}

const statusCases = [
  [403, iq.PermissionDeniedError, 'permission_denied'],
  [404, iq.NotFoundError, 'not_found'],
  [409, iq.ConflictError, 'conflict'],
  [429, iq.RateLimitError, 'rate_limited'],
  [500, iq.ServerError, 'server'],
  [503, iq.ServerError, 'server'],
  [400, iq.BadRequestError, 'bad_request'],
]
for (const [status, Class, code] of statusCases) {
  test(`HTTP ${status} gives ${Class.name} with status and body`, async () => {
    sandbox.inject({ route: 'employees.list', status, times: 1 })
    const err = await failure(client.employees.list())
    check(err, Class, code)
    assert.ok(err instanceof iq.ApiError)
    assert.equal(err.status, status)
    assert.equal(err.operation, 'employees.list')
    assert.equal(err.page, null)
    assert.ok(Array.isArray(err.fieldErrors))
    if (status === 429) assert.equal(err.retryAfter, 1000)
    if (status === 503) assert.match(err.body, /html/i)
  })
}

test('an envelope error keeps errorId (which may disagree with the status) and the server message', async () => {
  const err = await failure(client.willCall.recallReservation('00000000-0000-0000-0000-000000000000', assignee('X', 'DropOff')))
  check(err, iq.NotFoundError, 'not_found')
  assert.equal(err.status, 404)
  assert.equal(err.errorId, 400)
  assert.equal(err.detail, 'Invalid Operation!')
  const bad = await failure(client.machines.planogram('WTN-NOPE'))
  check(bad, iq.BadRequestError, 'bad_request')
  assert.equal(bad.detail, 'Invalid Serial Number')
})

test('a ProblemDetails answer gives fieldErrors and traceId', async () => {
  const err = await failure(client.willCall.sendNewCode('not-a-guid'))
  check(err, iq.BadRequestError, 'bad_request')
  assert.ok(err.fieldErrors.length >= 1, JSON.stringify(err.fieldErrors))
  assert.equal(typeof err.fieldErrors[0].field, 'string')
  assert.ok(Array.isArray(err.fieldErrors[0].messages))
  assert.equal(typeof err.traceId, 'string')
})

test('refused credentials give AuthenticationError', async () => {
  const bad = new iq.Client({ clientId: sandbox.clientId, clientSecret: 'wrong-secret-value', authUrl: sandbox.authUrl, apiUrl: sandbox.apiUrl, maxAttempts: 1 })
  const err = await failure(bad.employees.list())
  check(err, iq.AuthenticationError, 'authentication')
  assert.ok(!err.message.includes('wrong-secret-value'))
})

test('expired tokens are renewed transparently', async () => {
  await client.employees.list({ pageSize: 1 })
  sandbox.expireTokens()
  const page = await client.employees.list({ pageSize: 1 })
  assert.equal(page.items.length, 1)
})

test('a caller mistake gives ValidationError naming the field, before anything is sent', async () => {
  sandbox.clearJournal()
  const err = await failure(client.employees.list({ pageSize: 500 }))
  check(err, iq.ValidationError, 'validation')
  assert.equal(err.field, 'pageSize')
  assert.equal(sandbox.journal().totalRequests, 0)
  const ctor = (() => { try { new iq.Client({ clientId: 'x' }) } catch (e) { return e } })()
  check(ctor, iq.ValidationError, 'validation')
  assert.equal(ctor.field, 'clientSecret')
})

test('a missing environment variable gives ConfigurationError', () => {
  const saved = { ...process.env }
  delete process.env.IQTECH_CLIENT_ID
  delete process.env.IQTECH_CLIENT_SECRET
  try {
    const err = (() => { try { iq.Client.fromEnv() } catch (e) { return e } })()
    check(err, iq.ConfigurationError, 'config')
    assert.match(err.message, /IQTECH_CLIENT_ID/)
    process.env.IQTECH_CLIENT_ID = sandbox.clientId
    process.env.IQTECH_CLIENT_SECRET = sandbox.clientSecret
    process.env.IQTECH_API_URL = sandbox.apiUrl
    process.env.IQTECH_AUTH_URL = sandbox.authUrl
    const c = iq.Client.fromEnv({ maxAttempts: 1 })
    assert.equal(c.apiUrl, sandbox.apiUrl + '/')
  } finally {
    for (const k of ['IQTECH_CLIENT_ID', 'IQTECH_CLIENT_SECRET', 'IQTECH_API_URL', 'IQTECH_AUTH_URL']) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
  }
})

test('an unreachable server gives ConnectionError', async () => {
  const gone = await iq.Sandbox.start({ employees: 1, machines: 1 })
  const c = gone.client({ maxAttempts: 1 })
  await gone.stop()
  const err = await failure(c.employees.list())
  check(err, iq.ConnectionError, 'connection')
  assert.equal(typeof err.operation, 'string')
})

test('no answer in time gives TimeoutError', async () => {
  const slow = sandbox.client({ maxAttempts: 1, requestTimeout: 200 })
  await slow.employees.list({ pageSize: 1 }) // token first, so the timeout hits the operation
  sandbox.inject({ route: 'employees.list', latencyMs: 1500, times: 1 })
  const err = await failure(slow.employees.list())
  check(err, iq.TimeoutError, 'timeout')
  assert.equal(err.timeout, 200)
  assert.equal(err.operation, 'employees.list')
})

test('a 200 with isSuccess: false gives the plain ApiError (code api), not a subclass', async () => {
  sandbox.inject({ route: 'employees.list', body: 'failed_envelope', times: 1 })
  const err = await failure(client.employees.list())
  check(err, iq.ApiError, 'api')
  assert.equal(Object.getPrototypeOf(err), iq.ApiError.prototype, 'exactly ApiError')
  assert.equal(err.status, 200)
  assert.equal(err.errorId, 500)
  assert.equal(err.detail, 'Simulated failure with a 200 status')
  assert.equal(err.operation, 'employees.list')
})

test('an unreadable 2xx body gives DecodeError', async () => {
  sandbox.inject({ route: 'employees.list', body: 'malformed', times: 1 })
  const err = await failure(client.employees.list())
  check(err, iq.DecodeError, 'decode')
  assert.equal(err.status, 200)
})

test('a lost answer to a create gives OutcomeUnknownError with advice, and it is not repeated', async () => {
  sandbox.clearJournal()
  sandbox.inject({ route: 'employees.create', dropConnection: true, times: 1 })
  const err = await failure(
    client.employees.create({ department: 'D', firstName: 'Lost', lastName: 'Answer', employeeNumber: 'LOST-1' }),
  )
  check(err, iq.OutcomeUnknownError, 'outcome_unknown')
  assert.equal(err.operation, 'employees.create')
  assert.match(err.howToCheck, /lookup/)
  assert.equal(sandbox.journal().perRoute['employees.create'], 1)
  assert.equal((await client.employees.lookup({ employeeNumber: 'LOST-1' })).length, 1, 'it did happen')
})

test('retries cover a transient 503 for a repeatable call', async () => {
  const retrying = sandbox.client({ maxAttempts: 3 })
  sandbox.inject({ route: 'employees.list', status: 503, times: 1 })
  const page = await retrying.employees.list({ pageSize: 1 })
  assert.equal(page.items.length, 1)
})

test('an https sandbox client trusts its test CA, and options given win', async () => {
  const sb = await iq.Sandbox.start({ https: true, employees: 3 })
  try {
    assert.ok(sb.apiUrl.startsWith('https://'), sb.apiUrl)
    const page = await sb.client({ maxAttempts: 1 }).employees.list()
    assert.equal(page.items.length, 3)
    await assert.rejects(sb.client({ clientSecret: 'wrong', maxAttempts: 1 }).employees.list(), iq.AuthenticationError)
  } finally {
    await sb.stop()
  }
})
