"""Child process: init, then warm latency over the request mix, overall and kind by kind.

Run as `python -m bench.warm COUNT API_ENDPOINT API_TOKEN OUT` with the skill's directory on
PYTHONPATH and its store configured by the environment (a fresh BACK_RELIEF_DATA_DIR, or
TABLE_NAME on dynalite); the Alexa API calls go to the local fake at API_ENDPOINT. Writes its
measurements to OUT as JSON.
"""

from __future__ import annotations

import gc
import sys
import time
from collections import defaultdict

from bench import mix
from bench.common import median, peak_rss_mb, percentile, write_json

WARMUP_START = 100_000  # other users than the measured conversations
WARMUP = 8 * len(mix.CONVERSATIONS) * len(mix.LOCALES)


def main(argv: list[str]) -> int:
    count, api, out = int(argv[0]), mix.Api(argv[1], argv[2]), argv[3]
    started = time.perf_counter()
    import lambda_function  # Lambda's INIT phase: whatever the handler module does at import

    handler = lambda_function.lambda_handler
    init_ms = (time.perf_counter() - started) * 1000

    # Warm means warm: one unmeasured pass over every conversation in every locale, so each
    # locale's content is loaded and every code path has run once before the clock starts.
    failures = 0
    for event, session, _ in mix.requests(WARMUP, start=WARMUP_START, api=api):
        response = handler(event, None)
        failures += mix.failed(response)
        mix.carry(session, response)
    # Collect now so a cycle left over from init is not charged to one unlucky request.
    gc.collect()
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = defaultdict(list)
    cpu_by_kind: dict[str, list[float]] = defaultdict(list)
    for event, session, kind in mix.requests(count, api=api):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = handler(event, None)
        elapsed = (time.perf_counter() - started) * 1000
        cpu_by_kind[kind].append((time.process_time() - cpu_started) * 1000)
        latencies.append(elapsed)
        by_kind[kind].append(elapsed)
        failures += mix.failed(response)
        mix.carry(session, response)
    write_json(
        out,
        {
            "init_ms": init_ms,
            "rss_mb": peak_rss_mb(),
            "count": len(latencies),
            "median_ms": median(latencies),
            "p99_ms": percentile(latencies, 99),
            "mean_ms": sum(latencies) / len(latencies),
            "kinds": {
                kind: {"median_ms": median(v), "cpu_ms": median(cpu_by_kind[kind]), "count": len(v)}
                for kind, v in by_kind.items()
            },
            "failures": failures,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
