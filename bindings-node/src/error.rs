//! The one place where a core [`iqtech::Error`] becomes a JavaScript error.
//!
//! The error classes (`IqtechError`, `ApiError`, `NotFoundError`, …) are JavaScript classes, so
//! that `instanceof` works and they extend `Error`; they are defined in `errors.js`. At load,
//! `index.js` registers one factory function, `(code, message, details) => IqtechError`, with
//! [`set_error_factory`]; every failure of every call, sync or async, is built by
//! [`to_js_error`] through that factory, so the class chosen for a `code` is decided once.
//!
//! The factory is kept per JavaScript thread (main thread or worker): each has its own
//! environment and its own classes. Its reference is never deleted (one small leak per worker),
//! because a worker's thread-local storage outlives the environment it could be deleted in.
//!
//! `details` carries every field of the core error with camelCase names: `code`, `page`, and by
//! kind `operation`, `status`, `errorId`, `detail` (the server's message), `fieldErrors`,
//! `traceId`, `body`, `retryAfterMs`, `field`, `timeoutMs`, `reason` (why an outcome is unknown), `howToCheck`. Validation
//! field names are camelCase, as JavaScript callers wrote them.

use std::cell::Cell;
use std::ptr;

use napi::bindgen_prelude::{ToNapiValue, Unknown};
use napi::{sys, Env, JsValue};
use napi_derive::napi;
use serde_json::{json, Value};

use iqtech::Error;

thread_local! {
    static FACTORY: Cell<sys::napi_ref> = const { Cell::new(ptr::null_mut()) };
}

/// Registers the function that builds error objects: `(code, message, details) => Error`.
/// Called once by `index.js` in each JavaScript thread; not part of the public API.
#[napi(js_name = "__setErrorFactory")]
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

/// Every field of `err`, for the JavaScript error object.
fn details(err: &Error) -> Value {
    let mut d = json!({ "code": err.code(), "page": err.page() });
    let extra = match err.root() {
        Error::Api(api) => json!({
            "operation": api.operation,
            "status": api.status,
            "errorId": api.error_id,
            "detail": api.message,
            "fieldErrors": api.field_errors.iter()
                .map(|f| json!({ "field": f.field, "messages": f.messages }))
                .collect::<Vec<_>>(),
            "traceId": api.trace_id,
            "body": api.body,
            "retryAfterMs": api.retry_after.map(|d| d.as_millis() as u64),
        }),
        Error::Validation { field, message } => json!({ "field": field, "detail": message }),
        Error::Config { message } => json!({ "detail": message }),
        Error::Connection { operation, message } => {
            json!({ "operation": operation, "detail": message })
        }
        Error::Timeout { operation, timeout } => {
            json!({ "operation": operation, "timeoutMs": timeout.as_millis() as u64 })
        }
        Error::Decode {
            operation,
            status,
            message,
            snippet,
        } => json!({
            "operation": operation, "status": status, "detail": message, "body": snippet,
        }),
        Error::OutcomeUnknown {
            operation,
            cause,
            how_to_check,
        } => json!({
            "operation": operation, "reason": cause, "howToCheck": how_to_check,
        }),
        _ => json!({}),
    };
    if let (Value::Object(d), Value::Object(extra)) = (&mut d, extra) {
        d.extend(extra);
    }
    d
}

/// Builds the JavaScript error for `err` (through the registered factory, else a plain `Error`
/// with `code` and `details`), as a napi error that throws or rejects with exactly that object.
pub fn to_js_error(env: &Env, err: Error) -> napi::Error {
    let env = env.raw();
    let err = iqtech::case::error_to_camel(err);
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
