package com.iqtech.sdk

import com.iqtech.sdk.sandbox.FaultSpec
import com.iqtech.sdk.models.EmployeeQuery
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Test
import java.time.Duration
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicReference
import kotlin.system.measureTimeMillis
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.asCoroutineDispatcher

/** Many coroutines on one client; calls never block their thread; cancellation. */
class ConcurrencyTest : SandboxTest() {

    @Test
    fun `many concurrent coroutines share one client and one token`() = runBlocking<Unit> {
        Client(sandbox.clientSettings()).use { shared ->
            sandbox.clearJournal()
            val numbers = sandbox.employeeNumbers()
            val results = (0 until 200).map { i ->
                async(Dispatchers.Default) {
                    when (i % 3) {
                        0 -> shared.employees().list((i % 12 + 1).toUInt(), 10u).items.size
                        1 -> shared.employees().lookup(EmployeeQuery(employeeNumber = numbers[i % numbers.size])).size
                        else -> shared.machines().list(1u, 8u).items.size
                    }
                }
            }.awaitAll()
            assertEquals(200, results.size)
            assertTrue(results.all { it > 0 }, "$results")
            assertEquals(1uL, sandbox.requestCount("token"), "one token for all callers")
        }
    }

    @Test
    fun `a call does not block the thread it is made from`() {
        // A single-thread dispatcher stands in for a UI main thread.
        val main = Executors.newSingleThreadExecutor().asCoroutineDispatcher()
        try {
            runBlocking(main) {
                sandbox.injectFault(FaultSpec(route = "machines.list", latencyMs = 600uL))
                var ticks = 0
                val ticker = launch { while (true) { delay(20); ticks++ } }
                client.machines().list(1u, 2u)
                ticker.cancelAndJoin()
                assertTrue(ticks >= 10, "the main thread kept running while the call was in flight: $ticks ticks")
            }
        } finally {
            main.close()
        }
    }

    @Test
    fun `cancelling a suspended call ends it at once and leaves the client usable`() = runBlocking<Unit> {
        sandbox.injectFault(FaultSpec(route = "machines.list", latencyMs = 5_000uL))
        sandbox.clearJournal()
        val thrown = AtomicReference<Throwable?>()
        val job = launch(Dispatchers.Default) {
            try {
                client.machines().list(1u, 2u)
            } catch (e: Throwable) {
                thrown.set(e)
                throw e
            }
        }
        delay(300)
        val took = measureTimeMillis { job.cancelAndJoin() }
        assertTrue(took < 1000, "cancellation took $took ms")
        assertTrue(thrown.get() is CancellationException, "${thrown.get()}")
        // The request had reached the server: cancelling does not unsend it.
        assertEquals(1uL, sandbox.requestCount("machines.list"))
        sandbox.clearFaults()
        assertEquals(2, withTimeout(5000) { client.machines().list(1u, 2u) }.items.size)
    }

    @Test
    fun `withTimeout around a call cancels it`() = runBlocking<Unit> {
        sandbox.injectFault(FaultSpec(route = "employees.list", latencyMs = 5_000uL))
        val took = measureTimeMillis {
            val r = runCatching { withTimeout(300) { client.employees().list(1u, 5u) } }
            assertTrue(r.exceptionOrNull() is CancellationException, "${r.exceptionOrNull()}")
        }
        assertTrue(took < 1500, "took $took ms")
    }
}
