"""Load a running server on loopback, path by path, for a bounded time, and report requests per
second, latency percentiles and errors.

    python benchmarks/load.py --base-url http://127.0.0.1:8000 /de/ /de/navigator/ \\
        /static/benchmark/home.html --duration 10 --connections 8 --json out.json

Uses wrk when it is installed (apt-get install wrk: it leaves the CPU to the server), else a
small Python generator (threads + http.client). Every status other than 2xx counts as an error.
"""

import argparse
import http.client
import ipaddress
import json
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "errors": %d, '
    .. '"p50_ms": %f, "p95_ms": %f, "p99_ms": %f}\\n',
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def loopback_only(base_url):
    host = urlsplit(base_url).hostname
    if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
        raise SystemExit(f"refusing to load {host}: this benchmark targets loopback only")
    return base_url.rstrip("/")


def with_wrk(url, duration, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_REPORT)
        script.flush()
        output = subprocess.run(
            [
                "wrk",
                f"-t{min(2, connections)}",
                f"-c{connections}",
                f"-d{duration}s",
                "--timeout",
                "5s",
                "-s",
                script.name,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=duration + 30,
        ).stdout
    report = json.loads(output.split("RESULT ", 1)[1])
    return report | {"rps": report["requests"] / report["seconds"]}


def with_python(url, duration, connections):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + duration
    latencies, errors, lock = [], [0], threading.Lock()

    def user():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                failed += not 200 <= response.status < 300
            except OSError:
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    users = [threading.Thread(target=user) for _ in range(connections)]
    for thread in users:
        thread.start()
    for thread in users:
        thread.join()
    seconds = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {
        "requests": len(latencies),
        "seconds": seconds,
        "errors": errors[0],
        "rps": len(latencies) / seconds,
        "p50_ms": cuts[49],
        "p95_ms": cuts[94],
        "p99_ms": cuts[98],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="paths to load, one after the other")
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--duration", type=int, default=10, help="seconds per path (max 120)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=3, help="unreported seconds per path first")
    parser.add_argument("--label", default="", help="a name for this run in the report")
    parser.add_argument("--engine", choices=["wrk", "python"], default=None)
    parser.add_argument("--json", type=Path, help="append the results to this JSON-lines file")
    args = parser.parse_args()
    base_url = loopback_only(args.base_url)
    duration = max(1, min(args.duration, 120))
    engine = args.engine or ("wrk" if shutil.which("wrk") else "python")
    run = with_wrk if engine == "wrk" else with_python

    print(
        f"{'run':<12} {'path':<36} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'errors':>7}"
    )
    for path in args.paths:
        # Every worker renders the page once (templates, connections) before the clock runs,
        # and the requests the warm-up left queued drain before the measurement.
        run(base_url + path, max(1, min(args.warmup, 30)), args.connections)
        time.sleep(2)
        result = run(base_url + path, duration, args.connections)
        result |= {"label": args.label, "path": path, "engine": engine}
        print(
            f"{args.label:<12} {path:<36} {result['rps']:>9.1f} {result['p50_ms']:>8.2f} "
            f"{result['p95_ms']:>8.2f} {result['p99_ms']:>8.2f} {result['errors']:>7}"
        )
        if args.json:
            with args.json.open("a") as out:
                out.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
