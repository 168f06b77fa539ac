"""Queries over the loaded briefs: people by name, aid and loans by country, with aliases.

Names are matched and suggested by `bot.briefs.ranking` (case- and accent-insensitive, partial: `bennett`,
`Gantz`); countries are matched on either side of a flow (donor or recipient, lender or borrower) through
common aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bot.briefs.evidence import fold
from bot.briefs.models import AidFlow, Brief, Loan, Person
from bot.briefs.ranking import did_you_mean, ranked

T = TypeVar("T")

# Common names for the same country; the first entry is how the bot writes it.
_COUNTRY_ALIASES: tuple[tuple[str, ...], ...] = (
    ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "American"),
    ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "British"),
    ("Israel", "Israeli", "State of Israel", "Jerusalem"),
    ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
    ("Russia", "Russian", "Russian Federation", "Moscow"),
    ("Japan", "Japanese"),
    ("Germany", "German", "Deutschland"),
    ("Canada", "Canadian"),
    ("European Union", "EU", "E.U."),
)
_ALIAS_TO_CANONICAL: dict[str, str] = {fold(alias): names[0] for names in _COUNTRY_ALIASES for alias in names}


def country_aliases() -> dict[str, str]:
    """Every known way of naming a country (folded) and the name the bot writes for it."""
    return dict(_ALIAS_TO_CANONICAL)


def canonical_country(name: str) -> str:
    """`US`, `usa` and `United States` all become `United States`; unknown names stay as written."""
    return _ALIAS_TO_CANONICAL.get(fold(name), name.strip())


class UnknownBrief(LookupError):
    def __init__(self, brief_id: str, suggestions: list[str]) -> None:
        super().__init__(brief_id)
        self.brief_id = brief_id
        self.suggestions = suggestions


@dataclass(frozen=True)
class Matches(Generic[T]):
    """What a query found; with no match, the nearest names the brief does know."""

    brief: Brief
    query: str | None
    items: list[T]
    suggestions: list[str] = field(default_factory=list)


class Library:
    """All loaded briefs, newest first."""

    def __init__(self, briefs: Iterable[Brief]) -> None:
        self.briefs: list[Brief] = sorted(briefs, key=lambda brief: (brief.added, brief.id), reverse=True)
        self._by_id = {brief.id: brief for brief in self.briefs}

    def __len__(self) -> int:
        return len(self.briefs)

    @property
    def newest(self) -> Brief | None:
        return self.briefs[0] if self.briefs else None

    def get(self, brief_id: str | None = None) -> Brief:
        """The brief with `brief_id`, or the newest; raises UnknownBrief with suggestions."""
        if brief_id is None or not brief_id.strip():
            if self.newest is None:
                raise UnknownBrief("", [])
            return self.newest
        brief = self._by_id.get(brief_id.strip())
        if brief is None:
            raise UnknownBrief(brief_id, did_you_mean(brief_id, self.ids))
        return brief

    def find(self, brief_id: str) -> Brief | None:
        """The brief with exactly this id, if it is loaded."""
        return self._by_id.get(brief_id)

    @property
    def ids(self) -> list[str]:
        """Every brief id, newest first."""
        return [brief.id for brief in self.briefs]

    def brief_choices(self, typed: str, limit: int = 25) -> list[Brief]:
        """Briefs whose id or title matches `typed`, best first, then newest first."""
        return ranked(typed, self.briefs, names=_brief_names, limit=limit)


def _brief_names(brief: Brief) -> tuple[str, str]:
    return brief.id, brief.title


def _person_names(person: Person) -> tuple[str]:
    return (person.name,)


def find_people(brief: Brief, name: str | None = None) -> Matches[Person]:
    """People whose name matches `name` (all people when it is empty), best matches first."""
    if not name or not name.strip():
        return Matches(brief, None, list(brief.people))
    people = ranked(name, brief.people, names=_person_names)
    if people:
        return Matches(brief, name, people)
    suggestions = did_you_mean(name, brief.people, names=_person_names)
    return Matches(brief, name, [], [person.name for person in suggestions])


def countries(brief: Brief) -> list[str]:
    """Every country named on either side of the brief's aid flows and loans, canonical, in order."""
    names: list[str] = []
    for flow in brief.aid:
        names += [canonical_country(flow.donor), canonical_country(flow.recipient)]
    for loan in brief.loans:
        names += [canonical_country(loan.lender), canonical_country(loan.borrower)]
    return list(dict.fromkeys(names))


def _by_country(brief: Brief, items: Sequence[T], sides: tuple[str, str], country: str | None) -> Matches[T]:
    if not country or not country.strip():
        return Matches(brief, None, list(items))
    wanted = fold(canonical_country(country))
    hits = [
        item
        for item in items
        if any(fold(canonical_country(str(getattr(item, side)))) == wanted for side in sides)
    ]
    if hits:
        return Matches(brief, country, hits)
    return Matches(brief, country, [], did_you_mean(country, countries(brief)))


def find_aid(brief: Brief, country: str | None = None) -> Matches[AidFlow]:
    """Aid flows where `country` gives or receives (all flows when it is empty)."""
    return _by_country(brief, brief.aid, ("donor", "recipient"), country)


def find_loans(brief: Brief, country: str | None = None) -> Matches[Loan]:
    """Loans where `country` lends or borrows (all loans when it is empty)."""
    return _by_country(brief, brief.loans, ("lender", "borrower"), country)
