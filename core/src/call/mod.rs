//! Per-call control, shared by every operation with no per-operation code: the
//! [`RequestOptions`] of a [`crate::Client::with_options`] view, the `X-Request-ID` of each
//! logical call, the [`ResponseMeta`] of the last call, and the log lines of every attempt.
//!
//! A [`crate::Client`] is a `Handle`: the shared transport (connection pool, token cache)
//! plus a `View` (options, log sink, last metadata). Operations call
//! `client.transport.call(...)`, which lands in `Handle::call` and hands the view to the
//! transport, so a view changes every operation of the table at once.

pub mod logging;
pub mod meta;
pub mod options;

use std::sync::{Arc, Mutex};

use reqwest::header::HeaderMap;

pub use logging::LogSink;
pub use meta::{HttpHeader, ResponseMeta};
pub use options::{RequestOptions, REQUEST_OPTIONS};

use crate::error::Result;
use crate::operations::Operation;
use crate::response::RawResponse;
use crate::transport::{ApiRequest, Transport};

/// What a view changes about its calls; shared by the clones of one view.
pub(crate) struct View {
    /// The options as given (merged over the parent view's).
    pub options: RequestOptions,
    /// `options.headers`, checked and ready to send.
    pub headers: HeaderMap,
    /// Where this view's log lines go besides `log`.
    pub sink: Option<Arc<dyn LogSink>>,
    /// The metadata of the last call finished through this view.
    pub last: Mutex<Option<ResponseMeta>>,
}

impl View {
    /// A view with `options` (checked) and `sink`, and no call made yet.
    pub fn new(options: RequestOptions, sink: Option<Arc<dyn LogSink>>) -> Result<Self> {
        Ok(Self {
            headers: options.validate()?,
            options,
            sink,
            last: Mutex::new(None),
        })
    }

    /// Records the metadata of a finished call.
    pub fn record(&self, meta: ResponseMeta) {
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some(meta);
    }

    /// The metadata of the last call finished through this view.
    pub fn last(&self) -> Option<ResponseMeta> {
        self.last.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// The transport of a client together with its view: what `client.transport` is. Derefs to the
/// shared [`Transport`] (its configuration and learned readings).
#[derive(Clone)]
pub(crate) struct Handle {
    pub shared: Arc<Transport>,
    pub view: Arc<View>,
}

impl std::ops::Deref for Handle {
    type Target = Transport;

    fn deref(&self) -> &Transport {
        &self.shared
    }
}

impl Handle {
    /// One logical call of an operation through this view (see [`Transport::call`]).
    pub async fn call<T>(
        &self,
        req: &ApiRequest,
        decode: impl Fn(&'static Operation, &RawResponse) -> Result<T>,
    ) -> Result<T> {
        self.shared.call(&self.view, req, decode).await
    }
}
