"""Test-only handler for the lab's tests (see ../README.md)."""
import json
import os
import platform
import sys
import time

KEEP = []
# A slow init on demand, so tests can look at an instance while it initialises.
time.sleep(float(os.environ.get("LAB_TEST_INIT_SLEEP_S", "0")))


def handler(event, context):
    body = json.loads(event["body"]) if event.get("body") else {}
    if body.get("sleepMs"):
        time.sleep(body["sleepMs"] / 1000)
    if body.get("crash"):
        sys.exit(3)
    if body.get("throw"):
        raise RuntimeError("asked to throw")
    if body.get("allocMB"):
        KEEP.append(bytearray(b"\x01" * (body["allocMB"] * 1024 * 1024)))
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"echo": body, "pid": os.getpid(), "requestId": context.aws_request_id,
                            "memory": context.memory_limit_in_mb,
                            "runtime": platform.python_version()}),
    }
