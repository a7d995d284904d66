"""Validation of the save and search payloads, field by field in contract order."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Callable, NamedTuple

from lambench_http import BadRequest, parse_json

# Decimal strings only: no exponent, no whitespace, no NaN, ASCII digits.
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


class SaveRequest(NamedTuple):
    owner: str
    name: str
    lat: str
    lon: str


class SearchRequest(NamedTuple):
    owner: str
    lat: str
    lon: str
    radius: str


def parse_object(text: str) -> dict[str, Any]:
    value = parse_json(text)
    if not isinstance(value, dict):
        raise BadRequest("body must be a JSON object")
    return value


def _present(body: dict[str, Any], field: str) -> Any:
    value = body.get(field)
    if value is None:
        raise BadRequest("missing field", field)
    return value


def text_field(body: dict[str, Any], field: str) -> str:
    value = _present(body, field)
    if not isinstance(value, str) or value == "":
        raise BadRequest("invalid field", field)
    return value


def decimal_field(body: dict[str, Any], field: str, in_range: Callable[[Decimal], bool]) -> str:
    """The original decimal string; the range is checked exactly, not through a float."""
    value = _present(body, field)
    if not isinstance(value, str) or _DECIMAL.fullmatch(value) is None:
        raise BadRequest("invalid field", field)
    if not in_range(Decimal(value)):
        raise BadRequest("out of range", field)
    return value


def _latitude(value: Decimal) -> bool:
    return -90 <= value <= 90


def _longitude(value: Decimal) -> bool:
    return -180 <= value <= 180


def _radius(value: Decimal) -> bool:
    return value > 0


def save_request(body: dict[str, Any]) -> SaveRequest:
    return SaveRequest(
        owner=text_field(body, "owner"),
        name=text_field(body, "name"),
        lat=decimal_field(body, "lat", _latitude),
        lon=decimal_field(body, "lon", _longitude),
    )


def search_request(body: dict[str, Any]) -> SearchRequest:
    return SearchRequest(
        owner=text_field(body, "owner"),
        lat=decimal_field(body, "lat", _latitude),
        lon=decimal_field(body, "lon", _longitude),
        radius=decimal_field(body, "radius", _radius),
    )
