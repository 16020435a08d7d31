package com.iqtech.sdk

import com.iqtech.sdk.models.ApiErrorKind
import org.json.JSONObject
import org.junit.jupiter.api.Test
import java.io.File
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/**
 * The generated exception classes against the core's error table (`iqtech::ERROR_CLASSES`, read
 * from the surface JSON that scripts/test.sh writes): any class, code or field that differs
 * fails here.
 */
class ErrorClassesTest {
    private val classes: List<JSONObject> = run {
        val path = System.getProperty("iqtech.surface") ?: error("set -Diqtech.surface (scripts/test.sh does)")
        val errors = JSONObject(File(path).readText()).getJSONArray("errors")
        (0 until errors.length()).map { errors.getJSONObject(it) }
    }
    private val apiFamily = classes.filter { it.getString("name") == "ApiError" || it.optString("parent") == "ApiError" }
    private val others = classes.filter { !it.isNull("parent") && it !in apiFamily }

    private fun camel(snake: String) = snake.split('_').let { p -> p[0] + p.drop(1).joinToString("") { it.replaceFirstChar(Char::uppercase) } }

    private fun kotlinName(errorName: String) = errorName.removeSuffix("Error") + "Exception"

    private val generated: Map<String, Class<*>> = IqtechException::class.java.declaredClasses
        .filter { IqtechException::class.java.isAssignableFrom(it) }
        .associateBy { it.simpleName }

    @Test
    fun `one Kotlin class per non-API class, plus ApiException for the API family`() {
        val expected = (others.map { kotlinName(it.getString("name")) } + "ApiException").toSet()
        assertEquals(expected, generated.keys)
        assertTrue(classes.any { it.getString("name") == "IqtechError" && it.isNull("parent") }, "the root class")
    }

    @Test
    fun `one ApiErrorKind per class of the API family, named after its code`() {
        // The kind's name is the code in upper case; the plain ApiError's code `api` is UNEXPECTED.
        val expected = apiFamily.map { it.getString("code").let { c -> if (c == "api") "UNEXPECTED" else c.uppercase() } }.toSet()
        assertEquals(expected, ApiErrorKind.entries.map { it.name }.toSet())
    }

    @Test
    fun `every class carries the table's fields and the common ones`() {
        val common = listOf("code", "page", "requestId", "serverRequestId", "description")
        for (c in apiFamily + others) {
            val cls = generated.getValue(if (c in apiFamily) "ApiException" else kotlinName(c.getString("name")))
            val fieldsJson = c.getJSONArray("fields")
            val fields = (0 until fieldsJson.length()).map { camel(fieldsJson.getString(it)) } + common
            for (f in fields) {
                val getter = "get" + f.replaceFirstChar(Char::uppercase)
                // Getters of unsigned (inline-class) properties are name-mangled: `getStatus-Mh2AYeg`.
                val found = cls.methods.any { (it.name == getter || it.name.startsWith("$getter-")) && it.parameterCount == 0 }
                assertTrue(found, "${cls.simpleName}.$f (${c.getString("name")})")
            }
        }
    }
}
