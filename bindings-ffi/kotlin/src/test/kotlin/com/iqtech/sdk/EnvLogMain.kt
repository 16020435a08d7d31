package com.iqtech.sdk

import com.iqtech.sdk.sandbox.CannedResponse
import com.iqtech.sdk.sandbox.FaultSpec
import com.iqtech.sdk.sandbox.SandboxSettings
import kotlinx.coroutines.runBlocking

/**
 * The child process of [EnvLogTest]: starts a sandbox, makes one call with a client built in a
 * process whose environment has `IQTECH_LOG` (a JVM cannot set its own), prints the call's
 * request id on stdout and exits. The token endpoint answers with [TOKEN], so the parent knows
 * the access token it must not find in the log.
 */
object EnvLogMain {
    const val TOKEN = "tok-envlog-Kn0wn-5e1f"

    @JvmStatic
    fun main(args: Array<String>) = runBlocking<Unit> {
        val sandbox = Sandbox.start(SandboxSettings(seed = 5uL, employees = 12u))
        try {
            sandbox.injectFault(
                FaultSpec(
                    route = "token",
                    times = 1u,
                    respond = CannedResponse(
                        200u,
                        mapOf("content-type" to "application/json"),
                        """{"access_token":"$TOKEN","token_type":"Bearer","expires_in":3600}""",
                    ),
                ),
            )
            Client(sandbox.clientSettings()).use { client ->
                val page = client.employees().list(1u, 10u)
                println("request id ${client.lastResponse()!!.requestId}")
                println("employees ${page.items.size}")
            }
        } finally {
            sandbox.shutdown()
            sandbox.close()
        }
    }
}
