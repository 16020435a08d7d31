//! Runs every case of the shared behaviour vectors (`tests/vectors/*.json` at the repository
//! root; their README gives the case shape) against the real sandbox, through the real client.
//! The Python, Node and Kotlin suites run the same files, so one source proves that every
//! language gives the same class, code and fields.
//!
//! Nothing here names an operation: the dispatcher is expanded from the core's own table
//! (`iqtech::for_each_operation!`), and each argument is read from the case's JSON through serde
//! into the table's type, so a new operation is runnable by a vector with no change here. A case
//! this runner cannot run fails; it is never skipped.

use std::path::PathBuf;

use futures::StreamExt;
use iqtech::{ClientSettings, Error, ErrorDetails, ERROR_CLASSES};
use iqtech_sandbox::{FaultSpec, Sandbox, SandboxSettings};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// The argument `name` of the case, as the table's type; its default when the case leaves it
/// out.
fn arg<T: DeserializeOwned>(args: &Value, name: &str, default: Option<T>) -> T {
    match args.get(name) {
        Some(v) => serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("argument {name} = {v} does not fit its type: {e}")),
        None => default.unwrap_or_else(|| panic!("argument {name} is required")),
    }
}

/// What a call gave: the items or pages' items delivered before it ended, and its error.
type Outcome = (usize, Option<Error>);

async fn drain<T, S>(stream: iqtech::Result<S>, size: impl Fn(T) -> usize) -> Outcome
where
    S: futures::Stream<Item = iqtech::Result<T>> + Unpin,
{
    let mut stream = match stream {
        Ok(s) => s,
        Err(e) => return (0, Some(e)),
    };
    let mut items = 0;
    while let Some(next) = stream.next().await {
        match next {
            Ok(v) => items += size(v),
            Err(e) => return (items, Some(e)),
        }
    }
    (items, None)
}

macro_rules! dispatcher {
    ($(group $group:ident $Group:ident [$(#[doc = $gdoc:literal])*] {
        $($kind:ident $method:ident [$(#[doc = $doc:literal])*] ($([$(#[$am:ident])?] $arg:ident : $aty:ty $(= $adef:expr)?),*) -> $ret:ty [$($stream:ident)?] [$($http:tt)*];)*
    })*) => {
        /// Calls `operation` (`group.method`) with the case's snake_case JSON arguments.
        async fn call(client: &iqtech::Client, operation: &str, args: &Value) -> Outcome {
            use iqtech::*;
            $($(
                if operation == concat!(stringify!($group), ".", stringify!($method)) {
                    $(let $arg: $aty = arg(args, stringify!($arg), dispatcher!(@default $($adef)?));)*
                    return dispatcher!(@run $kind, client.$group().$method($($arg),*));
                }
            )*)*
            panic!("no operation {operation} in the core's table")
        }

        /// Takes `n` items of the item pager `operation` and hands it back, still open.
        async fn take(
            client: &iqtech::Client,
            operation: &str,
            args: &Value,
            n: usize,
        ) -> Box<dyn std::any::Any + Send> {
            use iqtech::*;
            $($(
                if operation == concat!(stringify!($group), ".", stringify!($method)) {
                    $(let $arg: $aty = arg(args, stringify!($arg), dispatcher!(@default $($adef)?));)*
                    let pager = dispatcher!(@take $kind, client.$group().$method($($arg),*), n);
                    return pager.unwrap_or_else(|| panic!("`take` applies to item pagers, not {operation}"));
                }
            )*)*
            panic!("no operation {operation} in the core's table")
        }
    };
    (@take items, $call:expr, $n:ident) => {{
        let mut pager = $call.expect("the pager starts");
        for i in 0..$n {
            pager.next().await.unwrap_or_else(|| panic!("item {i}")).expect("an item");
        }
        Some(Box::new(pager) as Box<dyn std::any::Any + Send>)
    }};
    (@take $kind:ident, $call:expr, $n:ident) => {{
        drop($call);
        None
    }};
    (@default) => { None };
    (@default $def:expr) => { Some($def) };
    (@run call, $call:expr) => { ($call.await.err().map_or((0, None), |e| (0, Some(e)))) };
    (@run items, $call:expr) => { drain($call, |_| 1).await };
    (@run pages, $call:expr) => { drain($call, |p| iqtech::Paged::into_items(p).len()).await };
}

iqtech::for_each_operation!(dispatcher);

/// Whether an error of class `code` is an instance of the class named `name` (itself or an
/// ancestor in `ERROR_CLASSES`).
fn is_instance(code: &str, name: &str) -> bool {
    let mut class = iqtech::error_class(code).map(|c| c.name);
    while let Some(current) = class {
        if current == name {
            return true;
        }
        class = ERROR_CLASSES
            .iter()
            .find(|c| c.name == current)
            .and_then(|c| c.parent);
    }
    false
}

fn check(case: &Value, items: usize, error: Option<Error>) {
    let name = case["name"].as_str().unwrap_or("?");
    let expect = case["expect"].as_object().expect("expect");
    let error = error.unwrap_or_else(|| panic!("{name}: no error, expected {}", expect["class"]));
    let details: ErrorDetails = error.details();
    let fields = serde_json::to_value(&details).expect("details serialize");
    for (key, want) in expect {
        let why = format!("{name}: {key} of {error}");
        match key.as_str() {
            "class" => assert!(
                is_instance(&details.code, want.as_str().unwrap()),
                "{why}: class"
            ),
            "items_before_error" => assert_eq!(json!(items), *want, "{why}"),
            "retry_after_ms" => assert_eq!(
                json!(details.retry_after.map(|d| d.as_millis() as u64)),
                *want,
                "{why}"
            ),
            "body_contains" | "detail_contains" => {
                let field = &fields[key.trim_end_matches("_contains")];
                let text = field.as_str().unwrap_or_default();
                assert!(text.contains(want.as_str().unwrap()), "{why}: {text:?}");
            }
            other => assert_eq!(fields[other], *want, "{why}"),
        }
    }
}

/// Takes `call.take` items, leaves the pager open and idle, then checks the journal's count per
/// route against `expect.requests_at_most`.
async fn check_read_ahead(case: &Value, sandbox: &Sandbox, client: &iqtech::Client, n: usize) {
    let name = case["name"].as_str().unwrap_or("?");
    let expect = case["expect"].as_object().expect("expect");
    assert_eq!(
        expect.keys().collect::<Vec<_>>(),
        ["requests_at_most"],
        "{name}: this runner checks only requests_at_most with take"
    );
    let call_spec = &case["call"];
    sandbox.clear_journal();
    let pager = take(
        client,
        call_spec["operation"].as_str().expect("operation"),
        call_spec.get("args").unwrap_or(&json!({})),
        n,
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let journal = sandbox.journal();
    for (route, most) in expect["requests_at_most"].as_object().expect("routes") {
        let got = journal.count(route);
        let most = most.as_u64().expect("a count");
        assert!(
            got > 0 && got <= most,
            "{name}: {route}: {got} requests, at most {most}"
        );
    }
    drop(pager);
}

async fn run(case: &Value, shared: &Sandbox) {
    let own = match case.get("sandbox") {
        Some(s) => Some(
            Sandbox::start_with(SandboxSettings::deserialize_from(s.clone()).expect("sandbox"))
                .await
                .expect("sandbox starts"),
        ),
        None => None,
    };
    let sandbox = own.as_ref().unwrap_or(shared);
    if let Some(fault) = case.get("fault") {
        let spec: FaultSpec = serde_json::from_value(fault.clone()).expect("fault spec");
        sandbox.inject(spec).expect("fault installs");
    }
    let mut settings = json!({
        "client_id": sandbox.client_id(),
        "client_secret": sandbox.client_secret(),
        "auth_url": sandbox.auth_url(),
        "api_url": sandbox.api_url(),
        "max_attempts": 1,
    });
    for (k, v) in case["settings"].as_object().into_iter().flatten() {
        settings[k] = v.clone();
    }
    let settings: ClientSettings = serde_json::from_value(settings).expect("client settings");
    let client = settings.build().expect("client builds");
    let call_spec = &case["call"];
    if let Some(n) = call_spec.get("take") {
        check_read_ahead(case, sandbox, &client, n.as_u64().expect("take") as usize).await;
        sandbox.clear_faults();
        if let Some(own) = own {
            own.shutdown().await;
        }
        return;
    }
    let (items, error) = call(
        &client,
        call_spec["operation"].as_str().expect("operation"),
        call_spec.get("args").unwrap_or(&json!({})),
    )
    .await;
    sandbox.clear_faults();
    check(case, items, error);
    if let Some(own) = own {
        own.shutdown().await;
    }
}

#[tokio::test]
async fn every_shared_vector() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "vector files in {}", dir.display());
    let shared = Sandbox::start_with(SandboxSettings::default())
        .await
        .expect("sandbox starts");
    let mut ran = 0;
    for file in files {
        let cases: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
        for case in &cases {
            run(case, &shared).await;
            ran += 1;
        }
    }
    assert!(ran >= 20, "{ran} cases");
    shared.shutdown().await;
}
