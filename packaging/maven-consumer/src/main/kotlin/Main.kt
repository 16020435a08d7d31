// A user's program: depends only on com.iqtech:iqtech-sdk from a Maven repository.
import com.iqtech.sdk.Client
import com.iqtech.sdk.Sandbox
import kotlinx.coroutines.runBlocking

fun main() = runBlocking {
    val sandbox = Sandbox.start()
    val client = Client(sandbox.clientSettings())
    val page = client.employees().list(page = 1u, pageSize = 10u)
    check(page.items.isNotEmpty()) { "the sandbox returned no employees" }
    println("consumer: ${page.items.size} of ${page.meta.totalItemCount} employees, first ${page.items[0].lastName}")
    client.close()
    sandbox.shutdown()
}
