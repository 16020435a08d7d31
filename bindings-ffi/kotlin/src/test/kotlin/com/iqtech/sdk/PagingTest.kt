package com.iqtech.sdk

import com.iqtech.sdk.models.TransactionQuery
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** Page-at-a-time pagers and Kotlin Flows over them. */
class PagingTest : SandboxTest() {

    @Test
    fun `flows yield every item in order, at any concurrency`() = runBlocking<Unit> {
        val expected = sandbox.employeeNumbers()
        assertEquals(expected, client.employees().flow(pageSize = 7u).map { it.employeeNumber }.toList())
        assertEquals(expected, client.employees().flow(pageSize = 7u, concurrency = 5u).map { it.employeeNumber }.toList())
        val pages = client.employees().pagesFlow(pageSize = 50u).toList()
        assertEquals(listOf(1L, 2L, 3L), pages.map { it.meta.pageNumber })
        assertEquals(expected, pages.flatMap { it.items }.map { it.employeeNumber })
        assertEquals(8, client.machines().flow().toList().size)
        assertEquals(3, client.machines().pagesFlow(pageSize = 3u).toList().size)
    }

    @Test
    fun `a flow is cold and lazy`() = runBlocking<Unit> {
        val flow = client.employees().flow(pageSize = 10u)
        sandbox.clearJournal()
        assertEquals(3, flow.take(3).toList().size)
        assertEquals(1uL, sandbox.requestCount("employees.list"), "take(3) of pages of 10 needs one page")
        // Collecting again starts over.
        assertEquals(sandbox.employeeNumbers().take(3), flow.take(3).toList().map { it.employeeNumber })
    }

    @Test
    fun `a pager is driven a page at a time`() = runBlocking<Unit> {
        sandbox.clearJournal()
        client.employees().iterPages(pageSize = 100u).use { pages ->
            assertEquals(0uL, sandbox.requestCount("employees.list"), "nothing before the first nextPage()")
            assertEquals(100, pages.nextPage()!!.items.size)
            assertEquals(1uL, sandbox.requestCount("employees.list"))
            assertEquals(20, pages.nextPage()!!.items.size)
            assertNull(pages.nextPage())
            assertNull(pages.nextPage(), "stays at the end")
        }
        // An already-held pager as a Flow continues where it is.
        client.employees().iter(pageSize = 100u).use { s ->
            s.next()
            assertEquals(119, s.asFlow().toList().size)
        }
    }

    @Test
    fun `transactions and reports page through their flows`() = runBlocking<Unit> {
        val q = TransactionQuery(fromDate = LocalDate.of(2024, 6, 1), toDate = LocalDate.of(2024, 6, 30), pageSize = 5u)
        val total = client.transactions().list(q).meta.totalItemCount!!
        assertEquals(total, client.transactions().flow(q, concurrency = 4u).toList().size.toLong())
        assertEquals(total, client.transactions().pagesFlow(q).toList().sumOf { it.items.size }.toLong())
    }

    @Test
    fun `invalid options fail when the flow is collected`() = runBlocking<Unit> {
        assertFailsWith<IqtechException.ValidationException> {
            client.employees().flow(pageSize = 101u).toList()
        }
        Unit
    }

    @Test
    fun `two coroutines on one pager never get the same item`() = runBlocking<Unit> {
        val scope = this
        client.employees().iter(pageSize = 9u).use { s ->
            val a = scope.async(Dispatchers.Default) { s.asFlow().toList() }
            val b = scope.async(Dispatchers.Default) { s.asFlow().toList() }
            val seen = (a.await() + b.await()).map { it.employeeNumber }
            assertEquals(120, seen.size)
            assertEquals(sandbox.employeeNumbers().toSet(), seen.toSet())
            assertTrue(seen.toSet().size == seen.size)
        }
    }
}
