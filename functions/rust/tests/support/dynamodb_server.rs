//! Spawns the repo's `serve-dynamodb.ts` (dynalite on 127.0.0.1), which stops when its stdin
//! closes; dropping the guard closes stdin and reaps the child.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

pub struct DynamoDbServer {
    pub endpoint: String,
    child: Child,
    stdin: Option<ChildStdin>,
    _stdout: BufReader<ChildStdout>,
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root exists")
}

impl DynamoDbServer {
    pub fn start() -> DynamoDbServer {
        let script = "functions/conformance/serve-dynamodb.ts";
        let mut child = Command::new("node")
            .args(["--import", "tsx", script])
            .current_dir(repo_root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start `node --import tsx {script}`: {error}"));
        let stdin = child.stdin.take();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read the endpoint line");
        let endpoint = serde_json::from_str::<serde_json::Value>(&line)
            .ok()
            .and_then(|value| value.get("endpoint")?.as_str().map(str::to_owned))
            .unwrap_or_else(|| panic!("{script} printed {line:?}, not {{\"endpoint\":...}}"));
        DynamoDbServer {
            endpoint,
            child,
            stdin,
            _stdout: stdout,
        }
    }
}

impl Drop for DynamoDbServer {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
