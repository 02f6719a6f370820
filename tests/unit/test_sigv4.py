"""The store's own SigV4 signer: AWS's published test suite, and botocore's signer on the
very requests the DynamoDB client sends."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import botocore.auth
import pytest
from back_relief.store.dynamo_http import DynamoClient
from back_relief.store.sigv4 import Credentials, sign
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials as BotoCredentials

# aws-sig-v4-test-suite: its credentials, clock, region and service for every vector.
SUITE_KEY = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
SUITE_DATE = "20150830T123600Z"
SUITE_TOKEN = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"
HOST = {"Host": "example.amazonaws.com"}
FORM = {**HOST, "Content-Type": "application/x-www-form-urlencoded"}

VECTORS = [
    # name, method, query, headers, body, token, signed headers, signature
    (
        "get-vanilla",
        "GET",
        "",
        HOST,
        b"",
        None,
        "host;x-amz-date",
        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    ),
    (
        "post-vanilla",
        "POST",
        "",
        HOST,
        b"",
        None,
        "host;x-amz-date",
        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
    ),
    (
        "get-vanilla-query-order-key-case",
        "GET",
        "Param2=value2&Param1=value1",
        HOST,
        b"",
        None,
        "host;x-amz-date",
        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
    ),
    (
        "post-x-www-form-urlencoded",
        "POST",
        "",
        FORM,
        b"Param1=value1",
        None,
        "content-type;host;x-amz-date",
        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
    ),
    (
        "get-vanilla-with-session-token",
        "GET",
        "",
        HOST,
        b"",
        SUITE_TOKEN,
        "host;x-amz-date;x-amz-security-token",
        "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
    ),
]


@pytest.mark.parametrize(
    ("method", "query", "headers", "body", "token", "signed", "signature"),
    [v[1:] for v in VECTORS],
    ids=[v[0] for v in VECTORS],
)
def test_signer_reproduces_aws_published_test_suite(
    method: str,
    query: str,
    headers: dict[str, str],
    body: bytes,
    token: str | None,
    signed: str,
    signature: str,
) -> None:
    creds = SUITE_KEY._replace(token=token)
    added = sign(method, "/", query, headers, body, creds, "us-east-1", "service", SUITE_DATE)
    assert added["Authorization"] == (
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        f"SignedHeaders={signed}, Signature={signature}"
    )
    assert added["X-Amz-Date"] == SUITE_DATE
    assert added.get("X-Amz-Security-Token") == token


class Recorder:
    """A DynamoDB stand-in that records each request and answers `{}`."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                recorder.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(200)
                self.send_header("Content-Type", "application/x-amz-json-1.0")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    rec = Recorder()
    yield rec
    rec.server.shutdown()
    rec.server.server_close()


PUT = {
    "TableName": "progress",
    "Item": {"id": {"S": "k" * 64}, "data": {"S": '{"a":"é"}'}, "version": {"N": "2"}},
    "ConditionExpression": "#v = :expected",
    "ExpressionAttributeNames": {"#v": "version"},
    "ExpressionAttributeValues": {":expected": {"N": "1"}},
}


def test_client_requests_are_what_boto3_sends_and_botocore_signs_them_alike(
    recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import boto3

    creds = Credentials("ASIAEXAMPLE", "secret/key+example", "session-token-from-lambda")
    ours = DynamoClient("eu-west-1", recorder.endpoint, 0.5, 0.8, 2, credentials=lambda: creds)
    ours.call("PutItem", PUT)
    theirs = boto3.client(
        "dynamodb",
        endpoint_url=recorder.endpoint,
        region_name="eu-west-1",
        aws_access_key_id=creds.access_key,
        aws_secret_access_key=creds.secret_key,
        aws_session_token=creds.token,
    )
    theirs.put_item(**PUT)
    (our_headers, our_body), (boto_headers, boto_body) = recorder.requests

    # The same operation, body and content type as boto3 puts on the wire.
    for name in ("x-amz-target", "content-type", "host", "x-amz-security-token"):
        assert our_headers[name] == boto_headers[name], name
    assert json.loads(our_body) == json.loads(boto_body)

    # And botocore's signer, given our request and our clock, signs it exactly as we did.
    signed_at = datetime.strptime(our_headers["x-amz-date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: signed_at)
    request = AWSRequest(
        method="POST",
        url=recorder.endpoint + "/",
        data=our_body,
        headers={
            "Content-Type": our_headers["content-type"],
            "X-Amz-Target": our_headers["x-amz-target"],
        },
    )
    boto_creds = BotoCredentials(creds.access_key, creds.secret_key, creds.token)
    botocore.auth.SigV4Auth(boto_creds, "dynamodb", "eu-west-1").add_auth(request)
    assert our_headers["authorization"] == request.headers["Authorization"]
    assert "x-amz-security-token" in our_headers["authorization"]
