//! The TypeScript declarations of the Node binding's whole public surface (feature `codegen`).
//!
//! Why this exists: the binding hands out plain JavaScript objects (converted through serde with
//! camelCase keys, see [`crate::case`]) and its methods are expanded from the core's table, so
//! its `.d.ts` must describe both exactly. Writing them by hand would drift, so everything is
//! generated here, and the bin `iqtech-node-codegen` writes it at build time:
//!
//! - the models and the sandbox's types, from their ts-rs derives ([`Declarations`]); the roots
//!   are every type a table entry takes or returns, so a new operation's models come along;
//! - every group's methods (signature, options type, doc), from `iqtech::for_each_operation!`
//!   and [`iqtech::operations::OPERATIONS`], under the binding's calling convention (required
//!   arguments positional, defaulted ones in one trailing options object);
//! - `ClientOptions` and `RequestOptions`, from [`iqtech::SETTINGS`] and
//!   [`iqtech::REQUEST_OPTIONS`] (durations in milliseconds), with `Client.withOptions`;
//! - the error classes and `ErrorCode`, from [`iqtech::ERROR_CLASSES`], with field types taken
//!   from [`iqtech::ErrorDetails`];
//! - the ESM entry point's named exports ([`esm_entry`]).
//!
//! Conventions of the models, matching what the binding produces: keys are camelCase; a
//! response field the server may omit is `T | null`; an input field that may be left out is
//! `t?: T | null`; money and other exact quantities are `string` (the decimal text, never a
//! float); timestamps are the server's text (`string`); request dates are `Date | string`
//! (`YYYY-MM-DD`); enums that keep unknown values are unions of the known spellings and
//! `(string & {})`; integers are `number`.

use std::any::TypeId;
use std::collections::HashSet;
use std::fmt::Write;

use iqtech::operations::{Kind, OperationSpec, GROUPS, OPERATIONS};
use iqtech::{SettingKind, SettingSpec, ERROR_CLASSES, REQUEST_OPTIONS, SETTINGS};
use ts_rs::{Config, TypeVisitor, TS};

use crate::case::snake_to_camel;

/// How many JavaScript arguments a method may take (the addon's `ARGUMENT_SLOTS`).
pub const ARGUMENT_SLOTS: usize = 3;

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
        if T::output_path().is_none() {
            // A wrapper (`Vec<T>`, `Option<T>`) or a primitive: declare what it holds.
            T::visit_generics(self);
            T::visit_dependencies(self);
            return;
        }
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        T::visit_dependencies(self);
        let docs = T::docs().unwrap_or_default();
        self.decls
            .push(format!("{docs}export {}", T::decl(&self.cfg)));
    }
}

/// The TypeScript types of one table entry's arguments (in order) and result.
struct Signature {
    group: &'static str,
    method: &'static str,
    args: Vec<String>,
    ret: String,
}

/// Expands the core's table into [`signatures`]: the arguments' and results' TypeScript names,
/// straight from their ts-rs derives (so `Option<u32>` is `number | null`, a record its model).
macro_rules! ts_signatures {
    ($(group $group:ident $Group:ident [$(#[doc = $gdoc:literal])*] {
        $($kind:ident $method:ident [$(#[doc = $doc:literal])*] ($([$(#[$am:ident])?] $arg:ident : $aty:ty $(= $adef:expr)?),*) -> $ret:ty [$($stream:ident)?] [$($http:tt)*];)*
    })*
    ) => {
        /// Every table entry's signature, in table order; every type it reaches is added to
        /// `decls`.
        fn signatures(decls: &mut Declarations) -> Vec<Signature> {
            #[allow(unused_imports)]
            use iqtech::*;
            vec![$($(
                {
                    $(decls.add::<$aty>();)*
                    decls.add::<$ret>();
                    Signature {
                        group: stringify!($group),
                        method: stringify!($method),
                        args: vec![$(<$aty as TS>::name(&decls.cfg)),*],
                        ret: <$ret as TS>::name(&decls.cfg),
                    }
                },
            )*)*]
        }
    };
}

iqtech::for_each_operation!(ts_signatures);

/// A JSDoc block of `text` (its lines kept), indented by `indent`; empty for empty text.
fn jsdoc(text: &str, indent: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    if lines.iter().all(|l| l.is_empty()) {
        return String::new();
    }
    let mut out = format!("{indent}/**\n");
    for l in lines {
        // The table's docs name arguments in snake_case; JavaScript users know them camelCase.
        let l = crate::case::identifiers_to_camel(l).replace("*/", "*\\/");
        if l.is_empty() {
            let _ = writeln!(out, "{indent} *");
        } else {
            let _ = writeln!(out, "{indent} * {l}");
        }
    }
    let _ = writeln!(out, "{indent} */");
    out
}

/// `iter_pages` → `IterPages`.
fn pascal(snake: &str) -> String {
    let camel = snake_to_camel(snake);
    let mut chars = camel.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// `T | null`, once.
fn nullable(ts: &str) -> String {
    if ts.ends_with("| null") {
        ts.to_owned()
    } else {
        format!("{ts} | null")
    }
}

/// One method's declaration; its options interface (if any) is appended to `types`.
///
/// Panics when the entry needs more JavaScript arguments than the addon accepts.
fn method(group_type: &str, spec: &OperationSpec, sig: &Signature, types: &mut String) -> String {
    let args: Vec<_> = spec.args.iter().zip(&sig.args).collect();
    let required: Vec<_> = args.iter().filter(|(a, _)| a.default.is_none()).collect();
    let optional: Vec<_> = args.iter().filter(|(a, _)| a.default.is_some()).collect();
    assert!(
        required.len() + usize::from(!optional.is_empty()) <= ARGUMENT_SLOTS,
        "{} needs more than {ARGUMENT_SLOTS} JavaScript arguments: raise ARGUMENT_SLOTS in the addon",
        spec.qualified_name()
    );
    let js_method = snake_to_camel(spec.method);
    let mut params: Vec<String> = required
        .iter()
        .map(|(a, ts)| format!("{}: {ts}", snake_to_camel(a.name)))
        .collect();
    if !optional.is_empty() {
        let name = format!("{group_type}{}Options", pascal(spec.method));
        let mut members = String::new();
        for (a, ts) in &optional {
            let default = a.default.unwrap_or("None");
            if default != "None" {
                let _ = writeln!(members, "  /** Default: `{default}`. */");
            }
            let _ = writeln!(members, "  {}?: {}", snake_to_camel(a.name), nullable(ts));
        }
        let _ = write!(
            types,
            "\n/** Options of `{}.{js_method}`; every member may be left out (`null` and `undefined` mean the default). */\nexport interface {name} {{\n{members}}}\n",
            snake_to_camel(spec.group)
        );
        params.push(format!("options?: {name}"));
    }
    let ret = match spec.kind {
        Kind::Call if spec.returns == "()" => "Promise<void>".to_owned(),
        Kind::Call => format!("Promise<{}>", sig.ret),
        Kind::Items | Kind::Pages => format!("Pager<{}>", sig.ret),
    };
    format!(
        "{}  {js_method}({}): {ret}\n",
        jsdoc(spec.doc, "  "),
        params.join(", ")
    )
}

/// The members of an options interface: every entry of a core table (`SETTINGS`,
/// `REQUEST_OPTIONS`), camelCase, durations in milliseconds, all optional.
fn option_members(table: &[SettingSpec]) -> String {
    let mut members = String::new();
    for s in table {
        let (ty, unit) = match s.kind {
            SettingKind::Text | SettingKind::Secret => ("string", ""),
            SettingKind::Integer => ("number", ""),
            SettingKind::Boolean => ("boolean", ""),
            SettingKind::Duration => ("number", " In milliseconds."),
            SettingKind::Headers => ("Record<string, string>", ""),
        };
        let _ = writeln!(
            members,
            "  /** {}{unit} Default: {}. */\n  {}?: {ty} | null",
            s.doc,
            s.default,
            snake_to_camel(s.name)
        );
    }
    members
}

/// `ClientOptions` (every setting of [`SETTINGS`] and the binding's `logger`), `Logger`,
/// `RequestOptions` (every entry of [`REQUEST_OPTIONS`] and the binding's `signal`) and
/// `Client.withOptions`.
fn client_options() -> String {
    format!(
        "\n/** Settings of a `Client` (`iqtech::ClientSettings`); an unknown name is a `ValidationError`. */\n\
         export interface ClientOptions {{\n{}  /** Receives the SDK's log lines (one per call at info, one per attempt at debug; never a secret). Default: none, or stderr when IQTECH_LOG is set. */\n  logger?: Logger | null\n}}\n\
         \n/** A logger for `ClientOptions.logger`: any of these methods, each given one line (`console` fits). */\n\
         export interface Logger {{\n  debug?(line: string): void\n  info?(line: string): void\n  warn?(line: string): void\n  error?(line: string): void\n}}\n\
         \n/** Options of the calls made through `client.withOptions(...)` (`iqtech::RequestOptions`); an unknown name is a `ValidationError`. */\n\
         export interface RequestOptions {{\n{}  /** Cancels the calls made through this view: they reject with `signal.reason` (an `AbortError`). A request already sent may still take effect. */\n  signal?: AbortSignal | null\n}}\n",
        option_members(SETTINGS),
        option_members(REQUEST_OPTIONS)
    )
}

/// `ErrorCode` and every class of [`ERROR_CLASSES`], fields typed from `ErrorDetails`.
fn errors() -> String {
    let codes: Vec<String> = ERROR_CLASSES
        .iter()
        .filter(|c| !c.code.is_empty())
        .map(|c| format!("'{}'", c.code))
        .collect();
    let mut out = format!(
        "\n/** Stable error codes (`error.code`), the same in every language of the SDK. */\nexport type ErrorCode = {}\n",
        codes.join(" | ")
    );
    for class in ERROR_CLASSES {
        let inherited: &[&str] = class
            .parent
            .and_then(|p| ERROR_CLASSES.iter().find(|c| c.name == p))
            .map_or(&[], |p| p.fields);
        let mut fields = String::new();
        if class.parent.is_none() {
            fields.push_str("  /** Stable machine-readable kind. */\n  readonly code: ErrorCode\n");
            for f in ["operation", "page", "requestId", "serverRequestId"] {
                let _ = writeln!(fields, "  readonly {f}: ErrorDetails['{f}']");
            }
        }
        for f in class.fields.iter().filter(|f| !inherited.contains(f)) {
            let f = snake_to_camel(f);
            let _ = writeln!(fields, "  readonly {f}: ErrorDetails['{f}']");
        }
        let doc = format!(
            "{}\nFields: see `ErrorDetails` (durations in milliseconds).",
            class.doc
        );
        let _ = write!(
            out,
            "{}export declare class {} extends {} {{\n{fields}}}\n",
            jsdoc(&doc, ""),
            class.name,
            class.parent.unwrap_or("Error")
        );
    }
    out
}

/// The declarations of the whole public surface, to append to napi's `native.d.ts` (which
/// declares the hand-written classes `Client` and `Sandbox`; the interfaces here merge into
/// them and into the group classes).
pub fn declarations() -> String {
    let mut types = Declarations::new();
    let sigs = signatures(&mut types);
    types
        .add::<iqtech::FieldError>()
        .add::<iqtech::ErrorDetails>()
        .add::<iqtech::ResponseMeta>();
    iqtech_sandbox::typescript::visit_types(&mut types);
    let mut out = types.module(
        "Models of the iQ Tech API and types of the sandbox, generated from their Rust definitions (ts-rs) by iqtech-node-codegen. Do not edit.",
    );
    out.push_str("\n// ---- the API, generated from the core's tables by iqtech-node-codegen. Do not edit. ----\n");
    out.push_str(&client_options());
    for group in GROUPS {
        let mut methods = String::new();
        for spec in OPERATIONS.iter().filter(|o| o.group == group.name) {
            let sig = sigs
                .iter()
                .find(|s| s.group == spec.group && s.method == spec.method)
                .expect("the table and OPERATIONS are one expansion");
            methods.push_str(&method(group.type_name, spec, sig, &mut out));
        }
        let _ = write!(
            out,
            "\n{}export interface {} {{\n{methods}}}\n",
            jsdoc(group.doc, ""),
            group.type_name
        );
    }
    let mut props = String::new();
    for g in GROUPS {
        let _ = writeln!(
            props,
            "{}  readonly {}: {}",
            jsdoc(g.doc, "  "),
            snake_to_camel(g.name),
            g.type_name
        );
    }
    let _ = write!(
        out,
        "\nexport interface Client {{\n{props}  /** A view of this client whose calls use `options` (same connections and token); throws a `ValidationError` naming a bad option. */\n  withOptions(options?: RequestOptions): Client\n}}\n"
    );
    out.push_str(&errors());
    out
}

/// The names the package exports: the classes of the addon and the error classes.
pub fn exported_names() -> Vec<&'static str> {
    let mut names = vec!["Client", "Sandbox"];
    names.extend(GROUPS.iter().map(|g| g.type_name));
    names.extend(ERROR_CLASSES.iter().map(|c| c.name));
    names
}

/// The ESM entry point (`index.mjs`): the CommonJS module's exports as static named exports
/// (ESM needs the list at parse time).
pub fn esm_entry() -> String {
    let names: String = exported_names()
        .iter()
        .map(|n| format!("  {n},\n"))
        .collect();
    format!(
        "// ESM entry point of the `iqtech` package: the same module as the CommonJS one (one addon\n\
         // instance, one set of error classes, so `instanceof` works across both styles).\n\
         // Generated from the core's tables by iqtech-node-codegen (scripts/build.mjs). Do not edit.\n\
         import {{ createRequire }} from 'node:module'\n\n\
         const require = createRequire(import.meta.url)\n\
         const iqtech = require('./index.js')\n\n\
         export const {{\n{names}}} = iqtech\n\
         export default iqtech\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_referenced_model_is_declared_once_in_camel_case() {
        let text = declarations();
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
            "LowStockRow",
            "ErrorDetails",
            "FaultSpec",
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
                .trim_end_matches('?')
                .trim();
            l.contains(':')
                && !l.trim_start().starts_with('*')
                && !l.contains("/**")
                && !key.contains(' ')
                && key.contains('_')
        });
        assert_eq!(snake_key, None);
    }

    #[test]
    fn every_table_entry_is_declared_with_the_calling_convention() {
        let text = declarations();
        for spec in OPERATIONS {
            let group = GROUPS.iter().find(|g| g.name == spec.group).unwrap();
            let iface = text
                .split(&format!("export interface {} {{\n", group.type_name))
                .nth(1)
                .unwrap()
                .split("\n}")
                .next()
                .unwrap();
            assert!(
                iface.contains(&format!("  {}(", snake_to_camel(spec.method))),
                "{}",
                spec.qualified_name()
            );
        }
        assert!(text.contains("  list(options?: EmployeesListOptions): Promise<EmployeePage>"));
        assert!(text.contains(
            "  iter(query: TransactionQuery, options?: TransactionsIterOptions): Pager<Transaction>"
        ));
        assert!(
            text.contains("  update(employeeNumber: string, input: EmployeeInput): Promise<void>")
        );
        assert!(text.contains(
            "  lowStock(options?: MachinesLowStockOptions): Promise<Array<LowStockRow>>"
        ));
        assert!(
            text.contains("  iterPages(options?: EmployeesIterPagesOptions): Pager<EmployeePage>")
        );
        assert!(text.contains("  readonly willCallV1: WillCallV1"));
        assert!(text.contains("  requestTimeout?: number | null"));
        assert!(text.contains("export declare class InternalError extends IqtechError {"));
        assert!(text.contains("  readonly retryAfter: ErrorDetails['retryAfter']"));
    }

    #[test]
    fn the_esm_entry_exports_every_class() {
        let esm = esm_entry();
        for name in exported_names() {
            assert!(esm.contains(&format!("  {name},\n")), "{name}");
        }
        assert!(esm.contains("  InternalError,\n"));
    }
}
