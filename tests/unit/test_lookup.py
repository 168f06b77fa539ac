from __future__ import annotations

import pytest

from bot.briefs.loader import LoadResult
from bot.briefs.lookup import (
    Library,
    UnknownBrief,
    canonical_country,
    countries,
    find_aid,
    find_loans,
    find_people,
)
from bot.briefs.models import Brief
from bot.briefs.money import Money


@pytest.fixture
def brief(shipped: LoadResult) -> Brief:
    return shipped.library.get()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bennett", "Naftali Bennett"),
        ("Gantz", "Benny Gantz"),
        ("LAPID", "Yair Lapid"),
        ("naftali", "Naftali Bennett"),
        ("Ben-Zvi", "Alex Ben-Zvi"),
        ("zvi", "Alex Ben-Zvi"),
        ("korniychuk", "Yevgen Korniychuk"),
        ("Lloyd Austin", "Lloyd Austin"),
    ],
)
def test_people_by_partial_case_insensitive_name(brief: Brief, query: str, expected: str) -> None:
    assert find_people(brief, query).items[0].name == expected


def test_accents_do_not_matter(brief: Brief) -> None:
    assert find_people(brief, "Bénnett").items[0].name == "Naftali Bennett"


def test_best_match_first(brief: Brief) -> None:
    # "ben" is a whole part of "Ben-Zvi", and only the start of "Benny" and "Bennett".
    names = [p.name for p in find_people(brief, "ben").items]
    assert names[0] == "Alex Ben-Zvi"
    assert set(names) == {"Alex Ben-Zvi", "Naftali Bennett", "Benny Gantz"}


def test_no_match_suggests_nearest(brief: Brief) -> None:
    found = find_people(brief, "Benet")
    assert found.items == []
    assert "Naftali Bennett" in found.suggestions


def test_everyone_without_a_name(brief: Brief) -> None:
    assert len(find_people(brief, None).items) == len(brief.people) == 8


@pytest.mark.parametrize("alias", ["US", "USA", "United States", "u.s.", "America"])
def test_country_aliases(brief: Brief, alias: str) -> None:
    assert canonical_country(alias) == "United States"
    flows = find_aid(brief, alias).items
    assert [(f.donor, f.kind) for f in flows] == [("United States", "military")]


def test_loans_by_country_on_either_side(brief: Brief) -> None:
    assert [loan.amount for loan in find_loans(brief, "japan").items] == [600_000_000]
    assert len(find_loans(brief, "Ukraine").items) == 4  # the borrower of every loan
    israel = find_loans(brief, "Israeli").items
    assert [(loan.lender, loan.amount, loan.currency, loan.status) for loan in israel] == [
        ("Israel", 500_000_000, "dollars", "requested")
    ]


def test_unknown_country_suggests(brief: Brief) -> None:
    found = find_loans(brief, "Japn")
    assert found.items == [] and found.suggestions == ["Japan"]


def test_every_loan_of_the_article(brief: Brief) -> None:
    loans = {(loan.lender, loan.borrower, loan.money, loan.status) for loan in brief.loans}
    assert loans == {
        ("Israel", "Ukraine", Money(500_000_000, "dollars", "half-a-billion dollars"), "requested"),
        ("Japan", "Ukraine", Money(600_000_000, "dollars", "$600 million"), "provided"),
        ("Germany", "Ukraine", Money(300_000_000, "EUR", "€300 million"), "provided"),
        ("Canada", "Ukraine", Money(800_000_000, "dollars", "$800 million"), "provided"),
    }


def test_what_israel_has_not_given(brief: Brief) -> None:
    withheld = [f for f in find_aid(brief, "Israel").items if f.status == "not provided"]
    assert [f.kind for f in withheld] == ["military"]


def test_countries_for_autocomplete(brief: Brief) -> None:
    assert {"Israel", "Ukraine", "United States", "Japan", "Germany", "Canada"} <= set(countries(brief))


def test_newest_is_default_and_unknown_brief_suggests(brief: Brief) -> None:
    older = brief.model_copy(update={"id": "older-one", "added": brief.added.replace(year=2020)})
    library = Library([older, brief])
    assert library.get().id == brief.id
    assert library.get("older-one") is older
    assert library.get("older-on") is older  # a unique prefix
    with pytest.raises(UnknownBrief) as missing:
        library.get("oldre-one")
    assert missing.value.suggestions == [older]
