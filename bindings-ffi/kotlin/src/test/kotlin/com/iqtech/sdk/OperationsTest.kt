package com.iqtech.sdk

import com.iqtech.sdk.models.Assignee
import com.iqtech.sdk.models.AssigneeType
import com.iqtech.sdk.models.EmployeeInput
import com.iqtech.sdk.models.EmployeeQuery
import com.iqtech.sdk.models.Language
import com.iqtech.sdk.models.Reservation
import com.iqtech.sdk.models.ReservationType
import com.iqtech.sdk.models.ReservedLockerReportQuery
import com.iqtech.sdk.models.SendCode
import com.iqtech.sdk.models.SetPinInput
import com.iqtech.sdk.models.TransactionQuery
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.LocalDate
import java.time.ZoneOffset
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** Every operation of every group, against the sandbox, through the real library. */
class OperationsTest : SandboxTest() {

    private fun newEmployee(number: String) = EmployeeInput(
        department = "Maintenance",
        firstName = "Ada",
        lastName = "Lovelace",
        employeeNumber = number,
        email = "ada@example.com",
        language = Language.French,
    )

    @Test
    fun `employees list iter and iterPages`() = runBlocking<Unit> {
        val page = client.employees().list(1u, 25u)
        assertEquals(25, page.items.size)
        assertEquals(120L, page.meta.totalItemCount)
        assertEquals(true, page.meta.hasNextPage)
        assertEquals(sandbox.employeeNumbers().take(25), page.items.map { it.employeeNumber })

        val all = mutableListOf<String?>()
        client.employees().iter(pageSize = 50u).use { stream ->
            while (true) all += (stream.next() ?: break).employeeNumber
        }
        assertEquals<List<String?>>(sandbox.employeeNumbers(), all)

        val sizes = mutableListOf<Int>()
        client.employees().iterPages(pageSize = 50u).use { pages ->
            while (true) sizes += (pages.nextPage() ?: break).items.size
        }
        assertEquals(listOf(50, 50, 20), sizes)
    }

    @Test
    fun `employees create update setStatus setPin lookup`() = runBlocking<Unit> {
        val employees = client.employees()
        employees.create(newEmployee("K-100"))
        val found = employees.lookup(EmployeeQuery(employeeNumber = "K-100"))
        assertEquals(listOf("Lovelace"), found.map { it.lastName })
        assertEquals(Language.French, found.single().language)

        employees.update("K-100", newEmployee("K-100").copy(lastName = "King"))
        assertEquals("King", employees.lookup(EmployeeQuery(employeeNumber = "K-100")).single().lastName)

        employees.setStatus("K-100", false)
        assertEquals(false, employees.lookup(EmployeeQuery(employeeNumber = "K-100")).single().active)

        employees.setPin(SetPinInput(employeeNumber = "K-100", pin = "482913"))
        assertEquals("482913", sandbox.employeePin("K-100"))

        // No match is an empty list, not an error.
        assertEquals(0, employees.lookup(EmployeeQuery(lastName = "Nobody-Such")).size)
    }

    @Test
    fun `will call v2 from booking to recall`() = runBlocking<Unit> {
        val willCall = client.willCall()
        val serial = lockerMachine()
        val free = willCall.reservableSelections(serial)
        assertTrue(free.isNotEmpty())
        val booked = willCall.addReservation(reservation(serial, free.first()))
        val id = assertNotNull(booked.reserveLockerId)
        assertEquals(1, booked.accessCodes.size)
        assertTrue(booked.accessCodes.single().code!!.all { it.isDigit() })
        assertTrue(free.first() !in willCall.reservableSelections(serial))

        val status = willCall.reservationStatus(serial)
        assertTrue(status.any { it.reserveLockerId.equals(id, ignoreCase = true) }, "$status")

        val renewed = willCall.sendNewCode(id)
        assertEquals(1, renewed.accessCodes.size)

        val today = LocalDate.now(ZoneOffset.UTC)
        val query = ReservedLockerReportQuery(serialNumber = serial, fromDate = today.minusDays(1), toDate = today.plusDays(1))
        val report = willCall.reservedLockerReport(query)
        assertTrue(report.machineDetails.flatMap { it.reservationDetails }.isNotEmpty())
        val events = mutableListOf<String?>()
        willCall.iterReservedLockerReport(query).use { s -> while (true) events += (s.next() ?: break).activity }
        assertTrue(events.isNotEmpty())
        willCall.iterReservedLockerReportPages(query).use { s -> assertNotNull(s.nextPage()) }

        val recalled = willCall.recallReservation(id, custodian())
        assertEquals("Reservation Recalled Successfully", recalled.message)
        assertTrue(willCall.reservationStatus(serial).none { it.reserveLockerId.equals(id, ignoreCase = true) })
    }

    @Test
    fun `will call v1 from booking to recall`() = runBlocking<Unit> {
        val willCall = client.willCallV1()
        val serial = sandbox.lockerMachineSerials().last()
        val free = willCall.reservableSelections(serial)
        val booked = willCall.addReservation(reservation(serial, free.first()))
        val id = assertNotNull(booked.reserveLockerId)
        val status = willCall.reservationStatus(serial)
        assertTrue(status.any { it.selection == free.first().toString() }, "$status")
        assertNull(status.first().reserveLockerId, "the legacy route has no reserveLockerId")
        assertEquals(1, willCall.sendNewCode(id).accessCodes.size)

        val today = LocalDate.now(ZoneOffset.UTC)
        val query = ReservedLockerReportQuery(serialNumber = serial, fromDate = today.minusDays(1), toDate = today.plusDays(1))
        val report = willCall.reservedLockerReport(query)
        assertTrue(report.reservationDetails.isNotEmpty(), "$report")
        var count = 0
        willCall.iterReservedLockerReport(query).use { s -> while (s.next() != null) count++ }
        assertEquals(report.reservationDetails.size, count)
        willCall.iterReservedLockerReportPages(query).use { s -> assertNotNull(s.nextPage()) }

        assertEquals("Reservation Recalled Successfully", willCall.recallReservation(id, custodian()).message)
    }

    @Test
    fun `machines planogram list and iter`() = runBlocking<Unit> {
        val machines = client.machines()
        val serial = sandbox.machineSerials().first()
        val one = assertNotNull(machines.planogram(serial))
        assertEquals(serial, one.machine.controlBoardSerialNo)
        val page = machines.list(1u, 5u)
        assertEquals(5, page.items.size)
        assertEquals(8L, page.meta.totalItemCount)
        var count = 0
        machines.iter(pageSize = 3u).use { s -> while (s.next() != null) count++ }
        assertEquals(8, count)
        machines.iterPages(pageSize = 3u).use { s -> assertEquals(3, s.nextPage()!!.items.size) }
        // Money arrives as exact BigDecimal.
        val prices = page.items.flatMap { it.machinePlanogram }.mapNotNull { it.price }
        assertTrue(prices.isNotEmpty())
        assertTrue(prices.all { it is BigDecimal && it.signum() >= 0 })
    }

    @Test
    fun `machines lowStock is the core's report, worst first`() = runBlocking<Unit> {
        val all = client.machines().lowStock()
        assertTrue(all.isNotEmpty(), "the seeded sandbox has low selections")
        assertEquals(all.sortedBy { it.severity }, all, "critical rows first")
        assertTrue(all.all { it.currentCount <= it.level })
        val serial = assertNotNull(all.first().serialNo)
        val one = client.machines().lowStock(serialNo = serial, concurrency = 2u)
        assertEquals(all.filter { it.serialNo == serial }.toSet(), one.toSet())
    }

    @Test
    fun `transactions list and iter with dates`() = runBlocking<Unit> {
        val transactions = client.transactions()
        val query = TransactionQuery(fromDate = LocalDate.of(2024, 1, 1), toDate = LocalDate.of(2024, 3, 31), pageSize = 20u)
        val page = transactions.list(query)
        val total = assertNotNull(page.meta.totalItemCount)
        assertTrue(total in 1..400, "$total")
        var count = 0L
        transactions.iter(query).use { s -> while (s.next() != null) count++ }
        assertEquals(total, count)
        transactions.iterPages(query, concurrency = 3u).use { s -> assertEquals(page, s.nextPage()) }
        val detail = page.items.first().transactionDetails.first()
        assertTrue(detail.transactionDateAndTime!!.startsWith("2024-0"), detail.transactionDateAndTime)
    }

    @Test
    fun `unknown enum values are kept`() {
        val odd = AssigneeType.Other("Robot")
        assertEquals("Robot", (odd as AssigneeType.Other).value)
        assertThrows<IqtechException.ValidationException> {
            runBlocking { client.employees().list(0u, 10u) }
        }
    }

    @Test
    fun `secrets stay out of toString`() {
        val config = sandbox.clientSettings()
        assertTrue(config.clientSecret!! !in config.toString(), config.toString())
        val pin = SetPinInput(employeeNumber = "1000", pin = "987123", oldPin = "555111")
        assertTrue("987123" !in pin.toString() && "555111" !in pin.toString(), pin.toString())
    }

    private fun custodian() = Assignee(assigneeType = AssigneeType.Custom, name = "Front desk", email = "desk@example.com")

    private fun reservation(serial: String, selection: Long) = Reservation(
        createdbyUser = "kiosk-test",
        selection = selection.toString(),
        reservationType = ReservationType.Release,
        sendCode = SendCode.None,
        locationName = "Lobby",
        serialNumber = serial,
        externalReserveLockerDetailList = listOf(custodian()),
    )
}
