//! Pager objects: the core's auto-pagers, one item or one page per call.
//!
//! A UI drives them at its own pace: `next()` (item streams) or `nextPage()` (page streams)
//! fetches only when the items already fetched are used up, and returns null at the end. The
//! paging itself (which page comes next, `concurrency` pages in flight, in order) is the core's
//! [`iqtech::ItemStream`] / [`iqtech::PageStream`]; these objects only hold one behind a mutex
//! so that any thread or coroutine may call them. Concurrent callers are served one after the
//! other and never get the same item twice. After an error (which names the page in `page`),
//! the stream is over: `next()` returns null. Kotlin gets a `Flow` over each of them in the
//! hand-written `Flows.kt`.

use std::sync::Arc;

use iqtech::{
    Employee, EmployeePage, ItemStream, LegacyReservedLockerReport, MachinePage, MachinePlanogram,
    PageStream, ReservationDetail, ReservedLockerReport, Transaction, TransactionPage,
};
use tokio::sync::Mutex;

use crate::error::IqtechError;
use crate::runtime::run;

macro_rules! item_stream {
    ($(#[$doc:meta])* $name:ident => $item:ty) => {
        $(#[$doc])*
        #[derive(uniffi::Object)]
        pub struct $name {
            inner: Arc<Mutex<ItemStream<$item>>>,
        }

        impl $name {
            pub(crate) fn new(stream: ItemStream<$item>) -> Arc<Self> {
                Arc::new(Self { inner: Arc::new(Mutex::new(stream)) })
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(stringify!($name))
            }
        }

        #[uniffi::export]
        impl $name {
            /// The next item, or null when there are no more (also after an error). Fetches a
            /// page only when the items already fetched are used up.
            pub async fn next(&self) -> Result<Option<$item>, IqtechError> {
                let inner = self.inner.clone();
                run(async move { inner.lock().await.next_item().await.transpose() }).await
            }
        }
    };
}

macro_rules! page_stream {
    ($(#[$doc:meta])* $name:ident => $page:ty) => {
        $(#[$doc])*
        #[derive(uniffi::Object)]
        pub struct $name {
            inner: Arc<Mutex<PageStream<$page>>>,
        }

        impl $name {
            pub(crate) fn new(stream: PageStream<$page>) -> Arc<Self> {
                Arc::new(Self { inner: Arc::new(Mutex::new(stream)) })
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(stringify!($name))
            }
        }

        #[uniffi::export]
        impl $name {
            /// The next page, or null when there are no more (also after an error).
            pub async fn next_page(&self) -> Result<Option<$page>, IqtechError> {
                let inner = self.inner.clone();
                run(async move { inner.lock().await.next_page().await.transpose() }).await
            }
        }
    };
}

item_stream!(
    /// Every employee, one at a time (from `employees().iter()`).
    EmployeeStream => Employee
);
page_stream!(
    /// Every page of employees (from `employees().iterPages()`).
    EmployeePageStream => EmployeePage
);
item_stream!(
    /// Every machine with its planogram, one at a time (from `machines().iter()`).
    MachinePlanogramStream => MachinePlanogram
);
page_stream!(
    /// Every page of machines (from `machines().iterPages()`).
    MachinePageStream => MachinePage
);
item_stream!(
    /// Every transaction of a report, one at a time (from `transactions().iter()`).
    TransactionStream => Transaction
);
page_stream!(
    /// Every page of a transaction report (from `transactions().iterPages()`).
    TransactionPageStream => TransactionPage
);
item_stream!(
    /// Every reservation event of a reserved-locker report, one at a time (from
    /// `willCall().iterReservedLockerReport()` or `willCallV1().iterReservedLockerReport()`).
    ReservationDetailStream => ReservationDetail
);
page_stream!(
    /// Every page of a reserved-locker report (from `willCall().iterReservedLockerReportPages()`).
    ReservedLockerReportStream => ReservedLockerReport
);
page_stream!(
    /// Every page of a legacy reserved-locker report (from
    /// `willCallV1().iterReservedLockerReportPages()`).
    LegacyReservedLockerReportStream => LegacyReservedLockerReport
);

/// The core's `concurrency` (pages in flight) from the foreign `UInt32?`.
pub(crate) fn pages(n: Option<u32>) -> Option<usize> {
    n.map(|n| usize::try_from(n).unwrap_or(usize::MAX))
}
