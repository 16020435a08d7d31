//! Types shared by several API groups: paging metadata, languages, timestamps and the
//! string-valued enums that must keep values this SDK does not know yet.

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

use super::de;

/// The `metaData` block of a paged answer (named `meta` here).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "iqtech", get_all, frozen, dict)
)]
pub struct PageMeta {
    /// Index (1-based, over all items) of this page's first item.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub first_item_on_page: Option<i64>,
    /// Whether a later page exists.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub has_next_page: Option<bool>,
    /// Whether an earlier page exists.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub has_previous_page: Option<bool>,
    /// Whether this is page 1.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub is_first_page: Option<bool>,
    /// Whether this is the last page.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub is_last_page: Option<bool>,
    /// Index of this page's last item.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub last_item_on_page: Option<i64>,
    /// Number of pages at this page size.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub page_count: Option<i64>,
    /// This page's number (1-based).
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub page_number: Option<i64>,
    /// The page size in force.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub page_size: Option<i64>,
    /// Number of items over all pages.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub total_item_count: Option<i64>,
    /// Number of items on this page.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub this_page_item_count: Option<i64>,
    /// Same as `first_item_on_page` in every example seen.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub item_start: Option<i64>,
    /// Index of this page's last item.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub item_end: Option<i64>,
}

/// A timestamp exactly as the server sent it, with tolerant parsing on demand.
///
/// The server writes `2024-04-24T16:06:57.6305139` (seven fractional digits, no offset) while
/// requests use `…Z` (API-NOTES quirk 7). The raw text is always kept, so one odd value never
/// fails a page; [`Timestamp::naive`] and [`Timestamp::offset`] interpret it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    /// Wraps raw text (any text is accepted; parsing happens on demand).
    pub fn new(raw: impl Into<String>) -> Self {
        Self(raw.into())
    }

    /// The text as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The wall-clock time written, ignoring any offset; `None` if the text is not a timestamp.
    pub fn naive(&self) -> Option<NaiveDateTime> {
        self.parts().map(|(naive, _)| naive)
    }

    /// The offset written (`Z` is zero); `None` when the text has none (the server's usual form).
    pub fn offset(&self) -> Option<FixedOffset> {
        self.parts().and_then(|(_, offset)| offset)
    }

    /// [`Timestamp::naive`] and [`Timestamp::offset`] from one reading of the text; `None` if
    /// the text is not a timestamp.
    pub fn parts(&self) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
        match server_form(self.0.as_bytes()) {
            Some(naive) => Some((naive, None)),
            None => chrono_form(&self.0),
        }
    }
}

/// Any form chrono reads: RFC 3339 with an offset, or a naive time with `T` or a space.
fn chrono_form(text: &str) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    let text = text.trim();
    if let Ok(aware) = DateTime::parse_from_rfc3339(text) {
        return Some((aware.naive_local(), Some(*aware.offset())));
    }
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f"))
        .ok()
        .map(|naive| (naive, None))
}

/// The server's own form, `yyyy-MM-ddTHH:mm:ss` with 1 to 9 fractional digits or none, read
/// directly (chrono's format-string parser is most of the cost of reading a timestamp, and this
/// is nearly every timestamp the server sends). `None` for anything else, which then takes
/// chrono's path: whatever this accepts, chrono reads the same way (a test checks).
fn server_form(b: &[u8]) -> Option<NaiveDateTime> {
    fn num(b: &[u8]) -> Option<u32> {
        b.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    }
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let nanos = match &b[19..] {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            num(digits)? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    let second = num(&b[17..19])?;
    if second > 59 {
        return None; // a leap second: chrono's rules
    }
    let date = chrono::NaiveDate::from_ymd_opt(
        i32::try_from(num(&b[..4])?).ok()?,
        num(&b[5..7])?,
        num(&b[8..10])?,
    )?;
    let time =
        chrono::NaiveTime::from_hms_nano_opt(num(&b[11..13])?, num(&b[14..16])?, second, nanos)?;
    Some(NaiveDateTime::new(date, time))
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Timestamp {
    fn from(s: String) -> Self {
        Self(s)
    }
}

impl From<Timestamp> for String {
    fn from(t: Timestamp) -> Self {
        t.0
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self(String::deserialize(d)?))
    }
}

/// An optional timestamp that tolerates non-string values (they become `None`).
pub(crate) fn opt_timestamp<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Timestamp>, D::Error> {
    Ok(de::opt_string(d)?.filter(|s| !s.is_empty()).map(Timestamp))
}

/// Declares a string-valued enum that keeps values it does not know in `Other`.
macro_rules! open_enum {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of the SDK does not know, kept as sent.
            Other {
                /// The value as the server or caller wrote it.
                value: String,
            },
        }

        impl $name {
            /// Every value this SDK knows, in the spelling the server uses.
            pub const KNOWN: &'static [&'static str] = &[$($text),+];

            /// This enum in the table of every binding's enums ([`crate::ENUMS`]).
            pub const SPEC: $crate::models::EnumSpec = $crate::models::EnumSpec {
                name: stringify!($name),
                doc: $crate::operations::trim_doc(concat!($($doc, "\n"),*)),
                values: &[$((stringify!($variant), $text)),+],
            };

            /// The spelling the server uses.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)+
                    Self::Other { value } => value,
                }
            }

            /// Parses the server's spelling (case-insensitively); unknown text becomes `Other`.
            pub fn parse(text: &str) -> Self {
                $(if text.eq_ignore_ascii_case($text) { return Self::$variant; })+
                Self::Other { value: text.to_owned() }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(Self::parse(&<String as ::serde::Deserialize>::deserialize(d)?))
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::parse(s))
            }
        }

        #[cfg(feature = "typescript")]
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                stringify!($name).to_owned()
            }
            fn inline(_: &ts_rs::Config) -> String {
                $crate::models::common::ts_open_union(Self::KNOWN)
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                format!("type {} = {};", Self::name(cfg), Self::inline(cfg))
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(concat!(stringify!($name), ".ts").into())
            }
        }
    };
}
pub(crate) use open_enum;

/// The TypeScript type of an open enum: its known spellings, and any other string (`string & {}`
/// keeps editor completion for the known ones).
#[cfg(feature = "typescript")]
pub(crate) fn ts_open_union(known: &[&str]) -> String {
    let mut parts: Vec<String> = known.iter().map(|k| format!("'{k}'")).collect();
    parts.push("(string & {})".to_owned());
    parts.join(" | ")
}

/// Language is an open union of its names in TypeScript (requests also take the integer code).
#[cfg(feature = "typescript")]
impl ts_rs::TS for Language {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "Language".to_owned()
    }
    fn inline(_: &ts_rs::Config) -> String {
        ts_open_union(&["English", "Spanish", "French"])
    }
    fn decl(cfg: &ts_rs::Config) -> String {
        format!("type Language = {};", Self::inline(cfg))
    }
    fn decl_concrete(cfg: &ts_rs::Config) -> String {
        Self::decl(cfg)
    }
    fn output_path() -> Option<std::path::PathBuf> {
        Some("Language.ts".into())
    }
}

/// An employee's language (document section 1.5): `0` English, `1` Spanish, `2` French.
///
/// The server sends the integer in lookups and the name in the employee list (quirk 5); both
/// decode here, and unknown values are kept. Requests carry the integer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Language {
    /// `0`, "English".
    English,
    /// `1`, "Spanish".
    Spanish,
    /// `2`, "French".
    French,
    /// A code or name this SDK does not know, kept as sent.
    Other {
        /// The value as sent (a number is kept as its digits).
        value: String,
    },
}

impl Language {
    /// This enum in the table of every binding's enums ([`crate::ENUMS`]).
    pub const SPEC: super::EnumSpec = super::EnumSpec {
        name: "Language",
        doc: "An employee's language (the API sends the integer code or the name; both read here).",
        values: &[
            ("English", "English"),
            ("Spanish", "Spanish"),
            ("French", "French"),
        ],
    };

    /// The integer code the API expects in requests; `None` for an unknown non-numeric name.
    pub fn code(&self) -> Option<i64> {
        match self {
            Self::English => Some(0),
            Self::Spanish => Some(1),
            Self::French => Some(2),
            Self::Other { value } => value.trim().parse().ok(),
        }
    }

    /// The English name, or the raw value for an unknown one.
    pub fn name(&self) -> &str {
        match self {
            Self::English => "English",
            Self::Spanish => "Spanish",
            Self::French => "French",
            Self::Other { value } => value,
        }
    }

    /// From the integer code.
    pub fn from_code(code: i64) -> Self {
        match code {
            0 => Self::English,
            1 => Self::Spanish,
            2 => Self::French,
            other => Self::Other {
                value: other.to_string(),
            },
        }
    }

    /// From a name (case-insensitive) or the digits of a code.
    pub fn parse(text: &str) -> Self {
        let t = text.trim();
        if let Ok(code) = t.parse::<i64>() {
            return Self::from_code(code);
        }
        for known in [Self::English, Self::Spanish, Self::French] {
            if t.eq_ignore_ascii_case(known.name()) {
                return known;
            }
        }
        Self::Other {
            value: text.to_owned(),
        }
    }

    /// Serializes as the integer code, the form requests carry.
    pub(crate) fn serialize_code<S: Serializer>(
        value: &Option<Language>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value.as_ref().map(|l| (l, l.code())) {
            Some((_, Some(code))) => s.serialize_i64(code),
            Some((l, None)) => s.serialize_str(l.name()),
            None => s.serialize_none(),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Serializes as the name (`"English"`): the readable form for output.
impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match de::opt_string(d)? {
            Some(s) => Ok(Self::parse(&s)),
            None => Err(serde::de::Error::custom(
                "language must be a number or a name",
            )),
        }
    }
}

/// An optional language that tolerates `null` and odd types.
pub(crate) fn opt_language<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Language>, D::Error> {
    Ok(de::opt_string(d)?.map(|s| Language::parse(&s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_decodes_number_or_name_and_keeps_unknowns() {
        let v: Vec<Language> = serde_json::from_str(r#"[0,"Spanish",2,"Klingon",7]"#).unwrap();
        assert_eq!(
            v,
            vec![
                Language::English,
                Language::Spanish,
                Language::French,
                Language::Other {
                    value: "Klingon".into()
                },
                Language::Other { value: "7".into() },
            ]
        );
        assert_eq!(v[4].code(), Some(7));
    }

    #[test]
    fn timestamp_tolerates_seven_digits_and_missing_offset() {
        let t = Timestamp::new("2024-04-24T16:06:57.6305139");
        let n = t.naive().unwrap();
        assert_eq!(n.to_string(), "2024-04-24 16:06:57.630513900");
        assert_eq!(t.offset(), None);
        let z = Timestamp::new("2024-03-26T21:25:06.138Z");
        assert_eq!(z.offset().unwrap().local_minus_utc(), 0);
        assert!(Timestamp::new("12/13/2023 06:00 PM").naive().is_none());
    }

    #[test]
    fn the_server_form_reads_as_chrono_reads_it() {
        let chrono_reading = chrono_form;
        let mut texts = vec![
            "2024-04-24T16:06:57.6305139".to_owned(),
            "2024-04-24T16:06:57".to_owned(),
            "2024-04-24T16:06:57.".to_owned(),
            "2024-04-24T16:06:57.1234567891".to_owned(),
            "2024-02-29T00:00:00.1".to_owned(),
            "2023-02-29T00:00:00".to_owned(),
            "2024-13-01T00:00:00".to_owned(),
            "2024-12-31T23:59:60".to_owned(),
            "2024-12-31T24:00:00".to_owned(),
            "2024-1-31T23:59:59".to_owned(),
            "+2024-01-31T23:59:59".to_owned(),
            " 2024-04-24T16:06:57.63 ".to_owned(),
            "2024-04-24 16:06:57.63".to_owned(),
            "2024-04-24T16:06:57.63Z".to_owned(),
            "2024-04-24T16:06:57.63+02:00".to_owned(),
            "2024-04-24T16:06:5a".to_owned(),
            "0000-01-01T00:00:00".to_owned(),
            "2024-04-24T16:06:57.000000001".to_owned(),
        ];
        for digits in 0..=10 {
            for (date, time) in [("2024-04-05", "01:02:03"), ("1999-12-31", "23:59:59")] {
                let fraction = "9876543210"[..digits].to_owned();
                let dot = if digits == 0 { "" } else { "." };
                texts.push(format!("{date}T{time}{dot}{fraction}"));
            }
        }
        for text in &texts {
            let t = Timestamp::new(text.as_str());
            assert_eq!(t.parts(), chrono_reading(text), "{text:?}");
            if let Some(fast) = server_form(text.as_bytes()) {
                assert_eq!(Some((fast, None)), chrono_reading(text), "{text:?}");
            }
        }
        assert!(server_form(b"2024-04-24T16:06:57.6305139").is_some());
    }
}
