// What a JVM user would write instead of the SDK: plain classes with every field of the pages
// (public fields, a no-argument constructor), money as java.math.BigDecimal, filled by Jackson
// databind. Unknown properties still fail (Jackson's default), which proves every field is here.
package bench

import java.math.BigDecimal

/** `metaData` of a page. */
class Meta {
    @JvmField var firstItemOnPage: Long? = null
    @JvmField var hasNextPage: Boolean? = null
    @JvmField var hasPreviousPage: Boolean? = null
    @JvmField var isFirstPage: Boolean? = null
    @JvmField var isLastPage: Boolean? = null
    @JvmField var lastItemOnPage: Long? = null
    @JvmField var pageCount: Long? = null
    @JvmField var pageNumber: Long? = null
    @JvmField var pageSize: Long? = null
    @JvmField var totalItemCount: Long? = null
    @JvmField var thisPageItemCount: Long? = null
    @JvmField var itemStart: Long? = null
    @JvmField var itemEnd: Long? = null
}

/** E1 item. */
class Employee {
    @JvmField var firstName: String? = null
    @JvmField var lastName: String? = null
    @JvmField var employeeNumber: String? = null
    @JvmField var badge: String? = null
    @JvmField var language: String? = null
    @JvmField var active: Boolean? = null
    @JvmField var department: String? = null
}

/** E1 `result`. */
class EmployeePage {
    @JvmField var items: List<Employee>? = null
    @JvmField var metaData: Meta? = null
}

/** E1 answer. */
class EmployeeEnvelope {
    @JvmField var result: EmployeePage? = null
    @JvmField var isSuccess: Boolean? = null
    @JvmField var errors: Any? = null
    @JvmField var error: Any? = null
    @JvmField var exception: Any? = null
}

/** T1 `machineDetails`. */
class Machine {
    @JvmField var serialNo: String? = null
    @JvmField var organization: String? = null
    @JvmField var account: String? = null
    @JvmField var machineName: String? = null
    @JvmField var location: String? = null
}

/** T1 `batchDetails` entry. */
class Batch {
    @JvmField var lotNumber: String? = null
    @JvmField var expDate: String? = null
    @JvmField var qtyTaken: BigDecimal? = null
}

/** T1 `userLimit` entry. */
class Limit {
    @JvmField var question: String? = null
    @JvmField var response: String? = null
}

/** T1 dispense. */
class Detail {
    @JvmField var transactionDateAndTime: String? = null
    @JvmField var employeeName: String? = null
    @JvmField var employeeNumber: String? = null
    @JvmField var productName: String? = null
    @JvmField var productGroup: String? = null
    @JvmField var productGroupName: String? = null
    @JvmField var offlinePurchase: String? = null
    @JvmField var selection: String? = null
    @JvmField var manufacturerName: String? = null
    @JvmField var manufacturerItemNumber: String? = null
    @JvmField var dispensedQuantity: BigDecimal? = null
    @JvmField var secondPersonAuth: String? = null
    @JvmField var batchDetails: List<Batch>? = null
    @JvmField var userLimit: List<Limit>? = null
    @JvmField var pricePerItem: BigDecimal? = null
    @JvmField var total: BigDecimal? = null
    @JvmField var itemNumber: String? = null
    @JvmField var takenWeight: String? = null
    @JvmField var assetNumber: String? = null
    @JvmField var department: String? = null
    @JvmField var packageQuantity: BigDecimal? = null
    @JvmField var packagePrice: BigDecimal? = null
}

/** T1 item. */
class Transaction {
    @JvmField var machineDetails: Machine? = null
    @JvmField var transactionDetails: List<Detail>? = null
}

/** T1 `transactionReport`. */
class TransactionPage {
    @JvmField var items: List<Transaction>? = null
    @JvmField var metaData: Meta? = null
}

/** T1 `result`. */
class Report {
    @JvmField var transactionReport: TransactionPage? = null
}

/** T1 answer. */
class TransactionEnvelope {
    @JvmField var result: Report? = null
    @JvmField var isSuccess: Boolean? = null
    @JvmField var errors: Any? = null
    @JvmField var error: Any? = null
    @JvmField var exception: Any? = null
}
