//! Request parsing shared by the API routes: query parameters (names ignore case, as in
//! ASP.NET), paging, dates, GUIDs and JSON bodies, each failing with the server's error shape.

// The error of these parsers is the finished HTTP response, returned once per request: its
// size does not matter.
#![allow(clippy::result_large_err)]

use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::envelope::{self, Kind};

/// The largest page size the server accepts.
pub(crate) const MAX_PAGE_SIZE: u64 = 100;
/// Page size when the request gives none.
pub(crate) const DEFAULT_PAGE_SIZE: u64 = 20;

/// Query parameters of one request.
#[derive(Debug, Default)]
pub(crate) struct Query(Vec<(String, String)>);

impl Query {
    /// Parses a raw query string (an unparsable one counts as empty).
    pub(crate) fn parse(raw: Option<&str>) -> Query {
        Query(
            raw.map(|q| serde_urlencoded::from_str(q).unwrap_or_default())
                .unwrap_or_default(),
        )
    }

    /// The first non-blank value of `key` (any case), trimmed.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    /// An integer parameter; a non-integer is refused with ProblemDetails, as model binding
    /// does.
    pub(crate) fn int(&self, key: &str) -> Result<Option<i64>, Response> {
        self.get(key)
            .map(|v| {
                v.parse::<i64>().map_err(|_| {
                    envelope::problem_field(key, format!("The value '{v}' is not valid."))
                })
            })
            .transpose()
    }

    /// A boolean parameter (`true`/`false`, any case).
    pub(crate) fn bool(&self, key: &str) -> Result<Option<bool>, Response> {
        self.get(key)
            .map(|v| match v.to_ascii_lowercase().as_str() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(envelope::problem_field(
                    key,
                    format!("The value '{v}' is not valid."),
                )),
            })
            .transpose()
    }

    /// Page number and size from `page_key`/`size_key` (defaults 1 and 20); a page below 1 or
    /// a size outside 1–100 is a 400 envelope error.
    pub(crate) fn paging(&self, page_key: &str, size_key: &str) -> Result<(u64, u64), Response> {
        let page = self.int(page_key)?.unwrap_or(1);
        let size = self.int(size_key)?.unwrap_or(DEFAULT_PAGE_SIZE as i64);
        if page < 1 {
            return Err(envelope::error(
                StatusCode::BAD_REQUEST,
                400,
                "Page number must be 1 or greater",
                Kind::WithResult,
            ));
        }
        if size < 1 || size as u64 > MAX_PAGE_SIZE {
            return Err(envelope::error(
                StatusCode::BAD_REQUEST,
                400,
                "Page size must be between 1 and 100",
                Kind::WithResult,
            ));
        }
        Ok((page as u64, size as u64))
    }

    /// A date parameter in the document's `MM-dd-yyyy` (also `MM/dd/yyyy`, `yyyy-MM-dd` and an
    /// ISO date-time, whose date part is used); anything else is a 400 envelope error.
    pub(crate) fn date(&self, key: &str) -> Result<Option<NaiveDate>, Response> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let iso_date = v
            .get(..10)
            .filter(|_| v.len() > 10 && v.as_bytes()[10] == b'T');
        ["%m-%d-%Y", "%m/%d/%Y", "%Y-%m-%d"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(v, f).ok())
            .or_else(|| iso_date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()))
            .map(Some)
            .ok_or_else(|| {
                envelope::error(
                    StatusCode::BAD_REQUEST,
                    400,
                    &format!("Invalid {key} '{v}': expected MM-dd-yyyy"),
                    Kind::WithResult,
                )
            })
    }
}

/// Parses a GUID in any of .NET's common forms (`D`, `N`, `B`, `P`); returns it in the `D`
/// form, lower case.
pub(crate) fn parse_guid(s: &str) -> Option<String> {
    let s = s.trim();
    let inner = s
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .or_else(|| s.strip_prefix('(').and_then(|r| r.strip_suffix(')')))
        .unwrap_or(s);
    let hex: String = match inner.len() {
        32 => inner.to_string(),
        36 => {
            let b = inner.as_bytes();
            if [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
                return None;
            }
            inner.replace('-', "")
        }
        _ => return None,
    };
    if hex.len() != 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let h = hex.to_ascii_lowercase();
    Some(format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    ))
}

/// Parses a JSON body; an empty or malformed one is refused with ProblemDetails, as ASP.NET
/// does for `[FromBody]`.
pub(crate) fn json_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Response> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(envelope::problem_field(
            "",
            "A non-empty request body is required.".into(),
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        envelope::problem_field("$", format!("The JSON value could not be converted: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_and_dates() {
        let d = "e395e821-11d9-4a18-6b22-08dc49049684";
        assert_eq!(parse_guid(d).as_deref(), Some(d));
        assert_eq!(
            parse_guid("E395E82111D94A186B2208DC49049684").as_deref(),
            Some(d)
        );
        assert_eq!(
            parse_guid("{e395e821-11d9-4a18-6b22-08dc49049684}").as_deref(),
            Some(d)
        );
        assert!(parse_guid("00000000").is_none());
        let q = Query::parse(Some("fromDate=06-21-2022&TODATE=2022-06-22&x=bad"));
        assert_eq!(
            q.date("FromDate").unwrap(),
            NaiveDate::from_ymd_opt(2022, 6, 21)
        );
        assert_eq!(
            q.date("toDate").unwrap(),
            NaiveDate::from_ymd_opt(2022, 6, 22)
        );
        assert!(q.date("x").is_err());
        assert!(Query::parse(Some("pageSize=101"))
            .paging("page", "pageSize")
            .is_err());
        assert!(Query::parse(Some("page=0"))
            .paging("page", "pageSize")
            .is_err());
    }
}
