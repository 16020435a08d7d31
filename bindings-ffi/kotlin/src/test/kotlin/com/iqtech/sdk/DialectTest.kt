package com.iqtech.sdk

import com.iqtech.sdk.models.EmployeeChanges
import com.iqtech.sdk.models.EmployeeInput
import com.iqtech.sdk.models.EmployeeQuery
import com.iqtech.sdk.models.TransactionQuery
import com.iqtech.sdk.sandbox.Dialect
import com.iqtech.sdk.sandbox.E6Method
import com.iqtech.sdk.sandbox.EmptyAnswer
import com.iqtech.sdk.sandbox.MissingBool
import com.iqtech.sdk.sandbox.PageParam
import com.iqtech.sdk.sandbox.PutMode
import com.iqtech.sdk.sandbox.SandboxSettings
import com.iqtech.sdk.sandbox.T1Meta
import com.iqtech.sdk.sandbox.W3Path
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.MethodSource
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/**
 * The operations whose reading of the vendor document is ambiguous (docs/api-notes.md, "Either
 * reading"), each against a sandbox started with an explicit dialect: the strict default and its
 * opposite on every setting. The answers must be the same under both.
 */
class DialectTest {
    companion object {
        @JvmStatic
        fun dialects() = listOf(
            parseDialect("default"),
            Dialect(
                w3Path = W3Path.V2, w5PageParam = PageParam.PAGE_NUMBER, e6Method = E6Method.GET,
                t1Meta = T1Meta.REPORT, put = PutMode.MERGE, missingBool = MissingBool.KEEP,
                empty = EmptyAnswer.NULL,
            ),
        )
    }

    @org.junit.jupiter.api.Test
    fun `parseDialect reads the binary's form and names a bad key`() {
        assertEquals(dialects()[1], parseDialect("opposite"))
        assertEquals(W3Path.V2, parseDialect("w3_path=v2").w3Path)
        val e = kotlin.test.assertFailsWith<SandboxException.Start> { parseDialect("w3_path=v3") }
        assertTrue("dialect.w3_path" in e.toString(), e.toString())
    }

    @ParameterizedTest
    @MethodSource("dialects")
    fun `every ambiguous operation gives the same answer`(dialect: Dialect) = runBlocking<Unit> {
        val sandbox = Sandbox.start(SandboxSettings(seed = 3uL, employees = 30u, transactions = 120uL, dialect = dialect))
        try {
            assertEquals(dialect, sandbox.settings().dialect, "the dialect asked for is played")
            Client(sandbox.clientSettings()).use { client ->
                val employees = client.employees()
                // E2 without `active`, then a patch of one field: the rest is kept (missing_bool, put).
                employees.create(EmployeeInput(department = "Yard", firstName = "Grace", lastName = "Hopper", employeeNumber = "D-1"))
                employees.patch("D-1", EmployeeChanges(department = "Navy"))
                val found = employees.lookup(EmployeeQuery(employeeNumber = "D-1")).single()
                assertEquals(true, found.active, "created active")
                assertEquals(listOf("Grace", "Hopper", "Navy"), listOf(found.firstName, found.lastName, found.department))
                // E6 no match: an empty list (e6_method, empty).
                assertEquals(0, employees.lookup(EmployeeQuery(lastName = "Nobody-Such")).size)
                // W3 path.
                assertTrue(client.willCall().reservableSelections(sandbox.lockerMachineSerials().first()).isNotEmpty())
                // T1 metaData in either place: the walk yields every transaction exactly once.
                val query = TransactionQuery(fromDate = LocalDate.of(2024, 1, 1), toDate = LocalDate.of(2024, 12, 31), pageSize = 7u)
                val total = client.transactions().list(query).meta.totalItemCount!!
                val ids = mutableListOf<Any>()
                client.transactions().iter(query).use { s -> while (true) ids += (s.next() ?: break) }
                assertEquals(total, ids.size.toLong())
                assertEquals(ids.size, ids.toSet().size, "no page read twice")
            }
        } finally {
            sandbox.shutdown()
            sandbox.close()
        }
    }
}
