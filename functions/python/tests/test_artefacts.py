"""The built zips: contents, incremental builds, and each handler run from its unpacked zip alone
(only the standard library and the zip root on sys.path, as Lambda's python3.11 has it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

import table
from conformance import event_for, python_entries, vector_cases
from dynamodb_server import REPO_ROOT

SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
BUILD_SH = REPO_ROOT / "functions" / "python" / "build.sh"

RUN_FROM_ZIP = """
import json, sys
sys.path.insert(0, sys.argv[1])
module_name, function_name = sys.argv[2].rsplit(".", 1)
handler = getattr(__import__(module_name), function_name)
print(json.dumps(handler(json.loads(sys.stdin.read()), None)))
"""


def build(entry: dict[str, Any]) -> str:
    """Runs the entry's own build command from the manifest (warmup: `build.sh warmup search`)."""
    result = subprocess.run(entry["build"], shell=True, capture_output=True, text=True, cwd=REPO_ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def artefact(entry: dict[str, Any]) -> Path:
    return REPO_ROOT / entry["artefact"]


def smoke_case(function: str) -> dict[str, Any]:
    """The first successful case that reads or writes seeded data; wave's first case otherwise."""
    cases = vector_cases(function)
    return next((c for c in cases if c["expect"]["statusCode"] == 200 and c.get("seed")), cases[0])


def test_wave_zip_holds_only_its_modules_and_rebuilds_only_on_change() -> None:
    entry = next(e for e in python_entries() if e["function"] == "wave")
    build(entry)
    assert build(entry).strip() == "python/wave: up to date (functions/python/dist/wave.zip)"
    with zipfile.ZipFile(artefact(entry)) as archive:
        assert sorted(archive.namelist()) == ["lambench_http.py", "wave.py"]


def test_build_rejects_an_unknown_function() -> None:
    result = subprocess.run(["bash", str(BUILD_SH), "no-such-function"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert result.returncode == 1
    assert "no-such-function.py: handler module not found" in result.stderr


@pytest.mark.parametrize("entry", python_entries(), ids=lambda entry: entry["function"])
def test_handler_runs_from_its_zip(entry: dict[str, Any], dynamodb: Any) -> None:
    build(entry)
    case = smoke_case(entry["function"])
    table.clear(dynamodb)
    table.seed(dynamodb, case.get("seed", []))

    # Unpacked into memory where possible and removed at once (pytest's tmp_path would keep
    # ~70 MB of small files per run on disk).
    with tempfile.TemporaryDirectory(prefix=f"lambench-{entry['function']}-", dir=SCRATCH) as unpacked:
        with zipfile.ZipFile(artefact(entry)) as archive:
            assert not [name for name in archive.namelist() if "__pycache__" in name or name.endswith(".pyc")]
            archive.extractall(unpacked)
        result = subprocess.run(
            [sys.executable, "-I", "-S", "-c", RUN_FROM_ZIP, unpacked, entry["handler"]],
            input=json.dumps(event_for(case["request"])), capture_output=True, text=True, timeout=120,
        )

    assert result.returncode == 0, result.stderr
    response = json.loads(result.stdout)
    assert response["statusCode"] == 200
    if "bodyText" in case["expect"]:
        assert response["body"] == case["expect"]["bodyText"]
    else:
        assert json.loads(response["body"]) == case["expect"]["body"]
