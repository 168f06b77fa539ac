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
    on the event loop (2 x 80 reads here; 2 x 1,000 for the benchmark's library)."""
    briefs, seeds, made = write_library(tmp_path, range(COUNT))
    retired: list[Brief] = []
    bot = SimpleNamespace(
        library=Library([]),
        _digests=None,
        _reloads=set(),
        _prune_versions=lambda: asyncio.sleep(0),
    )
    reads: list[str] = []
    read = Library.version

    def counted_read(self: Library, brief_id: str) -> str | None:
        reads.append(brief_id)
        return read(self, brief_id)

    def install(library: Library) -> None:
        with mock.patch.object(Library, "version", counted_read):
            Briefbot._install_library(bot, library)  # type: ignore[arg-type]

    reloader = LibraryReloader(briefs, seeds, install)
    reloader.load()
    bot._digests = SimpleNamespace(versions=SimpleNamespace(retire=retired.extend))
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
            retired.clear()
            with mock.patch.object(NameIndex, "__init__", counted):
                result = await reloader.reload("test")
            assert result.changed == [victim]
            assert [brief.id for brief in retired] == [victim]  # its version a pending digest may need
            assert len(reads) <= 4, len(reads)
        await asyncio.gather(*bot._reloads)
    finally:
        await reloader.close()
    assert bot.library is result.library
    assert sizes and max(sizes) <= 2 * getattr(lookup, "BLOCK", 32) < COUNT
