"""Many viewers at once: a load test of the dashboard over Streamlit's own websocket protocol.

A script, not a test: `make load-test` runs it. It starts the app on loopback (127.0.0.1, a free
port or --port, the bundled data or --data), then opens SESSIONS sessions at once, as many
browsers would: each connects to ws://127.0.0.1:PORT/_stcore/stream, asks for the first page (a
rerun_script BackMsg with the link's query string), waits for script_finished, then changes the
city filter CHANGES times (a rerun_script with the sidebar multiselect's new value in its widget
states, as the browser sends it) and waits for each rerun to finish. Every run is checked, not
just timed: the "Participants" figure the server draws must be the one the filter selects (291
in all, 132 for Shtip, 127 for Strazhitsa, 259 for both), and no exception may be drawn.

It writes bench/load_results.json and bench/load_results.md: success rate, first-load and rerun
times (median, p95, max; a first load counts from opening the connection), the server's
resident memory (VmRSS in /proc/PID/status) before the sessions, with all of them open, and
after they closed, and the machine it ran on (with its load average). Everything is
bounded: the number of sessions, a time limit for each message and one for the whole run.

    python bench/load_test.py [--sessions 50] [--changes 5] [--ramps 0,10] [--timeout 600]
        [--data DIR] [--port N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent
BUNDLED_DATA_DIR = ROOT / "data"
# The folder and port of this run (--data, --port). The figures each change must draw are
# known for the bundled data only; on another folder the changes are to its first two cities,
# and every run is checked for finishing without an exception and drawing a figure.
SETTINGS: dict[str, Any] = {"data_dir": BUNDLED_DATA_DIR, "port": None}
CITY_WIDGET = "filter.cities"
# The filter changes a session makes, in turn, and the Participants figure each must draw.
CHANGES = [
    (["Shtip"], "132"),
    (["Strazhitsa"], "127"),
    (["Shtip", "Strazhitsa"], "259"),
    ([], "291"),
]
FIRST_LOAD_FIGURE = "291"
TARGETS = {"success_rate": 1.0, "first_load_p95_s": 5.0, "growth_per_session_mb": 2.0}
RUN_TIMEOUT_S = 120.0  # for one script run's messages
SESSION_TTL_S = 10  # how long the server keeps a closed session for a reconnect (default 120)


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    status: str
    participants: str | None
    exceptions: list[str]
    widgets: dict[str, Any] = field(default_factory=dict)
    page_hash: str = ""


@dataclass
class SessionResult:
    number: int
    ok: bool = False
    first_load_s: float | None = None
    reruns_s: list[float] = field(default_factory=list)
    error: str | None = None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_s(pid: int) -> float:
    """The process's CPU time so far (user and system), from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile: the smallest value with `share` of them at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


async def run_script(socket_: Any, query: str, page_hash: str, states: WidgetStates) -> Run:
    """Ask for a rerun and read the server's messages until the run finishes."""
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_script_hash = page_hash
    message.rerun_script.widget_states.CopyFrom(states)
    started = time.monotonic()
    await socket_.send(message.SerializeToString())
    participants, exceptions, widgets, new_hash = None, [], {}, page_hash
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await socket_.recv())
        kind = forward.WhichOneof("type")
        if kind == "new_session":
            new_hash = forward.new_session.page_script_hash or new_hash
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            shown = element.WhichOneof("type")
            if shown == "metric" and element.metric.label == "Participants":
                participants = element.metric.body
            elif shown == "exception":
                exceptions.append(element.exception.message)
            elif shown in ("multiselect", "slider", "selectbox"):
                widget = getattr(element, shown)
                widgets[widget.id] = (shown, widget)
        elif kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
            if status == "FINISHED_EARLY_FOR_RERUN":
                continue
            seconds = time.monotonic() - started
            return Run(seconds, status, participants, exceptions, widgets, new_hash)


def browser_states(widgets: dict[str, tuple[str, Any]], cities: list[str]) -> WidgetStates:
    """What a browser sends after choosing `cities`: the value of every widget the last run
    drew (as it was drawn), with the city filter's changed."""
    states = WidgetStates()
    for widget_id, (kind, widget) in widgets.items():
        state = states.widgets.add()
        state.id = widget_id
        if kind == "multiselect":
            values = (
                widget.raw_values
                if widget.set_value
                else [widget.options[i] for i in widget.default]
            )
            chosen = cities if widget_id.endswith(CITY_WIDGET) else list(values)
            state.string_array_value.data.extend(chosen)
        elif kind == "slider":
            state.double_array_value.data.extend(
                widget.value if widget.set_value else widget.default
            )
        elif widget.set_value:
            state.string_value = widget.raw_value
        elif widget.options:
            state.string_value = widget.options[widget.default]
    return states


async def session(number: int, port: int, changes: int, message_timeout: float) -> SessionResult:
    result = SessionResult(number)
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    opened = time.monotonic()
    try:
        async with connect(
            url, subprotocols=["streamlit"], max_size=None, open_timeout=message_timeout
        ) as socket_:
            first = await asyncio.wait_for(
                run_script(socket_, "", "", WidgetStates()), message_timeout
            )
            bundled = SETTINGS["data_dir"] == BUNDLED_DATA_DIR
            _check(first, FIRST_LOAD_FIGURE if bundled else None, "first load")
            changes_made = CHANGES if bundled else _first_cities(first)
            result.first_load_s = time.monotonic() - opened  # connecting included
            last = first
            for step in range(changes):
                if not any(widget_id.endswith(CITY_WIDGET) for widget_id in last.widgets):
                    raise RuntimeError("the page drew no city filter")
                # The first change is the one every session makes to Shtip: Streamlit once
                # dropped the first change after a page was opened (lib/ui/widget_ids.py).
                turn = 0 if step == 0 else (number + step) % len(changes_made)
                chosen, expected = changes_made[turn]
                states = browser_states(last.widgets, chosen)
                rerun = await asyncio.wait_for(
                    run_script(socket_, "", last.page_hash, states), message_timeout
                )
                _check(rerun, expected, f"change {step + 1} to {chosen or 'all cities'}")
                result.reruns_s.append(rerun.seconds)
                last = rerun
        result.ok = True
    except Exception as error:  # one failed session is a result, not the end of the run
        result.error = f"{type(error).__name__}: {error}"[:300]
    return result


def _first_cities(run: Run) -> list[tuple[list[str], str | None]]:
    """Changes to a data folder's first two cities (as the city filter offers them), then to
    both and to all; the figures they draw are not known in advance."""
    _, widget = next(w for wid, w in run.widgets.items() if wid.endswith(CITY_WIDGET))
    first, second = (list(widget.options) * 2)[:2]
    return [([first], None), ([second], None), ([first, second], None), ([], None)]


def _check(run: Run, expected: str | None, what: str) -> None:
    if run.status != "FINISHED_SUCCESSFULLY":
        raise RuntimeError(f"{what}: the run ended {run.status}")
    if run.exceptions:
        raise RuntimeError(f"{what}: the page drew an exception: {run.exceptions[0][:120]}")
    if expected is None and run.participants is None:
        raise RuntimeError(f"{what}: no Participants figure was drawn")
    if expected is not None and run.participants != expected:
        raise RuntimeError(f"{what}: Participants {run.participants!r}, expected {expected!r}")


async def all_sessions(
    sessions: int, port: int, changes: int, timeout: float, ramp: float = 0.0
) -> list[Any]:
    """Every session at once, or arriving evenly over `ramp` seconds."""

    async def arriving(number: int) -> SessionResult:
        await asyncio.sleep(ramp * number / sessions)
        return await session(number, port, changes, min(timeout, RUN_TIMEOUT_S))

    return await asyncio.gather(*(arriving(number) for number in range(sessions)))


def start_server(port: int, log: Any) -> subprocess.Popen:
    env = {**os.environ, "DASHBOARD_DATA_DIR": str(SETTINGS["data_dir"])}
    env.pop("DASHBOARD_AUDIENCE", None)
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--server.fileWatcherType", "none",
        "--server.disconnectedSessionTTL", str(SESSION_TTL_S),
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start within 120 s")


def machine() -> dict[str, Any]:
    sys.path.insert(0, str(OUT))
    from run import machine as bench_machine  # bench/run.py: the same description

    return bench_machine()


def measure(sessions: int, changes: int, timeout: float, ramp: float) -> dict[str, Any]:
    port = SETTINGS["port"] or _free_port()
    with tempfile.TemporaryFile() as log:
        server = start_server(port, log)
        try:
            memory: dict[str, float] = {"idle_mb": rss_mb(server.pid)}
            # One session first, so the data is loaded and cached before the measured ones:
            # the growth per session is then the sessions' own, not the data's.
            warm = asyncio.run(all_sessions(1, port, 1, timeout))[0]
            if not warm.ok:
                raise RuntimeError(f"the warm-up session failed: {warm.error}")
            time.sleep(2)
            memory["before_mb"] = rss_mb(server.pid)
            started, cpu_before = time.monotonic(), cpu_s(server.pid)
            results, peak = asyncio.run(
                _watched(sessions, port, changes, timeout, ramp, server.pid)
            )
            wall, server_cpu = time.monotonic() - started, cpu_s(server.pid) - cpu_before
            memory["with_sessions_open_mb"] = peak
            # Closed sessions are kept SESSION_TTL_S for a reconnect; one more session after
            # that makes the server drop them (its store expires entries when it is used).
            time.sleep(SESSION_TTL_S + 5)
            asyncio.run(all_sessions(1, port, 0, timeout))
            time.sleep(5)
            memory["after_close_mb"] = rss_mb(server.pid)
            log.seek(0)
            server_log = log.read().decode("utf-8", "replace")
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    figures = _summary(results, memory, sessions, changes, (wall, server_cpu), server_log)
    return {"ramp_s": ramp, **figures}


async def _watched(
    sessions: int, port: int, changes: int, timeout: float, ramp: float, pid: int
) -> tuple[list[Any], float]:
    """Run the sessions, reading the server's memory every half second; the highest reading
    is the memory with every session open."""
    peak = rss_mb(pid)

    async def watch() -> None:
        nonlocal peak
        while True:
            peak = max(peak, rss_mb(pid))
            await asyncio.sleep(0.5)

    watcher = asyncio.create_task(watch())
    try:
        results = await asyncio.wait_for(
            all_sessions(sessions, port, changes, timeout, ramp), timeout
        )
    finally:
        watcher.cancel()
    return results, max(peak, rss_mb(pid))


def _summary(
    results: list[SessionResult],
    memory: dict[str, float],
    sessions: int,
    changes: int,
    times: tuple[float, float],
    server_log: str,
) -> dict[str, Any]:
    wall, server_cpu = times
    first = [r.first_load_s for r in results if r.first_load_s is not None]
    reruns = [seconds for r in results for seconds in r.reruns_s]
    succeeded = sum(r.ok for r in results)
    growth = (memory["with_sessions_open_mb"] - memory["before_mb"]) / sessions

    def stats(values: list[float]) -> dict[str, float | None]:
        return {
            "median_s": statistics.median(values) if values else None,
            "p95_s": _percentile(values, 0.95),
            "max_s": max(values) if values else None,
        }

    figures = {
        "sessions": sessions,
        "changes_per_session": changes,
        "succeeded": succeeded,
        "success_rate": succeeded / sessions,
        "wall_s": wall,
        "server_cpu_s": server_cpu,
        "server_cpu_per_run_ms": 1000 * server_cpu / max(1, len(first) + len(reruns)),
        "first_load": stats(first),
        "rerun": stats(reruns),
        "reruns_measured": len(reruns),
        "memory_mb": memory,
        "growth_per_session_mb": growth,
        "errors": sorted({r.error for r in results if r.error}),
        "server_log_tracebacks": server_log.count("Traceback"),
        "load_average_at_end": os.getloadavg(),
    }
    figures["targets"] = {
        "success_rate": figures["success_rate"] >= TARGETS["success_rate"],
        "first_load_p95_s": (figures["first_load"]["p95_s"] or 1e9) < TARGETS["first_load_p95_s"],
        "growth_per_session_mb": growth < TARGETS["growth_per_session_mb"],
    }
    return figures


def _data_words() -> str:
    data_dir = SETTINGS["data_dir"]
    return "the bundled data" if data_dir == BUNDLED_DATA_DIR else f"the data in `{data_dir}`"


def report(scenarios: list[dict[str, Any]], host: dict[str, Any]) -> str:
    lines = [
        "# Load test: many viewers at once",
        "",
        f"`python bench/load_test.py` (`make load-test`), {host['date']}: concurrent sessions "
        "over Streamlit's websocket protocol on 127.0.0.1, each opening the Overview page and "
        f"changing the city filter; {_data_words()}, a fresh server for each scenario. "
        + (
            "Each run is checked: the Participants figure must be the one its filter selects "
            "(291, 132, 127 or 259), and no exception may be drawn."
            if SETTINGS["data_dir"] == BUNDLED_DATA_DIR
            else "Each run is checked: it must draw a Participants figure and no exception."
        ),
        "",
        f"Machine: {host['cpu']}, {host['cores']} cores, {host['memory_mb']:,} MB; "
        f"{host['os']}; Python {host['python']}, Streamlit {host['streamlit']}. The load test "
        "client runs on the same cores as the server, so the times include its own work. Load "
        f"average (1, 5, 15 min) at the start: {_loads(host['load_average_at_start'])}; above "
        "2 on 2 cores, other work was running beside the test.",
        "",
    ]
    for figures in scenarios:
        lines += _section(figures)
    lines += [
        "Memory is the server's resident set (VmRSS in /proc/PID/status), read every half "
        "second while the sessions run. Closed sessions are kept "
        f"{SESSION_TTL_S} s for a reconnect (server.disconnectedSessionTTL, 120 s by default, "
        "shortened here) before the server drops them; Python seldom hands freed memory back to "
        "the system, so the memory after they close shows what is kept, not what was freed. "
        "Streamlit runs each session's script in a thread of one Python process, so the runs "
        "share one core's worth of Python at a time: sessions arriving at once wait for each "
        "other's runs, about the CPU time per run times the runs ahead of them. The server runs "
        "with the project's .streamlit/config.toml, which turns off Streamlit's full garbage "
        "collection after every run (runner.postScriptGC): with it on, a run cost about 120 ms "
        "of CPU instead of about 20, and the first load's p95 was 6.3 s.",
        "",
    ]
    return "\n".join(lines)


def _section(figures: dict[str, Any]) -> list[str]:
    first, rerun, memory, met = (
        figures["first_load"],
        figures["rerun"],
        figures["memory_mb"],
        figures["targets"],
    )

    def yes(key: str) -> str:
        return "met" if met[key] else "**not met**"

    arrival = (
        "all at once"
        if not figures["ramp_s"]
        else f"arriving evenly over {figures['ramp_s']:.0f} s"
    )
    lines = [
        f"## {figures['sessions']} sessions {arrival}, {figures['changes_per_session']} filter "
        "changes each",
        "",
        "| figure | value | target |",
        "|---|---|---|",
        f"| sessions that completed every run, checked | {figures['succeeded']} of "
        f"{figures['sessions']} ({figures['success_rate']:.0%}) | 100%: {yes('success_rate')} |",
        f"| first load, median / p95 / max | {first['median_s']:.2f} / {first['p95_s']:.2f} / "
        f"{first['max_s']:.2f} s | p95 under 5 s: {yes('first_load_p95_s')} |",
        f"| rerun after a filter change, median / p95 / max ({figures['reruns_measured']} runs) | "
        f"{rerun['median_s']:.2f} / {rerun['p95_s']:.2f} / {rerun['max_s']:.2f} s | (reported) |",
        f"| server memory before the sessions (data loaded) | {memory['before_mb']:.0f} MB | |",
        f"| server memory with every session open (highest reading) | "
        f"{memory['with_sessions_open_mb']:.0f} MB | |",
        f"| growth per session | {figures['growth_per_session_mb']:.2f} MB | under 2 MB: "
        f"{yes('growth_per_session_mb')} |",
        f"| server memory after the sessions closed and expired | "
        f"{memory['after_close_mb']:.0f} MB | (reported) |",
        f"| server memory at start, before any session | {memory['idle_mb']:.0f} MB | |",
        f"| whole run (all sessions) | {figures['wall_s']:.1f} s | |",
        f"| server CPU time per script run (all runs' CPU / runs) | "
        f"{figures['server_cpu_per_run_ms']:.0f} ms | |",
        f"| tracebacks in the server log | {figures['server_log_tracebacks']} | |",
        f"| load average at the end (1, 5, 15 min) | {_loads(figures['load_average_at_end'])} | |",
        "",
    ]
    if figures["errors"]:
        lines += ["Errors:", "", *(f"- {error}" for error in figures["errors"]), ""]
    return lines


def _loads(averages: Any) -> str:
    return ", ".join(f"{value:.1f}" for value in averages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--changes", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=600.0, help="for the whole run, s")
    parser.add_argument(
        "--ramps",
        default="0,10",
        help="seconds over which the sessions arrive, one scenario each (0: all at once)",
    )
    parser.add_argument("--out", type=Path, default=OUT / "load_results")
    parser.add_argument("--data", type=Path, help="the data folder; default: the bundled data")
    parser.add_argument("--port", type=int, help="the server's port; default: a free one")
    args = parser.parse_args()
    SETTINGS.update(data_dir=args.data or BUNDLED_DATA_DIR, port=args.port)
    ramps = [float(ramp) for ramp in args.ramps.split(",")]
    if not 1 <= args.sessions <= 200 or not 0 <= args.changes <= 20:
        parser.error("--sessions must be 1 to 200 and --changes 0 to 20")
    if not 1 <= len(ramps) <= 3 or not all(0 <= ramp <= 120 for ramp in ramps):
        parser.error("--ramps takes one to three values of 0 to 120 seconds")
    host = machine()
    scenarios = [measure(args.sessions, args.changes, args.timeout, ramp) for ramp in ramps]
    args.out.with_suffix(".json").write_text(
        json.dumps({"machine": host, "scenarios": scenarios}, indent=2) + "\n", encoding="utf-8"
    )
    text = report(scenarios, host)
    args.out.with_suffix(".md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
