// Where a Node `transactions.list` of the 216 KB page spends its time (issue 11 goal 3): the
// whole call, its JavaScript half (JSON.parse of the same text), and the baseline's halves.
// A measuring aid, not a contender: `node split.mjs URL` against `iqbench serve`.
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
const { Client } = require('../../bindings-node')

const url = process.argv[2].replace(/\/$/, '')
const ROUNDS = Number(process.env.ROUNDS ?? 300)
const headers = { authorization: 'Bearer bench-token' }
const client = new Client({ clientId: 'bench', clientSecret: 'bench-secret', authUrl: url, apiUrl: url })
const tx = `${url}/api/Transaction?page=1&pageSize=100`

const page = await client.transactions.list({ page: 1, pageSize: 100 })
const sdkText = JSON.stringify(page)
const rawText = await (await fetch(tx, { headers })).text()

const parts = {
  'sdk transactions.list (whole call)': async () => client.transactions.list({ page: 1, pageSize: 100 }),
  'sdk employees.list (iqbench serves 100 employees, 16 KB, whatever the pageSize)': async () => client.employees.list({ page: 1, pageSize: 1 }),
  'JSON.parse of the SDK text': async () => JSON.parse(sdkText),
  'fetch + text()': async () => (await fetch(tx, { headers })).text(),
  'JSON.parse of the raw body': async () => JSON.parse(rawText),
}
const samples = Object.fromEntries(Object.keys(parts).map((n) => [n, []]))
for (let r = 0; r < ROUNDS + 20; r++) {
  for (const [name, f] of Object.entries(parts)) {
    const t = process.hrtime.bigint()
    await f()
    if (r >= 20) samples[name].push(Number(process.hrtime.bigint() - t) / 1e6)
  }
}
console.log(`# SDK text ${sdkText.length} chars, raw body ${rawText.length} chars`)
for (const [name, a] of Object.entries(samples)) {
  a.sort((x, y) => x - y)
  console.log(`  ${name.padEnd(44)} median ${a[a.length >> 1].toFixed(3).padStart(7)} ms`)
}
