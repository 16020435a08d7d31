'use strict'
// Every operation of the core, called through the built addon against the sandbox.
const test = require('node:test')
const assert = require('node:assert/strict')
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const { iq, start, reservation, assignee } = require('./helpers')

let sandbox, client
test.before(async () => ({ sandbox, client } = await start()))
test.after(() => sandbox.stop())

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())

test('every method of the core PUBLIC_METHODS exists, camelCase, under the same group', () => {
  const src = readFileSync(join(__dirname, '..', '..', 'core', 'src', 'operations.rs'), 'utf8')
  const block = src.slice(src.indexOf('pub const PUBLIC_METHODS'))
  const pairs = [...block.slice(0, block.indexOf('];')).matchAll(/\("(\w+)", "(\w+)"\)/g)]
  assert.ok(pairs.length >= 26, `parsed ${pairs.length} methods`)
  for (const [, group, method] of pairs) {
    const g = client[camel(group)]
    assert.ok(g, `client.${camel(group)}`)
    assert.equal(typeof g[camel(method)], 'function', `client.${camel(group)}.${camel(method)}`)
  }
})

test('employees: list, lookup, create, update (renumber), setStatus, setPin', async () => {
  const page = await client.employees.list({ page: 2, pageSize: 10 })
  assert.equal(page.items.length, 10)
  assert.equal(page.meta.pageNumber, 2)
  assert.equal(page.meta.totalItemCount, 45)
  const e = page.items[0]
  assert.equal(typeof e.employeeNumber, 'string')
  assert.ok('firstName' in e && !('first_name' in e), 'camelCase keys')
  assert.equal(e.email, null, 'fields the list lacks are null')

  const first = await client.employees.list()
  assert.equal(first.meta.pageNumber, 1)
  assert.equal(first.meta.pageSize, 100)

  await client.employees.create({
    department: 'QA', firstName: 'Ada', lastName: 'Lovelace', employeeNumber: 'N-1', email: 'ada@example.com',
    language: 'Spanish', active: true,
  })
  let found = await client.employees.lookup({ employeeNumber: 'N-1' })
  assert.equal(found.length, 1)
  assert.equal(found[0].lastName, 'Lovelace')
  assert.equal(found[0].language, 'Spanish')
  assert.deepEqual(await client.employees.lookup({ lastName: 'Nobody-Such' }), [], 'no match is []')

  await client.employees.update('N-1', { department: 'QA', firstName: 'Ada', lastName: 'King', employeeNumber: 'N-2' })
  found = await client.employees.lookup({ employeeNumber: 'N-2' })
  assert.equal(found[0].lastName, 'King')

  await client.employees.setStatus('N-2', false)
  found = await client.employees.lookup({ employeeNumber: 'N-2' })
  assert.equal(found[0].active, false)

  assert.equal(await client.employees.setPin({ employeeNumber: 'N-2', pin: '4321' }), undefined)
  assert.equal(sandbox.employeePin('N-2'), '4321')
  await client.employees.setPin({ employeeNumber: 'N-2', pin: '9876', oldPin: '4321' })
  assert.equal(sandbox.employeePin('N-2'), '9876')
})

for (const group of ['willCall', 'willCallV1']) {
  test(`${group}: reservation lifecycle and report`, async () => {
    const wc = client[group]
    const serial = sandbox.lockerMachineSerials()[group === 'willCall' ? 0 : 1]
    const free = await wc.reservableSelections(serial)
    assert.ok(free.length > 0 && free.every(Number.isInteger))
    const result = await wc.addReservation(reservation(serial, free[0]))
    assert.equal(result.message, 'Reservation added successfully')
    assert.equal(result.accessCodes.length, 2)
    assert.match(result.accessCodes[0].code, /^\d+$/)
    const id = result.reserveLockerId
    assert.equal(id.length, 36)

    const status = await wc.reservationStatus(serial)
    assert.ok(status.some((s) => s.selection === String(free[0]) && s.currentStatus === 'Drop Off Pending'))
    if (group === 'willCall') assert.ok(status.some((s) => s.reserveLockerId === id))

    const again = await wc.sendNewCode(id)
    assert.equal(again.accessCodes.length, 2)
    assert.notEqual(again.accessCodes[0].code, result.accessCodes[0].code)

    const today = new Date()
    const report = await wc.reservedLockerReport({ serialNumber: serial, fromDate: today, toDate: today })
    assert.equal(typeof report.hasNextPage, 'boolean')
    const details = group === 'willCall' ? report.machineDetails.flatMap((m) => m.reservationDetails) : report.reservationDetails
    assert.ok(details.length >= 1, 'the new reservation is in the report')

    const walked = []
    for await (const d of wc.iterReservedLockerReport({ serialNumber: serial, fromDate: today, toDate: today, pageSize: 1, concurrency: 2 })) {
      walked.push(d)
    }
    assert.equal(walked.length, details.length)

    const recalled = await wc.recallReservation(id, assignee('Drop Person', 'DropOff'))
    assert.match(recalled.message, /Recalled/i)
    assert.equal(sandbox.reservations().find((r) => r.reserveLockerId === id).status, 'Recalled')
    const after = await wc.reservableSelections(serial)
    assert.ok(after.includes(free[0]), 'locker freed')
  })
}

test('machines: planogram, list, iter', async () => {
  const serial = sandbox.machineSerials()[0]
  const p = await client.machines.planogram(serial)
  assert.equal(p.machine.controlBoardSerialNo, serial)
  assert.ok(p.machinePlanogram.length > 0)
  const entry = p.machinePlanogram.find((x) => x.price !== null)
  assert.equal(typeof entry.price, 'string', 'money is a decimal string')
  assert.match(entry.price, /^\d+\.\d+$/)

  const page = await client.machines.list({ page: 1, pageSize: 2 })
  assert.equal(page.items.length, 2)
  assert.equal(page.meta.totalItemCount, 5)
  const all = []
  for await (const m of client.machines.iter({ pageSize: 2 })) all.push(m.machine.controlBoardSerialNo)
  assert.deepEqual(all, sandbox.machineSerials())
})

test('transactions: list with dates as strings or Dates, serial filter, iter', async () => {
  const page = await client.transactions.list({ fromDate: '2024-01-01', toDate: '2024-12-31', pageSize: 5 })
  assert.equal(page.items.length, 5)
  const t = page.items[0]
  assert.equal(typeof t.machineDetails.serialNo, 'string')
  const d = t.transactionDetails[0]
  assert.equal(typeof d.transactionDateAndTime, 'string')
  assert.ok(d.total === null || typeof d.total === 'string')

  const viaDates = await client.transactions.list({ fromDate: new Date('2024-01-01'), toDate: new Date(Date.UTC(2024, 11, 31)), pageSize: 5 })
  assert.deepEqual(viaDates, page)

  const serial = t.machineDetails.serialNo
  const filtered = await client.transactions.list({ serialNo: serial })
  assert.ok(filtered.items.every((x) => x.machineDetails.serialNo === serial))

  let n = 0
  for await (const x of client.transactions.iter({ pageSize: 7, concurrency: 4 })) {
    assert.ok(x.machineDetails)
    n++
  }
  const total = (await client.transactions.list({ pageSize: 1 })).meta.totalItemCount
  assert.equal(n, total)
})

test('the client reports its configuration but never its secret', () => {
  assert.equal(client.clientId, sandbox.clientId)
  assert.ok(client.apiUrl.startsWith('http://127.0.0.1:'))
  assert.ok(!Object.values(client).includes(sandbox.clientSecret))
  assert.equal(new iq.Client({ clientId: 'a', clientSecret: 'b', apiUrl: 'http://localhost:1' }).apiUrl, 'http://localhost:1/')
})
