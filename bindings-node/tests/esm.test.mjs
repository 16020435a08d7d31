// ESM `import` and CommonJS `require` give the same module (same classes, so instanceof works).
import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import iqDefault, { Client, Sandbox, NotFoundError, IqtechError } from 'iqtech'

const require = createRequire(import.meta.url)

test('import and require give the same classes', async () => {
  const cjs = require('iqtech')
  assert.equal(Client, cjs.Client)
  assert.equal(Sandbox, cjs.Sandbox)
  assert.equal(NotFoundError, cjs.NotFoundError)
  assert.equal(iqDefault.Client, Client)
  const sandbox = await Sandbox.start({ employees: 2, machines: 1 })
  try {
    const client = sandbox.client({ maxAttempts: 1 })
    sandbox.inject({ route: 'employees.list', status: 404, times: 1 })
    const err = await client.employees.list().catch((e) => e)
    assert.ok(err instanceof NotFoundError && err instanceof cjs.IqtechError && err instanceof IqtechError)
  } finally {
    await sandbox.stop()
  }
})
