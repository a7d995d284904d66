//! Turning an API Gateway event into the request's JSON payload.

use aws_lambda_events::apigw::ApiGatewayProxyRequest;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{Map, Value};

use crate::api_error::ApiError;

/// The body as text (base64-decoded when the event says so). Absent, null or empty → missing body;
/// bytes that are not base64 or not UTF-8 cannot be JSON → invalid JSON.
pub fn body_text(request: &ApiGatewayProxyRequest) -> Result<String, ApiError> {
    let raw = match request.body.as_deref() {
        None | Some("") => return Err(ApiError::MissingBody),
        Some(raw) => raw,
    };
    if !request.is_base64_encoded {
        return Ok(raw.to_owned());
    }
    let bytes = STANDARD.decode(raw).map_err(|_| ApiError::InvalidJson)?;
    if bytes.is_empty() {
        return Err(ApiError::MissingBody);
    }
    String::from_utf8(bytes).map_err(|_| ApiError::InvalidJson)
}

/// The body parsed as JSON, whatever its shape.
pub fn json_body(request: &ApiGatewayProxyRequest) -> Result<(String, Value), ApiError> {
    let text = body_text(request)?;
    let value = serde_json::from_str(&text).map_err(|_| ApiError::InvalidJson)?;
    Ok((text, value))
}

/// The body parsed as a JSON object.
pub fn object_body(request: &ApiGatewayProxyRequest) -> Result<Map<String, Value>, ApiError> {
    match json_body(request)?.1 {
        Value::Object(object) => Ok(object),
        _ => Err(ApiError::NotAnObject),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: Option<&str>, is_base64_encoded: bool) -> ApiGatewayProxyRequest {
        let mut request = ApiGatewayProxyRequest::default();
        request.body = body.map(str::to_owned);
        request.is_base64_encoded = is_base64_encoded;
        request
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
    fn non_objects_are_rejected() {
        assert_eq!(object_body(&request(Some("[1]"), false)), Err(ApiError::NotAnObject));
        assert_eq!(object_body(&request(Some("{x"), false)), Err(ApiError::InvalidJson));
    }
}
