//! The one place where a core [`iqtech::Error`] becomes a JavaScript error.
//!
//! The error classes (`IqtechError`, `ApiError`, `NotFoundError`, …) are JavaScript classes, so
//! that `instanceof` works and they extend `Error`; `errors.js` builds them at load from the
//! core's table ([`error_classes`]). At load,
//! `index.js` registers one factory function, `(code, message, details) => IqtechError`, with
//! [`set_error_factory`]; every failure of every call, sync or async, is built by
//! [`to_js_error`] through that factory, so the class chosen for a `code` is decided once.
//!
//! The factory is kept per JavaScript thread (main thread or worker): each has its own
//! environment and its own classes. Its reference is never deleted (one small leak per worker),
//! because a worker's thread-local storage outlives the environment it could be deleted in.
//!
//! `details` is [`iqtech::Error::details`] with camelCase names (`code`, `message`, `operation`,
//! `page`, `status`, `errorId`, `detail`, `fieldErrors`, `traceId`, `body`, `retryAfter` in ms,
//! `field`, `reason`, `howToCheck`, `timeout` in ms). Validation field names are camelCase, as
//! JavaScript callers wrote them.

use std::cell::Cell;
use std::ptr;

use napi::bindgen_prelude::{ToNapiValue, Unknown};
use napi::{sys, Env, JsValue};
use napi_derive::napi;
use serde_json::{json, Value};

use iqtech::Error;
use iqtech_node_support::case;

thread_local! {
    static FACTORY: Cell<sys::napi_ref> = const { Cell::new(ptr::null_mut()) };
}

/// Registers the function that builds error objects: `(code, message, details) => Error`.
/// Called once by `index.js` in each JavaScript thread; not part of the public API.
#[napi(js_name = "__setErrorFactory", skip_typescript)]
pub fn set_error_factory(
    #[napi(ts_arg_type = "(code: string, message: string, details: object) => Error")]
    factory: Unknown<'_>,
) -> napi::Result<()> {
    let v = factory.value();
    let mut reference = ptr::null_mut();
    // SAFETY: `v` is a live value of the current call.
    let status = unsafe { sys::napi_create_reference(v.env, v.value, 1, &mut reference) };
    if status != sys::Status::napi_ok {
        return Err(napi::Error::from_reason("could not keep the error factory"));
    }
    FACTORY.with(|f| f.set(reference));
    Ok(())
}

/// Every field of `err` ([`iqtech::Error::details`]), for the JavaScript error object: the same
/// names in camelCase, durations (`retryAfter`, `timeout`) in milliseconds. No other logic.
fn details(err: &Error) -> Value {
    let d = err.details();
    let mut json = case::to_camel_value(&d).unwrap_or_else(|_| json!({}));
    if let Value::Object(map) = &mut json {
        let ms = |v: Option<std::time::Duration>| v.map(|d| d.as_millis() as u64);
        map.insert("retryAfter".into(), json!(ms(d.retry_after)));
        map.insert("timeout".into(), json!(ms(d.timeout)));
    }
    json
}

/// The error taxonomy ([`iqtech::ERROR_CLASSES`]): `errors.js` builds its classes from it at
/// load, so the JavaScript classes cannot drift from the core's. Field names are camelCase.
#[napi(js_name = "__errorClasses", skip_typescript)]
pub fn error_classes() -> Value {
    Value::Array(
        iqtech::ERROR_CLASSES
            .iter()
            .map(|c| {
                let fields: Vec<String> = c.fields.iter().map(|f| case::snake_to_camel(f)).collect();
                json!({ "code": c.code, "name": c.name, "parent": c.parent, "doc": c.doc, "fields": fields })
            })
            .collect(),
    )
}

/// Builds the JavaScript error for `err` (through the registered factory, else a plain `Error`
/// with `code` and `details`), as a napi error that throws or rejects with exactly that object.
pub fn to_js_error(env: &Env, err: Error) -> napi::Error {
    let env = env.raw();
    let err = case::error_to_camel(err);
    match build(env, &err) {
        // SAFETY: `raw` was just created in `env`, on this thread.
        Ok(raw) => napi::Error::from(unsafe { Unknown::from_raw_unchecked(env, raw) }),
        Err(_) => napi::Error::from_reason(err.to_string()),
    }
}

fn build(env: sys::napi_env, err: &Error) -> napi::Result<sys::napi_value> {
    let code = err.code();
    let message = err.to_string();
    // SAFETY: every value below is created in `env` on its own thread and used at once.
    unsafe {
        let js_code = ToNapiValue::to_napi_value(env, code)?;
        let js_message = ToNapiValue::to_napi_value(env, message.as_str())?;
        let js_details = ToNapiValue::to_napi_value(env, details(err))?;
        let factory = FACTORY.with(Cell::get);
        if !factory.is_null() {
            let mut func = ptr::null_mut();
            if sys::napi_get_reference_value(env, factory, &mut func) == sys::Status::napi_ok
                && !func.is_null()
            {
                let mut global = ptr::null_mut();
                sys::napi_get_global(env, &mut global);
                let args = [js_code, js_message, js_details];
                let mut result = ptr::null_mut();
                if sys::napi_call_function(env, global, func, 3, args.as_ptr(), &mut result)
                    == sys::Status::napi_ok
                {
                    return Ok(result);
                }
                // The factory threw: clear that exception and fall back to a plain Error.
                let mut pending = ptr::null_mut();
                sys::napi_get_and_clear_last_exception(env, &mut pending);
            }
        }
        let mut error = ptr::null_mut();
        napi::check_status!(sys::napi_create_error(env, js_code, js_message, &mut error))?;
        let key = c"details";
        napi::check_status!(sys::napi_set_named_property(
            env,
            error,
            key.as_ptr(),
            js_details
        ))?;
        Ok(error)
    }
}
