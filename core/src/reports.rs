//! Reports computed from data the API returns: pure functions, no requests.
//!
//! They live in the core, not in the CLI, so every binding's users get the same answer from the
//! same planograms.
//!
//! # Low stock
//! [`low_stock`] lists every planogram selection at or under its critical or low level, across
//! machines, worst first. The rule (one rule everywhere):
//!
//! - **critical** when `critical_level > 0` and `current_count <= critical_level`;
//! - else **low** when `low_level > 0` and `current_count <= low_level`;
//! - a level of `0` (or absent) means "not set" — the vendor's examples show virtual trackers
//!   with every level at 0 — so it never triggers; a selection without `current_count` is
//!   skipped.
//!
//! "Worst first" orders by severity (critical before low), then by fill ratio against the level
//! that triggered (`current_count / level`, lowest first), then by shortfall (`level -
//! current_count`, largest first), then by machine serial number and selection (numerically
//! when both are numbers).

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::models::{MachinePlanogram, PlanogramEntry};

/// How bad a selection's stock is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "snake_case")
)]
pub enum StockSeverity {
    /// At or under the critical level.
    Critical,
    /// At or under the low level (and above the critical level, or no critical level set).
    Low,
}

impl StockSeverity {
    /// This enum in the table of every binding's enums ([`crate::ENUMS`]).
    pub const SPEC: crate::models::EnumSpec = crate::models::EnumSpec {
        name: "StockSeverity",
        doc: "How bad a selection's stock is, in the low-stock report.",
        values: &[("Critical", "critical"), ("Low", "low")],
    };

    /// `"critical"` or `"low"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::Low => "low",
        }
    }
}

impl std::fmt::Display for StockSeverity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One selection at or under its critical or low level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "iqtech", get_all, frozen, dict)
)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
pub struct LowStockRow {
    /// Critical or low.
    pub severity: StockSeverity,
    /// The machine's WTN serial number (`control_board_serial_no`).
    pub serial_no: Option<String>,
    /// The machine's name.
    pub machine_name: Option<String>,
    /// The machine's location.
    pub location: Option<String>,
    /// The selection (slot).
    pub selection: Option<String>,
    /// The product in it.
    pub product_name: Option<String>,
    /// The product's item number.
    pub product_item_number: Option<String>,
    /// Items in the selection now.
    pub current_count: i64,
    /// The level that triggered: the critical level for critical rows, the low level for low.
    pub level: i64,
    /// The selection's critical level as sent.
    pub critical_level: Option<i64>,
    /// The selection's low level as sent.
    pub low_level: Option<i64>,
    /// The selection's par level as sent.
    pub par_level: Option<i64>,
    /// The selection's capacity as sent.
    pub max_depth: Option<i64>,
    /// How far under the level: `level - current_count` (0 when exactly at it).
    pub shortfall: i64,
    /// Items to add to reach the par level, or the capacity when no par level is set
    /// (`None` when neither is set).
    pub refill: Option<i64>,
}

/// The severity of one planogram entry under the module's rule, or `None` when its stock is
/// fine (or its count or levels are not set).
pub fn entry_severity(entry: &PlanogramEntry) -> Option<(StockSeverity, i64)> {
    let count = entry.current_count?;
    let set = |level: Option<i64>| level.filter(|l| *l > 0);
    if let Some(level) = set(entry.critical_level).filter(|l| count <= *l) {
        return Some((StockSeverity::Critical, level));
    }
    set(entry.low_level)
        .filter(|l| count <= *l)
        .map(|level| (StockSeverity::Low, level))
}

/// The low-stock rows of one machine, in planogram order (not sorted).
pub fn machine_low_stock(machine: &MachinePlanogram) -> Vec<LowStockRow> {
    let m = &machine.machine;
    machine
        .machine_planogram
        .iter()
        .filter_map(|entry| {
            let (severity, level) = entry_severity(entry)?;
            let count = entry.current_count?;
            let target = entry
                .par_level
                .filter(|p| *p > 0)
                .or(entry.max_depth.filter(|d| *d > 0));
            Some(LowStockRow {
                severity,
                serial_no: m.control_board_serial_no.clone(),
                machine_name: m.machine_name.clone(),
                location: m.location.clone(),
                selection: entry.selection.clone(),
                product_name: entry.product_name.clone(),
                product_item_number: entry.product_item_number.clone(),
                current_count: count,
                level,
                critical_level: entry.critical_level,
                low_level: entry.low_level,
                par_level: entry.par_level,
                max_depth: entry.max_depth,
                shortfall: level - count,
                refill: target.map(|t| (t - count).max(0)),
            })
        })
        .collect()
}

/// Sorts rows worst first (see the module documentation for the order).
pub fn sort_worst_first(rows: &mut [LowStockRow]) {
    rows.sort_by(worst_first);
}

/// The "worst first" order: severity, fill ratio, shortfall, serial number, selection.
pub fn worst_first(a: &LowStockRow, b: &LowStockRow) -> Ordering {
    a.severity
        .cmp(&b.severity)
        // a.count / a.level < b.count / b.level, compared exactly (levels are > 0).
        .then_with(|| {
            (i128::from(a.current_count) * i128::from(b.level))
                .cmp(&(i128::from(b.current_count) * i128::from(a.level)))
        })
        .then_with(|| b.shortfall.cmp(&a.shortfall))
        .then_with(|| a.serial_no.cmp(&b.serial_no))
        .then_with(|| compare_selection(a.selection.as_deref(), b.selection.as_deref()))
}

fn compare_selection(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => match (x.trim().parse::<i64>(), y.trim().parse::<i64>()) {
            (Ok(p), Ok(q)) => p.cmp(&q),
            _ => x.cmp(y),
        },
        _ => a.cmp(&b),
    }
}

/// Every selection at or under its critical or low level, across `machines`, worst first.
pub fn low_stock(machines: &[MachinePlanogram]) -> Vec<LowStockRow> {
    let mut rows: Vec<LowStockRow> = machines.iter().flat_map(machine_low_stock).collect();
    sort_worst_first(&mut rows);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::Machine;

    fn entry(sel: &str, count: i64, critical: i64, low: i64) -> PlanogramEntry {
        PlanogramEntry {
            selection: Some(sel.into()),
            current_count: Some(count),
            critical_level: Some(critical),
            low_level: Some(low),
            par_level: Some(0),
            max_depth: Some(20),
            ..Default::default()
        }
    }

    fn machine(serial: &str, entries: Vec<PlanogramEntry>) -> MachinePlanogram {
        MachinePlanogram {
            machine: Machine {
                control_board_serial_no: Some(serial.into()),
                ..Default::default()
            },
            machine_planogram: entries,
        }
    }

    #[test]
    fn severity_rule_including_unset_levels() {
        assert_eq!(
            entry_severity(&entry("1", 2, 5, 6)),
            Some((StockSeverity::Critical, 5))
        );
        assert_eq!(
            entry_severity(&entry("1", 5, 5, 6)),
            Some((StockSeverity::Critical, 5))
        );
        assert_eq!(
            entry_severity(&entry("1", 6, 5, 6)),
            Some((StockSeverity::Low, 6))
        );
        assert_eq!(entry_severity(&entry("1", 7, 5, 6)), None);
        // Levels of 0 are "not set" (the document's virtual tracker), even at count 0.
        assert_eq!(entry_severity(&entry("1", 0, 0, 0)), None);
        // Only a low level set.
        assert_eq!(
            entry_severity(&entry("1", 0, 0, 3)),
            Some((StockSeverity::Low, 3))
        );
        let mut no_count = entry("1", 0, 5, 6);
        no_count.current_count = None;
        assert_eq!(entry_severity(&no_count), None);
    }

    #[test]
    fn worst_first_order() {
        let machines = vec![
            machine(
                "WTN2",
                vec![
                    entry("110", 3, 2, 4),  // low, 3/4
                    entry("104", 1, 2, 4),  // critical, 1/2
                    entry("102", 0, 1, 3),  // critical, 0/1, shortfall 1
                    entry("108", 10, 2, 4), // fine
                ],
            ),
            machine(
                "WTN1",
                vec![
                    entry("9", 0, 3, 5),   // critical, 0/3, shortfall 3
                    entry("10", 1, 2, 4),  // critical, 1/2 (ties WTN2/104 → serial decides)
                    entry("100", 2, 1, 4), // low, 2/4
                ],
            ),
        ];
        let rows = low_stock(&machines);
        let keys: Vec<_> = rows
            .iter()
            .map(|r| {
                format!(
                    "{}:{}:{}",
                    r.severity,
                    r.serial_no.as_deref().unwrap(),
                    r.selection.as_deref().unwrap()
                )
            })
            .collect();
        assert_eq!(
            keys,
            [
                "critical:WTN1:9",
                "critical:WTN2:102",
                "critical:WTN1:10",
                "critical:WTN2:104",
                "low:WTN1:100",
                "low:WTN2:110",
            ]
        );
        assert_eq!(rows[0].shortfall, 3);
        assert_eq!(rows[0].refill, Some(20), "no par level: refill to capacity");
    }

    #[test]
    fn selections_sort_numerically() {
        let machines = vec![machine(
            "W",
            vec![
                entry("100", 0, 1, 2),
                entry("20", 0, 1, 2),
                entry("3", 0, 1, 2),
            ],
        )];
        let sels: Vec<_> = low_stock(&machines)
            .into_iter()
            .map(|r| r.selection.unwrap())
            .collect();
        assert_eq!(sels, ["3", "20", "100"]);
    }
}
