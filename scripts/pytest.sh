#!/usr/bin/env bash
# Runs every pytest suite of the project with the project venv.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest -q functions/python "$@"
