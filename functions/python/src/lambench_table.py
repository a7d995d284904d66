"""The geo table: its name, the item a save writes and what a search returns of it."""

from __future__ import annotations

import os
from typing import Any, Mapping

from lambench_geo import cell_of
from lambench_input import SaveRequest

GEO_INDEX = "geo-index"


def table_name() -> str:
    return os.environ.get("TABLE_NAME") or "geo"


def owner_prefix(owner: str) -> str:
    return f"RT:{owner}"


def saved_item(request: SaveRequest) -> dict[str, str]:
    return {
        "pk": owner_prefix(request.owner),
        "sk": request.name,
        "gpk": cell_of(request.lat, request.lon),
        "gsk": f"{owner_prefix(request.owner)}:{request.name}",
        "owner": request.owner,
        "name": request.name,
        "lat": request.lat,
        "lon": request.lon,
    }


def search_result(item: Mapping[str, str]) -> dict[str, str]:
    return {"owner": item["owner"], "name": item["name"], "lat": item["lat"], "lon": item["lon"]}


def to_attributes(item: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Plain strings to the low-level client's attribute values (every attribute is S)."""
    return {key: {"S": value} for key, value in item.items()}


def from_attributes(item: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    return {key: value["S"] for key, value in item.items() if "S" in value}
