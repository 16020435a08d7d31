// Types of the `iqtech` package: the classes and models generated from the Rust code
// (native.d.ts, produced by `npm run build`), plus the error classes of the JS layer.

export { Client, Sandbox, Employees, WillCall, WillCallV1, Machines, Transactions } from './native'
export type * from './native'

/** Stable error kinds (`error.code`), identical in every language of the SDK. */
export type ErrorCode =
  | 'api'
  | 'bad_request'
  | 'authentication'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'validation'
  | 'config'
  | 'connection'
  | 'timeout'
  | 'decode'
  | 'outcome_unknown'

/** Root of every error the SDK throws. */
export declare class IqtechError extends Error {
  /** Stable machine-readable kind. */
  readonly code: ErrorCode
  /** The page an auto-pager failed on, else `null`. */
  readonly page: number | null
}

/** The server answered with an error (subclasses by HTTP status). */
export declare class ApiError extends IqtechError {
  /** The operation, e.g. `'employees.create'`. */
  readonly operation: string | null
  /** HTTP status. */
  readonly status: number
  /** The body's `errorId` (may disagree with `status`). */
  readonly errorId: number | null
  /** The server's own message. */
  readonly detail: string
  /** Field errors of a ProblemDetails answer. */
  readonly fieldErrors: FieldError[]
  /** ProblemDetails `traceId`, for the vendor's support. */
  readonly traceId: string | null
  /** The start of the raw body. */
  readonly body: string | null
  /** How long the server asked to wait (429/503), in milliseconds. */
  readonly retryAfterMs: number | null
}
/** HTTP 400 (and other 4xx without a class of their own). */
export declare class BadRequestError extends ApiError {}
/** HTTP 401, or credentials refused by the token endpoint. */
export declare class AuthenticationError extends ApiError {}
/** HTTP 403. */
export declare class PermissionDeniedError extends ApiError {}
/** HTTP 404. */
export declare class NotFoundError extends ApiError {}
/** HTTP 409. */
export declare class ConflictError extends ApiError {}
/** HTTP 429 (after the retries allowed). */
export declare class RateLimitError extends ApiError {}
/** HTTP 5xx. */
export declare class ServerError extends ApiError {}

/** A caller mistake, found before anything was sent. */
export declare class ValidationError extends IqtechError {
  /** The offending field, camelCase, e.g. `'pageSize'` or `'externalReserveLockerDetailList[0].assigneeType'`. */
  readonly field: string
  /** What is wrong with it. */
  readonly detail: string
}
/** The client is misconfigured (e.g. a missing environment variable). */
export declare class ConfigurationError extends IqtechError {
  readonly detail: string
}
/** The server could not be reached. */
export declare class ConnectionError extends IqtechError {
  readonly operation: string | null
  readonly detail: string
}
/** No answer in time. */
export declare class TimeoutError extends IqtechError {
  readonly operation: string | null
  readonly timeoutMs: number | null
}
/** A 2xx answer whose body could not be read. */
export declare class DecodeError extends IqtechError {
  readonly operation: string | null
  readonly status: number
  readonly detail: string
  readonly body: string | null
}
/** A request that must not be repeated may or may not have taken effect. */
export declare class OutcomeUnknownError extends IqtechError {
  readonly operation: string | null
  /** What happened to the answer. */
  readonly reason: string
  /** How to find out whether it took effect before trying again. */
  readonly howToCheck: string
}

import type { FieldError } from './native'
