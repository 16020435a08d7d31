//! The public surface, declared once: every operation of every group, with its arguments,
//! defaults, return type, kind, HTTP facts (method, path template, retry class, how to check)
//! and doc.
//!
//! [`for_each_operation!`](crate::for_each_operation) hands the whole table to a callback macro.
//! The core expands it here into the [`Operation`] constants the transport reads (retry safety,
//! names, paths) and into [`OPERATIONS`], the run-time description that code generators (Python
//! stubs, TypeScript declarations) and the cross-language coverage check read. Each binding
//! expands the same table with its own macro into its methods, so no binding writes a
//! per-operation body by hand and adding an operation to the table adds it everywhere.
//!
//! # The table's grammar
//! ```text
//! /// group doc
//! group <snake_name>: <CoreType> {
//!     /// operation doc (one or more lines)
//!     <kind> <method>(<arg>: <Type> [= <default>], #[record] <arg>: <Type>, ...) -> <Ret> [as <Stream>]
//!         [<CONST> <GET|POST|PUT> "<path template>" <repeatable|once> [<CHECK>]];
//!     ...
//! }
//! ```
//! - `kind` is `call` (an async call returning `Ret`), `items` (an auto-pager of `Ret` items,
//!   the core method returns [`crate::ItemStream`]) or `pages` (an auto-pager of `Ret` pages,
//!   [`crate::PageStream`]). Pagers name the binding-side stream type after `as`.
//! - `call` entries that send one HTTP request carry their HTTP facts in brackets; pagers and
//!   computed calls (`low_stock`, `patch`) carry none: they are built on other operations.
//! - Argument types are the core method's parameter types (all owned: `String`, `u32`, `bool`,
//!   records); `= default` makes an argument optional in every language. `#[record]` marks an
//!   input record (a dict / keyword arguments in Python, an object in JavaScript).
//! - Types are named as exported at the crate root (`iqtech::EmployeePage`).
//!
//! # What a callback receives
//! [`for_each_operation!`](crate::for_each_operation) parses that grammar once and hands every
//! callback (the core's own and each binding's) one fixed shape, every optional part bracketed:
//! ```text
//! $( group $group:ident $Group:ident [$(#[doc = $gdoc:literal])*] {
//!     $( $kind:ident $method:ident [$(#[doc = $doc:literal])*]
//!        ($( [$(#[$am:ident])?] $arg:ident : $aty:ty $(= $adef:tt)? ),*) -> $ret:ty
//!        [$($stream:ident)?] [$($http:tt)*]; )*
//! } )*
//! ```
//! Bindings ignore the HTTP facts (`[$($http:tt)*]`): only the core sends requests.

/// One HTTP operation of the iQ Tech API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// Stable name, `group.method`, used in errors, logs and the sandbox's fault routes.
    pub name: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path template under the integration base URL, with `{placeholders}` for path arguments.
    pub path: &'static str,
    /// Whether sending it twice is harmless. Non-repeatable operations are retried only when the
    /// request provably never reached the server, or the server said it did not process it (429).
    pub repeatable: bool,
    /// What to do when its outcome is unknown (empty for repeatable operations).
    pub how_to_check: &'static str,
}

/// What a public method hands back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An async call that returns one value.
    Call,
    /// An auto-pager yielding items, in order, across every page.
    Items,
    /// An auto-pager yielding whole pages, in order.
    Pages,
}

impl Kind {
    /// The kind's name in the surface JSON: `call`, `items` or `pages`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Call => "call",
            Self::Items => "items",
            Self::Pages => "pages",
        }
    }
}

/// One argument of a public method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArgSpec {
    /// The argument's name, snake_case (each binding applies its own case).
    pub name: &'static str,
    /// The core's Rust type as `stringify!` prints it (`u32`, `String`, `Option < u32 >`).
    pub ty: &'static str,
    /// The default as Rust source (`1`, `100`, `None`); `None` when the argument is required.
    pub default: Option<&'static str>,
    /// Whether it is an input record (passed as a dict / object / record).
    pub record: bool,
}

/// One public method of an operation group, as declared in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationSpec {
    /// The group's accessor on the client, snake_case (`employees`, `will_call_v1`).
    pub group: &'static str,
    /// The method's name, snake_case.
    pub method: &'static str,
    /// Call, item pager or page pager.
    pub kind: Kind,
    /// The arguments, in order.
    pub args: &'static [ArgSpec],
    /// The Rust return type (for pagers: the item or page type), as `stringify!` prints it.
    pub returns: &'static str,
    /// For pagers, the name of the binding-side stream type.
    pub stream: Option<&'static str>,
    /// The method's documentation, one or more lines.
    pub doc: &'static str,
    /// The HTTP operation it sends, for methods that send exactly one kind of request.
    pub http: Option<&'static Operation>,
}

impl OperationSpec {
    /// `group.method`.
    pub fn qualified_name(&self) -> String {
        format!("{}.{}", self.group, self.method)
    }
}

/// One operation group (an accessor of the client).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupSpec {
    /// The accessor's name, snake_case.
    pub name: &'static str,
    /// The core type's name (`Employees`).
    pub type_name: &'static str,
    /// The group's documentation.
    pub doc: &'static str,
}

const CHECK_RESERVATION: &str =
    "Check with reservation_status for that machine before booking again.";
const CHECK_EMPLOYEE: &str = "Check with employees.lookup before trying again.";
const CHECK_PIN: &str = "Try the new PIN as the old PIN: if it is accepted, the change was made.";
const CHECK_CODE: &str = "Ask the assignee whether a new code arrived before sending another.";
const CHECK_RECALL: &str = "Check with reservation_status for that machine; a repeated recall answers \"Invalid Operation!\".";

/// The token request (not part of any group).
pub const TOKEN: Operation = Operation {
    name: "auth.token",
    method: "POST",
    path: "/connect/token",
    repeatable: true,
    how_to_check: "",
};

/// Calls `$callback! { ...every group and method... }` in the digested form of the [module
/// docs](crate::operations) ("What a callback receives"). The callback must be a `macro_rules!`
/// macro in scope at the call site.
#[macro_export]
macro_rules! for_each_operation {
    ($callback:ident) => {
        $crate::__digest_operations! { $callback;
            /// Employee operations (document section 2).
            group employees: Employees {
                /// One page of employees (E1). `page` counts from 1; `page_size` is 1 to 100.
                call list(page: u32 = 1, page_size: u32 = 100) -> EmployeePage
                    [EMPLOYEES_LIST GET "/api/Employee" repeatable];
                /// Every employee, page by page (page size 100 unless given; `concurrency` pages
                /// in flight, default from the client). Fails at once on invalid options.
                pages iter_pages(page_size: Option<u32> = None, concurrency: Option<u32> = None) -> EmployeePage as EmployeePageStream;
                /// Every employee, item by item, lazily and in order; see `iter_pages`.
                items iter(page_size: Option<u32> = None, concurrency: Option<u32> = None) -> Employee as EmployeeStream;
                /// Creates an employee (E2). Never sent twice: a lost or unreadable answer gives an
                /// outcome-unknown error. `active` is sent as true unless given. The server
                /// refuses a duplicate number.
                call create(#[record] input: EmployeeInput) -> ()
                    [EMPLOYEES_CREATE POST "/api/Employee" once CHECK_EMPLOYEE];
                /// Replaces employee `employee_number`'s whole record (E4); `input.employee_number`
                /// is the new number, so this can renumber. Fields left unset may be cleared by
                /// the server: use `patch` to change only some fields.
                call update(employee_number: String, #[record] input: EmployeeInput) -> ()
                    [EMPLOYEES_UPDATE PUT "/api/Employee/{employeeNumber}" repeatable];
                /// Changes only the fields set in `changes` and keeps every other field: looks
                /// the employee up (E6), merges, and sends the full record (E4). Fails on
                /// `employee_number` when no employee has that number.
                call patch(employee_number: String, #[record] changes: EmployeeChanges) -> ();
                /// Activates or deactivates an employee (E3).
                call set_status(employee_number: String, active: bool) -> ()
                    [EMPLOYEES_SET_STATUS PUT "/api/Employee/UpdateEmployeeStatus" repeatable];
                /// Sets an employee's PIN (E5). Never sent twice.
                call set_pin(#[record] input: SetPinInput) -> ()
                    [EMPLOYEES_SET_PIN POST "/api/Employee/UpdateEmployeeSetPin" once CHECK_PIN];
                /// Employees matching every criterion given (E6; at least one). No match is an
                /// empty list. Sent as GET; POST once on a 405, remembered.
                call lookup(#[record] query: EmployeeQuery) -> Vec<Employee>
                    [EMPLOYEES_LOOKUP GET "/api/Employee/lookup" repeatable];
            }
            /// Will-call lockers, current generation (document section 3, `/api/2.0/WillCall`).
            group will_call: WillCall {
                /// Books a locker and sends its access codes (W1). Never sent twice: a lost
                /// answer gives an outcome-unknown error; check `reservation_status` first.
                /// Every call sends real SMS or e-mail in production.
                call add_reservation(#[record] reservation: Reservation) -> ReservationResult
                    [WILL_CALL_ADD_RESERVATION POST "/api/2.0/WillCall/AddReservation" once CHECK_RESERVATION];
                /// The reservations on a machine and their states (W2).
                call reservation_status(serial_number: String) -> Vec<ReservationStatus>
                    [WILL_CALL_RESERVATION_STATUS GET "/api/2.0/WillCall/GetReservationStatus/{serialNumber}" repeatable];
                /// The selections (lockers) of a machine that can be booked now (W3).
                call reservable_selections(serial_number: String) -> Vec<i64>
                    [WILL_CALL_RESERVABLE_SELECTIONS GET "/api/2.0/WillCall/GetReservableSelections/{serialNumber}" repeatable];
                /// Replaces a reservation's access codes and sends the new ones (W4). Never
                /// sent twice: a repeat sends another message.
                call send_new_code(reserve_locker_id: String) -> ReservationResult
                    [WILL_CALL_SEND_NEW_CODE POST "/api/2.0/WillCall/SendNewCode/{reserveLockerId}" once CHECK_CODE];
                /// One page of the reserved-locker report (W5).
                call reserved_locker_report(#[record] query: ReservedLockerReportQuery) -> ReservedLockerReport
                    [WILL_CALL_RESERVED_LOCKER_REPORT GET "/api/2.0/WillCall/GetReservedLockerReport" repeatable];
                /// The whole reserved-locker report, page by page (the query's page is ignored).
                pages iter_reserved_locker_report_pages(#[record] query: ReservedLockerReportQuery, concurrency: Option<u32> = None) -> ReservedLockerReport as ReservedLockerReportStream;
                /// The whole reserved-locker report, reservation by reservation.
                items iter_reserved_locker_report(#[record] query: ReservedLockerReportQuery, concurrency: Option<u32> = None) -> ReservationDetail as ReservationDetailStream;
                /// Recalls (cancels) a reservation (W6). Never sent twice: a repeat answers
                /// "Invalid Operation!".
                call recall_reservation(reserve_locker_id: String, #[record] assignee: Assignee) -> RecallResult
                    [WILL_CALL_RECALL_RESERVATION POST "/api/2.0/WillCall/RecallReservation" once CHECK_RECALL];
            }
            /// Will-call lockers, legacy generation (document section 6, `/api/WillCall`), for
            /// older tenants.
            group will_call_v1: WillCallV1 {
                /// Books a locker and sends its access codes (L1). Never sent twice: a lost
                /// answer gives an outcome-unknown error; check `reservation_status` first.
                /// Every call sends real SMS or e-mail in production.
                call add_reservation(#[record] reservation: Reservation) -> ReservationResult
                    [WILL_CALL_V1_ADD_RESERVATION POST "/api/WillCall/AddReservation" once CHECK_RESERVATION];
                /// The reservations on a machine and their states (L2).
                call reservation_status(serial_number: String) -> Vec<ReservationStatus>
                    [WILL_CALL_V1_RESERVATION_STATUS GET "/api/WillCall/GetReservationStatus/{serialNumber}" repeatable];
                /// The selections (lockers) of a machine that can be booked now (L3).
                call reservable_selections(serial_number: String) -> Vec<i64>
                    [WILL_CALL_V1_RESERVABLE_SELECTIONS GET "/api/WillCall/GetReservableSelections/{serialNumber}" repeatable];
                /// Replaces a reservation's access codes and sends the new ones (L4). Never
                /// sent twice: a repeat sends another message.
                call send_new_code(reserve_locker_id: String) -> ReservationResult
                    [WILL_CALL_V1_SEND_NEW_CODE POST "/api/WillCall/SendNewCode/{reserveLockerId}" once CHECK_CODE];
                /// One page of the legacy reserved-locker report (L5), a flat list.
                call reserved_locker_report(#[record] query: ReservedLockerReportQuery) -> LegacyReservedLockerReport
                    [WILL_CALL_V1_RESERVED_LOCKER_REPORT GET "/api/WillCall/GetReservedLockerReport" repeatable];
                /// The whole legacy reserved-locker report, page by page (the query's page is
                /// ignored).
                pages iter_reserved_locker_report_pages(#[record] query: ReservedLockerReportQuery, concurrency: Option<u32> = None) -> LegacyReservedLockerReport as LegacyReservedLockerReportStream;
                /// The whole legacy reserved-locker report, reservation by reservation.
                items iter_reserved_locker_report(#[record] query: ReservedLockerReportQuery, concurrency: Option<u32> = None) -> ReservationDetail as ReservationDetailStream;
                /// Recalls (cancels) a reservation (L6). Never sent twice: a repeat answers
                /// "Invalid Operation!".
                call recall_reservation(reserve_locker_id: String, #[record] assignee: Assignee) -> RecallResult
                    [WILL_CALL_V1_RECALL_RESERVATION POST "/api/WillCall/RecallReservation" once CHECK_RECALL];
            }
            /// Machines and their planograms (document section 4).
            group machines: Machines {
                /// One machine with its planogram, by WTN serial number (M1 with `serialNo`).
                /// None when the server has no such machine; never a machine of another serial.
                call planogram(serial_no: String) -> Option<MachinePlanogram>
                    [MACHINES_PLANOGRAM GET "/api/Machine/GetMachinePlanogramDetails" repeatable];
                /// One page of machines with their planograms (M1 with `page`, `pageSize`).
                call list(page: u32 = 1, page_size: u32 = 100) -> MachinePage
                    [MACHINES_LIST GET "/api/Machine/GetMachinePlanogramDetails" repeatable];
                /// Every machine, page by page (page size 100 unless given).
                pages iter_pages(page_size: Option<u32> = None, concurrency: Option<u32> = None) -> MachinePage as MachinePageStream;
                /// Every machine, item by item, lazily and in order; see `iter_pages`.
                items iter(page_size: Option<u32> = None, concurrency: Option<u32> = None) -> MachinePlanogram as MachinePlanogramStream;
                /// The low-stock report: every selection at or under its critical or low level,
                /// worst first, for one machine (`serial_no`) or for every machine. The same
                /// rows as the CLI's `machines low-stock` (rule in `iqtech::reports`).
                call low_stock(serial_no: Option<String> = None, concurrency: Option<u32> = None) -> Vec<LowStockRow>;
            }
            /// The transaction report (document section 5).
            group transactions: Transactions {
                /// One page of the report (T1). Dates are inclusive; `page` defaults to 1 and
                /// `page_size` to 100.
                call list(#[record] query: TransactionQuery) -> TransactionPage
                    [TRANSACTIONS_LIST GET "/api/Transaction" repeatable];
                /// The whole report for the query's filters, page by page (its page is ignored).
                pages iter_pages(#[record] query: TransactionQuery, concurrency: Option<u32> = None) -> TransactionPage as TransactionPageStream;
                /// The whole report, transaction by transaction; see `iter_pages`.
                items iter(#[record] query: TransactionQuery, concurrency: Option<u32> = None) -> Transaction as TransactionStream;
            }
        }
    };
}

/// Digests the raw table into the form every callback matches (module docs, "What a callback
/// receives"), so the grammar's optional parts are parsed here once, not in every binding.
/// Docs are matched as `tt` so they reach the callback as plain literals (a `literal` capture
/// passed on would reach napi's derive wrapped, and print as `r"…"` in its declarations).
#[doc(hidden)]
#[macro_export]
macro_rules! __digest_operations {
    ($callback:ident;
        $(
            $(#[doc = $gdoc:tt])*
            group $group:ident : $Group:ident {
                $(
                    $(#[doc = $doc:tt])*
                    $kind:ident $method:ident (
                        $( $(#[$am:ident])? $arg:ident : $aty:ty $(= $adef:tt)? ),* $(,)?
                    ) -> $ret:ty $(as $stream:ident)?
                    $([$($http:tt)*])?;
                )*
            }
        )*
    ) => {
        $callback! {
            $(group $group $Group [$(#[doc = $gdoc])*] {
                $($kind $method [$(#[doc = $doc])*] ($([$(#[$am])?] $arg: $aty $(= $adef)?),*) -> $ret [$($stream)?] [$($($http)*)?];)*
            })*
        }
    };
}

/// The core's own expansion: the [`Operation`] constants, [`ALL`], [`GROUPS`] and
/// [`OPERATIONS`].
macro_rules! core_tables {
    ($(group $group:ident $Group:ident [$(#[doc = $gdoc:literal])*] {
        $($kind:ident $method:ident [$(#[doc = $doc:literal])*] ($([$(#[$am:ident])?] $arg:ident : $aty:ty $(= $adef:expr)?),*) -> $ret:ty [$($stream:ident)?]
            [$($id:ident $verb:ident $path:literal $class:ident $($check:ident)?)?];)*
    })*
    ) => {
        $($($(
            #[doc = concat!("`", stringify!($verb), " ", $path, "` (", stringify!($group), ".", stringify!($method), ").")]
            pub const $id: Operation = Operation {
                name: concat!(stringify!($group), ".", stringify!($method)),
                method: stringify!($verb),
                path: $path,
                repeatable: core_tables!(@repeatable $class),
                how_to_check: core_tables!(@check $($check)?),
            };
        )?)*)*

        /// Every HTTP operation, in the document's order, plus the token request. The
        /// document's 20 operations are 21 entries here: M1 is split into `machines.planogram`
        /// (one machine) and `machines.list` (all machines), since they answer differently.
        pub const ALL: &[Operation] = &[TOKEN, $($($($id,)?)*)*];

        /// Every operation group, in the document's order.
        pub const GROUPS: &[GroupSpec] = &[
            $(GroupSpec {
                name: stringify!($group),
                type_name: stringify!($Group),
                doc: core_tables!(@doc $($gdoc)*),
            },)*
        ];

        /// Every public method of every group, as declared in the table.
        pub const OPERATIONS: &[OperationSpec] = &[
            $($(OperationSpec {
                group: stringify!($group),
                method: stringify!($method),
                kind: core_tables!(@kind $kind),
                args: &[$(ArgSpec {
                    name: stringify!($arg),
                    ty: stringify!($aty),
                    default: core_tables!(@default $($adef)?),
                    record: core_tables!(@record $($am)?),
                },)*],
                returns: stringify!($ret),
                stream: core_tables!(@stream $($stream)?),
                doc: core_tables!(@doc $($doc)*),
                http: core_tables!(@http $($id)?),
            },)*)*
        ];

        /// Proves at compile time that every table entry matches a core method: its arguments
        /// and its return type.
        #[allow(dead_code, unused_variables, clippy::all)]
        fn table_matches_core_methods(client: crate::Client) {
            use crate::*;
            $($(
                core_tables!(@check_method $kind, client.$group(), $method, ($($arg : $aty),*), $ret);
            )*)*
        }
    };
    (@repeatable repeatable) => { true };
    (@repeatable once) => { false };
    (@check) => { "" };
    (@check $check:ident) => { $check };
    (@kind call) => { Kind::Call };
    (@kind items) => { Kind::Items };
    (@kind pages) => { Kind::Pages };
    (@default) => { None };
    (@default $def:expr) => { Some(stringify!($def)) };
    (@record) => { false };
    (@record record) => { true };
    (@stream) => { None };
    (@stream $s:ident) => { Some(stringify!($s)) };
    (@http) => { None };
    (@http $id:ident) => { Some(&$id) };
    (@doc $($doc:literal)*) => { $crate::operations::trim_doc(concat!($($doc, "\n"),*)) };
    (@check_method call, $g:expr, $method:ident, ($($arg:ident : $aty:ty),*), $ret:ty) => {{
        $(let $arg: $aty = todo_value();)*
        let _: std::pin::Pin<Box<dyn std::future::Future<Output = Result<$ret>> + '_>> = Box::pin($g.$method($($arg),*));
    }};
    (@check_method items, $g:expr, $method:ident, ($($arg:ident : $aty:ty),*), $ret:ty) => {{
        $(let $arg: $aty = todo_value();)*
        let _: Result<ItemStream<$ret>> = $g.$method($($arg),*);
    }};
    (@check_method pages, $g:expr, $method:ident, ($($arg:ident : $aty:ty),*), $ret:ty) => {{
        $(let $arg: $aty = todo_value();)*
        let _: Result<PageStream<$ret>> = $g.$method($($arg),*);
    }};
}

/// A value of any type, for the compile-time signature check (never called).
#[allow(dead_code)]
fn todo_value<T>() -> T {
    unreachable!("only type-checked")
}

/// Strips the leading space that `///` leaves on every doc line, and the final newline.
#[doc(hidden)]
pub const fn trim_doc(doc: &'static str) -> &'static str {
    // Doc lines are joined with '\n' and each starts with one space; the bindings re-flow them,
    // so only the ends are trimmed here (const fns cannot build strings).
    let bytes = doc.as_bytes();
    let mut start = 0;
    let mut end = bytes.len();
    while start < end && (bytes[start] == b' ' || bytes[start] == b'\n') {
        start += 1;
    }
    while end > start && (bytes[end - 1] == b' ' || bytes[end - 1] == b'\n') {
        end -= 1;
    }
    let (_, rest) = bytes.split_at(start);
    let (mid, _) = rest.split_at(end - start);
    match std::str::from_utf8(mid) {
        Ok(s) => s,
        Err(_) => doc,
    }
}

crate::for_each_operation!(core_tables);

/// The doc of an operation as one paragraph: the table's lines joined by single spaces.
pub fn doc_paragraph(doc: &str) -> String {
    doc.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The table entry for `group.method`, if any.
pub fn find(group: &str, method: &str) -> Option<&'static OperationSpec> {
    OPERATIONS
        .iter()
        .find(|o| o.group == group && o.method == method)
}

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

    #[test]
    fn every_method_is_documented_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for spec in OPERATIONS {
            assert!(!spec.doc.is_empty(), "{}", spec.qualified_name());
            assert!(
                seen.insert(spec.qualified_name()),
                "{}",
                spec.qualified_name()
            );
            assert_eq!(spec.stream.is_some(), spec.kind != Kind::Call);
            if let Some(op) = spec.http {
                assert_eq!(op.name, spec.qualified_name());
            }
        }
        assert!(GROUPS
            .iter()
            .all(|g| OPERATIONS.iter().any(|o| o.group == g.name)));
    }

    #[test]
    fn docs_keep_their_line_breaks_without_the_leading_space() {
        let spec = find("employees", "list").unwrap();
        assert!(
            spec.doc.starts_with("One page of employees (E1)."),
            "{:?}",
            spec.doc
        );
        assert_eq!(
            find("employees", "lookup").unwrap().args[0].ty,
            "EmployeeQuery"
        );
        assert!(find("employees", "lookup").unwrap().args[0].record);
    }
}
