"""What the web service withstands on its own, with real processes and real sockets on loopback:
hundreds of clients that stall mid-request, and a certificate server that trickles."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from collections.abc import Iterator

import pytest
from back_relief.hosting import verify
from back_relief.hosting.__main__ import CHANNEL_TIMEOUT_S
from back_relief.hosting.verify import VerificationError

from tests.builders.services import Service
from tests.builders.signing import encode, launch_envelope

pytestmark = pytest.mark.integration

STALLED_CLIENTS = 500
ANSWER_WITHIN_S = 2.0


def stall(url: str, count: int) -> list[socket.socket]:
    """Open `count` connections that each send half a request and then say nothing."""
    host, port = url.removeprefix("http://").split(":")
    half = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    half += b'Content-Length: 4096\r\n\r\n{"version": "1.0", "requ'
    clients = []
    for _ in range(count):
        client = socket.create_connection((host, int(port)), timeout=5)
        client.sendall(half)
        clients.append(client)
    return clients


def test_500_stalled_clients_do_not_keep_a_normal_request_from_an_answer(
    dev_service: Service,
) -> None:
    clients = stall(dev_service.url, STALLED_CLIENTS)
    try:
        request = urllib.request.Request(
            f"{dev_service.url}/",
            data=encode(launch_envelope()),
            headers={"Content-Type": "application/json"},
        )
        started = time.monotonic()
        with urllib.request.urlopen(request, timeout=10) as response:
            status, body = response.status, response.read()
        elapsed = time.monotonic() - started
        assert status == 200 and b"outputSpeech" in body
        assert elapsed < ANSWER_WITHIN_S, f"answered after {elapsed:.2f} s"
    finally:
        for client in clients:
            client.close()


def test_a_stalled_client_is_disconnected_after_the_channel_timeout(dev_service: Service) -> None:
    [client] = stall(dev_service.url, 1)
    client.settimeout(CHANNEL_TIMEOUT_S + 10)
    started = time.monotonic()
    try:
        data = client.recv(1024)  # b"" when the server closes the connection
    finally:
        client.close()
    assert data == b""
    assert time.monotonic() - started <= CHANNEL_TIMEOUT_S + 5


class Trickler:
    """A loopback server that sends one byte every half second, in the status line or the
    body, for at most MAX_BYTES bytes; it stops by itself when the client goes away."""

    MAX_BYTES = 60
    INTERVAL_S = 0.5

    def __init__(self, in_headers: bool) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/echo.api/cert.pem"
        head = b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n"
        self.prefix, self.drip = (b"", head) if in_headers else (head, b"-" * self.MAX_BYTES)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(10)
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            try:
                conn.recv(4096)
                conn.sendall(self.prefix)
                for byte in self.drip[: self.MAX_BYTES]:
                    conn.sendall(bytes([byte]))
                    time.sleep(self.INTERVAL_S)
            except OSError:
                return  # the client gave up, which is what the test wants

    def close(self) -> None:
        self.listener.close()
        self.thread.join(timeout=self.MAX_BYTES * self.INTERVAL_S + 5)


@pytest.fixture(params=[False, True], ids=["body", "status-line"])
def trickler(request: pytest.FixtureRequest) -> Iterator[Trickler]:
    server = Trickler(in_headers=request.param)
    yield server
    server.close()


def test_a_trickling_certificate_server_is_cut_off_at_one_overall_deadline(
    trickler: Trickler,
) -> None:
    started = time.monotonic()
    with pytest.raises(VerificationError, match="could not download certificate"):
        verify.download(trickler.url)
    elapsed = time.monotonic() - started
    # Each byte arrives well within any per-read timeout; only an overall deadline stops it.
    assert verify.DOWNLOAD_TIMEOUT_S <= elapsed < verify.DOWNLOAD_TIMEOUT_S + 0.5
