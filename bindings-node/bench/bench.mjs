// Benchmark of the Node binding against the embedded sandbox (loopback), ratios measured in one
// run. Not a test: run it on a release build (`npm run build && npm run bench`).
//
// 1. One `employees.list({ pageSize: 100 })` vs `fetch` + `JSON.parse` of the same request
//    (same token, same server), sequential calls, mean time per call.
// 2. Walking 200 pages at 20 ms injected latency: `employees.iter({ concurrency: 8 })` vs a
//    sequential `fetch` loop.
import { Sandbox } from 'iqtech'

const CALLS = Number(process.env.BENCH_CALLS ?? 400)
const PAGES = 200
const PAGE_SIZE = 25

const sandbox = await Sandbox.start({ employees: PAGES * PAGE_SIZE, machines: 2, transactions: 10 })
const client = sandbox.client()

// A token for the plain fetch side.
const tokenRes = await fetch(`${sandbox.authUrl}/connect/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.clientId, client_secret: sandbox.clientSecret }),
})
const { access_token: token } = await tokenRes.json()
const headers = { authorization: `Bearer ${token}` }
const listUrl = (page, size) => `${sandbox.apiUrl}/api/Employee?page=${page}&pageSize=${size}`

async function fetchJson(url) {
  const res = await fetch(url, { headers })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return JSON.parse(await res.text())
}

async function timeIt(label, n, fn) {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i) // warm-up
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) await fn(i)
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  return { label, perCall: ms / n }
}

// 1. Per call.
const sdkCall = await timeIt('sdk', CALLS, async () => {
  const page = await client.employees.list({ pageSize: 100 })
  if (page.items.length !== 100) throw new Error('short page')
})
const fetchCall = await timeIt('fetch', CALLS, async () => {
  const body = await fetchJson(listUrl(1, 100))
  if (body.result.items.length !== 100) throw new Error('short page')
})
// Second round, in the other order, to even out warm-up effects.
const fetchCall2 = await timeIt('fetch', CALLS, async () => {
  await fetchJson(listUrl(1, 100))
})
const sdkCall2 = await timeIt('sdk', CALLS, async () => {
  await client.employees.list({ pageSize: 100 })
})
const sdkPer = (sdkCall.perCall + sdkCall2.perCall) / 2
const fetchPer = (fetchCall.perCall + fetchCall2.perCall) / 2

// 2. Paging at 20 ms latency.
sandbox.inject({ route: 'employees.list', latencyMs: 20 })
let t0 = performance.now()
let n = 0
for await (const e of client.employees.iter({ pageSize: PAGE_SIZE, concurrency: 8 })) n += e ? 1 : 0
const sdkWalk = performance.now() - t0
if (n !== PAGES * PAGE_SIZE) throw new Error(`walked ${n}`)
t0 = performance.now()
let m = 0
for (let page = 1; page <= PAGES; page++) m += (await fetchJson(listUrl(page, PAGE_SIZE))).result.items.length
const fetchWalk = performance.now() - t0
if (m !== PAGES * PAGE_SIZE) throw new Error(`fetched ${m}`)
await sandbox.stop()

const f = (x) => x.toFixed(3)
console.log(`node ${process.version}, ${CALLS} calls x 2 rounds each`)
console.log(`employees.list({ pageSize: 100 }): sdk ${f(sdkPer)} ms/call, fetch+JSON.parse ${f(fetchPer)} ms/call -> ${(fetchPer / sdkPer).toFixed(2)}x`)
console.log(`${PAGES} pages at 20 ms: sdk iter(concurrency 8) ${sdkWalk.toFixed(0)} ms, sequential fetch ${fetchWalk.toFixed(0)} ms -> ${(fetchWalk / sdkWalk).toFixed(2)}x`)
