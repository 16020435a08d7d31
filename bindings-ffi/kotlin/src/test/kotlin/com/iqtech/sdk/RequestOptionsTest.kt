package com.iqtech.sdk

import com.iqtech.sdk.models.ClientSettings
import com.iqtech.sdk.models.RequestOptions
import com.iqtech.sdk.models.SetPinInput
import com.iqtech.sdk.sandbox.CannedResponse
import com.iqtech.sdk.sandbox.FaultSpec
import com.iqtech.sdk.sandbox.SandboxSettings
import kotlinx.coroutines.runBlocking
import org.json.JSONObject
import org.junit.jupiter.api.Test
import java.io.File
import java.time.Duration
import java.util.Collections
import kotlin.reflect.full.primaryConstructor
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** Per-call options, request ids, response metadata and the log sink (issue 12). */
class RequestOptionsTest : SandboxTest() {
    private fun camel(snake: String) =
        snake.split('_').let { p -> p[0] + p.drop(1).joinToString("") { it.replaceFirstChar(Char::uppercase) } }

    private fun parameters(cls: kotlin.reflect.KClass<*>) =
        cls.primaryConstructor!!.parameters.map { it.name!! }

    @Test
    fun `RequestOptions and ClientSettings take exactly the core's names in camelCase`() {
        val path = System.getProperty("iqtech.surface") ?: error("set -Diqtech.surface (scripts/test.sh does)")
        val surface = JSONObject(File(path).readText())
        fun names(table: String) = surface.getJSONArray(table).let { a -> (0 until a.length()).map { camel(a.getJSONObject(it).getString("name")) } }
        assertEquals(names("request_options"), parameters(RequestOptions::class))
        assertEquals(listOf("timeout", "maxAttempts", "headers", "requestId", "deadline"), parameters(RequestOptions::class))
        val names = names("settings")
        assertEquals(names, parameters(ClientSettings::class))
        assertTrue(names.containsAll(listOf("caBundle", "useSystemRoots", "proxy", "noProxy")))
    }

    @Test
    fun `maxAttempts and requestId per call, and the message ends with the request id`() = runBlocking<Unit> {
        val retrying = clientWith(maxAttempts = 3u)
        sandbox.injectFault(FaultSpec(route = "machines.list", status = 503u, times = 1u))
        val view = retrying.withOptions(RequestOptions(maxAttempts = 1u, requestId = "kiosk-7"))
        val e = assertFailsWith<IqtechException.ApiException> { view.machines().list(1u, 5u) }
        assertTrue(e.toString().endsWith("(request id kiosk-7)"), e.toString())
        sandbox.injectFault(FaultSpec(route = "machines.list", status = 503u, times = 1u))
        retrying.machines().list(1u, 5u)
        assertEquals(2u, retrying.lastResponse()!!.attempts)
    }

    @Test
    fun `timeout and deadline per call end as TimeoutException`() = runBlocking<Unit> {
        sandbox.injectFault(FaultSpec(route = "machines.list", latencyMs = 1500uL, times = 1u))
        var started = System.nanoTime()
        val slow = client.withOptions(RequestOptions(timeout = Duration.ofMillis(200), maxAttempts = 1u))
        val t = assertFailsWith<IqtechException.TimeoutException> { slow.machines().list(1u, 5u) }
        assertEquals(Duration.ofMillis(200), t.timeout)
        assertTrue(System.nanoTime() - started < 1_200_000_000L)
        sandbox.injectFault(FaultSpec(route = "machines.list", status = 503u))
        started = System.nanoTime()
        val bounded = client.withOptions(RequestOptions(maxAttempts = 100u, deadline = Duration.ofMillis(600)))
        val d = assertFailsWith<IqtechException.TimeoutException> { bounded.machines().list(1u, 5u) }
        assertTrue("deadline" in d.toString(), d.toString())
        assertTrue(System.nanoTime() - started < 2_000_000_000L)
    }

    @Test
    fun `bad options name the option`() {
        val e = assertFailsWith<IqtechException.ValidationException> {
            client.withOptions(RequestOptions(headers = mapOf("Host" to "evil")))
        }
        assertEquals("headers[\"Host\"]", e.field)
        val zero = assertFailsWith<IqtechException.ValidationException> {
            client.withOptions(RequestOptions(maxAttempts = 0u))
        }
        assertEquals("max_attempts", zero.field)
    }

    @Test
    fun `lastResponse has status, headers, attempts and both request ids`() = runBlocking<Unit> {
        val view = client.withOptions(RequestOptions(requestId = "job-42"))
        assertNull(view.lastResponse())
        sandbox.injectFault(
            FaultSpec(
                route = "machines.list",
                times = 1u,
                respond = CannedResponse(200u, mapOf("X-Request-ID" to "srv-99"), """{"isSuccess":true,"result":null}"""),
            ),
        )
        view.machines().list(1u, 5u)
        val meta = assertNotNull(view.lastResponse())
        assertEquals(200.toUShort(), meta.status)
        assertEquals(1u, meta.attempts)
        assertEquals("job-42", meta.requestId)
        assertEquals("srv-99", meta.serverRequestId)
        assertTrue(meta.headers.any { it.name == "x-request-id" && it.value == "srv-99" })
        client.machines().list(1u, 5u)
        val first = client.lastResponse()!!.requestId
        client.machines().list(1u, 5u)
        assertNotEquals(first, client.lastResponse()!!.requestId)
        assertTrue(Regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}").matches(first), first)
    }

    @Test
    fun `the log sink gets the debug lines with the request id and never a secret`() = runBlocking<Unit> {
        val secret = "kt-Cl13nt-S3cret-2f9a"
        val token = "tok-kt-Kn0wn-77c1"
        val proxyPassword = "kt-pr0xy-Passw0rd-0d"
        val own = Sandbox.start(SandboxSettings(seed = 3uL, employees = 5u, clientId = "kt-logs", clientSecret = secret))
        try {
            own.injectFault(
                FaultSpec(
                    route = "token",
                    times = 1u,
                    respond = CannedResponse(
                        200u,
                        mapOf("content-type" to "application/json"),
                        """{"access_token":"$token","token_type":"Bearer","expires_in":3600}""",
                    ),
                ),
            )
            val lines = Collections.synchronizedList(mutableListOf<String>())
            val sink = object : LogSink {
                override fun log(level: String, target: String, message: String) {
                    lines.add("$level $target: $message")
                }
            }
            val number = own.employeeNumbers().first()
            val old = own.employeePin(number)
            val pin = old ?: "24680"
            val settings = own.clientSettings().copy(
                proxy = "http://user:$proxyPassword@127.0.0.1:9",
                noProxy = "127.0.0.1",
            )
            Client(settings).use { base ->
                val logged = base.withLogSink(sink).withOptions(RequestOptions(requestId = "kt-req-1"))
                logged.employees().setPin(SetPinInput(employeeNumber = number, pin = "97531", oldPin = old))
                assertEquals("97531", own.employeePin(number))
            }
            val text = lines.joinToString("\n")
            for (s in listOf(secret, token, "97531", pin, proxyPassword)) {
                assertFalse(s in text, "$s leaked:\n$text")
            }
            assertTrue(
                Regex("""debug iqtech::call: employees\.set_pin POST /api/Employee/UpdateEmployeeSetPin -> 200 in \d+ ms \(attempt 1/3, request id kt-req-1\)""")
                    .containsMatchIn(text),
                text,
            )
            assertTrue("info iqtech::call: employees.set_pin finished with HTTP 200" in text, text)
        } finally {
            own.shutdown()
            own.close()
        }
    }
}
