"""Ranking names against what a member typed: the one rule behind every autocomplete and "did you mean".

Case, accents and punctuation do not matter (`bénnett`; `ben zvi` for `Ben-Zvi`; `new york` for
`America/New_York`). Best first: the whole name, then a whole word of it, then the start of the name, then the
start of a word, then anywhere inside; equally good names keep the order they came in. "Did you mean" falls
back to likely typos (`Japn` for `Japan`) when nothing contains what was typed.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from functools import lru_cache
from itertools import accumulate, islice
from typing import Generic, TypeVar, overload

from bot.briefs.evidence import fold

T = TypeVar("T")

TYPO_CUTOFF = 0.75  # difflib similarity under which a name is too far off to suggest (France is not Ukraine)
SUGGESTIONS = 3
_WORD = re.compile(r"[^\W_]+")

NamesOf = Callable[[T], Iterable[str]]


class Match(IntEnum):
    """How well a name matches what was typed; lower is better."""

    EXACT = 0  # the whole name
    EXACT_WORD = 1  # whole words of it: `ben` in `Alex Ben-Zvi`, `bennett` in `Naftali Bennett`
    PREFIX = 2  # the start of the name: `ben` in `Benny Gantz`
    WORD = 3  # the start of a word: `berl` in `Europe/Berlin`
    INSIDE = 4  # anywhere: `ntz` in `Benny Gantz`


@lru_cache(maxsize=65536)
def searchable(text: str) -> str:
    """`text` folded (case, accents), every run of spaces, punctuation or `_` read as one space.

    Cached: the same names (people, countries, brief ids, time zones) are ranked on every keystroke.
    """
    return " ".join(_WORD.findall(fold(text)))


def match(typed: str, name: str) -> Match | None:
    """How well `name` matches `typed`; None when it does not contain it. Every name matches a blank `typed`,
    none a `typed` of only punctuation (which holds nothing to match on)."""
    if not typed.strip():
        return Match.INSIDE
    return _tier(searchable(typed), searchable(name))


def _tier(wanted: str, folded: str) -> Match | None:
    """`match` on `searchable` forms."""
    if not wanted or wanted not in folded:
        return None
    if wanted == folded:
        return Match.EXACT
    padded = f" {folded} "
    if f" {wanted} " in padded:
        return Match.EXACT_WORD
    if folded.startswith(wanted):
        return Match.PREFIX
    if f" {wanted}" in padded:
        return Match.WORD
    return Match.INSIDE


def _as_names(candidate: object) -> tuple[str]:
    return (str(candidate),)


@overload
def ranked(
    typed: str, candidates: Iterable[str], *, limit: int | None = None, worst: Match = Match.INSIDE
) -> list[str]: ...


@overload
def ranked(
    typed: str,
    candidates: Iterable[T],
    *,
    names: NamesOf[T],
    limit: int | None = None,
    worst: Match = Match.INSIDE,
) -> list[T]: ...


def ranked(
    typed: str,
    candidates: Iterable[T],
    *,
    names: NamesOf[T] | None = None,
    limit: int | None = None,
    worst: Match = Match.INSIDE,
) -> list[T]:
    """The candidates whose names contain `typed`, best first (see `Match`), at most `limit` of them, and none
    that matches worse than `worst` (a lookup by name takes `Match.WORD`: "x" is in "Alex", it names no one).

    A candidate is known by `names(candidate)` (by default the candidate itself, a string) and ranks by its best
    name. The sort is stable, so a blank `typed` gives every candidate in the order given.
    """
    names_of = names or _as_names
    if not typed.strip():  # every candidate matches alike: no need to look at their names
        return list(islice(candidates, limit))
    wanted = searchable(typed)
    scored: list[tuple[Match, T]] = []
    for candidate in candidates:
        ranks = [
            rank
            for name in names_of(candidate)
            if (rank := _tier(wanted, searchable(name))) is not None and rank <= worst
        ]
        if ranks:
            scored.append((min(ranks), candidate))
    scored.sort(key=lambda entry: entry[0])
    return [candidate for _, candidate in scored[:limit]]


def _typo_score(wanted: str, names: Iterable[str]) -> float:
    """The best difflib similarity of `wanted` to a name or to one word of it (`Benet` is close to `Bennett`)."""
    matcher = difflib.SequenceMatcher(b=wanted)
    best = 0.0
    for name in names:
        folded = searchable(name)
        # the whole name, its start as long as what was typed (a long id mistyped), and each word
        for form in (folded, folded[: len(wanted)], *folded.split(" ")):
            matcher.set_seq1(form)
            if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
                best = max(best, matcher.ratio())
    return best


@overload
def did_you_mean(
    typed: str, candidates: Sequence[str], *, limit: int = SUGGESTIONS, worst: Match = Match.INSIDE
) -> list[str]: ...


@overload
def did_you_mean(
    typed: str,
    candidates: Sequence[T],
    *,
    names: NamesOf[T],
    limit: int = SUGGESTIONS,
    worst: Match = Match.INSIDE,
) -> list[T]: ...


def did_you_mean(
    typed: str,
    candidates: Sequence[T],
    *,
    names: NamesOf[T] | None = None,
    limit: int = SUGGESTIONS,
    worst: Match = Match.INSIDE,
) -> list[T]:
    """What to suggest for `typed`: the best `ranked` candidates, or, when none contains it, the likeliest typos
    (most similar first, at least `TYPO_CUTOFF` alike)."""
    names_of = names or _as_names
    found = ranked(typed, candidates, names=names_of, limit=limit, worst=worst)
    if found or not searchable(typed):
        return found
    wanted = searchable(typed)
    scored = [(_typo_score(wanted, names_of(candidate)), candidate) for candidate in candidates]
    scored = [entry for entry in scored if entry[0] >= TYPO_CUTOFF]
    scored.sort(key=lambda entry: entry[0], reverse=True)
    return [candidate for _, candidate in scored[:limit]]


class NameIndex(Generic[T]):
    """Candidates and their names, folded once into one text, so that finding the names that contain what was
    typed is a scan at C speed (`str.find`) rather than a loop over every name: a library of a thousand briefs
    is an index built when it loads. `ranked` over it gives what `ranked` gives over the candidates."""

    def __init__(self, rows: Iterable[tuple[Iterable[str], T]], *, folded: bool = False) -> None:
        """`rows`: each candidate with its names; `folded`: the names are `searchable` already (worked out once
        per brief, and kept by a reloaded library for the briefs that did not change)."""
        rows = list(rows)
        self.candidates: list[T] = [candidate for _, candidate in rows]
        # one per name: its searchable form and the candidate it names (a library's reload builds five of
        # these over thousands of names, so the loops are comprehensions)
        self._names: list[str] = [name if folded else searchable(name) for names, _ in rows for name in names]
        self._owner: list[int] = [owner for owner, (names, _) in enumerate(rows) for _name in names]
        self._text = "\n".join(self._names)  # searchable text holds no newline: no match runs across names
        self._starts = list(accumulate((len(name) + 1 for name in self._names[:-1]), initial=0))

    def containing(self, typed: str, worst: Match = Match.INSIDE) -> dict[int, Match]:
        """The candidates (by position) with a name that contains `typed`, each with its best match, in order;
        none that matches worse than `worst` (see `ranked`)."""
        wanted = searchable(typed)
        found: dict[int, Match] = {}
        if not wanted:
            return found
        at = self._text.find(wanted)
        while at != -1:
            index = bisect_right(self._starts, at) - 1
            rank = _tier(wanted, self._names[index])
            owner = self._owner[index]
            if rank is not None and rank <= worst and (owner not in found or rank < found[owner]):
                found[owner] = rank
            at = self._text.find(wanted, self._starts[index] + len(self._names[index]) + 1)
        return found

    def ranked(self, typed: str, *, limit: int | None = None) -> list[T]:
        """`ranked(typed, candidates)`: those whose names contain `typed`, best first, stable."""
        if not typed.strip():
            return self.candidates[:limit]
        found = self.containing(typed)
        order = sorted(found, key=found.__getitem__)
        return [self.candidates[index] for index in order[:limit]]
