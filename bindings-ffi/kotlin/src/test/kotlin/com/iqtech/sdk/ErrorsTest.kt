package com.iqtech.sdk

import com.iqtech.sdk.sandbox.SandboxSettings
import com.iqtech.sdk.sandbox.FaultSpec
import com.iqtech.sdk.sandbox.BodyFault
import com.iqtech.sdk.models.ApiErrorKind
import com.iqtech.sdk.models.Assignee
import com.iqtech.sdk.models.ClientSettings
import com.iqtech.sdk.models.AssigneeType
import com.iqtech.sdk.models.EmployeeInput
import com.iqtech.sdk.models.Reservation
import com.iqtech.sdk.models.ReservationType
import com.iqtech.sdk.models.SendCode
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.net.InetSocketAddress
import java.time.Duration
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** Every exception class, each from the server answer (or failure) that causes it. */
class ErrorsTest : SandboxTest() {

    private fun fault(route: String, status: UShort? = null) =
        FaultSpec(route = route, status = status)

    @Test
    fun `400 is ApiException BAD_REQUEST with the server's message and errorId`() = runBlocking<Unit> {
        val e = assertApiError(ApiErrorKind.BAD_REQUEST) {
            client.employees().setStatus("no-such-employee", true)
        }
        assertEquals(400.toUShort(), e.status)
        assertEquals(400L, e.errorId)
        assertEquals("Invalid Employee Number", e.detail)
        assertEquals("bad_request", e.code())
        assertEquals("BadRequestError", e.className())
        assertTrue(e.isApiError())
        assertNull(e.page)
        assertEquals("employees.set_status", e.operation)
        assertTrue("Invalid Employee Number" in e.toString(), e.toString())
    }

    @Test
    fun `ProblemDetails field errors reach fieldErrors`() = runBlocking<Unit> {
        val e = assertApiError(ApiErrorKind.BAD_REQUEST) {
            client.willCall().sendNewCode("not-a-guid")
        }
        assertTrue(e.fieldErrors.isNotEmpty(), e.toString())
        assertTrue(e.traceId != null, "ProblemDetails carry a traceId: $e")
    }

    @Test
    fun `refused credentials are ApiException AUTHENTICATION`() = runBlocking<Unit> {
        Client(sandbox.clientSettings().copy(clientSecret = "wrong")).use { bad ->
            val e = assertApiError(ApiErrorKind.AUTHENTICATION) {
                bad.employees().list(1u, 10u)
            }
            assertEquals("authentication", e.code())
            assertFalse("wrong" in e.toString(), "the secret must not appear: $e")
        }
    }

    @Test
    fun `403 409 404 by status`() = runBlocking<Unit> {
        sandbox.injectFault(fault("employees.list", 403u))
        assertApiError(ApiErrorKind.PERMISSION_DENIED) { client.employees().list(1u, 10u) }
        sandbox.clearFaults()
        sandbox.injectFault(fault("employees.list", 409u))
        assertApiError(ApiErrorKind.CONFLICT) { client.employees().list(1u, 10u) }
        sandbox.clearFaults()
        // A real 404: recalling a reservation that does not exist (errorId says 400).
        val e = assertApiError(ApiErrorKind.NOT_FOUND) {
            client.willCall().recallReservation(
                "00000000-0000-0000-0000-000000000000",
                Assignee(assigneeType = AssigneeType.Custom, name = "x"),
            )
        }
        assertEquals(404.toUShort(), e.status)
        assertEquals(400L, e.errorId)
        assertEquals("Invalid Operation!", e.detail)
    }

    @Test
    fun `429 after the retries is ApiException RATE_LIMITED with retryAfter`() = runBlocking<Unit> {
        clientWith(maxAttempts = 1u).use { once ->
            sandbox.injectFault(FaultSpec(route = "machines.list", status = 429u, retryAfterSecs = 7uL))
            val e = assertApiError(ApiErrorKind.RATE_LIMITED) { once.machines().list(1u, 5u) }
            assertEquals(Duration.ofSeconds(7), e.retryAfter)
            assertEquals("rate_limited", e.code())
        }
    }

    @Test
    fun `5xx after the retries is ApiException SERVER, and retries happen`() = runBlocking<Unit> {
        sandbox.injectFault(FaultSpec(route = "machines.list", status = 503u, times = 3u))
        sandbox.clearJournal()
        val e = assertApiError(ApiErrorKind.SERVER) { client.machines().list(1u, 5u) }
        assertEquals(503.toUShort(), e.status)
        assertEquals(3uL, sandbox.requestCount("machines.list"), "3 attempts by default")
        // A duplicate employee number is the server's 500.
        val dup = EmployeeInput(department = "D", firstName = "F", lastName = "L", employeeNumber = sandbox.employeeNumbers().first())
        assertApiError(ApiErrorKind.SERVER) { client.employees().create(dup) }
    }

    @Test
    fun `caller mistakes are ValidationException naming the field, nothing sent`() = runBlocking<Unit> {
        sandbox.clearJournal()
        val e = assertFailsWith<IqtechException.ValidationException> { client.employees().list(1u, 500u) }
        assertEquals("page_size", e.field)
        assertEquals("validation", e.code())
        assertFalse(e.isApiError())
        assertEquals(0uL, sandbox.requestCount("employees.list"))
        // Invalid pager options fail at once, before any next().
        assertFailsWith<IqtechException.ValidationException> { client.employees().iter(pageSize = 0u) }
        val bad = assertFailsWith<IqtechException.ValidationException> {
            Client(sandbox.clientSettings().copy(apiUrl = "http://example.com/"))
        }
        assertEquals("api_url", bad.field)
    }

    @Test
    fun `missing environment is ConfigurationException`() {
        assertNull(System.getenv("IQTECH_CLIENT_ID"), "run without IQTECH_CLIENT_ID (scripts/test.sh does)")
        val e = assertFailsWith<IqtechException.ConfigurationException> { Client.fromEnv() }
        assertTrue("IQTECH_CLIENT_ID" in e.detail, e.detail)
        assertEquals("config", e.code())
    }

    @Test
    fun `unreachable server is ConnectionException`() = runBlocking<Unit> {
        val closedPort = java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()).use { it.localPort }
        val config = sandbox.clientSettings().copy(
            authUrl = "http://127.0.0.1:$closedPort/", apiUrl = "http://127.0.0.1:$closedPort/", maxAttempts = 1u,
        )
        Client(config).use { nowhere ->
            val e = assertFailsWith<IqtechException.ConnectionException> { nowhere.machines().list(1u, 5u) }
            assertEquals("connection", e.code())
        }
    }

    @Test
    fun `no answer in time is TimeoutException`() = runBlocking<Unit> {
        clientWith(maxAttempts = 1u, requestTimeout = Duration.ofMillis(300)).use { quick ->
            quick.machines().list(1u, 1u) // fetch the token first
            sandbox.injectFault(FaultSpec(route = "machines.list", latencyMs = 3_000uL))
            val e = assertFailsWith<IqtechException.TimeoutException> { quick.machines().list(1u, 5u) }
            assertEquals(Duration.ofMillis(300), e.timeout)
            assertEquals("machines.list", e.operation)
        }
    }

    @Test
    fun `a body that is not the documented shape is DecodeException`() = runBlocking<Unit> {
        sandbox.injectFault(FaultSpec(route = "machines.list", body = BodyFault.MALFORMED))
        val e = assertFailsWith<IqtechException.DecodeException> { client.machines().list(1u, 5u) }
        assertEquals(200.toUShort(), e.status)
        assertEquals("decode", e.code())
    }

    @Test
    fun `a lost answer to a booking is OutcomeUnknownException, not retried`() = runBlocking<Unit> {
        val serial = lockerMachine()
        val selection = client.willCall().reservableSelections(serial).first()
        sandbox.injectFault(FaultSpec(route = "will_call.add_reservation", dropConnection = true, times = 1u))
        sandbox.clearJournal()
        val e = assertFailsWith<IqtechException.OutcomeUnknownException> {
            client.willCall().addReservation(
                Reservation(
                    createdbyUser = "kiosk-test", selection = selection.toString(),
                    reservationType = ReservationType.Release, sendCode = SendCode.None,
                    locationName = "Lobby", serialNumber = serial,
                    externalReserveLockerDetailList = listOf(Assignee(assigneeType = AssigneeType.Custom, name = "A")),
                ),
            )
        }
        assertEquals("will_call.add_reservation", e.operation)
        assertTrue("reservation_status" in e.howToCheck, e.howToCheck)
        assertEquals(1uL, sandbox.requestCount("will_call.add_reservation"), "never sent twice")
    }

    @Test
    fun `a failing page names the page`() = runBlocking<Unit> {
        client.employees().iter(pageSize = 50u).use { stream ->
            assertTrue(stream.next() != null) // page 1 fetched
            sandbox.injectFault(fault("employees.list", 404u))
            var seen = 1
            val e = assertApiError(ApiErrorKind.NOT_FOUND) {
                while (stream.next() != null) seen++
            }
            assertEquals(50, seen, "every item of page 1 first")
            assertEquals(2u, e.page)
            assertEquals(2u, e.page())
            assertTrue(e.toString().startsWith("page 2: "), e.toString())
            assertNull(stream.next(), "the stream is over after an error")
        }
    }

    @Test
    fun `a failed envelope on a 200 is the plain ApiException`() = runBlocking<Unit> {
        // A scripted server with a minimal envelope, as the live one can answer (the sandbox's
        // `failed_envelope` fault is the next test).
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/") { x ->
            val body = if (x.requestURI.path.endsWith("/connect/token")) {
                """{"access_token":"t","token_type":"Bearer","expires_in":3600}"""
            } else {
                """{"isSuccess":false,"error":{"errorId":7,"message":"nope"}}"""
            }
            val bytes = body.toByteArray()
            x.responseHeaders.add("Content-Type", "application/json")
            x.sendResponseHeaders(200, bytes.size.toLong())
            x.responseBody.use { it.write(bytes) }
        }
        server.start()
        try {
            val url = "http://127.0.0.1:${server.address.port}/"
            Client(ClientSettings(clientId = "id", clientSecret = "secret", authUrl = url, apiUrl = url)).use { c ->
                val e = assertFailsWith<IqtechException.ApiException> { c.employees().list(1u, 10u) }
                assertEquals("api", e.code())
                assertEquals(7L, e.errorId)
                assertEquals("nope", e.detail)
                assertTrue(e.isApiError())
            }
        } finally {
            server.stop(0)
        }
    }

    @Test
    fun `the sandbox's failed_envelope fault is the plain ApiException`() = runBlocking<Unit> {
        sandbox.injectFault(FaultSpec(route = "machines.list", body = BodyFault.FAILED_ENVELOPE, times = 1u))
        val e = assertFailsWith<IqtechException.ApiException> { client.machines().list(1u, 5u) }
        assertEquals(ApiErrorKind.UNEXPECTED, e.kind, "the plain ApiError class")
        assertEquals("ApiError", e.className())
        assertEquals("api", e.code())
        assertEquals(200.toUShort(), e.status)
        assertEquals(500L, e.errorId)
        assertEquals("Simulated failure with a 200 status", e.detail)
        assertEquals("machines.list", e.operation)
        assertTrue(e.isApiError())
    }

    @Test
    fun `a fault rule for an unknown route is refused naming it`() {
        val e = assertFailsWith<SandboxException.Fault> {
            sandbox.injectFault(FaultSpec(route = "employees.lisst", status = 500u))
        }
        assertTrue("employees.lisst" in e.toString(), e.toString())
    }

    @Test
    fun `a bad sandbox setting is refused naming the field as every language does`() = runBlocking<Unit> {
        val e = assertFailsWith<SandboxException.Start> {
            Sandbox.start(SandboxSettings(transactionsStart = "2024-13-01"))
        }
        assertTrue(e.toString().contains("invalid sandbox setting transactions_start"), e.toString())
    }
}
