"""`make bench`: measure the performance budget and print one table (also bench/results.md).

Every comparison is made in this one run, against baselines the benchmark builds itself, so a
slow or busy machine moves both sides of each ratio alike. Not part of `make test`: timings
are not pass/fail material; tests/performance holds the untimed regression guards.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import artifact, coldstart, dynalite, throughput, verification
from bench.common import BASELINES_DIR, LAMBDA_DIR, ROOT, child_env, run_child

RESULTS = ROOT / "bench" / "results.md"
COLD_RUNS = 15
WARM_REQUESTS = 2000
TARGETS = {
    "cold_vs_hello": 1.2,
    "cold_vs_naive": 0.4,
    "warm_median_ms": 0.5,
    "warm_p99_ms": 2.0,
    "first_vs_warm": 2.0,
    "verify_vs_reference": 0.2,
    "artifact_mb": 5.0,
    "rss_mb": 60.0,
}


@dataclass(frozen=True)
class Row:
    measure: str
    ours: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    result: str = "info"


def _verdict(value: float, limit: float) -> str:
    return "met" if value <= limit else "**MISSED**"


def _ms(value: float) -> str:
    return f"{value:,.2f} ms" if value < 10 else f"{value:,.0f} ms"


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


def measure_cold(runs: int, data_dir: str) -> dict[str, Any]:
    ours = coldstart.Subject(
        "back_relief",
        "lambda_function",
        child_env([LAMBDA_DIR], {"BACK_RELIEF_DATA_DIR": data_dir}),
        "Back Relief",
    )
    hello = coldstart.Subject("hello_world", "hello_world", child_env([BASELINES_DIR]), "Welcome")
    subjects = [ours, hello]
    why_not = dynalite.unavailable()
    if why_not is not None:
        coldstart.measure(subjects, runs)
        return {"ours": ours, "hello": hello, "naive": None, "ours_ddb": None, "why_not": why_not}
    with dynalite.dynalite() as endpoint:
        naive_table, ours_table = f"bench-naive-{uuid.uuid4().hex[:8]}", "bench-ours"
        dynalite.create_adapter_table(endpoint, naive_table)
        dynalite.create_adapter_table(endpoint, ours_table)
        aws = dict(dynalite.AWS_ENV)
        naive = coldstart.Subject(
            "naive_dynamodb",
            "naive_dynamodb",
            child_env(
                [BASELINES_DIR],
                {
                    **aws,
                    # boto3's own per-service endpoint setting: the sample code stays as is.
                    "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
                    "DYNAMODB_PERSISTENCE_REGION": aws["AWS_DEFAULT_REGION"],
                    "DYNAMODB_PERSISTENCE_TABLE_NAME": naive_table,
                },
            ),
            "visit number",
        )
        ours_ddb = coldstart.Subject(
            "back_relief_dynamodb",
            "lambda_function",
            child_env(
                [LAMBDA_DIR], {**aws, "TABLE_NAME": ours_table, "DYNAMODB_ENDPOINT_URL": endpoint}
            ),
            "Back Relief",
        )
        coldstart.measure([*subjects, naive, ours_ddb], runs)
    return {"ours": ours, "hello": hello, "naive": naive, "ours_ddb": ours_ddb, "why_not": None}


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


# --- the table ----------------------------------------------------------------------------


def cold_rows(cold: dict[str, Any], runs: int) -> list[Row]:
    ours, hello = cold["ours"], cold["hello"]
    ratio = ours.median_ms / hello.median_ms
    rows = [
        Row(
            f"Cold start: fresh process, import + 1 LaunchRequest (median of {runs})",
            _ms(ours.median_ms),
            f"ask-sdk-core hello world {_ms(hello.median_ms)}",
            f"{ratio:.2f}x",
            f"<= {TARGETS['cold_vs_hello']}x",
            _verdict(ratio, TARGETS["cold_vs_hello"]),
        )
    ]
    naive, ours_ddb = cold["naive"], cold["ours_ddb"]
    if naive is None:
        rows.append(
            Row(
                "Cold start vs naive DynamoDbAdapter skill",
                _ms(ours.median_ms),
                f"not measured: {cold['why_not']}",
                "",
                f"<= {TARGETS['cold_vs_naive']}x",
                "not measured",
            )
        )
        return rows
    ratio = ours.median_ms / naive.median_ms
    rows.append(
        Row(
            "Cold start vs naive DynamoDbAdapter skill (dynalite)",
            _ms(ours.median_ms),
            f"naive adapter skill {_ms(naive.median_ms)}",
            f"{ratio:.2f}x",
            f"<= {TARGETS['cold_vs_naive']}x",
            _verdict(ratio, TARGETS["cold_vs_naive"]),
        )
    )
    rows.append(
        Row(
            "Cold start, our skill on DynamoDB too (TABLE_NAME, same dynalite)",
            _ms(ours_ddb.median_ms),
            f"naive adapter skill {_ms(naive.median_ms)}",
            f"{ours_ddb.median_ms / naive.median_ms:.2f}x",
        )
    )
    return rows


def warm_rows(warm: dict[str, Any]) -> list[Row]:
    median_ms, p99_ms, first_ms = warm["median_ms"], warm["p99_ms"], warm["first_ms"]
    first_ratio = first_ms / median_ms
    label = f"{warm['count']:,} in-process requests, realistic mix, local store"
    return [
        Row(
            f"Warm latency, median ({label})",
            _ms(median_ms),
            target=f"<= {TARGETS['warm_median_ms']} ms",
            result=_verdict(median_ms, TARGETS["warm_median_ms"]),
        ),
        Row(
            "Warm latency, p99 (same requests)",
            _ms(p99_ms),
            target=f"<= {TARGETS['warm_p99_ms']} ms",
            result=_verdict(p99_ms, TARGETS["warm_p99_ms"]),
        ),
        Row(
            "First request after init vs warm median",
            _ms(first_ms),
            f"warm median {_ms(median_ms)}; init (import) {_ms(warm['init_ms'])}",
            f"{first_ratio:.1f}x",
            f"<= {TARGETS['first_vs_warm']}x",
            _verdict(first_ratio, TARGETS["first_vs_warm"]),
        ),
    ]


def verification_row(result: dict[str, Any]) -> Row:
    ours_us = result["ours"].get("us")
    reference = result["reference"]
    label = "Signature verification, same signed request (chain cached)"
    if ours_us is None:
        return Row(label, f"error: {result['ours'].get('error')}", result="**MISSED**")
    note = " (oscrypto version regex patched in a temp copy)" if result["import_error"] else ""
    if "us" not in reference:
        return Row(
            label,
            f"{ours_us:,.0f} µs",
            f"ask-sdk-webservice-support: {reference.get('error')}",
            "",
            f"<= {TARGETS['verify_vs_reference']}x",
            "not measured",
        )
    ratio = ours_us / reference["us"]
    return Row(
        label,
        f"{ours_us:,.0f} µs",
        f"ask-sdk-webservice-support {reference['us']:,.0f} µs{note}",
        f"{ratio:.3f}x",
        f"<= {TARGETS['verify_vs_reference']}x",
        _verdict(ratio, TARGETS["verify_vs_reference"]),
    )


def artifact_row(result: dict[str, Any]) -> Row:
    label = "Deployment artifact, zipped"
    if "error" in result:
        target = f"<= {TARGETS['artifact_mb']} MB"
        return Row(label, result["error"], target=target, result="not measured")
    return Row(
        label,
        f"{result['zipped_mb']:.2f} MB",
        f"{result['unzipped_mb']:.1f} MB unzipped, {result['files']} files, {result['pyc']} .pyc",
        "",
        f"<= {TARGETS['artifact_mb']} MB",
        _verdict(result["zipped_mb"], TARGETS["artifact_mb"]),
    )


def rss_row(cold: dict[str, Any]) -> Row:
    rss = cold["ours"].median_rss_mb
    return Row(
        "Peak RSS after the first request (fresh process)",
        f"{rss:.1f} MB",
        f"hello world {cold['hello'].median_rss_mb:.1f} MB",
        "",
        f"<= {TARGETS['rss_mb']:.0f} MB",
        _verdict(rss, TARGETS["rss_mb"]),
    )


def throughput_row(result: dict[str, Any]) -> Row:
    label = "Local web service throughput (loopback, --dev, waitress)"
    if "error" in result:
        return Row(label, result["error"], result="not measured")
    return Row(
        label,
        f"{result['rps']:,.0f} req/s",
        f"{result['requests']:,} requests in {result['seconds']:.1f} s from "
        f"{result['clients']} client threads; {result['failures']} failed",
    )


def render(rows: list[Row]) -> str:
    header = ("Measure", "Back Relief", "Baseline / reference", "Ratio", "Target", "Result")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = (row.measure, row.ours, row.baseline, row.ratio, row.target, row.result)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


NOTES = """\
How it was measured (`make bench`, all in one run):

- **Cold start**: the wall time of a whole child process (`python -c`: import the handler
  module, answer one LaunchRequest, exit), timed by the parent from spawn to exit, so
  interpreter start-up counts for every skill alike. Runs are interleaved round-robin; one
  unmeasured run per skill first fills the bytecode cache, as the artifact's shipped `.pyc`
  files do on Lambda. Our skill uses its local store (no TABLE_NAME), as the issue asks.
- **Baselines** (bench/baselines/): the ask-sdk-core hello world sample (SkillBuilder, launch
  handler, catch-all error handler); and a naive persistent skill written the way the
  ask-sdk samples are: a boto3 resource and `DynamoDbAdapter` built at import, the launch
  handler reading and saving persistent attributes. It talks to a local dynalite through
  boto3's `AWS_ENDPOINT_URL_DYNAMODB`, so its code is unchanged and its requests really
  complete (a failing store would add retries and time-outs, which would flatter us). The
  row "our skill on DynamoDB too" shows our cold start against the same dynalite.
- **Warm latency**: `lambda_handler` called in-process on whole conversations (launch,
  questions, free-text questions, routine start/next/repeat, red flags, help, stop, session
  end) across all five locales and 60 users, each request carrying the previous response's
  session attributes, after an unmeasured warm-up pass over every conversation in every
  locale. **First request**: the first LaunchRequest (a new user) after `import
  lambda_function` (Lambda's INIT phase) in a fresh process.
- **Verification**: the median of many calls on one signed LaunchRequest (a local test PKI).
  Ours has the verified chain cached; the reference (RequestVerifier + TimestampVerifier, what
  its WebserviceSkillHandler runs) has the downloaded chain in its own cache and re-validates
  it on every request.
- **RSS**: `ru_maxrss` in the cold-start child right after its answer (median).
- **Throughput**: the `--dev` web service (waitress, 8 threads) with its own data dir;
  clients and server share the machine's cores, so this is a floor.
"""


def document(info: dict[str, str], table: str, extra_notes: list[str]) -> str:
    notes = NOTES + "".join(f"- {note}\n" for note in extra_notes)
    return (
        "# Performance budget: `make bench` results\n\n"
        f"Generated by `make bench` on {info['date']}.\n"
        f"Machine: {info['cpu']}; {info['os']}; {info['python']}; "
        f"load average at start {info['load']}.\n\n"
        f"{table}\n\n{notes}"
    )


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
    with tempfile.TemporaryDirectory(prefix="bench-data-") as data_dir:
        _progress(f"warm latency ({args.warm_requests} requests)")
        warm_env = child_env([LAMBDA_DIR, ROOT], {"BACK_RELIEF_DATA_DIR": data_dir})
        warm = run_child("bench.warm", [str(args.warm_requests)], warm_env, 600)
    if warm["failures"]:
        extra.append(f"{warm['failures']} warm requests were answered with an apology.")
    with tempfile.TemporaryDirectory(prefix="bench-data-") as data_dir:
        _progress(f"cold start ({args.cold_runs} interleaved runs per skill)")
        cold = measure_cold(args.cold_runs, data_dir)
    _progress("web service throughput")
    try:
        served = throughput.measure(child_env([LAMBDA_DIR, ROOT]))
    except (RuntimeError, OSError) as error:
        served = {"error": f"not measured: {error}"}

    rows = [
        *cold_rows(cold, args.cold_runs),
        *warm_rows(warm),
        verification_row(verified),
        artifact_row(packaged),
        rss_row(cold),
        throughput_row(served),
    ]
    table = render(rows)
    args.out.write_text(document(info, table, extra), encoding="utf-8")
    print(f"\nBack Relief performance budget ({info['date']}; {info['cpu']}; {info['python']})\n")
    print(table)
    for note in extra:
        print(f"\nNote: {note}")
    _progress(f"done in {time.monotonic() - began:.0f} s; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
