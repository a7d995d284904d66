//! lambench benchmark services in Rust: the shared code behind the `wave`, `save`, `search`
//! and `conc` binaries (`warmup` is the `search` binary packaged under its own name).
//! Behaviour contract: `functions/conformance/README.md`.

pub mod api_error;
pub mod cells;
pub mod input;
pub mod lambda;
pub mod request_body;
pub mod response;
pub mod services;
pub mod store;
