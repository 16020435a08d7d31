//! Will Call: locker reservations, their access codes, statuses and history (W1–W6, L1–L6).
//!
//! Both API generations share this one store, so a reservation made through either is visible
//! through both.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::machines::Machines;
use crate::seed::SeedRng;

/// `reservationType` of a reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReservationType {
    Release,
    Exchange,
    Pickup,
    DropOff,
}

impl ReservationType {
    /// Parses the document's spelling, ignoring case, spaces and dashes.
    pub(crate) fn parse(s: &str) -> Option<Self> {
        let norm: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match norm.as_str() {
            "release" => Some(Self::Release),
            "exchange" => Some(Self::Exchange),
            "pickup" => Some(Self::Pickup),
            "dropoff" => Some(Self::DropOff),
            _ => None,
        }
    }

    /// The document's spelling.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Release => "Release",
            Self::Exchange => "Exchange",
            Self::Pickup => "Pickup",
            Self::DropOff => "DropOff",
        }
    }

    /// How many assignees a reservation of this type lists.
    pub(crate) fn assignees(self) -> usize {
        match self {
            Self::Release => 1,
            Self::Pickup | Self::DropOff => 2,
            Self::Exchange => 3,
        }
    }

    /// The role of assignee `i` when the request leaves it blank.
    fn default_role(self, i: usize) -> &'static str {
        match (self, i) {
            (Self::Release, _) => "Pickup",
            (_, 0) => "DropOff",
            (Self::Exchange, 1) => "Exchange",
            _ => "Pickup",
        }
    }

    /// `currentStatus` of an open reservation (W2/L2).
    pub(crate) fn pending_status(self) -> &'static str {
        match self {
            Self::DropOff | Self::Exchange => "Drop Off Pending",
            Self::Pickup | Self::Release => "Pick Up Pending",
        }
    }

    /// `activity` of an open reservation in the reports (W5/L5).
    fn pending_activity(self) -> &'static str {
        match self {
            Self::DropOff | Self::Exchange => "Stock Pending",
            Self::Pickup | Self::Release => "Pick Up Pending",
        }
    }
}

/// A string member that clients may also send as a number (`selection`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum TextOrNumber {
    /// `"164"`.
    Text(String),
    /// `164`.
    Number(serde_json::Number),
}

impl TextOrNumber {
    fn text(&self) -> String {
        match self {
            TextOrNumber::Text(s) => s.trim().to_string(),
            TextOrNumber::Number(n) => n.to_string(),
        }
    }
}

/// One entry of `externalReserveLockerDetailList`, or the body of W6/L6.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Assignee {
    pub assignee_type: Option<String>,
    pub contact_number: Option<String>,
    pub country_dial_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    pub email: Option<String>,
    pub user_id: Option<String>,
    pub name: Option<String>,
    pub role: Option<String>,
    pub send_bar_code: Option<bool>,
    pub description: Option<String>,
}

/// The body of W1/L1.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReservationBody {
    pub createdby_user: Option<String>,
    pub selection: Option<TextOrNumber>,
    pub reservation_type: Option<String>,
    pub send_code: Option<String>,
    pub location_name: Option<String>,
    pub serial_number: Option<String>,
    pub product_name: Option<String>,
    pub external_reserve_locker_detail_list: Option<Vec<Assignee>>,
}

/// An entry of `accessCodes`: one user's code.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AccessCode {
    pub user_name: String,
    pub role: String,
    pub access_codes: String,
    pub bar_code: String,
}

/// `result` of W1/W4/L1/L4.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CodesResult {
    pub reserve_locker_id: String,
    pub access_codes: Vec<AccessCode>,
    pub message: &'static str,
}

/// An item of W2 (`reserveLockerId` is left out for L2).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StatusItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserve_locker_id: Option<String>,
    pub selection: String,
    pub current_status: &'static str,
}

/// An entry of `reservationDetails` (W5/L5).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReportEntry {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub selection: String,
    pub product_name: String,
    pub activity: &'static str,
    pub timestamp: String,
    pub reserved_user: String,
    pub role: String,
    pub assignee: String,
    pub assignee_type: String,
    pub date_string: String,
}

/// One reservation.
#[derive(Debug, Clone)]
pub(crate) struct Reservation {
    pub id: String,
    pub machine: usize,
    pub selection: u32,
    pub kind: ReservationType,
    pub send_code: String,
    pub location_name: String,
    pub created_by: String,
    pub product_name: String,
    pub assignees: Vec<Assignee>,
    pub codes: Vec<AccessCode>,
    pub created: NaiveDateTime,
    pub recalled: bool,
}

/// A snapshot of a reservation for the sandbox's own inspection API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
pub struct ReservationInfo {
    /// The reservation's GUID (`reserveLockerId`).
    pub reserve_locker_id: String,
    /// Control board serial number of the machine.
    pub serial_number: String,
    /// Locker selection.
    pub selection: String,
    /// `Release`, `Exchange`, `Pickup` or `DropOff`.
    pub reservation_type: String,
    /// `sendCode` (`SMS`, `EMAIL`, `BOTH`, `NONE`).
    pub send_code: String,
    /// `locationName` as given (the machine's location when left out).
    pub location_name: String,
    /// `currentStatus` as W2 reports it, or `"Recalled"`.
    pub status: String,
    /// The access codes now valid, one per assignee (empty once recalled).
    pub access_codes: Vec<String>,
}

/// Why a Will Call operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WillCallError {
    /// No machine has the serial number.
    UnknownSerial,
    /// `reservationType` is missing or not one of the four.
    InvalidType,
    /// `sendCode` is not SMS, EMAIL, BOTH or NONE.
    InvalidSendCode,
    /// The selection is not a free locker of the machine.
    InvalidSelection,
    /// The assignee list has the wrong length for the reservation type.
    AssigneeCount(ReservationType),
    /// No reservation has that id.
    UnknownReservation,
    /// The reservation was already recalled.
    Recalled,
}

impl WillCallError {
    /// The server's message.
    pub(crate) fn message(&self) -> String {
        match self {
            Self::UnknownSerial => "Invalid Serial Number".into(),
            Self::InvalidType => "Invalid Reservation Type".into(),
            Self::InvalidSendCode => "Invalid Send Code".into(),
            Self::InvalidSelection => "Invalid Selection".into(),
            Self::AssigneeCount(t) => format!(
                "Invalid Assignee Details: a {} reservation needs {} assignee(s)",
                t.name(),
                t.assignees()
            ),
            Self::UnknownReservation => "Invalid Reservation Locker Id".into(),
            Self::Recalled => "Invalid Operation!".into(),
        }
    }
}

/// All reservations, oldest first.
#[derive(Debug, Default)]
pub(crate) struct WillCall {
    list: Vec<Reservation>,
    by_id: HashMap<String, usize>,
    barcodes: u64,
}

fn display_role(role: &str) -> String {
    match role.to_ascii_lowercase().as_str() {
        "dropoff" => "Drop Off".into(),
        "pickup" => "Pick Up".into(),
        _ => role.to_string(),
    }
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl WillCall {
    /// Two open reservations on every machine that has lockers, made in 2024.
    pub(crate) fn seeded(rng: &mut SeedRng, machines: &Machines, barcode_base: &str) -> WillCall {
        let mut wc = WillCall::default();
        for (i, m) in machines.all().iter().enumerate() {
            if m.lockers.is_empty() {
                continue;
            }
            for (n, kind) in ["DropOff", "Release"].iter().enumerate() {
                let body = ReservationBody {
                    createdby_user: Some("Seed Script".into()),
                    selection: Some(TextOrNumber::Text(m.lockers[n * 3 + (i % 3)].to_string())),
                    reservation_type: Some((*kind).into()),
                    send_code: Some("NONE".into()),
                    location_name: Some(m.location.clone()),
                    serial_number: Some(m.serial.clone()),
                    product_name: None,
                    external_reserve_locker_detail_list: Some(
                        (0..ReservationType::parse(kind).map_or(1, |t| t.assignees()))
                            .map(|k| Assignee {
                                assignee_type: Some("Employee".into()),
                                name: Some(format!("Seeded Assignee {}", k + 1)),
                                ..Default::default()
                            })
                            .collect(),
                    ),
                };
                let created =
                    chrono::NaiveDate::from_ymd_opt(2024, 1 + (i % 12) as u32, 1 + n as u32 * 10)
                        .and_then(|d| d.and_hms_opt(9 + n as u32, 30, 0))
                        .expect("valid date");
                // Seeded requests are valid by construction.
                let _ = wc.add(machines, &body, created, rng, barcode_base);
            }
        }
        wc
    }

    fn new_codes(
        &mut self,
        r: &Reservation,
        rng: &mut SeedRng,
        created: NaiveDateTime,
        base: &str,
    ) -> Vec<AccessCode> {
        let in_use: Vec<String> = self
            .list
            .iter()
            .filter(|o| o.machine == r.machine && !o.recalled)
            .flat_map(|o| o.codes.iter().map(|c| c.access_codes.clone()))
            .chain(r.codes.iter().map(|c| c.access_codes.clone()))
            .collect();
        let mut codes: Vec<AccessCode> = Vec::new();
        for (i, a) in r.assignees.iter().enumerate() {
            let code = loop {
                let c = format!("{:06}", 100_000 + rng.below(900_000));
                if !in_use.contains(&c) && !codes.iter().any(|x| x.access_codes == c) {
                    break c;
                }
            };
            self.barcodes += 1;
            let user_name = non_empty(&a.name)
                .or(non_empty(&a.user_id))
                .map_or_else(|| format!("Assignee {}", i + 1), str::to_string);
            let role = non_empty(&a.role)
                .map_or_else(|| r.kind.default_role(i).to_string(), str::to_string);
            codes.push(AccessCode {
                user_name,
                role,
                bar_code: format!(
                    "{}/assets/Uploads/{}_{:06}/{}.png",
                    base.trim_end_matches('/'),
                    created.and_utc().timestamp(),
                    self.barcodes,
                    code
                ),
                access_codes: code,
            });
        }
        codes
    }

    /// W1/L1: books a free locker and issues one code per assignee.
    pub(crate) fn add(
        &mut self,
        machines: &Machines,
        body: &ReservationBody,
        now: NaiveDateTime,
        rng: &mut SeedRng,
        barcode_base: &str,
    ) -> Result<CodesResult, WillCallError> {
        let serial = non_empty(&body.serial_number).ok_or(WillCallError::UnknownSerial)?;
        let (machine, m) = machines.find(serial).ok_or(WillCallError::UnknownSerial)?;
        let kind = non_empty(&body.reservation_type)
            .and_then(ReservationType::parse)
            .ok_or(WillCallError::InvalidType)?;
        let send_code = non_empty(&body.send_code)
            .unwrap_or("NONE")
            .to_ascii_uppercase();
        if !["SMS", "EMAIL", "BOTH", "NONE"].contains(&send_code.as_str()) {
            return Err(WillCallError::InvalidSendCode);
        }
        let selection: u32 = body
            .selection
            .as_ref()
            .and_then(|s| s.text().parse().ok())
            .ok_or(WillCallError::InvalidSelection)?;
        if !self.reservable(machine, machines).contains(&selection)
            || !m.lockers.contains(&selection)
        {
            return Err(WillCallError::InvalidSelection);
        }
        let assignees = body
            .external_reserve_locker_detail_list
            .clone()
            .unwrap_or_default();
        if assignees.len() != kind.assignees() {
            return Err(WillCallError::AssigneeCount(kind));
        }
        let mut r = Reservation {
            id: rng.guid(),
            machine,
            selection,
            kind,
            send_code,
            location_name: non_empty(&body.location_name)
                .unwrap_or(&m.location)
                .to_string(),
            created_by: non_empty(&body.createdby_user).unwrap_or("API").to_string(),
            product_name: non_empty(&body.product_name)
                .unwrap_or("Will Call Item")
                .to_string(),
            assignees,
            codes: Vec::new(),
            created: now,
            recalled: false,
        };
        r.codes = self.new_codes(&r, rng, now, barcode_base);
        let result = CodesResult {
            reserve_locker_id: r.id.clone(),
            access_codes: r.codes.clone(),
            message: "Reservation added successfully",
        };
        self.by_id
            .insert(r.id.to_ascii_lowercase(), self.list.len());
        self.list.push(r);
        Ok(result)
    }

    /// W2/L2: the open reservations of a machine, oldest first.
    pub(crate) fn status(&self, machine: usize, with_id: bool) -> Vec<StatusItem> {
        self.list
            .iter()
            .filter(|r| r.machine == machine && !r.recalled)
            .map(|r| StatusItem {
                reserve_locker_id: with_id.then(|| r.id.clone()),
                selection: r.selection.to_string(),
                current_status: r.kind.pending_status(),
            })
            .collect()
    }

    /// W3/L3: the machine's lockers that no open reservation holds, ascending.
    pub(crate) fn reservable(&self, machine: usize, machines: &Machines) -> Vec<u32> {
        let m = &machines.all()[machine];
        let mut free: Vec<u32> = m
            .lockers
            .iter()
            .copied()
            .filter(|s| {
                !self
                    .list
                    .iter()
                    .any(|r| r.machine == machine && !r.recalled && r.selection == *s)
            })
            .collect();
        free.sort_unstable();
        free
    }

    fn open_mut(&mut self, id: &str) -> Result<usize, WillCallError> {
        let i = *self
            .by_id
            .get(&id.to_ascii_lowercase())
            .ok_or(WillCallError::UnknownReservation)?;
        if self.list[i].recalled {
            return Err(WillCallError::Recalled);
        }
        Ok(i)
    }

    /// W4/L4: replaces every code of an open reservation with a new one.
    pub(crate) fn send_new_code(
        &mut self,
        id: &str,
        now: NaiveDateTime,
        rng: &mut SeedRng,
        barcode_base: &str,
    ) -> Result<CodesResult, WillCallError> {
        let i = self.open_mut(id)?;
        let r = self.list[i].clone();
        let codes = self.new_codes(&r, rng, now, barcode_base);
        self.list[i].codes = codes.clone();
        Ok(CodesResult {
            reserve_locker_id: r.id,
            access_codes: codes,
            message: "New Access Code Generated Successfully",
        })
    }

    /// W6/L6: recalls an open reservation: it leaves the status list, its locker becomes
    /// reservable again and its codes stop working.
    pub(crate) fn recall(&mut self, id: &str) -> Result<(), WillCallError> {
        let i = self.open_mut(id)?;
        self.list[i].recalled = true;
        self.list[i].codes.clear();
        Ok(())
    }

    /// W5/L5: one entry per assignee of every reservation of the machine made between `from`
    /// and `to` (inclusive; `None` leaves that side open), oldest first.
    pub(crate) fn report(
        &self,
        machine: usize,
        from: Option<NaiveDateTime>,
        to: Option<NaiveDateTime>,
    ) -> Vec<ReportEntry> {
        let mut out = Vec::new();
        for r in self.list.iter().filter(|r| r.machine == machine) {
            if from.is_some_and(|f| r.created < f) || to.is_some_and(|t| r.created > t) {
                continue;
            }
            for (i, a) in r.assignees.iter().enumerate() {
                let role = non_empty(&a.role)
                    .map_or_else(|| r.kind.default_role(i).to_string(), str::to_string);
                out.push(ReportEntry {
                    kind: r.kind.name(),
                    selection: r.selection.to_string(),
                    product_name: r.product_name.clone(),
                    activity: if r.recalled {
                        "Recalled"
                    } else {
                        r.kind.pending_activity()
                    },
                    timestamp: r.created.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    reserved_user: r.created_by.clone(),
                    role: display_role(&role),
                    assignee: non_empty(&a.name)
                        .or(non_empty(&a.user_id))
                        .unwrap_or("")
                        .to_string(),
                    assignee_type: non_empty(&a.assignee_type).unwrap_or("Custom").to_string(),
                    date_string: r.created.format("%m/%d/%Y %I:%M %p").to_string(),
                });
            }
        }
        out
    }

    /// Every reservation, for the sandbox's inspection API.
    pub(crate) fn infos(&self, machines: &Machines) -> Vec<ReservationInfo> {
        self.list
            .iter()
            .map(|r| ReservationInfo {
                reserve_locker_id: r.id.clone(),
                serial_number: machines.all()[r.machine].serial.clone(),
                selection: r.selection.to_string(),
                reservation_type: r.kind.name().to_string(),
                send_code: r.send_code.clone(),
                location_name: r.location_name.clone(),
                status: if r.recalled {
                    "Recalled".into()
                } else {
                    r.kind.pending_status().into()
                },
                access_codes: r.codes.iter().map(|c| c.access_codes.clone()).collect(),
            })
            .collect()
    }
}
