#!/usr/bin/env bash
# Builds functions/rust/dist/<function>.zip holding one executable named `bootstrap`, for the
# provided.al2023 custom runtime. The binary is the second argument, which the manifest's rust entry
# fills with the function's `sourceOf` (warmup ships the `search` binary under its own name), else the function's own.
#
# Target: the host triple by default (x86_64-unknown-linux-gnu here), which the local lab runs.
# For AWS, build a static binary so the host's glibc does not matter, e.g.
#   LAMBENCH_RUST_TARGET=x86_64-unknown-linux-musl  (rustup target add … first), or
#   LAMBENCH_RUST_TARGET=aarch64-unknown-linux-musl for arm64 (needs a cross linker, e.g. cargo-zigbuild).
# Incremental: cargo rebuilds only what changed; the zip is rewritten only when the binary's
# hash changed. The zip is deterministic (fixed mtime, no extra fields) and written atomically.
set -euo pipefail

function_id="${1:-}"
binary="${2:-$function_id}"
[[ -n "$function_id" && $# -le 2 ]] || {
  echo "usage: build.sh <function> [<function whose code it ships, default: itself>] (got '$*')" >&2
  exit 2
}
[[ -f "$(dirname "${BASH_SOURCE[0]}")/src/bin/$binary.rs" ]] || { echo "build.sh: no Rust binary '$binary' (no src/bin/$binary.rs)" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/cargo-env.sh"

target_args=()
target_subdir=release
if [[ -n "${LAMBENCH_RUST_TARGET:-}" ]]; then
  target_args=(--target "$LAMBENCH_RUST_TARGET")
  target_subdir="$LAMBENCH_RUST_TARGET/release"
fi

cargo build --quiet --release --locked --manifest-path "$RUST_DIR/Cargo.toml" --bin "$binary" "${target_args[@]}"

built="$CARGO_TARGET_DIR/$target_subdir/$binary"
dist="$RUST_DIR/dist"
zip_path="$dist/$function_id.zip"
hash_path="$dist/$function_id.bootstrap.sha256"
hash="$(sha256sum "$built" | cut -d' ' -f1)"

if [[ -f "$zip_path" && -f "$hash_path" && "$(cat "$hash_path")" == "$hash" ]]; then
  echo "rust/$function_id: up to date ($zip_path)"
  exit 0
fi

mkdir -p "$dist"
staging="$(mktemp -d "$dist/.staging.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
cp "$built" "$staging/bootstrap"
chmod 755 "$staging/bootstrap"
# 1980-01-01 is the earliest time a zip entry can hold; TZ=UTC keeps the stored time fixed.
TZ=UTC touch -d '1980-01-01 00:00:00' "$staging/bootstrap"
(cd "$staging" && TZ=UTC zip -q -X -9 bootstrap.zip bootstrap)
printf '%s\n' "$hash" >"$staging/hash"
mv -f "$staging/bootstrap.zip" "$zip_path"
mv -f "$staging/hash" "$hash_path"
echo "rust/$function_id: built $zip_path ($(stat -c %s "$zip_path") bytes)"
