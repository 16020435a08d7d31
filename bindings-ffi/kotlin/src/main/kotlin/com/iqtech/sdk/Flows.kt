// Kotlin Flows over the SDK's pager objects: the two generic helpers. Hand-written, beside the
// uniffi-generated iqtech_ffi.kt; the per-pager functions that call them (`Employees.flow()`,
// `EmployeeStream.asFlow()`, …) are generated from the core's operation table into
// PagerFlows.kt by scripts/gen_flows.py. No logic: they only adapt `next()` / `nextPage()`.
//
// A group's flow is *cold*: every collection starts a new pager (so collecting twice walks the
// data twice) and closes it when the collection ends, fails or is cancelled. `asFlow()` on a
// pager you already hold continues from where that pager is.
package com.iqtech.sdk

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/** Emits `next()` until it returns null. */
internal fun <T : Any> drainFlow(next: suspend () -> T?): Flow<T> = flow {
    while (true) {
        emit(next() ?: break)
    }
}

/** Opens a pager per collection, drains it, and closes it however the collection ends. */
internal fun <P : AutoCloseable, T : Any> pagerFlow(open: () -> P, next: suspend P.() -> T?): Flow<T> =
    flow {
        open().use { p ->
            while (true) {
                emit(p.next() ?: break)
            }
        }
    }
