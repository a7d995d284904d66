#!/usr/bin/env bash
# System packages the tests and the report need (Debian). Installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v zip >/dev/null || need+=(zip)
command -v unzip >/dev/null || need+=(unzip)
command -v ab >/dev/null || need+=(apache2-utils)
command -v ps >/dev/null || need+=(procps)
# aws-lambda-ric (runners/lab/runtimes) builds its native client at install time.
command -v cmake >/dev/null || need+=(cmake)
command -v make >/dev/null || need+=(make)
command -v g++ >/dev/null || need+=(g++)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing system packages: ${need[*]} — install them as root (apt-get install -y ${need[*]})" >&2
  exit 1
fi
echo "setup: installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
