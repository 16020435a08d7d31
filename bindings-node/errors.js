'use strict'
// The error classes. Native code builds every error through `makeError` (registered at load by
// index.js), so the class chosen for a `code` is decided here, once.

/** Root of every error the SDK throws. `code` is a stable string; `page` is set by auto-pagers. */
class IqtechError extends Error {
  constructor(message, details = {}) {
    super(message)
    this.name = new.target.name
    /** Stable machine-readable kind, e.g. `'not_found'`. */
    this.code = details.code ?? 'error'
    /** The page an auto-pager failed on, else `null`. */
    this.page = details.page ?? null
  }
}

/** The server answered with an error. */
class ApiError extends IqtechError {
  constructor(message, details = {}) {
    super(message, details)
    this.operation = details.operation ?? null
    this.status = details.status ?? 0
    this.errorId = details.errorId ?? null
    /** The server's own message. */
    this.detail = details.detail ?? ''
    this.fieldErrors = details.fieldErrors ?? []
    this.traceId = details.traceId ?? null
    this.body = details.body ?? null
    this.retryAfterMs = details.retryAfterMs ?? null
  }
}
class BadRequestError extends ApiError {}
class AuthenticationError extends ApiError {}
class PermissionDeniedError extends ApiError {}
class NotFoundError extends ApiError {}
class ConflictError extends ApiError {}
class RateLimitError extends ApiError {}
class ServerError extends ApiError {}

/** A caller mistake, found before anything was sent; `field` names it (camelCase). */
class ValidationError extends IqtechError {
  constructor(message, details = {}) {
    super(message, details)
    this.field = details.field ?? ''
    this.detail = details.detail ?? ''
  }
}

/** The client is misconfigured (e.g. a missing environment variable). */
class ConfigurationError extends IqtechError {
  constructor(message, details = {}) {
    super(message, details)
    this.detail = details.detail ?? ''
  }
}

/** The server could not be reached (for a request safe to repeat, or never sent). */
class ConnectionError extends IqtechError {
  constructor(message, details = {}) {
    super(message, details)
    this.operation = details.operation ?? null
    this.detail = details.detail ?? ''
  }
}

/** No answer in time (for a request safe to repeat). */
class TimeoutError extends IqtechError {
  constructor(message, details = {}) {
    super(message, details)
    this.operation = details.operation ?? null
    this.timeoutMs = details.timeoutMs ?? null
  }
}

/** A 2xx answer whose body could not be read. */
class DecodeError extends IqtechError {
  constructor(message, details = {}) {
    super(message, details)
    this.operation = details.operation ?? null
    this.status = details.status ?? 0
    this.detail = details.detail ?? ''
    this.body = details.body ?? null
  }
}

/** A request that must not be repeated may or may not have taken effect: check before retrying. */
class OutcomeUnknownError extends IqtechError {
  constructor(message, details = {}) {
    super(message, details)
    this.operation = details.operation ?? null
    this.reason = details.reason ?? ''
    this.howToCheck = details.howToCheck ?? ''
  }
}

const CLASSES = {
  api: ApiError,
  bad_request: BadRequestError,
  authentication: AuthenticationError,
  permission_denied: PermissionDeniedError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rate_limited: RateLimitError,
  server: ServerError,
  validation: ValidationError,
  config: ConfigurationError,
  connection: ConnectionError,
  timeout: TimeoutError,
  decode: DecodeError,
  outcome_unknown: OutcomeUnknownError,
}

/** Builds the error for a native failure: the class is chosen by `code`. */
function makeError(code, message, details) {
  const Class = CLASSES[code] ?? IqtechError
  return new Class(message, details)
}

module.exports = {
  IqtechError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  ValidationError,
  ConfigurationError,
  ConnectionError,
  TimeoutError,
  DecodeError,
  OutcomeUnknownError,
  makeError,
}
