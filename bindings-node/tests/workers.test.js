'use strict'
// worker_threads, worker teardown mid-call, and a process that exits by itself.
const test = require('node:test')
const assert = require('node:assert/strict')
const { Worker } = require('node:worker_threads')
const { spawnSync } = require('node:child_process')
const { join } = require('node:path')
const { setTimeout: sleep } = require('node:timers/promises')
const { iq, start } = require('./helpers')

let sandbox, client, credentials
test.before(async () => {
  ;({ sandbox, client } = await start())
  credentials = { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, authUrl: sandbox.authUrl, apiUrl: sandbox.apiUrl }
})
test.after(() => sandbox.stop())

function runWorker(workerData) {
  return new Promise((resolve, reject) => {
    const w = new Worker(join(__dirname, 'fixtures', 'worker.js'), { workerData })
    let message
    w.on('message', (m) => (message = m))
    w.once('error', reject)
    w.once('exit', (code) => (code === 0 ? resolve(message) : reject(new Error(`worker exit ${code}`))))
  })
}

test('the addon works in worker threads, several at once, and they exit cleanly', async () => {
  const results = await Promise.all([1, 2, 3].map(() => runWorker({ credentials })))
  for (const r of results) {
    assert.equal(r.error, undefined, r.error)
    assert.equal(r.first, sandbox.employeeNumbers()[0])
    assert.equal(r.walked, 45)
    assert.equal(r.errorClass, 'BadRequestError', 'error classes of the worker')
    assert.equal(r.ownCount, 3, 'a sandbox started inside a worker')
  }
})

test('terminating a worker with a call in flight does not crash when the answer arrives', async () => {
  sandbox.inject({ route: 'employees.list', latencyMs: 800, times: 2 })
  const w = new Worker(join(__dirname, 'fixtures', 'worker.js'), { workerData: { credentials, mode: 'hang' } })
  await new Promise((resolve) => w.once('message', resolve))
  await sleep(100)
  assert.equal(await w.terminate(), 1)
  await sleep(1200) // the answer arrives after the worker is gone
  const page = await client.employees.list({ pageSize: 2 })
  assert.equal(page.items.length, 2, 'this thread still works')
})

test('a process exits by itself when its work is done (sandbox left running, pager half-read, worker terminated)', () => {
  const r = spawnSync(process.execPath, [join(__dirname, 'fixtures', 'clean-exit.js')], { encoding: 'utf8', timeout: 30_000 })
  assert.equal(r.error, undefined, String(r.error))
  assert.equal(r.signal, null, `killed by ${r.signal}: the event loop was kept alive or it crashed\n${r.stderr}`)
  assert.equal(r.status, 0, r.stderr)
  assert.equal(r.stdout.trim(), 'done')
})
