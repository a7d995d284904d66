"""conc: search with the 9 cell queries issued concurrently (asyncio + aiodynamo over aiohttp)."""

from __future__ import annotations

import asyncio
import atexit
from typing import Any

import aiohttp
from aiodynamo.client import Client
from aiodynamo.credentials import Credentials
from aiodynamo.expressions import HashKey, RangeKey
from aiodynamo.http.aiohttp import AIOHTTP
from yarl import URL

from lambench_aws import dynamodb_endpoint, region
from lambench_geo import search_cells
from lambench_http import Response, handle, json_response, request_text
from lambench_input import parse_object, search_request
from lambench_table import GEO_INDEX, owner_prefix, search_result, table_name


def _require_region() -> str:
    name = region()
    if not name:
        raise RuntimeError("conc: set AWS_REGION (Lambda sets it) or AWS_DEFAULT_REGION")
    return name


def _endpoint() -> URL | None:
    # aiodynamo does not read the SDKs' standard endpoint variables, so they are read here.
    url = dynamodb_endpoint()
    return URL(url) if url else None


async def _open_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession()  # aiohttp wants its session created inside the loop it runs on


# Init phase: Lambda reuses the process, so one event loop and one client (with its connection
# pool, bound to that loop) serve every invocation of this instance. aiohttp rather than httpx:
# httpx's per-request overhead made the 9 concurrent queries slower than sequential boto3 calls.
_loop = asyncio.new_event_loop()
_session = _loop.run_until_complete(_open_session())
atexit.register(lambda: _loop.run_until_complete(_session.close()))
_dynamodb = Client(AIOHTTP(_session), Credentials.auto(), _require_region(), endpoint=_endpoint())
_table = table_name()


async def _cell_items(cell: str, owner: str) -> list[dict[str, str]]:
    condition = HashKey("gpk", cell) & RangeKey("gsk").begins_with(owner_prefix(owner))
    return [search_result(item) async for item in _dynamodb.query(_table, condition, index=GEO_INDEX)]


async def _search_all(cells: list[str], owner: str) -> list[dict[str, str]]:
    # A TaskGroup cancels and awaits the other queries when one fails, so none is left pending
    # in the loop, which only runs during an invocation.
    async with asyncio.TaskGroup() as group:
        per_cell = [group.create_task(_cell_items(cell, owner)) for cell in cells]
    return [item for task in per_cell for item in task.result()]


def _conc(event: Any) -> Response:
    request = search_request(parse_object(request_text(event)))
    cells = search_cells(request.lat, request.lon)
    return json_response(200, _loop.run_until_complete(_search_all(cells, request.owner)))


def handler(event: Any, context: Any) -> Response:
    return handle(event, _conc)
