//! `machines low-stock`: the core's [`iqtech::reports`] low-stock rows, filtered and shown.

use iqtech::reports::{self, LowStockRow, StockSeverity};
use iqtech::MachinePlanogram;

use crate::output::View;

/// Columns a table shows.
pub const VIEW: View = View {
    table_columns: &[
        "severity",
        "serial_no",
        "machine_name",
        "selection",
        "product_name",
        "current_count",
        "level",
        "shortfall",
        "refill",
    ],
};

/// The low-stock rows of one machine (critical ones only when `critical_only`).
pub fn rows(machine: &MachinePlanogram, critical_only: bool) -> Vec<LowStockRow> {
    let mut rows = reports::machine_low_stock(machine);
    if critical_only {
        rows.retain(|r| r.severity == StockSeverity::Critical);
    }
    rows
}

/// Sorts worst first (the core's order).
pub fn sort(rows: &mut [LowStockRow]) {
    reports::sort_worst_first(rows);
}
