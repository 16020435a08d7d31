// Quickstart for the iQ Tech SDK in Kotlin. Compiled and run against the sandbox by
// bindings-ffi/scripts/test.sh (see QuickstartTest); run it yourself against a tenant with
// IQTECH_CLIENT_ID and IQTECH_CLIENT_SECRET set.
package com.iqtech.examples

import com.iqtech.sdk.Client
import com.iqtech.sdk.IqtechException
import com.iqtech.sdk.flow
import com.iqtech.sdk.models.ApiErrorKind
import com.iqtech.sdk.models.EmployeeQuery
import com.iqtech.sdk.models.TransactionQuery
import kotlinx.coroutines.flow.count
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.runBlocking
import java.math.BigDecimal
import java.time.LocalDate

/** What the quickstart found. */
data class Summary(val employees: Long, val active: Int, val lowStock: Int, val januaryTotal: BigDecimal)

/** Every call is a suspend function: call it from any coroutine, the main thread included. */
suspend fun quickstart(client: Client): Summary {
    // One page: the page metadata says how many there are in all.
    val first = client.employees().list(page = 1u, pageSize = 100u)
    val total = first.meta.totalItemCount ?: 0L

    // Every employee as a Flow, four pages in flight, in order.
    val active = client.employees().flow(concurrency = 4u).filter { it.active == true }.count()

    // Lookup: no match is an empty list, not an error.
    val smiths = client.employees().lookup(EmployeeQuery(lastName = "Smith"))
    println("${smiths.size} Smiths")

    // The low-stock report (the same rows as the CLI's `machines low-stock`), worst first.
    val lowStock = client.machines().lowStock().size

    // Money is java.math.BigDecimal, dates are java.time.LocalDate.
    val january = TransactionQuery(fromDate = LocalDate.of(2024, 1, 1), toDate = LocalDate.of(2024, 1, 31))
    var spent = BigDecimal.ZERO
    client.transactions().flow(january).collect { t ->
        t.transactionDetails.forEach { d -> spent += d.total ?: BigDecimal.ZERO }
    }
    return Summary(total, active, lowStock, spent)
}

fun main() = runBlocking {
    try {
        Client.fromEnv().use { client -> println(quickstart(client)) }
    } catch (e: IqtechException.ApiException) {
        // Every server answer; `kind` is its class (NOT_FOUND, RATE_LIMITED, ...).
        if (e.kind == ApiErrorKind.AUTHENTICATION) println("the credentials were refused: ${e.detail}")
        else println("the server said no (${e.code()}, HTTP ${e.status}): ${e.detail}")
    } catch (e: IqtechException) {
        println("failed (${e.code()}): $e")
    }
}
