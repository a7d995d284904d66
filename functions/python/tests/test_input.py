"""Edges of body decoding and field validation beyond the shared vectors."""

from __future__ import annotations

import base64

import pytest

from lambench_http import BadRequest, parse_json, request_text
from lambench_input import parse_object, save_request, search_request

VALID_SAVE = {"owner": "ana", "name": "home", "lat": "51.5", "lon": "-0.1"}


def rejection(call, *args) -> tuple[str, str | None]:
    with pytest.raises(BadRequest) as caught:
        call(*args)
    return caught.value.error, caught.value.field


@pytest.mark.parametrize(
    "lat",
    ["1\n", "١", "+1", "1.", ".5", "-", "0x10", "1_000", "Infinity", ""],
    ids=["trailing newline", "arabic digit", "plus sign", "bare point", "no integer part", "lone minus", "hex", "underscore", "Infinity", "empty"],
)
def test_rejects_what_is_not_a_decimal_string(lat: str) -> None:
    assert rejection(save_request, {**VALID_SAVE, "lat": lat}) == ("invalid field", "lat")


def test_checks_range_exactly_not_through_a_float() -> None:
    assert rejection(save_request, {**VALID_SAVE, "lat": "90.00000000000000000001"}) == ("out of range", "lat")
    assert save_request({**VALID_SAVE, "lat": "-90.000", "lon": "180"}).lat == "-90.000"


def test_reports_fields_in_contract_order() -> None:
    assert rejection(search_request, {"owner": 1, "lat": "x"}) == ("invalid field", "owner")
    assert rejection(search_request, {"owner": "a", "lat": "1", "lon": "2", "radius": "0.0"}) == ("out of range", "radius")
    assert rejection(save_request, {"owner": "a", "name": True, "lat": "1", "lon": "2"}) == ("invalid field", "name")


def test_rejects_non_standard_json_constants() -> None:
    assert rejection(parse_json, '{"a": NaN}') == ("invalid JSON", None)
    assert rejection(parse_object, "-Infinity") == ("invalid JSON", None)


def test_decodes_base64_and_rejects_what_does_not_decode() -> None:
    encoded = base64.b64encode('{"é":1}'.encode()).decode()
    assert request_text({"body": encoded, "isBase64Encoded": True}) == '{"é":1}'
    assert rejection(request_text, {"body": "%%%", "isBase64Encoded": True}) == ("invalid JSON", None)
    assert rejection(request_text, {"body": base64.b64encode(b"\xff").decode(), "isBase64Encoded": True}) == ("invalid JSON", None)


def test_treats_a_non_event_as_a_missing_body() -> None:
    assert rejection(request_text, None) == ("missing body", None)
    assert rejection(request_text, {"body": 42}) == ("invalid JSON", None)
