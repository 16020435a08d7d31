'use strict'
// Every operation of the core, called through the built addon against the sandbox.
const test = require('node:test')
const assert = require('node:assert/strict')
const { iq, start, reservation, assignee } = require('./helpers')
const { surface, camel } = require('./surface')

let sandbox, client
test.before(async () => ({ sandbox, client } = await start()))
test.after(() => sandbox.stop())

test('every operation of the core table exists, camelCase, under the same group, with its kind', () => {
  const { operations, groups } = surface()
  assert.ok(operations.some((o) => o.group === 'machines' && o.method === 'low_stock'), 'the table has lowStock')
  for (const g of groups) assert.equal(typeof iq[g.type], 'function', `export ${g.type}`)
  for (const op of operations) {
    const g = client[camel(op.group)]
    assert.ok(g, `client.${camel(op.group)}`)
    assert.ok(g instanceof iq[groups.find((x) => x.name === op.group).type], `client.${camel(op.group)} class`)
    assert.equal(typeof g[camel(op.method)], 'function', `client.${camel(op.group)}.${camel(op.method)}`)
  }
})

test('every error class of the core table is exported, with its parent and code', async () => {
  const { errors } = surface()
  for (const c of errors) {
    const Class = iq[c.name]
    assert.equal(typeof Class, 'function', c.name)
    assert.equal(Class.name, c.name)
    const Parent = c.parent === null ? Error : iq[c.parent]
    assert.equal(Object.getPrototypeOf(Class), Parent, `${c.name} extends ${c.parent}`)
  }
  assert.ok(new iq.InternalError('x', { code: 'internal' }) instanceof iq.IqtechError)
})

test('every setting of the core table is a Client option (camelCase); old names are refused', () => {
  const { settings } = surface()
  const base = { clientId: 'a', clientSecret: 'b', apiUrl: 'http://127.0.0.1:1', authUrl: 'http://127.0.0.1:1' }
  const sample = { text: 'x', secret: 'x', integer: 2, duration: 1500, boolean: true }
  const valid = { auth_url: base.authUrl, api_url: base.apiUrl, proxy: 'http://127.0.0.1:3128', no_proxy: '127.0.0.1', ca_bundle: null, query_date_format: '%m-%d-%Y' }
  for (const s of settings) {
    const value = s.name in valid ? valid[s.name] : sample[s.kind]
    assert.ok(value !== undefined || s.name in valid, `a sample value for kind ${s.kind}`)
    assert.doesNotThrow(() => new iq.Client({ ...base, [camel(s.name)]: value }), `${camel(s.name)}: ${value}`)
  }
  for (const old of ['timeout', 'timeoutMs', 'connectTimeoutMs', 'request_timeout']) {
    assert.throws(() => new iq.Client({ ...base, [old]: 1000 }), (e) => e instanceof iq.ValidationError && e.field === camel(old), old)
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
    for await (const d of wc.iterReservedLockerReport({ serialNumber: serial, fromDate: today, toDate: today, pageSize: 1 }, { concurrency: 2 })) {
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
  for await (const x of client.transactions.iter({ pageSize: 7 }, { concurrency: 4 })) {
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

test('machines.lowStock: the core report, for one machine or all, worst first', async () => {
  const all = await client.machines.lowStock()
  assert.ok(Array.isArray(all) && all.length > 0, 'the seeded machines have low stock')
  for (const row of all) {
    assert.ok(row.severity === 'critical' || row.severity === 'low', JSON.stringify(row))
    assert.equal(typeof row.currentCount, 'number')
    assert.ok(row.currentCount <= row.level)
  }
  const order = { critical: 0, low: 1 }
  for (let i = 1; i < all.length; i++) assert.ok(order[all[i - 1].severity] <= order[all[i].severity], 'critical first')
  const serial = sandbox.machineSerials()[0]
  const one = await client.machines.lowStock({ serialNo: serial, concurrency: 2 })
  assert.deepEqual(one, all.filter((r) => r.serialNo === serial))
})

test('a call that returns nothing resolves to undefined', async () => {
  assert.equal(await client.employees.setStatus(sandbox.employeeNumbers()[0], true), undefined)
})
