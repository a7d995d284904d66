//! Every error a service answers with, and its status and JSON body (the contract's exact words).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    MissingBody,
    InvalidJson,
    NotAnObject,
    MissingField(&'static str),
    InvalidField(&'static str),
    OutOfRange(&'static str),
    Internal,
}

#[derive(Serialize)]
pub struct ErrorBody {
    pub error: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

impl ApiError {
    pub fn status_code(&self) -> i64 {
        match self {
            ApiError::Internal => 500,
            _ => 400,
        }
    }

    pub fn body(&self) -> ErrorBody {
        let (error, field) = match *self {
            ApiError::MissingBody => ("missing body", None),
            ApiError::InvalidJson => ("invalid JSON", None),
            ApiError::NotAnObject => ("body must be a JSON object", None),
            ApiError::MissingField(f) => ("missing field", Some(f)),
            ApiError::InvalidField(f) => ("invalid field", Some(f)),
            ApiError::OutOfRange(f) => ("out of range", Some(f)),
            ApiError::Internal => ("internal error", None),
        };
        ErrorBody { error, field }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_name_the_field_after_the_error() {
        let json = serde_json::to_string(&ApiError::OutOfRange("lat").body()).unwrap();
        assert_eq!(json, r#"{"error":"out of range","field":"lat"}"#);
    }

    #[test]
    fn internal_error_is_500_without_field() {
        assert_eq!(ApiError::Internal.status_code(), 500);
        let json = serde_json::to_string(&ApiError::Internal.body()).unwrap();
        assert_eq!(json, r#"{"error":"internal error"}"#);
    }
}
