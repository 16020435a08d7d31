'use strict'
// Many concurrent calls on one client: one token, every answer right.
const test = require('node:test')
const assert = require('node:assert/strict')
const { start } = require('./helpers')

test('300 concurrent calls on one client share one token and all succeed', async () => {
  const { sandbox, client } = await start()
  try {
    sandbox.clearJournal()
    const calls = []
    for (let i = 0; i < 300; i++) {
      const page = (i % 9) + 1
      calls.push(client.employees.list({ page, pageSize: 5 }).then((p) => [page, p]))
      if (i % 3 === 0) calls.push(client.machines.list({ pageSize: 2 }).then((p) => [0, p]))
    }
    const results = await Promise.all(calls)
    const numbers = sandbox.employeeNumbers()
    for (const [page, p] of results) {
      if (page === 0) assert.equal(p.items.length, 2)
      else assert.deepEqual(p.items.map((e) => e.employeeNumber), numbers.slice((page - 1) * 5, page * 5))
    }
    assert.equal(sandbox.journal().tokenRequests, 1)
  } finally {
    await sandbox.stop()
  }
})
