"""The first request of each kind in a fresh process: launch, a free-text question, a free-text
red flag and a timer step, on the deployed configuration (DynamoDB on dynalite).

Each measurement is one child process: it imports the handler module (Lambda's INIT), then
answers one request, timed in the child around the handler call alone. The user already has a
record in the store, and for the timer step an ice session in progress: the parent sets that up
beforehand with its own in-process skill on the same table, so the child's first request is
really its first. Kinds are interleaved round by round, like the cold starts.

Both the wall time and the process's CPU time are recorded. The ratio to the warm median is
taken on CPU time: what INIT can save a first request is work (imports, compiling, building
structures, code run for the first time), while the wall time of a single request on a
shared machine is mostly the scheduler's; the wall times are reported beside it.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bench import mix
from bench.common import median, run_json

CHILD = """\
import json, sys, time
event = json.load(open(sys.argv[1]))
import lambda_function
started, cpu_started = time.perf_counter(), time.process_time()
reply = lambda_function.lambda_handler(event, None)
elapsed = (time.perf_counter() - started) * 1000
cpu = (time.process_time() - cpu_started) * 1000
json.dump({"ms": elapsed, "cpu_ms": cpu, "reply": reply}, open(sys.argv[2], "w"))
"""
TIMEOUT_S = 60.0
Handler = Callable[[dict[str, Any]], dict[str, Any]]
# What each kind's user has said before the measured request, and the request itself.
SETUPS: dict[str, tuple[list[mix.Step], Callable[[int], mix.Step]]] = {
    mix.LAUNCH: ([], lambda n: ("LaunchRequest", None)),
    mix.QUESTION: ([], lambda n: mix.free_text(mix.QUESTIONS[n % len(mix.QUESTIONS)])),
    mix.RED_FLAG: ([], lambda n: mix.free_text(mix.RED_FLAGS[n % len(mix.RED_FLAGS)])),
    mix.TIMER: (mix.ICE_TIMER[: mix.ICE_TIMER_STEP], lambda n: mix.ICE_TIMER[mix.ICE_TIMER_STEP]),
}


def setup_handler(table: str, endpoint: str) -> Handler:
    """An in-process skill on the same table, to give each measured user its history."""
    from back_relief.skill import build
    from back_relief.store.dynamodb import DynamoDBStore

    store = DynamoDBStore(table, endpoint_url=endpoint)
    skill = build(store=lambda: store)
    logging.getLogger("back_relief").setLevel(logging.WARNING)  # setups are not the story
    from tests.builders.skill import invoke

    return lambda event: invoke(skill, event)


def first_event(kind: str, n: int, handler: Handler, api: mix.Api) -> dict[str, Any]:
    """The user's history (a launch in an earlier session, then this session's steps), and the
    envelope of the request to measure."""
    user = f"amzn1.ask.account.FIRST{kind.upper()}{n:04d}"
    before, measured = SETUPS[kind]
    handler(mix.request(("LaunchRequest", None), user, "en-US", {}, api))  # an earlier visit
    session: dict[str, Any] = {}
    steps = before if kind == mix.LAUNCH else [("LaunchRequest", None), *before]
    for step in steps:
        mix.carry(session, handler(mix.request(step, user, "en-US", dict(session), api)))
    return mix.request(measured(n), user, "en-US", dict(session), api)


def measure(
    env: Mapping[str, str], table: str, endpoint: str, fake: Any, runs: int
) -> dict[str, dict[str, Any]]:
    """`runs` fresh processes per kind; each kind's first-request times in ms."""
    api = mix.Api(fake.endpoint, fake.token)
    handler = setup_handler(table, endpoint)
    times: dict[str, list[float]] = {kind: [] for kind in mix.FIRST_KINDS}
    cpu: dict[str, list[float]] = {kind: [] for kind in mix.FIRST_KINDS}
    kinds = list(mix.FIRST_KINDS)
    with tempfile.TemporaryDirectory(prefix="bench-first-") as tmp:
        workdir = Path(tmp)
        for n in range(runs + 1):  # round 0 fills the bytecode cache; not counted
            shift = n % len(kinds)
            for kind in kinds[shift:] + kinds[:shift]:
                event = first_event(kind, n, handler, api)
                posts = sum(1 for r in fake.requests if r.method == "POST")
                elapsed, cpu_ms, reply = _run(env, event, workdir)
                if mix.failed(reply):
                    raise RuntimeError(f"first {kind} request failed: {reply}")
                if kind == mix.TIMER:
                    if sum(1 for r in fake.requests if r.method == "POST") != posts + 1:
                        raise RuntimeError("the first timer step did not create a timer")
                    fake.timers.clear()  # the child is gone; its timer would count to ten
                if n:
                    times[kind].append(elapsed)
                    cpu[kind].append(cpu_ms)
    return {
        kind: {"median_ms": median(v), "cpu_ms": median(cpu[kind]), "times_ms": v}
        for kind, v in times.items()
    }


def _run(env: Mapping[str, str], event: dict[str, Any], workdir: Path) -> tuple[float, float, Any]:
    source, out = workdir / "event.json", workdir / "out.json"
    source.write_text(json.dumps(event), encoding="utf-8")
    args = ["-c", CHILD, str(source), str(out)]
    result = run_json(args, out, env, workdir, TIMEOUT_S, "first-request child")
    return float(result["ms"]), float(result["cpu_ms"]), result["reply"]
