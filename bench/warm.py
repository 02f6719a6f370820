"""Child process: init, the first request, then warm latency over the request mix.

Run as `python -m bench.warm COUNT OUT` with the skill's directory on PYTHONPATH and a fresh
BACK_RELIEF_DATA_DIR; writes its measurements to OUT as JSON.
"""

from __future__ import annotations

import gc
import sys
import time

from bench import mix
from bench.common import median, peak_rss_mb, percentile, write_json
from tests.builders import envelopes

WARMUP_START = 100_000  # other users than the measured conversations
WARMUP = 8 * len(mix.CONVERSATIONS) * len(mix.LOCALES)


def main(argv: list[str]) -> int:
    count, out = int(argv[0]), argv[1]
    started = time.perf_counter()
    import lambda_function  # Lambda's INIT phase: whatever the handler module does at import

    handler = lambda_function.lambda_handler
    init_ms = (time.perf_counter() - started) * 1000

    first_event = envelopes.launch(user_id="amzn1.ask.account.BENCHFIRST")
    started = time.perf_counter()
    first = handler(first_event, None)
    first_ms = (time.perf_counter() - started) * 1000
    rss_mb = peak_rss_mb()

    # Warm means warm: one unmeasured pass over every conversation in every locale, so each
    # locale's content is loaded and every code path has run once before the clock starts.
    for event, session in mix.requests(WARMUP, start=WARMUP_START):
        mix.carry(session, handler(event, None))
    # Collect now so a cycle left over from init is not charged to one unlucky request.
    gc.collect()
    latencies: list[float] = []
    failures = int(mix.failed(first))
    for event, session in mix.requests(count):
        started = time.perf_counter()
        response = handler(event, None)
        latencies.append((time.perf_counter() - started) * 1000)
        failures += mix.failed(response)
        mix.carry(session, response)
    write_json(
        out,
        {
            "init_ms": init_ms,
            "first_ms": first_ms,
            "rss_after_first_mb": rss_mb,
            "count": len(latencies),
            "median_ms": median(latencies),
            "p99_ms": percentile(latencies, 99),
            "mean_ms": sum(latencies) / len(latencies),
            "failures": failures,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
