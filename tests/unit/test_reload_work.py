"""A reload does in the bot's own process only what changed: no index over the whole library is built
again, and installing the new library reads only the briefs the reload replaced (CPython hands the interpreter
between threads every 5 ms, so whole-library work in the bot's process makes answers wait). Counted, never
timed. Both failed first on main (see each test)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

from bench.library import write_library
from bot.app.client import Briefbot
from bot.app.library_reload import LibraryReloader
from bot.briefs import lookup
from bot.briefs.lookup import Library
from bot.briefs.models import Brief
from bot.briefs.ranking import NameIndex
from bot.briefs.versions import content_fingerprint
from bot.delivery.versions import VersionStore

COUNT = 80


def drop_a_person(path: Path) -> None:
    """A fact fewer in the brief: its content version changes."""
    text = path.read_text(encoding="utf-8")
    start = text.rindex("[[people]]")
    path.write_text(text[:start] + text[text.index("[[aid]]", start) :], encoding="utf-8")


async def test_a_reload_builds_no_index_over_the_whole_library_and_installs_what_changed(
    tmp_path: Path,
) -> None:
    """Failed first on main: each reload built a brief-name index of all 80 briefs (and the other combined
    indexes over every brief), and its install read the content version of every brief of both libraries
    on the event loop (2 x 80 reads here; 2 x 1,000 for the benchmark's library); then (after f89bcb1) it
    still fingerprinted the changed brief's old version again to keep it for pending digests (a few ms of
    the event loop for each changed brief)."""
    briefs, seeds, made = write_library(tmp_path, range(COUNT))
    bot = SimpleNamespace(
        library=Library([]),
        _digests=None,
        _reloads=set(),
        _prune_versions=lambda: asyncio.sleep(0),
    )
    reads: list[str] = []
    read = Library.version
    fingerprinted: list[str] = []

    def counted_read(self: Library, brief_id: str) -> str | None:
        reads.append(brief_id)
        return read(self, brief_id)

    def counted_fingerprint(brief: Brief) -> str:
        fingerprinted.append(brief.id)
        return content_fingerprint(brief)

    def install(library: Library) -> None:
        with (
            mock.patch.object(Library, "version", counted_read),
            mock.patch.object(lookup, "content_fingerprint", counted_fingerprint),
        ):
            Briefbot._install_library(bot, library)  # type: ignore[arg-type]

    reloader = LibraryReloader(briefs, seeds, install)
    reloader.load()
    store = VersionStore(None, lambda: bot.library)  # type: ignore[arg-type]
    bot._digests = SimpleNamespace(versions=store)
    sizes: list[int] = []
    built = NameIndex.__init__

    def counted(self: NameIndex[Any], *args: Any, **kwargs: Any) -> None:
        built(self, *args, **kwargs)
        if self.candidates and isinstance(self.candidates[0], Brief):
            sizes.append(len(self.candidates))

    try:
        for turn in (1, 2):  # the second: the checking process remembers what the first left
            victim = made[turn * 30].brief_id
            drop_a_person(briefs / f"{victim}.toml")
            reads.clear()
            sizes.clear()
            old = bot.library.version(victim)
            with mock.patch.object(NameIndex, "__init__", counted):
                result = await reloader.reload("test")
            assert result.changed == [victim]
            assert (victim, old) in store.retired  # its version a pending digest may need
            assert len(reads) <= 4, len(reads)
            assert fingerprinted == []
            # briefs that went into the brief-name indexes built: one block's, not the library's
            assert sizes and sum(sizes) <= 2 * getattr(lookup, "BLOCK", 32) < COUNT
        await asyncio.gather(*bot._reloads)
    finally:
        await reloader.close()
    assert bot.library is result.library


async def test_a_checking_process_that_died_is_replaced_and_told_what_it_no_longer_remembers(
    tmp_path: Path,
) -> None:
    """The checking process remembers what the last reload left (the bot does not send it again); one that
    died takes that with it: the reload then is checked in a thread, and the next process is sent it all."""
    briefs, seeds, made = write_library(tmp_path, range(6))
    reloader = LibraryReloader(briefs, seeds, lambda _library: None)
    reloader.load()
    try:
        drop_a_person(briefs / f"{made[1].brief_id}.toml")
        assert (await reloader.reload("first")).changed == [made[1].brief_id]
        checker = reloader._checker
        assert checker is not None
        for process in list(checker._processes.values()):
            process.kill()
            process.join()
        drop_a_person(briefs / f"{made[2].brief_id}.toml")
        assert (await reloader.reload("after the kill")).changed == [made[2].brief_id]
        (briefs / f"{made[3].brief_id}.toml").unlink()
        drop_a_person(briefs / f"{made[4].brief_id}.toml")
        result = await reloader.reload("in a new process")
        assert reloader._checker is not None and reloader._checker is not checker
        assert (result.changed, result.removed) == ([made[4].brief_id], [made[3].brief_id])
        assert sorted(result.library.ids) == sorted(m.brief_id for m in made if m is not made[3])
    finally:
        await reloader.close()


def test_reload_library_in_one_process_builds_no_index_over_the_whole_library(tmp_path: Path) -> None:
    """`reload_library` (a reload in one process: the benchmark's in-process figure, the tests) does what the
    bot does, plan then apply. Failed first on main (e4002b6): it rebuilt every block of the brief-name index,
    80 briefs' worth."""
    from bot.briefs.loader import load_library, reload_library

    briefs, seeds, made = write_library(tmp_path, range(COUNT))
    first = load_library(briefs, seeds)
    drop_a_person(briefs / f"{made[40].brief_id}.toml")
    sizes: list[int] = []
    built = NameIndex.__init__

    def counted(self: NameIndex[Any], *args: Any, **kwargs: Any) -> None:
        built(self, *args, **kwargs)
        if self.candidates and isinstance(self.candidates[0], Brief):
            sizes.append(len(self.candidates))

    with mock.patch.object(NameIndex, "__init__", counted):
        again = reload_library(briefs, seeds, first)
    assert again.changed == [made[40].brief_id]
    assert sizes and sum(sizes) <= 2 * getattr(lookup, "BLOCK", 32) < COUNT
