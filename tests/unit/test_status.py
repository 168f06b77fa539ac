"""`briefbot status` from the database: heartbeats (live and gone), the shared send rate, the counts."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.delivery.heartbeat import LIVE_WITHIN, Heartbeat, cluster_status, status_lines
from bot.process_identity import ProcessIdentity
from bot.storage import Database
from bot.storage.processes import ProcessTable
from bot.storage.rate_budget import RateBudgetStore
from tests.postgres import PostgresServer

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_status_lists_live_and_gone_processes_and_the_permits_granted_while_it_watched(
    database: Database,
) -> None:
    now = [T0]
    # on each backend (the `database` fixture)
    dead = Heartbeat(database, ProcessIdentity("host-a", 11, "dead0000"), clock=lambda: now[0])
    await dead.start()  # then SIGKILLed: it never beats again, nor deletes its row
    assert dead._task is not None
    dead._task.cancel()
    now[0] = T0 + LIVE_WITHIN
    alive = Heartbeat(
        database,
        ProcessIdentity("host-b", 22, "live0000"),
        shards=lambda: "0,1 of 4",
        clock=lambda: now[0],
    )
    await alive.start()
    now[0] += timedelta(seconds=5)
    budget = RateBudgetStore(database)

    async def three_sends(seconds: float) -> None:  # what other processes send while status watches
        for _ in range(3):
            await budget.reserve(now[0].timestamp(), 1 / 45)

    status = await cluster_status(database, now=lambda: now[0], window=0.5, sleep=three_sends)
    lines = status_lines(status, rate_limit=45)
    gone_for = (LIVE_WITHIN + timedelta(seconds=5)).total_seconds()  # since the dead one's only beat
    as_of = f"{T0 + LIVE_WITHIN + timedelta(seconds=5):%Y-%m-%d %H:%M:%S} UTC"
    assert lines[0] == f"database: {database.dialect}; 1 live process(es), as of {as_of}"
    assert lines[1].startswith("  host-b:22:live0000  live; shards 0,1 of 4; 0 row(s) claimed;")
    assert lines[2].startswith(
        f"  host-a:11:dead0000  GONE (no heartbeat for {gone_for:.0f}s); shards all (unsharded)"
    )
    assert lines[3] == "shared send rate: 6.0 requests/s over the last 0.5s (limit 45/s)"
    assert lines[4] == "digests: 0 pending, 0 held, 0 expired, 0 sent"

    await alive.stop()  # a clean stop deletes its row; the dead one's stays until a day has passed
    assert [p.identity for p in await ProcessTable(database).all()] == ["host-a:11:dead0000"]
    now[0] = T0 + timedelta(days=1, seconds=1)
    later = Heartbeat(database, ProcessIdentity("host-c", 33, "next0000"), clock=lambda: now[0])
    await later.start()
    assert [p.identity for p in await ProcessTable(database).all()] == ["host-c:33:next0000"]
    await later.stop()


async def test_briefbot_status_reads_the_database_that_database_url_names(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.delenv("DATABASE_PATH", raising=False)
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    assert await asyncio.to_thread(main, ["status", "--window", "0"]) == 0  # asyncio.run of its own
    assert capsys.readouterr().out.startswith("database: postgresql; 0 live process(es)")


async def test_briefbot_status_on_an_empty_database_says_no_briefbot_has_run_on_it(
    postgres_server: PostgresServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Failed first: "has schema version 0, written by an older Briefbot than this one": an empty database
    # (createdb, as the README's PostgreSQL steps leave it) was written by no Briefbot at all.
    url = await postgres_server.fresh_database(migrated=False)
    try:
        monkeypatch.chdir(tmp_path)  # no .env
        monkeypatch.delenv("DATABASE_PATH", raising=False)
        monkeypatch.setenv("DATABASE_URL", url)
        assert await asyncio.to_thread(main, ["status", "--window", "0"]) == 1
        said = capsys.readouterr().err
        assert "holds no Briefbot schema yet" in said and "older Briefbot" not in said
        assert "briefbot run" in said
    finally:
        await postgres_server.drop_database(url)


async def test_each_beat_tells_the_pacer_how_many_processes_are_alive(database: Database) -> None:
    # What a process pacing alone (its database gone) divides the rate by (SharedPacer.processes_live).
    now = [T0]
    dead = Heartbeat(database, ProcessIdentity("host-a", 11, "dead0000"), clock=lambda: now[0])
    await dead.start()  # then SIGKILLed
    assert dead._task is not None
    dead._task.cancel()
    now[0] = T0 + LIVE_WITHIN + timedelta(seconds=1)
    other = Heartbeat(database, ProcessIdentity("host-b", 22, "live0000"), clock=lambda: now[0])
    await other.start()
    counts: list[int] = []
    this = Heartbeat(
        database, ProcessIdentity("host-c", 33, "this0000"), clock=lambda: now[0], on_live=counts.append
    )
    await this.start()
    assert counts == [2]  # this one and host-b; host-a is silent past LIVE_WITHIN
    await other.stop()
    await this._beat_once()
    assert counts == [2, 1]
    await this.stop()
