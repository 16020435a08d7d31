'use strict'
// Auto-pagination: lazy, in order, with and without concurrency, early break stops fetching.
const test = require('node:test')
const assert = require('node:assert/strict')
const { setTimeout: sleep } = require('node:timers/promises')
const { iq, start, failure } = require('./helpers')

let sandbox, client
test.before(async () => ({ sandbox, client } = await start()))
test.after(() => sandbox.stop())
test.afterEach(() => sandbox.clearFaults())

const listed = () => sandbox.journal().perRoute['employees.list'] ?? 0

for (const concurrency of [undefined, 1, 4]) {
  test(`iter walks every employee in order (concurrency ${concurrency})`, async () => {
    sandbox.clearJournal()
    const numbers = []
    for await (const e of client.employees.iter({ pageSize: 10, concurrency })) numbers.push(e.employeeNumber)
    assert.deepEqual(numbers, sandbox.employeeNumbers())
    assert.equal(listed(), 5, '45 employees at 10 a page')
  })
}

test('in order even when later pages answer first', async () => {
  sandbox.inject({ route: 'employees.list', latencyMs: 5, jitterMs: 40 })
  const numbers = []
  for await (const e of client.employees.iter({ pageSize: 3, concurrency: 8 })) numbers.push(e.employeeNumber)
  assert.deepEqual(numbers, sandbox.employeeNumbers())
})

test('nothing is fetched before the first item is asked for', async () => {
  sandbox.clearJournal()
  const pager = client.employees.iter({ pageSize: 10 })
  await sleep(50)
  assert.equal(listed(), 0)
  const first = await pager.nextItem()
  assert.equal(first.employeeNumber, sandbox.employeeNumbers()[0])
  assert.equal(listed(), 1)
  pager.close()
  assert.equal(await pager.nextItem(), null, 'a closed pager gives no more items')
})

for (const concurrency of [1, 4]) {
  test(`break stops fetching (concurrency ${concurrency})`, async () => {
    sandbox.inject({ route: 'employees.list', latencyMs: 20 })
    sandbox.clearJournal()
    let seen = 0
    const pager = client.employees.iter({ pageSize: 1, concurrency })
    for await (const e of pager) {
      assert.ok(e.employeeNumber)
      if (++seen === 3) break
    }
    assert.equal(await pager.nextItem(), null, 'break closed the pager (its stream is dropped)')
    await sleep(300)
    const fetched = listed()
    // A concurrent pager holds up to two pages fetched ahead of their turn and two ready beyond
    // the ones in flight (the core's bound, concurrency + 4); a sequential one none.
    const ahead = concurrency > 1 ? 4 : 0
    assert.ok(fetched <= 3 + concurrency + ahead, `fetched ${fetched} of 45 pages`)
    await sleep(200)
    assert.equal(listed(), fetched, 'no fetching after the break')
  })
}

test('a failing page rejects after the items before it, naming the page', async () => {
  const items = []
  const pager = client.employees.iter({ pageSize: 10 })
  const err = await failure(
    (async () => {
      for await (const e of pager) {
        items.push(e)
        if (items.length === 1) sandbox.inject({ route: 'employees.list', status: 500, times: 1 })
      }
    })(),
  )
  assert.equal(items.length, 10)
  assert.ok(err instanceof iq.ServerError, String(err))
  assert.equal(err.page, 2)
  assert.match(err.message, /^page 2: /)
  assert.equal(await pager.nextItem(), null, 'the pager ends after an error')
})

test('invalid pager options throw ValidationError at once', () => {
  assert.throws(() => client.employees.iter({ pageSize: 0 }), (e) => e instanceof iq.ValidationError && e.field === 'pageSize')
  assert.throws(() => client.machines.iter({ concurrency: 99 }), (e) => e instanceof iq.ValidationError && e.field === 'concurrency')
  assert.throws(() => client.transactions.iter({}, { concurrency: 'x' }), (e) => e instanceof iq.ValidationError && e.field === 'concurrency')
  assert.throws(() => client.employees.iter({ size: 5 }), (e) => e instanceof iq.ValidationError && e.field === 'size')
})

test('the client default page concurrency applies', async () => {
  const c = sandbox.client({ pageConcurrency: 3 })
  let n = 0
  for await (const m of c.machines.iter({ pageSize: 1 })) n += m.machine ? 1 : 0
  assert.equal(n, 5)
})

test('iterPages yields whole pages, lazily, in order; a failing page names itself', async () => {
  sandbox.clearJournal()
  const pager = client.employees.iterPages({ pageSize: 20 })
  await sleep(30)
  assert.equal(listed(), 0, 'nothing fetched before asked')
  const pages = []
  for await (const p of pager) pages.push(p)
  assert.deepEqual(pages.map((p) => p.items.length), [20, 20, 5])
  assert.deepEqual(pages.map((p) => p.meta.pageNumber), [1, 2, 3])
  assert.deepEqual(pages.flatMap((p) => p.items.map((e) => e.employeeNumber)), sandbox.employeeNumbers())
  const report = []
  for await (const p of client.transactions.iterPages({ pageSize: 50 }, { concurrency: 2 })) report.push(p.items.length)
  assert.deepEqual(report, [50, 50, 20])
  sandbox.inject({ route: 'machines.list', status: 500, after: 1, times: 1 })
  const seen = []
  const err = await failure((async () => { for await (const p of client.machines.iterPages({ pageSize: 2 })) seen.push(p) })())
  assert.equal(seen.length, 1)
  assert.ok(err instanceof iq.ServerError, String(err))
  assert.equal(err.page, 2)
})

test('the calling convention: options after the required arguments, strictly', async () => {
  assert.throws(() => client.transactions.iter({ pageSize: 5 }, { concurency: 2 }), (e) => e instanceof iq.ValidationError && e.field === 'concurency' && /`concurrency`/.test(e.message))
  assert.throws(() => client.transactions.iter(), (e) => e instanceof iq.ValidationError && e.field === 'query' && /required/.test(e.message))
  assert.throws(() => client.employees.iter({}, {}), (e) => e instanceof iq.ValidationError && e.field === 'arguments')
  assert.throws(() => client.employees.iter(5), (e) => e instanceof iq.ValidationError && e.field === 'options')
})
