//! `Client`: configured from `iqtech::ClientSettings`; its operation groups are properties
//! generated from the table ([`crate::ops`]).

use std::sync::Arc;

use napi::bindgen_prelude::{Function, JsObjectValue, Object, Unknown};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::{Env, ValueType};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{input, js_to_json};
use crate::error::to_js_error;
use crate::promise::sync_call;
use iqtech::call::logging::Level as LogLevel;

/// The settings of a `Client` from a JavaScript options object: exactly the fields of
/// `iqtech::ClientSettings` (`iqtech::SETTINGS`) in camelCase, durations in milliseconds, an
/// unknown name refused. `userAgent` defaults to this binding's name and version.
pub(crate) fn settings(
    options: Option<&Unknown<'_>>,
) -> Result<iqtech::ClientSettings, iqtech::Error> {
    let mut s: iqtech::ClientSettings = input(options, "options")?;
    s.user_agent.get_or_insert_with(crate::user_agent);
    Ok(s)
}

/// The settings from the JSON of an options object (its `logger` taken out).
fn settings_json(json: Option<Value>) -> Result<iqtech::ClientSettings, iqtech::Error> {
    let json = match json {
        None | Some(Value::Null) => Value::Object(serde_json::Map::new()),
        Some(v) => v,
    };
    let mut s: iqtech::ClientSettings =
        iqtech_node_support::case::from_camel_value(json, "options")?;
    s.user_agent.get_or_insert_with(crate::user_agent);
    Ok(s)
}

/// A client of the iQ Tech Integration API.
///
/// Make one and share it: every call on it shares one connection pool and one token. Every
/// operation returns a Promise; failures are `IqtechError` subclasses.
#[napi]
pub struct Client {
    pub(crate) inner: iqtech::Client,
}

impl Client {
    /// The client with `sink` as its log sink, when given.
    fn logged(inner: iqtech::Client, sink: Option<Arc<dyn iqtech::LogSink>>) -> Self {
        match sink {
            Some(sink) => Self {
                inner: inner.with_log_sink(sink),
            },
            None => Self { inner },
        }
    }
}

#[napi]
impl Client {
    /// A client from explicit settings (`clientId` and `clientSecret` are required).
    /// Throws a `ValidationError` naming a missing, unknown or invalid setting.
    #[napi(constructor)]
    pub fn new(
        env: Env,
        #[napi(ts_arg_type = "ClientOptions & { clientId: string; clientSecret: string }")]
        options: Unknown<'_>,
    ) -> napi::Result<Self> {
        let split = split_logger(&env, Some(&options))?;
        let inner = sync_call(&env, || settings_json(split.rest)?.build())?;
        Ok(Self::logged(inner, split.sink))
    }

    /// A client configured from `IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET` and, when set,
    /// `IQTECH_AUTH_URL` and `IQTECH_API_URL`; `options` sets the others (and may override
    /// these). Throws a `ConfigurationError` naming a missing variable.
    #[napi(factory)]
    pub fn from_env(
        env: Env,
        #[napi(ts_arg_type = "ClientOptions")] options: Option<Unknown<'_>>,
    ) -> napi::Result<Self> {
        let split = split_logger(&env, options.as_ref())?;
        let inner = sync_call(&env, || settings_json(split.rest)?.build_from_env())?;
        Ok(Self::logged(inner, split.sink))
    }

    /// A client over the same connections and token whose every call uses these per-call
    /// options, on top of this client's: `timeout` and `deadline` (milliseconds; the deadline
    /// covers every attempt and backoff), `maxAttempts`, `headers` (name → value), `requestId`.
    /// Throws a `ValidationError` naming a bad or unknown option. (`signal` is handled by the
    /// JavaScript layer, index.js.)
    #[napi(js_name = "__withOptions", skip_typescript)]
    pub fn with_options(&self, env: Env, options: Option<Unknown<'_>>) -> napi::Result<Client> {
        let inner = sync_call(&env, || {
            self.inner.with_options(request_options(options.as_ref())?)
        })?;
        Ok(Self { inner })
    }

    /// What the last call through this client (or one of its groups) answered: `{status,
    /// headers: [[name, value], ...], elapsed (ms), attempts, requestId, serverRequestId}`,
    /// or `null` before the first answer.
    #[napi(getter, ts_return_type = "ResponseMeta | null")]
    pub fn last_response(&self) -> Option<Value> {
        let meta = self.inner.last_response()?;
        iqtech_node_support::case::to_camel_value(&meta).ok()
    }

    /// The client id in use.
    #[napi(getter)]
    pub fn client_id(&self) -> String {
        self.inner.config().client_id().to_owned()
    }

    /// The token host in use.
    #[napi(getter)]
    pub fn auth_url(&self) -> String {
        self.inner.config().auth_url().to_owned()
    }

    /// The API host in use.
    #[napi(getter)]
    pub fn api_url(&self) -> String {
        self.inner.config().api_url().to_owned()
    }
}

/// The `logger` member of a client's options, taken out (the rest are settings): an object
/// with `debug`, `info`, `warn` and/or `error` methods, each called with one line of text.
struct LoggerOption {
    sink: Option<Arc<dyn iqtech::LogSink>>,
    /// The options without `logger`, for [`settings`].
    rest: Option<Value>,
}

/// Splits `options` into its `logger` (as a log sink) and the settings' JSON.
fn split_logger(env: &Env, options: Option<&Unknown<'_>>) -> napi::Result<LoggerOption> {
    let Some(options) = options else {
        return Ok(LoggerOption {
            sink: None,
            rest: None,
        });
    };
    if options.get_type()? != ValueType::Object {
        let rest = js_to_json(options, "options").map_err(|e| to_js_error(env, e))?;
        return Ok(LoggerOption {
            sink: None,
            rest: Some(rest),
        });
    }
    // SAFETY: the value was just checked to be an object.
    let object: Object<'_> = unsafe { options.cast()? };
    let mut rest = serde_json::Map::new();
    let mut sink = None;
    for key in Object::keys(&object)? {
        let value: Unknown<'_> = object.get_named_property(&key)?;
        if key == "logger" {
            if !matches!(value.get_type()?, ValueType::Undefined | ValueType::Null) {
                sink = Some(JsLogger::sink(env, &value)?);
            }
            continue;
        }
        let json = js_to_json(&value, &key).map_err(|e| to_js_error(env, e))?;
        rest.insert(key, json);
    }
    Ok(LoggerOption {
        sink,
        rest: Some(Value::Object(rest)),
    })
}

type LogFn = ThreadsafeFunction<String, Unknown<'static>, String, napi::Status, false, true>;

/// A [`iqtech::LogSink`] over a JavaScript logger: each line is queued to the JavaScript thread
/// (never blocking the SDK's threads) and handed to the logger's method of its level, bound to
/// the logger. The queue does not keep the process alive.
struct JsLogger {
    debug: Option<LogFn>,
    info: Option<LogFn>,
    warn: Option<LogFn>,
    error: Option<LogFn>,
}

impl JsLogger {
    fn sink(env: &Env, logger: &Unknown<'_>) -> napi::Result<Arc<dyn iqtech::LogSink>> {
        if logger.get_type()? != ValueType::Object {
            return Err(to_js_error(
                env,
                iqtech::Error::validation(
                    "logger",
                    "must be an object with debug/info/warn/error methods",
                ),
            ));
        }
        // SAFETY: checked to be an object.
        let object: Object<'_> = unsafe { logger.cast()? };
        let method = |name: &str| -> napi::Result<Option<LogFn>> {
            let value: Unknown<'_> = object.get_named_property(name)?;
            if value.get_type()? != ValueType::Function {
                return Ok(None);
            }
            // SAFETY: checked to be a function.
            let f: Function<'_, String, Unknown<'static>> = unsafe { value.cast()? };
            let bound = f.bind(object)?;
            Ok(Some(
                bound
                    .build_threadsafe_function::<String>()
                    .callee_handled::<false>()
                    .weak::<true>()
                    .build()?,
            ))
        };
        Ok(Arc::new(JsLogger {
            debug: method("debug")?,
            info: method("info")?,
            warn: method("warn")?,
            error: method("error")?,
        }))
    }
}

impl iqtech::LogSink for JsLogger {
    fn log(&self, level: LogLevel, target: &str, message: &str) {
        let f = match level {
            LogLevel::Error => &self.error,
            LogLevel::Warn => &self.warn,
            LogLevel::Info => &self.info,
            LogLevel::Debug | LogLevel::Trace => &self.debug,
        };
        if let Some(f) = f {
            f.call(
                format!("{target}: {message}"),
                ThreadsafeFunctionCallMode::NonBlocking,
            );
        }
    }
}

/// Per-call options from a JavaScript object: exactly the fields of `iqtech::RequestOptions`
/// in camelCase (`timeout` and `deadline` in milliseconds, `maxAttempts`, `requestId`,
/// `headers` as name → value, names kept as given). An unknown name is a `ValidationError`.
fn request_options(options: Option<&Unknown<'_>>) -> Result<iqtech::RequestOptions, iqtech::Error> {
    let mut json = match options {
        None => Value::Object(serde_json::Map::new()),
        Some(v) => js_to_json(v, "options")?,
    };
    let headers = match &mut json {
        Value::Object(map) => map.remove("headers"),
        Value::Null => None,
        _ => return Err(iqtech::Error::validation("options", "must be an object")),
    };
    if json.is_null() {
        json = Value::Object(serde_json::Map::new());
    }
    let mut opts: iqtech::RequestOptions =
        iqtech_node_support::case::from_camel_value(json, "options")?;
    opts.headers = match headers {
        None | Some(Value::Null) => None,
        Some(h) => Some(serde_json::from_value(h).map_err(|_| {
            iqtech::Error::validation(
                "headers",
                "must be an object of header name to string value",
            )
        })?),
    };
    Ok(opts)
}
