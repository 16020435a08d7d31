// Issue 11, Node: the SDK against fetch + JSON.parse, in one run, ratios printed.
//
// Usage: node bench.mjs URL [SLOW_URL]   (servers from `iqbench serve`; see ../README.md)
// Resolves the SDK from ../../bindings-node (a release build of the addon must be there).
// Both sides do the same work: one call, then read every money field of every dispense (T1) or
// every employeeNumber (E1); fetch keeps connections alive (undici's default).
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
const { Client } = require('../../bindings-node')

const [url, slow] = process.argv.slice(2).map((u) => u.replace(/\/$/, ''))
const ROUNDS = Number(process.env.ROUNDS ?? 200)
const headers = { authorization: 'Bearer bench-token' }
const mk = (u) => new Client({ clientId: 'bench', clientSecret: 'bench-secret', authUrl: u, apiUrl: u })
const client = mk(url)

const readSdkTx = (page) => {
  let n = 0
  for (const t of page.items) for (const d of t.transactionDetails) n += (d.pricePerItem != null) + (d.total != null) + (d.packagePrice != null)
  return n
}
const readJsonTx = (body) => {
  let n = 0
  // Exact money as the SDK gives it: the decimal text.
  for (const t of body.result.transactionReport.items) for (const d of t.transactionDetails) for (const k of ['pricePerItem', 'total', 'packagePrice']) n += d[k] != null ? String(d[k]).length > 0 : 0
  return n
}
const getJson = async (path) => {
  const res = await fetch(`${url}${path}?page=1&pageSize=100`, { headers })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return JSON.parse(await res.text())
}

async function interleaved(contenders, rounds) {
  const names = Object.keys(contenders)
  const samples = Object.fromEntries(names.map((n) => [n, []]))
  for (let r = 0; r < rounds + 20; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length]
      const t = process.hrtime.bigint()
      await contenders[name]()
      const dt = Number(process.hrtime.bigint() - t) / 1e6
      if (r >= 20) samples[name].push(dt)
    }
  }
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]
  return Object.fromEntries(names.map((n) => [n, med(samples[n])]))
}

function show(title, med, sdk) {
  console.log(`# ${title}`)
  for (const [name, m] of Object.entries(med)) {
    const extra = name === sdk ? '' : `   SDK/baseline ${(med[sdk] / m).toFixed(2)}x`
    console.log(`  ${name.padEnd(40)} median ${m.toFixed(3).padStart(8)} ms${extra}`)
  }
}

show('Node, 100 transactions (216 KB)', await interleaved({
  'sdk transactions.list + money': async () => readSdkTx(await client.transactions.list({ page: 1, pageSize: 100 })),
  'fetch + JSON.parse + money': async () => readJsonTx(await getJson('/api/Transaction')),
}, ROUNDS), 'sdk transactions.list + money')

show('Node, 100 employees (16 KB)', await interleaved({
  'sdk employees.list + numbers': async () => (await client.employees.list({ page: 1, pageSize: 100 })).items.map((e) => e.employeeNumber),
  'fetch + JSON.parse + numbers': async () => (await getJson('/api/Employee')).result.items.map((e) => e.employeeNumber),
}, ROUNDS * 3), 'sdk employees.list + numbers')

if (slow) {
  // The walk: the SDK's pager against what a user would write with fetch (8 workers taking the
  // next page number, JSON.parse, counting the items), interleaved, 5 rounds each.
  const sc = mk(slow)
  const base = slow.replace(/\/$/, '')
  const sdkWalk = async () => {
    let n = 0
    for await (const _ of sc.transactions.iter({ pageSize: 100 }, { concurrency: 8 })) n++
    return n
  }
  const fetchWalk = async () => {
    let n = 0
    let next = 1
    const worker = async () => {
      while (next <= 200) {
        const page = next++
        const res = await fetch(`${base}/api/Transaction?page=${page}&pageSize=100`, { headers })
        if (!res.ok) throw new Error(`HTTP ${res.status}`)
        const body = JSON.parse(await res.text())
        n += body.result.transactionReport.items.length
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    return n
  }
  const times = { sdk: [], fetch: [] }
  for (let i = 0; i < 5; i++) {
    for (const [name, walk] of i % 2 ? [['fetch', fetchWalk], ['sdk', sdkWalk]] : [['sdk', sdkWalk], ['fetch', fetchWalk]]) {
      const t = process.hrtime.bigint()
      const n = await walk()
      times[name].push(Number(process.hrtime.bigint() - t) / 1e6)
      if (n !== 20000) throw new Error(`${name} walked ${n}`)
    }
  }
  const m = (a) => a.sort((x, y) => x - y)[2]
  const [s, f] = [m(times.sdk), m(times.fetch)]
  console.log(`# Node walk, 200 pages at 20 ms, concurrency 8 (floor 500 ms)`)
  console.log(`  sdk transactions.iter                    median ${s.toFixed(0).padStart(8)} ms   ${(s / 500).toFixed(2)}x the floor`)
  console.log(`  fetch + JSON.parse, 8 workers            median ${f.toFixed(0).padStart(8)} ms   ${(f / 500).toFixed(2)}x the floor   SDK/baseline ${(s / f).toFixed(2)}x`)
}
