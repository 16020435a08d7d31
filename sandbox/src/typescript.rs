//! TypeScript declarations of the sandbox's types (feature `typescript`), for the Node binding.
//!
//! Why this exists: the Node binding hands the sandbox's types to JavaScript as plain objects
//! (converted through serde, struct fields in camelCase, map keys kept: see `iqtech::case`), and
//! its `.d.ts` must describe them exactly. Writing the interfaces by hand would drift from the
//! structs, so the types derive `ts_rs::TS` behind this feature, with the same conventions as the
//! core's models (`iqtech::ffi::node`), and [`visit_types`] walks the ones the binding's API takes
//! or returns; the binding collects them with the core's `iqtech::ffi::node::Declarations` and
//! appends them to its generated `.d.ts`.

use ts_rs::TypeVisitor;

use crate::{ActiveFault, FaultSpec, JournalSnapshot, ReservationInfo, SandboxSettings};

/// Visits every sandbox type a binding hands out or takes ([`SandboxSettings`], [`FaultSpec`],
/// [`ActiveFault`], [`JournalSnapshot`], [`ReservationInfo`]); their dependencies ([`BodyFault`](crate::BodyFault),
/// [`CannedResponse`](crate::CannedResponse), [`RequestRecord`](crate::RequestRecord)) are
/// reached through them.
pub fn visit_types(v: &mut impl TypeVisitor) {
    v.visit::<SandboxSettings>();
    v.visit::<FaultSpec>();
    v.visit::<ActiveFault>();
    v.visit::<JournalSnapshot>();
    v.visit::<ReservationInfo>();
}

#[cfg(test)]
mod tests {
    use std::any::TypeId;
    use std::collections::HashSet;

    use ts_rs::{Config, TS};

    use super::*;

    /// The declarations as the binding produces them (same configuration as the core's).
    struct Text(Config, HashSet<TypeId>, String);

    impl TypeVisitor for Text {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            if T::output_path().is_none() || !self.1.insert(TypeId::of::<T>()) {
                return;
            }
            T::visit_dependencies(self);
            let decl = T::decl(&self.0);
            self.2.push_str(&format!("export {decl}\n"));
        }
    }

    #[test]
    fn declarations_match_the_objects_the_node_binding_hands_out() {
        let mut t = Text(
            Config::new().with_large_int("number"),
            HashSet::new(),
            String::new(),
        );
        visit_types(&mut t);
        let text = t.2;
        for name in [
            "SandboxSettings",
            "FaultSpec",
            "BodyFault",
            "CannedResponse",
            "ActiveFault",
            "JournalSnapshot",
            "RequestRecord",
            "ReservationInfo",
        ] {
            let decl = format!("export type {name} = ");
            assert_eq!(text.matches(&decl).count(), 1, "{name}:\n{text}");
        }
        for expected in [
            "route?: string,",
            "latencyMs?: number,",
            "retryAfterSecs?: number | null,",
            "dropConnection?: boolean,",
            "body?: BodyFault | null,",
            r#""truncated" | "malformed" | "failed_envelope""#,
            "remaining: number | null",
            "transactionsStart?: string | null,",
            "tokenLifetime?: number | null,",
            "clientSecret?: string | null,",
            "journalCapacity?: number | null,",
            "port?: number | null,",
            "faults?: Array<FaultSpec>,",
            "skipsLeft: number",
            "respond?: CannedResponse | null,",
            "after?: number | null,",
            "status: number,",
            "headers?: Record<string, string>,",
            "body?: string,",
            "perRoute: Record<string, number>",
            "tokenRequests: number",
            "requests: Array<RequestRecord>",
            "body: unknown",
            "reserveLockerId: string",
            "accessCodes: Array<string>",
        ] {
            assert!(text.contains(expected), "{expected}:\n{text}");
        }
        assert!(!text.contains("bigint"), "{text}");
        let snake_key = text.lines().find(|l| {
            let key = l.split(':').next().unwrap_or_default();
            l.contains(':') && !l.trim_start().starts_with('*') && key.contains('_')
        });
        assert_eq!(snake_key, None);
    }
}
