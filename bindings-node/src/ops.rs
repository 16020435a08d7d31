//! Every operation group and method, expanded from the core's table.
//!
//! Why this exists: the public surface is declared once, in `iqtech::for_each_operation!`. The
//! one expansion below turns each group into a napi class (`Employees`, `WillCall`, …, reached
//! as `client.employees`, `client.willCall`, …) and each entry into a method with napi's
//! camelCase name. The rule is the same for every method:
//!
//! - arguments follow [`Args`]: required ones positional, defaulted ones in one trailing options
//!   object, every value converted strictly (a mistake is a `ValidationError` naming it);
//! - `call` entries return a Promise of the core's result (`()` → `undefined`), settled from the
//!   core's runtime ([`promise`]); a mistake in the arguments rejects it;
//! - `items` and `pages` entries return a pager at once ([`NativePager`]), or throw for invalid
//!   options; `index.js` makes it async-iterable.
//!
//! Nothing here knows an operation by name: adding one to the table adds it here. Its
//! TypeScript declaration is generated from the same table (`iqtech-node-codegen`), so the
//! methods carry `skip_typescript`.

use napi::bindgen_prelude::{Object, ToNapiValue, Unknown};
use napi::{sys, Env};
use napi_derive::napi;

// The table names the core's types as exported at its root.
#[allow(unused_imports)]
use iqtech::*;

use crate::client::Client;
use crate::convert::{output, Args};
use crate::pagination::NativePager;
use crate::promise::{promise, sync_call};

/// What a table method hands back: a Promise (`call`) or a pager (`items`, `pages`).
pub enum Returned<'e> {
    /// The Promise of a call.
    Promise(Object<'e>),
    /// An auto-pager.
    Pager(NativePager),
}

impl ToNapiValue for Returned<'_> {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        // SAFETY: forwarded unchanged to the wrapped value's own conversion.
        unsafe {
            match val {
                Returned::Promise(p) => Object::to_napi_value(env, p),
                Returned::Pager(p) => NativePager::to_napi_value(env, p),
            }
        }
    }
}

/// Expands the core's table (see `iqtech::operations` for its grammar).
macro_rules! node_operations {
    ($(group $group:ident $Group:ident [$(#[doc = $gdoc:literal])*] {
        $($kind:ident $method:ident [$(#[doc = $doc:literal])*] ($([$(#[$am:ident])?] $arg:ident : $aty:ty $(= $adef:expr)?),*) -> $ret:ty [$($stream:ident)?] [$($http:tt)*];)*
    })*
    ) => {
        $(
            // One `concat!` doc, not the table's raw-string lines: napi's declaration writer
            // would print those as `r" …"`; the TypeScript doc comes from iqtech-node-codegen.
            #[doc = concat!($($gdoc, "\n"),*)]
            #[napi]
            pub struct $Group {
                client: iqtech::Client,
            }

            #[napi]
            impl $Group {
                $(
                    $(#[doc = $doc])*
                    #[napi(skip_typescript)]
                    pub fn $method<'e>(
                        &self,
                        env: &'e Env,
                        a: Option<Unknown<'_>>,
                        b: Option<Unknown<'_>>,
                        c: Option<Unknown<'_>>,
                    ) -> napi::Result<Returned<'e>> {
                        let client = self.client.clone();
                        let parsed = (|| -> iqtech::Result<_> {
                            let mut args = Args::new([a, b, c]);
                            $(let $arg: $aty = node_operations!(@arg args, $arg, $aty $(, $adef)?)?;)*
                            args.finish()?;
                            Ok(($($arg,)*))
                        })();
                        node_operations!(@run $kind, env, parsed, client.$group().$method($($arg),*))
                    }
                )*
            }
        )*

        #[napi]
        impl Client {
            $(
                $(#[doc = $gdoc])*
                #[napi(getter, skip_typescript)]
                pub fn $group(&self) -> $Group {
                    $Group { client: self.inner.clone() }
                }
            )*
        }
    };
    (@arg $args:ident, $arg:ident, $aty:ty) => {
        $args.required::<$aty>(stringify!($arg))
    };
    (@arg $args:ident, $arg:ident, $aty:ty, $adef:expr) => {
        $args.optional::<$aty>(stringify!($arg)).map(|v| v.unwrap_or($adef))
    };
    (@run call, $env:ident, $parsed:ident, $client:ident.$group:ident().$method:ident($($arg:ident),*)) => {
        promise(
            $env,
            $parsed.map(|($($arg,)*)| async move { output(&$client.$group().$method($($arg),*).await?) }),
        )
        .map(Returned::Promise)
    };
    (@run $pager:ident, $env:ident, $parsed:ident, $client:ident.$group:ident().$method:ident($($arg:ident),*)) => {
        sync_call($env, || {
            let ($($arg,)*) = $parsed?;
            $client.$group().$method($($arg),*)
        })
        .map(|stream| Returned::Pager(NativePager::new(stream)))
    };
}

iqtech::for_each_operation!(node_operations);
