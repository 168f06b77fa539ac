"""A throwaway PostgreSQL 15 server for the tests: started once per session, one fresh database per test.

The server runs as the unprivileged `postgres` user when the tests run as root (initdb and pg_ctl refuse
root; every machine here, CI included, runs as root), with its data and socket in a temporary folder that
user owns, listening on 127.0.0.1 on a free port, fsync off (nothing it holds outlives the session).

The tests share one database, migrated once and emptied before each test (DELETE from every table the
migrations left empty, identities restarted: milliseconds; a new database per test, copied from a migrated
template, took a tenth of a second and dropping it another half). A test that needs a database of its own
(to migrate it, say) gets a copy of the template, or an empty one, with `fresh_database`.

The server never outlives the test run that started it: a watchdog (tests/postgres_watchdog.py, in a
session of its own) holds a pidfd of the run's process and stops the server and removes its folder as soon
as that process exits, even when it is SIGKILLed. Should the watchdog be killed too, the next run clears the
server: each server's folder names its owner (pid and the kernel's start time of that process, so a reused
pid is not taken for the owner), and `clear_dead_servers` stops the servers whose owner is gone, never one
whose owner lives (other runs on this machine, at the same time, keep theirs).

Without the binaries the PostgreSQL tests are skipped with how to install them, unless
BRIEFBOT_REQUIRE_POSTGRES=1 (set by .ci/run), which makes a missing server a failure.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import asyncpg

from bot.storage import Database

REQUIRE_ENV = "BRIEFBOT_REQUIRE_POSTGRES"
INSTALL_HINT = (
    "PostgreSQL 15 is not installed, so the PostgreSQL tests cannot run: install it with "
    "`apt-get install postgresql-15` (Debian/Ubuntu; the tests start their own server from "
    "/usr/lib/postgresql/15/bin, or from `pg_config --bindir`)"
)
TEMPLATE = "briefbot_template"
SHARED = "briefbot_tests"
_TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
_RESTORE = (
    "SELECT format('INSERT INTO %I SELECT * FROM json_populate_recordset(NULL::%I, %L)', '{table}', '{table}',"
    ' json_agg(r)) FROM "{table}" AS r HAVING count(*) > 0'
)
_IDENTITIES = (
    "SELECT table_name, column_name FROM information_schema.columns"
    " WHERE table_schema = 'public' AND is_identity = 'YES' ORDER BY table_name"
)
_BINARIES = ("initdb", "pg_ctl", "postgres")
_PREFIX = "briefbot-postgres-"
_OWNER = "owner.json"  # in each server's folder: the test process it belongs to
_WATCHDOG = Path(__file__).with_name("postgres_watchdog.py")
_names = itertools.count(1)


def find_bindir() -> Path | None:
    """The folder of PostgreSQL 15's server binaries, or None when they are not installed."""
    candidates = [Path("/usr/lib/postgresql/15/bin")]
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
            candidates.append(Path(found.stdout.strip()))
    for folder in candidates:
        if all((folder / name).is_file() for name in _BINARIES):
            return folder
    return None


def missing_reason() -> str | None:
    """Why no server can be started here (None: one can)."""
    if find_bindir() is None:
        return INSTALL_HINT
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return f"{INSTALL_HINT}; there is no `postgres` user to run the server as (root may not)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _started_at(pid: int) -> int | None:
    """When process `pid` started (clock ticks after boot, /proc/PID/stat's 22nd field), or None when there
    is no such process. A pid and its start time name one process: a pid reused later has another."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rpartition(")")[2].split()[19])  # fields after "(comm)" start at the 3rd


def _as_server_user() -> list[str]:
    """The prefix that runs a command as the `postgres` user when the tests run as root (initdb and pg_ctl
    refuse root), else nothing."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _stop_server(bindir: Path, root: Path) -> None:
    """Stop the server whose folder is `root` (if it runs) and remove the folder."""
    if (root / "data" / "postmaster.pid").exists():
        subprocess.run(
            [
                *_as_server_user(),
                str(bindir / "pg_ctl"),
                "-D",
                str(root / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
    shutil.rmtree(root, ignore_errors=True)


def clear_dead_servers(bindir: Path, tmp: Path | None = None) -> list[Path]:
    """Stop the servers earlier test runs left behind (their owner process is gone) and remove their
    folders; the folders cleared. A folder whose owner lives, or that names no owner (an older run's, or one
    being made right now), is left alone."""
    cleared = []
    for root in sorted(Path(tmp or tempfile.gettempdir()).glob(f"{_PREFIX}*")):
        try:
            owner = json.loads((root / _OWNER).read_text())
            pid, started = int(owner["pid"]), int(owner["started_at"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _started_at(pid) == started:
            continue
        _stop_server(bindir, root)
        cleared.append(root)
    return cleared


class PostgresServer:
    """One server for the session (`start`, `stop`), handing out fresh databases (`fresh_database`).

    `watchdog=False` starts none (only for the test that shows a dead run's server cleared by the next)."""

    def __init__(self, bindir: Path, *, watchdog: bool = True) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix=_PREFIX))
        self.data = self.root / "data"
        self.port = 0
        self._reset: str | None = None
        self._as_user = _as_server_user()
        self._watch = watchdog
        self.watchdog: subprocess.Popen[bytes] | None = None
        owner = os.getpid()
        (self.root / _OWNER).write_text(json.dumps({"pid": owner, "started_at": _started_at(owner)}))
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)

    def _start_watchdog(self) -> None:
        pidfd = os.pidfd_open(os.getpid())
        try:
            self.watchdog = subprocess.Popen(
                [
                    sys.executable,
                    str(_WATCHDOG),
                    str(pidfd),
                    str(self.bindir / "pg_ctl"),
                    str(self.data),
                    str(self.root),
                    *self._as_user,
                ],
                pass_fds=(pidfd,),
                start_new_session=True,  # out of the run's process group: a signal to the group spares it
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        finally:
            os.close(pidfd)

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self._as_user, *command], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} failed ({done.returncode}): {done.stderr or done.stdout}"
            )

    def start(self) -> None:
        clear_dead_servers(self.bindir)
        if self._watch:
            self._start_watchdog()
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
            "--no-instructions",
        )
        for attempt in range(3):  # a port found free may be taken before the server binds it
            self.port = _free_port()
            options = " ".join(
                [
                    f"-c port={self.port}",
                    "-c listen_addresses=127.0.0.1",
                    f"-c unix_socket_directories={self.root}",
                    "-c fsync=off",
                    "-c full_page_writes=off",
                    "-c max_connections=200",
                ]
            )
            try:
                self._run(
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.root / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                )
                return
            except RuntimeError:
                if attempt == 2:
                    log = self.root / "server.log"
                    raise RuntimeError(
                        log.read_text() if log.exists() else "the server did not start"
                    ) from None

    def stop(self) -> None:
        if self.watchdog is not None:  # its work is done here, by its owner
            self.watchdog.kill()
            self.watchdog.wait()
        _stop_server(self.bindir, self.root)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    async def _admin(self, statement: str) -> None:
        connection = await asyncpg.connect(self.url())
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    async def _prepare(self) -> None:
        """Once: the migrated template, the shared test database copied from it, and the statements that
        put it back as the migrations left it: every table emptied, then the rows they wrote (the states, the
        rate budget's row) written again, identities restarted."""
        if self._reset is not None:
            return
        await self._admin(f"CREATE DATABASE {TEMPLATE}")
        await (await Database.open(self.url(TEMPLATE))).close()
        await self._admin(f"CREATE DATABASE {SHARED} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        connection = await asyncpg.connect(self.url(SHARED))
        try:
            tables = [row[0] for row in await connection.fetch(_TABLES) if row[0] != "schema_version"]
            # Each seeded table's rows, as the statement that writes them again (from their JSON).
            seeded = [
                statement
                for table in tables
                if (statement := await connection.fetchval(_RESTORE.format(table=table))) is not None
            ]
            identities = await connection.fetch(_IDENTITIES)
        finally:
            await connection.close()
        self._reset = " ".join(
            [
                "SET LOCAL session_replication_role = replica;",  # no foreign key checks while emptying
                *(f'DELETE FROM "{table}";' for table in tables),  # noqa: S608 - names from the catalog
                *(f"{statement};" for statement in seeded),
                *(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" RESTART;' for table, column in identities),
            ]
        )

    async def shared_database(self) -> tuple[str, str]:
        """The URL of the session's migrated test database, and the statements that empty it (run them in
        a transaction before each test: a few milliseconds, against a tenth of a second for a new database)."""
        await self._prepare()
        assert self._reset is not None
        return self.url(SHARED), self._reset

    async def fresh_database(self, *, migrated: bool = True) -> str:
        """The URL of a new database of its own: migrated (a copy of the template), or with no schema at all
        (for tests of migrating). Drop it with `drop_database`."""
        if migrated:
            await self._prepare()
        name = f"test_{next(_names)}"
        template = TEMPLATE if migrated else "template0"
        await self._admin(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    async def drop_database(self, url: str) -> None:
        await self._admin(f"DROP DATABASE IF EXISTS {url.rpartition('/')[2]} WITH (FORCE)")
