//! The `geo` table: the client (created once per instance), writes and per-cell queries.

use std::collections::HashMap;

use aws_config::BehaviorVersion;
use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_dynamodb::Client;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};

pub type Item = HashMap<String, AttributeValue>;

pub const GEO_INDEX: &str = "geo-index";
const DEFAULT_TABLE: &str = "geo";

/// The table the services use: `TABLE_NAME`, or `geo`.
pub fn table_name() -> String {
    std::env::var("TABLE_NAME")
        .ok()
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| DEFAULT_TABLE.to_owned())
}

/// A DynamoDB client from the SDK's standard configuration (region, credentials and
/// `AWS_ENDPOINT_URL_DYNAMODB` / `AWS_ENDPOINT_URL` from the environment). TLS is rustls with
/// ring rather than the SDK's default aws-lc, which takes far longer to compile.
pub async fn dynamodb_client() -> Client {
    let http_client = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
        .build_https();
    let config = aws_config::defaults(BehaviorVersion::latest())
        .http_client(http_client)
        .load()
        .await;
    Client::new(&config)
}

pub fn string_item<'a>(attributes: impl IntoIterator<Item = (&'a str, &'a str)>) -> Item {
    attributes
        .into_iter()
        .map(|(name, value)| (name.to_owned(), AttributeValue::S(value.to_owned())))
        .collect()
}

pub async fn put_item(client: &Client, table: &str, item: Item) -> Result<(), String> {
    client
        .put_item()
        .table_name(table)
        .set_item(Some(item))
        .send()
        .await
        .map(|_| ())
        .map_err(|error| {
            format!(
                "PutItem {table}: {}",
                aws_sdk_dynamodb::error::DisplayErrorContext(error)
            )
        })
}

/// Every item of `cell` whose `gsk` starts with `prefix`, in index order, across all pages.
pub async fn query_cell(client: &Client, table: &str, cell: &str, prefix: &str) -> Result<Vec<Item>, String> {
    client
        .query()
        .table_name(table)
        .index_name(GEO_INDEX)
        .key_condition_expression("gpk = :cell AND begins_with(gsk, :prefix)")
        .expression_attribute_values(":cell", AttributeValue::S(cell.to_owned()))
        .expression_attribute_values(":prefix", AttributeValue::S(prefix.to_owned()))
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .map_err(|error| {
            format!(
                "Query {GEO_INDEX} cell {cell}: {}",
                aws_sdk_dynamodb::error::DisplayErrorContext(error)
            )
        })
}

/// A string attribute of an item, if present and of type S.
pub fn string_attribute<'a>(item: &'a Item, name: &str) -> Option<&'a str> {
    match item.get(name) {
        Some(AttributeValue::S(value)) => Some(value),
        _ => None,
    }
}
