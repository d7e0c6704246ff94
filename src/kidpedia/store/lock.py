"""One writer per database: ``write_lock(db)`` while a build writes it.

The lock is an advisory ``flock`` on ``<db>.lock`` (it goes with the process that
holds it, even after ``kill -9``), and the file holds that process's id, so a
second build says in one line which process is writing instead of failing later
on a UNIQUE constraint.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from kidpedia.errors import StoreError


def lock_path(db: str | Path) -> Path:
    p = Path(db)
    return p.with_name(p.name + ".lock")


_held: set[Path] = set()  # locks this process holds (a build inside a build takes it again)


@contextlib.contextmanager
def write_lock(db: str | Path) -> Iterator[None]:
    """Hold the database's write lock, or raise StoreError naming the process holding it."""
    path = lock_path(db).resolve()
    if path in _held:
        yield
        return
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
        _held.add(path)
        try:
            yield
        finally:
            _held.discard(path)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


F = TypeVar("F", bound=Callable[..., Any])


def holding_write_lock(build: F) -> F:
    """A build function ``build(sources, db, ...)`` run under ``write_lock(db)``."""

    @functools.wraps(build)
    def locked(sources: Any, db: str | Path, *args: Any, **kwargs: Any) -> Any:
        with write_lock(db):
            return build(sources, db, *args, **kwargs)

    return locked  # type: ignore[return-value]
