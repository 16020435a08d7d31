package com.iqtech.sdk

import com.iqtech.sdk.sandbox.SandboxSettings
import com.iqtech.sdk.models.ApiErrorKind
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.TestInstance
import java.time.Duration
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith

/**
 * One embedded sandbox (the real Rust server, started through the binding) and one client per
 * test class; fault rules are removed after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxTest {
    lateinit var sandbox: Sandbox
    lateinit var client: Client

    @BeforeAll
    fun startSandbox() = runBlocking<Unit> {
        sandbox = Sandbox.start(
            SandboxSettings(seed = 7uL, employees = 120u, machines = 8u, transactions = 400uL),
        )
        client = Client(sandbox.clientSettings())
    }

    @AfterEach
    fun clearFaults() = sandbox.clearFaults()

    @AfterAll
    fun stopSandbox() = runBlocking<Unit> {
        client.close()
        sandbox.shutdown()
        sandbox.close()
    }

    /** A separate client on the sandbox, with the given retry and timeout settings. */
    fun clientWith(maxAttempts: UInt? = null, requestTimeout: Duration? = null): Client =
        Client(sandbox.clientSettings().copy(maxAttempts = maxAttempts, requestTimeout = requestTimeout))

    /** Asserts that [block] fails with an `ApiException` of [kind], and returns it. */
    inline fun assertApiError(kind: ApiErrorKind, block: () -> Unit): IqtechException.ApiException {
        val e = assertFailsWith<IqtechException.ApiException>(block = block)
        assertEquals(kind, e.kind, e.toString())
        return e
    }

    /** A serial number of a machine that has lockers. */
    fun lockerMachine(): String = sandbox.lockerMachineSerials().first()
}
