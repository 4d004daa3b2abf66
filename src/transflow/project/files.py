"""Files on disk: reading inputs with one-line errors, atomic writes, and the temp files a killed writer leaves.

Every stage writes through :func:`atomic_write` (a reader, Poedit or a second transflow, never sees half a
file) and reads its inputs through :func:`read_input` (a missing or unreadable file is one clear line, exit 2).
Nothing here knows about gettext, Chinese or glossaries: the glossary writes its CSV without the PO module.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from transflow.project.errors import InputError

#: Temp files of :func:`atomic_write` are ``.NAME.<random>.tmp`` beside the file they replace.
TEMP_GLOB = ".*.tmp"


def read_input(path: Path, what: str = "") -> bytes:
    """The bytes of an input file, or an :class:`InputError` naming it (``what``: "catalog", "TBX file" ...)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read{' ' + what if what else ''} ({exc.strerror or exc})") from None


def atomic_write(path: Path, data: str | bytes) -> bool:
    """Write through a temp file and rename, so a reader never sees half a file. False if unchanged."""
    tmp = stage_write(path, data)
    if tmp is None:
        return False
    commit_write(tmp, path)
    return True


def stage_write(path: Path, data: str | bytes) -> Path | None:
    """The first half of :func:`atomic_write`: the new bytes in a synced temp file beside ``path``.

    ``None`` when ``path`` already holds these bytes. Until :func:`commit_write` (or an unlink) the temp
    file is invisible to readers, so a run can stage its files while it still computes others and give
    up without a trace if one of its inputs turns out bad.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            return None
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def commit_write(tmp: Path, path: Path) -> None:
    """The second half of :func:`atomic_write`: give the temp file ``path``'s mode and rename it over ``path``."""
    try:
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temp_files(folder: Path) -> int:
    """Delete the temp files :func:`atomic_write` left when its process was killed (SIGKILL cannot be caught).

    Only safe while holding the project lock: then no other writer's temp file can be in flight.
    """
    removed = 0
    if folder.is_dir():
        for tmp in folder.rglob(TEMP_GLOB):
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed
