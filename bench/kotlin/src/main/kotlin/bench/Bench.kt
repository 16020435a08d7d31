// Issue 11, goal 4: the Kotlin SDK against java.net.http.HttpClient + Jackson databind, in one
// run, ratios printed.
//
// Usage (see ../../../../run.sh and bench/README.md):
//   java -Djna.library.path=DIR -cp ... bench.BenchKt URL [ROUNDS] [WARMUP_ROUNDS]
// URL is a running `iqbench serve` (it answers the token endpoint too).
//
// Every contender does the same work on the same pages over keep-alive HTTP/1.1 connections:
// one call, then on T1 every money field (pricePerItem, total, packagePrice) of every dispense is
// read as a BigDecimal; on E1 every employeeNumber. Rounds are interleaved (each contender once
// per round, order rotating) after warm-up rounds that are not counted (JIT).
package bench

import com.fasterxml.jackson.databind.ObjectMapper
import com.iqtech.sdk.Client
import com.iqtech.sdk.models.ClientSettings
import com.iqtech.sdk.models.FfiConverterTypeEmployeePage
import com.iqtech.sdk.models.FfiConverterTypeTransactionPage
import com.iqtech.sdk.models.TransactionQuery
import kotlinx.coroutines.runBlocking
import java.io.File
import java.math.BigDecimal
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.ByteBuffer
import java.nio.ByteOrder

/** One contender: does its call and reads its fields; returns how many fields it read. */
class Contender(val name: String, val run: suspend () -> Int)

/** Median and quartiles of one contender, in nanoseconds. */
class Stats(samples: LongArray) {
    private val sorted = samples.sortedArray()
    val median: Double get() = q(0.5)
    val q1: Double get() = q(0.25)
    val q3: Double get() = q(0.75)
    private fun q(p: Double): Double {
        val x = p * (sorted.size - 1)
        val lo = x.toInt()
        val hi = minOf(lo + 1, sorted.size - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (x - lo)
    }
}

/** Runs [warmup] uncounted rounds, then [rounds] counted ones, the order rotating each round. */
suspend fun interleaved(contenders: List<Contender>, rounds: Int, warmup: Int): List<Stats> {
    val samples = List(contenders.size) { LongArray(rounds) }
    var sink = 0L
    for (r in 0 until warmup + rounds) {
        for (k in contenders.indices) {
            val i = (k + r) % contenders.size
            val t = System.nanoTime()
            sink += contenders[i].run()
            val dt = System.nanoTime() - t
            if (r >= warmup) samples[i][r - warmup] = dt
        }
    }
    check(sink > 0)
    return samples.map { Stats(it) }
}

/** Prints the medians (ms, with quartiles) and each one's ratio to the SDK's (the first). */
fun show(title: String, contenders: List<Contender>, stats: List<Stats>) {
    println("# $title")
    val sdk = stats[0].median
    for ((c, s) in contenders.zip(stats)) {
        val ratio = if (s === stats[0]) "" else "   ratio SDK/this %.2f (SDK is %.2fx %s)".format(
            sdk / s.median, maxOf(s.median / sdk, sdk / s.median), if (s.median >= sdk) "faster" else "SLOWER",
        )
        println("  %-44s median %8.3f ms  [q1 %.3f, q3 %.3f]%s".format(c.name, s.median / 1e6, s.q1 / 1e6, s.q3 / 1e6, ratio))
    }
}

/** Adds up the three money fields of every SDK dispense; counts the non-null ones. */
class MoneyCheck { var n = 0; var sum: BigDecimal = BigDecimal.ZERO }

fun readSdk(page: com.iqtech.sdk.models.TransactionPage, into: MoneyCheck = MoneyCheck()): Int {
    for (t in page.items) for (d in t.transactionDetails) {
        d.pricePerItem?.let { into.n++; into.sum += it }
        d.total?.let { into.n++; into.sum += it }
        d.packagePrice?.let { into.n++; into.sum += it }
    }
    return into.n
}

fun readBaseline(page: TransactionEnvelope, into: MoneyCheck = MoneyCheck()): Int {
    for (t in page.result!!.transactionReport!!.items!!) for (d in t.transactionDetails!!) {
        d.pricePerItem?.let { into.n++; into.sum += it }
        d.total?.let { into.n++; into.sum += it }
        d.packagePrice?.let { into.n++; into.sum += it }
    }
    return into.n
}

fun loadAverage(): String = runCatching { File("/proc/loadavg").readText().split(" ").take(3).joinToString(" ") }.getOrDefault("?")

fun main(args: Array<String>) = runBlocking {
    val url = args[0].trimEnd('/')
    val rounds = args.getOrNull(1)?.toInt() ?: 200
    val warmup = args.getOrNull(2)?.toInt() ?: 300
    println("# Kotlin/JVM ${System.getProperty("java.vm.name")} ${System.getProperty("java.version")}, " +
        "$rounds rounds after $warmup warm-up rounds; load average ${loadAverage()}")

    // Diagnosis (-Dbench.keepAttached=true): uniffi's Kotlin resumes each suspended call from a JNA
    // callback on a Rust runtime thread, which JNA attaches to the JVM and detaches again on
    // every call by default. This keeps those threads attached (a JNA setting, no SDK change).
    if (System.getProperty("bench.keepAttached") == "true") {
        com.sun.jna.Native.setCallbackThreadInitializer(
            com.iqtech.sdk.uniffiRustFutureContinuationCallbackImpl,
            com.sun.jna.CallbackThreadInitializer(true, false, "iqtech-callback"),
        )
        println("# JNA callback threads stay attached (bench.keepAttached)")
    }
    val sdk = Client(ClientSettings(clientId = "bench", clientSecret = "bench-secret", authUrl = url, apiUrl = url))
    val http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
    val mapper = ObjectMapper()

    fun get(path: String): ByteArray {
        val req = HttpRequest.newBuilder(URI.create("$url$path?page=1&pageSize=100"))
            .header("Authorization", "Bearer bench-token").GET().build()
        val resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray())
        check(resp.statusCode() == 200) { "HTTP ${resp.statusCode()}" }
        return resp.body()
    }
    val query = TransactionQuery(page = 1u, pageSize = 100u)

    // Both sides read the same values: same count and the same exact sum.
    val a = MoneyCheck().also { readSdk(sdk.transactions().list(query), it) }
    val b = MoneyCheck().also { readBaseline(mapper.readValue(get("/api/Transaction"), TransactionEnvelope::class.java), it) }
    check(a.n == b.n && a.sum.compareTo(b.sum) == 0) { "SDK read ${a.n} fields summing ${a.sum}, baseline ${b.n} summing ${b.sum}" }
    val bytes = get("/api/Transaction").size
    println("# T1: ${bytes / 1000.0} KB, ${a.n} money fields summing ${a.sum} on both sides")

    // What the uniffi lifting alone costs: the page in uniffi's wire format (as the Rust side hands
    // it over), read back into Kotlin records by the generated converters, no call and no I/O.
    val txPage = sdk.transactions().list(query)
    val txWire = ByteBuffer.allocateDirect(FfiConverterTypeTransactionPage.allocationSize(txPage).toInt()).order(ByteOrder.BIG_ENDIAN)
        .also { FfiConverterTypeTransactionPage.write(txPage, it); it.flip() }
    val empPage = sdk.employees().list(page = 1u, pageSize = 100u)
    val empWire = ByteBuffer.allocateDirect(FfiConverterTypeEmployeePage.allocationSize(empPage).toInt()).order(ByteOrder.BIG_ENDIAN)
        .also { FfiConverterTypeEmployeePage.write(empPage, it); it.flip() }
    println("# uniffi wire format: T1 page ${txWire.limit() / 1000.0} KB, E1 page ${empWire.limit() / 1000.0} KB")

    val tx = listOf(
        Contender("sdk transactions().list + money") { readSdk(sdk.transactions().list(query)) },
        Contender("sdk transactions().list only") { sdk.transactions().list(query).items.size },
        Contender("java.net.http + Jackson, BigDecimal money") {
            readBaseline(mapper.readValue(get("/api/Transaction"), TransactionEnvelope::class.java))
        },
        Contender("java.net.http bytes only (transfer)") { get("/api/Transaction").size },
        Contender("(uniffi lift alone, no call: Kotlin reads the page)") {
            readSdk(FfiConverterTypeTransactionPage.read(txWire.duplicate().order(ByteOrder.BIG_ENDIAN)))
        },
    )
    show("Kotlin, 100 transactions (${bytes / 1000.0} KB)", tx, interleaved(tx, rounds, warmup))

    val emp = listOf(
        Contender("sdk employees().list + numbers") {
            sdk.employees().list(page = 1u, pageSize = 100u).items.count { it.employeeNumber != null }
        },
        Contender("java.net.http + Jackson") {
            mapper.readValue(get("/api/Employee"), EmployeeEnvelope::class.java).result!!.items!!.count { it.employeeNumber != null }
        },
        Contender("java.net.http bytes only (transfer)") { get("/api/Employee").size },
        Contender("(uniffi lift alone, no call: Kotlin reads the page)") {
            FfiConverterTypeEmployeePage.read(empWire.duplicate().order(ByteOrder.BIG_ENDIAN)).items.count { it.employeeNumber != null }
        },
    )
    show("Kotlin, 100 employees (${get("/api/Employee").size / 1000.0} KB)", emp, interleaved(emp, rounds * 3, warmup * 3))
    println("# load average at the end: ${loadAverage()}")
    sdk.close()
}
