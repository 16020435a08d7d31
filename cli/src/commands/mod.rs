//! One module per command group; this one holds what they share: the context a command runs
//! in and the page walker behind every "all pages" command.

pub mod employees;
pub mod machines;
pub mod transactions;
pub mod will_call;

use futures::StreamExt;
use iqtech::{Client, EmployeePage, MachinePage, PageStream, Paged, TransactionPage};

use crate::args::{Command, Format, Global};
use crate::exit::CliError;
use crate::output::{self, Output, Shape, View};
use crate::progress::Progress;

/// What every command needs: the client and the global options.
pub struct Ctx<'a> {
    /// The configured client.
    pub client: Client,
    /// The global options.
    pub global: &'a Global,
}

impl Ctx<'_> {
    /// Opens the output in the chosen format (`fallback` when none was asked for).
    pub fn output(
        &self,
        shape: Shape,
        view: View,
        fallback: Option<Format>,
    ) -> Result<Output, CliError> {
        let format =
            output::choose_format(self.global.format, fallback, self.global.output.is_some());
        Output::open(format, shape, view, self.global.output.as_deref())
    }

    /// A progress bar for a walk over `noun`.
    pub fn progress(&self, noun: &'static str) -> Progress {
        Progress::new(noun, !self.global.no_progress)
    }

    /// Pages in flight for walks.
    pub fn concurrency(&self) -> u32 {
        u32::from(self.global.concurrency)
    }

    /// Whether the embedded sandbox is in use.
    pub fn sandbox(&self) -> bool {
        self.global.sandbox
    }
}

/// Runs the chosen command.
pub async fn run(ctx: &Ctx<'_>, command: Command) -> Result<(), CliError> {
    match command {
        Command::Employees(cmd) => employees::run(ctx, cmd).await,
        Command::WillCall(args) => will_call::run(ctx, args).await,
        Command::Machines(cmd) => machines::run(ctx, cmd).await,
        Command::Transactions(cmd) => transactions::run(ctx, cmd).await,
    }
}

/// A page type whose metadata tells the totals (for the progress bar).
pub trait Totals {
    /// (page count, total item count), as the page announces them.
    fn totals(&self) -> (Option<i64>, Option<i64>);
}

macro_rules! totals {
    ($($page:ty),+) => {$(
        impl Totals for $page {
            fn totals(&self) -> (Option<i64>, Option<i64>) {
                (self.meta.page_count, self.meta.total_item_count)
            }
        }
    )+};
}
totals!(EmployeePage, MachinePage, TransactionPage);

/// Walks every page of `pages`, showing progress, and hands each page's items to `each` as
/// they arrive (so memory holds only the pages in flight). Returns the number of items.
///
/// The pages are fetched and decoded on a runtime task of their own while `each` writes on
/// this one: decoding and writing then use both cores instead of taking turns on one (the
/// pager polls its fetches, decoding included, on the task that consumes it). At most
/// [`PIPELINE_PAGES`] decoded pages wait between the two, so memory stays flat.
pub async fn walk<P, F>(
    pages: PageStream<P>,
    progress: &mut Progress,
    mut each: F,
) -> Result<u64, CliError>
where
    P: Paged + Totals,
    F: FnMut(P::Item) -> Result<(), CliError>,
{
    walk_prepared(
        pages,
        progress,
        |items| items,
        |items| items.into_iter().try_for_each(&mut each),
    )
    .await
}

/// Like [`walk`], but each page's items first go through `prepare` on a runtime task of its own
/// (up to [`PREPARED_IN_PARALLEL`] pages at once, results kept in page order), and `each` gets
/// what `prepare` made of a page: an export encodes its rows on the runtime's threads, and only
/// writes the encoded bytes here. A panic in `prepare` ends the walk with an internal error.
pub async fn walk_prepared<P, B, G, F>(
    pages: PageStream<P>,
    progress: &mut Progress,
    prepare: G,
    mut each: F,
) -> Result<u64, CliError>
where
    P: Paged + Totals,
    B: Send + 'static,
    G: Fn(Vec<P::Item>) -> B + Clone + Send + Sync + 'static,
    F: FnMut(B) -> Result<(), CliError>,
{
    let (tx, mut rx) = tokio::sync::mpsc::channel(PIPELINE_PAGES);
    let driver = tokio::spawn(async move {
        let prepared = pages
            .map(move |page| {
                let prepare = prepare.clone();
                async move {
                    let page = page?;
                    let totals = page.totals();
                    let items = page.into_items();
                    let count = items.len();
                    let made = tokio::spawn(async move { prepare(items) })
                        .await
                        .map_err(|e| iqtech::Error::Internal {
                            message: if e.is_panic() {
                                iqtech::runtime::panic_message(e.into_panic().as_ref())
                            } else {
                                "the runtime stopped during the walk".into()
                            },
                        })?;
                    Ok::<_, iqtech::Error>((totals, count, made))
                }
            })
            .buffered(PREPARED_IN_PARALLEL);
        futures::pin_mut!(prepared);
        while let Some(page) = prepared.next().await {
            let failed = page.is_err();
            if tx.send(page).await.is_err() || failed {
                break;
            }
        }
    });
    // Stops the fetching when this walk ends early (a write failed) or is dropped.
    let stop = AbortOnDrop(driver.abort_handle());
    let mut first = true;
    let mut count = 0u64;
    let result = async {
        while let Some(page) = rx.recv().await {
            let ((pages, items), n, made) = page?;
            if first {
                progress.set_totals(pages, items);
                first = false;
            }
            progress.page_done(n);
            count += n as u64;
            each(made)?;
        }
        // The channel also closes when the fetching task panicked: that is no complete walk.
        match driver.await {
            Err(e) if e.is_panic() => Err(CliError::Sdk(iqtech::Error::Internal {
                message: iqtech::runtime::panic_message(e.into_panic().as_ref()),
            })),
            _ => Ok(count),
        }
    }
    .await;
    drop(stop);
    progress.finish();
    result
}

/// Pages [`walk_prepared`] prepares at once.
const PREPARED_IN_PARALLEL: usize = 2;

/// Decoded pages that may wait for the writer in [`walk`].
const PIPELINE_PAGES: usize = 2;

/// Aborts a task when dropped.
struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Writes `output` out, or — when `result` failed — flushes what was written and returns the
/// failure (a JSON array is left unclosed so a partial list cannot pass for a whole one).
pub fn close<T>(output: Output, result: Result<T, CliError>) -> Result<T, CliError> {
    match result {
        Ok(v) => {
            output.finish()?;
            Ok(v)
        }
        Err(e) => {
            let _ = output.abort();
            Err(e)
        }
    }
}
