"""Time the steps of `make demo` on a fresh SQLite database, the way `make run` starts: migrate,
load_demo, ensure_admin, each in its own process, several times, and print each step's seconds
and the total of each run.

    .venv/bin/python benchmarks/demo_load.py --runs 3 [--keep DIR]

Each run gets an empty database in a temporary directory (DATABASE_URL), so the database of the
checkout is never touched. The goal (README: `make run`): the whole under 60 seconds.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = [
    ("migrate", ["migrate", "--noinput"]),
    ("load_demo", ["load_demo"]),
    ("ensure_admin", ["ensure_admin"]),
]


def run_once(directory):
    database = Path(directory) / "demo.sqlite3"
    database.unlink(missing_ok=True)
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}")
    seconds, cpu = {}, {}
    for name, arguments in STEPS:
        started, used = time.perf_counter(), children_cpu()
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds[name] = time.perf_counter() - started
        cpu[name] = children_cpu() - used
    return seconds, cpu


def children_cpu():
    """CPU seconds of the finished child processes: on a busy machine, where the wall clock
    counts the other processes too, the figure that compares."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="keep the last run's database in this directory")
    options = parser.parse_args()
    runs = []
    for number in range(1, options.runs + 1):
        with tempfile.TemporaryDirectory() as directory:
            seconds, cpu = run_once(options.keep or directory)
        runs.append(seconds)
        figures = "  ".join(
            f"{name} {seconds[name]:5.1f} s (cpu {cpu[name]:4.1f})" for name in seconds
        )
        print(f"run {number}: {figures}  total {sum(seconds.values()):5.1f} s", flush=True)
    for name, _arguments in STEPS:
        values = [run[name] for run in runs]
        print(f"{name:>12}: median {statistics.median(values):5.1f} s  (min {min(values):.1f})")
    print(f"{'total':>12}: median {statistics.median(sum(run.values()) for run in runs):5.1f} s")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores: above 1, figures wait)")


if __name__ == "__main__":
    main()
