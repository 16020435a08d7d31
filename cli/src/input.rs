//! Reading request input: JSON files (or stdin), assignee specs, PINs from stdin.

use std::io::Read;
use std::path::Path;

use iqtech::{Assignee, AssigneeType};
use serde::de::DeserializeOwned;

use crate::exit::CliError;

/// Reads a JSON document from `path` (`-`: stdin) into a core request model. The models refuse
/// unknown keys, so a mistyped key is named in the error (exit 5).
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T, CliError> {
    let text = if path == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| CliError::Config(format!("cannot read stdin: {e}")))?;
        s
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| CliError::Config(format!("cannot read {}: {e}", path.display())))?
    };
    serde_json::from_str(&text).map_err(|e| CliError::Config(format!("{}: {e}", path.display())))
}

/// Parses `type=Custom,name=Ann,phone=5550100,dial-code=+1,email=a@b.c` into an assignee.
///
/// Keys: `type` (required: Employee, User, Custom), `name`, `phone`, `dial-code`,
/// `country-code`, `email`, `user-id`, `role`, `barcode` (true/false), `description`. Values
/// cannot contain commas (use `--json` for those).
pub fn parse_assignee(spec: &str) -> Result<Assignee, CliError> {
    let bad = |m: String| CliError::Config(format!("--assignee {spec:?}: {m}"));
    let mut assignee = Assignee {
        assignee_type: AssigneeType::Custom,
        contact_number: None,
        country_dial_code: None,
        country_code: None,
        email: None,
        user_id: None,
        name: None,
        role: None,
        send_bar_code: None,
        description: None,
    };
    let mut typed = false;
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| bad(format!("{part:?} is not key=value")))?;
        let value = value.trim().to_owned();
        match key.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "type" => {
                assignee.assignee_type = AssigneeType::parse(&value);
                typed = true;
            }
            "name" => assignee.name = Some(value),
            "phone" | "contact-number" => assignee.contact_number = Some(value),
            "dial-code" | "country-dial-code" => assignee.country_dial_code = Some(value),
            "country-code" => assignee.country_code = Some(value),
            "email" => assignee.email = Some(value),
            "user-id" => assignee.user_id = Some(value),
            "role" => assignee.role = Some(value),
            "barcode" | "send-bar-code" => {
                assignee.send_bar_code = Some(value.parse().map_err(|_| {
                    bad(format!("barcode must be true or false, not {value:?}"))
                })?)
            }
            "description" => assignee.description = Some(value),
            other => {
                return Err(bad(format!(
                    "unknown key {other:?} (known: type, name, phone, dial-code, country-code, email, user-id, role, barcode, description)"
                )))
            }
        }
    }
    if !typed {
        return Err(bad("type=Employee|User|Custom is required".into()));
    }
    Ok(assignee)
}

/// Reads the new PIN (first line) and the optional old PIN (second line) from stdin.
pub fn pins_from_stdin() -> Result<(String, Option<String>), CliError> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| CliError::Config(format!("cannot read stdin: {e}")))?;
    let mut lines = text.lines().map(str::trim);
    let pin = lines
        .next()
        .filter(|l| !l.is_empty())
        .ok_or_else(|| CliError::Config("--pin-stdin: stdin holds no PIN".into()))?
        .to_owned();
    let old = lines.next().filter(|l| !l.is_empty()).map(str::to_owned);
    Ok((pin, old))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignee_spec_parses_every_key() {
        let a = parse_assignee(
            "type=Custom, name=Ann, phone=5550100, dial-code=+1, email=a@b.c, barcode=true, role=DropOff",
        )
        .unwrap();
        assert_eq!(a.assignee_type, AssigneeType::Custom);
        assert_eq!(a.name.as_deref(), Some("Ann"));
        assert_eq!(a.contact_number.as_deref(), Some("5550100"));
        assert_eq!(a.country_dial_code.as_deref(), Some("+1"));
        assert_eq!(a.send_bar_code, Some(true));
        assert_eq!(a.role.as_deref(), Some("DropOff"));
    }

    #[test]
    fn assignee_spec_names_mistakes() {
        let e = parse_assignee("type=User,nmae=x").unwrap_err();
        assert!(matches!(e, CliError::Config(ref m) if m.contains("nmae")));
        assert!(parse_assignee("name=x").is_err(), "type is required");
        assert!(parse_assignee("type=User,barcode=maybe").is_err());
    }
}
