"""API Gateway (REST proxy) events in, proxy responses out, shared by every service."""

from __future__ import annotations

import base64
import binascii
import json
import logging
from typing import Any, Callable

_log = logging.getLogger(__name__)

Response = dict[str, Any]


class BadRequest(Exception):
    """A request the contract rejects with 400; `field` names the first failing field."""

    def __init__(self, error: str, field: str | None = None) -> None:
        super().__init__(error if field is None else f"{error}: {field}")
        self.error = error
        self.field = field

    def response(self) -> Response:
        body = {"error": self.error}
        if self.field is not None:
            body["field"] = self.field
        return json_response(400, body)


def text_response(status: int, text: str) -> Response:
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": text}


def json_response(status: int, value: Any) -> Response:
    return text_response(status, json.dumps(value, separators=(",", ":"), ensure_ascii=False))


def request_text(event: Any) -> str:
    """The request body as text, base64-decoded when the event says so."""
    body = event.get("body") if isinstance(event, dict) else None
    if body is None or body == "":
        raise BadRequest("missing body")
    if not isinstance(body, str):
        raise BadRequest("invalid JSON")
    if event.get("isBase64Encoded") is True:
        try:
            body = base64.b64decode(body, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise BadRequest("invalid JSON") from None
        if body == "":
            raise BadRequest("missing body")
    return body


def _reject_constant(name: str) -> Any:
    # Python's json accepts NaN/Infinity; JSON (and every other runtime) does not.
    raise ValueError(f"{name} is not JSON")


def parse_json(text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise BadRequest("invalid JSON") from None


def handle(event: Any, serve: Callable[[Any], Response]) -> Response:
    """Runs one request: bad input becomes its 400, anything unexpected a logged 500, never a crash."""
    try:
        return serve(event)
    except BadRequest as bad:
        return bad.response()
    except Exception:
        _log.exception("request failed")
        return json_response(500, {"error": "internal error"})
