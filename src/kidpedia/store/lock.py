"""One writer per database: ``write_lock(db)`` while a build writes it.

The lock is an advisory ``flock`` on ``<db>.lock`` (it goes with the process that
holds it, even after ``kill -9``), and the file holds that process's id, so a
second build says in one line which process is writing instead of failing later
on a UNIQUE constraint.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from kidpedia.errors import StoreError


def lock_path(db: str | Path) -> Path:
    p = Path(db)
    return p.with_name(p.name + ".lock")


@contextlib.contextmanager
def write_lock(db: str | Path) -> Iterator[None]:
    """Hold the database's write lock, or raise StoreError naming the process holding it."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise StoreError(
                f"another build is writing {db} (pid {holder})", "wait for it to finish, or stop it"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
