"""bench/results.md from the figures bench/run.py measured: the machine it ran on, the issue's
targets (met or not) and the tables of each data set."""

from __future__ import annotations

import datetime as dt
import os
import platform
from pathlib import Path
from typing import Any

import snapshot_report  # bench/snapshot_report.py, beside this file (run.py puts it on the path)


def machine() -> dict[str, Any]:
    """What the figures were measured on: processor, memory, versions, load average."""
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


TARGETS = {
    "load_s": 5.0,  # cold load and validation at 10,000 projects, seconds
    "load_to_parse": 3.0,  # ... and at most this many times the bare parse
    "page_ms": 250.0,  # every page's median warm rerun at 10,000 projects
    "page_ratio": 2.0,  # ... and at most this many times its time on the bundled data
    "memory_mb": 500.0,  # server memory after loading 10,000 projects
    "map_mb": 2.0,  # the map's payload at 10,000 projects
}


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
    rows += snapshot_report.target_rows(big)
    for entry in results["data"].values():
        if entry["projects"] >= 100_000:  # the targets at 100,000 projects
            label = f"{entry['projects']:,} projects: "
            found = snapshot_report.target_rows(entry, first_visit_ms=1000.0)
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
        f"`dashboard-data synth --seed {results['seed']}`. "
        "Ratios: 10,000 projects ÷ the bundled data. "
        "The cold load and the build parse the project files with both cores, from 2,000 "
        "files on (lib/load/many_files); the bare parse is PyYAML's `yaml.load` on one core.",
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
        lines += snapshot_report.report_lines(name, every[name])
    errors += [
        f"- {n}, {page} (filter changes): {error}"
        for n in every
        for page, entry in every[n]["visits"]["pages"].items()
        for error in entry["errors"]
    ]
    lines += ["", "## Errors", ""] + (errors or ["None: every page ran without an exception."])
    return "\n".join(lines) + "\n"
