#!/usr/bin/env bash
# Builds functions/python/dist/<function>.zip (see build.py). Needs the project venv (pip, packaging).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python="${LAMBENCH_PYTHON:-$root/.venv/bin/python}"
[ -x "$python" ] || python="python3"
exec "$python" "$root/functions/python/build.py" "$@"
