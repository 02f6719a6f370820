"""The skill as a Flask web service: POST / takes an Alexa request envelope; GET /healthz.

ask-sdk's own Flask adapter (flask-ask-sdk) cannot be imported on current OpenSSL, so this is a
small adapter of our own: read the raw body, verify it, hand the envelope to the same
`lambda_handler` that runs on AWS Lambda, and answer with its JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import flask
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .verify import RequestVerifier, VerificationError, parse_envelope

Handler = Callable[[dict[str, Any]], dict[str, Any]]

log = logging.getLogger(__name__)

# Last resort only: the skill answers its own errors from content data. This runs when the skill
# itself could not be loaded or crashed, so it must not depend on the content loader either.
FALLBACK_SPEECH = "Sorry, something went wrong on my side. Please try again in a moment."


def default_handler(envelope: dict[str, Any]) -> dict[str, Any]:
    # Imported on first request so the web service starts fast and tests can swap the handler.
    from back_relief.skill import lambda_handler

    response: dict[str, Any] = lambda_handler(envelope, None)
    return response


def fallback_response() -> dict[str, Any]:
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "PlainText", "text": FALLBACK_SPEECH},
            "shouldEndSession": True,
        },
    }


def envelope_problem(envelope: dict[str, Any]) -> str | None:
    """The reason a parsed body is not an Alexa request envelope, or None if it looks like one."""
    if not isinstance(envelope.get("version"), str):
        return "missing version"
    request = envelope.get("request")
    if not isinstance(request, dict):
        return "missing request"
    if not isinstance(request.get("type"), str):
        return "missing request type"
    for key in ("context", "session"):
        if key in envelope and not isinstance(envelope[key], dict):
            return f"{key} is not an object"
    return None


def _error(status: int, reason: str) -> flask.Response:
    response = flask.jsonify({"error": reason})
    response.status_code = status
    return response


def create_app(
    handler: Handler | None = None,
    *,
    verifier: RequestVerifier | None,
    max_body_bytes: int = 128 * 1024,
) -> flask.Flask:
    """Build the web app; `verifier=None` turns request verification off (local development)."""
    handle = handler or default_handler
    app = flask.Flask("back_relief")
    app.config["MAX_CONTENT_LENGTH"] = max_body_bytes

    @app.post("/")
    def alexa_request() -> flask.Response:
        try:
            body = flask.request.get_data(cache=False)
        except RequestEntityTooLarge:
            return _error(400, "request body too large")
        if len(body) > max_body_bytes:
            return _error(400, "request body too large")
        try:
            if verifier is not None:
                envelope = verifier.verify(dict(flask.request.headers.items()), body)
            else:
                # Dev mode answers odd text (bad UTF-8, lone surrogates) instead of refusing it.
                envelope = parse_envelope(body, lenient=True)
        except VerificationError as error:
            # The reason is one of our own fixed strings, never request content.
            log.warning("request_rejected", extra={"error": error.reason})
            return _error(400, error.reason)
        problem = envelope_problem(envelope)
        if problem is not None:
            return _error(400, problem)
        try:
            result = handle(envelope)
            if not isinstance(result, dict):
                raise TypeError(f"handler returned {type(result).__name__}, not a dict")
            return flask.jsonify(result)
        except Exception:
            log.exception("skill handler failed; answering with the fallback apology")
            return flask.jsonify(fallback_response())

    @app.get("/healthz")
    def healthz() -> flask.Response:
        return flask.jsonify({"status": "ok"})

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> flask.Response:
        if isinstance(error, RequestEntityTooLarge):
            return _error(400, "request body too large")
        status = error.code or 500
        response = _error(status, error.name.lower())
        allow = error.get_response().headers.get("Allow")
        if allow:
            response.headers["Allow"] = allow
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> flask.Response:
        log.exception("unexpected error", exc_info=error)
        return _error(500, "internal error")

    return app
