'use strict'
// Inputs: camelCase objects, strict keys, types, dates, enums; every mistake is a
// ValidationError naming the field, and nothing is sent.
const test = require('node:test')
const assert = require('node:assert/strict')
const { iq, start, failure, reservation } = require('./helpers')

let sandbox, client
test.before(async () => ({ sandbox, client } = await start()))
test.after(() => sandbox.stop())

async function invalid(promise, field, pattern) {
  const err = await failure(promise)
  assert.ok(err instanceof iq.ValidationError, `${err.constructor.name}: ${err.message}`)
  assert.equal(err.code, 'validation')
  assert.equal(err.field, field, err.message)
  if (pattern) assert.match(err.message, pattern)
  return err
}

const employee = { department: 'D', firstName: 'F', lastName: 'L', employeeNumber: 'V-1' }

test('a mistyped key is named, with the keys that exist', async () => {
  sandbox.clearJournal()
  const err = await invalid(client.employees.create({ ...employee, fristName: 'x' }), 'fristName', /unknown field `fristName`/)
  assert.match(err.message, /`firstName`/)
  await invalid(client.employees.list({ pagesize: 5 }), 'pagesize')
  assert.equal(sandbox.journal().totalRequests, 0, 'nothing sent')
})

test('a missing required member or argument is named', async () => {
  const { department, ...rest } = employee
  await invalid(client.employees.create(rest), 'department', /missing field `department`/)
  await invalid(client.employees.create(), 'input', /required/)
  await invalid(client.employees.create({ ...employee, firstName: '  ' }), 'firstName', /empty/)
  await invalid(client.machines.planogram(''), 'serialNo')
})

test('a value of the wrong type is named, with its path', async () => {
  await invalid(client.employees.list({ pageSize: '10' }), 'pageSize')
  await invalid(client.employees.list({ page: 1.5 }), 'page')
  await invalid(client.machines.planogram(42), 'serialNo')
  await invalid(client.employees.setStatus('1000', 'yes'), 'active')
  const r = reservation('WTN', '1')
  r.externalReserveLockerDetailList[1].assigneeType = 5
  await invalid(client.willCall.addReservation(r), 'externalReserveLockerDetailList[1].assigneeType')
  await invalid(client.employees.list('page 2'), 'options')
  await invalid(client.employees.list({ page: () => 1 }), 'page', /function/)
})

test('dates: Date objects and YYYY-MM-DD strings; bad ones are named', async () => {
  const a = await client.transactions.list({ fromDate: '2024-02-01', toDate: '2024-02-29', pageSize: 3 })
  const b = await client.transactions.list({ fromDate: new Date('2024-02-01'), toDate: new Date('2024-02-29T23:00:00Z'), pageSize: 3 })
  assert.deepEqual(a, b)
  await invalid(client.transactions.list({ fromDate: 'yesterday' }), 'fromDate', /YYYY-MM-DD/)
  await invalid(client.transactions.list({ fromDate: new Date('nope') }), 'fromDate', /invalid Date/)
  await invalid(client.transactions.list({ fromDate: '2024-03-02', toDate: '2024-03-01' }), 'fromDate', /after toDate/)
  await invalid(client.willCall.reservedLockerReport({ serialNumber: 'WTN', toDate: '2024-01-01' }), 'fromDate', /missing/)
})

test('undefined members are left out; null means absent', async () => {
  const page = await client.employees.list({ page: undefined, pageSize: null })
  assert.equal(page.meta.pageSize, 100)
  const t = await client.transactions.list({ serialNo: undefined, fromDate: null })
  assert.ok(t.items.length > 0)
})

test('enums accept values the SDK does not know (the server decides)', async () => {
  const serial = sandbox.lockerMachineSerials()[0]
  const r = reservation(serial, (await client.willCall.reservableSelections(serial))[0], 'Teleport')
  const err = await failure(client.willCall.addReservation(r))
  assert.ok(!(err instanceof iq.ValidationError), 'not refused by the SDK')
  assert.ok(err instanceof iq.ApiError, err.message)
  // Languages: names or codes.
  await client.employees.create({ ...employee, employeeNumber: 'V-2', language: 2 })
  assert.equal((await client.employees.lookup({ employeeNumber: 'V-2' }))[0].language, 'French')
})

test('secrets never show in errors', async () => {
  const err = await failure(client.employees.setPin({ employeeNumber: 'nobody-here', pin: '135799', oldPin: '24680' }))
  assert.ok(!err.message.includes('135799') && !err.message.includes('24680'))
  assert.ok(!JSON.stringify(err).includes('135799'))
})

test('an instant (suspendUntil) takes a Date or an ISO string, sent as UTC', async () => {
  sandbox.clearJournal()
  await client.employees.create({ ...employee, employeeNumber: 'V-3', suspendUntil: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)) })
  await client.employees.create({ ...employee, employeeNumber: 'V-4', suspendUntil: '2030-01-02T03:04:05+01:00' })
  const bodies = sandbox.journal().requests.filter((r) => r.route === 'employees.create').map((r) => r.body)
  assert.equal(bodies.length, 2)
  assert.match(bodies[0].suspendUntil, /^2030-01-02T03:04:05(\.0+)?Z$/)
  assert.match(bodies[1].suspendUntil, /^2030-01-02T02:04:05(\.0+)?Z$/)
  await invalid(client.employees.create({ ...employee, employeeNumber: 'V-5', suspendUntil: 'soon' }), 'suspendUntil')
})
