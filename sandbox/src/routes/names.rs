//! Route names and path normalisation.
//!
//! Every API operation has a stable name used by fault rules and the journal. Paths are
//! matched like ASP.NET does: literal segments ignore case, repeated and trailing slashes are
//! ignored.

use axum::http::Method;

/// Every route name, as fault rules and the journal spell them.
pub const ROUTE_NAMES: &[&str] = &[
    "token",
    "employees.list",
    "employees.create",
    "employees.set_status",
    "employees.update",
    "employees.set_pin",
    "employees.lookup",
    "will_call.add_reservation",
    "will_call.reservation_status",
    "will_call.reservable_selections",
    "will_call.send_new_code",
    "will_call.reserved_locker_report",
    "will_call.recall_reservation",
    "will_call_v1.add_reservation",
    "will_call_v1.reservation_status",
    "will_call_v1.reservable_selections",
    "will_call_v1.send_new_code",
    "will_call_v1.reserved_locker_report",
    "will_call_v1.recall_reservation",
    "machines.planogram",
    "machines.list",
    "transactions.list",
];

/// Literal path segments, in the spelling the router uses.
const LITERALS: &[&str] = &[
    "connect",
    "token",
    "api",
    "Employee",
    "UpdateEmployeeStatus",
    "UpdateEmployeeSetPin",
    "lookup",
    "WillCall",
    "AddReservation",
    "GetReservationStatus",
    "GetReservableSelections",
    "SendNewCode",
    "GetReservedLockerReport",
    "RecallReservation",
    "Machine",
    "GetMachinePlanogramDetails",
    "Transaction",
];

fn canonical(segment: &str) -> &str {
    if segment.eq_ignore_ascii_case("GetReservableSelesctions") {
        return "GetReservableSelections";
    }
    LITERALS
        .iter()
        .find(|l| l.eq_ignore_ascii_case(segment))
        .copied()
        .unwrap_or(segment)
}

/// `//api/employee/` → `/api/Employee`: single slashes, no trailing slash, literal segments
/// in canonical case.
pub(crate) fn normalize_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1);
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        out.push('/');
        out.push_str(canonical(seg));
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

fn will_call_op(method: &Method, op: &str, rest: usize) -> Option<&'static str> {
    match (method.as_str(), op, rest) {
        ("POST", "AddReservation", 0) => Some("add_reservation"),
        ("GET", "GetReservationStatus", 1) => Some("reservation_status"),
        ("GET", "GetReservableSelections", 1) => Some("reservable_selections"),
        ("POST", "SendNewCode", 1) => Some("send_new_code"),
        ("GET", "GetReservedLockerReport", 0) => Some("reserved_locker_report"),
        ("POST", "RecallReservation", 0) => Some("recall_reservation"),
        _ => None,
    }
}

fn has_param(query: Option<&str>, name: &str) -> bool {
    query.is_some_and(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .unwrap_or_default()
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case(name) && !v.trim().is_empty())
    })
}

/// The route name of a request with a normalised `path`; `None` when no operation matches.
pub(crate) fn classify(method: &Method, path: &str, query: Option<&str>) -> Option<&'static str> {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let m = method.as_str();
    let name = match segs.as_slice() {
        ["connect", "token"] if m == "POST" => "token",
        ["api", "Employee"] if m == "GET" => "employees.list",
        ["api", "Employee"] if m == "POST" => "employees.create",
        ["api", "Employee", "UpdateEmployeeStatus"] if m == "PUT" => "employees.set_status",
        ["api", "Employee", "UpdateEmployeeSetPin"] if m == "POST" => "employees.set_pin",
        ["api", "Employee", "lookup"] if m == "GET" || m == "POST" => "employees.lookup",
        ["api", "Employee", _] if m == "PUT" => "employees.update",
        ["api", "2.0", "WillCall", op, rest @ ..] => {
            let op = will_call_op(method, op, rest.len())?;
            return ROUTE_NAMES
                .iter()
                .copied()
                .find(|n| n.strip_prefix("will_call.") == Some(op));
        }
        ["api", "WillCall", op, rest @ ..] => {
            let op = will_call_op(method, op, rest.len())?;
            return ROUTE_NAMES
                .iter()
                .copied()
                .find(|n| n.strip_prefix("will_call_v1.") == Some(op));
        }
        ["api", "Machine", "GetMachinePlanogramDetails"] if m == "GET" => {
            if has_param(query, "serialNo") {
                "machines.planogram"
            } else {
                "machines.list"
            }
        }
        ["api", "Transaction"] if m == "GET" => "transactions.list",
        _ => return None,
    };
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_classifies() {
        assert_eq!(normalize_path("//api//employee/"), "/api/Employee");
        assert_eq!(
            normalize_path("/api/2.0/willcall/GetReservableSelesctions/WTN1"),
            "/api/2.0/WillCall/GetReservableSelections/WTN1"
        );
        let c = |m: Method, p: &str, q: Option<&str>| classify(&m, &normalize_path(p), q);
        assert_eq!(
            c(Method::PUT, "/api/Employee/1000", None),
            Some("employees.update")
        );
        assert_eq!(
            c(Method::GET, "/api/Employee/lookup", None),
            Some("employees.lookup")
        );
        assert_eq!(
            c(Method::POST, "/api/WillCall/SendNewCode/x", None),
            Some("will_call_v1.send_new_code")
        );
        assert_eq!(
            c(
                Method::GET,
                "/api/2.0/WillCall/GetReservationStatus/x",
                None
            ),
            Some("will_call.reservation_status")
        );
        assert_eq!(
            c(
                Method::GET,
                "/api/Machine/GetMachinePlanogramDetails",
                Some("serialNo=WTN1")
            ),
            Some("machines.planogram")
        );
        assert_eq!(
            c(
                Method::GET,
                "/api/Machine/GetMachinePlanogramDetails",
                Some("page=1")
            ),
            Some("machines.list")
        );
        assert_eq!(c(Method::GET, "/api/Nope", None), None);
    }
}
