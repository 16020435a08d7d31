//! Tolerant decoders for fields whose JSON type the vendor's server does not keep steady.
//!
//! The document shows money as `"0.00"` in one place and `0.00` in another, quantities as `"1"`
//! and `1`, `badge` as `""` and `null` (API-NOTES quirks 6 and 8). One odd value must not fail a
//! whole page, so scalar fields go through these functions: each accepts every spelling seen, and
//! turns a value it cannot use into `None` rather than an error.

use rust_decimal::Decimal;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

/// A JSON scalar of any type, as seen by the tolerant decoders.
enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Other,
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::UInt(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
    d.deserialize_any(ScalarVisitor)
}

/// A string, or a number/bool written as text; `null`, arrays and objects become `None`.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Str(s) => Some(s),
        Scalar::Int(i) => Some(i.to_string()),
        Scalar::UInt(u) => Some(u.to_string()),
        Scalar::Float(f) => Some(f.to_string()),
        Scalar::Bool(b) => Some(b.to_string()),
        Scalar::Null | Scalar::Other => None,
    })
}

/// A calendar date of a request: `YYYY-MM-DD`, or an RFC 3339 timestamp taken as its UTC date
/// (how the Node binding passes a JavaScript `Date`). Anything else is an error naming the forms.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<chrono::NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    parse_date(&text).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "{text:?} is not a date: use YYYY-MM-DD (or a timestamp such as 2024-03-01T00:00:00Z)"
        ))
    })
}

/// [`date`], optional (`null` is `None`).
pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<chrono::NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_date(&text).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{text:?} is not a date: use YYYY-MM-DD (or a timestamp such as 2024-03-01T00:00:00Z)"
            ))
        }),
    }
}

/// Parses a request date: `YYYY-MM-DD`, or an RFC 3339 timestamp taken as its UTC date. `None`
/// for anything else.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    let t = text.trim();
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            chrono::DateTime::parse_from_rfc3339(t)
                .ok()
                .map(|dt| dt.with_timezone(&chrono::Utc).date_naive())
        })
}

/// An integer, from a number or a numeric string.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Int(i) => Some(i),
        Scalar::UInt(u) => i64::try_from(u).ok(),
        Scalar::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(f as i64),
        Scalar::Str(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// A boolean, from `true`/`false`, `"true"`/`"false"`, `"yes"`/`"no"` or `1`/`0`.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Bool(b) => Some(b),
        Scalar::Int(i) => Some(i != 0),
        Scalar::UInt(u) => Some(u != 0),
        Scalar::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Some(true),
            "false" | "no" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    })
}

/// An exact decimal, from a string (`"0.00"`) or a JSON number (`12.50`).
///
/// A JSON number reaches us as an `f64`; its shortest round-trip text is the text the server
/// wrote for any amount with up to 15 significant digits, so parsing that text keeps it exact.
pub fn opt_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Int(i) => Some(Decimal::from(i)),
        Scalar::UInt(u) => Some(Decimal::from(u)),
        Scalar::Float(f) => Decimal::from_str(&f.to_string())
            .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
            .ok(),
        Scalar::Str(s) => {
            let t = s.trim();
            Decimal::from_str(t)
                .or_else(|_| Decimal::from_scientific(t))
                .ok()
        }
        _ => None,
    })
}

/// A list that may be `null`; `null` becomes empty.
pub fn vec_or_null<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// A nested object that may be `null` (e.g. `metaData: null` on an empty page); `null` becomes
/// its default, like an absent field, instead of failing the whole answer.
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "opt_decimal")]
        money: Option<Decimal>,
        #[serde(default, deserialize_with = "opt_i64")]
        qty: Option<i64>,
        #[serde(default, deserialize_with = "opt_string")]
        text: Option<String>,
        #[serde(default, deserialize_with = "opt_bool")]
        flag: Option<bool>,
    }

    fn probe(json: &str) -> Probe {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn money_is_exact_from_string_or_number() {
        assert_eq!(probe(r#"{"money":"0.00"}"#).money, Some(Decimal::ZERO));
        assert_eq!(
            probe(r#"{"money":12.10}"#).money.unwrap().to_string(),
            "12.1"
        );
        assert_eq!(
            probe(r#"{"money":0.1}"#).money,
            Some(Decimal::from_str("0.1").unwrap())
        );
        assert_eq!(probe(r#"{"money":"abc"}"#).money, None);
    }

    #[test]
    fn odd_types_do_not_fail_the_record() {
        let p = probe(r#"{"qty":"1","text":5,"flag":"No"}"#);
        assert_eq!(p.qty, Some(1));
        assert_eq!(p.text.as_deref(), Some("5"));
        assert_eq!(p.flag, Some(false));
        let p = probe(r#"{"qty":[1],"text":{"a":1},"flag":null}"#);
        assert_eq!((p.qty, p.text, p.flag), (None, None, None));
    }
}
