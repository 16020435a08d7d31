//! Node.js support (feature `node`): the TypeScript declarations of the models.
//!
//! Why this exists: the Node binding hands out plain JavaScript objects (converted through serde
//! with camelCase keys, see [`crate::case`]), and its `.d.ts` must describe them exactly. Copying
//! the interfaces by hand would drift from the structs, so they are generated from the structs
//! themselves: the models derive `ts_rs::TS` behind the `typescript` feature, and
//! [`typescript_declarations`] writes every declaration the binding's API reaches, in one module
//! text. The binding's build appends it to its generated `.d.ts`.
//!
//! Conventions, matching what the binding produces: keys are camelCase; a response field the
//! server may omit is `T | null`; an input field that may be left out is `t?: T | null`; money and
//! other exact quantities are `string` (the decimal text, never a float); timestamps are the
//! server's text (`string`); request dates are `Date | string` (`YYYY-MM-DD`); enums that keep
//! unknown values are unions of the known spellings and `(string & {})`; integers are `number`.

use std::any::TypeId;
use std::collections::HashSet;

use ts_rs::{Config, TypeVisitor, TS};

use crate::error::FieldError;
use crate::models::*;

/// Collects declarations of a type and everything it depends on, each once, dependencies first.
struct Collector<'a> {
    cfg: &'a Config,
    seen: HashSet<TypeId>,
    decls: Vec<String>,
}

impl TypeVisitor for Collector<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        T::visit_dependencies(self);
        let docs = T::docs().unwrap_or_default();
        self.decls
            .push(format!("{docs}export {}", T::decl(self.cfg)));
    }
}

/// The TypeScript declarations (`export type …`) of every model the Node API takes or returns,
/// with their doc comments, as one module text.
pub fn typescript_declarations() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut c = Collector {
        cfg: &cfg,
        seen: HashSet::new(),
        decls: Vec::new(),
    };
    // The roots: every type an operation takes or returns (their dependencies follow).
    c.visit::<EmployeePage>();
    c.visit::<Employee>();
    c.visit::<EmployeeInput>();
    c.visit::<SetPinInput>();
    c.visit::<EmployeeQuery>();
    c.visit::<Reservation>();
    c.visit::<Assignee>();
    c.visit::<ReservationResult>();
    c.visit::<ReservationStatus>();
    c.visit::<RecallResult>();
    c.visit::<ReservedLockerReportQuery>();
    c.visit::<ReservedLockerReport>();
    c.visit::<LegacyReservedLockerReport>();
    c.visit::<ReservationDetail>();
    c.visit::<MachinePage>();
    c.visit::<MachinePlanogram>();
    c.visit::<TransactionPage>();
    c.visit::<TransactionQuery>();
    c.visit::<Transaction>();
    c.visit::<FieldError>();
    let mut out = String::from(
        "// Models of the iQ Tech API, generated from the Rust core (iqtech::ffi_node). Do not edit.\n",
    );
    for d in c.decls {
        out.push('\n');
        out.push_str(&d);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_referenced_model_is_declared_once_in_camel_case() {
        let text = typescript_declarations();
        for name in [
            "Employee",
            "PageMeta",
            "ReservationType",
            "SendCode",
            "AssigneeType",
            "Language",
            "PlanogramEntry",
            "TransactionDetail",
            "BatchDetail",
            "UserLimit",
            "ReportMachine",
            "AccessCode",
        ] {
            let decl = format!("export type {name} = ");
            assert_eq!(text.matches(&decl).count(), 1, "{name}:\n{text}");
        }
        assert!(text.contains("employeeNumber: string | null"), "{text}");
        assert!(text.contains("price: string | null"), "{text}");
        assert!(text.contains("'Release' | 'Exchange' | 'Pickup' | 'DropOff' | (string & {})"));
        assert!(text.contains("email?: string | null"), "{text}");
        assert!(!text.contains("bigint"), "{text}");
        let snake_key = text.lines().find(|l| {
            let key = l
                .split(':')
                .next()
                .unwrap_or_default()
                .trim_end_matches('?');
            l.contains(':') && !l.trim_start().starts_with('*') && key.contains('_')
        });
        assert_eq!(snake_key, None);
    }
}
