#!/usr/bin/env bash
# Unit tests and the shared conformance vectors (against a local DynamoDB server the test starts),
# built in release mode in the same target directory as build.sh, so both reuse one build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cargo-env.sh"
cargo test --release --locked --manifest-path "$RUST_DIR/Cargo.toml" "$@"
