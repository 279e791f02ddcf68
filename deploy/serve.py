"""Serve the dashboard with several replicas behind nginx on one port (`make serve`).

It builds the data's snapshot once (`dashboard-data build`: validated, then published), starts
REPLICAS Streamlit processes on loopback that serve only that published snapshot
(DASHBOARD_SNAPSHOT_ONLY: none of them reads the YAML or builds), waits until each answers its
health check and has run the script once (deploy/warm_up.py), then runs nginx in the
foreground with deploy/nginx.conf.template filled in (sticky by a cookie, websockets, gzip,
timeouts), serving Streamlit's own web files itself (deploy/static_assets.py). Stop it with
Ctrl+C or SIGTERM: it stops everything it started. When a process dies, it stops the rest and
exits 1, for a supervisor (systemd, a container runtime) to restart the whole.

New data without downtime: run `dashboard-data build` again (or send this process SIGHUP,
which runs it): the replicas serve the new snapshot from their next run; a build that fails
leaves the old one served and says why.

    python deploy/serve.py [--replicas N] [--port 8080] [--host 0.0.0.0] [--data DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
START_TIMEOUT_S = 120.0


def nginx_config(run_dir: Path, listen: str, replicas: list[str]) -> str:
    """deploy/nginx.conf.template for replicas at `replicas` ("host:port" each)."""
    servers = "\n".join(
        f"        server {replica} max_fails=1 fail_timeout=10s;" for replica in replicas
    )
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in (("RUN_DIR", str(run_dir)), ("LISTEN", listen)):
        text = text.replace(f"@{name}@", value)
    return text.replace("@UPSTREAM_SERVERS@", servers)


def build_snapshot(data_dir: Path, env: dict[str, str]) -> int:
    """`dashboard-data build` in its own process, so this one never holds the data."""
    command = [sys.executable, "-m", "lib.cli", "build", str(data_dir)]
    return subprocess.call(command, cwd=ROOT, env=env)


def start_replica(port: int, env: dict[str, str]) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env)


def wait_healthy(port: int, process: subprocess.Popen, deadline: float) -> None:
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the replica on port {port} exited ({process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the replica on port {port} did not answer within {START_TIMEOUT_S} s")


def replica_env(data_dir: Path) -> dict[str, str]:
    """Every process agrees on the data folder and the snapshot folder (absolute paths)."""
    from lib.store.build import cache_dir_for

    env = dict(os.environ)
    env["DASHBOARD_DATA_DIR"] = str(data_dir)
    env["DASHBOARD_CACHE_DIR"] = str(cache_dir_for(data_dir).resolve())
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def serve(args: argparse.Namespace) -> int:
    from deploy.static_assets import copy_static_assets
    from deploy.warm_up import warm_up

    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).is_file():
        print("error: nginx is not installed (apt-get install nginx)", file=sys.stderr)
        return 2
    data_dir = (args.data or Path(os.environ.get("DASHBOARD_DATA_DIR") or ROOT / "data")).resolve()
    env = replica_env(data_dir)
    if build_snapshot(data_dir, env) != 0:
        from lib.store.published import published

        if not published(Path(env["DASHBOARD_CACHE_DIR"])):
            print("error: no snapshot to serve; correct the data and start again", file=sys.stderr)
            return 1
        print("The build failed; serving the snapshot published before.", file=sys.stderr)
    replica_env_on = {**env, "DASHBOARD_SNAPSHOT_ONLY": "1"}
    ports = [args.first_replica_port + number for number in range(args.replicas)]
    run_dir = Path(tempfile.mkdtemp(prefix="dashboard-nginx-"))
    # nginx started by root runs its workers as nobody, who must reach the static copy and the
    # temporary files: without them a response larger than nginx's buffers, to a slow client,
    # was cut short (4.0 of a 4.7 MB file, with status 200).
    run_dir.chmod(0o755)
    config = run_dir / "nginx.conf"
    replicas = [f"127.0.0.1:{port}" for port in ports]
    config.write_text(nginx_config(run_dir, f"{args.host}:{args.port}", replicas), "utf-8")
    processes: list[subprocess.Popen] = []
    rebuild = []
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    signal.signal(signal.SIGHUP, lambda *_: rebuild.append(True))
    try:
        processes += [start_replica(port, replica_env_on) for port in ports]
        copy_static_assets(run_dir / "static")  # while the replicas start
        deadline = time.monotonic() + START_TIMEOUT_S
        for port, process in zip(ports, processes, strict=True):
            wait_healthy(port, process, deadline)
            problem = warm_up(port)
            if problem:
                print(f"warning: the first run on port {port} failed: {problem}", file=sys.stderr)
        processes.append(subprocess.Popen([nginx, "-p", str(run_dir), "-c", str(config)]))
        print(f"Serving {data_dir} on http://{args.host}:{args.port}/ with {args.replicas} "
              f"replicas (ports {ports[0]}-{ports[-1]}); Ctrl+C stops.", flush=True)  # fmt: skip
        while all(process.poll() is None for process in processes):
            if rebuild:
                rebuild.clear()
                build_snapshot(data_dir, env)
            time.sleep(0.5)
        print("error: a process of the site exited; stopping the others", file=sys.stderr)
        return 1
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        _stop(processes)
        shutil.rmtree(run_dir, ignore_errors=True)


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    parser.add_argument("--host", default="0.0.0.0", help="nginx's address (default: all)")
    parser.add_argument("--first-replica-port", type=int, default=8601)
    parser.add_argument("--data", type=Path, help="default: DASHBOARD_DATA_DIR or data/")
    args = parser.parse_args()
    if not 1 <= args.replicas <= 64:
        parser.error("--replicas must be 1 to 64")
    return serve(args)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
