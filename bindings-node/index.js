'use strict'
// CommonJS entry point of the `iqtech` package: the native addon plus its thin JS layer
// (error classes built from the core's table, async iteration of pagers). `index.mjs`
// re-exports this for ESM.
const native = require('./native.js')
const errors = require('./errors.js').create(native)

// Every native failure, sync or async, is built by this one factory (see src/error.rs).
native.__setErrorFactory(errors.makeError)

// Pagers are async iterators: `for await (const x of pager)`; `break` calls `return()`, which
// drops the native stream so fetching stops. The native side hands over a batch of values (a
// page's items, or pages) at a time; this keeps that batch and serves it value by value. Calls
// are queued, so concurrent `next()` calls still get the values in order.
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

// The public classes of the addon (internals start with `__`; `NativePager` is the pagers'
// prototype, reached through the methods), then the error classes.
const exported = {}
for (const [name, value] of Object.entries(native)) {
  if (!name.startsWith('__') && name !== 'NativePager') exported[name] = value
}
module.exports = { ...exported, ...errors.classes }
