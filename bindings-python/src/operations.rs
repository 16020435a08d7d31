//! Every operation group's sync and asyncio class, from ONE expansion of the core's table
//! (`iqtech::for_each_operation!`): no method is written by hand here.
//!
//! For each `group name: Type { ... }` of the table this declares `Type` (for `iqtech.Client`)
//! and `AsyncType` (for `iqtech.AsyncClient`), then the two client classes with one getter per
//! group (`crate::client::client_classes!`). Each table entry becomes one method:
//! - its Python signature comes from the arguments: defaults are the table's, arguments before
//!   a `#[record]` are positional-only, the record is an optional positional dict (`/`) plus
//!   `**kwargs`, arguments after it are keyword-only;
//! - plain arguments convert through [`crate::convert::PyArg`], records through
//!   [`crate::convert::input`];
//! - `call` entries block with the GIL released (sync) or return an awaitable (async);
//!   `items` / `pages` entries return the item / page iterators of [`crate::pagination`].
//!
//! What can go wrong is the core's to say: its errors reach Python through
//! [`crate::error::to_py_err`] unchanged.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::client::Shared;

/// Expands the whole table: every group's two classes, then the clients.
macro_rules! python_surface {
    ($(group $group:ident $Group:ident [$(#[doc = $gdoc:literal])*] {
        $($kind:ident $method:ident [$(#[doc = $doc:literal])*] ($([$(#[$am:ident])?] $arg:ident : $aty:ty $(= $adef:tt)?),*) -> $ret:ty [$($stream:ident)?] [$($http:tt)*];)*
    })*
    ) => {
        $(
            pastey::paste! {
                group_class! {
                    sync $Group $group [$(#[doc = $gdoc])* #[doc = ""] #[doc = "Reached as an attribute of `iqtech.Client`."]]
                    $( { [$(#[doc = $doc])*] $kind $method ($( $(#[$am])? $arg : $aty $(= $adef)?, )*) -> $ret } )*
                }
                group_class! {
                    async [<Async $Group>] $group [$(#[doc = $gdoc])* #[doc = ""] #[doc = "Reached as an attribute of `iqtech.AsyncClient`; its methods return awaitables."]]
                    $( { [$(#[doc = $doc])*] $kind $method ($( $(#[$am])? $arg : $aty $(= $adef)?, )*) -> $ret } )*
                }
            }
        )*

        pastey::paste! {
            crate::client::client_classes! {
                $( [$(#[doc = $gdoc])*] $group $Group [<Async $Group>] )*
            }

            /// Registers every group class with the module.
            pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
                $(
                    m.add_class::<$Group>()?;
                    m.add_class::<[<Async $Group>]>()?;
                )*
                Ok(())
            }
        }
    };
}

/// One group class: munches each method's arguments into its pyo3 signature and parameter
/// list, then emits the class and its `#[pymethods]` block whole (pyo3 must see every method
/// already expanded).
macro_rules! group_class {
    // Entry: `py` and `kwargs` are named once here so every generated method uses the same
    // identifiers (macro hygiene).
    ($mode:ident $Class:ident $group:ident [$($cdoc:tt)*] $($methods:tt)*) => {
        group_class!(@next {$mode $Class $group py kwargs [$($cdoc)*]} [] $($methods)*);
    };

    // Every method done: the class.
    (@next {$mode:ident $Class:ident $group:ident $py:ident $kw:ident [$($cdoc:tt)*]} [$($done:tt)*]) => {
        $($cdoc)*
        #[pyo3::pyclass(module = "iqtech", frozen)]
        pub(crate) struct $Class {
            shared: Arc<Shared>,
        }

        impl $Class {
            /// The group of the client `shared`.
            pub(crate) fn new(shared: Arc<Shared>) -> Self {
                Self { shared }
            }
        }

        #[pyo3::pymethods]
        impl $Class {
            $($done)*

            fn __repr__(&self) -> String {
                concat!("<iqtech.", stringify!($Class), ">").to_owned()
            }
        }
    };

    // Next method: munch its arguments.
    (@next $ctx:tt [$($done:tt)*] { $doc:tt $kind:ident $method:ident ($($args:tt)*) -> $ret:ty } $($rest:tt)*) => {
        group_class!(@arg $ctx [$($done)*] { $doc $kind $method ($($args)*) -> $ret } [] [] none ($($args)*) $($rest)*);
    };

    // A record argument: an optional positional dict, then `/`.
    (@arg $ctx:tt $done:tt $m:tt [$($sig:tt)*] [$($params:tt)*] none (#[record] $arg:ident : $aty:ty, $($more:tt)*) $($rest:tt)*) => {
        group_class!(@arg $ctx $done $m [$($sig)* $arg = None, /,] [$($params)* $arg: Option<&Bound<'_, PyAny>>,] star ($($more)*) $($rest)*);
    };
    // A plain argument before the record (or without one).
    (@arg $ctx:tt $done:tt $m:tt [$($sig:tt)*] [$($params:tt)*] none ($arg:ident : $aty:ty $(= $adef:tt)?, $($more:tt)*) $($rest:tt)*) => {
        group_class!(@arg $ctx $done $m [$($sig)* $arg $(= $adef)?,] [$($params)* $arg: <$aty as crate::convert::PyArg>::Carrier,] none ($($more)*) $($rest)*);
    };
    // The first plain argument after the record: keyword-only from here.
    (@arg $ctx:tt $done:tt $m:tt [$($sig:tt)*] [$($params:tt)*] star ($arg:ident : $aty:ty $(= $adef:tt)?, $($more:tt)*) $($rest:tt)*) => {
        group_class!(@arg $ctx $done $m [$($sig)* *, $arg $(= $adef)?,] [$($params)* $arg: <$aty as crate::convert::PyArg>::Carrier,] kw ($($more)*) $($rest)*);
    };
    // Later keyword-only arguments.
    (@arg $ctx:tt $done:tt $m:tt [$($sig:tt)*] [$($params:tt)*] kw ($arg:ident : $aty:ty $(= $adef:tt)?, $($more:tt)*) $($rest:tt)*) => {
        group_class!(@arg $ctx $done $m [$($sig)* $arg $(= $adef)?,] [$($params)* $arg: <$aty as crate::convert::PyArg>::Carrier,] kw ($($more)*) $($rest)*);
    };
    // Arguments done, no record.
    (@arg {$mode:ident $Class:ident $group:ident $py:ident $kw:ident $cdoc:tt} [$($done:tt)*] $m:tt [$($sig:tt)*] [$($params:tt)*] none () $($rest:tt)*) => {
        group_class!(@method {$mode $Class $group $py $kw $cdoc} [$($done)*] $m [$($sig)*] [$($params)*] $($rest)*);
    };
    // Arguments done after a record: the record's fields as `**kwargs`.
    (@arg {$mode:ident $Class:ident $group:ident $py:ident $kw:ident $cdoc:tt} [$($done:tt)*] $m:tt [$($sig:tt)*] [$($params:tt)*] $state:ident () $($rest:tt)*) => {
        group_class!(@method {$mode $Class $group $py $kw $cdoc} [$($done)*] $m [$($sig)* **$kw] [$($params)* $kw: Option<&Bound<'_, PyDict>>,] $($rest)*);
    };

    // The method itself.
    (@method {$mode:ident $Class:ident $group:ident $py:ident $kw:ident $cdoc:tt} [$($done:tt)*]
        { [$($doc:tt)*] $kind:ident $method:ident ($( $(#[$am:ident])? $arg:ident : $aty:ty $(= $adef:tt)?, )*) -> $ret:ty }
        [$($sig:tt)*] [$($params:tt)*] $($rest:tt)*) => {
        group_class!(@next {$mode $Class $group $py $kw $cdoc} [$($done)*
            $($doc)*
            #[pyo3(signature = ($($sig)*))]
            #[allow(unused_variables)]
            fn $method(&self, $py: Python<'_>, $($params)*) -> PyResult<Py<PyAny>> {
                let group = self.shared.client($py)?.$group();
                $( let $arg = convert_arg!($py $kw $(#[$am])? $arg : $aty); )*
                invoke!($mode $kind $py, group.$method($($arg),*))
            }
        ] $($rest)*);
    };
}

/// One argument converted to the core's type (`?` raises the conversion's error).
macro_rules! convert_arg {
    ($py:ident $kw:ident #[record] $arg:ident : $aty:ty) => {
        crate::convert::input::<$aty>($py, $arg, $kw)?
    };
    ($py:ident $kw:ident $arg:ident : $aty:ty) => {
        <$aty as crate::convert::PyArg>::convert($py, stringify!($arg), $arg)?
    };
}

/// Runs one core call of a kind the way the class's mode (sync or async) hands it back.
macro_rules! invoke {
    (sync call $py:ident, $($call:tt)*) => {
        crate::runtime::call($py, async move { $($call)*.await })
    };
    (async call $py:ident, $($call:tt)*) => {
        crate::runtime::awaitable($py, async move { $($call)*.await }).map(Bound::unbind)
    };
    (sync items $py:ident, $($call:tt)*) => {
        crate::pagination::iterator::<crate::pagination::ItemIterator, _>($py, $($call)*)
    };
    (async items $py:ident, $($call:tt)*) => {
        crate::pagination::iterator::<crate::pagination::AsyncItemIterator, _>($py, $($call)*)
    };
    (sync pages $py:ident, $($call:tt)*) => {
        crate::pagination::iterator::<crate::pagination::PageIterator, _>($py, $($call)*)
    };
    (async pages $py:ident, $($call:tt)*) => {
        crate::pagination::iterator::<crate::pagination::AsyncPageIterator, _>($py, $($call)*)
    };
}

use iqtech::*;

iqtech::for_each_operation!(python_surface);
