"""wave: returns any valid JSON body unchanged, byte for byte."""

from __future__ import annotations

from typing import Any

from lambench_http import Response, handle, parse_json, request_text, text_response


def _wave(event: Any) -> Response:
    text = request_text(event)
    parse_json(text)
    return text_response(200, text)


def handler(event: Any, context: Any) -> Response:
    return handle(event, _wave)
