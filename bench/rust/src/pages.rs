//! The fixed pages the benchmark serves, in the vendor document's shapes (E1 and T1).
//!
//! Values vary per item (names, numbers, times, money) like the sandbox's seeded data, so no
//! decoder can win by caching one string. Money is written as JSON numbers with two decimals
//! (`12.50`, as the document's T1 example and the sandbox do), quantities as numbers and
//! `qtyTaken` as the string `"1"` (quirk 6). A page body is `head + metaData + tail`, so a
//! server can give every page number its own `metaData` without rebuilding the items.

use std::fmt::Write;

/// JSON string literal of `s`.
fn js(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// `cents` as a JSON number with two decimals.
fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// A small deterministic mixer, so values vary without a random crate.
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_add(0xD1B5_4A32_D192_ED03);
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 29)
}

const FIRST: &[&str] = &[
    "Paul",
    "Maria",
    "Brydan",
    "Haizel",
    "Oluwaseun",
    "Chen",
    "Ana",
];
const LAST: &[&str] = &[
    "Murphy", "France", "Garcia", "Nakamura", "Okafor", "Schmidt",
];
const DEPTS: &[&str] = &[
    "Service",
    "DEPT 1",
    "Maintenance",
    "Assembly Line 4",
    "Shipping",
];
const PRODUCTS: &[&str] = &[
    "Phase 6",
    "Nitrile Gloves, Large",
    "Safety Glasses Clear",
    "Cut Resistant Sleeve 18in",
    "Drill Bit 1/4 Cobalt",
];

/// `metaData` of page `page` (1-based) of `total` items at `size` per page.
pub fn meta(page: u64, size: u64, total: u64) -> String {
    let count = total.div_ceil(size).max(1);
    let first = (page - 1) * size + 1;
    let here = total.saturating_sub((page - 1) * size).min(size);
    let last = first + here.saturating_sub(1);
    format!(
        "{{\"firstItemOnPage\":{first},\"hasNextPage\":{},\"hasPreviousPage\":{},\
         \"isFirstPage\":{},\"isLastPage\":{},\"lastItemOnPage\":{last},\"pageCount\":{count},\
         \"pageNumber\":{page},\"pageSize\":{size},\"totalItemCount\":{total},\
         \"thisPageItemCount\":{here},\"itemStart\":{first},\"itemEnd\":{last}}}",
        page < count,
        page > 1,
        page == 1,
        page >= count,
    )
}

/// A page split around its `metaData`: `head`, then the metadata JSON, then `tail`.
pub struct Template {
    /// Everything before the metadata value.
    pub head: Vec<u8>,
    /// Everything after it.
    pub tail: Vec<u8>,
}

impl Template {
    /// The whole body for one page.
    pub fn body(&self, meta: &str) -> Vec<u8> {
        let mut b = Vec::with_capacity(self.head.len() + meta.len() + self.tail.len());
        b.extend_from_slice(&self.head);
        b.extend_from_slice(meta.as_bytes());
        b.extend_from_slice(&self.tail);
        b
    }
}

const TAIL: &str = "},\"isSuccess\":true,\"errors\":null,\"error\":null,\"exception\":null}";

/// E1: `{result: {items: [...100 employees], metaData}, isSuccess, ...}` (~16 KB).
pub fn employees(n: u64) -> Template {
    let mut s = String::from("{\"result\":{\"items\":[");
    for i in 0..n {
        let h = mix(i, 1);
        if i > 0 {
            s.push(',');
        }
        let badge = if h.is_multiple_of(3) {
            "null".to_owned()
        } else if h % 3 == 1 {
            "\"\"".to_owned()
        } else {
            format!("\"B{:06}\"", h % 1_000_000)
        };
        write!(
            s,
            "{{\"firstName\":{},\"lastName\":{},\"employeeNumber\":\"{}\",\"badge\":{badge},\
             \"language\":\"{}\",\"active\":{},\"department\":{}}}",
            js(FIRST[(h % 7) as usize]),
            js(LAST[(h / 7 % 6) as usize]),
            100_000 + i * 37,
            ["English", "Spanish", "French"][(h / 42 % 3) as usize],
            !h.is_multiple_of(5),
            js(DEPTS[(h / 126 % 5) as usize]),
        )
        .unwrap();
    }
    s.push_str("],\"metaData\":");
    Template {
        head: s.into_bytes(),
        tail: TAIL.as_bytes().to_vec(),
    }
}

/// T1: `{result: {transactionReport: {items: [...], metaData}}, isSuccess, ...}` with `n`
/// transactions of `dispenses` dispenses each (100 × 3 is ~216 KB).
pub fn transactions(n: u64, dispenses: u64) -> Template {
    let mut s = String::from("{\"result\":{\"transactionReport\":{\"items\":[");
    for i in 0..n {
        let h = mix(i, 2);
        if i > 0 {
            s.push(',');
        }
        write!(
            s,
            "{{\"machineDetails\":{{\"serialNo\":\"WTN4224664112016{:04}\",\"organization\":\"EMS\",\
             \"account\":\"Mason Testing :)\",\"machineName\":\"Test Machine Waukee Keypad-{}\",\
             \"location\":\"Waukee Test Office, Building {}\"}},\"transactionDetails\":[",
            h % 10_000,
            h % 9 + 1,
            h % 4 + 1,
        )
        .unwrap();
        for d in 0..dispenses {
            let g = mix(i, 100 + d);
            if d > 0 {
                s.push(',');
            }
            let qty = g % 4 + 1;
            let price = g % 5000 + 25;
            let lot = if g.is_multiple_of(2) {
                format!("\"LOT-{:05}\"", g % 100_000)
            } else {
                "null".to_owned()
            };
            write!(
                s,
                "{{\"transactionDateAndTime\":\"2024-04-{:02}T{:02}:{:02}:{:02}.{:07}\",\
                 \"employeeName\":{},\"employeeNumber\":\"{}\",\"productName\":{},\
                 \"productGroup\":\"Phase Releases \",\"productGroupName\":null,\
                 \"offlinePurchase\":\"{}\",\"selection\":\"{}\",\"manufacturerName\":{},\
                 \"manufacturerItemNumber\":{},\"dispensedQuantity\":{qty},\
                 \"secondPersonAuth\":\" \",\"batchDetails\":[{{\"lotNumber\":{lot},\
                 \"expDate\":null,\"qtyTaken\":\"1\"}}],\"userLimit\":[{{\"question\":\"TESTING\",\
                 \"response\":\"{}\"}}],\"pricePerItem\":{},\"total\":{},\"itemNumber\":\"{}\",\
                 \"takenWeight\":null,\"assetNumber\":null,\"department\":{},\
                 \"packageQuantity\":{},\"packagePrice\":{}}}",
                g % 28 + 1,
                g % 24,
                g / 24 % 60,
                g / 1440 % 60,
                g % 10_000_000,
                js(&format!(
                    "{}, {}",
                    LAST[(g % 6) as usize],
                    FIRST[(g / 6 % 7) as usize]
                )),
                10_000 + g % 90_000,
                js(PRODUCTS[(g / 42 % 5) as usize]),
                if g.is_multiple_of(3) { "No" } else { "Yes" },
                100 + g % 60,
                if g.is_multiple_of(2) {
                    "\"3M Company\"".to_owned()
                } else {
                    "null".to_owned()
                },
                if g.is_multiple_of(2) {
                    format!("\"MFR-{}\"", g % 1_000_000)
                } else {
                    "null".to_owned()
                },
                g % 10,
                money(price),
                money(price * qty),
                g % 900 + 10,
                js(DEPTS[(g / 210 % 5) as usize]),
                g % 12 + 1,
                money(price * 12),
            )
            .unwrap();
        }
        s.push_str("]}");
    }
    s.push_str("],\"metaData\":");
    Template {
        head: s.into_bytes(),
        tail: format!("}}{TAIL}").into_bytes(),
    }
}
