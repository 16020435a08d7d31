package com.iqtech.sdk

import org.junit.jupiter.api.Test
import java.io.File
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertTrue

/**
 * `IQTECH_LOG=debug` works from Kotlin: the core installs its stderr logger when the variable is
 * set and the process has no logger. A JVM cannot set its own environment, so this runs
 * [EnvLogMain] in a child JVM with the variable set, on this run's classpath and library.
 */
class EnvLogTest {
    /** The real classpath: Surefire may run the tests from a manifest-only jar. */
    private fun classPath(): String =
        System.getProperty("surefire.test.class.path")?.takeIf { it.isNotBlank() }
            ?: System.getProperty("java.class.path")

    @Test
    fun `IQTECH_LOG=debug prints debug lines with the operation and request id, and no secret`() {
        val libDir = System.getProperty("jna.library.path") ?: error("set -Djna.library.path (the pom does)")
        val java = File(System.getProperty("java.home"), "bin/java").path
        val command = listOf(java, "-cp", classPath(), "-Djna.library.path=$libDir", EnvLogMain::class.java.name)
        val stderrFile = File.createTempFile("envlog", ".err").apply { deleteOnExit() }
        val builder = ProcessBuilder(command)
            .redirectError(stderrFile)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
        builder.environment().apply {
            put("IQTECH_LOG", "debug")
            for (v in listOf("IQTECH_CLIENT_ID", "IQTECH_CLIENT_SECRET", "IQTECH_AUTH_URL", "IQTECH_API_URL")) remove(v)
        }
        val child = builder.start()
        child.outputStream.close()
        val stdout = child.inputStream.bufferedReader().readText()
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not exit")
        val stderr = stderrFile.readText()
        assertEquals(0, child.exitValue(), "child failed:\nstdout:\n$stdout\nstderr:\n$stderr")

        val id = assertNotNull(Regex("""request id (\S+)""").find(stdout)?.groupValues?.get(1), stdout)
        assertTrue(
            Regex("""[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}""").matches(id),
            id,
        )
        val debug = stderr.lines().filter { it.startsWith("iqtech DEBUG iqtech::call: ") }
        assertTrue(
            debug.any { "employees.list" in it && "request id $id" in it },
            "no debug line naming employees.list and request id $id:\n$stderr",
        )
        for (secret in listOf("sandbox-secret", EnvLogMain.TOKEN)) {
            assertFalse(secret in stderr, "$secret leaked:\n$stderr")
            assertFalse(secret in stdout, "$secret leaked:\n$stdout")
        }
    }
}
