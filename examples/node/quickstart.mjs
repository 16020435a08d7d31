// Quickstart (ES module): the transaction report, with dates as Date objects or 'YYYY-MM-DD'.
import { Sandbox, Client, TimeoutError } from 'iqtech'

const sandbox = process.env.IQTECH_CLIENT_ID ? null : await Sandbox.start({ transactions: 2000 })
const client = sandbox ? sandbox.client() : Client.fromEnv()
try {
  const march = await client.transactions.list({ fromDate: '2024-03-01', toDate: new Date('2024-03-31'), pageSize: 10 })
  console.log(`${march.meta.totalItemCount} transactions in March 2024`)

  let quantity = 0
  for await (const t of client.transactions.iter({ fromDate: '2024-03-01', toDate: '2024-03-31' }, { concurrency: 4 })) {
    for (const d of t.transactionDetails) quantity += Number(d.dispensedQuantity ?? 0)
  }
  console.log(`${quantity} items dispensed`)

  if (sandbox) {
    // Fault injection: a slow server and a short timeout.
    sandbox.inject({ route: 'employees.list', latencyMs: 500, times: 3 })
    const impatient = sandbox.client({ requestTimeout: 100, maxAttempts: 1 })
    await impatient.employees.list().catch((e) => {
      if (!(e instanceof TimeoutError)) throw e
      console.log(`timed out after ${e.timeout} ms (${e.code})`)
    })
  }
} finally {
  await sandbox?.stop()
}
