"""The deployment files, as far as this machine can try them: it has nginx but no container
engine. nginx itself checks the config `make serve` writes; the compose file and the Kubernetes
manifest are parsed and their key fields checked; the Dockerfile's steps are run where they
can be (uv against the lock file, the start command's build in a fresh copy of the project).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fixture_data import FIXTURE_DATA_DIR, ROOT

sys.path.insert(0, str(ROOT / "deploy"))
from serve import nginx_config  # noqa: E402

from lib.store.published import published  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def test_nginx_accepts_the_config_make_serve_writes(tmp_path):
    if not Path(NGINX).is_file():
        pytest.fail("nginx is missing: `make test` installs it (apt-get install nginx)")
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(tmp_path, "127.0.0.1:8080", ["127.0.0.1:8601"]), "utf-8")
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(config)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    text = config.read_text(encoding="utf-8")
    for line in (
        "hash $replica_key consistent;",
        "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection $connection_upgrade;",
        "proxy_set_header Host $http_host;",
        "gzip on;",
        "location = /_stcore/health",
        'add_header Set-Cookie "dashboard_replica=$replica_key;',
    ):
        assert line in text, line
    assert re.search(r"@[A-Z_]+@", text) is None  # every placeholder filled


def test_the_compose_nginx_config_is_the_template_for_the_compose_replicas():
    made = nginx_config(Path("/tmp"), "8080", ["dashboard:8501"])
    committed = (ROOT / "deploy/compose/nginx.conf").read_text(encoding="utf-8")
    assert committed.endswith(made)


def test_compose_builds_once_then_starts_replicas_on_read_only_data_behind_nginx():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert services["build"]["command"] == ["dashboard-data", "build"]
    dashboard = services["dashboard"]
    assert dashboard["environment"]["DASHBOARD_SNAPSHOT_ONLY"] == "1"
    assert dashboard["depends_on"]["build"]["condition"] == "service_completed_successfully"
    assert dashboard["deploy"]["replicas"] == "${REPLICAS:-2}"
    assert {"./data:/app/data:ro", "snapshots:/app/cache:ro"} == set(dashboard["volumes"])
    nginx = services["nginx"]
    assert nginx["ports"] == ["8080:8080"]
    assert "./deploy/compose/nginx.conf:/etc/nginx/dashboard.conf:ro" in nginx["volumes"]
    assert (ROOT / "deploy/compose/nginx.conf").is_file()


def test_kubernetes_replicas_read_only_volumes_and_cookie_affinity():
    documents = list(yaml.safe_load_all((ROOT / "deploy/kubernetes.yaml").read_text("utf-8")))
    kinds = {document["kind"]: document for document in documents}
    assert set(kinds) == {"Job", "Deployment", "Service", "Ingress"}
    deployment = kinds["Deployment"]["spec"]
    assert deployment["replicas"] >= 2
    pod = deployment["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    container = pod["containers"][0]
    assert {"name": "DASHBOARD_SNAPSHOT_ONLY", "value": "1"} in container["env"]
    assert all(mount["readOnly"] for mount in container["volumeMounts"])
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/health"
    labels = deployment["template"]["metadata"]["labels"]
    assert kinds["Service"]["spec"]["selector"] == labels
    annotations = kinds["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    backend = kinds["Ingress"]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == kinds["Service"]["metadata"]["name"]
    job = kinds["Job"]["spec"]["template"]["spec"]["containers"][0]
    assert job["command"] == ["dashboard-data", "build"]


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined: (INSTRUCTION, arguments)."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [tuple(line.split(None, 1)) for line in lines if line and not line.startswith("#")]


def test_the_image_runs_as_a_user_without_privileges_and_checks_its_health():
    steps = dockerfile()
    names = [name for name, _ in steps]
    assert names.index("USER") < names.index("CMD")
    assert dict(steps)["USER"] not in ("root", "0")
    assert "/_stcore/health" in dict(steps)["HEALTHCHECK"]
    runs = " ".join(arguments for name, arguments in steps if name == "RUN")
    assert "uv sync --frozen --no-dev" in runs


COMPILE_LIB = "python -m compileall -q --invalidation-mode checked-hash lib"


def test_the_image_and_make_venv_run_lib_from_bytecode_checked_against_its_source(tmp_path):
    """lib/ is installed editable (uv leaves it as source), PYTHONDONTWRITEBYTECODE is set on
    our machines and the image's user may not write /app: each server process compiled every
    module again, unless `make venv` and the image compile them ahead. The image's command,
    run on a copy of lib/, leaves bytecode that an edited file's is never taken for."""
    runs = " ".join(arguments for name, arguments in dockerfile() if name == "RUN")
    assert f".venv/bin/{COMPILE_LIB}" in runs
    make_venv = re.search(r"^venv:\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text("utf-8"), re.M)
    assert make_venv and f"run --frozen {COMPILE_LIB}" in make_venv.group(1)
    shutil.copytree(ROOT / "lib", tmp_path / "lib", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, *COMPILE_LIB.split()[1:]], cwd=tmp_path, check=True)
    modules = sorted((tmp_path / "lib").rglob("*.py"))
    assert len(modules) > 100
    for module in modules:
        compiled = Path(importlib.util.cache_from_source(str(module)))
        assert compiled.is_file(), module
        assert compiled.read_bytes()[4:8] == (0b11).to_bytes(4, "little")  # checked hash
    # an edit of the same size, the file's time set back as it was: its bytecode is stale
    palette = tmp_path / "lib" / "topics" / "palette.py"
    stat, text = palette.stat(), palette.read_text("utf-8")
    palette.write_text(text.replace('"#8C8C8C"', '"#8C8C8D"'), "utf-8")
    os.utime(palette, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    read = "from lib.topics.palette import UNKNOWN_GREY; print(UNKNOWN_GREY)"
    done = subprocess.run(
        [sys.executable, "-c", read],
        cwd=tmp_path,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "#8C8C8D"


def test_the_lock_file_installs_what_the_image_asks_for(tmp_path):
    """The image's `uv sync --frozen --no-dev --no-install-project`, in a fresh folder with the
    two files the Dockerfile copies first, as a dry run: the lock file must hold every package."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH (the image installs it with pip)")
    for name in ("pyproject.toml", "uv.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    command = [uv, "sync", "--frozen", "--no-dev", "--no-install-project", "--dry-run"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "streamlit==" in done.stderr + done.stdout


def test_the_start_command_builds_and_publishes_the_snapshot_in_a_fresh_copy(tmp_path):
    """The CMD's first step (`dashboard-data build`) in a copy of the project, with the
    image's environment: it validates the data and publishes the snapshot the replica opens."""
    copy = tmp_path / "app"
    shutil.copytree(ROOT / "lib", copy / "lib", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURE_DATA_DIR, copy / "data")
    cmd = json.loads(dict(dockerfile())["CMD"])
    first_step = shlex.split(cmd[-1].split(";")[0])
    assert first_step == ["dashboard-data", "build"]
    env = {**os.environ, "PYTHONPATH": str(copy), "DASHBOARD_DATA_DIR": str(copy / "data")}
    env["DASHBOARD_CACHE_DIR"] = str(copy / "cache")
    command = [sys.executable, "-m", "lib.cli", *first_step[1:]]
    done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert published(copy / "cache") and "it is served" in done.stdout
