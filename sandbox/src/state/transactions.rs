//! Transactions (T1), computed on demand from `(seed, index)`.
//!
//! Transaction `i` (0-based, of `count`) happens at `start + i·step + jitter(i)` where `step` is
//! the history's length divided by `count` and `jitter(i) < step`, so times strictly increase
//! with `i` and a date range is an index range found by binary search. Transaction `i` belongs
//! to machine `i mod machines` (round robin), so the transactions of one machine within an index
//! range are counted and addressed with arithmetic. Nothing is stored per transaction: a page of
//! a million-transaction history costs the same as a page of ten.

use chrono::{DateTime, NaiveDate};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::envelope::money_number;
use crate::seed::{hash3, LIMIT_QUESTIONS, PRODUCTS};

/// Ticks (100 ns, .NET's unit) per second.
const TICKS_PER_SEC: i64 = 10_000_000;

/// What a transaction says about its machine.
#[derive(Debug, Clone)]
pub(crate) struct MachineRef {
    pub serial: String,
    pub name: String,
    pub location: String,
}

/// What a transaction says about its employee.
#[derive(Debug, Clone)]
pub(crate) struct EmployeeRef {
    pub name: String,
    pub number: String,
    pub department: String,
}

/// The generator of the transaction history.
#[derive(Debug)]
pub(crate) struct Transactions {
    seed: u64,
    count: u64,
    start: i64,
    step: i64,
    machines: Vec<MachineRef>,
    employees: Vec<EmployeeRef>,
    organization: String,
    account: String,
}

/// `machineDetails` of a T1 item.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MachineDetails {
    serial_no: String,
    organization: String,
    account: String,
    machine_name: String,
    location: String,
}

/// An entry of `batchDetails`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct BatchDetail {
    lot_number: Option<String>,
    exp_date: Option<String>,
    qty_taken: String,
}

/// An entry of `userLimit`.
#[derive(Debug, Serialize)]
pub(crate) struct UserLimit {
    question: &'static str,
    response: String,
}

/// An entry of `transactionDetails`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TransactionDetail {
    transaction_date_and_time: String,
    employee_name: String,
    employee_number: String,
    product_name: &'static str,
    product_group: &'static str,
    product_group_name: Option<String>,
    offline_purchase: &'static str,
    selection: String,
    manufacturer_name: Option<&'static str>,
    manufacturer_item_number: Option<String>,
    dispensed_quantity: i64,
    second_person_auth: &'static str,
    batch_details: Vec<BatchDetail>,
    user_limit: Vec<UserLimit>,
    price_per_item: Box<RawValue>,
    total: Box<RawValue>,
    item_number: &'static str,
    taken_weight: Option<String>,
    asset_number: Option<String>,
    department: String,
    package_quantity: i64,
    package_price: Box<RawValue>,
}

/// A T1 item: one transaction.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TransactionItem {
    machine_details: MachineDetails,
    transaction_details: Vec<TransactionDetail>,
}

/// A half-open range of transaction indices, optionally restricted to one machine.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Selection {
    lo: u64,
    hi: u64,
    machine: Option<u64>,
    machines: u64,
}

impl Selection {
    /// Index of the first selected transaction, if any.
    fn first(&self) -> Option<u64> {
        let first = match self.machine {
            None => self.lo,
            Some(m) => self.lo + (m + self.machines - self.lo % self.machines) % self.machines,
        };
        (first < self.hi).then_some(first)
    }

    /// Number of selected transactions.
    pub(crate) fn len(&self) -> u64 {
        match (self.first(), self.machine) {
            (None, _) => 0,
            (Some(f), None) => self.hi - f,
            (Some(f), Some(_)) => (self.hi - 1 - f) / self.machines + 1,
        }
    }

    /// Index of the `k`-th selected transaction (`k < len()`).
    pub(crate) fn nth(&self, k: u64) -> u64 {
        let first = self.first().unwrap_or(self.lo);
        match self.machine {
            None => first + k,
            Some(_) => first + k * self.machines,
        }
    }
}

fn ticks_of(date: NaiveDate) -> i64 {
    date.and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp()
        * TICKS_PER_SEC
}

/// Formats ticks since the Unix epoch as `2024-04-25T18:46:51.6717682`.
fn format_ticks(ticks: i64) -> String {
    let secs = ticks.div_euclid(TICKS_PER_SEC);
    let frac = ticks.rem_euclid(TICKS_PER_SEC);
    let dt = DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .naive_utc();
    format!("{}.{frac:07}", dt.format("%Y-%m-%dT%H:%M:%S"))
}

impl Transactions {
    /// A history of `count` transactions over `days` days from `start`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        seed: u64,
        count: u64,
        start: NaiveDate,
        days: u32,
        machines: Vec<MachineRef>,
        employees: Vec<EmployeeRef>,
        organization: String,
        account: String,
    ) -> Transactions {
        let span = i64::from(days) * 86_400 * TICKS_PER_SEC;
        let step = (span / count.max(1) as i64).max(1);
        Transactions {
            seed,
            count,
            start: ticks_of(start),
            step,
            machines,
            employees,
            organization,
            account,
        }
    }

    /// Time of transaction `i`, in ticks since the Unix epoch.
    fn time_of(&self, i: u64) -> i64 {
        let jitter = (hash3(self.seed, i, 1) % self.step as u64) as i64;
        self.start + i as i64 * self.step + jitter
    }

    /// The first index whose time is at or after `ticks`.
    fn first_at_or_after(&self, ticks: i64) -> u64 {
        let (mut lo, mut hi) = (0u64, self.count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.time_of(mid) < ticks {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The transactions from the start of `from` to the end of `to` (both inclusive, `None`
    /// leaves that side open), of machine `machine` when given.
    pub(crate) fn select(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        machine: Option<usize>,
    ) -> Selection {
        let lo = from.map_or(0, |d| self.first_at_or_after(ticks_of(d)));
        let hi = to.map_or(self.count, |d| {
            d.succ_opt()
                .map_or(self.count, |next| self.first_at_or_after(ticks_of(next)))
        });
        Selection {
            lo,
            hi: hi.max(lo),
            machine: machine.map(|m| m as u64),
            machines: self.machines.len().max(1) as u64,
        }
    }

    /// Transaction `i` in the T1 shape.
    pub(crate) fn item(&self, i: u64) -> TransactionItem {
        let h = |salt: u64| hash3(self.seed, i, salt);
        let m = &self.machines[(i % self.machines.len() as u64) as usize];
        let fallback = EmployeeRef {
            name: "Unknown".into(),
            number: String::new(),
            department: String::new(),
        };
        let e = if self.employees.is_empty() {
            &fallback
        } else {
            &self.employees[(h(2) % self.employees.len() as u64) as usize]
        };
        let p = &PRODUCTS[(h(3) % PRODUCTS.len() as u64) as usize];
        let qty = [1, 1, 1, 1, 2, 3][(h(4) % 6) as usize];
        let lot = h(5) % 3 == 0;
        let limit = h(6) % 2 == 0;
        TransactionItem {
            machine_details: MachineDetails {
                serial_no: m.serial.clone(),
                organization: self.organization.clone(),
                account: self.account.clone(),
                machine_name: m.name.clone(),
                location: m.location.clone(),
            },
            transaction_details: vec![TransactionDetail {
                transaction_date_and_time: format_ticks(self.time_of(i)),
                employee_name: e.name.clone(),
                employee_number: e.number.clone(),
                product_name: p.name,
                product_group: p.group,
                product_group_name: None,
                offline_purchase: if h(7) % 20 == 0 { "Yes" } else { "No" },
                selection: (100 + 2 * (h(8) % 16)).to_string(),
                manufacturer_name: p.manufacturer,
                manufacturer_item_number: p.manufacturer.map(|_| format!("MFG-{}", p.item_number)),
                dispensed_quantity: qty,
                second_person_auth: " ",
                batch_details: vec![BatchDetail {
                    lot_number: lot.then(|| format!("LOT{:05}", h(9) % 100_000)),
                    exp_date: lot.then(|| format!("2026-{:02}-28T00:00:00", 1 + h(10) % 12)),
                    qty_taken: qty.to_string(),
                }],
                user_limit: if limit {
                    vec![UserLimit {
                        question: LIMIT_QUESTIONS[(h(11) % LIMIT_QUESTIONS.len() as u64) as usize],
                        response: (1 + h(12) % 9).to_string(),
                    }]
                } else {
                    Vec::new()
                },
                price_per_item: money_number(p.price_cents),
                total: money_number(p.price_cents * qty),
                item_number: p.item_number,
                taken_weight: None,
                asset_number: None,
                department: e.department.clone(),
                package_quantity: 1,
                package_price: money_number(p.price_cents),
            }],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gen(count: u64, machines: usize) -> Transactions {
        let ms = (0..machines)
            .map(|i| MachineRef {
                serial: format!("WTN{i}"),
                name: format!("M{i}"),
                location: "L".into(),
            })
            .collect();
        Transactions::new(
            7,
            count,
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            10,
            ms,
            Vec::new(),
            "O".into(),
            "A".into(),
        )
    }

    #[test]
    fn selections_match_brute_force() {
        let t = gen(1000, 3);
        let d = |day| NaiveDate::from_ymd_opt(2024, 1, day);
        for (from, to, m) in [
            (d(2), d(4), Some(1)),
            (None, d(1), None),
            (d(5), None, Some(2)),
            (d(11), None, None),
        ] {
            let s = t.select(from, to, m);
            let brute: Vec<u64> = (0..1000)
                .filter(|&i| {
                    let day = DateTime::from_timestamp(t.time_of(i) / TICKS_PER_SEC, 0)
                        .unwrap()
                        .date_naive();
                    from.is_none_or(|f| day >= f)
                        && to.is_none_or(|x| day <= x)
                        && m.is_none_or(|m| i % 3 == m as u64)
                })
                .collect();
            assert_eq!(s.len(), brute.len() as u64);
            for (k, &i) in brute.iter().enumerate() {
                assert_eq!(s.nth(k as u64), i);
            }
        }
    }

    #[test]
    fn times_increase_and_format() {
        let t = gen(100_000, 2);
        assert!((1..1000).all(|i| t.time_of(i) > t.time_of(i - 1)));
        let s = format_ticks(t.time_of(0));
        assert_eq!(s.len(), "2024-04-25T18:46:51.6717682".len());
        assert!(s.starts_with("2024-01-01T"));
    }
}
