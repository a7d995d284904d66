# Sourced by build.sh and test.sh: one target directory outside the clone, so a fresh clone on
# the same machine (and the build and the tests) reuse the compiled dependencies.
export CARGO_TARGET_DIR="${LAMBENCH_CACHE:-$HOME/.cache/lambench}/rust-target"
RUST_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export RUST_DIR
