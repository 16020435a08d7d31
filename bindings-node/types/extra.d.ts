// ---- types of the thin JS layer and of the sandbox (hand-written; the models above are generated) ----

/**
 * An auto-pager: an async iterator over every item of a paged operation, fetched lazily, in
 * order, with at most `concurrency` pages in memory. Leaving a `for await` loop early (`break`,
 * `return`, an exception) calls `return()`, which stops fetching.
 */
export interface Pager<T> extends AsyncIterableIterator<T> {
  /** The next item, or `null` after the last one. */
  nextItem(): Promise<T | null>
  /** Stops the pager (pages in flight are cancelled); later calls give no more items. */
  close(): void
  next(): Promise<IteratorResult<T, undefined>>
  return(value?: unknown): Promise<IteratorResult<T, undefined>>
  [Symbol.asyncIterator](): Pager<T>
}

/** A sandbox fault rule. Every member may be left out; `route` defaults to `'*'`. */
export interface FaultSpec {
  /** A route name (`'employees.list'`), a group (`'employees.*'`) or `'*'` (everything, token included). */
  route?: string
  /** Fixed delay before anything else, in milliseconds. */
  latencyMs?: number
  /** Extra random delay of up to this many milliseconds. */
  jitterMs?: number
  /** Answer with this HTTP status (400–599) instead of running the operation. */
  status?: number | null
  /** Apply to the next `times` matching requests only. */
  times?: number | null
  /** Apply to each matching request with this probability (0–1). */
  rate?: number | null
  /** `Retry-After` in seconds on a `status` answer (default 1 for 429). */
  retryAfterSecs?: number | null
  /** Run the operation, then close the connection without an answer. */
  dropConnection?: boolean
  /** Run the operation, then damage the body. */
  body?: 'truncated' | 'malformed' | null
}

/** A fault rule as installed. */
export interface ActiveFault {
  id: number
  spec: FaultSpec
  /** Applications left (`null`: unlimited). */
  remaining: number | null
}

/** One request the sandbox received. */
export interface JournalRequest {
  seq: number
  method: string
  path: string
  query: string | null
  /** Route name, e.g. `'employees.list'`; `null` for unknown paths. */
  route: string | null
  /** The JSON body as received (or its text). */
  body: unknown
  status: number | null
  fault: string | null
}

/** The sandbox's request journal. */
export interface Journal {
  tokenRequests: number
  /** Requests per route name, e.g. `perRoute['employees.list']`. */
  perRoute: Record<string, number>
  totalRequests: number
  requests: JournalRequest[]
}

/** A reservation as the sandbox stores it. */
export interface ReservationInfo {
  reserveLockerId: string
  serialNumber: string
  selection: string
  reservationType: string
  sendCode: string
  locationName: string
  status: string
  accessCodes: string[]
}
