"""The server settings of the public site (.streamlit/config.toml) and the Streamlit version
they rely on (1.60 escapes pydeck tooltips and blocks javascript: links), and the memory
pool the app gives Arrow, and how glibc hands freed columns back."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_the_server_refuses_cross_site_requests():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"]["enableCORS"] is True


def test_the_server_runs_headless_and_sends_no_usage_statistics():
    assert CONFIG["server"]["headless"] is True
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_visitors_see_no_error_details():
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["client"]["toolbarMode"] == "viewer"


def test_uploads_and_messages_are_small_and_no_static_files_are_served():
    assert CONFIG["server"]["maxUploadSize"] <= 1  # megabytes; the dashboard takes no uploads
    assert CONFIG["server"]["maxMessageSize"] <= 50  # megabytes; Streamlit's default is 200
    assert CONFIG["server"]["enableStaticServing"] is False


def test_no_full_garbage_collection_after_every_run():
    # gc.collect(2) after each run was 60% of the server's CPU with 50 viewers (bench/load_test.py).
    assert CONFIG["runner"]["postScriptGC"] is False


def test_every_option_is_one_streamlit_knows():
    known = set(streamlit_config._config_options_template)
    for section, options in CONFIG.items():
        if section == "theme":
            continue  # theme options nest (theme.sidebar...); Streamlit checks them itself
        for name in options:
            assert f"{section}.{name}" in known, f"{section}.{name} is not a Streamlit option"


def test_streamlit_is_at_least_1_60_installed_and_pinned():
    assert _version_tuple(version("streamlit")) >= (1, 60)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in pyproject["project"]["dependencies"] if d.startswith("streamlit")]
    assert len(pins) == 1
    lower = re.search(r">=\s*([\d.]+)", pins[0])
    assert lower is not None and _version_tuple(lower.group(1)) >= (1, 60), pins[0]


def test_the_server_allocates_arrow_text_with_jemalloc():
    """A server that had opened every page of a 10,000-project portfolio kept some 70 MB more
    with pyarrow's default mimalloc pool (bench/results.md); the app picks jemalloc."""
    code = (
        "import lib.ui.app_data, pandas, pyarrow as pa\n"
        "before = pa.total_allocated_bytes()\n"
        "column = pandas.Series(['Shtip', 'Strazhitsa'] * 1000, dtype='str')\n"
        "print(pa.default_memory_pool().backend_name, pa.total_allocated_bytes() > before)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["jemalloc", "True"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc and /proc")
def test_the_server_hands_freed_large_columns_back():
    """After a block of 16 MB was freed, glibc would carve 2 MB columns from a thread's heap
    and keep them resident once freed, between the smaller blocks still held; the app has
    glibc map each block of 1 MB or more on its own, so freeing it hands it back."""
    code = (
        "import sys, numpy as np\n"
        "if sys.argv[1] == 'app':\n"
        "    import lib.ui.app_data\n"
        "def rss_mb():\n"
        "    with open('/proc/self/status') as status:\n"
        "        line = next(line for line in status if line.startswith('VmRSS'))\n"
        "    return int(line.split()[1]) / 1024\n"
        "big = np.ones(2 * 2**20)\n"
        "del big\n"
        "before, held, small = rss_mb(), [], []\n"
        "for _ in range(40):\n"
        "    held.append(np.ones(2**18))\n"
        "    small.append(np.ones(1000))\n"
        "del held\n"
        "print(round(rss_mb() - before))\n"
    )
    kept = {}
    for how in ("app", "bare"):
        done = subprocess.run(
            [sys.executable, "-c", code, how], cwd=ROOT, capture_output=True, text=True, check=True
        )
        kept[how] = int(done.stdout.split()[-1])
    assert kept["bare"] >= 60, kept  # glibc's default keeps the 80 MB: the test can tell
    assert kept["app"] <= 10, kept


def test_the_servers_start_runs_no_child_process_before_its_open():
    """Finding the C library by name ran `ldconfig -p` in a child process, a fork of the
    server, before the snapshot's open could begin; the app uses the library it runs with."""
    code = (
        "import subprocess\n"
        "def refused(*args, **kwargs):\n"
        "    raise AssertionError(f'a child process: {args[:1]}')\n"
        "subprocess.Popen.__init__ = refused\n"
        "import lib.ui.app_data\n"
        "print('none')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.split() == ["none"], done.stderr[-500:]
