//! A minimal stand-in for the Lambda Runtime API (`/2018-06-01/runtime/invocation/...`) on
//! 127.0.0.1: hands out the given events in order, records what the function posts back, and
//! answers a further `next` with an error status once every event has a reply.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

/// One reply from the function: the path it posted to (`.../response` or `.../error`) and the body.
#[derive(Debug, Clone)]
pub struct Reply {
    pub path: String,
    pub body: String,
}

pub struct RuntimeApi {
    pub address: String,
    replies: Arc<Mutex<Vec<Reply>>>,
}

struct Request {
    method: String,
    path: String,
    body: String,
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok()?;
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        path,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn write_response(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &str) {
    let mut text = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    let _ = stream.write_all(text.as_bytes());
}

impl RuntimeApi {
    pub fn serve(events: Vec<String>) -> RuntimeApi {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let address = listener.local_addr().expect("local address").to_string();
        let queue = Arc::new(Mutex::new(events.into_iter().enumerate().collect::<VecDeque<_>>()));
        let replies = Arc::new(Mutex::new(Vec::new()));
        let shared_replies = Arc::clone(&replies);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (queue, replies) = (Arc::clone(&queue), Arc::clone(&shared_replies));
                thread::spawn(move || serve_connection(stream, &queue, &replies));
            }
        });
        RuntimeApi { address, replies }
    }

    pub fn replies(&self) -> Vec<Reply> {
        self.replies.lock().expect("replies lock").clone()
    }
}

fn serve_connection(stream: TcpStream, queue: &Mutex<VecDeque<(usize, String)>>, replies: &Mutex<Vec<Reply>>) {
    let mut writer = stream.try_clone().expect("clone stream");
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader) {
        if request.method == "GET" && request.path.ends_with("/invocation/next") {
            let next = queue.lock().expect("queue lock").pop_front();
            match next {
                Some((index, event)) => {
                    let headers = [
                        ("Lambda-Runtime-Aws-Request-Id", format!("request-{index}")),
                        ("Lambda-Runtime-Deadline-Ms", "4102444800000".to_owned()),
                        (
                            "Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:us-east-1:123456789012:function:test".to_owned(),
                        ),
                        ("Content-Type", "application/json".to_owned()),
                    ];
                    write_response(&mut writer, "200 OK", &headers, &event);
                }
                // No more events: a real Runtime API would block; failing ends the function's loop.
                None => write_response(&mut writer, "500 Internal Server Error", &[], "{}"),
            }
        } else {
            replies.lock().expect("replies lock").push(Reply {
                path: request.path,
                body: request.body,
            });
            write_response(&mut writer, "202 Accepted", &[], "{}");
        }
    }
}
