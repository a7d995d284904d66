//! Runs the packaged executables as Lambda custom runtimes against a stand-in Runtime API: they
//! initialise, take events from `/invocation/next` and post API Gateway responses back.

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::runtime_api::{Reply, RuntimeApi};

/// Runs `executable` until it has replied to every event (or 60 s pass) and returns the replies.
fn run_function(executable: &str, events: &[Value], env: &[(&str, &str)]) -> Vec<Reply> {
    let api = RuntimeApi::serve(events.iter().map(Value::to_string).collect());
    let mut child = Command::new(executable)
        .env("AWS_LAMBDA_RUNTIME_API", &api.address)
        .env("AWS_LAMBDA_FUNCTION_NAME", "test")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "test")
        .env("AWS_LAMBDA_LOG_GROUP_NAME", "test")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run {executable}: {error}"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while api.replies().len() < events.len() && Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{executable} exited early with {status}; replies: {:?}", api.replies());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    api.replies()
}

fn response_of(reply: &Reply) -> (String, Value) {
    let response: Value = serde_json::from_str(&reply.body).expect("response is JSON");
    (reply.path.clone(), response)
}

#[test]
fn wave_bootstrap_echoes_bodies_and_rejects_bad_events_with_400() {
    let events = [
        json!({ "httpMethod": "POST", "body": "{\"a\": [1, 2]}", "isBase64Encoded": false }),
        json!({ "body": "{not json" }),
        json!({}),
    ];
    let replies = run_function(env!("CARGO_BIN_EXE_wave"), &events, &[]);
    assert_eq!(replies.len(), 3, "{replies:?}");
    let (path, response) = response_of(&replies[0]);
    assert_eq!(path, "/2018-06-01/runtime/invocation/request-0/response");
    assert_eq!(response["statusCode"], 200);
    assert_eq!(response["body"], "{\"a\": [1, 2]}");
    let (_, response) = response_of(&replies[1]);
    assert_eq!(
        (response["statusCode"].clone(), response["body"].clone()),
        (json!(400), json!("{\"error\":\"invalid JSON\"}"))
    );
    let (_, response) = response_of(&replies[2]);
    assert_eq!(
        (response["statusCode"].clone(), response["body"].clone()),
        (json!(400), json!("{\"error\":\"missing body\"}"))
    );
}

#[test]
fn save_bootstrap_answers_500_when_dynamodb_is_unreachable() {
    // Port 9 (discard) on loopback has no listener here: every attempt is refused.
    let env = [
        ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "test"),
        ("AWS_SECRET_ACCESS_KEY", "test"),
        ("AWS_MAX_ATTEMPTS", "1"),
    ];
    let body = json!({ "owner": "ana", "name": "home", "lat": "1", "lon": "2" }).to_string();
    let events = [json!({ "body": body }), json!({ "body": "[]" })];
    let replies = run_function(env!("CARGO_BIN_EXE_save"), &events, &env);
    assert_eq!(replies.len(), 2, "{replies:?}");
    let (path, response) = response_of(&replies[0]);
    assert_eq!(path, "/2018-06-01/runtime/invocation/request-0/response");
    assert_eq!(
        (response["statusCode"].clone(), response["body"].clone()),
        (json!(500), json!("{\"error\":\"internal error\"}"))
    );
    let (_, response) = response_of(&replies[1]);
    assert_eq!(response["statusCode"], 400);
}
