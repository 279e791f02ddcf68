"""Write a file or a new folder so that an interrupted run leaves the old one whole."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """As write_text_atomically, for bytes (a ZIP)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file readable by its owner only; the file it replaces keeps its mode.
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def write_folder_atomically(out: Path, files: dict[str, str]) -> None:
    """Write each relative path's text into the new or empty folder `out`: all files or none.

    The files are written into a hidden folder beside `out`, which is renamed to `out` only
    when every one is on disk, so an interrupted run leaves no half-written data folder.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    try:
        os.chmod(building, 0o777 & ~_umask())
        for relative, text in files.items():
            path = building / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
        try:
            os.rename(building, out)  # POSIX renames over an empty folder in one step
        except OSError:
            if not out.is_dir() or any(out.iterdir()):
                raise
            out.rmdir()  # systems that cannot rename over a folder
            os.rename(building, out)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    sync_folder(out.parent)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk, where the system allows opening a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def file_target_problem(path: Path) -> str | None:
    """Why `path` cannot take a new file (a folder there, or no folder to hold it), in words
    for the command line; None when it can be tried (the write itself may still fail)."""
    if path.is_dir():
        return f"{path} is a folder; give the file's name, like {path / 'out.pdf'}"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist; create it first, or give another"
    return None


def write_error(path: Path, error: OSError) -> str:
    """A failed write in words: `/proc/x` gives 'No such file or directory', not a traceback."""
    return f"{path} cannot be written ({error.strerror or error}); choose a folder you may write"
