"""Starts the shared conformance DynamoDB server (dynalite via Node) for the tests."""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
CONFORMANCE = REPO_ROOT / "functions" / "conformance"
START_TIMEOUT_S = 60


class DynamoDbServer:
    """The server stops when its stdin closes, so it never outlives the test process."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            ["node", "--import", "tsx", str(CONFORMANCE / "serve-dynamodb.ts")],
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.endpoint = self._read_endpoint()

    def _read_endpoint(self) -> str:
        assert self._process.stdout is not None
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(self._process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(START_TIMEOUT_S)
        line = lines[0] if lines else ""
        if not line:
            self.stop()
            stderr = self._process.stderr.read() if self._process.stderr else ""
            raise RuntimeError(f"serve-dynamodb.ts printed no endpoint within {START_TIMEOUT_S}s: {stderr}")
        endpoint = json.loads(line)["endpoint"]
        if not isinstance(endpoint, str):
            raise RuntimeError(f"serve-dynamodb.ts printed an unexpected line: {line!r}")
        return endpoint

    def stop(self) -> None:
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
