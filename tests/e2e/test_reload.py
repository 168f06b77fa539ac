"""Briefs added, changed, broken and removed while `briefbot run` runs: a real process against the stand-in.

Every step waits on an event (the reload's log line, a probe command's answer), never on a fixed sleep.
The library is the fixture brief over the fixture article in tests/data/reload (original texts, not news).
"""

from __future__ import annotations

import asyncio
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

from tests.conftest import BRIEFS_DIR, SEEDS_DIR
from tests.e2e.test_process import SECRET, briefbot
from tests.reload_fixture import FIXTURE_BRIEF, FIXTURE_ID, FIXTURE_SEED, SECOND_PERSON
from tests.standin import DiscordStandIn

BROKEN_PERSON = SECOND_PERSON.replace("rode the first ferry", "swam")


class LogLines:
    """The process's log as it is written, line by line, to wait on."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self.lines: list[str] = []
        self._stream = stream
        self._changed = asyncio.Condition()
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while line := await self._stream.readline():
            async with self._changed:
                self.lines.append(line.decode(errors="replace").rstrip())
                self._changed.notify_all()

    async def wait_for(self, found: Callable[[str], bool], *, after: int = 0, within: float = 30) -> str:
        """The first line from index `after` on for which `found` holds (waits for it)."""
        try:
            async with asyncio.timeout(within), self._changed:
                while True:
                    for line in self.lines[after:]:
                        if found(line):
                            return line
                    await self._changed.wait()
        except TimeoutError:
            raise AssertionError("not in the log:\n" + "\n".join(self.lines)) from None


async def probe(standin: DiscordStandIn, command: str, options: dict[str, str]) -> str:
    interaction = await standin.invoke_command(command, options)
    callback = await standin.wait_for_callback(interaction, timeout=10)
    return str(callback.data)


async def test_briefs_added_changed_broken_and_removed_while_running(tmp_path: Path) -> None:
    briefs, seeds = tmp_path / "briefs", tmp_path / "seeds"
    shutil.copytree(BRIEFS_DIR, briefs)
    shutil.copytree(SEEDS_DIR, seeds)
    fixture = briefs / f"{FIXTURE_ID}.toml"
    async with DiscordStandIn() as standin:
        process = await briefbot(
            tmp_path,
            "run",
            DISCORD_TOKEN=SECRET,
            DISCORD_API_BASE_URL=standin.base_url,
            DISCORD_GUILD_ID=str(standin.guild_id),
            BRIEFS_DIR=str(briefs),
            SEEDS_DIR=str(seeds),
        )
        assert process.stderr is not None
        log = LogLines(process.stderr)
        try:
            await log.wait_for(lambda line: "watching" in line and "for brief changes" in line)
            await standin.wait_until_identified(timeout=30)
            names = {command["name"] for command in standin.synced_commands(standin.guild_id)}
            assert "library" in names and "library" not in {c["name"] for c in standin.synced_commands()}

            # Added: the seed first (a brief without it would be refused), then the brief.
            shutil.copy(FIXTURE_SEED, seeds)
            mark = len(log.lines)
            shutil.copy(FIXTURE_BRIEF, fixture)
            line = await log.wait_for(
                lambda line: "library reloaded" in line and "1 added" in line, after=mark
            )
            assert "0 error(s)" not in line and "refused" not in line
            assert "Elin Varga" in await probe(standin, "who", {"name": "varga", "brief": FIXTURE_ID})

            # Changed: a second person appears.
            mark = len(log.lines)
            fixture.write_text(fixture.read_text() + SECOND_PERSON)
            await log.wait_for(lambda line: "library reloaded" in line and "1 changed" in line, after=mark)
            assert "Tomas Reyes" in await probe(standin, "who", {"name": "reyes", "brief": FIXTURE_ID})

            # Broken: refused with its errors in the log; the last good version is still served.
            good = fixture.read_text()
            mark = len(log.lines)
            fixture.write_text(good.replace(SECOND_PERSON, BROKEN_PERSON))
            line = await log.wait_for(lambda line: "last good version kept" in line, after=mark)
            assert FIXTURE_ID in line
            assert any("brief refused" in entry and FIXTURE_ID in entry for entry in log.lines[mark:])
            assert "Tomas Reyes" in await probe(standin, "who", {"name": "reyes", "brief": FIXTURE_ID})

            # /library reload: refused to a member, answered to the application's owner with the errors.
            refused = await probe(standin, "library reload", {})
            assert "Only the bot's owners" in refused
            interaction = await standin.invoke_command("library reload", user="owner")
            await standin.wait_for(lambda: interaction.followups, timeout=10)
            answer = str(interaction.followups[0]["content"])
            assert (
                "Library reloaded" in answer and "last good version kept" in answer and "evidence" in answer
            )

            # Removed.
            mark = len(log.lines)
            fixture.unlink()
            await log.wait_for(lambda line: "library reloaded" in line and "1 removed" in line, after=mark)
            assert "Elin Varga" not in await probe(standin, "who", {"name": "varga", "brief": FIXTURE_ID})

            # SIGHUP reloads too.
            mark = len(log.lines)
            process.send_signal(signal.SIGHUP)
            await log.wait_for(lambda line: "library reloaded (SIGHUP)" in line, after=mark)
            assert "Yair Lapid" in await probe(standin, "who", {"name": "lapid"})
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.stdout is not None
            output = (await asyncio.wait_for(process.stdout.read(), timeout=60)).decode()
            await asyncio.wait_for(log.task, timeout=60)
            code = await process.wait()
        assert code == 0, output + "\n".join(log.lines)
        assert SECRET not in "\n".join(log.lines)
        assert standin.violations == []
