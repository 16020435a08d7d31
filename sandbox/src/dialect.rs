//! [`Dialect`]: which reading of the vendor document the sandbox plays, for each place the
//! document reads two ways (the SDK's `docs/api-notes.md`, "Either reading").
//!
//! The first value of every setting is the **strict** reading, the one that breaks a naive
//! client, and is the default: a client that passes the sandbox's tests under the default and
//! under [`Dialect::opposite`] works under every reading. The binary takes
//! `--dialect key=value,...` or `--dialect opposite` ([`Dialect::parse`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::settings::SettingsError;

macro_rules! setting {
    ($(#[$doc:meta])* $name:ident { $(#[$sdoc:meta])* $strict:ident = $stext:literal, $(#[$odoc:meta])* $other:ident = $otext:literal $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        pub enum $name {
            $(#[$sdoc])*
            #[default]
            $strict,
            $(#[$odoc])*
            $other,
        }

        impl $name {
            /// The other reading.
            pub fn opposite(self) -> Self {
                match self {
                    Self::$strict => Self::$other,
                    Self::$other => Self::$strict,
                }
            }

            /// The value's snake_case name.
            pub fn as_str(self) -> &'static str {
                match self {
                    Self::$strict => $stext,
                    Self::$other => $otext,
                }
            }

            fn parse(key: &str, text: &str) -> Result<Self, SettingsError> {
                match text {
                    $stext => Ok(Self::$strict),
                    $otext => Ok(Self::$other),
                    _ => Err(SettingsError::new(
                        format!("dialect.{key}"),
                        format!("{text:?} is not one of {:?}, {:?}", $stext, $otext),
                    )),
                }
            }
        }
    };
}

setting!(
    /// W3 v2 (§3.3): which path of "reservable selections" answers for the v2 generation.
    W3Path {
        /// Only the legacy path answers; `/api/2.0/WillCall/GetReservableSelections/…` is a bare
        /// 404 (the document's only example URL has no `/2.0/`).
        Legacy = "legacy",
        /// The `/api/2.0/` path answers.
        V2 = "v2",
    }
);

setting!(
    /// W5/L5 (§3.5): which query parameter the reserved-locker report reads the page from.
    PageParam {
        /// `page` (the parameter list); `pageNumber` is ignored.
        Page = "page",
        /// `pageNumber` (the example); `page` is ignored.
        PageNumber = "page_number",
    }
);

setting!(
    /// E6 (§2.6): which method the lookup answers; the other gets 405.
    E6Method {
        /// POST (the example), with the criteria in the query.
        Post = "post",
        /// GET (the heading).
        Get = "get",
    }
);

setting!(
    /// T1 (§5): where the transaction report puts `metaData`.
    T1Meta {
        /// `result.metaData`, beside `transactionReport`.
        Result = "result",
        /// `result.transactionReport.metaData`.
        Report = "report",
    }
);

setting!(
    /// E4 (§2.4): what a PUT does with members missing from the body.
    PutMode {
        /// Replaces the record: missing members are cleared (texts to none, bools per
        /// `missing_bool`); the required ones must be present.
        Replace = "replace",
        /// Merges: missing members keep their values.
        Merge = "merge",
    }
);

setting!(
    /// E2/E4 (§2.2, §2.4): how a missing `bool` member is read (ASP.NET's model binder).
    MissingBool {
        /// As `false`: creating an employee without `active` creates an inactive one.
        DefaultFalse = "default_false",
        /// Kept: `active` defaults to true on create, and keeps its value on a merging update.
        Keep = "keep",
    }
);

setting!(
    /// Empty lists (E1, M1, T1 pages past the data, W2, W3).
    EmptyAnswer {
        /// 204 with no body.
        NoContent = "no_content",
        /// The envelope with `result: null` (W2/W3 too, instead of their bare `[]`).
        Null = "null",
    }
);

/// The environment variable that sets the default dialect of every sandbox (see
/// [`Dialect::from_env`]).
pub const ENV_DIALECT: &str = "IQTECH_SANDBOX_DIALECT";

/// Which reading of the document the sandbox plays; every member defaults to its strict value.
///
/// JSON (in [`SandboxSettings::dialect`](crate::SandboxSettings::dialect)):
/// `{"w3_path": "v2", "e6_method": "get"}`; members left out keep their default.
///
/// In Kotlin/Swift every member must be given (uniffi has no enum defaults for records made
/// by proc-macros): use `parseDialect("opposite")` or `parseDialect("w3_path=v2")`, which read
/// the form of [`Dialect::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase", optional_fields = nullable)
)]
pub struct Dialect {
    /// W3 v2 path: `legacy` (default) or `v2`.
    pub w3_path: W3Path,
    /// W5/L5 page parameter: `page` (default) or `page_number`.
    pub w5_page_param: PageParam,
    /// E6 method: `post` (default) or `get`.
    pub e6_method: E6Method,
    /// T1 metaData: `result` (default) or `report`.
    pub t1_meta: T1Meta,
    /// E4 PUT: `replace` (default) or `merge`.
    pub put: PutMode,
    /// Missing bools in E2/E4: `default_false` (default) or `keep`.
    pub missing_bool: MissingBool,
    /// Empty lists: `no_content` (default) or `null`.
    pub empty: EmptyAnswer,
}

impl Dialect {
    /// Every setting flipped to its other reading.
    pub fn opposite(self) -> Self {
        Dialect {
            w3_path: self.w3_path.opposite(),
            w5_page_param: self.w5_page_param.opposite(),
            e6_method: self.e6_method.opposite(),
            t1_meta: self.t1_meta.opposite(),
            put: self.put.opposite(),
            missing_bool: self.missing_bool.opposite(),
            empty: self.empty.opposite(),
        }
    }

    /// The dialect every sandbox starts with unless told otherwise: [`Dialect::default`] (the
    /// strict reading), or what the environment variable [`ENV_DIALECT`] says in the form
    /// [`Dialect::parse`] reads (`opposite`, `key=value,...`). The variable lets one build run
    /// every language's sandbox suite again under another reading (`scripts/test-dialects.sh`).
    /// A value that does not parse is reported on stderr and ignored.
    pub fn from_env() -> Self {
        match std::env::var(ENV_DIALECT) {
            Ok(text) => Dialect::parse(&text).unwrap_or_else(|e| {
                eprintln!("iqtech-sandbox: ignoring {ENV_DIALECT}: {e}");
                Dialect::default()
            }),
            Err(_) => Dialect::default(),
        }
    }

    /// Reads the binary's `--dialect` text: `opposite`, `default`, or `key=value,...` (keys and
    /// values as in JSON; unnamed keys keep their default). Fails naming `dialect.<key>`.
    pub fn parse(text: &str) -> Result<Self, SettingsError> {
        let text = text.trim();
        match text {
            "opposite" => return Ok(Dialect::default().opposite()),
            "default" | "" => return Ok(Dialect::default()),
            _ => {}
        }
        let mut d = Dialect::default();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').ok_or_else(|| {
                SettingsError::new("dialect", format!("{pair:?} is not key=value"))
            })?;
            let (key, value) = (key.trim(), value.trim());
            match key {
                "w3_path" => d.w3_path = W3Path::parse(key, value)?,
                "w5_page_param" => d.w5_page_param = PageParam::parse(key, value)?,
                "e6_method" => d.e6_method = E6Method::parse(key, value)?,
                "t1_meta" => d.t1_meta = T1Meta::parse(key, value)?,
                "put" => d.put = PutMode::parse(key, value)?,
                "missing_bool" => d.missing_bool = MissingBool::parse(key, value)?,
                "empty" => d.empty = EmptyAnswer::parse(key, value)?,
                other => {
                    return Err(SettingsError::new(
                        "dialect",
                        format!("unknown key {other:?} (w3_path, w5_page_param, e6_method, t1_meta, put, missing_bool, empty)"),
                    ))
                }
            }
        }
        Ok(d)
    }
}

impl fmt::Display for Dialect {
    /// `w3_path=legacy,w5_page_param=page,...`: the form [`Dialect::parse`] reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "w3_path={},w5_page_param={},e6_method={},t1_meta={},put={},missing_bool={},empty={}",
            self.w3_path.as_str(),
            self.w5_page_param.as_str(),
            self.e6_method.as_str(),
            self.t1_meta.as_str(),
            self.put.as_str(),
            self.missing_bool.as_str(),
            self.empty.as_str()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_strict_and_opposite_flips_everything() {
        let d = Dialect::default();
        assert_eq!(
            d.to_string(),
            "w3_path=legacy,w5_page_param=page,e6_method=post,t1_meta=result,put=replace,missing_bool=default_false,empty=no_content"
        );
        let o = d.opposite();
        assert_eq!(
            o.to_string(),
            "w3_path=v2,w5_page_param=page_number,e6_method=get,t1_meta=report,put=merge,missing_bool=keep,empty=null"
        );
        assert_eq!(o.opposite(), d);
        assert_eq!(Dialect::parse("opposite").unwrap(), o);
        assert_eq!(Dialect::parse(&o.to_string()).unwrap(), o);
    }

    #[test]
    fn parse_and_json_name_the_bad_key() {
        let d = Dialect::parse("e6_method=get, empty=null").unwrap();
        assert_eq!((d.e6_method, d.empty), (E6Method::Get, EmptyAnswer::Null));
        assert_eq!(d.w3_path, W3Path::Legacy);
        assert_eq!(
            Dialect::parse("put=patch").unwrap_err().field,
            "dialect.put"
        );
        assert_eq!(Dialect::parse("nope=1").unwrap_err().field, "dialect");
        let j: Dialect = serde_json::from_str(r#"{"w5_page_param":"page_number"}"#).unwrap();
        assert_eq!(j.w5_page_param, PageParam::PageNumber);
        assert!(serde_json::from_str::<Dialect>(r#"{"w3":"v2"}"#).is_err());
    }
}
