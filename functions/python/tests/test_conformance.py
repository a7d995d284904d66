"""Replays functions/conformance/<function>.json against every Python entry of the manifest."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

import table
from conformance import all_cases, event_for

CASES = [pytest.param(entry, case, id=f"{entry['function']}: {case['name']}") for entry, case in all_cases()]


def invoke(handler_path: str, event: dict[str, Any]) -> Any:
    module_name, function_name = handler_path.rsplit(".", 1)
    return getattr(importlib.import_module(module_name), function_name)(event, None)


@pytest.mark.parametrize(("entry", "case"), CASES)
def test_conformance(entry: dict[str, Any], case: dict[str, Any], dynamodb: Any) -> None:
    table.clear(dynamodb)
    table.seed(dynamodb, case.get("seed", []))

    response = invoke(entry["handler"], event_for(case["request"]))

    expect = case["expect"]
    assert response["statusCode"] == expect["statusCode"]
    assert response["headers"] == {"Content-Type": "application/json"}
    if "bodyText" in expect:
        assert response["body"] == expect["bodyText"]
    if "body" in expect:
        assert json.loads(response["body"]) == expect["body"]
    if "table" in expect:
        assert table.scan(dynamodb) == expect["table"]


BUILT_IN_FUNCTIONS = {"wave", "save", "search", "conc", "warmup"}


def test_every_built_in_python_entry_has_cases() -> None:
    assert BUILT_IN_FUNCTIONS <= {entry["function"] for entry, _ in all_cases()}
