//! search and conc follow `LastEvaluatedKey`: a cell holding more than one 1 MB query page is
//! returned whole, in index order. Generated fixture: 12 items padded to ~100 KB each.

mod support;

use aws_sdk_dynamodb::types::AttributeValue;
use lambench_functions::services::search::{self, QueryOrder};
use lambench_functions::store::{dynamodb_client, string_item, GEO_INDEX};
use serde_json::{json, Value};

use support::dynamodb_server::{repo_root, DynamoDbServer};
use support::geo_table;

const ITEMS: usize = 12;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_and_conc_return_every_page_of_a_cell() {
    let server = DynamoDbServer::start();
    // Edition 2021: set_var is safe; it runs before the client reads the environment, and this
    // is the only test in this binary.
    std::env::set_var("AWS_ENDPOINT_URL_DYNAMODB", &server.endpoint);
    std::env::set_var("AWS_REGION", "us-east-1");
    std::env::set_var("AWS_ACCESS_KEY_ID", "test");
    std::env::set_var("AWS_SECRET_ACCESS_KEY", "test");
    let client = dynamodb_client().await;
    let definition: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join("functions/conformance/table.json")).unwrap())
            .unwrap();
    let table = geo_table::create_table(&client, &definition).await;

    let padding = "x".repeat(100_000);
    let names: Vec<String> = (0..ITEMS).map(|i| format!("item-{i:02}")).collect();
    for name in &names {
        let gsk = format!("RT:ana:{name}");
        let mut item = string_item([
            ("pk", "RT:ana"),
            ("sk", name.as_str()),
            ("gpk", "gcpv"),
            ("gsk", gsk.as_str()),
            ("owner", "ana"),
            ("name", name.as_str()),
            ("lat", "51.5074"),
            ("lon", "-0.1278"),
        ]);
        item.insert("padding".into(), AttributeValue::S(padding.clone()));
        client
            .put_item()
            .table_name(&table)
            .set_item(Some(item))
            .send()
            .await
            .expect("PutItem");
    }

    // The premise: one Query call does not return the whole cell.
    let first_page = client
        .query()
        .table_name(&table)
        .index_name(GEO_INDEX)
        .key_condition_expression("gpk = :cell")
        .expression_attribute_values(":cell", AttributeValue::S("gcpv".into()))
        .send()
        .await
        .expect("Query");
    assert!(
        first_page.last_evaluated_key().is_some(),
        "fixture fits in one page; pagination is not exercised"
    );

    let event = json!({ "body": r#"{"owner":"ana","lat":"51.5074","lon":"-0.1278","radius":"1"}"# });
    for order in [QueryOrder::Sequential, QueryOrder::Concurrent] {
        let response = search::handle(&client, &table, order, &event).await;
        let body: Value = serde_json::to_value(&response).unwrap()["body"]
            .as_str()
            .map(|text| serde_json::from_str(text).unwrap())
            .unwrap();
        let found: Vec<&str> = body
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["name"].as_str().unwrap())
            .collect();
        assert_eq!(response.status_code, 200, "{order:?}");
        assert_eq!(found, names, "{order:?}");
    }
}
