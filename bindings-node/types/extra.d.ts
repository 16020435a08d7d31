// ---- types of the thin JS layer (hand-written: they have no Rust twin; the models and the
// sandbox's types above are generated) ----

/**
 * An auto-pager: an async iterator over every item of a paged operation, fetched lazily, in
 * order, with `concurrency` pages in flight and at most `concurrency + 4` in memory. Leaving a
 * `for await` loop early (`break`, `return`, an exception) calls `return()`, which stops
 * fetching.
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
