"""Which snapshot the replicas of a deployment serve: the one `dashboard-data build` published.

On a site with several server processes (`make serve`, containers), the processes neither read
the YAML folder nor build: each would validate the same data at the same moment. A build
writes its snapshot beside the ones being served, and only once it is whole writes the file
`current` (the data's fingerprint, renamed into place) in the cache folder. Each process looks
at that file when a run starts and opens the new snapshot for its next run; runs already going
keep the version they pinned. A build that fails leaves `current` as it was: the old snapshot
goes on being served.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

CURRENT = "current"
# Set on each replica: serve only the published snapshot (never read the data folder or build).
SNAPSHOT_ONLY_VARIABLE = "DASHBOARD_SNAPSHOT_ONLY"


def snapshot_only() -> bool:
    return os.environ.get(SNAPSHOT_ONLY_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def publish(cache_dir: Path, data_fingerprint: str) -> None:
    """Make the snapshot of `data_fingerprint` the one served, atomically."""
    temporary = cache_dir / f".{CURRENT}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    try:
        temporary.write_text(data_fingerprint + "\n", encoding="utf-8")
        os.replace(temporary, cache_dir / CURRENT)
    finally:
        temporary.unlink(missing_ok=True)


def published(cache_dir: Path) -> str:
    """The fingerprint of the snapshot to serve; "" when none has been published."""
    try:
        return (cache_dir / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return ""
