//! save: validates a location, writes it with its geohash cell, returns the stored item.

use aws_lambda_events::apigw::ApiGatewayProxyResponse;
use aws_sdk_dynamodb::Client;
use serde::Serialize;
use serde_json::Value;

use crate::api_error::ApiError;
use crate::cells::cell_of;
use crate::input::{save_input, SaveInput};
use crate::request_body::object_body;
use crate::response::respond;
use crate::store::{put_item, string_item};

/// The stored item, in the contract's field order.
#[derive(Debug, Serialize)]
pub struct Location {
    pub pk: String,
    pub sk: String,
    pub gpk: String,
    pub gsk: String,
    pub owner: String,
    pub name: String,
    pub lat: String,
    pub lon: String,
}

pub async fn handle(client: &Client, table: &str, event: &Value) -> ApiGatewayProxyResponse {
    respond(save(client, table, event).await)
}

async fn save(client: &Client, table: &str, event: &Value) -> Result<Location, ApiError> {
    let input = save_input(&object_body(event)?)?;
    let location = location(input)?;
    let item = string_item([
        ("pk", location.pk.as_str()),
        ("sk", &location.sk),
        ("gpk", &location.gpk),
        ("gsk", &location.gsk),
        ("owner", &location.owner),
        ("name", &location.name),
        ("lat", &location.lat),
        ("lon", &location.lon),
    ]);
    put_item(client, table, item).await.map_err(|message| {
        eprintln!("save failed: {message}");
        ApiError::Internal
    })?;
    Ok(location)
}

fn location(input: SaveInput) -> Result<Location, ApiError> {
    let gpk = cell_of(input.lat.value, input.lon.value).ok_or(ApiError::Internal)?;
    Ok(Location {
        pk: format!("RT:{}", input.owner),
        sk: input.name.clone(),
        gpk,
        gsk: format!("RT:{}:{}", input.owner, input.name),
        owner: input.owner,
        name: input.name,
        lat: input.lat.text,
        lon: input.lon.text,
    })
}
