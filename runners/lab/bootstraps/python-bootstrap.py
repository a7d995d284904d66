"""Lab bootstrap for Python handlers: imports $_HANDLER from $LAMBDA_TASK_ROOT and loops over the
Lambda Runtime API (next -> handler -> response | error), as the managed Python runtime does."""
import http.client
import importlib
import json
import os
import sys
import time
import traceback

BASE = "/2018-06-01/runtime"
host, port = os.environ["AWS_LAMBDA_RUNTIME_API"].split(":")
conn = http.client.HTTPConnection(host, int(port))


def call(method, path, body=None, headers=None):
    global conn
    for attempt in (0, 1):
        try:
            conn.request(method, path, body=body, headers=headers or {})
            res = conn.getresponse()
            return res.status, res.headers, res.read()
        except (http.client.HTTPException, ConnectionError, OSError):
            conn.close()
            if attempt == 1:
                raise
            conn = http.client.HTTPConnection(host, int(port))


def error_body(exc, error_type=None):
    return json.dumps({
        "errorType": error_type or type(exc).__name__,
        "errorMessage": str(exc),
        "stackTrace": traceback.format_exception(type(exc), exc, exc.__traceback__),
    }).encode()


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))

    def get_remaining_time_in_millis(self):
        return self._deadline - int(time.time() * 1000)


def load_handler():
    spec = os.environ.get("_HANDLER", "")
    module_name, _, attr = spec.rpartition(".")
    if not module_name:
        return ValueError("Bad handler " + spec), "Runtime.MalformedHandlerName"
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except Exception as exc:  # noqa: BLE001 - any import failure is an init error
        return exc, "Runtime.ImportModuleError"
    fn = getattr(module, attr, None)
    if not callable(fn):
        return AttributeError(f"{spec} is not a function"), "Runtime.HandlerNotFound"
    return fn, None


def main():
    try:
        handler, init_error = load_handler()
    except BaseException as exc:  # noqa: BLE001
        handler, init_error = exc, "Runtime.ImportModuleError"
    if init_error:
        try:
            call("POST", BASE + "/init/error", error_body(handler, init_error),
                 {"Lambda-Runtime-Function-Error-Type": init_error, "Content-Type": "application/json"})
        finally:
            sys.exit(1)
    while True:
        try:
            _, headers, body = call("GET", BASE + "/invocation/next")
        except OSError:
            sys.exit(0)  # the lab is gone: so is this instance
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id", "")
        try:
            result = handler(json.loads(body), Context(headers))
            payload = json.dumps(result).encode()
        except Exception as exc:  # noqa: BLE001 - a handler error is reported, not fatal
            call("POST", f"{BASE}/invocation/{request_id}/error", error_body(exc),
                 {"Lambda-Runtime-Function-Error-Type": "Unhandled", "Content-Type": "application/json"})
            continue
        call("POST", f"{BASE}/invocation/{request_id}/response", payload, {"Content-Type": "application/json"})


if __name__ == "__main__":
    main()
