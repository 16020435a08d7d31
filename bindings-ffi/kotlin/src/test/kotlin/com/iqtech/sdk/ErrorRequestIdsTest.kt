package com.iqtech.sdk

import com.iqtech.sdk.models.ApiErrorKind
import com.iqtech.sdk.models.RequestOptions
import com.iqtech.sdk.sandbox.CannedResponse
import com.iqtech.sdk.sandbox.FaultSpec
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** Exceptions of a call that was sent carry its request ids as fields, not only in the text. */
class ErrorRequestIdsTest : SandboxTest() {
    private val uuid = Regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")

    @Test
    fun `a failed call's exception has the generated requestId, also in its message`() = runBlocking<Unit> {
        clientWith(maxAttempts = 1u).use { once ->
            sandbox.injectFault(FaultSpec(route = "employees.list", status = 500u))
            val e = assertApiError(ApiErrorKind.SERVER) { once.employees().list(1u, 10u) }
            val id = assertNotNull(e.requestId, e.toString())
            assertTrue(uuid.matches(id), id)
            assertEquals(id, e.requestId())
            assertTrue(id in e.description, e.description)
            assertTrue(e.toString().endsWith("(request id $id)"), e.toString())
            assertNull(e.serverRequestId, "the sandbox's fault carries no id of its own")
            assertNull(e.serverRequestId())
        }
    }

    @Test
    fun `the caller's requestId from RequestOptions is the exception's requestId`() = runBlocking<Unit> {
        clientWith(maxAttempts = 1u).use { once ->
            sandbox.injectFault(FaultSpec(route = "employees.list", status = 500u))
            val view = once.withOptions(RequestOptions(requestId = "kiosk-42"))
            val e = assertFailsWith<IqtechException.ApiException> { view.employees().list(1u, 10u) }
            assertEquals("kiosk-42", e.requestId)
            assertEquals("kiosk-42", e.requestId())
            assertTrue("kiosk-42" in e.description, e.description)
        }
    }

    @Test
    fun `the id the server returned is serverRequestId`() = runBlocking<Unit> {
        clientWith(maxAttempts = 1u).use { once ->
            sandbox.injectFault(
                FaultSpec(
                    route = "employees.list",
                    respond = CannedResponse(status = 503u, headers = mapOf("x-request-id" to "srv-7"), body = ""),
                ),
            )
            val e = assertFailsWith<IqtechException.ApiException> { once.employees().list(1u, 10u) }
            assertEquals(503.toUShort(), e.status)
            assertEquals("srv-7", e.serverRequestId)
            assertEquals("srv-7", e.serverRequestId())
            assertTrue(uuid.matches(assertNotNull(e.requestId)), e.toString())
            assertTrue(e.description.endsWith("server request id srv-7)"), e.description)
        }
    }

    @Test
    fun `a class other than ApiException carries the ids too (DecodeException, TimeoutException)`() = runBlocking<Unit> {
        clientWith(maxAttempts = 1u).use { once ->
            sandbox.injectFault(
                FaultSpec(
                    route = "machines.list",
                    times = 1u,
                    respond = CannedResponse(status = 200u, headers = mapOf("request-id" to "srv-8"), body = "{\"result\":"),
                ),
            )
            val d = assertFailsWith<IqtechException.DecodeException> {
                once.withOptions(RequestOptions(requestId = "kiosk-43")).machines().list(1u, 5u)
            }
            assertEquals("kiosk-43", d.requestId)
            assertEquals("srv-8", d.serverRequestId)
            sandbox.injectFault(FaultSpec(route = "machines.list", latencyMs = 2_000uL, times = 1u))
            val t = assertFailsWith<IqtechException.TimeoutException> {
                once.withOptions(RequestOptions(requestId = "kiosk-44", timeout = java.time.Duration.ofMillis(200)))
                    .machines().list(1u, 5u)
            }
            assertEquals("kiosk-44", t.requestId())
            assertNull(t.serverRequestId, "no answer, no server id")
        }
    }

    @Test
    fun `nothing sent, no request id`() = runBlocking<Unit> {
        val e = assertFailsWith<IqtechException.ValidationException> { client.employees().list(1u, 500u) }
        assertNull(e.requestId)
        assertNull(e.requestId())
        assertNull(e.serverRequestId())
    }
}
