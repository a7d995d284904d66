"""Region and endpoint from the standard AWS environment, for clients that need them spelled out."""

from __future__ import annotations

import os


def region() -> str | None:
    # Lambda sets AWS_REGION (and AWS_DEFAULT_REGION); botocore itself reads only the latter.
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")


def dynamodb_endpoint() -> str | None:
    return os.environ.get("AWS_ENDPOINT_URL_DYNAMODB") or os.environ.get("AWS_ENDPOINT_URL")
