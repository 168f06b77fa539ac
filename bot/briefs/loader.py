"""Loading briefs: read TOML, validate the schema, verify every evidence passage against its seed.

Errors are collected, never first-only, and never a traceback: each names the file, the item
(`loans[2].evidence[0]`) and the problem, with the article's closest sentence for a near miss.
A brief with any error is left out of the library.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
import os
import re
import threading
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import tomli
from pydantic import ValidationError

from bot.briefs.article import Article
from bot.briefs.check import Problem, check_brief, content_version
from bot.briefs.lookup import Library
from bot.briefs.models import FORMAT, Brief, seed_name_problem
from bot.briefs.versions import content_fingerprint

log = logging.getLogger(__name__)

# A brief is at most a few levels deep (a table, its list of items, their evidence); far deeper is no brief,
# and would exhaust the recursion of whatever reads it next.
MAX_NESTING = 16
TOO_DEEP = f"nested too deeply: arrays or tables inside one another, more than {MAX_NESTING} levels"


@dataclass(frozen=True)
class BriefError:
    """One problem with one brief file."""

    file: Path
    item: str
    problem: str
    closest: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: {self.item}" if self.item else str(self.file)
        text = f"{where}: {self.problem}"
        if self.closest:
            text += f'\n    closest in the article: "{self.closest}"'
        return text


@dataclass(frozen=True)
class BriefWarning:
    """Something about a valid brief that changes what members see without the editor meaning it to."""

    file: Path
    item: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.item}: {self.problem}"


class Dated(Protocol):
    """What the warnings about `added` read of a brief: a Brief, or a reload's `FileInfo`."""

    @property
    def id(self) -> str: ...

    @property
    def added(self) -> date: ...


def library_warnings(files: Mapping[Path, Dated], today: date) -> list[BriefWarning]:
    """Warnings about the loaded briefs' `added` dates, which decide the default brief (the newest added,
    `Library.briefs[0]`): one in the future (it stays the default until then), or one shared with another
    brief (the tie is broken by id, not by the editor). Each says which brief is the default."""
    # as the Library orders them (`newest_first`), without building its indexes
    ordered = sorted(files.values(), key=lambda brief: (brief.added, brief.id), reverse=True)
    if not ordered:
        return []
    if ordered[0].added <= today and len({brief.added for brief in ordered}) == len(ordered):
        return []  # none in the future, none shared: the usual library, told so without a look at each brief
    default = ordered[0]
    file_of = {brief.id: path for path, brief in files.items()}
    shown = f"“{default.id}” ({file_of[default.id].name})"
    on_day: dict[date, list[Dated]] = {}
    for each in ordered:
        on_day.setdefault(each.added, []).append(each)
    warnings: list[BriefWarning] = []
    for path, brief in sorted(files.items()):
        is_default = "so it is the default brief" if brief is default else f"the default brief is {shown}"
        if brief.added > today:
            warnings.append(
                BriefWarning(
                    path,
                    "added",
                    f"{brief.added.isoformat()} is in the future (today is {today.isoformat()}); {is_default} "
                    "of /sources, /digest and the digests until a brief is added later",
                )
            )
        same_day = on_day[brief.added]
        twins = sorted(other.id for other in same_day if other is not brief)
        if twins:
            tie_order = [b.id for b in same_day]
            warnings.append(
                BriefWarning(
                    path,
                    "added",
                    f"{brief.added.isoformat()} is also the added date of "
                    + ", ".join(f"“{twin}” ({file_of[twin].name})" for twin in twins)
                    + f"; a tie is broken by id, newest first ({', '.join(tie_order)}): {is_default}",
                )
            )
    return warnings


@dataclass(frozen=True)
class LoadResult:
    """A library and every problem met loading it. `files`: the file each brief of the library came from."""

    library: Library
    errors: list[BriefError]
    files: dict[Path, Brief] = field(default_factory=dict)
    # brief file -> the content version of the seed it was checked against (a reload reuses a brief only
    # when neither changed)
    seed_versions: dict[Path, str] = field(default_factory=dict)

    def warnings(self, today: date) -> list[BriefWarning]:
        """`library_warnings` of the briefs loaded, as of `today`."""
        return library_warnings(self.files, today)


@dataclass(frozen=True)
class ReloadResult(LoadResult):
    """A library loaded again over `previous`. `kept`: briefs whose file is now refused, served as last loaded
    (their errors are among `errors`); `added`, `changed`, `removed`: brief ids, compared with `previous`
    (`changed`: what a reader sees differs, by `bot.briefs.versions.content_fingerprint`; an edit of
    whitespace or comments alone is no change)."""

    kept: list[Brief] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the log and the reload's answer: `3 brief(s): 1 added, 1 changed, 0 removed; ...`."""
        text = (
            f"{len(self.library)} brief(s): {len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.removed)} removed"
        )
        if self.kept:
            text += f"; {len(self.kept)} refused, last good version kept: " + ", ".join(
                b.id for b in self.kept
            )
        if self.errors:
            text += f"; {len(self.errors)} error(s)"
        return text


def item_path(loc: Sequence[int | str]) -> str:
    """('loans', 2, 'evidence', 0) -> 'loans[2].evidence[0]'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


PARALLEL_FROM = 64  # briefs: below this, starting a worker process costs more than it saves


# What an earlier load accepted from each brief file (by file name: one folder), enough to know the file needs
# no new check: the version of its text, the seed it names, and the version of that seed's text it was
# checked against. Names and short strings only: cheap to send to another process.
class FileInfo(NamedTuple):
    """What a load accepted from one brief file: the version of its text, the seed it names and the version of
    that seed's text it was checked against (enough to know the file needs no new check), and what a reload
    decides with besides (`plan_reload`): the brief's id, content version and `added` date."""

    version: str
    seed: str
    seed_version: str
    id: str
    content_version: str
    added: date


Known = dict[str, FileInfo]  # by file name (one folder)


def known_of(result: LoadResult | None) -> Known:
    """What `result` checked, as `check_folder` and `plan_reload` read it: picklable, small."""
    if result is None:
        return {}
    known: Known = {}
    for path, brief in result.files.items():
        checked = result.seed_versions.get(path)
        info = _info_of(brief, checked or "", result.library.version(brief.id) or "")
        if info is not None and checked:
            known[path.name] = info
    return known


def _info_of(brief: Brief, seed_version: str, content: str) -> FileInfo | None:
    proof = brief.proof
    if proof is None:
        return None
    return FileInfo(proof.version, brief.source.seed, seed_version, brief.id, content, brief.added)


@dataclass(frozen=True)
class CheckedFile:
    """One brief file, read and checked: its brief (None when none could be read), every problem met, the
    version of its seed's text, and (when asked for) the brief's content version."""

    path: Path
    brief: Brief | None
    problems: list[BriefError]
    seed_version: str = ""
    content_version: str = ""


@dataclass(frozen=True)
class CheckedFolder:
    """What reading and checking a briefs folder found, in file order; picklable, so that another process can
    do the work (the bot's reload) and send back only what changed: a file whose text and seed are as
    `Known` says is only its name (the brief an earlier load gave from it is still right)."""

    exists: bool
    files: list[CheckedFile | str]


def check_folder(
    briefs_dir: Path,
    seeds_dir: Path,
    known: Known | None = None,
    *,
    workers: int = 1,
    content_versions: bool = False,
) -> CheckedFolder:
    """Read and check every `*.toml` brief under `briefs_dir` against the seeds in `seeds_dir`, in file order.

    A file whose text and whose seed's text are what `known` says is not parsed nor checked again (only its
    name is given).
    With `workers` > 1, a large folder is shared with `workers - 1` forked processes (where the platform
    forks; for `briefbot check`, not inside the running bot). With `content_versions`, each accepted brief's
    content version is computed where it was checked.
    """
    if not briefs_dir.is_dir():
        return CheckedFolder(False, [])
    paths = sorted(briefs_dir.glob("*.toml"))
    with collector_paused():
        if workers > 1 and len(paths) >= PARALLEL_FROM and _can_fork():
            files = _check_in_processes(paths, seeds_dir, known or {}, workers, content_versions)
        else:
            files = _check_each(paths, seeds_dir, known or {}, content_versions)
    return CheckedFolder(True, files)


def library_from(
    briefs_dir: Path,
    folder: CheckedFolder,
    unchanged: LoadResult | None = None,
    *,
    content_versions: bool = True,
    indexed: bool = True,
) -> LoadResult:
    """The library of what `check_folder` found (a file given by name keeps the brief `unchanged` gave): the briefs
    that passed, every error (a duplicate id among them), their seeds' versions; with `content_versions`,
    every brief's content version computed now (off the event loop when reloading); with `indexed`, its
    lookup indexes built now (else when a lookup first needs them)."""
    if not folder.exists:
        return LoadResult(Library([]), [BriefError(briefs_dir, "", "the briefs folder does not exist")])
    errors: list[BriefError] = []
    accepted: dict[Path, Brief] = {}
    seed_versions: dict[Path, str] = {}
    versions: dict[str, str] = {}
    first_file_of: dict[str, Path] = {}
    earlier = {path.name: path for path in unchanged.files} if unchanged is not None else {}

    def duplicate(path: Path, brief: Brief) -> BriefError | None:
        first = first_file_of.setdefault(brief.id, path)
        if first == path:
            return None
        return BriefError(path, "id", f"duplicate brief id {brief.id!r}, already used by {first}")

    for checked in folder.files:
        if isinstance(
            checked, str
        ):  # as `unchanged` loaded it (most files of a reload): no problem of its own
            assert unchanged is not None
            path = earlier[checked]
            same = unchanged.files[path]
            if (twin := duplicate(path, same)) is not None:
                errors.append(twin)
                continue
            accepted[path] = same
            seed_versions[path] = unchanged.seed_versions[path]
            continue
        path, problems, brief = checked.path, list(checked.problems), checked.brief
        if brief is not None and (twin := duplicate(path, brief)) is not None:
            problems.append(twin)
        errors.extend(problems)
        if brief is not None and not problems:
            accepted[path] = brief
            seed_versions[path] = checked.seed_version
            if checked.content_version:
                versions[brief.id] = checked.content_version
    for error in errors:
        log.debug("brief error: %s", error)
    library = Library(
        accepted.values(), reuse=unchanged.library if unchanged is not None else None, indexed=indexed
    )
    library.know_versions(versions)
    if unchanged is not None:
        library.reuse_versions(unchanged.library)
    if content_versions:
        library.versions()
    return LoadResult(library, errors, accepted, seed_versions)


def load_library(
    briefs_dir: Path,
    seeds_dir: Path,
    unchanged: LoadResult | None = None,
    *,
    workers: int = 1,
    content_versions: bool = True,
    indexed: bool = True,
) -> LoadResult:
    """Load every `*.toml` brief under `briefs_dir`, checked against the seeds in `seeds_dir`.

    With `unchanged` (an earlier load of these folders), a file whose text and whose seed's text are what
    that load checked keeps the brief it gave, without being parsed and checked again: a reload after one
    brief of a thousand changed checks one. With `workers` > 1, a large library is checked by that many
    processes (see `check_folder`). With `content_versions` (the bot's loads; `briefbot check` needs none),
    every brief's content version is computed while loading, by the process that checked it. Without
    `indexed` (`briefbot check`), the library's lookup indexes are built only if a lookup needs them.
    """
    folder = check_folder(
        briefs_dir, seeds_dir, known_of(unchanged), workers=workers, content_versions=content_versions
    )
    return library_from(briefs_dir, folder, unchanged, content_versions=content_versions, indexed=indexed)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while briefs are parsed and checked.

    A load allocates millions of small objects and keeps most of them (the parsed briefs, their articles and
    proofs), so the collector, run every few hundred allocations, walks an ever larger heap and finds nothing:
    about a fifth of a thousand briefs' check. Reference counting still frees everything as usual; the few
    cycles left are collected once the collector runs again. Left as it was when another thread had paused it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_each(
    paths: Sequence[Path], seeds: Path | _SeedCache, known: Known, content_versions: bool = False
) -> list[CheckedFile | str]:
    seeds = seeds if isinstance(seeds, _SeedCache) else _SeedCache(seeds)
    checked: list[CheckedFile | str] = []
    for path in paths:
        brief, problems, same = _load_one(path, seeds, known)
        if same:
            checked.append(path.name)
            continue
        seed_version = seeds.versions.get(brief.source.seed, "") if brief is not None else ""
        version = content_fingerprint(brief) if content_versions and brief and not problems else ""
        checked.append(CheckedFile(path, brief, problems, seed_version, version))
    return checked


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


CHUNK = 16  # briefs a process claims at a time: small enough to share the last ones out evenly


@dataclass
class _Shares:
    """The files of one parallel check, in chunks of `size` that each process claims in turn (`taken`: the
    next chunk's number, in memory the forked processes share), so that a process slowed by a busy machine
    simply claims fewer. Inherited by the forked processes, never pickled."""

    paths: Sequence[Path]
    seeds_dir: Path
    known: Known
    content_versions: bool
    size: int
    taken: Any  # multiprocessing.Value("i"), with its lock
    seeds: _SeedCache | None = None  # in a forked process: its own seeds, read once for all its chunks

    @property
    def chunks(self) -> int:
        return -(-len(self.paths) // self.size)

    def claim(self) -> int | None:
        """The number of the next chunk nobody has claimed, now claimed; None when none is left."""
        with self.taken.get_lock():
            number: int = self.taken.value
            if number >= self.chunks:
                return None
            self.taken.value = number + 1
        return number

    def check(self, number: int, seeds: _SeedCache) -> list[CheckedFile | str]:
        start = number * self.size
        return _check_each(self.paths[start : start + self.size], seeds, self.known, self.content_versions)


_shares: _Shares | None = None  # the parallel check under way: set before its processes are forked


def _check_claimed() -> tuple[int, list[CheckedFile | str]] | None:
    """In a forked process: the next unclaimed chunk, checked (its number and files); None when none is left."""
    shares = _shares
    assert shares is not None, "only in a process forked by _check_in_processes"
    number = shares.claim()
    if number is None:
        return None
    if shares.seeds is None:
        shares.seeds = _SeedCache(shares.seeds_dir)
    return number, shares.check(number, shares.seeds)


def _check_in_processes(
    paths: Sequence[Path], seeds_dir: Path, known: Known, workers: int, content_versions: bool
) -> list[CheckedFile | str]:
    """`_check_each` of `paths` by this process and `workers - 1` forked ones, in the order given.

    Each process claims the next chunk of `CHUNK` files when it is done with one (no share is fixed in
    advance: on a busy machine a process that gets less of a core does less), and each forked process's
    chunk comes back as soon as it is checked (pickled there, read here by the pool's thread while this
    process checks its own), so that little is left to wait for when the last chunk is done. One such check
    at a time in a process (`_shares` is what its forked processes inherit)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _shares
    context = multiprocessing.get_context("fork")
    size = max(1, min(CHUNK, len(paths) // (4 * workers)))
    shares = _Shares(paths, seeds_dir, known, content_versions, size, context.Value("i", 0))
    done: dict[int, list[CheckedFile | str]] = {}
    with _one_parallel_check:
        _shares = shares
        try:
            with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
                # One task per chunk at most: a forked process takes them while chunks are left, and each
                # task that finds none left ends at once.
                futures = [pool.submit(_check_claimed) for _ in range(shares.chunks)]
                seeds = _SeedCache(seeds_dir)
                while (number := shares.claim()) is not None:
                    done[number] = shares.check(number, seeds)
                for future in futures:
                    claimed = future.result()
                    if claimed is not None:
                        done[claimed[0]] = claimed[1]
        finally:
            _shares = None
    return [entry for number in range(shares.chunks) for entry in done[number]]


_one_parallel_check = threading.Lock()


def reload_library(briefs_dir: Path, seeds_dir: Path, previous: LoadResult) -> ReloadResult:
    """Load the library again, keeping the last good version of every brief whose file is now refused.

    A file that now has errors keeps serving the brief `previous` loaded from it, unless an accepted brief
    now has its id; a removed file's brief is gone. When the briefs folder itself is missing (mid-move, an
    unmounted disk), everything `previous` served is kept. A file whose text and seed are unchanged keeps
    its brief without being checked again. Blocking (reads every file, checks the changed ones): call it off
    the event loop, or split it as the bot does: `plan_reload` in another process, then `applied` (which
    touches only what changed) in the bot's. `reloaded` is the same reload built from scratch.
    """
    # Only the plan's warnings read the day; a ReloadResult gives its own (`warnings(today)`).
    today = datetime.now(UTC).astimezone().date()
    plan = plan_reload(briefs_dir, seeds_dir, known_of(previous), today)
    return applied(briefs_dir, plan, previous)


def reloaded(briefs_dir: Path, folder: CheckedFolder, previous: LoadResult) -> ReloadResult:
    """The library `reload_library` gives, from what `check_folder` found in `briefs_dir`, built from scratch
    (a new Library over every brief): the reference `plan_reload` and `applied` are tested against."""
    fresh = library_from(briefs_dir, folder, previous)
    files = dict(fresh.files)
    refused = {error.file for error in fresh.errors}
    folder_gone = not folder.exists
    ids = {brief.id for brief in files.values()}
    kept: list[Brief] = []
    for path, brief in previous.files.items():
        if path in files or brief.id in ids or not (folder_gone or path in refused):
            continue
        files[path] = brief
        ids.add(brief.id)
        kept.append(brief)
    before = {brief.id: brief for brief in previous.files.values()}
    after = {brief.id: brief for brief in files.values()}
    library = Library(files.values(), reuse=fresh.library) if kept else fresh.library  # built once
    if kept:
        library.reuse_versions(fresh.library)
        library.reuse_versions(previous.library)
    now, then = library.versions(), previous.library.versions()
    return ReloadResult(
        library,
        fresh.errors,
        files,
        {path: fresh.seed_versions.get(path) or previous.seed_versions.get(path, "") for path in files},
        kept=kept,
        added=[brief_id for brief_id in after if brief_id not in before],
        changed=[
            brief_id for brief_id in after if brief_id in before and now.get(brief_id) != then.get(brief_id)
        ],
        removed=[brief_id for brief_id in before if brief_id not in after],
    )


@dataclass(frozen=True)
class ReloadPlan:
    """What a reload changes, worked out where the briefs are read and checked (the bot's checking process)
    from the folder and what the previous load accepted (`Known`), the way `reloaded` decides it: as small
    as the change, so that the bot's own process (`applied`) touches only what changed.

    `fresh`: file name -> the file checked again and accepted (new, or its text or seed changed); `kept`:
    file names refused now whose previous brief is served still; `dropped`: file names of the previous load
    that are not in the new one; `added`, `changed`, `removed`: brief ids as `ReloadResult` has them;
    `warnings`: about `added` dates, as of the day the plan was made."""

    fresh: dict[str, CheckedFile]
    kept: list[str]
    dropped: list[str]
    errors: list[BriefError]
    added: list[str]
    changed: list[str]
    removed: list[str]
    warnings: list[BriefWarning]


def plan_reload(briefs_dir: Path, seeds_dir: Path, known: Known, today: date) -> ReloadPlan:
    """Read `briefs_dir`, check the files that changed since the load `known` describes, and decide what the
    reload changes, as `reloaded` would (duplicate ids, a refused file's last good version kept, everything
    kept while the folder is missing). Blocking: every file is read; meant for the checking process."""
    folder = check_folder(briefs_dir, seeds_dir, known, content_versions=True)
    errors: list[BriefError] = []
    accepted: dict[str, FileInfo] = {}
    fresh: dict[str, CheckedFile] = {}
    first_file_of: dict[str, Path] = {}

    def duplicate(path: Path, brief_id: str) -> BriefError | None:
        first = first_file_of.setdefault(brief_id, path)
        if first == path:
            return None
        return BriefError(path, "id", f"duplicate brief id {brief_id!r}, already used by {first}")

    if not folder.exists:
        errors.append(BriefError(briefs_dir, "", "the briefs folder does not exist"))
    for checked in folder.files:
        if isinstance(checked, str):  # as the previous load accepted it
            info = known[checked]
            if (twin := duplicate(briefs_dir / checked, info.id)) is not None:
                errors.append(twin)
            else:
                accepted[checked] = info
            continue
        problems, brief = list(checked.problems), checked.brief
        if brief is not None and (twin := duplicate(checked.path, brief.id)) is not None:
            problems.append(twin)
        errors.extend(problems)
        if brief is not None and not problems:
            checked_info = _info_of(brief, checked.seed_version, checked.content_version)
            assert checked_info is not None, "an accepted brief has its proof"
            accepted[checked.path.name] = checked_info
            fresh[checked.path.name] = checked
    refused = {error.file.name for error in errors if error.file.parent == briefs_dir}
    ids = {info.id for info in accepted.values()}
    kept: list[str] = []
    for name, info in known.items():
        if name in accepted or info.id in ids or not (not folder.exists or name in refused):
            continue
        accepted[name] = info
        ids.add(info.id)
        kept.append(name)
    before = {info.id: info for info in known.values()}
    after = {info.id: info for info in accepted.values()}
    return ReloadPlan(
        fresh,
        kept,
        [name for name in known if name not in accepted],
        errors,
        added=[brief_id for brief_id in after if brief_id not in before],
        changed=[
            brief_id
            for brief_id, info in after.items()
            if brief_id in before and info.content_version != before[brief_id].content_version
        ],
        removed=[brief_id for brief_id in before if brief_id not in after],
        warnings=library_warnings({briefs_dir / name: info for name, info in accepted.items()}, today),
    )


def known_after(known: Known, plan: ReloadPlan) -> Known:
    """What the reload after `plan` is told: `known` (what `plan` was made over) with the plan's changes."""
    after = dict(known)
    for name in plan.dropped:
        del after[name]
    for name, checked in plan.fresh.items():
        assert checked.brief is not None
        info = _info_of(checked.brief, checked.seed_version, checked.content_version)
        assert info is not None, "an accepted brief has its proof"
        after[name] = info
    return after


def applied(briefs_dir: Path, plan: ReloadPlan, previous: LoadResult) -> ReloadResult:
    """The reload `plan` describes, over `previous` (the load its `Known` came from): what `reloaded` gives,
    built from the change alone. `previous` is left as it was (a command may be reading its library): its
    mappings are copied (at C speed) and the library is `Library.updated`."""
    files = dict(previous.files)
    seed_versions = dict(previous.seed_versions)
    for name in plan.dropped:
        path = briefs_dir / name
        del files[path]
        seed_versions.pop(path, None)
    versions: dict[str, str] = {}
    for checked in plan.fresh.values():
        assert checked.brief is not None
        files[checked.path] = checked.brief
        seed_versions[checked.path] = checked.seed_version
        versions[checked.brief.id] = checked.content_version
    library = previous.library.updated(
        (checked.brief for checked in plan.fresh.values() if checked.brief is not None),
        removed=plan.removed,
        versions=versions,
    )
    return ReloadResult(
        library,
        plan.errors,
        files,
        seed_versions,
        kept=[files[briefs_dir / name] for name in plan.kept],
        added=plan.added,
        changed=plan.changed,
        removed=plan.removed,
    )


def version_of(brief: Brief) -> str:
    """The digest of the brief's file (bot.briefs.check.content_version), as its proof records it: what a
    Quote button names. What a reader sees is compared by `bot.briefs.versions.content_fingerprint`."""
    return brief.proof.version if brief.proof is not None else ""


class _SeedCache:
    """The seeds, each read once per load: its text's version always, its Article when a brief is checked."""

    def __init__(self, seeds_dir: Path) -> None:
        self._dir = seeds_dir
        self._texts: dict[str, str | None] = {}
        self._articles: dict[str, Article] = {}
        self.versions: dict[str, str] = {}

    def text(self, name: str) -> str | None:
        if name not in self._texts:
            if seed_name_problem(name) is not None:
                return None
            try:
                self._texts[name] = _read_text(os.path.join(self._dir, name))
            except (OSError, UnicodeDecodeError):
                self._texts[name] = None
        text = self._texts[name]
        if text is not None:
            self.versions.setdefault(name, content_version(text))
        return text

    def get(self, name: str) -> Article | None:
        text = self.text(name)
        if text is None:
            return None
        if name not in self._articles:
            self._articles[name] = Article(name, text)
        return self._articles[name]


def _read_text(path: str | Path) -> str:
    """`Path.read_text(encoding="utf-8")` without building a Path for each file (pathlib's own steps stood out
    in a profile of a thousand briefs' load): the same text, newlines read alike, the same errors."""
    with open(path, encoding="utf-8") as file:
        return file.read()


def _unchanged(path: Path, text: str, seeds: _SeedCache, known: Known) -> bool:
    """Whether neither the file's text nor its seed's has changed since the load `known` describes."""
    entry = known.get(path.name)
    if entry is None:
        return False
    if entry.version != content_version(text) or seeds.text(entry.seed) is None:
        return False
    return seeds.versions.get(entry.seed) == entry.seed_version


def _load_one(
    path: Path, seeds: _SeedCache, known: Known | None = None
) -> tuple[Brief | None, list[BriefError], bool]:
    """The file's brief and problems; or (None, [], True) when `known` shows it unchanged."""
    try:
        text = _read_text(path)
        if known and _unchanged(path, text, seeds, known):
            return None, [], True
        raw = _parse_toml(text)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [BriefError(path, "", f"cannot read the file: {exc}")], False
    except (tomli.TOMLDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, [BriefError(path, "", f"not valid TOML: {exc}")], False
    except RecursionError:  # the TOML reader refuses deep nesting (and recursed once per level before that)
        return None, [BriefError(path, "", TOO_DEEP)], False
    brief, problems = check_raw(raw, seeds.get, content_version(text))
    return brief, [BriefError(path, p.item, p.message, p.closest) for p in problems], False


def _parse_toml(text: str) -> dict[str, Any]:
    """The file's TOML, read by tomli (the standard library's reader, compiled: a thousand briefs in a third of
    the time). tomli refuses a dotted key of more than 1000 parts; the standard library's reader reads it flat,
    so that the nesting check names where it goes too deep."""
    try:
        return tomli.loads(text)
    except RecursionError:
        return tomllib.loads(text)


def check_raw(
    raw: dict[str, Any], seed_named: Callable[[str], Article | None], version: str = ""
) -> tuple[Brief | None, list[Problem]]:
    """Validate a brief's parsed TOML and check it against its seed: the brief (when its shape is valid,
    with its proof attached when it passed) and every problem found."""
    too_deep = _nested_too_deeply(raw)
    if too_deep is not None:
        return None, [Problem(too_deep, TOO_DEEP)]
    if raw.get("format") != FORMAT:
        return None, [Problem("format", message) for message in old_format_changes(raw)]
    try:
        brief = Brief.model_validate(raw)
    except ValidationError as exc:
        problems = [Problem(item_path(e["loc"]), _schema_message(e)) for e in _one_branch(exc, raw)]
        seed_name = raw.get("source", {}).get("seed") if isinstance(raw.get("source"), dict) else None
        article = seed_named(seed_name) if isinstance(seed_name, str) else None
        if article is not None:  # every error at once: the passages are checked even when the shape is not
            passages = list(_raw_passage_problems(raw, article))
            # a passage the article does not hold is told once, by what the article says of it (an empty one
            # "needs at least 4 words"), not also by the schema's length
            told = {p.item for p in passages}
            problems = [p for p in problems if p.item not in told] + passages
            problems += _rest_checked(raw, exc, article, version)
        return None, list(dict.fromkeys(problems))
    article = seed_named(brief.source.seed)
    if article is None:
        return brief, [
            Problem("source.seed", f"unknown seed file {brief.source.seed!r} (not found in the seeds folder)")
        ]
    problems, proof = check_brief(brief, article, version)
    if not problems:
        brief._proof = proof
    return brief, problems


def _rest_checked(
    raw: dict[str, Any], invalid: ValidationError, article: Article, version: str
) -> list[Problem]:
    """Every error at once: the problems of a brief's items of the right shape when others are not. A field the
    schema refused is set aside from its item (an item still refused without it is set aside whole), what is
    left is validated and checked, and each problem is told under its item's index in the file; an item changed
    so is told only its schema error, since what the check says of it without that field may not hold. Nothing
    when what is left is still of the wrong shape (its top, a section left empty)."""
    fields: dict[tuple[str, int], set[str]] = {}
    for error in invalid.errors():
        loc = error["loc"]
        if len(loc) < 2 or not isinstance(raw.get(str(loc[0])), list) or not isinstance(loc[1], int):
            return []  # the top of the brief is of the wrong shape: no brief to check
        fields.setdefault((str(loc[0]), loc[1]), set()).add(str(loc[2]) if len(loc) > 2 else "")
    rest = dict(raw)
    for (section, index), names in fields.items():
        item = raw[section][index]
        if isinstance(item, dict) and "" not in names:
            rest[section] = list(rest[section])
            rest[section][index] = {key: value for key, value in item.items() if key not in names}
    try:
        Brief.model_validate(rest)
    except ValidationError as still:
        for error in still.errors():  # a required field set aside: set its item aside whole
            loc = error["loc"]
            if len(loc) < 2 or not isinstance(loc[1], int) or (str(loc[0]), loc[1]) not in fields:
                return []
    kept: dict[str, list[int]] = {}
    for section in {section for section, _ in fields}:
        dropped = {i for s, i in fields if s == section and not _valid_alone(rest, section, i)}
        kept[section] = [i for i in range(len(raw[section])) if i not in dropped]
        rest[section] = [rest[section][i] for i in kept[section]]
    try:
        brief = Brief.model_validate(rest)
    except ValidationError:
        return []
    problems, _ = check_brief(brief, article, version)

    def in_the_file(text: str) -> str:  # "people[1]" of what is left -> "people[2]" of the file
        def index(found: re.Match[str]) -> str:
            section, at = found.group(1), int(found.group(2))
            return (
                f"{section}[{kept[section][at]}]"
                if section in kept and at < len(kept[section])
                else found.group()
            )

        return _SECTION_INDEX.sub(index, text)

    told = [
        dataclasses.replace(p, item=in_the_file(p.item), message=in_the_file(p.message)) for p in problems
    ]
    return [p for p in told if _owner(p.item) not in fields]


def _valid_alone(rest: dict[str, Any], section: str, index: int) -> bool:
    """Whether item `index` of `section`, as it stands in `rest`, is of the right shape."""
    try:
        Brief.model_validate({**rest, section: [rest[section][index]]})
    except ValidationError as exc:
        return not any(e["loc"][:2] == (section, 0) for e in exc.errors())
    return True


def _owner(item: str) -> tuple[str, int] | None:
    found = _SECTION_INDEX.match(item)
    return (found.group(1), int(found.group(2))) if found else None


_SECTION_INDEX = re.compile(r"\b(key_points|people|aid|loans|events|quotes|aliases|credits)\[(\d+)\]")


def _nested_too_deeply(raw: dict[str, Any]) -> str | None:
    """The item path of the first value nested more than MAX_NESTING levels deep, or None. Iterative: the
    depth is what it guards against."""
    if not _deeper_than_allowed(raw):  # every brief: a quick look; the path only for one that is too deep
        return None
    # Only tables and arrays are walked (a plain value nests nothing), in the order a stack of every value would
    # pop them: the first value too deep is the last one held by the first table or array at MAX_NESTING.
    stack: list[tuple[dict[str, Any] | list[Any], tuple[int | str, ...]]] = [(raw, ())]
    while stack:
        value, loc = stack.pop()
        keys: Sequence[int | str] = list(value) if isinstance(value, dict) else range(len(value))
        if len(loc) == MAX_NESTING:
            if keys:
                return item_path((*loc, keys[-1]))
            continue
        inner = value.values() if isinstance(value, dict) else value
        stack.extend(
            (item, (*loc, key))
            for key, item in zip(keys, inner, strict=True)
            if isinstance(item, dict | list)
        )
    return None


def _deeper_than_allowed(value: dict[str, Any] | list[Any]) -> bool:
    """Whether a table or array holds anything at MAX_NESTING levels down: read level by level, the tables
    and arrays of each level in one list (no call nor generator per table: this runs for every brief),
    stopping at the first level that has none."""
    level: list[dict[str, Any] | list[Any]] = [value]
    for _ in range(MAX_NESTING):
        level = [
            item
            for container in level
            for item in (container.values() if isinstance(container, dict) else container)
            if isinstance(item, dict | list)
        ]
        if not level:
            return False
    return any(len(container) > 0 for container in level)


def _raw_passage_problems(raw: object, article: Article, where: str = "") -> Iterator[Problem]:
    if isinstance(raw, dict):
        for key, value in raw.items():
            inner = f"{where}.{key}" if where else str(key)
            if key == "evidence" and isinstance(value, list):
                for index, passage in enumerate(value):
                    if isinstance(passage, str) and article.locate(passage) is None:
                        diagnosis = article.diagnose(passage)
                        yield Problem(f"{inner}[{index}]", diagnosis.message, diagnosis.closest)
            else:
                yield from _raw_passage_problems(value, article, inner)
    elif isinstance(raw, list):
        for index, value in enumerate(raw):
            yield from _raw_passage_problems(value, article, f"{where}[{index}]")


# What changed since the first brief format, for an editor holding a brief written for it.
_OLD_FORMAT_HINTS: tuple[tuple[str, str], ...] = (
    ("title", "remove `title`: a brief shows the article's headline (`source.headline`)"),
    ("summary", "remove `summary`: answers are built from checked values and the article's own words"),
    ("key_points.text", "key points keep only `evidence` (and `attribution`): remove their `text`"),
    (
        "people.actions",
        "people: remove `actions` (their evidence is shown) and add `as_written`, the phrase "
        "that names them (“Prime Minister Naftali Bennett”); `role` and `affiliation` must stand in it",
    ),
    (
        "loans.amount",
        "loans: add `as_written`, the amount as the article writes it (“$600 million”), and "
        "`status_as_written`, the article's verb (“has provided”); `currency` is read from it (“$” is "
        '"dollars", of unstated kind)',
    ),
    ("aid.status", "aid: add `status_as_written`, the article's verb for the status (“has sent”)"),
    ("note", "remove every `note`: free text is not checked against the article"),
    ("events.what", "events: remove `what` (the evidence is shown); `when` and `where` only as written"),
    ("quotes", "quotes: add `attribution`, the words that name the speaker (“Austin said”)"),
)


def old_format_changes(raw: dict[str, Any]) -> list[str]:
    """Why a brief without `format = 2` is refused, and what to change."""
    if "format" in raw:
        return [f"unknown brief format {raw['format']!r}: this version of Briefbot reads format = {FORMAT}"]
    changes = [f"this brief is in the old format: add `format = {FORMAT}` at the top, then"]
    for key, hint in _OLD_FORMAT_HINTS:
        section, _, field = key.partition(".")
        value = raw.get(section)
        present = (
            any(isinstance(item, dict) and field in item for item in value)
            if field and isinstance(value, list)
            else value is not None
            if not field
            else False
        )
        if key == "note":
            present = any(
                isinstance(i, dict) and "note" in i for v in raw.values() if isinstance(v, list) for i in v
            )
        if present:
            changes.append(f"  - {hint}")
    changes.append("  (README.md, “Writing a brief”, shows every field with an example)")
    return ["\n".join(changes)]


# pydantic's errors for a value of the wrong type, at the root of a union's branch: "Input should be a valid
# string" says only that the value is of another branch's shape
_SHAPE_ERRORS = frozenset({"string_type", "model_type", "model_attributes_type", "dict_type", "list_type"})
UNION_SHAPE = "union_shape"
ATTRIBUTION_SHAPES = (
    'must be the words that say so (a string), a table { text = "…", role = "…" }, or a list of them'
)
ATTRIBUTION_ITEM_SHAPES = 'must be the words that say so (a string) or a table { text = "…", role = "…" }'


def _one_branch(invalid: ValidationError, raw: dict[str, Any]) -> list[dict[str, Any]]:
    """pydantic's errors, each thing wrong told once. A value of a union (an attribution: a string, a table or a
    list of them) is reported by pydantic under every branch it fails, each named by a tag in its loc
    ("attribution.constrained-str", "attribution.Attributed.role", "attribution.list[…][1]…"): only the
    branches that fail on more than the value's shape are kept, and their tags are taken out of the loc
    (`attribution.role`, `attribution[1].role`); when every branch fails on the shape alone, one error says
    which shapes the field takes."""
    errors: list[dict[str, Any]] = [dict(e) for e in invalid.errors()]
    while True:
        tags = [_union_tag_at(e, raw) for e in errors]
        first = next((i for i, at in enumerate(tags) if at is not None), None)
        if first is None:
            return errors
        at = tags[first]
        assert at is not None
        prefix = tuple(errors[first]["loc"][:at])
        group = [i for i, e in enumerate(errors) if tags[i] == at and tuple(e["loc"][:at]) == prefix]
        branches: dict[str, list[dict[str, Any]]] = {}
        for i in group:
            branches.setdefault(str(errors[i]["loc"][at]), []).append(errors[i])
        deep = [
            e
            for told in branches.values()
            if not all(len(e["loc"]) == at + 1 and e["type"] in _SHAPE_ERRORS for e in told)
            for e in told
        ]
        field = next((part for part in reversed(prefix) if isinstance(part, str)), "")
        kept = [{**e, "loc": (*prefix, *e["loc"][at + 1 :])} for e in deep] or [
            {
                "type": UNION_SHAPE,
                "loc": prefix,
                "msg": (ATTRIBUTION_SHAPES if isinstance(prefix[-1], str) else ATTRIBUTION_ITEM_SHAPES)
                if field == "attribution"
                else f"is of none of the shapes it may take ({', '.join(branches)})",
                "input": errors[first].get("input"),
            }
        ]
        errors = errors[:first] + kept + [e for i, e in enumerate(errors) if i > first and i not in group]


def _union_tag_at(error: dict[str, Any], raw: object) -> int | None:
    """Where in `error`'s loc a union's branch tag stands: the first part that names no key or index of the
    value the loc walks through (a missing field's name, last, excepted), or None."""
    loc, value = error["loc"], raw
    for at, part in enumerate(loc):
        walked = (isinstance(part, int) and isinstance(value, list) and part < len(value)) or (
            isinstance(part, str) and isinstance(value, dict) and part in value
        )
        if walked:
            value = value[part]  # type: ignore[index]
        elif isinstance(part, int) or (at == len(loc) - 1 and error["type"] == "missing"):
            return None
        else:
            return at
    return None


def _schema_message(problem: object) -> str:
    assert isinstance(problem, dict)
    kind, message = problem.get("type", ""), str(problem.get("msg", "invalid"))
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        return "unknown key (not part of the brief schema)"
    if kind == UNION_SHAPE:
        got = problem.get("input")
        return f"{message} (got {type(got).__name__} {got!r:.60})"
    if kind == "literal_error":  # a word of a closed list: the status, the aid's kind, an attribution's role
        field = next(
            (str(part) for part in reversed(problem.get("loc", ())) if isinstance(part, str)), "value"
        )
        allowed = problem.get("ctx", {}).get("expected", "")
        what = "an attribution's role" if field == "role" else f"`{field}`"
        return f"unknown {field} {problem.get('input')!r}: {what} is one of {allowed}" + (
            " (a plain string is a source)" if field == "role" else ""
        )
    if "input" in problem and not isinstance(problem["input"], dict | list):
        return f"{message} (got {type(problem['input']).__name__} {problem['input']!r:.60})"
    return message
