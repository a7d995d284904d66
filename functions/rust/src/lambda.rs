//! The Lambda custom-runtime loop shared by the binaries: the client and table name are set up
//! once at init, then each event goes to the service's handler.

use lambda_runtime::{service_fn, Error, LambdaEvent};
use serde_json::Value;

use crate::services::search::QueryOrder;
use crate::services::{save, search, wave};
use crate::store::{dynamodb_client, table_name};

pub async fn run_wave() -> Result<(), Error> {
    lambda_runtime::run(service_fn(|event: LambdaEvent<Value>| async move {
        Ok::<_, Error>(wave::handle(&event.payload))
    }))
    .await
}

pub async fn run_save() -> Result<(), Error> {
    let client = &dynamodb_client().await;
    let table = &table_name();
    lambda_runtime::run(service_fn(move |event: LambdaEvent<Value>| async move {
        Ok::<_, Error>(save::handle(client, table, &event.payload).await)
    }))
    .await
}

pub async fn run_search(order: QueryOrder) -> Result<(), Error> {
    let client = &dynamodb_client().await;
    let table = &table_name();
    lambda_runtime::run(service_fn(move |event: LambdaEvent<Value>| async move {
        Ok::<_, Error>(search::handle(client, table, order, &event.payload).await)
    }))
    .await
}
