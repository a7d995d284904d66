"""The shared conformance vectors, read for the Python entries of the manifest."""

from __future__ import annotations

import copy
import functools
import json
import subprocess
from typing import Any, Iterator

from dynamodb_server import CONFORMANCE, REPO_ROOT


@functools.cache
def python_entries() -> list[dict[str, Any]]:
    """Python entries of the project's own code whose function declares vectors (conformance/<function>.json).

    The entries are the manifest's as the project derives them (functions/cli/entries.ts), not a
    second derivation here: handler, build command and artefact come from the python family's template.
    """
    result = subprocess.run(
        ["node", "--import", "tsx", str(REPO_ROOT / "functions" / "cli" / "entries.ts"), "python"],
        capture_output=True, text=True, cwd=REPO_ROOT, check=True, timeout=120,
    )
    return [
        entry
        for entry in json.loads(result.stdout)
        if "source" not in entry and (CONFORMANCE / f"{entry['function']}.json").exists()
    ]


def vector_cases(function: str) -> list[dict[str, Any]]:
    path = CONFORMANCE / f"{function}.json"
    vectors = json.loads(path.read_text())
    if vectors.get("function") == function and "casesOf" in vectors:
        # A function with another's behaviour (conc, warmup: search) answers that function's cases.
        return vector_cases(vectors["casesOf"])
    if vectors.get("function") != function or not vectors.get("cases"):
        raise ValueError(f"{path}: expected function {function!r} with at least one case")
    return list(vectors["cases"])


def all_cases() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for entry in python_entries():
        for case in vector_cases(entry["function"]):
            yield entry, case


def event_for(request: dict[str, Any]) -> dict[str, Any]:
    """event.json with body/isBase64Encoded taken from the case: an absent key stays absent."""
    event = copy.deepcopy(json.loads((CONFORMANCE / "event.json").read_text()))
    event.pop("$comment", None)
    for key in ("body", "isBase64Encoded"):
        if key in request:
            event[key] = request[key]
        else:
            event.pop(key, None)
    return event
