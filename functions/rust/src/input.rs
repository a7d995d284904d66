//! Validating the save and search payloads: fields checked in contract order, first failure wins.

use std::sync::LazyLock;

use regex_lite::Regex;
use serde_json::{Map, Value};

use crate::api_error::ApiError;

/// No exponent, no whitespace, no NaN/Infinity: what every runtime parses the same way.
static DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-?[0-9]+(\.[0-9]+)?$").expect("decimal regex compiles"));

/// A coordinate or radius: the string as sent (stored verbatim) and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Decimal {
    pub text: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SaveInput {
    pub owner: String,
    pub name: String,
    pub lat: Decimal,
    pub lon: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchInput {
    pub owner: String,
    pub lat: Decimal,
    pub lon: Decimal,
    pub radius: Decimal,
}

pub fn save_input(body: &Map<String, Value>) -> Result<SaveInput, ApiError> {
    Ok(SaveInput {
        owner: name_field(body, "owner")?,
        name: name_field(body, "name")?,
        lat: ranged_decimal(body, "lat", |v| (-90.0..=90.0).contains(&v))?,
        lon: ranged_decimal(body, "lon", |v| (-180.0..=180.0).contains(&v))?,
    })
}

pub fn search_input(body: &Map<String, Value>) -> Result<SearchInput, ApiError> {
    Ok(SearchInput {
        owner: name_field(body, "owner")?,
        lat: ranged_decimal(body, "lat", |v| (-90.0..=90.0).contains(&v))?,
        lon: ranged_decimal(body, "lon", |v| (-180.0..=180.0).contains(&v))?,
        radius: ranged_decimal(body, "radius", |v| v > 0.0)?,
    })
}

fn present<'a>(body: &'a Map<String, Value>, field: &'static str) -> Result<&'a Value, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Err(ApiError::MissingField(field)),
        Some(value) => Ok(value),
    }
}

fn name_field(body: &Map<String, Value>, field: &'static str) -> Result<String, ApiError> {
    match present(body, field)? {
        Value::String(text) if !text.is_empty() => Ok(text.clone()),
        _ => Err(ApiError::InvalidField(field)),
    }
}

fn ranged_decimal(
    body: &Map<String, Value>,
    field: &'static str,
    in_range: impl Fn(f64) -> bool,
) -> Result<Decimal, ApiError> {
    let text = match present(body, field)? {
        Value::String(text) if DECIMAL.is_match(text) => text,
        _ => return Err(ApiError::InvalidField(field)),
    };
    let value: f64 = text.parse().map_err(|_| ApiError::InvalidField(field))?;
    if !in_range(value) {
        return Err(ApiError::OutOfRange(field));
    }
    Ok(Decimal {
        text: text.clone(),
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().expect("test body is an object").clone()
    }

    #[test]
    fn accepts_a_valid_save_body() {
        let input = save_input(&object(json!({"owner":"a","name":"b","lat":"-1.5","lon":"180"})));
        let input = input.expect("valid");
        assert_eq!(
            input.lat,
            Decimal {
                text: "-1.5".into(),
                value: -1.5
            }
        );
        assert_eq!(input.lon.value, 180.0);
    }

    #[test]
    fn rejects_non_decimal_strings() {
        for bad in ["1e1", "NaN", " 1", "1.", ".5", "+1", "Infinity", "0x1", ""] {
            let body = object(json!({"owner":"a","lat":bad,"lon":"0","radius":"1"}));
            assert_eq!(search_input(&body), Err(ApiError::InvalidField("lat")), "{bad:?}");
        }
    }

    #[test]
    fn reports_the_first_failing_field_in_contract_order() {
        let body = object(json!({"owner":"","lat":"x","radius":"0"}));
        assert_eq!(search_input(&body), Err(ApiError::InvalidField("owner")));
        let body = object(json!({"owner":"a","lat":"91","radius":"0"}));
        assert_eq!(search_input(&body), Err(ApiError::OutOfRange("lat")));
    }

    #[test]
    fn rejects_non_positive_radius_including_negative_zero() {
        let body = object(json!({"owner":"a","lat":"0","lon":"0","radius":"-0"}));
        assert_eq!(search_input(&body), Err(ApiError::OutOfRange("radius")));
    }
}
