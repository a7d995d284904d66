//! Test support: the local DynamoDB server, the `geo` table and a stand-in Lambda Runtime API.

#![allow(dead_code)] // each test binary uses part of it

pub mod dynamodb_server;
pub mod geo_table;
pub mod runtime_api;
