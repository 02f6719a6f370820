"""Run the skill as a web service: `python -m back_relief.hosting [--dev] [--host H] [--port N]`.

Production mode verifies every request and needs SKILL_ID. Development mode (`--dev` or
BACK_RELIEF_DEV=1) turns verification off, so it refuses any address but loopback: an unverified
endpoint reachable from a network would let anyone speak as Alexa.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
from collections.abc import Sequence

import flask

from .app import create_app
from .verify import RequestVerifier

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 3000
# Waitress rejects bodies above this before Flask sees them; Flask's own, smaller limit answers 400.
SERVER_BODY_LIMIT = 1024 * 1024
THREADS = 8
# Waitress reads requests on its event loop and hands only complete ones to the THREADS
# workers, so a client that sends half a request and goes quiet costs a connection, not a
# worker. The connection limit is set far above real traffic so that hundreds of such
# clients still leave room for Alexa, and a connection quiet for CHANNEL_TIMEOUT_S is closed
# (checked every CLEANUP_INTERVAL_S): Alexa sends a whole request at once and waits 8 s at
# most, so nothing real is ever that quiet.
CONNECTION_LIMIT = 1000
CHANNEL_TIMEOUT_S = 10
CLEANUP_INTERVAL_S = 2
# Beyond 1024 open descriptors select() fails, so the event loop uses poll(); and the
# process may need more descriptors than a default soft limit of 1024 allows.
FILE_DESCRIPTORS_NEEDED = CONNECTION_LIMIT + 100

log = logging.getLogger("back_relief.hosting")


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1; never resolves names, so DNS cannot fool it."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m back_relief.hosting", description=__doc__)
    parser.add_argument(
        "--dev", action="store_true", help="no request verification (loopback only)"
    )
    parser.add_argument("--host", default=os.environ.get("HOST", DEFAULT_HOST))
    parser.add_argument("--port", type=int, default=_env_port())
    return parser.parse_args(argv)


def _env_port() -> int:
    value = os.environ.get("PORT", "")
    return int(value) if value.isdigit() else DEFAULT_PORT


def build_app(dev: bool, host: str) -> flask.Flask:
    """The app for this mode, or SystemExit with a message if the mode is not allowed."""
    if dev:
        if not is_loopback(host):
            raise SystemExit(
                f"refusing to start: --dev turns request verification off, and {host!r} is not a "
                "loopback address (use 127.0.0.1, ::1 or localhost)"
            )
        log.warning("DEV MODE: Alexa request verification is OFF; serving on loopback only")
        return create_app(verifier=None)
    skill_id = os.environ.get("SKILL_ID", "").strip()
    if not skill_id:
        raise SystemExit("refusing to start: set SKILL_ID (or use --dev for local development)")
    return create_app(verifier=RequestVerifier(skill_id))


def serve(app: flask.Flask, host: str, port: int) -> None:
    """Serve with waitress (threaded, production-grade) until interrupted."""
    from waitress.server import create_server

    _raise_file_limit(FILE_DESCRIPTORS_NEEDED)
    server = create_server(
        app,
        host=host,
        port=port,
        threads=THREADS,
        max_request_body_size=SERVER_BODY_LIMIT,
        connection_limit=CONNECTION_LIMIT,
        channel_timeout=CHANNEL_TIMEOUT_S,
        cleanup_interval=CLEANUP_INTERVAL_S,
        asyncore_use_poll=True,
    )
    bound_port = getattr(server, "effective_port", port)
    shown_host = f"[{host}]" if ":" in host else host
    print(f"Back Relief web service listening on http://{shown_host}:{bound_port}/", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _raise_file_limit(wanted: int) -> None:
    """Raise the soft open-files limit towards `wanted` (never above the hard limit)."""
    try:
        import resource
    except ImportError:  # not on Windows; waitress there has its own limits
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            log.warning("could not raise the open-files limit to %d", target)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    args = parse_args(argv)
    dev = args.dev or os.environ.get("BACK_RELIEF_DEV") == "1"
    host = args.host.removeprefix("[").removesuffix("]")
    try:
        app = build_app(dev, host)
        # Load the skill now: a server that can only apologise should fail at start.
        import back_relief.skill  # noqa: F401
    except SystemExit as refusal:
        print(refusal, file=sys.stderr)
        return 2
    serve(app, host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
