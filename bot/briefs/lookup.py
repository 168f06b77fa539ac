"""Queries over the loaded briefs: people by name, aid and loans by country, with aliases.

Names are matched and suggested by `bot.briefs.ranking` (case- and accent-insensitive, partial: `bennett`,
`Gantz`); countries are matched on either side of a flow (donor or recipient, lender or borrower) through
common aliases.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import count
from typing import Any, Generic, TypeVar

from bot.briefs.evidence import fold
from bot.briefs.models import AidFlow, Brief, Event, Loan, Person
from bot.briefs.ranking import Match, NameIndex, did_you_mean, ranked, searchable
from bot.briefs.versions import content_fingerprint

T = TypeVar("T")

# A person is found by whole words of their name or the starts of its words ("ben", "zvi", "Lapid"), never by
# letters inside a word: "x" is in "Alex" and names no one (fifth reading, REVIEW-4 #15).
BY_NAME = Match.WORD

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
    """No loaded brief is called `brief_id`, or several are; `suggestions` are the closest briefs."""

    def __init__(self, brief_id: str, suggestions: Sequence[Brief], *, ambiguous: bool = False) -> None:
        super().__init__(brief_id)
        self.brief_id = brief_id
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous


@dataclass(frozen=True)
class Matches(Generic[T]):
    """What a query found in one brief; with no match, the nearest names the brief does know."""

    brief: Brief
    query: str | None
    items: list[T]
    suggestions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Found(Generic[T]):
    """What a query found across the library, or in the one brief asked for (`scope`).

    `groups` hold the briefs with matches, newest article first. When nothing matched: `elsewhere` are the
    other briefs that do hold it (only when a brief was asked for), else `suggestions` are close names that
    would match.
    """

    query: str | None
    searched: tuple[Brief, ...]
    groups: tuple[Matches[T], ...]
    scope: Brief | None = None
    elsewhere: tuple[Brief, ...] = ()
    suggestions: tuple[str, ...] = ()

    @property
    def items(self) -> list[T]:
        return [item for group in self.groups for item in group.items]

    @classmethod
    def within(cls, matches: Matches[T]) -> Found[T]:
        """What one brief's `matches` are as the answer about that brief alone."""
        groups = (matches,) if matches.items else ()
        return cls(
            matches.query, (matches.brief,), groups, matches.brief, suggestions=tuple(matches.suggestions)
        )


def retired_by(previous: Library, library: Library) -> list[tuple[Brief, str]]:
    """The briefs of `previous` whose content version `library` no longer serves (changed or removed), each
    with that version: what a pending digest may still need. When `library` is `previous.updated(...)` (a
    reload), only the briefs it replaced are looked at."""
    replaced = library.replaced_since(previous)
    candidates = previous.briefs if replaced is None else replaced
    retired: list[tuple[Brief, str]] = []
    for brief in candidates:
        version = previous.version(brief.id)
        if version is not None and library.version(brief.id) != version:
            retired.append((brief, version))
    return retired


def newest_first(briefs: Iterable[Brief]) -> list[Brief]:
    """Briefs newest added first, a tie broken by id (the later first): the first is the default brief."""
    return sorted(briefs, key=_added_order, reverse=True)


def _added_order(brief: Brief) -> tuple[date, str]:
    return (brief.added, brief.id)


def article_order(brief: Brief) -> tuple[date, date, str]:
    """Newest article last: the publication date where the editor gave one, else when the brief was added."""
    return (brief.editor.published or brief.added, brief.added, brief.id)


_serials = count()  # each Library's number (`replaced_since`)

Hits = dict[str, list[T]]  # brief id -> its matching items, in the order the brief's own lookup gives them


class Library:
    """All loaded briefs: `briefs` newest added first (the default brief is the newest), `by_article_date`
    newest article first (the order of answers across the library). Immutable once built: a reload builds a
    new Library and swaps it in whole.

    Built with indexes (names already folded for ranking, items by country), so that a lookup across a
    thousand briefs scans one list instead of asking each brief; answers are the same as asking each brief.
    """

    def __init__(
        self, briefs: Iterable[Brief], *, reuse: Library | None = None, indexed: bool = True
    ) -> None:
        """With `reuse` (the library this one replaces), each brief it holds too, the very same object, keeps
        what it gave the indexes there (`_Indexed`). With `indexed` False, the indexes are built when a lookup
        first needs them (`briefbot check` needs none); the bot builds them with the library, off the loop.
        A reload builds its library with `updated` instead, which touches only what changed."""
        self.briefs: list[Brief] = newest_first(briefs)
        self.by_article_date: list[Brief] = sorted(self.briefs, key=article_order, reverse=True)
        self._by_id = {brief.id: brief for brief in self.briefs}
        self._reuse = reuse
        self._versions: dict[str, str] = {}  # content versions, computed when first asked
        self._serial = next(_serials)
        self._replaced: tuple[int, tuple[Brief, ...]] | None = None  # see `replaced_since`
        if indexed:
            self.index()

    def updated(
        self,
        briefs: Iterable[Brief] = (),
        removed: Iterable[str] = (),
        versions: Mapping[str, str] | None = None,
    ) -> Library:
        """A new library: this one with `briefs` added or in place of the loaded brief of their id, and the
        briefs of the ids `removed` left out; `versions`, the content versions of `briefs` where known.

        This library is left as it was (a command may be reading it). The work is what changed, not the
        library: both orders are kept by bisection, and of the combined indexes only the blocks that held or
        now hold a brief that changed are built again (`_Indexes.updated`); every other block, and every
        other brief's content version, is the very object this library has. A reload of one brief of a
        thousand so costs the event loop's thread next to nothing (CPython's switch interval would make a
        command wait up to 5 ms for each slice of the interpreter a long rebuild holds).
        """
        gone: dict[str, Brief] = {}
        new: dict[str, Brief] = {}
        for brief_id in removed:
            if (old := self._by_id.get(brief_id)) is not None:
                gone[brief_id] = old
                new.pop(brief_id, None)
        for brief in briefs:
            old = self._by_id.get(brief.id)
            if old is brief:
                continue
            if old is not None:
                gone[brief.id] = old
            new[brief.id] = brief
        library = Library.__new__(Library)
        library.briefs = list(self.briefs)
        library.by_article_date = list(self.by_article_date)
        library._by_id = dict(self._by_id)
        library._reuse = None
        library._versions = dict(self._versions)
        library._serial = next(_serials)
        # Which library this one was made from, by number: a reference would keep every library alive.
        library._replaced = (self._serial, tuple(gone.values()))
        for old in gone.values():
            _take_out(library.briefs, old, _added_order)
            _take_out(library.by_article_date, old, article_order)
            del library._by_id[old.id]
            library._versions.pop(old.id, None)
        for brief in new.values():
            _put_in(library.briefs, brief, _added_order)
            _put_in(library.by_article_date, brief, article_order)
            library._by_id[brief.id] = brief
            if versions is not None and brief.id in versions:
                library._versions[brief.id] = versions[brief.id]
        if self.is_indexed:
            library.__dict__["_indexes"] = self._indexes.updated(list(gone.values()), list(new.values()))
        elif self._reuse is not None:
            library._reuse = self._reuse
        return library

    def replaced_since(self, earlier: Library) -> tuple[Brief, ...] | None:
        """The briefs of `earlier` that this library replaced or left out, when it is `earlier.updated(...)`
        (what a reload changed, without a look at every brief); None when it was not made from `earlier`."""
        if self._replaced is None or self._replaced[0] != earlier._serial:
            return None
        return self._replaced[1]

    def index(self) -> None:
        """Build the lookup indexes now (once), if they are not built yet."""
        self._indexes  # noqa: B018 (a cached property: reading it builds it)

    @cached_property
    def _indexes(self) -> _Indexes:
        reuse, self._reuse = self._reuse, None
        earlier = reuse._indexes.entries if reuse is not None and reuse.is_indexed else {}
        return _Indexes.of(self.by_article_date, earlier)

    @property
    def is_indexed(self) -> bool:
        return "_indexes" in self.__dict__

    def __len__(self) -> int:
        return len(self.briefs)

    @property
    def newest(self) -> Brief | None:
        return self.briefs[0] if self.briefs else None

    def get(self, brief_id: str | None = None) -> Brief:
        """The brief `brief_id` names (see `resolve`), or the newest; raises UnknownBrief with suggestions."""
        if brief_id is None or not brief_id.strip():
            if self.newest is None:
                raise UnknownBrief("", [])
            return self.newest
        return self.resolve(brief_id)

    def resolve(self, wanted: str) -> Brief:
        """The brief whose id is `wanted`, or whose id or title (case and accents aside) is the only one to
        start with it. Raises UnknownBrief: with the briefs it could be (`ambiguous`), or the closest ones."""
        wanted = wanted.strip()
        exact = self._by_id.get(wanted)
        if exact is not None:
            return exact
        typed = searchable(wanted)
        if typed:
            for starts in (
                [b for b in self.by_article_date if b.id.startswith(wanted.casefold())],
                [
                    b
                    for b, title in zip(self.by_article_date, self._indexes.brief_titles(), strict=True)
                    if title.startswith(typed)
                ],
            ):
                if len(starts) == 1:
                    return starts[0]
                if starts:
                    raise UnknownBrief(wanted, starts, ambiguous=True)
        raise UnknownBrief(wanted, did_you_mean(wanted, self.by_article_date, names=_brief_names))

    def find(self, brief_id: str) -> Brief | None:
        """The brief with exactly this id, if it is loaded."""
        return self._by_id.get(brief_id)

    def version(self, brief_id: str) -> str | None:
        """The loaded brief's content version (`bot.briefs.versions.content_fingerprint`), or None when no
        brief of this id is loaded."""
        known = self._versions.get(brief_id)
        if known is None:
            brief = self._by_id.get(brief_id)
            if brief is None:
                return None
            known = self._versions[brief_id] = content_fingerprint(brief)
        return known

    def reuse_versions(self, earlier: Library) -> None:
        """Take the content versions `earlier` computed for the very briefs this library holds too (a reload
        keeps the briefs whose file and seed did not change): each brief is fingerprinted once."""
        for brief_id, version in earlier._versions.items():
            if earlier._by_id[brief_id] is self._by_id.get(brief_id):
                self._versions.setdefault(brief_id, version)

    def know_versions(self, versions: Mapping[str, str]) -> None:
        """Take content versions computed elsewhere (by the process that checked the briefs), by brief id,
        for the briefs this library holds."""
        for brief_id, version in versions.items():
            if brief_id in self._by_id:
                self._versions.setdefault(brief_id, version)

    def versions(self) -> dict[str, str]:
        """Every loaded brief's content version, by id (computed once: the loader asks while it checks)."""
        return {brief.id: version for brief in self.briefs if (version := self.version(brief.id)) is not None}

    @property
    def ids(self) -> list[str]:
        """Every brief id, newest first."""
        return [brief.id for brief in self.briefs]

    def brief_choices(self, typed: str, limit: int = 25) -> list[Brief]:
        """Briefs whose id or title matches `typed`, best first, then newest article first."""
        return self._indexes.ranked("brief_names", typed, limit=limit)

    def _scoped(self, scope: Brief | None) -> list[Brief]:
        return [scope] if scope is not None else self.by_article_date

    def people_names(self, typed: str, scope: Brief | None = None, limit: int = 25) -> list[str]:
        """Names of people in `scope` (or every brief), each once, ranked against `typed`."""
        if scope is None:
            return self._indexes.ranked("people_names", typed, limit=limit, unique=True)
        names = [person.name for person in scope.people]
        return ranked(typed, list(dict.fromkeys(names)), limit=limit)

    def aid_countries(self, typed: str, scope: Brief | None = None, limit: int = 25) -> list[str]:
        """Countries giving or receiving aid in `scope` (or every brief), ranked against `typed`."""
        if scope is None:
            return self._indexes.ranked("aid_names", typed, limit=limit, unique=True)
        return ranked(typed, aid_countries(scope), limit=limit)

    def loan_countries(self, typed: str, scope: Brief | None = None, limit: int = 25) -> list[str]:
        """Countries lending or borrowing in `scope` (or every brief), ranked against `typed`."""
        if scope is None:
            return self._indexes.ranked("loan_names", typed, limit=limit, unique=True)
        return ranked(typed, loan_countries(scope), limit=limit)

    def people(self, name: str | None, scope: Brief | None = None) -> Found[Person]:
        """`/who`: people matching `name` in `scope`, or in every brief, newest article first."""
        return self._across(name, scope, find_people, self._people_hits)

    def aid(self, country: str | None, scope: Brief | None = None) -> Found[AidFlow]:
        """`/aid`: flows where `country` gives or receives, in `scope` or every brief."""
        return self._across(
            country, scope, find_aid, lambda c: self._indexes.country_hits("aid_by_country", c)
        )

    def loans(self, country: str | None, scope: Brief | None = None) -> Found[Loan]:
        """`/loans`: loans where `country` lends or borrows, in `scope` or every brief."""
        return self._across(
            country, scope, find_loans, lambda c: self._indexes.country_hits("loans_by_country", c)
        )

    def events(self, scope: Brief | None = None) -> Found[Event]:
        """`/events`: every event of `scope`, or of every brief, newest article first."""
        return self._across(
            None, scope, lambda brief, _query: Matches(brief, None, list(brief.events)), lambda _q: {}
        )

    def _people_hits(self, name: str) -> Hits[Person]:
        """`find_people(brief, name).items` of every brief that has any, from one scan of the index."""
        by_brief: dict[str, list[tuple[int, int, Person]]] = {}
        # A brief's people are all in one block, so an index within the block orders them as the whole would.
        for block in self._indexes.blocks:
            found = block.people.containing(name, BY_NAME)
            for index, rank in found.items():
                brief, person = block.people.candidates[index]
                by_brief.setdefault(brief.id, []).append((rank, index, person))
        return {brief_id: [person for *_, person in sorted(hits)] for brief_id, hits in by_brief.items()}

    def _across(
        self,
        query: str | None,
        scope: Brief | None,
        find: Callable[[Brief, str | None], Matches[T]],
        hits: Callable[[str], Hits[T]],
    ) -> Found[T]:
        query = query if query and query.strip() else None
        searched = tuple(self._scoped(scope))
        if query is None:
            results = [find(brief, query) for brief in searched]
            return Found(query, searched, tuple(result for result in results if result.items), scope)
        found = hits(query)  # in article order, like `searched`
        if scope is None:
            groups = tuple(Matches(self._by_id[brief_id], query, items) for brief_id, items in found.items())
        else:
            groups = (Matches(scope, query, found[scope.id]),) if scope.id in found else ()
        if groups:
            return Found(query, searched, groups, scope)
        if scope is not None:
            elsewhere = tuple(b for b in self.by_article_date if b is not scope and b.id in found)
            if elsewhere:
                return Found(query, searched, (), scope, elsewhere)
        results = [find(brief, query) for brief in searched]  # nothing anywhere: what each brief suggests
        suggestions = list(dict.fromkeys(name for result in results for name in result.suggestions))
        typed_wanted = did_you_mean(query, suggestions) if len(results) > 1 else suggestions
        return Found(query, searched, (), scope, suggestions=tuple(typed_wanted))


@dataclass(frozen=True, slots=True)
class _Indexed:
    """What one brief gives the library's indexes, worked out once: its id's and title's searchable forms,
    its people by searchable name, its aid and loan countries (canonical, each with its searchable form), and
    its aid flows and loans under the folded canonical country of each side."""

    brief: Brief
    names: tuple[str, str]
    people: tuple[tuple[str, Person], ...]
    aid_names: tuple[tuple[str, str], ...]
    loan_names: tuple[tuple[str, str], ...]
    aid_keys: tuple[tuple[str, AidFlow], ...]
    loan_keys: tuple[tuple[str, Loan], ...]


BLOCK = 32  # briefs a block of the combined indexes holds (up to twice as many before it is split)


@dataclass(frozen=True, slots=True)
class _Block:
    """The combined indexes over a run of consecutive briefs (newest article first): what a lookup scans, one
    block after another. A reload builds again only the blocks where a brief changed."""

    entries: tuple[_Indexed, ...]
    brief_titles: list[str]
    brief_names: NameIndex[Brief]
    people: NameIndex[tuple[Brief, Person]]
    people_names: NameIndex[str]
    aid_names: NameIndex[str]
    loan_names: NameIndex[str]
    aid_by_country: dict[str, list[tuple[Brief, AidFlow]]]
    loans_by_country: dict[str, list[tuple[Brief, Loan]]]

    @classmethod
    def of(cls, entries: Sequence[_Indexed]) -> _Block:
        return cls(
            tuple(entries),
            [entry.names[1] for entry in entries],
            NameIndex(((entry.names, entry.brief) for entry in entries), folded=True),
            NameIndex(
                (((name,), (entry.brief, person)) for entry in entries for name, person in entry.people),
                folded=True,
            ),
            _names((person.name, name) for entry in entries for name, person in entry.people),
            _names(pair for entry in entries for pair in entry.aid_names),
            _names(pair for entry in entries for pair in entry.loan_names),
            _by_country_index((entry.brief, entry.aid_keys) for entry in entries),
            _by_country_index((entry.brief, entry.loan_keys) for entry in entries),
        )

    @property
    def last(self) -> tuple[date, date, str]:
        """The article order of the block's oldest brief (its last)."""
        return article_order(self.entries[-1].brief)


def _blocks(entries: Sequence[_Indexed]) -> list[_Block]:
    """`entries` (in article order) as blocks of BLOCK."""
    return [_Block.of(entries[at : at + BLOCK]) for at in range(0, len(entries), BLOCK)]


@dataclass(frozen=True, slots=True)
class _Indexes:
    """A library's lookup indexes, over its briefs newest article first, in blocks of consecutive briefs:
    every block but the ones a reload touched is shared with the library before it. What a lookup finds is
    what one index over every brief would find (the blocks are read in order and merged), whatever the
    blocks' sizes (tests/unit/test_library_incremental.py)."""

    entries: dict[str, _Indexed]  # brief id -> what it gives the indexes
    blocks: tuple[_Block, ...]

    @classmethod
    def of(cls, by_article_date: Sequence[Brief], earlier: Mapping[str, _Indexed]) -> _Indexes:
        """The indexes of these briefs; an entry of `earlier` is kept for the very brief it was made from."""
        entries: dict[str, _Indexed] = {}
        for brief in by_article_date:
            known = earlier.get(brief.id)
            entries[brief.id] = known if known is not None and known.brief is brief else _indexed(brief)
        return cls(entries, tuple(_blocks([entries[brief.id] for brief in by_article_date])))

    def updated(self, gone: Sequence[Brief], new: Sequence[Brief]) -> _Indexes:
        """These indexes without the briefs `gone` and with the briefs `new`: only the blocks that held a brief
        gone, or where a new one falls in article order, are built again (a block grown past twice BLOCK is
        split, an emptied one dropped)."""
        if not gone and not new:
            return self
        blocks = list(self.blocks)
        lasts = [_Descending(block.last) for block in blocks]
        edited: dict[int, list[_Indexed]] = {}

        def block_for(brief: Brief) -> int:
            # The first block whose oldest brief is not newer than `brief`: the brief falls inside it (or
            # between it and the block before), so the blocks stay in article order.
            at = bisect_left(lasts, _Descending(article_order(brief)))
            return min(at, len(blocks) - 1)

        entries = dict(self.entries)
        for brief in gone:
            entry = entries.pop(brief.id)
            number = block_for(brief)
            held = edited.setdefault(number, list(blocks[number].entries))
            held[:] = [each for each in held if each is not entry]
        for brief in new:
            entry = entries[brief.id] = _indexed(brief)
            if not blocks:
                edited.setdefault(0, []).append(entry)
                continue
            number = block_for(brief)
            edited.setdefault(number, list(blocks[number].entries)).append(entry)
        for number in sorted(edited, reverse=True):
            held = sorted(edited[number], key=lambda each: article_order(each.brief), reverse=True)
            size = len(held)
            parts = max(1, -(-size // BLOCK)) if size > 2 * BLOCK else 1
            pieces = [held[size * part // parts : size * (part + 1) // parts] for part in range(parts)]
            blocks[number : number + 1] = [_Block.of(piece) for piece in pieces if piece]
        return _Indexes(entries, tuple(blocks))

    def brief_titles(self) -> Iterable[str]:
        """Every brief's title, searchable, newest article first."""
        return (title for block in self.blocks for title in block.brief_titles)

    def ranked(self, index: str, typed: str, *, limit: int | None = None, unique: bool = False) -> list[Any]:
        """`NameIndex.ranked` over the blocks' index `index` as if it were one: best first, then in order;
        with `unique` (a list of names), each name once, where it first comes."""
        indexes: list[NameIndex[Any]] = [getattr(block, index) for block in self.blocks]
        if not typed.strip():
            return _first(
                (candidate for each in indexes for candidate in each.candidates), limit, unique=unique
            )
        scored: list[tuple[int, Any]] = []
        for each in indexes:
            found = each.containing(typed)
            scored += [(rank, each.candidates[position]) for position, rank in found.items()]
        if unique:  # the same name ranks alike wherever it comes: its first place is kept
            firsts: dict[Any, tuple[int, Any]] = {}
            for entry in scored:
                firsts.setdefault(entry[1], entry)
            scored = list(firsts.values())
        scored.sort(key=lambda entry: entry[0])
        return [candidate for _, candidate in scored[:limit]]

    def country_hits(self, index: str, country: str) -> Hits[Any]:
        """`_by_country(brief, …).items` of every brief that has any, from the blocks' index `index`."""
        key = fold(canonical_country(country))
        hits: Hits[Any] = {}
        for block in self.blocks:
            for brief, item in getattr(block, index).get(key, ()):
                hits.setdefault(brief.id, []).append(item)
        return hits

    def flat(self) -> dict[str, object]:
        """Every index as one index over the whole library would hold it (what the tests compare with
        indexes built from scratch)."""
        return {
            "titles": list(self.brief_titles()),
            "brief_names": [(entry.names, entry.brief.id) for b in self.blocks for entry in b.entries],
            "people": [(person.name, brief.id) for b in self.blocks for brief, person in b.people.candidates],
            "people_names": self.ranked("people_names", "", unique=True),
            "aid_names": self.ranked("aid_names", "", unique=True),
            "loan_names": self.ranked("loan_names", "", unique=True),
            "aid_by_country": _merged(b.aid_by_country for b in self.blocks),
            "loans_by_country": _merged(b.loans_by_country for b in self.blocks),
            "entries": sorted(self.entries),
        }


class _Descending:
    """A key that sorts the other way: bisection over lists kept newest first."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return bool(other.key < self.key)


def _take_out(ordered: list[Brief], brief: Brief, order: Callable[[Brief], Any]) -> None:
    """Remove `brief` (the very object) from `ordered`, a list sorted by `order` descending."""
    at = bisect_left(ordered, _Descending(order(brief)), key=lambda each: _Descending(order(each)))
    assert ordered[at] is brief, "a brief is where its order puts it"
    del ordered[at]


def _put_in(ordered: list[Brief], brief: Brief, order: Callable[[Brief], Any]) -> None:
    """Insert `brief` into `ordered`, a list sorted by `order` descending."""
    at = bisect_left(ordered, _Descending(order(brief)), key=lambda each: _Descending(order(each)))
    ordered.insert(at, brief)


def _first(candidates: Iterable[T], limit: int | None, *, unique: bool) -> list[T]:
    taken: list[T] = []
    seen: set[T] = set()
    for candidate in candidates:
        if limit is not None and len(taken) >= limit:
            break
        if unique:
            if candidate in seen:
                continue
            seen.add(candidate)
        taken.append(candidate)
    return taken


def _merged(indexes: Iterable[Mapping[str, list[tuple[Brief, Any]]]]) -> dict[str, list[tuple[str, Any]]]:
    merged: dict[str, list[tuple[str, Any]]] = {}
    for index in indexes:
        for key, pairs in index.items():
            merged.setdefault(key, []).extend((brief.id, item) for brief, item in pairs)
    return dict(sorted(merged.items()))


def _indexed(brief: Brief) -> _Indexed:
    return _Indexed(
        brief,
        (searchable(brief.id), searchable(brief.title)),
        tuple((searchable(person.name), person) for person in brief.people),
        tuple((name, searchable(name)) for name in aid_countries(brief)),
        tuple((name, searchable(name)) for name in loan_countries(brief)),
        _country_keys(brief.aid, ("donor", "recipient")),
        _country_keys(brief.loans, ("lender", "borrower")),
    )


def _country_keys(items: Sequence[T], sides: tuple[str, str]) -> tuple[tuple[str, T], ...]:
    """Each item under the folded canonical country of each of its sides (once when both are the same)."""
    return tuple(
        (key, item)
        for item in items
        for key in dict.fromkeys(fold(canonical_country(str(getattr(item, side)))) for side in sides)
    )


def _names(names: Iterable[tuple[str, str]]) -> NameIndex[str]:
    """Each name (given with its searchable form) once, in order: the index autocomplete ranks."""
    unique: dict[str, str] = {}
    for name, folded in names:
        unique.setdefault(name, folded)
    return NameIndex((((folded,), name) for name, folded in unique.items()), folded=True)


def _by_country_index(
    entries: Iterable[tuple[Brief, Sequence[tuple[str, T]]]],
) -> dict[str, list[tuple[Brief, T]]]:
    """Folded canonical country -> the (brief, item) pairs where it stands on either side, in order."""
    index: dict[str, list[tuple[Brief, T]]] = {}
    for brief, keys in entries:
        for key, item in keys:
            index.setdefault(key, []).append((brief, item))
    return index


def _brief_names(brief: Brief) -> tuple[str, str]:
    return brief.id, brief.title


def _person_names(person: Person) -> tuple[str]:
    return (person.name,)


def find_people(brief: Brief, name: str | None = None) -> Matches[Person]:
    """People whose name matches `name` (all people when it is empty), best matches first."""
    if not name or not name.strip():
        return Matches(brief, None, list(brief.people))
    people = ranked(name, brief.people, names=_person_names, worst=BY_NAME)
    if people:
        return Matches(brief, name, people)
    suggestions = did_you_mean(name, brief.people, names=_person_names, worst=BY_NAME)
    return Matches(brief, name, [], [person.name for person in suggestions])


def aid_countries(brief: Brief) -> list[str]:
    """Every country giving or receiving aid in the brief, canonical, in order."""
    names = [canonical_country(side) for flow in brief.aid for side in (flow.donor, flow.recipient)]
    return list(dict.fromkeys(names))


def loan_countries(brief: Brief) -> list[str]:
    """Every country lending or borrowing in the brief, canonical, in order."""
    names = [canonical_country(side) for loan in brief.loans for side in (loan.lender, loan.borrower)]
    return list(dict.fromkeys(names))


def countries(brief: Brief) -> list[str]:
    """Every country named on either side of the brief's aid flows and loans, canonical, in order."""
    return list(dict.fromkeys([*aid_countries(brief), *loan_countries(brief)]))


def _by_country(
    brief: Brief,
    items: Sequence[T],
    sides: tuple[str, str],
    country: str | None,
    known: Callable[[Brief], list[str]],
) -> Matches[T]:
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
    # Only names that would match: a country of these items, not of the brief's other sections.
    return Matches(brief, country, [], did_you_mean(country, known(brief)))


def find_aid(brief: Brief, country: str | None = None) -> Matches[AidFlow]:
    """Aid flows where `country` gives or receives (all flows when it is empty)."""
    return _by_country(brief, brief.aid, ("donor", "recipient"), country, aid_countries)


def find_loans(brief: Brief, country: str | None = None) -> Matches[Loan]:
    """Loans where `country` lends or borrows (all loans when it is empty)."""
    return _by_country(brief, brief.loans, ("lender", "borrower"), country, loan_countries)
