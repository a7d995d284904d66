"""save: validates {owner, name, lat, lon}, writes the item with its geohash, returns it."""

from __future__ import annotations

from typing import Any

import boto3

from lambench_aws import region
from lambench_http import Response, handle, json_response, request_text
from lambench_input import parse_object, save_request
from lambench_table import saved_item, table_name, to_attributes

# Init phase: one client per instance; botocore reads the endpoint from AWS_ENDPOINT_URL_DYNAMODB.
_dynamodb = boto3.client("dynamodb", region_name=region())
_table = table_name()


def _save(event: Any) -> Response:
    item = saved_item(save_request(parse_object(request_text(event))))
    _dynamodb.put_item(TableName=_table, Item=to_attributes(item))
    return json_response(200, item)


def handler(event: Any, context: Any) -> Response:
    return handle(event, _save)
