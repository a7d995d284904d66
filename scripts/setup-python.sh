#!/usr/bin/env bash
# The project's Python venv (.venv): Jupyter and JupyterLab for the tslab kernel, pytest, moto, cfn-lint.
# Pinned in requirements-dev.txt. Registers the tslab kernel inside the venv.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
npx tslab install --python=.venv/bin/python --sys-prefix --binary="$PWD/node_modules/.bin/tslab" >/dev/null
.venv/bin/jupyter kernelspec list | grep -q tslab || { echo "setup: tslab kernel not registered in .venv" >&2; exit 1; }
