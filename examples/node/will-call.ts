// Will-call lockers in TypeScript (strict): book a locker, check it, re-send codes, recall it.
import {
  Sandbox,
  Client,
  OutcomeUnknownError,
  ApiError,
  type Reservation,
  type ReservationResult,
  type ReservationStatus,
  type Assignee,
  type Pager,
  type ReservationDetail,
} from 'iqtech'

async function main(): Promise<void> {
  const sandbox = await Sandbox.start()
  const client: Client = sandbox.client()
  try {
    const serial = sandbox.lockerMachineSerials()[0]
    if (serial === undefined) throw new Error('no locker machine')
    const free: number[] = await client.willCall.reservableSelections(serial)
    const dropOff: Assignee = { assigneeType: 'Custom', name: 'Dana Drop', email: 'dana@example.com', role: 'DropOff' }
    const pickUp: Assignee = { assigneeType: 'Employee', userId: '1000', name: 'Pat Pick', role: 'Pickup' }
    const booking: Reservation = {
      createdbyUser: 'kiosk',
      selection: String(free[0]),
      reservationType: 'DropOff', // a string union that still accepts values this SDK does not know
      sendCode: 'NONE',
      locationName: 'Front desk',
      serialNumber: serial,
      externalReserveLockerDetailList: [dropOff, pickUp],
    }
    let result: ReservationResult
    try {
      result = await client.willCall.addReservation(booking)
    } catch (e) {
      if (e instanceof OutcomeUnknownError) {
        console.log(`unknown outcome: ${e.howToCheck}`)
        return
      }
      throw e
    }
    const id = result.reserveLockerId ?? ''
    console.log(`booked locker ${booking.selection}: ${result.accessCodes.map((c) => `${c.role}=${c.code}`).join(', ')}`)

    const statuses: ReservationStatus[] = await client.willCall.reservationStatus(serial)
    console.log(`status: ${statuses.find((s) => s.reserveLockerId === id)?.currentStatus}`)

    const fresh = await client.willCall.sendNewCode(id)
    console.log(`new codes: ${fresh.accessCodes.length}`)

    const today = new Date()
    const report: Pager<ReservationDetail> = client.willCall.iterReservedLockerReport({ serialNumber: serial, fromDate: today, toDate: today })
    for await (const event of report) console.log(`report: ${event.activity} (${event.role})`)

    const recall = await client.willCall.recallReservation(id, dropOff)
    console.log(recall.message)
    await client.willCall.recallReservation(id, dropOff).catch((e: unknown) => {
      if (e instanceof ApiError) console.log(`second recall refused: ${e.status} ${e.detail}`)
      else throw e
    })
  } finally {
    await sandbox.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
