//! Machines: the seeded fleet, their planograms (M1) and their locker banks (Will Call).

use serde::Serialize;

use crate::envelope::money_text;
use crate::seed::{Product, SeedRng, LOCATIONS, PRODUCTS};

/// One planogram slot.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub selection: u32,
    pub product: Product,
    pub critical_level: i64,
    pub low_level: i64,
    pub par_level: i64,
    pub max_depth: i64,
    pub current_count: i64,
}

/// One machine.
#[derive(Debug, Clone)]
pub(crate) struct Machine {
    pub name: String,
    pub serial: String,
    pub location: String,
    pub machine_type: i64,
    pub status: bool,
    pub last_activity: String,
    pub control_board_version: Option<String>,
    pub planogram: Vec<Slot>,
    /// Selections of the locker bank (empty for machines without lockers).
    pub lockers: Vec<u32>,
}

/// `machine` of an M1 item.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MachineInfo {
    machine_name: String,
    control_board_serial_no: String,
    machine_serial_no: Option<String>,
    location: String,
    machine_type: i64,
    status: bool,
    last_activity: String,
    control_board_version: Option<String>,
}

/// An entry of `machinePlanogram`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PlanogramEntry {
    selection: String,
    product_name: &'static str,
    product_item_number: &'static str,
    critical_level: i64,
    low_level: i64,
    par_level: i64,
    max_depth: i64,
    current_count: i64,
    price: String,
}

/// An M1 item: one machine and its planogram.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PlanogramItem {
    machine: MachineInfo,
    machine_planogram: Vec<PlanogramEntry>,
}

const MACHINE_KINDS: &[(i64, &str)] = &[
    (2, "Touchscreen"),
    (1, "Keypad"),
    (2, "Locker Bank"),
    (3, "Virtual Tracker"),
];

/// The fleet, in a fixed order.
#[derive(Debug, Default)]
pub(crate) struct Machines {
    list: Vec<Machine>,
}

impl Machines {
    /// `count` machines drawn from `rng`. Machines of type 3 (virtual trackers) have no
    /// lockers; every other machine has lockers 162, 164, …, 206. About a fifth of the slots
    /// are at or under their critical level and another fifth at or under their low level.
    pub(crate) fn seeded(rng: &mut SeedRng, count: usize) -> Machines {
        let mut list = Vec::with_capacity(count);
        for i in 0..count {
            let (machine_type, kind) = MACHINE_KINDS[i % MACHINE_KINDS.len()];
            let location = rng.pick(LOCATIONS).to_string();
            let serial = if machine_type == 3 {
                format!("WTNV{}", rng.digits(11))
            } else {
                format!("WTN{}", rng.digits(17))
            };
            let slots = 8 + rng.below(17) as u32;
            let planogram = (0..slots)
                .map(|s| {
                    let product = *rng.pick(PRODUCTS);
                    let max_depth = rng.range(8, 30);
                    let critical_level = rng.range(1, 4);
                    let low_level = critical_level + rng.range(1, 4);
                    let current_count = match rng.below(5) {
                        0 => rng.range(0, critical_level),
                        1 => rng.range(critical_level + 1, low_level),
                        _ => rng.range(low_level + 1, max_depth),
                    };
                    Slot {
                        selection: 100 + 2 * s,
                        product,
                        critical_level,
                        low_level,
                        par_level: if rng.chance(0.5) { max_depth } else { 0 },
                        max_depth,
                        current_count,
                    }
                })
                .collect();
            let day = rng.range(1, 28);
            let last_activity = format!(
                "2024-{:02}-{:02}T{:02}:{:02}:{:02}.{}",
                rng.range(1, 12),
                day,
                rng.range(0, 23),
                rng.range(0, 59),
                rng.range(0, 59),
                rng.digits(7)
            );
            list.push(Machine {
                name: format!(
                    "{kind} {} #{}",
                    location.split(' ').next().unwrap_or("Site"),
                    i + 1
                ),
                serial,
                location,
                machine_type,
                status: i % 7 != 6,
                last_activity,
                control_board_version: (machine_type != 3)
                    .then(|| (5100 + rng.below(100)).to_string()),
                planogram,
                lockers: if machine_type == 3 {
                    Vec::new()
                } else {
                    (162..=206).step_by(2).collect()
                },
            });
        }
        Machines { list }
    }

    /// All machines.
    pub(crate) fn all(&self) -> &[Machine] {
        &self.list
    }

    /// Number of machines.
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// The machine whose control board serial number is `serial` (ignoring case).
    pub(crate) fn find(&self, serial: &str) -> Option<(usize, &Machine)> {
        self.list
            .iter()
            .enumerate()
            .find(|(_, m)| m.serial.eq_ignore_ascii_case(serial))
    }

    /// The M1 item of machine `index`.
    pub(crate) fn planogram_item(&self, index: usize) -> PlanogramItem {
        let m = &self.list[index];
        PlanogramItem {
            machine: MachineInfo {
                machine_name: m.name.clone(),
                control_board_serial_no: m.serial.clone(),
                machine_serial_no: None,
                location: m.location.clone(),
                machine_type: m.machine_type,
                status: m.status,
                last_activity: m.last_activity.clone(),
                control_board_version: m.control_board_version.clone(),
            },
            machine_planogram: m
                .planogram
                .iter()
                .map(|s| PlanogramEntry {
                    selection: s.selection.to_string(),
                    product_name: s.product.name,
                    product_item_number: s.product.item_number,
                    critical_level: s.critical_level,
                    low_level: s.low_level,
                    par_level: s.par_level,
                    max_depth: s.max_depth,
                    current_count: s.current_count,
                    price: money_text(s.product.price_cents),
                })
                .collect(),
        }
    }
}
