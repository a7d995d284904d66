//! The services' handlers: event in, API Gateway response out, never an Err or a panic.

pub mod save;
pub mod search;
pub mod wave;
