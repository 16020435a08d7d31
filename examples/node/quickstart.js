// Quickstart (CommonJS). Uses the real API when IQTECH_CLIENT_ID/IQTECH_CLIENT_SECRET are set,
// else the embedded sandbox.
const { Client, Sandbox, NotFoundError, ValidationError, IqtechError } = require('iqtech')

async function main() {
  const sandbox = process.env.IQTECH_CLIENT_ID ? null : await Sandbox.start()
  const client = sandbox ? sandbox.client() : Client.fromEnv()
  try {
    // One page.
    const page = await client.employees.list({ page: 1, pageSize: 25 })
    console.log(`${page.meta.totalItemCount} employees; first: ${page.items[0].firstName} ${page.items[0].lastName}`)

    // Every employee, four pages in flight, in order; leaving the loop stops fetching.
    let active = 0
    for await (const e of client.employees.iter({ pageSize: 100, concurrency: 4 })) {
      if (e.active) active++
    }
    console.log(`${active} active employees`)

    // Whole pages, when the page's metadata matters.
    for await (const p of client.machines.iterPages({ pageSize: 5 })) {
      console.log(`machines page ${p.meta.pageNumber}: ${p.items.length} machines`)
    }

    // The low-stock report: the same rows as the CLI's `iqtech machines low-stock`.
    const low = await client.machines.lowStock({ concurrency: 2 })
    console.log(`${low.length} selections low on stock; worst: ${low[0]?.productName ?? '-'} (${low[0]?.severity ?? '-'})`)

    // Money is an exact decimal string.
    const serial = sandbox ? sandbox.machineSerials()[0] : process.env.IQTECH_SERIAL
    const planogram = await client.machines.planogram(serial)
    const priced = planogram?.machinePlanogram.find((s) => s.price !== null)
    console.log(`slot ${priced?.selection} of ${serial} costs ${priced?.price}`)

    // Errors are classes; `code` is stable.
    try {
      await client.employees.list({ pageSize: 500 })
    } catch (e) {
      if (e instanceof ValidationError) console.log(`refused before sending: ${e.field} (${e.code})`)
      else throw e
    }
    try {
      await client.willCall.recallReservation('00000000-0000-0000-0000-000000000000', { assigneeType: 'Custom', name: 'Nobody' })
    } catch (e) {
      if (e instanceof NotFoundError) console.log(`not found: HTTP ${e.status}, errorId ${e.errorId}: ${e.detail}`)
      else if (e instanceof IqtechError) console.log(`other SDK error ${e.code}: ${e.message}`)
      else throw e
    }
  } finally {
    await sandbox?.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
