package com.iqtech.sdk

import com.iqtech.sdk.sandbox.SandboxSettings
import com.iqtech.sdk.sandbox.FaultSpec
import com.iqtech.sdk.models.ClientSettings
import kotlinx.coroutines.runBlocking
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.TestInstance
import java.io.File
import java.math.BigDecimal
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import kotlin.reflect.KClass
import kotlin.reflect.KType
import kotlin.reflect.full.callSuspendBy
import kotlin.reflect.full.memberFunctions
import kotlin.reflect.full.primaryConstructor
import kotlin.reflect.jvm.jvmErasure
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.fail

/**
 * Runs every case of the shared vectors (tests/vectors/\*.json at the repository root) against
 * the embedded sandbox, through the generated Kotlin API. Nothing here names an operation: the
 * case's `group.method` is found by reflection and its JSON arguments are converted to the
 * generated Kotlin types (records, enums, unsigned numbers, dates), so a case this runner cannot
 * run fails instead of being skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorsTest {
    private val shared: Sandbox by lazy { runBlocking { Sandbox.start(SandboxSettings()) } }

    @AfterAll
    fun stop() = runBlocking { shared.shutdown(); shared.close() }

    @TestFactory
    fun vectors(): List<DynamicTest> {
        val dir = File(System.getProperty("iqtech.vectors") ?: error("set -Diqtech.vectors"))
        val files = dir.listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }
        assertTrue(files.size >= 3, "vector files in $dir")
        return files.flatMap { file ->
            val cases = JSONArray(file.readText())
            (0 until cases.length()).map { i ->
                val case = cases.getJSONObject(i)
                DynamicTest.dynamicTest("${file.name}: ${case.getString("name")}") { runBlocking { run(case) } }
            }
        }
    }

    private suspend fun run(case: JSONObject) {
        val own = case.optJSONObject("sandbox")?.let { Sandbox.start(convert(it, SandboxSettings::class) as SandboxSettings) }
        val sandbox = own ?: shared
        try {
            case.optJSONObject("fault")?.let { sandbox.injectFault(convert(it, FaultSpec::class) as FaultSpec) }
            val settings = JSONObject(mapOf("max_attempts" to 1))
            case.optJSONObject("settings")?.let { s -> s.keys().forEach { settings.put(it, s.get(it)) } }
            val base = sandbox.clientSettings()
            val overrides = convert(settings, ClientSettings::class) as ClientSettings
            val clientSettings = base.copy(
                maxAttempts = overrides.maxAttempts, requestTimeout = overrides.requestTimeout,
                connectTimeout = overrides.connectTimeout, pageConcurrency = overrides.pageConcurrency,
            )
            Client(clientSettings).use { client ->
                if (case.getJSONObject("call").has("take")) checkReadAhead(case, client, sandbox) else check(case, client)
            }
        } finally {
            sandbox.clearFaults()
            own?.let { it.shutdown(); it.close() }
        }
    }

    private suspend fun check(case: JSONObject, client: Client) {
        val expect = case.getJSONObject("expect")
        var items = 0
        val error = try {
            val result = call(client, case.getJSONObject("call"))
            // A pager: drain it (items count one each, pages count their items).
            val step = result?.javaClass?.kotlin?.memberFunctions?.firstOrNull { it.name == "next" || it.name == "nextPage" }
            if (step != null) {
                while (true) {
                    val got = unwrap { step.callSuspendBy(mapOf(step.parameters[0] to result)) } ?: break
                    items += if (step.name == "next") 1 else (got.javaClass.getMethod("getItems").invoke(got) as List<*>).size
                }
            }
            fail("no error; expected ${expect.getString("class")}")
        } catch (e: IqtechException) {
            e
        }
        assertClass(expect.getString("class"), error)
        for (key in expect.keys()) {
            val want = expect.get(key)
            val why = "$key of $error"
            when (key) {
                "class" -> {}
                "code" -> assertEquals(want, error.code(), why)
                "items_before_error" -> assertEquals(want, items, why)
                "page" -> assertEquals((want as Number).toLong(), error.page()?.toLong(), why)
                "retry_after_ms" -> assertEquals((want as Number).toLong(), (field(error, "retryAfter") as Duration?)?.toMillis(), why)
                "body_contains" -> assertTrue((want as String) in (field(error, "body") as String? ?: ""), why)
                "detail_contains" -> assertTrue((want as String) in (field(error, "detail") as String? ?: ""), why)
                "field_errors" -> {
                    val got = (field(error, "fieldErrors") as List<*>).map { fe ->
                        val f = fe as com.iqtech.sdk.models.FieldError
                        JSONObject(mapOf("field" to f.field, "messages" to f.messages)).toString()
                    }
                    val wanted = (want as JSONArray).let { a -> (0 until a.length()).map { JSONObject(a.getJSONObject(it).toMap()).toString() } }
                    assertEquals(wanted, got, why)
                }
                else -> assertEquals(plain(want), plain(field(error, camel(key))), why)
            }
        }
    }

    /** Takes `call.take` items, leaves the pager open and idle, then checks the journal's count per route. */
    private suspend fun checkReadAhead(case: JSONObject, client: Client, sandbox: Sandbox) {
        val expect = case.getJSONObject("expect")
        assertEquals(setOf("requests_at_most"), expect.keySet(), "this runner checks only requests_at_most with take")
        sandbox.clearJournal()
        val pager = call(client, case.getJSONObject("call")) as AutoCloseable
        pager.use {
            val next = pager.javaClass.kotlin.memberFunctions.singleOrNull { it.name == "next" }
                ?: fail("take applies to item pagers, not ${pager.javaClass.simpleName}")
            repeat(case.getJSONObject("call").getInt("take")) { i ->
                assertTrue(unwrap { next.callSuspendBy(mapOf(next.parameters[0] to pager)) } != null, "item ${i + 1}")
            }
            kotlinx.coroutines.delay(300)
            val most = expect.getJSONObject("requests_at_most")
            for (route in most.keys()) {
                val got = sandbox.requestCount(route).toLong()
                assertTrue(got > 0 && got <= most.getLong(route), "$route: $got requests, at most ${most.getLong(route)}")
            }
        }
    }

    /** The error is an instance of the table's class, as this binding maps it (see error.rs). */
    private fun assertClass(name: String, e: IqtechException) {
        when {
            name == "IqtechError" -> {}
            name == "ApiError" -> assertTrue(e is IqtechException.ApiException, "$name: $e")
            e is IqtechException.ApiException -> assertEquals(name, e.className(), "$name: $e")
            else -> assertEquals(name.removeSuffix("Error") + "Exception", e.javaClass.simpleName, "$name: $e")
        }
    }

    /** Calls `group.method` on the client with the case's snake_case JSON arguments. */
    private suspend fun call(client: Client, call: JSONObject): Any? {
        val (group, method) = call.getString("operation").split('.')
        val target = client.javaClass.getMethod(camel(group)).invoke(client)
        val fn = target.javaClass.kotlin.memberFunctions.singleOrNull { it.name == camel(method) }
            ?: fail("no method ${camel(method)} on ${target.javaClass.simpleName}")
        val args = call.optJSONObject("args") ?: JSONObject()
        val known = fn.parameters.drop(1).map { snake(it.name!!) }.toSet()
        assertTrue(known.containsAll(args.keySet()), "arguments ${args.keySet()} of ${fn.name}(${known})")
        val params = mutableMapOf(fn.parameters[0] to target)
        for (p in fn.parameters.drop(1)) {
            val key = snake(p.name!!)
            if (args.has(key)) params[p] = convert(args.get(key), p.type)
            else if (!p.isOptional) fail("argument $key of ${fn.name} is required")
        }
        return unwrap { fn.callSuspendBy(params) }
    }

    /** Reflection wraps what a synchronous call throws: rethrow the SDK's own exception. */
    private suspend fun <T> unwrap(block: suspend () -> T): T =
        try { block() } catch (e: java.lang.reflect.InvocationTargetException) { throw e.cause ?: e }

    /** The value of an exception's field by its camelCase name (unsigned getters are mangled). */
    private fun field(e: Any, name: String): Any? {
        val getter = "get" + name.replaceFirstChar(Char::uppercase)
        val method = e.javaClass.methods.firstOrNull { (it.name == getter || it.name.startsWith("$getter-")) && it.parameterCount == 0 }
            ?: fail("${e.javaClass.simpleName} has no field $name")
        return method.invoke(e)
    }

    /** Numbers and unsigned numbers as Long, for comparing JSON with Kotlin values. */
    private fun plain(v: Any?): Any? = when (v) {
        null, JSONObject.NULL -> null
        is UShort -> v.toLong(); is UInt -> v.toLong(); is ULong -> v.toLong()
        is Number -> v.toLong()
        else -> v
    }

    private fun convert(json: Any?, type: KType): Any? =
        if (json == null || json == JSONObject.NULL) null else convert(json, type.jvmErasure, type)

    /** A JSON value as the generated Kotlin type [cls] (with [type]'s arguments for lists and maps). */
    private fun convert(json: Any, cls: KClass<*>, type: KType? = null): Any = when {
        cls == String::class -> json as String
        cls == Boolean::class -> json as Boolean
        cls == UInt::class -> (json as Number).toLong().toUInt()
        cls == UShort::class -> (json as Number).toLong().toUShort()
        cls == ULong::class -> (json as Number).toLong().toULong()
        cls == UByte::class -> (json as Number).toLong().toUByte()
        cls == Long::class -> (json as Number).toLong()
        cls == Int::class -> (json as Number).toInt()
        cls == Double::class -> (json as Number).toDouble()
        cls == Duration::class -> Duration.ofMillis((json as Number).toLong())
        cls == LocalDate::class -> LocalDate.parse(json as String)
        cls == Instant::class -> Instant.parse(json as String)
        cls == BigDecimal::class -> BigDecimal(json.toString())
        cls == List::class -> (json as JSONArray).let { a -> (0 until a.length()).map { convert(a.get(it), type!!.arguments[0].type!!) } }
        cls == Map::class -> (json as JSONObject).let { o -> o.keySet().associateWith { convert(o.get(it), type!!.arguments[1].type!!) } }
        cls.java.isEnum -> cls.java.enumConstants.single { same((it as Enum<*>).name, json as String) }
        cls.isSealed -> {
            val sub = cls.sealedSubclasses.firstOrNull { same(it.simpleName!!, json as String) && it.objectInstance != null }
            sub?.objectInstance ?: cls.sealedSubclasses.single { it.simpleName == "Other" }.primaryConstructor!!.call(json)
        }
        cls.isData -> {
            val o = json as JSONObject
            val ctor = cls.primaryConstructor!!
            val names = ctor.parameters.map { snake(it.name!!) }
            assertTrue(names.containsAll(o.keySet()), "fields ${o.keySet()} of ${cls.simpleName} ($names)")
            ctor.callBy(ctor.parameters.filter { o.has(snake(it.name!!)) }.associateWith { convert(o.get(snake(it.name!!)), it.type) })
        }
        else -> fail("no conversion from JSON to ${cls.qualifiedName}")
    }

    private fun same(kotlinName: String, jsonName: String) =
        kotlinName.replace("_", "").equals(jsonName.replace("_", ""), ignoreCase = true)

    private fun camel(snake: String) = snake.split('_').let { p -> p[0] + p.drop(1).joinToString("") { it.replaceFirstChar(Char::uppercase) } }

    private fun snake(camel: String) = camel.replace(Regex("([A-Z])")) { "_" + it.value.lowercase() }
}
