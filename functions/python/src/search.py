"""search (also deployed as warmup): queries the 9 cells around a point one after the other."""

from __future__ import annotations

from typing import Any

import boto3

from lambench_geo import search_cells
from lambench_aws import region
from lambench_http import Response, handle, json_response, request_text
from lambench_input import parse_object, search_request
from lambench_table import GEO_INDEX, from_attributes, owner_prefix, search_result, table_name

# Init phase: one client per instance; botocore reads the endpoint from AWS_ENDPOINT_URL_DYNAMODB.
_dynamodb = boto3.client("dynamodb", region_name=region())
_queries = _dynamodb.get_paginator("query")
_table = table_name()


def _cell_items(cell: str, owner: str) -> list[dict[str, str]]:
    pages = _queries.paginate(
        TableName=_table,
        IndexName=GEO_INDEX,
        KeyConditionExpression="gpk = :cell AND begins_with(gsk, :prefix)",
        ExpressionAttributeValues={":cell": {"S": cell}, ":prefix": {"S": owner_prefix(owner)}},
    )
    return [search_result(from_attributes(item)) for page in pages for item in page["Items"]]


def _search(event: Any) -> Response:
    request = search_request(parse_object(request_text(event)))
    results = []
    for cell in search_cells(request.lat, request.lon):
        results.extend(_cell_items(cell, request.owner))
    return json_response(200, results)


def handler(event: Any, context: Any) -> Response:
    return handle(event, _search)
