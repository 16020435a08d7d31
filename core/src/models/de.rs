//! Tolerant decoders for fields whose JSON type the vendor's server does not keep steady.
//!
//! The document shows money as `"0.00"` in one place and `0.00` in another, quantities as `"1"`
//! and `1`, `badge` as `""` and `null` (API-NOTES quirks 6 and 8). One odd value must not fail a
//! whole page, so scalar fields go through these functions: each accepts every spelling seen, and
//! turns a value it cannot use into `None` rather than an error.

use rust_decimal::Decimal;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt::{self, Write as _};
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
///
/// Hot path of every page: a string is copied once, straight from the input (no intermediate
/// [`Scalar`]).
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(V)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            ScalarVisitor.visit_seq(seq).map(|_| None)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            ScalarVisitor.visit_map(map).map(|_| None)
        }
    }
    d.deserialize_any(V)
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
/// Hot path (three or four per dispense): a string is parsed where it lies and a number's text
/// is written on the stack, so no value allocates.
pub fn opt_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<Decimal>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(decimal_text(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
            Ok(decimal_f64(v))
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(V)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            ScalarVisitor.visit_seq(seq).map(|_| None)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            ScalarVisitor.visit_map(map).map(|_| None)
        }
    }
    d.deserialize_any(V)
}

/// A decimal from text (trimmed; plain or scientific notation); `None` if it is not one.
fn decimal_text(s: &str) -> Option<Decimal> {
    let t = s.trim();
    Decimal::from_str(t)
        .or_else(|_| Decimal::from_scientific(t))
        .ok()
}

/// A decimal from a JSON number read as `f64`: its shortest round-trip text (`Display`), as
/// plain or scientific notation.
///
/// Fast path, same result: for the smallest scale `s` (0 to 6) where `m = round(f·10^s)` gives
/// back `f` as `m / 10^s` (IEEE division rounds exactly as parsing the text `m·10^-s` does), that
/// text round-trips; with `|m| < 2^50` no other integer is that close, and no shorter text exists
/// (it would have passed at a smaller `s`), so it is the shortest text, digit for digit.
fn decimal_f64(f: f64) -> Option<Decimal> {
    if f == 0.0 && f.is_sign_positive() {
        return Some(Decimal::ZERO);
    }
    if f.is_finite() && f != 0.0 {
        let mut scale = 1.0f64;
        for s in 0..=6u32 {
            let m = (f * scale).round();
            if m.abs() >= (1u64 << 50) as f64 {
                break;
            }
            if m / scale == f {
                return Some(Decimal::new(m as i64, s));
            }
            scale *= 10.0;
        }
    }
    let mut buf = StackText::<64>::new();
    if write!(buf, "{f}").is_err() {
        // Longer than the buffer (a tiny or huge value written out): the old reading exactly.
        return Decimal::from_str(&f.to_string())
            .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
            .ok();
    }
    if let Ok(d) = Decimal::from_str(buf.as_str()) {
        return Some(d);
    }
    let mut buf = StackText::<64>::new();
    match write!(buf, "{f:e}") {
        Ok(()) => Decimal::from_scientific(buf.as_str()).ok(),
        Err(_) => Decimal::from_scientific(&format!("{f:e}")).ok(),
    }
}

/// A fixed-size text buffer for `write!` (fails instead of growing).
struct StackText<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> StackText<N> {
    fn new() -> Self {
        Self {
            buf: [0; N],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever appended.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl<const N: usize> fmt::Write for StackText<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > N {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
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

    /// The reading before the allocation-free decoders, kept to check them against.
    fn old_decimal(json: &str) -> Option<Decimal> {
        match serde_json::from_str::<serde_json::Value>(json).unwrap() {
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Some(Decimal::from(i))
                } else if let Some(u) = n.as_u64() {
                    Some(Decimal::from(u))
                } else {
                    let f = n.as_f64().unwrap();
                    Decimal::from_str(&f.to_string())
                        .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
                        .ok()
                }
            }
            serde_json::Value::String(s) => {
                let t = s.trim();
                Decimal::from_str(t)
                    .or_else(|_| Decimal::from_scientific(t))
                    .ok()
            }
            _ => None,
        }
    }

    #[test]
    fn decimals_read_exactly_as_before() {
        for json in [
            "0.00",
            "0.0",
            "-0.0",
            "12.50",
            "12.10",
            "0.1",
            "-25.00",
            "1",
            "-7",
            "100.0",
            "18446744073709551615",
            "1e5",
            "1.5E-7",
            "1e20",
            "1e300",
            "123456789.123456",
            "0.000001",
            "9007199254740993.5",
            r#""0.00""#,
            r#"" 12.50 ""#,
            r#""1e3""#,
            r#""abc""#,
            r#""""#,
            "true",
            "null",
            "[1]",
            r#"{"a":1}"#,
        ] {
            let new = probe(&format!(r#"{{"money":{json}}}"#)).money;
            let old = old_decimal(json);
            assert_eq!(new, old, "{json}");
            assert_eq!(
                new.map(|d| d.to_string()),
                old.map(|d| d.to_string()),
                "{json}"
            );
        }
    }

    #[test]
    fn fast_number_path_matches_the_shortest_text_on_many_values() {
        let slow = |f: f64| {
            Decimal::from_str(&f.to_string())
                .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
                .ok()
        };
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        for i in 0..200_000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = match i % 4 {
                // Money as the server writes it: cents, and sub-cent prices.
                0 => (x % 100_000_000) as f64 / 100.0,
                1 => -((x % 1_000_000) as f64) / 10_000.0,
                // Arbitrary doubles of every magnitude.
                2 => f64::from_bits(x),
                _ => (x % 1_000_000_000_000) as f64 / 1e6 * if x & 1 == 0 { 1.0 } else { 1e-3 },
            };
            if !f.is_finite() {
                continue;
            }
            let (fast, old) = (decimal_f64(f), slow(f));
            assert_eq!(fast, old, "{f:e}");
            assert_eq!(
                fast.map(|d| d.to_string()),
                old.map(|d| d.to_string()),
                "{f:e}"
            );
        }
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
