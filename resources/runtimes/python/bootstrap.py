#!/usr/bin/env python3
"""Lambda runtime interface client for Python handlers, run by apigw-studio's function host.

Speaks the AWS Lambda Runtime API (2018-06-01) over loopback exactly as AWS's awslambdaric does, so
handler code behaves as it does on Lambda. Written here (not pip's awslambdaric) because the
machine has no PyPI and the client is a small, stable loop.
"""
import importlib
import json
import os
import socket
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
BASE = "/2018-06-01/runtime"


class LambdaContext:
    """The `context` object AWS passes to Python handlers."""

    # The process's environment does not change between invocations: read it once.
    function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
    function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
    memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
    log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
    log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "")

    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id", "")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn", "")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0") or 0)
        self.identity = _json_or_none(headers.get("Lambda-Runtime-Cognito-Identity"))
        self.client_context = _json_or_none(headers.get("Lambda-Runtime-Client-Context"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def _json_or_none(text):
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _error_body(exc):
    return {
        "errorMessage": str(exc),
        "errorType": type(exc).__name__,
        "requestId": "",
        "stackTrace": traceback.format_tb(exc.__traceback__),
    }


class RuntimeClient:
    """HTTP/1.1 over one keep-alive socket. Not http.client: its header parsing goes through the
    email package and cost more than a whole warm invocation (profiled under load)."""

    def __init__(self):
        host, _, port = API.rpartition(":")
        self.address = (host, int(port))
        self.sock = None
        self.buffer = b""

    def _connect(self):
        self.sock = socket.create_connection(self.address)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def _read_until(self, marker):
        while marker not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the runtime API closed the connection")
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(marker)
        return head

    def _read_exactly(self, size):
        while len(self.buffer) < size:
            chunk = self.sock.recv(max(65536, size - len(self.buffer)))
            if not chunk:
                raise ConnectionError("the runtime API closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    @staticmethod
    def _encode(method, path, body, headers):
        lines = ["%s %s%s HTTP/1.1" % (method, BASE, path), "Host: " + API,
                 "Content-Length: %d" % len(body)]
        lines.extend("%s: %s" % item for item in headers.items())
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body

    def _read_response(self):
        head = self._read_until(b"\r\n\r\n").decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        response_headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            response_headers[name.strip()] = value.strip()
        lowered = {k.lower(): v for k, v in response_headers.items()}
        if lowered.get("transfer-encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self._read_until(b"\r\n").split(b";")[0], 16)
                if size == 0:
                    self._read_until(b"\r\n")
                    break
                data += self._read_exactly(size)
                self._read_exactly(2)
        else:
            data = self._read_exactly(int(lowered.get("content-length", "0") or 0))
        if lowered.get("connection", "").lower() == "close":
            self.sock.close()
            self.sock = None
        return status, response_headers, data

    def _exchange(self, method, path, body, headers):
        self.sock.sendall(self._encode(method, path, body, headers))
        return self._read_response()

    def _request(self, method, path, body=None, headers=None):
        for attempt in (0, 1):
            try:
                if self.sock is None:
                    self._connect()
                return self._exchange(method, path, body or b"", headers or {})
            except (ConnectionError, OSError):
                # The host closed an idle keep-alive connection: reconnect once.
                if self.sock is not None:
                    self.sock.close()
                self.sock = None
                if attempt:
                    raise
        raise RuntimeError("unreachable")

    def next(self):
        _, headers, body = self._request("GET", "/invocation/next")
        return headers, body

    def respond(self, request_id, payload):
        self._request("POST", "/invocation/%s/response" % request_id, payload,
                      {"Content-Type": "application/json"})

    def respond_and_next(self, request_id, payload):
        """Posts the response and asks for the next event in one write (HTTP/1.1 pipelining; the
        host answers in order): a warm invocation then costs one round trip, not two."""
        if self.sock is None:
            self.respond(request_id, payload)
            return self.next()
        self.sock.sendall(
            self._encode("POST", "/invocation/%s/response" % request_id, payload,
                         {"Content-Type": "application/json"})
            + self._encode("GET", "/invocation/next", b"", {}))
        self._read_response()  # 202 Accepted
        if self.sock is None:  # the host closed after the response: ask again
            return self.next()
        _, headers, body = self._read_response()
        return headers, body

    def error(self, request_id, body, error_type):
        self._request("POST", "/invocation/%s/error" % request_id, json.dumps(body).encode(),
                      {"Content-Type": "application/json",
                       "Lambda-Runtime-Function-Error-Type": error_type})

    def init_error(self, body, error_type):
        self._request("POST", "/init/error", json.dumps(body).encode(),
                      {"Content-Type": "application/json",
                       "Lambda-Runtime-Function-Error-Type": error_type})


def load_handler(client):
    spec = os.environ.get("_HANDLER", "")
    module_path, _, function_name = spec.rpartition(".")
    if not module_path or not function_name:
        raise ValueError("Bad handler '%s': expected module.function" % spec)
    module = importlib.import_module(module_path.replace("/", "."))
    handler = getattr(module, function_name, None)
    if handler is None:
        raise AttributeError("Handler '%s' missing on module '%s'" % (function_name, module_path))
    return handler


def main():
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", os.getcwd()))
    client = RuntimeClient()
    try:
        handler = load_handler(client)
    except Exception as exc:  # noqa: BLE001 - everything at init is an init error on Lambda
        error_type = "Runtime.ImportModuleError" if isinstance(exc, ImportError) else "Runtime.HandlerNotFound"
        body = _error_body(exc)
        body["errorType"] = error_type
        print("[ERROR] %s: %s" % (error_type, exc), file=sys.stderr, flush=True)
        client.init_error(body, error_type)
        sys.exit(1)

    headers, raw = client.next()
    while True:
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id", "")
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id", "")
        try:
            event = json.loads(raw) if raw else None
            result = handler(event, LambdaContext(headers))
            payload = json.dumps(result).encode()
        except Exception as exc:  # noqa: BLE001 - reported to the host as the function's error
            body = _error_body(exc)
            body["requestId"] = request_id
            print("[ERROR] %s: %s" % (type(exc).__name__, exc), file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
            sys.stderr.flush()
            sys.stdout.flush()
            client.error(request_id, body, "Unhandled")
            headers, raw = client.next()
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        headers, raw = client.respond_and_next(request_id, payload)


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    main()
