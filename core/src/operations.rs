//! The catalogue of API operations: the single source of truth for names, routes and retry safety.
//!
//! The transport reads [`Operation::repeatable`] to decide what may be sent twice (API-NOTES,
//! "Safety of retries"); the cross-language completeness checks in `tests/` read
//! [`PUBLIC_METHODS`] to prove every binding exposes every method.

/// One HTTP operation of the iQ Tech API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// Stable name, `group.method`, used in errors, logs and the sandbox's fault routes.
    pub name: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path template under the integration base URL.
    pub path: &'static str,
    /// Whether sending it twice is harmless. Non-repeatable operations are retried only when the
    /// request provably never reached the server, or the server said it did not process it (429).
    pub repeatable: bool,
    /// What to do when its outcome is unknown.
    pub how_to_check: &'static str,
}

macro_rules! ops {
    ($($id:ident = $name:literal, $method:literal, $path:literal, $rep:literal, $check:expr;)+) => {
        $(
            #[doc = concat!("`", $method, " ", $path, "` (", $name, ").")]
            pub const $id: Operation = Operation {
                name: $name, method: $method, path: $path, repeatable: $rep, how_to_check: $check,
            };
        )+
        /// Every operation, in the document's order, plus the token request. The document's 20
        /// operations are 21 entries here: M1 is split into `machines.planogram` (one machine)
        /// and `machines.list` (all machines), since they answer differently.
        pub const ALL: &[Operation] = &[$($id),+];
    };
}

const CHECK_RESERVATION: &str =
    "Check with reservation_status for that machine before booking again.";
const CHECK_EMPLOYEE: &str = "Check with employees.lookup before trying again.";
const CHECK_CODE: &str = "Ask the assignee whether a new code arrived before sending another.";
const CHECK_RECALL: &str = "Check with reservation_status for that machine; a repeated recall answers \"Invalid Operation!\".";
const NONE: &str = "";

ops! {
    TOKEN = "auth.token", "POST", "/connect/token", true, NONE;
    EMPLOYEES_LIST = "employees.list", "GET", "/api/Employee", true, NONE;
    EMPLOYEES_CREATE = "employees.create", "POST", "/api/Employee", false, CHECK_EMPLOYEE;
    EMPLOYEES_SET_STATUS = "employees.set_status", "PUT", "/api/Employee/UpdateEmployeeStatus", true, NONE;
    EMPLOYEES_UPDATE = "employees.update", "PUT", "/api/Employee/{employeeNumber}", true, NONE;
    EMPLOYEES_SET_PIN = "employees.set_pin", "POST", "/api/Employee/UpdateEmployeeSetPin", false, "Try the new PIN as the old PIN: if it is accepted, the change was made.";
    EMPLOYEES_LOOKUP = "employees.lookup", "GET", "/api/Employee/lookup", true, NONE;
    WILL_CALL_ADD_RESERVATION = "will_call.add_reservation", "POST", "/api/2.0/WillCall/AddReservation", false, CHECK_RESERVATION;
    WILL_CALL_RESERVATION_STATUS = "will_call.reservation_status", "GET", "/api/2.0/WillCall/GetReservationStatus/{serialNumber}", true, NONE;
    WILL_CALL_RESERVABLE_SELECTIONS = "will_call.reservable_selections", "GET", "/api/2.0/WillCall/GetReservableSelections/{serialNumber}", true, NONE;
    WILL_CALL_SEND_NEW_CODE = "will_call.send_new_code", "POST", "/api/2.0/WillCall/SendNewCode/{reserveLockerId}", false, CHECK_CODE;
    WILL_CALL_RESERVED_LOCKER_REPORT = "will_call.reserved_locker_report", "GET", "/api/2.0/WillCall/GetReservedLockerReport", true, NONE;
    WILL_CALL_RECALL_RESERVATION = "will_call.recall_reservation", "POST", "/api/2.0/WillCall/RecallReservation", false, CHECK_RECALL;
    WILL_CALL_V1_ADD_RESERVATION = "will_call_v1.add_reservation", "POST", "/api/WillCall/AddReservation", false, CHECK_RESERVATION;
    WILL_CALL_V1_RESERVATION_STATUS = "will_call_v1.reservation_status", "GET", "/api/WillCall/GetReservationStatus/{serialNumber}", true, NONE;
    WILL_CALL_V1_RESERVABLE_SELECTIONS = "will_call_v1.reservable_selections", "GET", "/api/WillCall/GetReservableSelections/{serialNumber}", true, NONE;
    WILL_CALL_V1_SEND_NEW_CODE = "will_call_v1.send_new_code", "POST", "/api/WillCall/SendNewCode/{reserveLockerId}", false, CHECK_CODE;
    WILL_CALL_V1_RESERVED_LOCKER_REPORT = "will_call_v1.reserved_locker_report", "GET", "/api/WillCall/GetReservedLockerReport", true, NONE;
    WILL_CALL_V1_RECALL_RESERVATION = "will_call_v1.recall_reservation", "POST", "/api/WillCall/RecallReservation", false, CHECK_RECALL;
    MACHINES_PLANOGRAM = "machines.planogram", "GET", "/api/Machine/GetMachinePlanogramDetails", true, NONE;
    MACHINES_LIST = "machines.list", "GET", "/api/Machine/GetMachinePlanogramDetails", true, NONE;
    TRANSACTIONS_LIST = "transactions.list", "GET", "/api/Transaction", true, NONE;
}

/// Every public method of every operation group, as `(group, method)` in snake_case: the 21
/// operations and one item auto-pager per paged operation.
///
/// Each binding must expose each of these (in its language's case); `tests/` checks it. The Rust
/// page streams (`iter_pages`, `iter_reserved_locker_report_pages`) are extras.
pub const PUBLIC_METHODS: &[(&str, &str)] = &[
    ("employees", "list"),
    ("employees", "iter"),
    ("employees", "create"),
    ("employees", "update"),
    ("employees", "set_status"),
    ("employees", "set_pin"),
    ("employees", "lookup"),
    ("will_call", "add_reservation"),
    ("will_call", "reservation_status"),
    ("will_call", "reservable_selections"),
    ("will_call", "send_new_code"),
    ("will_call", "reserved_locker_report"),
    ("will_call", "iter_reserved_locker_report"),
    ("will_call", "recall_reservation"),
    ("will_call_v1", "add_reservation"),
    ("will_call_v1", "reservation_status"),
    ("will_call_v1", "reservable_selections"),
    ("will_call_v1", "send_new_code"),
    ("will_call_v1", "reserved_locker_report"),
    ("will_call_v1", "iter_reserved_locker_report"),
    ("will_call_v1", "recall_reservation"),
    ("machines", "planogram"),
    ("machines", "list"),
    ("machines", "iter"),
    ("transactions", "list"),
    ("transactions", "iter"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_twenty_operations_and_the_token() {
        assert_eq!(ALL.len(), 22);
        let mut names: Vec<_> = ALL.iter().map(|o| o.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 22, "names are unique");
    }

    #[test]
    fn only_reads_and_puts_are_repeatable() {
        for op in ALL {
            let expected = op.method != "POST" || op.name == "auth.token";
            assert_eq!(op.repeatable, expected, "{}", op.name);
            assert_eq!(op.how_to_check.is_empty(), op.repeatable, "{}", op.name);
        }
    }
}
