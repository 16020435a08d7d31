'use strict'
// CommonJS entry point of the `iqtech` package: the native addon plus its thin JS layer
// (error classes, async iteration of pagers). `index.mjs` re-exports this for ESM.
const native = require('./native.js')
const errors = require('./errors.js')

// Every native failure, sync or async, is built by this one factory (see src/error.rs).
native.__setErrorFactory(errors.makeError)

// Pagers are async iterators: `for await (const x of pager)`; `break` calls `return()`, which
// drops the native stream so fetching stops. The native side hands over one page of items at a
// time; this keeps that batch and serves it item by item. Calls are queued, so concurrent
// `next()` calls still get the items in order.
const BUFFER = Symbol('iqtech.buffer')
const QUEUE = Symbol('iqtech.queue')
const pager = native.NativePager.prototype
const nativeClose = pager.close

async function step(p) {
  let b = p[BUFFER]
  if (b === undefined || b.next >= b.items.length) {
    p[BUFFER] = undefined
    const items = await p.nextBatch()
    if (items === null) return { done: true, value: undefined }
    b = p[BUFFER] = { items, next: 0 }
  }
  return { done: false, value: b.items[b.next++] }
}

pager.next = function () {
  const run = () => step(this)
  const result = (this[QUEUE] ?? Promise.resolve()).then(run, run)
  this[QUEUE] = result
  return result
}
pager.nextItem = async function () {
  const r = await this.next()
  return r.done ? null : r.value
}
pager.close = function () {
  this[BUFFER] = { items: [], next: 0 }
  nativeClose.call(this)
}
pager.return = async function (value) {
  this.close()
  return { done: true, value }
}
pager[Symbol.asyncIterator] = function () {
  return this
}

module.exports = {
  Client: native.Client,
  Sandbox: native.Sandbox,
  Employees: native.Employees,
  WillCall: native.WillCall,
  WillCallV1: native.WillCallV1,
  Machines: native.Machines,
  Transactions: native.Transactions,
  IqtechError: errors.IqtechError,
  ApiError: errors.ApiError,
  BadRequestError: errors.BadRequestError,
  AuthenticationError: errors.AuthenticationError,
  PermissionDeniedError: errors.PermissionDeniedError,
  NotFoundError: errors.NotFoundError,
  ConflictError: errors.ConflictError,
  RateLimitError: errors.RateLimitError,
  ServerError: errors.ServerError,
  ValidationError: errors.ValidationError,
  ConfigurationError: errors.ConfigurationError,
  ConnectionError: errors.ConnectionError,
  TimeoutError: errors.TimeoutError,
  DecodeError: errors.DecodeError,
  OutcomeUnknownError: errors.OutcomeUnknownError,
}
