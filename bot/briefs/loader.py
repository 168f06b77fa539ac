"""Loading briefs: read TOML, validate the schema, verify every evidence passage against its seed.

Errors are collected, never first-only, and never a traceback: each names the file, the item
(`loans[2].evidence[0]`) and the problem, with the article's closest sentence for a near miss.
A brief with any error is left out of the library.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from bot.briefs.evidence import SeedText, amount_in, fold, last_named_before, money_at
from bot.briefs.lookup import Library, canonical_country, country_aliases
from bot.briefs.models import Brief, Loan, Person, Source

log = logging.getLogger(__name__)


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
            text += f'\n    closest sentence in the article: "{self.closest}"'
        return text


@dataclass(frozen=True)
class LoadResult:
    library: Library
    errors: list[BriefError]


def item_path(loc: Sequence[int | str]) -> str:
    """('loans', 2, 'evidence', 0) -> 'loans[2].evidence[0]'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def load_library(briefs_dir: Path, seeds_dir: Path) -> LoadResult:
    """Load every `*.toml` brief under `briefs_dir`, checked against the seeds in `seeds_dir`."""
    errors: list[BriefError] = []
    if not briefs_dir.is_dir():
        errors.append(BriefError(briefs_dir, "", "the briefs folder does not exist"))
        return LoadResult(Library([]), errors)
    seeds = _SeedCache(seeds_dir)
    accepted: list[Brief] = []
    first_file_of: dict[str, Path] = {}
    for path in sorted(briefs_dir.glob("*.toml")):
        brief, problems = _load_one(path, seeds)
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
            accepted.append(brief)
    for error in errors:
        log.debug("brief error: %s", error)
    return LoadResult(Library(accepted), errors)


class _SeedCache:
    def __init__(self, seeds_dir: Path) -> None:
        self._dir = seeds_dir
        self._seeds: dict[str, SeedText | None] = {}

    def get(self, name: str) -> SeedText | None:
        if name not in self._seeds:
            path = self._dir / name
            try:
                self._seeds[name] = SeedText(name, path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self._seeds[name] = None
        return self._seeds[name]


def _load_one(path: Path, seeds: _SeedCache) -> tuple[Brief | None, list[BriefError]]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return None, [BriefError(path, "", f"cannot read the file: {exc}")]
    except tomllib.TOMLDecodeError as exc:
        return None, [BriefError(path, "", f"not valid TOML: {exc}")]
    try:
        brief = Brief.model_validate(raw)
    except ValidationError as exc:
        return None, [
            BriefError(path, item_path(problem["loc"]), _schema_message(problem)) for problem in exc.errors()
        ]
    seed = seeds.get(brief.source.seed)
    if seed is None:
        return brief, [
            BriefError(
                path,
                "source.seed",
                f"unknown seed file {brief.source.seed!r} (not found in the seeds folder)",
            )
        ]
    return brief, list(_check_against_seed(path, brief, seed))


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


def _check_money(path: Path, where: str, loan: Loan, passages: list[str]) -> Iterator[BriefError]:
    """The currency stands with the amount ("$600 million"), and the country named last before it is the
    loan's lender or borrower, not another country of the same sentence."""
    places = [
        (passage, at) for passage in passages for at in (money_at(loan.amount, loan.currency, passage) or [])
    ]
    if money_at(loan.amount, loan.currency, passages[0]) is None:
        return  # a currency without known signs or words: nothing to check it against
    if not places:
        yield BriefError(
            path,
            f"{where}.currency",
            f"currency {loan.currency} is not shown with the amount in its evidence (e.g. '$600 million')",
        )
        return
    parties = {canonical_country(loan.lender), canonical_country(loan.borrower)}
    named = [last_named_before(at, passage, country_aliases()) for passage, at in places]
    if all(name is not None and name not in parties for name in named):
        yield BriefError(
            path,
            f"{where}.amount",
            f"the amount in its evidence goes with {named[0]}, not {loan.lender} or {loan.borrower}",
        )


def _items_with_evidence(brief: Brief) -> Iterator[tuple[str, BaseModel, list[str]]]:
    yield "source", brief.source, list(brief.source.evidence)
    for section in ("key_points", "people", "aid", "loans", "events", "quotes"):
        for index, item in enumerate(getattr(brief, section)):
            yield f"{section}[{index}]", item, list(item.evidence)


def _check_against_seed(path: Path, brief: Brief, seed: SeedText) -> Iterator[BriefError]:
    for where, item, passages in _items_with_evidence(brief):
        for index, passage in enumerate(passages):
            if not seed.contains(passage):
                yield BriefError(
                    path,
                    f"{where}.evidence[{index}]",
                    f"passage not found in the article {seed.name}",
                    closest=seed.closest_sentence(passage),
                )
        if isinstance(item, Loan):
            # Amount and currency must stand together in one passage: "$600 million", "€300 million".
            if not any(amount_in(item.amount, passage) for passage in passages):
                yield BriefError(
                    path,
                    f"{where}.amount",
                    f"amount {item.amount:,} is not written in its evidence (e.g. '600 million', 'half-a-billion')",
                )
            else:
                yield from _check_money(path, where, item, passages)
        elif isinstance(item, Person):
            if not any(fold(item.name) in fold(passage) for passage in passages):
                yield BriefError(path, f"{where}.name", f"name {item.name!r} does not appear in its evidence")
        elif isinstance(item, Source) and not any(fold(item.publisher) in fold(p) for p in passages):
            yield BriefError(
                path, f"{where}.publisher", f"publisher {item.publisher!r} does not appear in its evidence"
            )
    for index, quote in enumerate(brief.quotes):
        if not seed.contains(quote.text):
            yield BriefError(
                path,
                f"quotes[{index}].text",
                "quoted text is not verbatim in the article",
                closest=seed.closest_sentence(quote.text),
            )
