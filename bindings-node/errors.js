'use strict'
// The error classes, built at load from the core's table (`iqtech::ERROR_CLASSES`, handed over
// by the addon): one class per entry, each extending its parent, so the classes, their codes and
// their fields cannot drift from the core's. Native code builds every error through `makeError`
// (registered at load by index.js), so the class chosen for a `code` is decided here, once.
//
// Every class has `code`, `message`, `operation`, `page`, `requestId` and `serverRequestId` (the
// ids of a call that was sent); each adds the fields its table entry
// lists, from the core's `Error::details()` in camelCase (`detail`, `reason`, `body`,
// `fieldErrors` [{field, messages}], `retryAfter` and `timeout` in milliseconds, `status`,
// `errorId`, `traceId`, `field`, `howToCheck`). A field without a value is `null`.

function buildClasses(table) {
  const classes = {}
  const byCode = {}
  for (const entry of table) {
    const Parent = entry.parent === null ? Error : classes[entry.parent]
    if (Parent === undefined) throw new Error(`iqtech: error class ${entry.name} before its parent ${entry.parent}`)
    const own = entry.parent === null ? ['code', 'operation', 'page', 'requestId', 'serverRequestId', ...entry.fields] : entry.fields
    // The object-literal name gives the class its name (`err.name`, stack traces).
    const Class = {
      [entry.name]: class extends Parent {
        constructor(message, details = {}) {
          if (entry.parent === null) {
            super(message)
            this.name = new.target.name
          } else {
            super(message, details)
          }
          for (const field of own) this[field] = details[field] ?? null
          if (entry.parent === null && this.code === null) this.code = 'error'
        }
      },
    }[entry.name]
    classes[entry.name] = Class
    if (entry.code) byCode[entry.code] = Class
  }
  return { classes, byCode }
}

function create(native) {
  const { classes, byCode } = buildClasses(native.__errorClasses())
  const Root = classes.IqtechError
  /** Builds the error for a native failure: the class is chosen by `code`. */
  function makeError(code, message, details) {
    const Class = byCode[code] ?? Root
    return new Class(message, details)
  }
  return { classes, makeError }
}

module.exports = { create }
