//! search / warmup (queries one after the other) and conc (queries issued together): the owner's
//! items in the point's geohash cell and its neighbours, in cell order then index order.

use aws_lambda_events::apigw::ApiGatewayProxyResponse;
use aws_sdk_dynamodb::Client;
use futures::future::join_all;
use serde::Serialize;
use serde_json::Value;

use crate::api_error::ApiError;
use crate::cells::search_cells;
use crate::input::search_input;
use crate::request_body::object_body;
use crate::response::respond;
use crate::store::{query_cell, string_attribute, Item};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryOrder {
    Sequential,
    Concurrent,
}

#[derive(Debug, Serialize)]
pub struct Found {
    pub owner: String,
    pub name: String,
    pub lat: String,
    pub lon: String,
}

pub async fn handle(client: &Client, table: &str, order: QueryOrder, event: &Value) -> ApiGatewayProxyResponse {
    respond(search(client, table, order, event).await)
}

async fn search(client: &Client, table: &str, order: QueryOrder, event: &Value) -> Result<Vec<Found>, ApiError> {
    let input = search_input(&object_body(event)?)?;
    let cells = search_cells(input.lat.value, input.lon.value);
    let prefix = format!("RT:{}", input.owner);
    let per_cell = match order {
        QueryOrder::Sequential => {
            let mut per_cell = Vec::with_capacity(cells.len());
            for cell in &cells {
                per_cell.push(query_cell(client, table, cell, &prefix).await);
            }
            per_cell
        }
        QueryOrder::Concurrent => join_all(cells.iter().map(|cell| query_cell(client, table, cell, &prefix))).await,
    };
    let mut found = Vec::new();
    for items in per_cell {
        let items = items.map_err(|message| {
            eprintln!("search failed: {message}");
            ApiError::Internal
        })?;
        for item in &items {
            found.push(found_item(item)?);
        }
    }
    Ok(found)
}

fn found_item(item: &Item) -> Result<Found, ApiError> {
    let field = |name: &str| {
        string_attribute(item, name).map(str::to_owned).ok_or_else(|| {
            eprintln!("search failed: item without string attribute {name}");
            ApiError::Internal
        })
    };
    Ok(Found {
        owner: field("owner")?,
        name: field("name")?,
        lat: field("lat")?,
        lon: field("lon")?,
    })
}
