//! `iqtech will-call [--legacy] …`

use futures::StreamExt;
use iqtech::{
    Assignee, Reservation, ReservationDetail, ReservationResult, ReservationType,
    ReservedLockerReportQuery, SendCode,
};
use serde::Serialize;

use super::{close, Ctx};
use crate::args::{ReserveArgs, WillCallArgs, WillCallCmd};
use crate::exit::CliError;
use crate::input;
use crate::output::flatten::flatten_with;
use crate::output::{Output, Row, Shape, View};

/// Calls the same method on the current or the legacy generation.
macro_rules! either {
    ($ctx:expr, $legacy:expr, |$g:ident| $body:expr) => {
        if $legacy {
            let $g = $ctx.client.will_call_v1();
            $body
        } else {
            let $g = $ctx.client.will_call();
            $body
        }
    };
}

/// One line of the reserved-locker report: the machine, then the event.
#[derive(Serialize)]
struct ReportRow<'a> {
    machine_name: Option<&'a str>,
    location_name: Option<&'a str>,
    #[serde(flatten)]
    detail: &'a ReservationDetail,
}

const REPORT_VIEW: View = View {
    table_columns: &[
        "machine_name",
        "selection",
        "reservation_type",
        "activity",
        "role",
        "assignee",
        "date_string",
    ],
};

/// Runs a will-call command.
pub async fn run(ctx: &Ctx<'_>, args: WillCallArgs) -> Result<(), CliError> {
    let legacy = args.legacy;
    match args.command {
        WillCallCmd::Reserve(r) => {
            let reservation = reservation(r)?;
            warn_real_messages(ctx, "books a locker and sends its access codes");
            let result = either!(ctx, legacy, |g| g.add_reservation(reservation).await)?;
            print_result(ctx, &result)
        }
        WillCallCmd::Status { serial } => {
            let list = either!(ctx, legacy, |g| g.reservation_status(&serial).await)?;
            let mut out = ctx.output(Shape::Many, View::ALL, None)?;
            let r = list.iter().try_for_each(|s| out.flat_item(s));
            close(out, r)
        }
        WillCallCmd::Selections { serial } => {
            let list = either!(ctx, legacy, |g| g.reservable_selections(&serial).await)?;
            let mut out = ctx.output(Shape::Many, View::ALL, None)?;
            let r = list
                .iter()
                .try_for_each(|n| out.item(n, |n| vec![vec![("selection".into(), n.to_string())]]));
            close(out, r)
        }
        WillCallCmd::NewCode { id } => {
            warn_real_messages(ctx, "replaces the access codes and sends the new ones");
            let result = either!(ctx, legacy, |g| g.send_new_code(&id).await)?;
            print_result(ctx, &result)
        }
        WillCallCmd::Report {
            serial,
            from,
            to,
            paging,
        } => {
            let query = ReservedLockerReportQuery {
                serial_number: serial,
                from_date: from,
                to_date: to,
                page_number: paging.page,
                page_size: Some(paging.page_size),
            };
            let mut out = ctx.output(Shape::Many, REPORT_VIEW, None)?;
            let r = report(ctx, legacy, query, paging.page.is_some(), &mut out).await;
            close(out, r)
        }
        WillCallCmd::Recall { id, assignee, json } => {
            let assignee: Assignee = match (&json, &assignee) {
                (Some(path), _) => input::read_json(path)?,
                (None, Some(spec)) => input::parse_assignee(spec)?,
                (None, None) => {
                    return Err(CliError::Config("--assignee or --json is required".into()))
                }
            };
            let result = either!(ctx, legacy, |g| g.recall_reservation(&id, assignee).await)?;
            let mut out = ctx.output(Shape::One, View::ALL, None)?;
            let r = out.flat_item(&result);
            close(out, r)
        }
    }
}

/// Writes the report: one page, or every page as it arrives.
async fn report(
    ctx: &Ctx<'_>,
    legacy: bool,
    query: ReservedLockerReportQuery,
    one_page: bool,
    out: &mut Output,
) -> Result<(), CliError> {
    let conc = Some(ctx.concurrency());
    let w = ctx.client.will_call();
    let v1 = ctx.client.will_call_v1();
    match (legacy, one_page) {
        (false, true) => v2_page(out, w.reserved_locker_report(query).await?),
        (true, true) => v1_page(out, v1.reserved_locker_report(query).await?),
        (false, false) => {
            let mut pages = w.iter_reserved_locker_report_pages(query, conc)?;
            while let Some(page) = pages.next().await {
                v2_page(out, page?)?;
            }
            Ok(())
        }
        (true, false) => {
            let mut pages = v1.iter_reserved_locker_report_pages(query, conc)?;
            while let Some(page) = pages.next().await {
                v1_page(out, page?)?;
            }
            Ok(())
        }
    }
}

fn v2_page(out: &mut Output, page: iqtech::ReservedLockerReport) -> Result<(), CliError> {
    for m in &page.machine_details {
        for d in &m.reservation_details {
            out.flat_item(&ReportRow {
                machine_name: m.machine_name.as_deref(),
                location_name: m.location_name.as_deref(),
                detail: d,
            })?;
        }
    }
    Ok(())
}

fn v1_page(out: &mut Output, page: iqtech::LegacyReservedLockerReport) -> Result<(), CliError> {
    for d in &page.reservation_details {
        out.flat_item(&ReportRow {
            machine_name: page.machine_name.as_deref(),
            location_name: page.location_name.as_deref(),
            detail: d,
        })?;
    }
    Ok(())
}

/// A reservation result: flat formats show one row per access code.
fn print_result(ctx: &Ctx<'_>, result: &ReservationResult) -> Result<(), CliError> {
    let mut out = ctx.output(Shape::One, View::ALL, None)?;
    let r = out.item(result, |res| {
        let head: Row = vec![
            (
                "reserve_locker_id".into(),
                res.reserve_locker_id.clone().unwrap_or_default(),
            ),
            ("message".into(), res.message.clone().unwrap_or_default()),
        ];
        if res.access_codes.is_empty() {
            return vec![head];
        }
        res.access_codes
            .iter()
            .map(|c| flatten_with(head.clone(), c))
            .collect()
    });
    close(out, r)
}

/// Says on stderr that this reaches real people, unless the sandbox is in use.
fn warn_real_messages(ctx: &Ctx<'_>, what: &str) {
    if !ctx.sandbox() {
        eprintln!(
            "warning: this {what}; against the production API that sends real SMS / e-mail to the assignees"
        );
    }
}

/// The reservation from `--json` or from the flags.
fn reservation(r: ReserveArgs) -> Result<Reservation, CliError> {
    if let Some(path) = &r.json {
        return input::read_json(path);
    }
    let required = |v: Option<String>, flag: &str| {
        v.ok_or_else(|| CliError::Config(format!("{flag} is required (or use --json FILE)")))
    };
    let assignees = r
        .assignee
        .iter()
        .map(|s| input::parse_assignee(s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Reservation {
        createdby_user: r.created_by.unwrap_or_else(|| "iqtech-cli".into()),
        selection: required(r.selection, "--selection")?,
        reservation_type: ReservationType::parse(&required(r.reservation_type, "--type")?),
        send_code: SendCode::parse(r.send_code.as_deref().unwrap_or("NONE")),
        location_name: required(r.location, "--location")?,
        serial_number: required(r.serial, "--serial")?,
        product_name: r.product,
        external_reserve_locker_detail_list: assignees,
    })
}
