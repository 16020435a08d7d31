//! Every group object, method and pager object of the binding, expanded from the core's
//! operation table by ONE `iqtech::for_each_operation!(ffi_surface)`.
//!
//! For each `group` of the table: a `uniffi::Object` wrapping the core group, and its accessor
//! on [`Client`]. For each entry: one exported method with the table's doc and defaults
//! (`#[uniffi::method(default(...))]`):
//! - `call`: an `async` method (Kotlin `suspend`, Swift `async throws`) that runs the core
//!   method on the core's runtime (`runtime::call`);
//! - `items` / `pages`: a synchronous factory (it does no I/O; invalid options fail at once)
//!   returning the pager object named after `as` in the table.
//!
//! Pager objects, one per distinct stream name of the table (two groups may share one): an item
//! pager has `next()`, a page pager `nextPage()`; each returns null at the end (and after an
//! error, which names the page in `page`). They read the core's [`iqtech::ItemStream`] /
//! [`iqtech::PageStream`] through its read-ahead policy ([`iqtech::Pager::read_ahead`]) behind
//! a mutex, so any thread or coroutine may call them; concurrent callers are served one after
//! the other and never get the same item twice.
//!
//! uniffi reads doc comments and defaults only as plain literals, so the callback matches them
//! as single token trees (`tt`) and hands them on untouched.

use std::sync::Arc;

#[allow(unused_imports)] // The table names its types as exported at the core's root.
use iqtech::*;
use tokio::sync::Mutex;

use crate::client::Client;
use crate::error::IqtechError;
use crate::runtime::{call, guard};

/// The callback of `iqtech::for_each_operation!`: the whole binding surface.
macro_rules! ffi_surface {
    ($(group $group:ident $Group:ident [$(#[doc = $gdoc:tt])*] {
        $($kind:ident $method:ident [$(#[doc = $doc:tt])*] ($([$(#[$am:ident])?] $arg:ident : $aty:ty $(= $adef:tt)?),*) -> $ret:ty [$($stream:ident)?] [$($http:tt)*];)*
    })*
    ) => {
        $(
            $(#[doc = $gdoc])*
            #[derive(Debug, uniffi::Object)]
            pub struct $Group {
                inner: iqtech::$Group,
            }

            #[uniffi::export]
            impl Client {
                $(#[doc = $gdoc])*
                pub fn $group(&self) -> Arc<$Group> {
                    Arc::new($Group { inner: self.core().$group() })
                }
            }

            $(
                ffi_method! {
                    $Group $kind $method [$($doc)*] [$($arg : $aty $(= $adef)?),*] -> $ret $(as $stream)?
                }
            )*
        )*
        ffi_streams! { [] [$($($( ($kind $stream $ret) )?)*)*] }
    };
}

/// One exported method of a group object.
macro_rules! ffi_method {
    ($Group:ident call $method:ident [$($doc:tt)*] [$($arg:ident : $aty:ty $(= $adef:tt)?),*] -> $ret:ty) => {
        #[uniffi::export]
        impl $Group {
            $(#[doc = $doc])*
            #[uniffi::method(default($($($arg = $adef,)?)*))]
            pub async fn $method(&self, $($arg: $aty),*) -> Result<$ret, IqtechError> {
                let group = self.inner.clone();
                call(async move { group.$method($($arg),*).await }).await
            }
        }
    };
    ($Group:ident $kind:ident $method:ident [$($doc:tt)*] [$($arg:ident : $aty:ty $(= $adef:tt)?),*] -> $ret:ty as $stream:ident) => {
        #[uniffi::export]
        impl $Group {
            $(#[doc = $doc])*
            #[uniffi::method(default($($($arg = $adef,)?)*))]
            pub fn $method(&self, $($arg: $aty),*) -> Result<Arc<$stream>, IqtechError> {
                guard(|| self.inner.$method($($arg),*)).map($stream::new)
            }
        }
    };
}

/// The pager objects, each stream name once: `[seen names] [(kind Stream Item) ...]`. A name
/// already seen is skipped by a matcher built from the seen names (stable `macro_rules` has no
/// other way to compare two identifiers).
macro_rules! ffi_streams {
    ([$($seen:ident)*] []) => {};
    ([$($seen:ident)*] [($kind:ident $stream:ident $ret:ty) $($rest:tt)*]) => {
        macro_rules! ffi_stream_once {
            $( ($seen $seen_:tt $rest_:tt) => { ffi_streams! { $seen_ $rest_ } }; )*
            ($new:ident $seen_:tt $rest_:tt) => {
                ffi_stream! { $kind $stream $ret }
                ffi_streams! { [$($seen)* $stream] $rest_ }
            };
        }
        ffi_stream_once! { $stream [$($seen)*] [$($rest)*] }
    };
}

/// One pager object: `next()` for item pagers, `nextPage()` for page pagers.
macro_rules! ffi_stream {
    (items $stream:ident $item:ty) => {
        ffi_stream! { @object $stream $item }

        #[uniffi::export]
        impl $stream {
            /// The next item, or null when there are no more (also after an error). Fetches a
            /// page only when the items already fetched are used up (a concurrent pager keeps
            /// its pages in flight and at most four more: two fetched ahead of their turn, two
            /// ready).
            pub async fn next(&self) -> Result<Option<$item>, IqtechError> {
                let inner = self.inner.clone();
                call(async move { inner.lock().await.next().await.transpose() }).await
            }
        }
    };
    (pages $stream:ident $page:ty) => {
        ffi_stream! { @object $stream $page }

        #[uniffi::export]
        impl $stream {
            /// The next page, or null when there are no more (also after an error).
            pub async fn next_page(&self) -> Result<Option<$page>, IqtechError> {
                let inner = self.inner.clone();
                call(async move { inner.lock().await.next().await.transpose() }).await
            }
        }
    };
    (@object $stream:ident $value:ty) => {
        /// An auto-pager of the core, driven one item (`next()`) or one page (`nextPage()`) at
        /// a time; null at the end. Safe to share between coroutines. Close it when done.
        #[derive(uniffi::Object)]
        pub struct $stream {
            inner: Arc<Mutex<ReadAheadValues<$value>>>,
        }

        impl $stream {
            fn new(pager: impl Pager<Value = $value>) -> Arc<Self> {
                Arc::new(Self {
                    inner: Arc::new(Mutex::new(pager.read_ahead(Ok).values())),
                })
            }
        }

        impl std::fmt::Debug for $stream {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(stringify!($stream))
            }
        }
    };
}

iqtech::for_each_operation!(ffi_surface);
