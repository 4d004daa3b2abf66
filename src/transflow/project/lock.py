"""One writer at a time: a project lock, so two transflow processes never write one catalog at once.

The lock is ``flock`` on ``.transflow/lock``: the kernel releases it when the holder exits, even on
SIGKILL, so a crash never leaves a stale lock behind. The second process gets a clear one-line error.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from transflow.project.errors import TransflowError
from transflow.project.files import remove_stale_temp_files

LOCK_FILE = ".transflow/lock"


class Busy(TransflowError):
    """Another transflow process holds the project lock."""


@contextmanager
def project_lock(root: Path, command: str, clean: tuple[Path, ...] = ()) -> Iterator[None]:
    """Hold the project's write lock for the duration of a command, or fail at once if it is taken.

    Holding the lock, we are the only writer: temp files left in ``clean`` by a writer that was killed
    (SIGKILL cannot be caught) are removed.
    """
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise Busy(
                f"{path}: {holder} is writing this project's catalogs; wait for it to finish, then run {command} again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"transflow {command} (pid {os.getpid()})".encode(), 0)
        for folder in clean:
            remove_stale_temp_files(folder)
        yield
    finally:
        os.close(fd)  # closing releases the flock
