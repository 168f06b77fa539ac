"""`briefbot run` as a user starts it: a real process, configured only by its environment."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import make_library
from tests.helpers import subscribe
from tests.standin import DiscordStandIn

SECRET = "not.a-real-token.but-secret"
README = Path(__file__).parents[2] / "README.md"


def run_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DIGEST_"))}
    library = tmp_path / "library"
    # Made once a test: copied again under a run that watches it, the files would be a change (a reload).
    briefs, seeds = (library / "briefs", library / "seeds") if library.is_dir() else make_library(library)
    env.update(BRIEFS_DIR=str(briefs), SEEDS_DIR=str(seeds), DATABASE_PATH=str(tmp_path / "db.sqlite3"))
    env.update(extra)
    return env


async def briefbot(tmp_path: Path, *args: str, **env: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=tmp_path,  # no .env here
        env=run_env(tmp_path, **env),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finished(process: asyncio.subprocess.Process) -> tuple[int, str]:
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, (out + err).decode()


async def test_run_without_token_explains_where_to_get_one(tmp_path: Path) -> None:
    code, output = await finished(await briefbot(tmp_path, "run"))
    assert code == 2
    assert "DISCORD_TOKEN" in output and "developers/applications" in output and ".env" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("setting", "value"),
    [("LOG_LEVEL", "chatty"), ("DISCORD_GUILD_ID", "my-server"), ("DIGEST_TIMEZONE", "Mars/Base")],
)
async def test_invalid_setting_is_named_and_token_never_printed(
    tmp_path: Path, setting: str, value: str
) -> None:
    code, output = await finished(await briefbot(tmp_path, "run", DISCORD_TOKEN=SECRET, **{setting: value}))
    assert code == 2
    assert setting in output
    assert SECRET not in output and "Traceback" not in output


@pytest.mark.parametrize(
    "value", ["99999999999d", "P999999999D", "9" * 400 + "s"], ids=["days", "iso-8601", "400-digits"]
)
async def test_a_duration_no_clock_can_hold_is_a_named_setting_error(tmp_path: Path, value: str) -> None:
    code, output = await finished(
        await briefbot(tmp_path, "run", DISCORD_TOKEN=SECRET, DIGEST_CATCH_UP_GRACE=value)
    )
    assert code == 2, output
    assert "DIGEST_CATCH_UP_GRACE" in output
    assert SECRET not in output and "Traceback" not in output


async def test_a_dotenv_that_is_not_utf8_is_named_with_its_line_and_the_token_never_printed(
    tmp_path: Path,
) -> None:
    # Saved by an editor in Latin-1: the token line is fine, the comment's "é" is not UTF-8.
    (tmp_path / ".env").write_bytes(f"DISCORD_TOKEN={SECRET}\nLOG_LEVEL=INFO\n".encode() + b"# caf\xe9\n")
    for command in ("run", "check"):
        code, output = await finished(await briefbot(tmp_path, command))
        assert code == 2, output
        assert ".env" in output and "UTF-8" in output and "line 3" in output
        assert SECRET not in output and "Traceback" not in output


async def test_run_answers_a_command_and_stops_on_sigterm(tmp_path: Path) -> None:
    async with DiscordStandIn() as standin:
        process = await briefbot(
            tmp_path,
            "run",
            DISCORD_TOKEN=SECRET,
            DISCORD_API_BASE_URL=standin.base_url,
            DISCORD_GUILD_ID=str(standin.guild_id),
        )
        try:
            await standin.wait_until_identified(timeout=30)
            await standin.wait_for(lambda: bool(standin.synced_commands(standin.guild_id)), timeout=10)
            interaction = await standin.invoke_command("who", {"name": "lapid"})
            callback = await standin.wait_for_callback(interaction, timeout=10)
            assert "Yair Lapid" in str(callback.data)
        finally:
            process.send_signal(signal.SIGTERM)
            code, output = await finished(process)
        assert code == 0, output
        assert SECRET not in output
        assert "synced" in output and "stopped" in output
        # README's step 5 says what the log shows with DISCORD_GUILD_ID set, as this run has it.
        promised = re.search(r"`synced (\d+) commands to\s+server", README.read_text(encoding="utf-8"))
        assert promised is not None
        assert f"synced {promised[1]} commands to server {standin.guild_id}" in output
        assert int(promised[1]) == len(standin.synced_commands(standin.guild_id))
        assert standin.violations == []


def next_minute_at_least(seconds: float) -> datetime:
    """The next whole minute at least `seconds` away, so that the process is up before its slot."""
    now = datetime.now(UTC)
    slot = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
    return slot if (slot - now).total_seconds() >= seconds else slot + timedelta(minutes=1)


# libfaketime (Debian's package; .ci/run installs it) moves the process's wall clock: the bot is ready a few seconds
# before a whole minute instead of the test waiting up to a minute and more for one. Monotonic time stays real, as
# asyncio's timers need. Without the library the test waits for a real minute, as a person would.
FAKETIME_LIBRARIES = [
    *sorted(Path("/usr/lib").glob("*/faketime/libfaketimeMT.so.1")),
    Path("/usr/lib/faketime/libfaketimeMT.so.1"),
    Path("/usr/local/lib/faketime/libfaketimeMT.so.1"),
]
FAKETIME_LIBRARY = next((path for path in FAKETIME_LIBRARIES if path.exists()), None)
SLOT_LEAD = 3  # seconds between the bot's digests being started and its slot, on its moved clock


class MovedClock:
    """The process's wall clock, moved by an offset libfaketime reads from a file at every call: held at
    SLOT_LEAD seconds before the slot while the process starts (however long that takes on a loaded machine),
    then let run, so that the slot comes SLOT_LEAD seconds after the bot is ready. Each hold sets the clock
    back by at most a second, far less than a jump the bot's watchdog reports. Discord's clock (the
    stand-in's) follows the same offset, so that the bot and Discord agree on the time."""

    def __init__(self, path: Path, standin: DiscordStandIn) -> None:
        self.path = path
        now = datetime.now(UTC)
        self.slot = (now + timedelta(minutes=2)).replace(second=0, microsecond=0)
        self.offset = 0
        self.hold()
        standin.follow_clock(lambda: datetime.now(UTC) + timedelta(seconds=self.offset))

    def hold(self) -> None:
        self.offset = round((self.slot - datetime.now(UTC)).total_seconds()) - SLOT_LEAD
        written = self.path.with_suffix(".new")
        written.write_text(f"{self.offset:+d}s\n", encoding="ascii")
        written.replace(self.path)  # never half a file for the process to read

    def env(self) -> dict[str, str]:
        assert FAKETIME_LIBRARY is not None
        return {
            "LD_PRELOAD": str(FAKETIME_LIBRARY),
            "FAKETIME_TIMESTAMP_FILE": str(self.path),
            "FAKETIME_NO_CACHE": "1",
            "DONT_FAKE_MONOTONIC": "1",
        }


async def test_run_posts_the_scheduled_digest_once_to_each_channel(tmp_path: Path) -> None:
    async with DiscordStandIn() as standin:
        channels = [standin.add_text_channel(f"morning-{i}") for i in range(3)]
        clock = MovedClock(tmp_path / "faketime", standin) if FAKETIME_LIBRARY is not None else None
        slot = clock.slot if clock is not None else next_minute_at_least(12)
        log_path = tmp_path / "briefbot.log"
        with log_path.open("wb") as log_file:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=tmp_path,  # no .env here
                env=run_env(
                    tmp_path,
                    **(clock.env() if clock is not None else {}),
                    DISCORD_TOKEN=SECRET,
                    DISCORD_API_BASE_URL=standin.base_url,
                    DISCORD_GUILD_ID=str(standin.guild_id),
                    DIGEST_CHANNEL_IDS=",".join(map(str, channels)),
                    DIGEST_SCHEDULE=slot.strftime("%H:%M"),
                    DIGEST_TIMEZONE="UTC",
                ),
                stdout=log_file,
                stderr=asyncio.subprocess.STDOUT,
            )
        try:
            if clock is not None:
                # Until the bot has subscribed the channels and scheduled their job, its clock stays before
                # the slot; a poll of its log, a tenth of a second apart.
                while b"digests started" not in log_path.read_bytes():
                    assert process.returncode is None, log_path.read_text()
                    clock.hold()
                    await asyncio.sleep(0.1)
            wait = (slot - standin.now()).total_seconds() + 30
            await standin.wait_for(lambda: all(standin.messages[c] for c in channels), timeout=wait)
            # A double fire or a second slot would show within the next request round; ask once more.
            interaction = await standin.invoke_command(
                "digest history", {"channel": channels[0]}, user="alice"
            )
            await standin.wait_for(lambda: interaction.followups, timeout=10)
            assert f"{slot:%Y-%m-%dT%H:%M} UTC: **sent**" in str(interaction.followups[0]["content"])
        finally:
            process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), timeout=60)
        output = log_path.read_text()
        assert code == 0, output
        # Sent by the slot's job: nothing was due when the digests started, and no clock jump was seen.
        assert "catch-up: 0 to send, 0 skipped, 0 missed" in output and "wall clock jumped" not in output
        assert standin.message_counts() == {c: 1 for c in channels}
        assert standin.counters["duplicates"] == 0 and standin.violations == []


@pytest.mark.parametrize("content", [b"this is not a database, just text" * 40, None])
async def test_unusable_or_newer_database_stops_the_bot_with_a_clear_message(
    tmp_path: Path, content: bytes | None
) -> None:
    database = tmp_path / "db.sqlite3"
    if content is not None:
        database.write_bytes(content)
    else:
        import sqlite3

        with sqlite3.connect(database) as connection:
            connection.execute("PRAGMA user_version = 999")
    async with DiscordStandIn() as standin:
        process = await briefbot(
            tmp_path,
            "run",
            DISCORD_TOKEN=SECRET,
            DISCORD_API_BASE_URL=standin.base_url,
            DATABASE_PATH=str(database),
        )
        code, output = await finished(process)
    assert code == 1
    assert str(database) in output and "DATABASE_PATH" in output
    assert ("not a usable SQLite database" if content else "newer than this Briefbot knows") in output
    assert "Traceback" not in output


async def test_sigterm_mid_fan_out_finishes_in_flight_sends_and_leaves_the_rest_for_the_next_start(
    tmp_path: Path,
) -> None:
    from bot.storage import Database, DeliveryLedger

    async with DiscordStandIn(latency=(0.02, 0.05)) as standin:
        channels = standin.register_channels(150)
        database_path = tmp_path / "db.sqlite3"
        # Subscribed ten minutes ago to a slot five minutes ago: the start-up catch-up fans out at once.
        now = datetime.now(UTC)
        database = await Database.open(database_path)
        await subscribe(
            database,
            *channels,
            guild_id=standin.guild_id,
            schedule=f"{now - timedelta(minutes=5):%H:%M}",
            now=now - timedelta(minutes=10),
        )
        await database.close()
        env = {
            "DISCORD_TOKEN": SECRET,
            "DISCORD_API_BASE_URL": standin.base_url,
            "SHUTDOWN_GRACE_SECONDS": "5",
            # Pacing is not what this test is about: well under Discord's 50/s, so that a starved CPU bunching
            # requests together cannot push one second over Discord's limit and fail the test for that.
            "DELIVERY_RATE_PER_SECOND": "30",
        }

        process = await briefbot(tmp_path, "run", **env)
        await standin.wait_for(lambda: len(standin.message_counts()) >= 40, timeout=30)
        process.send_signal(signal.SIGTERM)
        code, output = await finished(process)
        assert code == 0, output
        assert "digest sends cut off" not in output  # in-flight sends finished within the grace
        stopped_at = len(standin.message_counts())
        assert stopped_at < len(channels)

        database = await Database.open(database_path)
        ledger = DeliveryLedger(database)
        assert await ledger.count("sent") == stopped_at  # every message that went out is recorded
        assert await ledger.count("pending") == len(channels) - stopped_at  # the rest wait for the next start
        await database.close()

        process = await briefbot(tmp_path, "run", **env)
        try:
            await standin.wait_for(lambda: len(standin.message_counts()) == len(channels), timeout=30)
        finally:
            process.send_signal(signal.SIGTERM)
            code, output = await finished(process)
        assert code == 0, output
        assert standin.message_counts() == {c: 1 for c in channels}
        assert standin.counters["duplicates"] == 0 and standin.counters["global_429"] == 0
        assert standin.violations == []


async def test_invite_with_an_unreadable_token_says_it_cannot_be_read_and_never_prints_it(
    tmp_path: Path,
) -> None:
    # The token is set: "set DISCORD_TOKEN" sent the user looking for a variable that was already there.
    code, output = await finished(await briefbot(tmp_path, "invite", DISCORD_TOKEN="my-secret-value"))
    assert code == 2, output
    assert "DISCORD_TOKEN is set" in output and "cannot be read" in output and "Reset Token" in output
    assert "or set DISCORD_TOKEN" not in output
    assert "my-secret-value" not in output and "Traceback" not in output


async def test_a_bad_digest_setting_in_dotenv_stops_run_but_not_check_preview_or_invite(
    tmp_path: Path,
) -> None:
    # check and preview never use the digest's settings; run must still refuse the bad value by name.
    (tmp_path / ".env").write_text("DIGEST_MAX_BRIEFS=50\nDIGEST_TIMEZONE=Mars/Base\n", encoding="utf-8")
    started = [
        await briefbot(tmp_path, *args, **env)
        for args, env in [
            (("check",), {}),
            (("preview", "who", "name=bennett"), {}),
            (("invite", "--client-id", "123456789012345678"), {}),
            (("run",), {"DISCORD_TOKEN": SECRET}),
        ]
    ]
    checked, previewed, invited, ran = await asyncio.gather(*map(finished, started))
    code, output = checked
    assert code == 0 and " ok, 0 refused" in output, output
    code, output = previewed
    assert code == 0 and "Naftali Bennett" in output, output
    code, output = invited
    assert code == 0, output
    code, output = ran
    assert code == 2
    assert "DIGEST_MAX_BRIEFS" in output and "DIGEST_TIMEZONE" in output
    assert SECRET not in output and "Traceback" not in output


async def test_a_second_run_on_the_same_database_refuses_naming_the_first_which_status_lists_and_sigkill_unlocks(
    tmp_path: Path,
) -> None:
    import socket

    from bot.storage.file_lock import DatabaseFileLock

    async with DiscordStandIn() as standin:
        env = {"DISCORD_TOKEN": SECRET, "DISCORD_API_BASE_URL": standin.base_url}
        log_path = tmp_path / "first.log"
        with log_path.open("wb") as log_file:
            first = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=tmp_path, env=run_env(tmp_path, **env),
                stdout=log_file, stderr=asyncio.subprocess.STDOUT,
            )  # fmt: skip
        try:
            await standin.wait_until_identified(timeout=30)
            second = await briefbot(tmp_path, "run", **env)
            code, output = await finished(second)
            assert code == 1, output
            assert "in use by another Briefbot" in output
            assert f"pid {first.pid} on {socket.gethostname()}, running since" in output
            assert "DATABASE_PATH" in output and "Traceback" not in output
            assert standin.handshake_count == 1  # the second never reached Discord's gateway
            # The first said who it is, and `briefbot status` (another process) lists it from the database.
            identity = f"{socket.gethostname()}:{first.pid}:"
            logged = log_path.read_text()
            assert f"process {identity}" in logged and "database sqlite, shards 0 of 1" in logged
            code, output = await finished(await briefbot(tmp_path, "status", "--window", "0.1"))
            assert code == 0, output
            assert "database: sqlite; 1 live process(es)" in output
            assert f"  {identity}" in output and "live; shards 0 of 1; 0 row(s) claimed" in output
            assert "shared send rate:" in output and "(limit 45/s)" in output
            assert "digests: 0 pending, 0 held, 0 expired, 0 sent" in output
        finally:
            if first.returncode is None:
                first.kill()  # SIGKILL: no clean-up code runs
            code = await first.wait()
        assert code == -signal.SIGKILL, log_path.read_text()
        # The kernel dropped the dead process's lock: the next start is not refused.
        with DatabaseFileLock(tmp_path / "db.sqlite3"):
            pass


def descendants(pid: int) -> set[int]:
    """The processes `pid` started, and the ones they started (Linux: /proc/PID/task/TID/children)."""
    found: set[int] = set()
    parents = [pid]
    while parents:
        for children in Path(f"/proc/{parents.pop()}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                for child in map(int, children.read_text().split()):
                    if child not in found:
                        found.add(child)
                        parents.append(child)
    return found


def command_of(pid: int) -> bytes:
    """Process `pid`'s command line (empty once it has ended)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


async def still_running(pids: set[int], *, within: float) -> set[int]:
    """Which of `pids` have not ended `within` seconds from now (each waited for through a pidfd, which
    becomes readable when its process ends)."""
    loop = asyncio.get_running_loop()
    waits: dict[int, asyncio.Future[None]] = {}
    fds: list[int] = []
    for pid in pids:
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            continue  # ended already
        fds.append(fd)
        ended: asyncio.Future[None] = loop.create_future()
        loop.add_reader(fd, lambda ended=ended: ended.done() or ended.set_result(None))
        waits[pid] = ended
    try:
        if waits:
            await asyncio.wait(waits.values(), timeout=within)
        return {pid for pid, ended in waits.items() if not ended.done()}
    finally:
        for fd in fds:
            loop.remove_reader(fd)
            os.close(fd)


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
async def test_a_finished_run_leaves_no_process_of_its_own_behind(
    tmp_path: Path, ending: signal.Signals
) -> None:
    # A reload (SIGHUP here) starts the process that checks the briefs, and with it multiprocessing's
    # resource tracker. Both end with the run: shut down when it stops, and on their own when it is killed
    # (SIGKILL: nothing of the run can shut them down).
    async with DiscordStandIn() as standin:
        log_path = tmp_path / "briefbot.log"
        env = run_env(tmp_path, DISCORD_TOKEN=SECRET, DISCORD_API_BASE_URL=standin.base_url)
        with log_path.open("wb") as log_file:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
                stdout=log_file, stderr=asyncio.subprocess.STDOUT,
            )  # fmt: skip
        started: set[int] = set()
        try:
            await standin.wait_until_identified(timeout=30)
            process.send_signal(signal.SIGHUP)
            # The reload's outcome is logged once its check is done; a poll of the log, a tenth of a second apart.
            while b"library reloaded (SIGHUP)" not in log_path.read_bytes():
                assert process.returncode is None, log_path.read_text()
                await asyncio.sleep(0.1)
            started = descendants(process.pid)
            commands = [command_of(pid) for pid in started]
            assert any(b"multiprocessing.spawn" in command for command in commands), commands
            process.send_signal(ending)
            code = await asyncio.wait_for(process.wait(), timeout=60)
            assert code == (0 if ending == signal.SIGTERM else -signal.SIGKILL), log_path.read_text()
            left = await still_running(started, within=30)
            assert left == set(), [command_of(pid) for pid in left]
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
            for pid in await still_running(started, within=0):  # never left behind, even by a failure
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        assert standin.violations == []
