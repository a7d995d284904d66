"""A DynamoDB failure is a 500 with the contract's body, not a crash (not in the shared vectors)."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

import table
from conformance import event_for, python_entries


@pytest.mark.parametrize("function", ["save", "search", "conc"])
def test_a_missing_table_is_an_internal_error(function: str, dynamodb: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    table.clear(dynamodb)
    handler = next(entry["handler"] for entry in python_entries() if entry["function"] == function)
    module = importlib.import_module(handler.rsplit(".", 1)[0])
    monkeypatch.setattr(module, "_table", "no-such-table")
    body = {"owner": "ana", "name": "home", "lat": "51.5", "lon": "-0.1", "radius": "1"}

    response = module.handler(event_for({"body": json.dumps(body)}), None)

    assert response["statusCode"] == 500
    assert json.loads(response["body"]) == {"error": "internal error"}
