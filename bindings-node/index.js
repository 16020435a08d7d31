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

// Per-call options: `client.withOptions({ timeout, maxAttempts, headers, requestId, deadline,
// signal })` is the core's view (src/client.rs, `__withOptions`) over the same connections and
// token. `signal` (an AbortSignal) is this layer's: once it aborts, every call made through the
// view rejects at once with `signal.reason` (a DOMException named `AbortError` unless the caller
// gave another reason), as `fetch` does, and its pagers are closed (no further page is fetched).
// A request already on the wire is not recalled: the server may still act on it.
const nativeWithOptions = native.Client.prototype.__withOptions

function whenAborted(signal, promise) {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

function abortablePager(pager, signal) {
  const stop = () => {
    pager.close()
    pager.next = () => Promise.reject(signal.reason)
  }
  if (signal.aborted) stop()
  else signal.addEventListener('abort', stop, { once: true })
  return pager
}

function abortableGroup(group, signal) {
  return new Proxy(group, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      return (...args) => {
        if (signal.aborted) return Promise.reject(signal.reason)
        const out = value.apply(target, args)
        if (out instanceof native.NativePager) return abortablePager(out, signal)
        if (out && typeof out.then === 'function') return whenAborted(signal, out)
        return out
      }
    },
  })
}

function abortableClient(client, signal) {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'withOptions') return (options) => target.withOptions({ signal, ...(options ?? {}) })
      const value = Reflect.get(target, prop, target)
      if (typeof value === 'function') return value.bind(target)
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) {
        return abortableGroup(value, signal)
      }
      return value
    },
  })
}

native.Client.prototype.withOptions = function withOptions(options) {
  if (options === undefined || options === null) return nativeWithOptions.call(this, undefined)
  const { signal, ...rest } = options
  const view = nativeWithOptions.call(this, rest)
  if (signal === undefined || signal === null) return view
  if (typeof signal !== 'object' || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function') {
    throw errors.makeError('validation', 'invalid signal: must be an AbortSignal', { field: 'signal', detail: 'must be an AbortSignal' })
  }
  return abortableClient(view, signal)
}

// The public classes of the addon (internals start with `__`; `NativePager` is the pagers'
// prototype, reached through the methods), then the error classes.
const exported = {}
for (const [name, value] of Object.entries(native)) {
  if (!name.startsWith('__') && name !== 'NativePager') exported[name] = value
}
module.exports = { ...exported, ...errors.classes }
