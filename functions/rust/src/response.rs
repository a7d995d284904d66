//! API Gateway proxy responses: a status, the JSON content type and a JSON string body.

use aws_lambda_events::apigw::ApiGatewayProxyResponse;
use aws_lambda_events::encodings::Body;
use aws_lambda_events::http::header::{HeaderValue, CONTENT_TYPE};
use serde::Serialize;

use crate::api_error::ApiError;

pub fn text_response(status_code: i64, body: String) -> ApiGatewayProxyResponse {
    let mut response = ApiGatewayProxyResponse::default();
    response.status_code = status_code;
    response
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response.body = Some(Body::Text(body));
    response
}

pub fn json_response<T: Serialize>(status_code: i64, value: &T) -> ApiGatewayProxyResponse {
    match serde_json::to_string(value) {
        Ok(body) => text_response(status_code, body),
        Err(_) => error_response(&ApiError::Internal),
    }
}

pub fn error_response(error: &ApiError) -> ApiGatewayProxyResponse {
    // An ErrorBody always serializes; this cannot recurse.
    let body = serde_json::to_string(&error.body()).unwrap_or_default();
    text_response(error.status_code(), body)
}

/// The response for a service outcome: 200 with the value, or the error's status and body.
pub fn respond<T: Serialize>(outcome: Result<T, ApiError>) -> ApiGatewayProxyResponse {
    match outcome {
        Ok(value) => json_response(200, &value),
        Err(error) => error_response(&error),
    }
}
