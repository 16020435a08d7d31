'use strict'
// Shared test helpers: one sandbox per test file, small data, fast failures.
const iq = require('..')

/** Starts a small sandbox and a client of it with no retries unless asked. */
async function start(options = {}, clientOptions = {}) {
  const sandbox = await iq.Sandbox.start({ seed: 7, employees: 45, machines: 5, transactions: 120, ...options })
  const client = sandbox.client({ maxAttempts: 1, requestTimeout: 5000, ...clientOptions })
  return { sandbox, client }
}

function assignee(name, role) {
  return {
    assigneeType: 'Custom',
    contactNumber: '5155550100',
    countryDialCode: '+1',
    email: `${name.toLowerCase().replace(/ /g, '.')}@example.com`,
    name,
    role,
    sendBarCode: true,
  }
}

function reservation(serialNumber, selection, reservationType = 'DropOff') {
  return {
    createdbyUser: 'Node Test',
    selection: String(selection),
    reservationType,
    sendCode: 'NONE',
    locationName: 'Test',
    serialNumber,
    externalReserveLockerDetailList: [assignee('Drop Person', 'DropOff'), assignee('Pick Person', 'Pickup')],
  }
}

/** A rejection's error, failing when the promise resolves. */
async function failure(promise) {
  try {
    await promise
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection')
}

module.exports = { iq, start, assignee, reservation, failure }
