"""The snapshot's figures for bench/run.py (issue 16): the build against the bare YAML parse,
the app's start from an existing snapshot, each page's first visit and its reruns after a
filter change, the snapshot's size. Each worker runs in a fresh process (run.py starts it)
and returns one JSON-able dict.

Filter changes: on each page, each kind of filter (a city, a small funder, the funder of most
projects, a year range) is set to `repeats` different values in turn (the funder of most
projects is one value, set once), each followed by a run back to no filter that is not timed.
Every timed run is the first with that filter in that process, so it is a filter change, not
a kept result; the median and the 95th percentile are over all of them. Past a few hundred
options the sidebar offers a search box first (lib/ui/search_select.py): as a person does, the
name is typed (a run not timed), then chosen (the timed run). A timed run that raised is kept
as an error, never as a time.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("a city", "a small funder", "the biggest funder", "a year range")


def work_build(data_dir: Path, cache_dir: Path) -> dict[str, Any]:
    """`dashboard-data build` of the folder into an empty cache folder, then the rebuild
    after a curator edits one project file: in a copy of the folder made of hard links (no
    data copied; the edited file is written anew, so the original stays as it was). The copy
    is made before the build, as a curator's folder is there before its build: a hard link
    sets its file's change time, which a build's stamps hold (lib/store/build.py)."""
    from lib.store.build import SETTLE_SECONDS, build

    copy = _linked_copy(data_dir, cache_dir.parent / f"{cache_dir.name}-edited")
    time.sleep(SETTLE_SECONDS)  # the links older than the build's read by the settle time
    started = time.perf_counter()
    built = build(data_dir, cache_dir)
    seconds = time.perf_counter() - started
    portfolio = built.result.portfolio
    result = {
        "seconds": seconds,
        "problems": len(built.result.problems),
        "projects": len(portfolio.projects) if portfolio else 0,
        "snapshot_bytes": built.path.stat().st_size if built.path else None,
    }
    if copy is not None and _one_file_edited(copy):
        started = time.perf_counter()
        rebuilt = build(copy, cache_dir)
        result["rebuild_after_one_edit_s"] = time.perf_counter() - started
        result["rebuild_problems"] = len(rebuilt.result.problems)
    if copy is not None:
        shutil.rmtree(copy, ignore_errors=True)
    return result


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system: a copy
        shutil.copy2(source, target)


def _linked_copy(data_dir: Path, copy: Path) -> Path | None:
    """A copy of `data_dir` sharing every file; None without a project file."""
    if not any((data_dir / "projects").glob("*.yaml")):
        return None
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(data_dir, copy, copy_function=_link_or_copy)
    return copy


def _one_file_edited(copy: Path) -> bool:
    """Give one project file of `copy` a comment line (its data unchanged, its bytes not)."""
    projects = sorted((copy / "projects").glob("*.yaml"))
    if not projects:
        return False
    edited = projects[len(projects) // 2]
    text = edited.read_text(encoding="utf-8") + "# edited for the rebuild benchmark\n"
    edited.unlink()  # a hard link: the original file must not change
    edited.write_text(text, encoding="utf-8")
    old = time.time() - 60  # older than the build's settling wait
    os.utime(edited, (old, old))
    return True


def _filter_values(repeats: int) -> dict[str, list[tuple[str, Any]]]:
    """(widget key, value) to set, `repeats` of each kind, from the data the app holds."""
    from lib.query.index import index_of
    from lib.ui.app_data import load_for_app

    portfolio = load_for_app().portfolio  # the version the app holds: no second load
    index = index_of(portfolio)
    funders = Counter(index.projects_with["funders"].counts())
    funders = funders.most_common()
    cities = Counter(index.projects_with["cities"].counts())
    middling = [city for city, _ in cities.most_common()][len(cities) // 3 :]
    low, high = index.year_bounds or (2000, 2000)
    years = [(min(low + k, high), min(low + k + 1, high)) for k in range(repeats)]
    return {
        "a city": [("filter.cities", [city]) for city in middling[:repeats]],
        "a small funder": [("filter.funders", [f]) for f, _ in funders[::-1][:repeats]],
        "the biggest funder": [("filter.funders", [funders[0][0]])],
        "a year range": [("filter.years", pair) for pair in years],
    }


def work_visits(data_dir: Path, cache_dir: Path, repeats: int) -> dict[str, Any]:
    """Start the app on an existing snapshot, visit every page, change the filters."""
    os.environ["DASHBOARD_DATA_DIR"] = str(data_dir)
    os.environ["DASHBOARD_CACHE_DIR"] = str(cache_dir)
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=1800)
    started = time.perf_counter()
    app.run()
    start_s = time.perf_counter() - started
    values = _filter_values(repeats)
    defaults = {
        key: app.session_state[key] for key in ("filter.years",) if key in app.session_state
    }
    pages = {page: page_visit(app, page, values, defaults) for page in _pages()}
    return {"start_s": start_s, "pages": pages}


def work_replica(data_dir: Path, cache_dir: Path) -> dict[str, Any]:
    """A replica's start (`DASHBOARD_SNAPSHOT_ONLY`, as `make serve` and the containers run
    them: no look at the data folder, the snapshot `dashboard-data build` published), and its
    memory (VmRSS of this process, the app run in it by AppTest) after the start and after
    the load test's session: the Overview, the city filter changed three times."""
    from lib.load.loader import fingerprint
    from lib.store.known_stats import recall, stats_key
    from lib.store.published import SNAPSHOT_ONLY_VARIABLE, publish

    publish(cache_dir, recall(cache_dir, stats_key(data_dir)) or fingerprint(data_dir))
    os.environ.update(
        {
            "DASHBOARD_DATA_DIR": str(data_dir),
            "DASHBOARD_CACHE_DIR": str(cache_dir),
            SNAPSHOT_ONLY_VARIABLE: "1",
        }
    )
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=1800)
    started = time.perf_counter()
    app.run()
    result = {"start_s": time.perf_counter() - started, "after_start_mb": _rss_mb()}
    for key, value in _filter_values(3)["a city"]:
        app.session_state[f"{key}-search"] = _english_name(key, value[0])
        app.run()
        app.session_state[key] = value
        app.run()
    result["after_session_mb"] = _rss_mb()
    for page in _pages():  # then a visitor who opens every page, unfiltered
        app.switch_page(page).run()
    errors = [str(error.value)[:300] for error in app.exception]
    return {**result, "after_every_page_mb": _rss_mb(), "errors": errors}


def _pages() -> list[str]:
    """Every page but `?present=1`'s, by path."""
    listed = [p for p in ROOT.glob("pages/*/app.py") if p.parent.name != "presentation"]
    return sorted(str(p.relative_to(ROOT)) for p in listed)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        found = next(line for line in status if line.startswith("VmRSS:"))
    return int(found.split()[1]) / 1024


def page_visit(
    app: Any, page: str, values: dict[str, list[tuple[str, Any]]], defaults: dict[str, Any]
) -> dict[str, Any]:
    """One page's first visit, then its filter changes of every kind (ms) and their errors."""
    started = time.perf_counter()
    app.switch_page(page).run()
    entry: dict[str, Any] = {"first_visit_ms": (time.perf_counter() - started) * 1000}
    errors = [f"first visit: {str(error.value)[:300]}" for error in app.exception]
    for kind in KINDS:
        times = []
        for key, value in values[kind]:
            if key != "filter.years":  # typed in the search box first, as a person does
                app.session_state[f"{key}-search"] = _english_name(key, value[0])
                app.run()
            app.session_state[key] = value
            started = time.perf_counter()
            app.run()
            elapsed = (time.perf_counter() - started) * 1000
            raised = [f"{kind}: {str(error.value)[:300]}" for error in app.exception]
            errors += raised
            if not raised:
                times.append(elapsed)
            app.session_state[key] = defaults.get(key, [])
            if key != "filter.years":
                app.session_state[f"{key}-search"] = ""
            app.run()
        entry[kind] = times
    entry["errors"] = errors
    return entry


def _english_name(key: str, value: str) -> str:
    """What a person types to find `value` in the sidebar's search box: its English name."""
    from lib.query.names import funder_name, place_name
    from lib.ui.app_data import load_for_app

    name = place_name if key == "filter.cities" else funder_name
    return name(load_for_app().portfolio, value, "en")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The runs' pages, first visits as medians, filter changes as median and p95."""
    pages = {}
    for page in runs[0]["pages"]:
        entries = [run["pages"][page] for run in runs]
        pages[page] = {
            "first_visit_ms": statistics.median(e["first_visit_ms"] for e in entries),
            "errors": sorted({error for e in entries for error in e["errors"]}),
        }
        for kind in KINDS:
            times = [t for e in entries for t in e[kind]] or [float("nan")]  # all raised
            pages[page][kind] = {
                "median_ms": statistics.median(times),
                "p95_ms": percentile(times, 0.95),
                "n": len(times),
            }
    return {"start_s": statistics.median(run["start_s"] for run in runs), "pages": pages}
