"""Test-side access to the geo table: clear, seed and read back as plain string items."""

from __future__ import annotations

from typing import Any

TABLE = "geo"


def _plain(item: dict[str, dict[str, str]]) -> dict[str, str]:
    if any(set(value) != {"S"} for value in item.values()):
        raise AssertionError(f"every attribute must be a string (S): {item}")
    return {key: value["S"] for key, value in item.items()}


def scan(client: Any) -> list[dict[str, str]]:
    items = [_plain(item) for page in client.get_paginator("scan").paginate(TableName=TABLE) for item in page["Items"]]
    return sorted(items, key=lambda item: (item["pk"], item["sk"]))


def clear(client: Any) -> None:
    for item in scan(client):
        client.delete_item(TableName=TABLE, Key={"pk": {"S": item["pk"]}, "sk": {"S": item["sk"]}})


def seed(client: Any, items: list[dict[str, str]]) -> None:
    for item in items:
        client.put_item(TableName=TABLE, Item={key: {"S": value} for key, value in item.items()})
