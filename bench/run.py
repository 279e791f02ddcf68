"""Benchmark the dashboard on the bundled data and on synthetic portfolios of 1,000 and 10,000
projects. A benchmark, not a test: `make bench` runs it and it writes bench/results.json and
bench/results.md, with the machine it ran on and which of the issue's targets are met.

For each data set, each figure is the median of several runs, each in a fresh process:
- load: `load_portfolio` (read, validate, cross-check) in a new Python process, so cold; from
  2,000 project files on it parses them with every core (lib/load/many_files);
- parse: reading the same YAML files with PyYAML's C loader, one core, nothing else (the floor);
- pages: each page's warm rerun through AppTest (the whole app, router and sidebar included):
  the page is opened once, then rerun unchanged; the median of those reruns is quoted;
- server memory: `streamlit run` on the data, one Chromium session that opens every page,
  then the server's resident memory (VmRSS in /proc/<pid>/status);
- map payload: the size of the map's pydeck JSON, what the browser is sent for the map.

    python bench/run.py [--runs 3] [--reruns 7] [--sizes 1000,10000] [--no-server]
        [--data DIR ...] [--large DIR ...] [--keep NAME ...] [--port N]

`--large DIR` measures a big portfolio (100,000 projects) by its snapshot alone: the build and
the rebuild after one edit, the bare parse, the start, first visits, filter changes and server
memory, not the YAML load's figures. `--keep NAME` carries a data set's figures over from
bench/results.json, with the commit and load average they were measured at (a 100,000-project
run takes most of an hour: it need not be repeated for a change that does not touch it).

With the snapshot (lib/store; bench/visits.py): the build against the bare parse, the app's
start from the snapshot, each page's first visit and its reruns after filter changes (median
and p95), the server's memory after each page, the snapshot's size.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import visits  # noqa: E402 - bench/visits.py, beside this file
from report import machine, report, targets  # noqa: E402 - bench/report.py
from server_memory import navigation_pages, server_memory  # noqa: E402

OUT = Path(__file__).resolve().parent
SEED = 2024
# --- workers: each runs in its own process and prints one JSON line --------------------------


def work_load(data_dir: Path) -> dict[str, Any]:
    from lib.load.loader import load_portfolio

    started = time.perf_counter()
    result = load_portfolio(data_dir)
    seconds = time.perf_counter() - started
    portfolio = result.portfolio
    return {
        "seconds": seconds,
        "problems": len(result.problems),
        "projects": len(portfolio.projects) if portfolio else 0,
        "figures": len(portfolio.values) if portfolio else 0,
        "files": result.files_read,
    }


def work_parse(data_dir: Path) -> dict[str, Any]:
    import yaml

    from lib.load.loader import data_files

    started = time.perf_counter()
    files = [path for path in data_files(data_dir) if path.suffix == ".yaml"]
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {"seconds": time.perf_counter() - started, "files": len(files)}


def work_pages(data_dir: Path, reruns: int) -> dict[str, Any]:
    os.environ["DASHBOARD_DATA_DIR"] = str(data_dir)
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
    started = time.perf_counter()
    app.run()
    first_run = time.perf_counter() - started
    pages: dict[str, Any] = {}
    for page in sorted(str(p.relative_to(ROOT)) for p in navigation_pages()):
        started = time.perf_counter()
        app.switch_page(page).run()
        opened = time.perf_counter() - started
        times = []
        for _ in range(reruns):
            started = time.perf_counter()
            app.run()
            times.append(time.perf_counter() - started)
        errors = [str(error.value)[:300] for error in app.exception]
        entry = {
            "open_ms": opened * 1000,
            "rerun_ms": [t * 1000 for t in times],
            "median_ms": statistics.median(times) * 1000,
            "errors": errors,
        }
        decks = app.get("deck_gl_json_chart")
        if decks:
            entry["map_payload_bytes"] = len(decks[0].proto.json.encode("utf-8"))
        pages[page] = entry
    return {"first_run_s": first_run, "pages": pages}


def work(kind: str, data_dir: Path, reruns: int, cache_dir: Path | None) -> None:
    if kind == "load":
        result = work_load(data_dir)
    elif kind == "parse":
        result = work_parse(data_dir)
    elif kind == "build":
        result = visits.work_build(data_dir, cache_dir)
    elif kind == "visits":
        result = visits.work_visits(data_dir, cache_dir, reruns)
    elif kind == "replica":
        result = visits.work_replica(data_dir, cache_dir)
    else:
        if cache_dir is not None:
            os.environ["DASHBOARD_CACHE_DIR"] = str(cache_dir)
        result = work_pages(data_dir, reruns)
    print("RESULT " + json.dumps(result))


def in_fresh_process(
    kind: str, data_dir: Path, reruns: int = 0, cache_dir: Path | None = None
) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", kind, str(data_dir), "--reruns", str(reruns)]
    if cache_dir is not None:
        command += ["--cache", str(cache_dir)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
    raise RuntimeError(f"{kind} on {data_dir} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")


# --- the run and its report -------------------------------------------------------------------


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip() or "unknown"


def measure(
    name: str,
    data_dir: Path,
    runs: int,
    reruns: int,
    server: bool,
    port: int | None,
    snapshot_only: bool = False,
) -> dict[str, Any]:
    cache_dir = Path(tempfile.mkdtemp(prefix=f"dashboard-bench-cache-{name}-"))
    began = {"commit": _commit(), "load_average": os.getloadavg()}
    print(f"[{name}] build of the snapshot, and a rebuild after one edit", flush=True)
    build = in_fresh_process("build", data_dir, cache_dir=cache_dir)
    print(f"[{name}] start from the snapshot, first visits, filter changes", flush=True)
    visit_runs = [in_fresh_process("visits", data_dir, reruns, cache_dir) for _ in range(runs)]
    if snapshot_only:  # a large portfolio: the snapshot's figures, not the YAML app's
        print(f"[{name}] bare parses, {runs}", flush=True)
        parses = [in_fresh_process("parse", data_dir) for _ in range(runs)]
        print(f"[{name}] a replica's start and memory, {runs}", flush=True)
        replicas = [in_fresh_process("replica", data_dir, cache_dir=cache_dir) for _ in range(runs)]
        result = {
            **began,
            "data_dir": str(data_dir),
            "projects": build["projects"],
            "parse_s": statistics.median(r["seconds"] for r in parses),
            "pages": {},
            "build": build,
            "visits": visits.summary(visit_runs),
            "replica": {
                **{
                    key: statistics.median(r[key] for r in replicas)
                    for key in (
                        "start_s",
                        "after_start_mb",
                        "after_session_mb",
                        "after_every_page_mb",
                    )
                },
                "errors": sorted({error for r in replicas for error in r["errors"]}),
            },
        }
        if server:
            print(f"[{name}] server memory", flush=True)
            result["memory"] = server_memory(data_dir, cache_dir, port)
        return result
    print(f"[{name}] cold loads and bare parses, {runs} of each", flush=True)
    loads = [in_fresh_process("load", data_dir) for _ in range(runs)]
    parses = [in_fresh_process("parse", data_dir) for _ in range(runs)]
    print(f"[{name}] pages through AppTest, {runs} processes of {reruns} reruns", flush=True)
    page_runs = [in_fresh_process("pages", data_dir, reruns, cache_dir) for _ in range(runs)]
    pages = {}
    for page in page_runs[0]["pages"]:
        entries = [run["pages"][page] for run in page_runs]
        pages[page] = {
            "median_ms": statistics.median(e["median_ms"] for e in entries),
            "open_ms": statistics.median(e["open_ms"] for e in entries),
            "errors": sorted({error for e in entries for error in e["errors"]}),
        }
        if "map_payload_bytes" in entries[0]:
            pages[page]["map_payload_bytes"] = entries[0]["map_payload_bytes"]
    result = {
        **began,
        "data_dir": str(data_dir),
        "projects": loads[0]["projects"],
        "figures": loads[0]["figures"],
        "files": loads[0]["files"],
        "problems": loads[0]["problems"],
        "load_s": statistics.median(r["seconds"] for r in loads),
        "load_runs_s": [r["seconds"] for r in loads],
        "parse_s": statistics.median(r["seconds"] for r in parses),
        "parse_runs_s": [r["seconds"] for r in parses],
        "app_first_run_s": statistics.median(r["first_run_s"] for r in page_runs),
        "pages": pages,
        "build": build,
        "visits": visits.summary(visit_runs),
    }
    result["load_to_parse"] = result["load_s"] / result["parse_s"]
    if server:
        print(f"[{name}] server memory", flush=True)
        result["memory"] = server_memory(data_dir, cache_dir, port)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per figure")
    parser.add_argument("--reruns", type=int, default=7, help="warm reruns a page and process")
    parser.add_argument("--sizes", default="1000,10000", help="synthetic portfolio sizes")
    parser.add_argument("--no-server", action="store_true", help="skip the memory measurement")
    parser.add_argument(
        "--data", type=Path, action="append", default=[],
        help="a data folder to measure (repeat for more), besides the bundled data",
    )  # fmt: skip
    parser.add_argument(
        "--large", type=Path, action="append", default=[],
        help="a large data folder: only the snapshot's figures (build, start, visits, memory)",
    )  # fmt: skip
    parser.add_argument(
        "--keep", action="append", default=[],
        help="a data set's figures to keep from bench/results.json (an earlier, longer run)",
    )  # fmt: skip
    parser.add_argument("--port", type=int, help="the server's port for the memory measurement")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "DATA_DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        work(args.worker[0], Path(args.worker[1]), args.reruns, args.cache)
        return
    from lib.load.loader import DEFAULT_DATA_DIR
    from lib.synth.portfolio import write_portfolio

    results: dict[str, Any] = {
        "machine": machine(),
        "runs": args.runs,
        "reruns": args.reruns,
        "seed": SEED,
        "data": {},
    }
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as scratch:
        folders = {"bundled": DEFAULT_DATA_DIR}
        for size in [int(s) for s in args.sizes.split(",") if s]:
            folder = Path(scratch) / f"synth-{size}"
            print(f"[{size}] writing a synthetic portfolio", flush=True)
            write_portfolio(folder, size, SEED)
            folders[str(size)] = folder
        for folder in args.data:
            folders[folder.name] = folder
        for name, folder in folders.items():
            results["data"][name] = measure(
                name, folder, args.runs, args.reruns, not args.no_server, args.port
            )
        for folder in args.large:
            results["data"][folder.name] = measure(
                folder.name, folder, args.runs, args.reruns, not args.no_server, args.port, True
            )
    kept = json.loads((OUT / "results.json").read_text(encoding="utf-8")) if args.keep else {}
    for name in args.keep:  # measured by an earlier run, at the commit its entry names
        results["data"].setdefault(name, kept["data"][name])
    results["load_average_at_end"] = os.getloadavg()
    results["targets"] = targets(results)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (OUT / "results.md").write_text(report(results), encoding="utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
