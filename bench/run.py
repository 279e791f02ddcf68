"""Benchmark the dashboard on the bundled data and on synthetic portfolios of 1,000 and 10,000
projects. A benchmark, not a test: `make bench` runs it and it writes bench/results.json and
bench/results.md, with the machine it ran on and which of the issue's targets are met.

For each data set, each figure is the median of several runs, each in a fresh process:
- load: `load_portfolio` (read, validate, cross-check) in a new Python process, so cold, on
  one core (lib/load/yaml_reader);
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
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import visits  # noqa: E402 - bench/visits.py, beside this file

OUT = Path(__file__).resolve().parent
SEED = 2024
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
TARGETS = {
    "load_s": 5.0,  # cold load and validation at 10,000 projects, seconds
    "load_to_parse": 3.0,  # ... and at most this many times the bare parse
    "page_ms": 250.0,  # every page's median warm rerun at 10,000 projects
    "page_ratio": 2.0,  # ... and at most this many times its time on the bundled data
    "memory_mb": 500.0,  # server memory after loading 10,000 projects
    "map_mb": 2.0,  # the map's payload at 10,000 projects
}


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


def navigation_pages() -> list[Path]:
    """The pages the navigation lists: pages/presentation/app.py is opened by `?present=1`."""
    return [p for p in ROOT.glob("pages/*/app.py") if p.parent.name != "presentation"]


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


# --- the server's memory ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rss_mb(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


def server_memory(data_dir: Path, cache_dir: Path, port: int | None) -> dict[str, Any]:
    """Start the app on `data_dir` (its snapshot in `cache_dir`) on `port` (default: a free
    one), open every page in Chromium, read the server's memory after each."""
    from playwright.sync_api import sync_playwright

    port = port or _free_port()
    env = {**os.environ, "DASHBOARD_DATA_DIR": str(data_dir), "DASHBOARD_CACHE_DIR": str(cache_dir)}
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                        break
                except OSError:
                    time.sleep(0.2)
            idle = _rss_mb(server.pid)
            pages = [""] + [p.parent.name.replace("_", "-") for p in navigation_pages()]
            after: dict[str, float] = {}
            each_page: dict[str, float] = {}
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                for path in dict.fromkeys(pages):
                    page.goto(f"{url}/{path}")
                    page.wait_for_selector(
                        '[data-testid="stApp"][data-test-script-state="notRunning"]',
                        timeout=600_000,
                    )
                    page.wait_for_selector("h1", timeout=600_000)
                    if not after:
                        after = _rss_mb(server.pid)  # the data loaded, the first page drawn
                    each_page[path] = _rss_mb(server.pid)["VmRSS"]
                every_page = _rss_mb(server.pid)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {
        "idle_mb": idle["VmRSS"],
        "after_load_mb": after["VmRSS"],
        "after_every_page_mb": every_page["VmRSS"],
        "peak_mb": every_page["VmHWM"],
        "after_each_page_mb": each_page,
    }


# --- the run and its report -------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import pandas
    import streamlit
    import yaml

    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        int(line.split()[1]) // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_mb": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "pandas": pandas.__version__,
        "pyyaml": f"{yaml.__version__} (libyaml: {yaml.__with_libyaml__})",
        "load_average_at_start": os.getloadavg(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


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
        result = {
            **began,
            "data_dir": str(data_dir),
            "projects": build["projects"],
            "parse_s": statistics.median(r["seconds"] for r in parses),
            "pages": {},
            "build": build,
            "visits": visits.summary(visit_runs),
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


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the issue at 10,000 projects: the figure, the bound, met or not."""
    base = results["data"]["bundled"]
    full = [d for d in results["data"].values() if "load_s" in d]
    big = next((d for d in full if d["projects"] == 10_000), None)
    if big is None:
        return []
    rows = [
        ("Cold load and validation", big["load_s"], "s", TARGETS["load_s"], "<"),
        ("Cold load ÷ bare YAML parse", big["load_to_parse"], "×", TARGETS["load_to_parse"], "≤"),
    ]
    for page, entry in big["pages"].items():
        median = entry["median_ms"]
        rows.append((f"Warm rerun, {page}", median, "ms", TARGETS["page_ms"], "<"))
        ratio = median / base["pages"][page]["median_ms"]
        rows.append((f"Warm rerun ÷ bundled, {page}", ratio, "×", TARGETS["page_ratio"], "≤"))
        if "map_payload_bytes" in entry:
            size = entry["map_payload_bytes"] / 1024 / 1024
            rows.append(("Map payload", size, "MB", TARGETS["map_mb"], "<"))
    rows += visits.target_rows(big)
    for entry in results["data"].values():
        if entry["projects"] >= 100_000:  # the targets at 100,000 projects
            label = f"{entry['projects']:,} projects: "
            found = visits.target_rows(entry, first_visit_ms=1000.0)
            if "memory" in entry:
                memory = entry["memory"]["after_every_page_mb"]
                found.append(("Server memory after every page", memory, "MB", 1000.0, "<"))
            rows += [(label + what, *rest) for what, *rest in found]
    if "memory" in big:
        memory, bound = big["memory"], TARGETS["memory_mb"]
        for key, what in (("after_load_mb", "loading"), ("after_every_page_mb", "every page")):
            rows.append((f"Server memory after {what}", memory[key], "MB", bound, "<"))
    return [
        {
            "target": what,
            "value": round(value, 3),
            "unit": unit,
            "bound": f"{sign} {bound:g} {unit}",
            "met": value < bound if sign == "<" else value <= bound,
        }
        for what, value, unit, bound, sign in rows
    ]


def _ratio(big: float | None, base: float | None) -> str:
    return f"{big / base:.1f}×" if big and base else "–"


def report(results: dict[str, Any]) -> str:
    info, every = results["machine"], results["data"]
    data = {name: entry for name, entry in every.items() if "load_s" in entry}
    names = list(data)
    head = " | ".join(f"{name}" for name in names)
    lines = [
        "# Benchmark results",
        "",
        f"Run by `make bench` (bench/run.py) on {info['date']}: {info['cpu']}, {info['cores']} "
        f"cores, {info['memory_mb']:,} MB RAM, {info['os']}; Python {info['python']}, "
        f"Streamlit {info['streamlit']}, pandas {info['pandas']}, PyYAML {info['pyyaml']}. "
        f"Load average at the start: {', '.join(f'{x:.2f}' for x in info['load_average_at_start'])}"
        f"; at the end: {', '.join(f'{x:.2f}' for x in results['load_average_at_end'])}.",
        "",
        f"Each figure is the median of {results['runs']} runs, each in a fresh process. Page "
        f"times: AppTest runs the whole app (router, sidebar, page) in-process; a page is opened "
        f"once, then rerun unchanged {results['reruns']} times and the median rerun is taken; "
        "the figure is the median of those medians. The synthetic portfolios are made by "
        f"`dashboard-data synth --seed {SEED}`. Ratios: 10,000 projects ÷ the bundled data. "
        "The cold load reads the project files on one core (lib/load/yaml_reader); "
        "the bare parse is PyYAML's `yaml.load` on one core.",
        "",
        "## Targets at 10,000 (and 100,000) projects",
        "",
        "| target | value | bound | met |",
        "|---|---:|---|---|",
    ]
    for row in results["targets"]:
        met = "yes" if row["met"] else "**no**"
        lines.append(
            f"| {row['target']} | {row['value']:,} {row['unit']} | {row['bound']} | {met} |"
        )
    met = sum(row["met"] for row in results["targets"])
    lines += ["", f"{met} of {len(results['targets'])} targets met.", ""]
    lines += [
        "## Figures",
        "",
        f"| | {head} | 10,000 ÷ bundled |",
        "|---|" + "---:|" * (len(names) + 1),
    ]

    def row(label: str, values: list[float | None], fmt: str) -> None:
        shown = [format(v, fmt) if v is not None else "–" for v in values]
        lines.append(f"| {label} | " + " | ".join(shown) + f" | {_ratio(values[-1], values[0])} |")

    row("projects", [data[n]["projects"] for n in names], ",")
    row("figures (CSV rows)", [data[n]["figures"] for n in names], ",")
    row("files", [data[n]["files"] for n in names], ",")
    row("cold load and validation (s)", [data[n]["load_s"] for n in names], ".2f")
    row("bare YAML parse, C loader (s)", [data[n]["parse_s"] for n in names], ".2f")
    row("load ÷ parse", [data[n]["load_to_parse"] for n in names], ".2f")
    row("app's first run incl. load (s)", [data[n]["app_first_run_s"] for n in names], ".2f")
    for page in data[names[0]]["pages"]:
        values = [data[n]["pages"].get(page, {}).get("median_ms") for n in names]
        row(f"warm rerun {page} (ms)", values, ".0f")
    for page in data[names[0]]["pages"]:
        if "map_payload_bytes" in data[names[-1]]["pages"].get(page, {}):
            values = [data[n]["pages"][page].get("map_payload_bytes") for n in names]
            row("map payload (bytes)", values, ",")
    if all("memory" in data[n] for n in names):
        for key, label in (
            ("idle_mb", "server memory before a session (MB)"),
            ("after_load_mb", "server memory after loading (MB)"),
            ("after_every_page_mb", "server memory after every page (MB)"),
            ("peak_mb", "server peak memory (MB)"),
        ):
            row(label, [data[n]["memory"][key] for n in names], ".0f")
    errors = [
        f"- {n}, {page}: {error}"
        for n in names
        for page, entry in data[n]["pages"].items()
        for error in entry["errors"]
    ]
    lines += ["", "## The snapshot: build, start, first visits, filter changes", ""]
    lines += [
        f"A filter change is timed {results['reruns']} times a kind and page (the biggest funder "
        "once), each with a value not used before in that process; every figure of a page is "
        f"from {results['runs']} process(es). The load average above says how busy the machine "
        "was: on a shared machine these times are noisy.",
        "",
    ]
    for name in every:
        lines += visits.report_lines(name, every[name])
    errors += [
        f"- {n}, {page} (filter changes): {error}"
        for n in every
        for page, entry in every[n]["visits"]["pages"].items()
        for error in entry["errors"]
    ]
    lines += ["", "## Errors", ""] + (errors or ["None: every page ran without an exception."])
    return "\n".join(lines) + "\n"


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
