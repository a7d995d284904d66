//! Turning an API Gateway event into the request's JSON payload.
//!
//! The event is read as loose JSON rather than `ApiGatewayProxyRequest`, whose required fields
//! (e.g. `requestContext`) would make the runtime reject a minimal event before the handler runs,
//! where the other runtimes answer 400; only `body` and `isBase64Encoded` matter here.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{Map, Value};

use crate::api_error::ApiError;

/// The body as text (base64-decoded when the event says so). Absent, null or empty → missing body;
/// bytes that are not base64 or not UTF-8 cannot be JSON → invalid JSON.
/// A `body` that is not a string (API Gateway always sends one) is not JSON text → invalid JSON.
pub fn body_text(event: &Value) -> Result<String, ApiError> {
    let raw = match event.get("body") {
        None | Some(Value::Null) => return Err(ApiError::MissingBody),
        Some(Value::String(raw)) if raw.is_empty() => return Err(ApiError::MissingBody),
        Some(Value::String(raw)) => raw,
        Some(_) => return Err(ApiError::InvalidJson),
    };
    if event.get("isBase64Encoded").and_then(Value::as_bool) != Some(true) {
        return Ok(raw.to_owned());
    }
    let bytes = STANDARD.decode(raw).map_err(|_| ApiError::InvalidJson)?;
    if bytes.is_empty() {
        return Err(ApiError::MissingBody);
    }
    String::from_utf8(bytes).map_err(|_| ApiError::InvalidJson)
}

/// The body parsed as JSON, whatever its shape.
pub fn json_body(event: &Value) -> Result<(String, Value), ApiError> {
    let text = body_text(event)?;
    let value = serde_json::from_str(&text).map_err(|_| ApiError::InvalidJson)?;
    Ok((text, value))
}

/// The body parsed as a JSON object.
pub fn object_body(event: &Value) -> Result<Map<String, Value>, ApiError> {
    match json_body(event)?.1 {
        Value::Object(object) => Ok(object),
        _ => Err(ApiError::NotAnObject),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    fn request(body: Option<&str>, is_base64_encoded: bool) -> Value {
        json!({ "body": body, "isBase64Encoded": is_base64_encoded })
    }

    #[test]
    fn decodes_base64_bodies() {
        assert_eq!(body_text(&request(Some("eyJhIjoxfQ=="), true)), Ok("{\"a\":1}".into()));
    }

    #[test]
    fn rejects_bad_base64_and_non_utf8_as_invalid_json() {
        assert_eq!(body_text(&request(Some("!!"), true)), Err(ApiError::InvalidJson));
        assert_eq!(body_text(&request(Some("/w=="), true)), Err(ApiError::InvalidJson));
    }

    #[test]
    fn absent_and_empty_bodies_are_missing() {
        assert_eq!(body_text(&request(None, false)), Err(ApiError::MissingBody));
        assert_eq!(body_text(&request(Some(""), true)), Err(ApiError::MissingBody));
    }

    #[test]
    fn reads_minimal_events_and_rejects_non_string_bodies() {
        assert_eq!(body_text(&json!({ "body": "[]" })), Ok("[]".into()));
        assert_eq!(body_text(&json!({})), Err(ApiError::MissingBody));
        assert_eq!(body_text(&json!("not an event")), Err(ApiError::MissingBody));
        assert_eq!(body_text(&json!({ "body": { "a": 1 } })), Err(ApiError::InvalidJson));
    }

    #[test]
    fn non_objects_are_rejected() {
        assert_eq!(object_body(&request(Some("[1]"), false)), Err(ApiError::NotAnObject));
        assert_eq!(object_body(&request(Some("{x"), false)), Err(ApiError::InvalidJson));
    }
}
