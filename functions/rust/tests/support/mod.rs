//! Test support: the local DynamoDB server and the `geo` table, shared by integration tests.

pub mod dynamodb_server;
pub mod geo_table;
