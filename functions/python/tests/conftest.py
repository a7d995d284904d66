"""Session fixtures: one DynamoDB server and the geo table. The environment points at the server
before any handler module is imported, since handlers create their clients at import (init phase)."""

from __future__ import annotations

import json
import os
from typing import Any, Iterator

import boto3
import pytest

from dynamodb_server import CONFORMANCE, DynamoDbServer

TEST_ENV = {
    "AWS_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "TABLE_NAME": "geo",
}


@pytest.fixture(scope="session")
def dynamodb_endpoint() -> Iterator[str]:
    server = DynamoDbServer()
    saved = {key: os.environ.get(key) for key in [*TEST_ENV, "AWS_ENDPOINT_URL_DYNAMODB"]}
    os.environ.update(TEST_ENV, AWS_ENDPOINT_URL_DYNAMODB=server.endpoint)
    try:
        yield server.endpoint
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def dynamodb(dynamodb_endpoint: str) -> Any:
    """A harness client (explicit endpoint) with the geo table created from table.json."""
    client = boto3.client("dynamodb", endpoint_url=dynamodb_endpoint, region_name=TEST_ENV["AWS_REGION"])
    definition = json.loads((CONFORMANCE / "table.json").read_text())
    client.create_table(**{key: value for key, value in definition.items() if not key.startswith("$")})
    client.get_waiter("table_exists").wait(TableName=definition["TableName"], WaiterConfig={"Delay": 1})
    return client
