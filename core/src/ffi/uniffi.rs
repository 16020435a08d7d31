//! uniffi support for the models (feature `uniffi`): how the types that are not plain data cross
//! the FFI.
//!
//! The models derive `uniffi::Record` / `uniffi::Enum` where they are defined, so the Kotlin and
//! Swift bindings generated from `bindings-ffi` use the core's own types. Four field types are
//! not uniffi-native; each crosses as a `String` through a custom type, and `core/uniffi.toml`
//! maps three of them to the JVM type that keeps their meaning:
//!
//! | Rust | uniffi name | on the wire | Kotlin | Swift |
//! | --- | --- | --- | --- | --- |
//! | [`rust_decimal::Decimal`] (money, quantities) | `ExactDecimal` | plain decimal text, e.g. `"12.50"` | `java.math.BigDecimal` | `String` |
//! | [`chrono::NaiveDate`] (query dates) | `IsoDate` | `YYYY-MM-DD` | `java.time.LocalDate` | `String` |
//! | `chrono::DateTime<Utc>` (`suspend_until`) | `UtcDateTime` | RFC 3339 with `Z` | `java.time.Instant` | `String` |
//! | [`Timestamp`] (server times, raw text kept) | `Timestamp` | the server's text as sent | `String` | `String` |
//!
//! The uniffi names are aliases rather than the Rust names because uniffi names a custom type
//! after its Rust type, and a Swift `typealias Decimal = String` would shadow Foundation's
//! `Decimal` in every file that imports the SDK.
//!
//! Money crosses as text, never as a float, so no cent is lost; a foreign value that does not
//! fit a `Decimal` (more than 28 significant digits) is refused when lifted.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rust_decimal::Decimal;

use crate::models::Timestamp;

/// `rust_decimal::Decimal` under the name the foreign code sees.
type ExactDecimal = Decimal;
/// `chrono::NaiveDate` under the name the foreign code sees.
type IsoDate = NaiveDate;
/// `chrono::DateTime<Utc>` under the name the foreign code sees.
type UtcDateTime = DateTime<Utc>;

uniffi::custom_type!(ExactDecimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Ok(Decimal::from_str_exact(s.trim())?),
});

uniffi::custom_type!(IsoDate, String, {
    remote,
    lower: |d| d.format("%Y-%m-%d").to_string(),
    try_lift: |s| Ok(s.trim().parse::<NaiveDate>()?),
});

uniffi::custom_type!(UtcDateTime, String, {
    remote,
    lower: |t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true),
    try_lift: |s| Ok(DateTime::parse_from_rfc3339(s.trim())?.with_timezone(&Utc)),
});

uniffi::custom_type!(Timestamp, String, {
    lower: |t| String::from(t),
    try_lift: |s| Ok(Timestamp::new(s)),
});

#[cfg(test)]
mod tests {
    use super::*;
    use uniffi::{Lift, Lower};

    type Tag = crate::UniFfiTag;

    fn round_trip<T>(value: T) -> T
    where
        T: Lower<Tag> + Lift<Tag>,
    {
        let mut buf = Vec::new();
        <T as Lower<Tag>>::write(value, &mut buf);
        <T as Lift<Tag>>::try_read(&mut buf.as_slice()).expect("lifts back")
    }

    fn lift<T: Lift<Tag>>(text: &str) -> uniffi::Result<T> {
        let mut buf = Vec::new();
        <String as Lower<Tag>>::write(text.to_owned(), &mut buf);
        <T as Lift<Tag>>::try_read(&mut buf.as_slice())
    }

    #[test]
    fn money_keeps_its_scale_and_every_digit() {
        let d: Decimal = "1234567890.1234567890".parse().unwrap();
        assert_eq!(round_trip(d), d);
        let cents: Decimal = "12.50".parse().unwrap();
        assert_eq!(round_trip(cents).to_string(), "12.50");
        assert_eq!(
            lift::<Decimal>("0.10").unwrap().to_string(),
            "0.10",
            "text from java.math.BigDecimal.toPlainString()"
        );
        assert!(lift::<Decimal>("1.5e3").is_err(), "no scientific notation");
        assert!(lift::<Decimal>("12,50").is_err());
    }

    #[test]
    fn dates_are_iso() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(round_trip(d), d);
        assert_eq!(lift::<NaiveDate>("2024-02-29").unwrap(), d);
        assert!(lift::<NaiveDate>("02-29-2024").is_err());
    }

    #[test]
    fn instants_use_rfc3339_with_z() {
        let t = DateTime::parse_from_rfc3339("2024-03-26T21:25:06.138Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(round_trip(t), t);
        // java.time.Instant.toString() forms.
        assert_eq!(
            lift::<DateTime<Utc>>("2024-03-26T21:25:06.138Z").unwrap(),
            t
        );
        assert!(lift::<DateTime<Utc>>("2024-03-26T21:25:06Z").is_ok());
        assert!(lift::<DateTime<Utc>>("yesterday").is_err());
    }

    #[test]
    fn timestamps_keep_the_raw_text() {
        let raw = "2024-04-24T16:06:57.6305139";
        assert_eq!(round_trip(Timestamp::new(raw)).as_str(), raw);
        assert_eq!(
            lift::<Timestamp>("not a time").unwrap().as_str(),
            "not a time"
        );
    }
}
