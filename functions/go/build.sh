#!/usr/bin/env bash
# Builds functions/go/dist/<function>.zip: one linux/amd64 executable named bootstrap, for the
# provided.al2023 runtime. The code is cmd/<source>: the manifest's go entry passes the function
# whose code this one ships (its `sourceOf`, e.g. warmup ships search, else itself). Skips the build
# while the sources, go.mod/go.sum, this script and the Go version are unchanged (their hash is kept
# beside the zip).
set -euo pipefail

usage() { echo "usage: bash functions/go/build.sh <function> [<function whose code it ships, default: itself>]" >&2; exit 2; }
[ $# -eq 1 ] || [ $# -eq 2 ] || usage
function_name=$1
source_name=${2:-$1}
module_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ -f "$module_dir/cmd/$source_name/main.go" ] || { echo "build.sh: no Go function '$function_name' (no cmd/$source_name/main.go)" >&2; exit 2; }
cd "$module_dir"

dist=dist
zip_path=$dist/$function_name.zip
hash_path=$dist/$function_name.zip.sha256

inputs_hash() {
  {
    echo "function=$function_name source=$source_name"
    go version
    find cmd internal -name '*.go' ! -name '*_test.go' -print0 | sort -z | xargs -0 sha256sum
    sha256sum go.mod go.sum build.sh
  } | sha256sum | cut -d' ' -f1
}

hash=$(inputs_hash)
if [ -f "$zip_path" ] && [ -f "$hash_path" ] && [ "$(cat "$hash_path")" = "$hash" ]; then
  echo "go $function_name: up to date (functions/go/$zip_path)"
  exit 0
fi

mkdir -p "$dist"
work=$(mktemp -d "$dist/.build-$function_name.XXXXXX")
trap 'rm -rf "$work"' EXIT
GOOS=linux GOARCH=amd64 CGO_ENABLED=0 GOFLAGS=-mod=readonly \
  go build -trimpath -buildvcs=false -ldflags "-s -w" -tags lambda.norpc \
  -o "$work/bootstrap" "./cmd/$source_name"
# Fixed mtime and no extra attributes, so the same binary gives the same zip bytes.
touch -d @0 "$work/bootstrap"
(cd "$work" && TZ=UTC zip -q -X -D "$function_name.zip" bootstrap)
mv -f "$work/$function_name.zip" "$zip_path"
echo "$hash" > "$work/hash"
mv -f "$work/hash" "$hash_path"
echo "go $function_name: built functions/go/$zip_path ($(stat -c %s "$zip_path") bytes)"
