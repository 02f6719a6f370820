"""The store's DynamoDB client against a real local HTTP server that misbehaves on cue."""

from __future__ import annotations

import json
import socket
import threading
import zlib
from collections.abc import Iterator

import pytest
from back_relief.store.dynamo_http import DynamoClient, DynamoUnavailable
from back_relief.store.sigv4 import Credentials


class OneShotServer:
    """Answers one request per connection, then drops the connection without saying so (as a
    server does with an idle keep-alive connection while Lambda is frozen). `crc` chooses the
    x-amz-crc32 it sends: the body's own, or a wrong one."""

    def __init__(self, crc_ok: bool = True) -> None:
        self.crc_ok = crc_ok
        self.requests = 0
        self.connections = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.endpoint = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn:
                self.connections += 1
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _, body = data.partition(b"\r\n\r\n")
                length = int(
                    next(
                        line.split(b":", 1)[1]
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    )
                )
                while len(body) < length:
                    body += conn.recv(65536)
                self.requests += 1
                answer = json.dumps({"Item": {"id": {"S": "k"}}}).encode()
                crc = zlib.crc32(answer) if self.crc_ok else zlib.crc32(answer) + 1
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + f"Content-Length: {len(answer)}\r\nx-amz-crc32: {crc}\r\n\r\n".encode()
                    + answer
                )

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def server() -> Iterator[OneShotServer]:
    srv = OneShotServer()
    yield srv
    srv.close()


def client(endpoint: str, attempts: int = 2) -> DynamoClient:
    creds = Credentials("local", "local")
    return DynamoClient("us-east-1", endpoint, 0.5, 0.8, attempts, credentials=lambda: creds)


def test_a_connection_dropped_between_calls_is_reopened_without_failing(
    server: OneShotServer,
) -> None:
    dynamo = client(server.endpoint, attempts=1)  # no retry to hide behind
    for _ in range(3):
        assert dynamo.call("GetItem", {"TableName": "t"}) == {"Item": {"id": {"S": "k"}}}
    # Each call reached the server exactly once, each on a new connection.
    assert (server.requests, server.connections) == (3, 3)


def test_a_garbled_answer_is_retried_then_reported_as_unavailable() -> None:
    srv = OneShotServer(crc_ok=False)
    try:
        with pytest.raises(DynamoUnavailable, match="CRC32"):
            client(srv.endpoint).call("GetItem", {"TableName": "t"})
        assert srv.requests == 2  # both attempts, no more
    finally:
        srv.close()
