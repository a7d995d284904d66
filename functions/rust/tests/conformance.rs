//! Replays the shared conformance vectors (`functions/conformance/*.json`) against the Rust
//! handlers and a local DynamoDB-API server, and reports every failing case by name.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use aws_lambda_events::apigw::ApiGatewayProxyResponse;
use aws_sdk_dynamodb::Client;
use lambench_functions::services::search::QueryOrder;
use lambench_functions::services::{save, search, wave};
use lambench_functions::store::dynamodb_client;
use serde_json::Value;

use support::dynamodb_server::{repo_root, DynamoDbServer};
use support::geo_table;

fn conformance_dir() -> PathBuf {
    repo_root().join("functions/conformance")
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Every vector file (`{function, cases}`, or `{function, casesOf}` answering another function's
/// cases, e.g. conc and warmup: search), in file-name order, with its cases.
fn vector_files() -> Vec<(PathBuf, Value)> {
    let mut paths: Vec<PathBuf> = fs::read_dir(conformance_dir())
        .expect("conformance folder")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| (path.clone(), read_json(&path)))
        .filter(|(_, json)| {
            json.get("function").is_some() && (json.get("cases").is_some() || json.get("casesOf").is_some())
        })
        .map(|(path, mut json)| {
            if let Some(of) = json.get("casesOf").and_then(Value::as_str).map(str::to_owned) {
                let shared = read_json(&conformance_dir().join(format!("{of}.json")));
                json["cases"] = shared["cases"].clone();
            }
            (path, json)
        })
        .collect()
}

/// The event template with `body` / `isBase64Encoded` taken from the case's request (an absent
/// key in the request is absent from the event).
fn event_for(template: &Value, request: &Value) -> Value {
    let mut event = template.clone();
    let object = event.as_object_mut().expect("event.json is an object");
    object.remove("body");
    for key in ["body", "isBase64Encoded"] {
        if let Some(value) = request.get(key) {
            object.insert(key.to_owned(), value.clone());
        }
    }
    event
}

async fn invoke(
    function: &str,
    client: &Client,
    table: &str,
    event: &Value,
) -> Result<ApiGatewayProxyResponse, String> {
    Ok(match function {
        "wave" => wave::handle(event),
        "save" => save::handle(client, table, event).await,
        "search" | "warmup" => search::handle(client, table, QueryOrder::Sequential, event).await,
        "conc" => search::handle(client, table, QueryOrder::Concurrent, event).await,
        other => return Err(format!("no Rust handler for function {other:?}")),
    })
}

/// The differences between a response (as Lambda would serialize it) and the case's expectation.
fn response_problems(response: &ApiGatewayProxyResponse, expect: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let sent = serde_json::to_value(response).expect("response serializes");
    if sent["statusCode"] != expect["statusCode"] {
        problems.push(format!(
            "statusCode {} != expected {}",
            sent["statusCode"], expect["statusCode"]
        ));
    }
    // Header names are case-insensitive in HTTP; the http crate's HeaderMap stores them lower-case.
    let content_type = sent["headers"]
        .as_object()
        .and_then(|headers| {
            headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        })
        .map(|(_, value)| value.clone());
    if content_type != Some(Value::from("application/json")) {
        problems.push(format!(
            "headers {} lack Content-Type: application/json",
            sent["headers"]
        ));
    }
    let body = sent["body"].as_str().unwrap_or_default();
    if let Some(expected) = expect.get("bodyText") {
        if Some(body) != expected.as_str() {
            problems.push(format!("body {body:?} != expected {expected}"));
        }
    }
    if let Some(expected) = expect.get("body") {
        match serde_json::from_str::<Value>(body) {
            Ok(actual) if &actual == expected => {}
            Ok(actual) => problems.push(format!("body {actual} != expected {expected}")),
            Err(error) => problems.push(format!("body {body:?} is not JSON: {error}")),
        }
    }
    problems
}

async fn run_case(function: &str, case: &Value, template: &Value, client: &Client, table: &str) -> Vec<String> {
    geo_table::clear(client, table).await;
    let seed = case.get("seed").and_then(Value::as_array).cloned().unwrap_or_default();
    if let Err(problem) = geo_table::seed(client, table, &seed).await {
        return vec![problem];
    }
    let event = event_for(template, &case["request"]);
    let response = match invoke(function, client, table, &event).await {
        Ok(response) => response,
        Err(problem) => return vec![problem],
    };
    let expect = &case["expect"];
    let mut problems = response_problems(&response, expect);
    if let Some(expected) = expect.get("table").and_then(Value::as_array) {
        let actual = geo_table::contents(client, table).await;
        if &actual != expected {
            problems.push(format!(
                "table {} != expected {}",
                Value::from(actual),
                Value::from(expected.clone())
            ));
        }
    }
    problems
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_conformance_case_passes() {
    let server = DynamoDbServer::start();
    // Edition 2021: set_var is safe; it runs before the client reads the environment, and this
    // is the only test in this binary.
    std::env::set_var("AWS_ENDPOINT_URL_DYNAMODB", &server.endpoint);
    std::env::set_var("AWS_REGION", "us-east-1");
    std::env::set_var("AWS_ACCESS_KEY_ID", "test");
    std::env::set_var("AWS_SECRET_ACCESS_KEY", "test");
    std::env::set_var("TABLE_NAME", "geo");

    let client = dynamodb_client().await;
    let table = geo_table::create_table(&client, &read_json(&conformance_dir().join("table.json"))).await;
    let template = read_json(&conformance_dir().join("event.json"));

    let mut passed = 0;
    let mut failures = Vec::new();
    for (path, vectors) in vector_files() {
        let function = vectors["function"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: function must be a string", path.display()));
        let cases = vectors["cases"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: cases must be an array", path.display()));
        for case in cases {
            let name = case["name"].as_str().unwrap_or("(unnamed case)");
            let problems = run_case(function, case, &template, &client, &table).await;
            if problems.is_empty() {
                passed += 1;
            } else {
                failures.push(format!("{function} / {name}:\n    {}", problems.join("\n    ")));
            }
        }
    }
    println!("conformance: {passed} passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "{} conformance case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        passed > 0,
        "no conformance cases found in {}",
        conformance_dir().display()
    );
}
