#!/usr/bin/env bash
# Runs the Go unit tests and the shared conformance vectors (which start their own dynalite).
# Needs the repo's node_modules (tsx, dynalite) for the conformance server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
GOFLAGS=-mod=readonly go vet ./...
GOFLAGS=-mod=readonly go test -count=1 "$@" ./...
