package com.iqtech.sdk

import com.iqtech.examples.quickstart
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.math.BigDecimal
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/** Runs examples/kotlin/Quickstart.kt against the sandbox, so the example cannot rot. */
class QuickstartTest : SandboxTest() {
    @Test
    fun `the quickstart runs`() = runBlocking<Unit> {
        val summary = quickstart(client)
        assertEquals(120L, summary.employees)
        assertTrue(summary.active in 1..120, "$summary")
        assertTrue(summary.januaryTotal > BigDecimal.ZERO, "$summary")
    }
}
