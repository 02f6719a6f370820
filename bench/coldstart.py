"""Cold start: a fresh interpreter imports a skill's handler and answers one LaunchRequest.

The clock is the parent's wall clock around the whole child process, from spawn to exit, so
interpreter start-up, imports, init and the first answer all count, identically for every
skill. The parent also notes when the child has its answer (a byte on a pipe): spawn to
answer leaves out the interpreter's exit, which a Lambda sandbox never runs (it is frozen,
then killed), and which frees everything the process made. Runs are interleaved round-robin
(order rotating each round), so a burst of load on the machine lands on all skills alike, and
one unmeasured run per skill first fills the bytecode cache, as a deployment artifact with
precompiled bytecode would.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import PYTHON, ROOT, median

# The child: import the handler module, answer one launch, report speech and peak RSS
# (/proc's VmHWM: ru_maxrss would include the parent's peak, carried across exec).
CHILD = """\
import sys, json, os
from {module} import lambda_handler
out = lambda_handler(json.loads({event!r}), None)
os.write(int(sys.argv[2]), b"1")
speech = out["response"]["outputSpeech"]["ssml"]
try:
    rss = int([l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM:")][0])
except OSError:
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
open(sys.argv[1], "w").write(json.dumps({{"speech": speech, "rss_kb": rss}}))
"""
TIMEOUT_S = 60.0


@dataclass
class Subject:
    """One skill under test: its handler module, environment, and what a good answer says."""

    name: str
    module: str
    env: Mapping[str, str]
    expect: str  # text the launch speech must contain, so an apology is never timed as success
    times_ms: list[float] = field(default_factory=list)
    answer_ms: list[float] = field(default_factory=list)  # spawn to the answer (no exit)
    rss_mb: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return median(self.times_ms)

    @property
    def median_rss_mb(self) -> float:
        return median(self.rss_mb)


def launch_event() -> dict[str, Any]:
    from tests.builders import envelopes

    # A returning user: the unmeasured first run saves their record, so every measured run
    # finds an existing store, as a deployed skill's would.
    return envelopes.launch(user_id="amzn1.ask.account.BENCHCOLD", new=True)


def run_once(subject: Subject, event: dict[str, Any], workdir: Path) -> tuple[float, float, float]:
    """(spawn to exit, spawn to answer) in ms, and peak RSS in MB."""
    out = workdir / f"{subject.name}.json"
    out.unlink(missing_ok=True)
    code = CHILD.format(module=subject.module, event=json.dumps(event))
    answered, tell = os.pipe()
    try:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [PYTHON, "-c", code, str(out), str(tell)],
            env=dict(subject.env),
            cwd=workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            pass_fds=(tell,),
        )
        os.close(tell)
        tell = -1
        os.read(answered, 1)  # the answer, or the child's exit if it failed first
        answer_ms = (time.perf_counter() - started) * 1000
        _, stderr = proc.communicate(timeout=TIMEOUT_S)
        elapsed_ms = (time.perf_counter() - started) * 1000
    finally:
        os.close(answered)
        if tell != -1:
            os.close(tell)
    if proc.returncode != 0 or not out.is_file():
        tail = stderr.decode(errors="replace")[-1500:]
        raise RuntimeError(f"cold start of {subject.name} failed (exit {proc.returncode}): {tail}")
    result = json.loads(out.read_text(encoding="utf-8"))
    if subject.expect.lower() not in str(result["speech"]).lower():
        raise RuntimeError(f"{subject.name} answered the launch wrongly: {result['speech']!r}")
    return elapsed_ms, answer_ms, result["rss_kb"] / 1024


def ratio_median(ours: Subject, baseline: Subject, to_answer: bool = False) -> float:
    """The median of the per-round ratios: each round ran both back to back, so a burst of
    load on a shared machine scales both sides of one ratio alike. to_answer: on the times
    from spawn to the answer instead of to the exit."""
    pairs = (
        zip(ours.answer_ms, baseline.answer_ms, strict=True)
        if to_answer
        else zip(ours.times_ms, baseline.times_ms, strict=True)
    )
    return median([a / b for a, b in pairs])


def measure(subjects: list[Subject], runs: int) -> None:
    """Fill each subject's times and RSS with `runs` interleaved measurements."""
    event = launch_event()
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        workdir = Path(tmp)
        for subject in subjects:
            run_once(subject, event, workdir)  # fills __pycache__; not counted
        for round_no in range(runs):
            shift = round_no % len(subjects)
            for subject in subjects[shift:] + subjects[:shift]:
                elapsed_ms, answer_ms, rss_mb = run_once(subject, event, workdir)
                subject.times_ms.append(elapsed_ms)
                subject.answer_ms.append(answer_ms)
                subject.rss_mb.append(rss_mb)


def python_startup_ms(runs: int) -> float:
    """The bare interpreter's start and exit, for scale."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([PYTHON, "-c", "pass"], cwd=ROOT, check=True)
        times.append((time.perf_counter() - started) * 1000)
    return median(times)
