//! wave: any valid JSON body is returned unchanged, byte for byte.

use aws_lambda_events::apigw::ApiGatewayProxyResponse;
use serde_json::Value;

use crate::request_body::json_body;
use crate::response::{error_response, text_response};

pub fn handle(event: &Value) -> ApiGatewayProxyResponse {
    match json_body(event) {
        Ok((text, _)) => text_response(200, text),
        Err(error) => error_response(&error),
    }
}
