"""One `briefbot run` per SQLite file: an OS lock on a file beside the database, naming its holder.

SQLite lets two processes open one file, and each would then schedule, record and send the same digests
on its own (its "one send in flight per channel" lives in its memory). So `briefbot run` holds
`fcntl.flock` on `<database>.lock` for as long as it runs, with its pid, host and start time written in
it. The kernel drops a flock when its process ends, however it ends (SIGKILL included): a lock file left
behind by a dead process is never mistaken for a live one, and nothing needs cleaning up by hand. The file
itself stays (deleting it while another process opens it would let two processes lock two different
files).

The lock is the file's, not the name's: it sits beside the database's real path (symlinks followed, as
SQLite follows them to name its journal), so that a bot started on a symlink to the file, or through a
symlinked folder, meets the lock of one started on the file. A database file with a second hard link is
refused: SQLite names its -wal and -shm files after the name it was opened by, so two names are two
databases to it (https://www.sqlite.org/howtocorrupt.html), and each name would have a lock of its own.

A file `briefbot migrate-db` copied into PostgreSQL is marked moved (`<database>.moved`, beside the lock,
naming where it went): the lock refuses it from then on, so no bot runs on it beside the PostgreSQL ones
(each would post every digest) and it is not copied into a second PostgreSQL database. Deleting the marker
is the way back to SQLite, by hand.

flock is advisory and local to one machine: it does not hold across NFS mounts on hosts that emulate it
per client. Several processes on one database are what PostgreSQL (DATABASE_URL) is for.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from bot.storage.database import StorageError


class DatabaseInUse(StorageError):
    """Another live process holds the database's lock; the message names it and what to do."""


class DatabaseMoved(StorageError):
    """`briefbot migrate-db` copied the database into PostgreSQL; the message names where, and how to use
    the file again."""


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a database's lock, as written in the lock file."""

    pid: int
    host: str
    started_at: datetime

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host}, running since {self.started_at:%Y-%m-%d %H:%M:%S} UTC"


def moved_marker_of(database: Path) -> Path:
    """`data/briefbot.sqlite3` -> `data/briefbot.sqlite3.moved`, beside the lock (symlinks followed)."""
    real = database.resolve()
    return real.with_name(real.name + ".moved")


def mark_moved(database: Path, into: str, *, now: datetime | None = None) -> Path:
    """Mark `database` as copied into `into` (a URL as it may be shown: no password); returns the marker."""
    marker = moved_marker_of(database)
    at = (now or datetime.now(UTC)).astimezone(UTC)
    marker.write_text(json.dumps({"into": into, "at": at.isoformat()}) + "\n")
    return marker


def _refuse_a_moved_database(database: Path) -> None:
    marker = moved_marker_of(database)
    try:
        text = marker.read_text()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageError(f"cannot read {marker} ({exc}); check the folder's permissions") from exc
    try:
        data = json.loads(text)
        into, at = str(data["into"]), datetime.fromisoformat(data["at"]).astimezone(UTC)
        when = f" on {at:%Y-%m-%d %H:%M:%S} UTC"
    except (ValueError, KeyError, TypeError):
        into, when = "PostgreSQL", ""
    raise DatabaseMoved(
        f"the database {database} was moved into {into} by `briefbot migrate-db`{when}: its digests are"
        " PostgreSQL's now, and a bot on this file would post them again. Set DATABASE_URL to that database"
        f" (and DATABASE_PATH unset). To go back to this file (every process on PostgreSQL stopped first,"
        f" knowing what they sent since is not in it), delete {marker}"
    )


def lock_path_of(database: Path) -> Path:
    """`data/briefbot.sqlite3` -> `data/briefbot.sqlite3.lock`, beside SQLite's own -wal and -shm files, in
    the folder the database really is in (symlinks followed: one lock whatever name the file is given)."""
    real = database.resolve()
    return real.with_name(real.name + ".lock")


class DatabaseFileLock:
    """Held from `acquire()` until `release()` (or the process's end, whichever comes first)."""

    def __init__(self, database: Path | str) -> None:
        self.database = Path(database)
        self.path = lock_path_of(self.database)
        self._fd: int | None = None

    def acquire(self, *, now: datetime | None = None) -> LockHolder:
        """Take the lock at once or raise DatabaseInUse naming the process that holds it; on success,
        write this process's details into the lock file and return them.

        Raises StorageError when the lock file cannot be created (a folder without write permission).
        """
        if self._fd is not None:
            raise RuntimeError("the database lock is already held by this object")
        _refuse_a_file_of_several_names(self.database)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StorageError(
                f"cannot create the lock file {self.path} beside the database: {exc}; check DATABASE_PATH"
                " (or DATABASE_URL) "
                "and the folder's permissions"
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            who = (
                f"another Briefbot ({holder.describe()})"
                if holder is not None
                else "another Briefbot that is starting (its details are not written yet)"
            )
            raise DatabaseInUse(
                f"the database {self.database} is in use by {who}. Only one `briefbot run` may use a SQLite "
                "file: stop that one first, or give this one its own DATABASE_PATH (several processes share "
                "one database through PostgreSQL, DATABASE_URL)"
            ) from None
        except OSError as exc:
            os.close(fd)
            raise StorageError(f"cannot lock {self.path}: {exc}") from exc
        try:
            _refuse_a_moved_database(self.database)  # under the lock: a copy that is marking it has ended
        except StorageError:
            os.close(fd)
            raise
        holder = LockHolder(os.getpid(), socket.gethostname(), (now or datetime.now(UTC)).astimezone(UTC))
        details = json.dumps(
            {"pid": holder.pid, "host": holder.host, "started_at": holder.started_at.isoformat()}
        ).encode()
        os.ftruncate(fd, 0)
        os.pwrite(fd, details + b"\n", 0)
        self._fd = fd
        return holder

    def release(self) -> None:
        """Drop the lock (closing the file releases it); safe to call more than once."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def __enter__(self) -> DatabaseFileLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()


def _refuse_a_file_of_several_names(database: Path) -> None:
    try:
        names = database.stat().st_nlink
    except OSError:
        return  # not made yet (or unreadable: opening it says why)
    if names > 1:
        raise StorageError(
            f"the database {database} is a file with {names} names (hard links): SQLite keeps its journal by"
            " name, so each name is another database to it, and a bot on each would post every digest. Keep"
            " one name (remove the other links, or copy the file) and set DATABASE_PATH to it"
        )


def _read_holder(fd: int) -> LockHolder | None:
    """The details the holder wrote, or None when they are not (yet) there or cannot be read."""
    try:
        raw = os.pread(fd, 4096, 0)
        data = json.loads(raw.decode())
        return LockHolder(int(data["pid"]), str(data["host"]), datetime.fromisoformat(data["started_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
