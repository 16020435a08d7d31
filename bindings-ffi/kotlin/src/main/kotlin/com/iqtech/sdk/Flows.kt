// Kotlin Flows over the SDK's pager objects. Hand-written, beside the uniffi-generated
// iqtech_ffi.kt: it adds no logic, only adapts `next()` / `nextPage()` to `Flow`.
//
// Each group function returns a *cold* Flow: every collection starts a new pager (so collecting
// twice walks the data twice) and closes it when the collection ends, fails or is cancelled.
// `asFlow()` on a pager you already hold continues from where that pager is.
package com.iqtech.sdk

import com.iqtech.sdk.models.Employee
import com.iqtech.sdk.models.EmployeePage
import com.iqtech.sdk.models.LegacyReservedLockerReport
import com.iqtech.sdk.models.MachinePage
import com.iqtech.sdk.models.MachinePlanogram
import com.iqtech.sdk.models.ReservationDetail
import com.iqtech.sdk.models.ReservedLockerReport
import com.iqtech.sdk.models.ReservedLockerReportQuery
import com.iqtech.sdk.models.Transaction
import com.iqtech.sdk.models.TransactionPage
import com.iqtech.sdk.models.TransactionQuery
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/** Emits `next()` until it returns null. */
private fun <T : Any> drain(next: suspend () -> T?): Flow<T> = flow {
    while (true) {
        emit(next() ?: break)
    }
}

/** Opens a pager per collection, drains it, and closes it however the collection ends. */
private fun <P : AutoCloseable, T : Any> pager(open: () -> P, next: suspend P.() -> T?): Flow<T> =
    flow {
        open().use { p ->
            while (true) {
                emit(p.next() ?: break)
            }
        }
    }

// --- Pagers already held ---------------------------------------------------------------------

/** The remaining employees of this pager. */
fun EmployeeStream.asFlow(): Flow<Employee> = drain { next() }

/** The remaining pages of this pager. */
fun EmployeePageStream.asFlow(): Flow<EmployeePage> = drain { nextPage() }

/** The remaining machines of this pager. */
fun MachinePlanogramStream.asFlow(): Flow<MachinePlanogram> = drain { next() }

/** The remaining pages of this pager. */
fun MachinePageStream.asFlow(): Flow<MachinePage> = drain { nextPage() }

/** The remaining transactions of this pager. */
fun TransactionStream.asFlow(): Flow<Transaction> = drain { next() }

/** The remaining pages of this pager. */
fun TransactionPageStream.asFlow(): Flow<TransactionPage> = drain { nextPage() }

/** The remaining reservation events of this pager. */
fun ReservationDetailStream.asFlow(): Flow<ReservationDetail> = drain { next() }

/** The remaining pages of this pager. */
fun ReservedLockerReportStream.asFlow(): Flow<ReservedLockerReport> = drain { nextPage() }

/** The remaining pages of this pager. */
fun LegacyReservedLockerReportStream.asFlow(): Flow<LegacyReservedLockerReport> =
    drain { nextPage() }

// --- Cold flows from the groups ---------------------------------------------------------------
// Invalid options (a page size of 0, say) throw IqtechException.ValidationException when the
// flow is collected.

/** Every employee; see [Employees.iter]. */
fun Employees.flow(pageSize: UInt? = null, concurrency: UInt? = null): Flow<Employee> =
    pager({ iter(pageSize, concurrency) }) { next() }

/** Every page of employees; see [Employees.iterPages]. */
fun Employees.pagesFlow(pageSize: UInt? = null, concurrency: UInt? = null): Flow<EmployeePage> =
    pager({ iterPages(pageSize, concurrency) }) { nextPage() }

/** Every machine with its planogram; see [Machines.iter]. */
fun Machines.flow(pageSize: UInt? = null, concurrency: UInt? = null): Flow<MachinePlanogram> =
    pager({ iter(pageSize, concurrency) }) { next() }

/** Every page of machines; see [Machines.iterPages]. */
fun Machines.pagesFlow(pageSize: UInt? = null, concurrency: UInt? = null): Flow<MachinePage> =
    pager({ iterPages(pageSize, concurrency) }) { nextPage() }

/** Every transaction of the report for [query]; see [Transactions.iter]. */
fun Transactions.flow(query: TransactionQuery, concurrency: UInt? = null): Flow<Transaction> =
    pager({ iter(query, concurrency) }) { next() }

/** Every page of the report for [query]; see [Transactions.iterPages]. */
fun Transactions.pagesFlow(query: TransactionQuery, concurrency: UInt? = null): Flow<TransactionPage> =
    pager({ iterPages(query, concurrency) }) { nextPage() }

/** Every reservation event of the report for [query]; see [WillCall.iterReservedLockerReport]. */
fun WillCall.reservedLockerReportFlow(
    query: ReservedLockerReportQuery,
    concurrency: UInt? = null,
): Flow<ReservationDetail> = pager({ iterReservedLockerReport(query, concurrency) }) { next() }

/** Every reservation event of the legacy report; see [WillCallV1.iterReservedLockerReport]. */
fun WillCallV1.reservedLockerReportFlow(
    query: ReservedLockerReportQuery,
    concurrency: UInt? = null,
): Flow<ReservationDetail> = pager({ iterReservedLockerReport(query, concurrency) }) { next() }
