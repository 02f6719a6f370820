"""`make bench`: measure the performance budget and print one table (also bench/results.md,
which is not committed: the README quotes a dated run).

It leads with the deployed configuration (Lambda's: TABLE_NAME set, so DynamoDB, here on a
local dynalite), then the embedded store. Every comparison is made in this one run, against
baselines the benchmark builds itself, so a slow or busy machine moves both sides of each ratio
alike. Not part of `make test`: timings are not pass/fail material; tests/performance holds the
untimed regression guards.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import artifact, coldstart, dynalite, first, report, throughput, verification
from bench.common import BASELINES_DIR, LAMBDA_DIR, ROOT, child_env, run_child

RESULTS = ROOT / "bench" / "results.md"
COLD_RUNS = 15
WARM_REQUESTS = 2000
LAMBDA_PYTHON = (3, 13)
# What Lambda's environment holds for the function (its role's temporary credentials).
LAMBDA_ENV = {
    **dynalite.AWS_ENV,
    "AWS_REGION": dynalite.AWS_ENV["AWS_DEFAULT_REGION"],
    "AWS_SESSION_TOKEN": "bench-session-token",
}


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def machine() -> dict[str, str]:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{os.cpu_count()} x {model}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(terse=True),
        "load": load,
    }


# --- measurements -------------------------------------------------------------------------


def measure_cold(runs: int, data_dir: str, endpoint: str, table: str) -> dict[str, Any]:
    """All four skills' cold starts, interleaved in one loop."""
    naive_table = f"bench-naive-{table}"
    dynalite.create_adapter_table(endpoint, naive_table)
    ours_ddb = coldstart.Subject(
        "back_relief_dynamodb", "lambda_function", deployed_env(endpoint, table), "Welcome"
    )
    naive = coldstart.Subject(
        "naive_dynamodb",
        "naive_dynamodb",
        child_env(
            [BASELINES_DIR],
            {
                **LAMBDA_ENV,
                # boto3's own per-service endpoint setting: the sample code stays as is.
                "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
                "DYNAMODB_PERSISTENCE_REGION": LAMBDA_ENV["AWS_REGION"],
                "DYNAMODB_PERSISTENCE_TABLE_NAME": naive_table,
            },
        ),
        "visit number",
    )
    ours = coldstart.Subject(
        "back_relief",
        "lambda_function",
        child_env([LAMBDA_DIR], {"BACK_RELIEF_DATA_DIR": data_dir}),
        "Welcome",
    )
    hello = coldstart.Subject("hello_world", "hello_world", child_env([BASELINES_DIR]), "Welcome")
    coldstart.measure([ours_ddb, naive, ours, hello], runs)
    return {"ours": ours, "hello": hello, "naive": naive, "ours_ddb": ours_ddb}


def deployed_env(endpoint: str, table: str, *paths: Path) -> dict[str, str]:
    """Our handler as Lambda runs it: TABLE_NAME set (here pointed at the local dynalite)."""
    env = {**LAMBDA_ENV, "TABLE_NAME": table, "DYNAMODB_ENDPOINT_URL": endpoint}
    return child_env([LAMBDA_DIR, *paths], env)


def measure_warm(env: dict[str, str], count: int, fake: Any) -> dict[str, Any]:
    args = [str(count), fake.endpoint, fake.token]
    result: dict[str, Any] = run_child("bench.warm", args, env, 900)
    return result


def measure_verification() -> dict[str, Any]:
    env = child_env([LAMBDA_DIR, ROOT])
    result: dict[str, Any] = {"import_error": verification.reference_import_error()}
    with tempfile.TemporaryDirectory(prefix="bench-verify-") as tmp:
        workdir = Path(tmp)
        verification.prepare(workdir)
        result["ours"] = run_child("bench.verification", ["ours", tmp], env, 120)
        patch_dir = workdir / "patched"
        patch_dir.mkdir()
        if result["import_error"] and not verification.patched_oscrypto(patch_dir):
            result["reference"] = {"error": "ask-sdk-webservice-support is not installed"}
            return result
        ref_env = child_env([patch_dir, LAMBDA_DIR, ROOT]) if result["import_error"] else env
        try:
            result["reference"] = run_child("bench.verification", ["reference", tmp], ref_env, 300)
        except RuntimeError as error:
            result["reference"] = {"error": str(error).splitlines()[-1][:200]}
    return result


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--cold-runs", type=int, default=COLD_RUNS)
    parser.add_argument("--warm-requests", type=int, default=WARM_REQUESTS)
    parser.add_argument("--out", type=Path, default=RESULTS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.monotonic()
    info = machine()
    extra: list[str] = []
    if sys.version_info[:2] != LAMBDA_PYTHON:
        extra.append(
            f"Run on Python {platform.python_version()}, not Lambda's 3.13: use `make bench`."
        )
    why_not = dynalite.unavailable()
    if why_not is not None:
        # The deployed configuration is the point: no silent fallback to a smaller table.
        print(f"bench: cannot run dynalite: {why_not}", file=sys.stderr)
        return 2
    from back_relief.simulator.fake_alexa_api import FakeAlexaApi

    _progress("deployment artifact (scripts/package.py if build/ is stale)")
    packaged = artifact.measure()
    if packaged.get("rebuilt"):
        extra.append("The artifact was rebuilt by scripts/package.py for this run.")
    _progress("signature verification")
    verified = measure_verification()
    if verified["import_error"]:
        extra.append(
            "ask-sdk-webservice-support does not import here as installed: "
            f"`{verified['import_error']}`. Its numbers come from the same code with "
            "oscrypto's version regex widened in a temporary copy (see bench/verification.py)."
        )
    with ExitStack() as stack:
        endpoint = stack.enter_context(dynalite.dynalite())
        fake = stack.enter_context(FakeAlexaApi())
        data_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-data-"))
        warm_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-warm-"))
        for table in ("bench-ours", "bench-warm", "bench-first"):
            dynalite.create_adapter_table(endpoint, table)
        _progress(f"warm latency, deployed configuration ({args.warm_requests} requests)")
        warm_ddb = measure_warm(
            deployed_env(endpoint, "bench-warm", ROOT), args.warm_requests, fake
        )
        _progress(f"warm latency, embedded store ({args.warm_requests} requests)")
        warm_env = child_env([LAMBDA_DIR, ROOT], {"BACK_RELIEF_DATA_DIR": warm_dir})
        warm = measure_warm(warm_env, args.warm_requests, fake)
        _progress(f"cold start ({args.cold_runs} interleaved runs per skill)")
        cold = measure_cold(args.cold_runs, data_dir, endpoint, "bench-ours")
        _progress(f"first request of each kind ({args.cold_runs} processes per kind)")
        firsts = first.measure(
            deployed_env(endpoint, "bench-first"), "bench-first", endpoint, fake, args.cold_runs
        )
    for name, result in (("deployed", warm_ddb), ("embedded", warm)):
        if result["failures"]:
            extra.append(
                f"{result['failures']} {name} warm requests were answered with an apology."
            )
    _progress("web service throughput")
    try:
        served = throughput.measure(child_env([LAMBDA_DIR, ROOT]))
    except (RuntimeError, OSError) as error:
        served = {"error": f"not measured: {error}"}

    table = report.render(
        [
            (
                "Deployed configuration: Lambda handler, TABLE_NAME on DynamoDB (dynalite)",
                report.deployed_rows(cold, firsts, warm_ddb),
            ),
            ("Embedded store (sqlite): make run, the simulator", report.embedded_rows(cold, warm)),
            (
                "Both",
                [
                    report.verification_row(verified),
                    report.artifact_row(packaged),
                    report.throughput_row(served),
                ],
            ),
        ]
    )
    args.out.write_text(report.document(info, table, extra), encoding="utf-8")
    print(f"\nBack Relief performance budget ({info['date']}; {info['cpu']}; {info['python']})\n")
    print(table)
    for note in extra:
        print(f"\nNote: {note}")
    _progress(f"done in {time.monotonic() - began:.0f} s; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
