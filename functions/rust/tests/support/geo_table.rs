//! Creating the table from `table.json`, emptying it, seeding it and reading it back as JSON.

use std::collections::HashMap;
use std::time::Duration;

use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, GlobalSecondaryIndex, IndexStatus, KeySchemaElement, KeyType,
    Projection, ProjectionType, ScalarAttributeType, TableStatus,
};
use aws_sdk_dynamodb::Client;
use serde_json::{Map, Value};

pub type Item = HashMap<String, AttributeValue>;

fn text<'a>(value: &'a Value, field: &str) -> &'a str {
    value[field]
        .as_str()
        .unwrap_or_else(|| panic!("table.json: {field} must be a string in {value}"))
}

fn list<'a>(value: &'a Value, field: &str) -> &'a Vec<Value> {
    value[field]
        .as_array()
        .unwrap_or_else(|| panic!("table.json: {field} must be an array in {value}"))
}

fn key_schema(value: &Value) -> Vec<KeySchemaElement> {
    list(value, "KeySchema")
        .iter()
        .map(|key| {
            KeySchemaElement::builder()
                .attribute_name(text(key, "AttributeName"))
                .key_type(KeyType::from(text(key, "KeyType")))
                .build()
                .expect("key schema element")
        })
        .collect()
}

/// Creates the table described by `table.json` (a CreateTable input) and waits until it is active.
pub async fn create_table(client: &Client, definition: &Value) -> String {
    let name = text(definition, "TableName").to_owned();
    let attributes = list(definition, "AttributeDefinitions").iter().map(|attribute| {
        AttributeDefinition::builder()
            .attribute_name(text(attribute, "AttributeName"))
            .attribute_type(ScalarAttributeType::from(text(attribute, "AttributeType")))
            .build()
            .expect("attribute definition")
    });
    let indexes = list(definition, "GlobalSecondaryIndexes").iter().map(|index| {
        let projection = Projection::builder()
            .projection_type(ProjectionType::from(text(&index["Projection"], "ProjectionType")))
            .build();
        GlobalSecondaryIndex::builder()
            .index_name(text(index, "IndexName"))
            .set_key_schema(Some(key_schema(index)))
            .projection(projection)
            .build()
            .expect("global secondary index")
    });
    client
        .create_table()
        .table_name(&name)
        .billing_mode(BillingMode::from(text(definition, "BillingMode")))
        .set_attribute_definitions(Some(attributes.collect()))
        .set_key_schema(Some(key_schema(definition)))
        .set_global_secondary_indexes(Some(indexes.collect()))
        .send()
        .await
        .unwrap_or_else(|error| {
            panic!(
                "CreateTable {name}: {}",
                aws_sdk_dynamodb::error::DisplayErrorContext(error)
            )
        });
    for _ in 0..200 {
        let described = client
            .describe_table()
            .table_name(&name)
            .send()
            .await
            .expect("DescribeTable");
        let table = described.table().expect("table description");
        let indexes_active = table
            .global_secondary_indexes()
            .iter()
            .all(|index| index.index_status() == Some(&IndexStatus::Active));
        if table.table_status() == Some(&TableStatus::Active) && indexes_active {
            return name;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("table {name} did not become active");
}

pub async fn scan_all(client: &Client, table: &str) -> Vec<Item> {
    client
        .scan()
        .table_name(table)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap_or_else(|error| panic!("Scan {table}: {}", aws_sdk_dynamodb::error::DisplayErrorContext(error)))
}

pub async fn clear(client: &Client, table: &str) {
    for item in scan_all(client, table).await {
        client
            .delete_item()
            .table_name(table)
            .key("pk", item["pk"].clone())
            .key("sk", item["sk"].clone())
            .send()
            .await
            .expect("DeleteItem");
    }
}

/// Puts vector items (every attribute a string, stored as type S).
pub async fn seed(client: &Client, table: &str, items: &[Value]) -> Result<(), String> {
    for item in items {
        let object = item
            .as_object()
            .ok_or_else(|| format!("seed item is not an object: {item}"))?;
        let mut attributes = Item::new();
        for (name, value) in object {
            let value = value
                .as_str()
                .ok_or_else(|| format!("seed attribute {name} is not a string"))?;
            attributes.insert(name.clone(), AttributeValue::S(value.to_owned()));
        }
        client
            .put_item()
            .table_name(table)
            .set_item(Some(attributes))
            .send()
            .await
            .map_err(|error| format!("seed PutItem: {}", aws_sdk_dynamodb::error::DisplayErrorContext(error)))?;
    }
    Ok(())
}

/// The table's items as JSON objects sorted by (pk, sk); a non-string attribute shows as its Debug text.
pub async fn contents(client: &Client, table: &str) -> Vec<Value> {
    let mut rows: Vec<(String, String, Value)> = scan_all(client, table)
        .await
        .into_iter()
        .map(|item| {
            let key = |name: &str| item.get(name).and_then(|v| v.as_s().ok()).cloned().unwrap_or_default();
            let (pk, sk) = (key("pk"), key("sk"));
            let object: Map<String, Value> = item
                .into_iter()
                .map(|(name, value)| {
                    let json = match value {
                        AttributeValue::S(text) => Value::String(text),
                        other => Value::String(format!("{other:?}")),
                    };
                    (name, json)
                })
                .collect();
            (pk, sk, Value::Object(object))
        })
        .collect();
    rows.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    rows.into_iter().map(|(_, _, row)| row).collect()
}
