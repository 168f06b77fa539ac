"""The library's indexes answer exactly as asking each brief would: the same groups, items and order."""

from __future__ import annotations

import pytest

from bot.briefs.loader import LoadResult
from bot.briefs.lookup import Library, find_aid, find_loans, find_people
from bot.briefs.ranking import ranked

QUERIES = [
    "bennett",
    "BEN",
    "quill",
    "mara q",
    "tarn",
    "ntz",
    "nobody",
    "!!!",
    " ",
    "zvi",
    "Ukraine",
    "japan",
    "US",
    "valdoria",
    "Ostmark",
    "Israeli",
    "kyiv",
    "germ",
]


def per_brief(library: Library, find: object, query: str) -> list[tuple[str, list[object]]]:
    assert callable(find)
    found = [(brief.id, find(brief, query).items) for brief in library.by_article_date]
    return [(brief_id, items) for brief_id, items in found if items]


@pytest.mark.parametrize("query", QUERIES)
def test_people_aid_and_loans_across_the_library_are_each_briefs_own(
    newsroom: LoadResult, query: str
) -> None:
    library = newsroom.library
    for lookup, find in ((library.people, find_people), (library.aid, find_aid), (library.loans, find_loans)):
        found = lookup(query)
        assert [(g.brief.id, g.items) for g in found.groups] == per_brief(library, find, query), lookup
        for brief in library.by_article_date:  # within one brief, and "found elsewhere" beside it
            scoped = lookup(query, brief)
            assert [g.items for g in scoped.groups] == [
                i for b, i in per_brief(library, find, query) if b == brief.id
            ]
            if not scoped.groups and query.strip():
                assert [b.id for b in scoped.elsewhere] == [b for b, _ in per_brief(library, find, query)]


@pytest.mark.parametrize("typed", ["", "b", "BEN", "o", "ia", "fixture", "israel sends", "harb", "zzz"])
def test_autocomplete_ranks_as_ranking_does(newsroom: LoadResult, typed: str) -> None:
    library = newsroom.library
    people = list(dict.fromkeys(p.name for b in library.by_article_date for p in b.people))
    assert library.people_names(typed) == ranked(typed, people, limit=25)
    briefs = ranked(typed, library.by_article_date, names=lambda b: (b.id, b.title), limit=25)
    assert library.brief_choices(typed) == briefs


def test_a_library_indexed_when_first_asked_answers_as_one_indexed_at_once(newsroom: LoadResult) -> None:
    briefs = newsroom.library.briefs
    eager, lazy = Library(briefs), Library(briefs, indexed=False)
    assert eager.is_indexed and not lazy.is_indexed  # `briefbot check` builds no index it never uses
    assert lazy.ids == eager.ids and lazy.by_article_date == eager.by_article_date
    for query in QUERIES:
        for lookup in ("people", "aid", "loans"):
            found, expected = getattr(lazy, lookup)(query), getattr(eager, lookup)(query)
            assert [(g.brief.id, g.items) for g in found.groups] == [
                (g.brief.id, g.items) for g in expected.groups
            ]
        assert lazy.people_names(query) == eager.people_names(query)
        assert lazy.brief_choices(query) == eager.brief_choices(query)
    assert lazy.is_indexed
