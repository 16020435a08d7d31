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

/// Collects TypeScript declarations: each type added and everything it depends on, each once,
/// dependencies first, with the conventions above (integers, 64-bit ones included, are
/// `number`).
///
/// Public so that other crates' types the Node binding hands out (the sandbox's, see
/// `iqtech_sandbox::typescript`) are declared the same way: any [`TypeVisitor`] walk can fill
/// it.
pub struct Declarations {
    cfg: Config,
    seen: HashSet<TypeId>,
    decls: Vec<String>,
}

impl Default for Declarations {
    fn default() -> Self {
        Declarations {
            cfg: Config::new().with_large_int("number"),
            seen: HashSet::new(),
            decls: Vec::new(),
        }
    }
}

impl Declarations {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `T` and its dependencies (those not added yet).
    pub fn add<T: TS + 'static + ?Sized>(&mut self) -> &mut Self {
        self.visit::<T>();
        self
    }

    /// The declarations (`export type …`, with their doc comments) as one module text, after a
    /// `// {header}` line.
    pub fn module(&self, header: &str) -> String {
        let mut out = format!("// {header}\n");
        for d in &self.decls {
            out.push('\n');
            out.push_str(d);
            out.push('\n');
        }
        out
    }
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        T::visit_dependencies(self);
        let docs = T::docs().unwrap_or_default();
        self.decls
            .push(format!("{docs}export {}", T::decl(&self.cfg)));
    }
}

/// The TypeScript declarations (`export type …`) of every model the Node API takes or returns,
/// with their doc comments, as one module text.
pub fn typescript_declarations() -> String {
    let mut c = Declarations::new();
    // The roots: every type an operation takes or returns (their dependencies follow).
    c.add::<EmployeePage>()
        .add::<Employee>()
        .add::<EmployeeInput>()
        .add::<SetPinInput>()
        .add::<EmployeeQuery>()
        .add::<Reservation>()
        .add::<Assignee>()
        .add::<ReservationResult>()
        .add::<ReservationStatus>()
        .add::<RecallResult>()
        .add::<ReservedLockerReportQuery>()
        .add::<ReservedLockerReport>()
        .add::<LegacyReservedLockerReport>()
        .add::<ReservationDetail>()
        .add::<MachinePage>()
        .add::<MachinePlanogram>()
        .add::<TransactionPage>()
        .add::<TransactionQuery>()
        .add::<Transaction>()
        .add::<FieldError>();
    c.module(
        "Models of the iQ Tech API, generated from the Rust core (iqtech::ffi::node). Do not edit.",
    )
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
