"""The snapshot's figures in bench/results.md (issue 16, and issue 19's replica at 100,000
projects): the targets' rows for one data set and its section of the report, from what
bench/visits.py measured."""

from __future__ import annotations

from typing import Any

from visits import KINDS  # bench/visits.py, beside this file

# Issue 16's targets at 10,000 projects (benchmark figures, not timed tests).
BUILD_TO_PARSE = 2.0
START_S = 3.0
PAGE_MS = 250.0
REBUILD_S = 5.0


def target_rows(
    entry: dict[str, Any], first_visit_ms: float = PAGE_MS
) -> list[tuple[str, float, str, float, str]]:
    """(what, value, unit, bound, sign) of the snapshot's targets for one data set (a first
    visit's bound is 250 ms at 10,000 projects, 1 s at 100,000)."""
    build, found = entry["build"], entry["visits"]
    rows = [
        ("Build ÷ bare YAML parse", build["seconds"] / entry["parse_s"], "×", BUILD_TO_PARSE, "≤"),
        ("Start from the snapshot to the first page", found["start_s"], "s", START_S, "<"),
    ]
    if "rebuild_after_one_edit_s" in build:
        rebuild = build["rebuild_after_one_edit_s"]
        rows.append(("Rebuild after editing one project file", rebuild, "s", REBUILD_S, "<"))
    if "replica" in entry:  # issue 19's, at 100,000 projects
        replica = entry["replica"]
        rows.append(("Start of a replica (published snapshot)", replica["start_s"], "s", 3.0, "<"))
        memory = replica["after_session_mb"]
        rows.append(("Replica memory after a session's filter changes", memory, "MB", 1000, "<"))
        if "after_every_page_mb" in replica:
            memory = replica["after_every_page_mb"]
            rows.append(("Replica memory after every page", memory, "MB", 1000, "<"))
    for page, figures in found["pages"].items():
        rows.append((f"First visit, {page}", figures["first_visit_ms"], "ms", first_visit_ms, "<"))
        for kind in KINDS:
            p95 = figures[kind]["p95_ms"]
            rows.append((f"Filter change p95, {kind}, {page}", p95, "ms", PAGE_MS, "<"))
    return rows


def report_lines(name: str, entry: dict[str, Any]) -> list[str]:
    """The snapshot section of bench/results.md for one data set."""
    build, visits = entry["build"], entry["visits"]
    size = (build["snapshot_bytes"] or 0) / 1024 / 1024
    lines = [
        f"### {name}: {entry['projects']:,} projects",
        "",
        f"Measured at commit {entry.get('commit', '?')}, load average "
        + ", ".join(f"{x:.2f}" for x in entry.get("load_average", ()))
        + " when it began.",
        "",
        f"- build (validate and write the snapshot): {build['seconds']:.1f} s; the bare YAML "
        f"parse of the same files: {entry['parse_s']:.1f} s "
        f"({build['seconds'] / entry['parse_s']:.1f}×); snapshot {size:,.1f} MB",
        *(
            [f"- rebuild after editing one project file: {build['rebuild_after_one_edit_s']:.1f} s"]
            if "rebuild_after_one_edit_s" in build
            else []
        ),
        f"- app start from the snapshot to the first page drawn: {visits['start_s']:.2f} s",
        *(
            [
                f"- a replica's start (the published snapshot, `DASHBOARD_SNAPSHOT_ONLY=1`): "
                f"{entry['replica']['start_s']:.2f} s; its memory after the start "
                f"{entry['replica']['after_start_mb']:,.0f} MB, after a session's three city "
                f"changes on the Overview {entry['replica']['after_session_mb']:,.0f} MB"
                + (
                    f", after that visitor opened every page {every_page:,.0f} MB"
                    if (every_page := entry["replica"].get("after_every_page_mb"))
                    else ""
                )
            ]
            if "replica" in entry
            else []
        ),
        "",
        "| page | first visit (ms) | "
        + " | ".join(f"{k}: median / p95 (ms)" for k in KINDS)
        + " |",
        "|---|---:|" + "---:|" * len(KINDS),
    ]
    for page, figures in visits["pages"].items():
        cells = [f"{figures[k]['median_ms']:,.0f} / {figures[k]['p95_ms']:,.0f}" for k in KINDS]
        lines.append(f"| {page} | {figures['first_visit_ms']:,.0f} | " + " | ".join(cells) + " |")
    memory = entry.get("memory", {}).get("after_each_page_mb")
    if memory:
        lines += [
            "",
            "Server memory after each page (MB): "
            + ", ".join(f"{page or 'overview'} {mb:,.0f}" for page, mb in memory.items()),
        ]
    return lines + [""]
