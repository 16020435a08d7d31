//! The progress bar of long walks: pages done out of the page count, and items out of the
//! total the first page announces. Drawn on stderr, and only when stderr is a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Progress of a walk over every page of a list.
pub struct Progress {
    bar: ProgressBar,
    noun: &'static str,
    items: u64,
    total_items: Option<u64>,
}

impl Progress {
    /// A bar for a walk over `noun` (e.g. "transactions"); hidden when `enabled` is false or
    /// stderr is not a terminal.
    pub fn new(noun: &'static str, enabled: bool) -> Self {
        let bar = if enabled && std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(spinner_style());
        bar.set_message(format!("fetching the first page of {noun}…"));
        Self {
            bar,
            noun,
            items: 0,
            total_items: None,
        }
    }

    /// Records the totals a page announced (read from the first page).
    pub fn set_totals(&mut self, page_count: Option<i64>, total_items: Option<i64>) {
        self.total_items = total_items.and_then(|t| u64::try_from(t).ok());
        if let Some(pages) = page_count.and_then(|p| u64::try_from(p).ok()) {
            self.bar.set_length(pages);
            self.bar.set_style(bar_style());
        }
    }

    /// Counts one page of `items` items.
    pub fn page_done(&mut self, items: usize) {
        self.items += items as u64;
        self.bar.inc(1);
        let msg = match self.total_items {
            Some(total) => format!("{}/{} {}", self.items, total, self.noun),
            None => format!("{} {}", self.items, self.noun),
        };
        self.bar.set_message(msg);
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} pages {pos} · {msg} [{elapsed}]")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{bar:30.cyan/blue} pages {pos}/{len} · {msg} [{elapsed}, eta {eta}]",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ")
}
