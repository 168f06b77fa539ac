"""Loading briefs: read TOML, validate the schema, verify every evidence passage against its seed.

Errors are collected, never first-only, and never a traceback: each names the file, the item
(`loans[2].evidence[0]`) and the problem, with the article's closest sentence for a near miss.
A brief with any error is left out of the library.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.briefs.article import Article
from bot.briefs.check import Problem, check_brief, content_version
from bot.briefs.lookup import Library, newest_first
from bot.briefs.models import FORMAT, Brief, seed_name_problem

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


def library_warnings(files: dict[Path, Brief], today: date) -> list[BriefWarning]:
    """Warnings about the loaded briefs' `added` dates, which decide the default brief (the newest added,
    `Library.briefs[0]`): one in the future (it stays the default until then), or one shared with another
    brief (the tie is broken by id, not by the editor). Each says which brief is the default."""
    ordered = newest_first(files.values())  # as the Library orders them, without building its indexes
    if not ordered:
        return []
    default = ordered[0]
    file_of = {brief.id: path for path, brief in files.items()}
    shown = f"“{default.id}” ({file_of[default.id].name})"
    on_day: dict[date, list[Brief]] = {}
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


PARALLEL_FROM = 64  # briefs: below this, starting worker processes costs more than it saves


def load_library(
    briefs_dir: Path, seeds_dir: Path, unchanged: LoadResult | None = None, *, workers: int = 1
) -> LoadResult:
    """Load every `*.toml` brief under `briefs_dir`, checked against the seeds in `seeds_dir`.

    With `unchanged` (an earlier load of these folders), a file whose text and whose seed's text are what
    that load checked keeps the brief it gave, without being parsed and checked again: a reload after one
    brief of a thousand changed checks one. With `workers` > 1, a large library is checked by that many
    forked processes (where the platform forks; for `briefbot check`, not inside the running bot).
    """
    errors: list[BriefError] = []
    if not briefs_dir.is_dir():
        errors.append(BriefError(briefs_dir, "", "the briefs folder does not exist"))
        return LoadResult(Library([]), errors)
    paths = sorted(briefs_dir.glob("*.toml"))
    with _collector_paused():
        if workers > 1 and len(paths) >= PARALLEL_FROM and unchanged is None and _can_fork():
            loaded = _load_in_processes(paths, seeds_dir, workers)
        else:
            loaded = _load_each(paths, seeds_dir, unchanged)
    accepted: dict[Path, Brief] = {}
    seed_versions: dict[Path, str] = {}
    first_file_of: dict[str, Path] = {}
    for path, brief, problems, seed_version in loaded:
        if brief is not None and brief.id in first_file_of:
            problems.append(
                BriefError(
                    path, "id", f"duplicate brief id {brief.id!r}, already used by {first_file_of[brief.id]}"
                )
            )
        if brief is not None:
            first_file_of.setdefault(brief.id, path)
        errors.extend(problems)
        if brief is not None and not problems:
            accepted[path] = brief
            seed_versions[path] = seed_version
    for error in errors:
        log.debug("brief error: %s", error)
    library = Library(accepted.values())
    if unchanged is not None:
        library.reuse_versions(unchanged.library)
    library.versions()  # computed here, off the event loop when reloading, not by the first digest
    return LoadResult(library, errors, accepted, seed_versions)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
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


_Loaded = tuple[
    Path, Brief | None, list[BriefError], str
]  # the file, its brief, its problems, its seed's version


def _load_each(paths: Sequence[Path], seeds_dir: Path, unchanged: LoadResult | None = None) -> list[_Loaded]:
    seeds = _SeedCache(seeds_dir)
    loaded: list[_Loaded] = []
    for path in paths:
        brief, problems = _load_one(path, seeds, unchanged)
        seed_version = seeds.versions.get(brief.source.seed, "") if brief is not None else ""
        loaded.append((path, brief, problems, seed_version))
    return loaded


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _load_in_processes(paths: Sequence[Path], seeds_dir: Path, workers: int) -> list[_Loaded]:
    """`_load_each` in `workers` forked processes, over contiguous shares of `paths`; in the order given."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(paths) // workers)
    shares = [paths[start : start + size] for start in range(0, len(paths), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(shares), mp_context=context) as pool:
        done = pool.map(_load_each, shares, [seeds_dir] * len(shares))
        return [entry for share in done for entry in share]


def reload_library(briefs_dir: Path, seeds_dir: Path, previous: LoadResult) -> ReloadResult:
    """Load the library again, keeping the last good version of every brief whose file is now refused.

    A file that now has errors keeps serving the brief `previous` loaded from it, unless an accepted brief
    now has its id; a removed file's brief is gone. When the briefs folder itself is missing (mid-move, an
    unmounted disk), everything `previous` served is kept. A file whose text and seed are unchanged keeps
    its brief without being checked again. Blocking (reads every file, checks the changed ones, builds the
    library's indexes): call it off the event loop.
    """
    fresh = load_library(briefs_dir, seeds_dir, previous)
    files = dict(fresh.files)
    refused = {error.file for error in fresh.errors}
    folder_gone = not briefs_dir.is_dir()
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
    library = Library(files.values()) if kept else fresh.library  # built once: indexes cost a scan
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
                self._texts[name] = (self._dir / name).read_text(encoding="utf-8")
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


def _unchanged(path: Path, text: str, seeds: _SeedCache, earlier: LoadResult | None) -> Brief | None:
    """The brief `earlier` accepted from `path`, when neither the file's text nor its seed's has changed."""
    brief = earlier.files.get(path) if earlier is not None else None
    if brief is None or brief.proof is None or brief.proof.version != content_version(text):
        return None
    checked = earlier.seed_versions.get(path) if earlier is not None else None
    if not checked or seeds.text(brief.source.seed) is None:
        return None
    return brief if seeds.versions.get(brief.source.seed) == checked else None


def _load_one(
    path: Path, seeds: _SeedCache, earlier: LoadResult | None = None
) -> tuple[Brief | None, list[BriefError]]:
    try:
        text = path.read_text(encoding="utf-8")
        kept = _unchanged(path, text, seeds, earlier)
        if kept is not None:
            return kept, []
        raw = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [BriefError(path, "", f"cannot read the file: {exc}")]
    except tomllib.TOMLDecodeError as exc:
        return None, [BriefError(path, "", f"not valid TOML: {exc}")]
    except RecursionError:  # the TOML reader recurses once per level
        return None, [BriefError(path, "", TOO_DEEP)]
    brief, problems = check_raw(raw, seeds.get, content_version(text))
    return brief, [BriefError(path, p.item, p.message, p.closest) for p in problems]


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
        problems = [Problem(item_path(e["loc"]), _schema_message(e)) for e in exc.errors()]
        seed_name = raw.get("source", {}).get("seed") if isinstance(raw.get("source"), dict) else None
        article = seed_named(seed_name) if isinstance(seed_name, str) else None
        if article is not None:  # every error at once: the passages are checked even when the shape is not
            problems += list(_raw_passage_problems(raw, article))
        return None, problems
    article = seed_named(brief.source.seed)
    if article is None:
        return brief, [
            Problem("source.seed", f"unknown seed file {brief.source.seed!r} (not found in the seeds folder)")
        ]
    problems, proof = check_brief(brief, article, version)
    if not problems:
        brief._proof = proof
    return brief, problems


def _nested_too_deeply(raw: dict[str, Any]) -> str | None:
    """The item path of the first value nested more than MAX_NESTING levels deep, or None. Iterative: the
    depth is what it guards against."""
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


def _schema_message(problem: object) -> str:
    assert isinstance(problem, dict)
    kind, message = problem.get("type", ""), str(problem.get("msg", "invalid"))
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        return "unknown key (not part of the brief schema)"
    if "input" in problem and not isinstance(problem["input"], dict | list):
        return f"{message} (got {type(problem['input']).__name__} {problem['input']!r:.60})"
    return message
