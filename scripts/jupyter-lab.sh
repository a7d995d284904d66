#!/usr/bin/env bash
# Starts JupyterLab (installed in .venv by scripts/setup-python.sh) on the notebooks, on 127.0.0.1
# only. Root needs --allow-root. Extra arguments go to `jupyter lab` (e.g. --port 8899 --no-browser).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/jupyter-lab ]; then
  echo "jupyter-lab: JupyterLab is not installed in .venv: run \`make setup\` (it installs requirements-dev.txt)" >&2
  exit 1
fi
if [ ! -f .cache/report-lib/report-lib.cjs ]; then
  echo "jupyter-lab: the report library bundle is missing: run \`npm run notebooks:prepare\`" >&2
  exit 1
fi
args=(--ip 127.0.0.1)
if [ "$(id -u)" -eq 0 ]; then args+=(--allow-root); fi
exec .venv/bin/jupyter lab "${args[@]}" "$@" notebooks/
