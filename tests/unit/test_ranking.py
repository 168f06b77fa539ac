"""The one ranking rule behind every autocomplete and "did you mean"."""

from __future__ import annotations

import pytest

from bot.briefs.ranking import Match, did_you_mean, match, ranked

PEOPLE = ["Benny Gantz", "Naftali Bennett", "Alex Ben-Zvi", "Yair Lapid"]


@pytest.mark.parametrize(
    ("typed", "name", "expected"),
    [
        ("Benny Gantz", "Benny Gantz", Match.EXACT),
        ("benny gantz", "Benny  Gantz", Match.EXACT),
        ("ben", "Alex Ben-Zvi", Match.EXACT_WORD),
        ("ben zvi", "Alex Ben-Zvi", Match.EXACT_WORD),
        ("ben", "Benny Gantz", Match.PREFIX),
        ("europe/b", "Europe/Berlin", Match.PREFIX),
        ("ben", "Naftali Bennett", Match.WORD),
        ("new yo", "America/New_York", Match.WORD),
        ("ntz", "Benny Gantz", Match.INSIDE),
        ("zzz", "Benny Gantz", None),
        ("", "Benny Gantz", Match.INSIDE),
    ],
)
def test_match_tiers(typed: str, name: str, expected: Match | None) -> None:
    assert match(typed, name) == expected


def test_case_and_accents_do_not_matter() -> None:
    assert match("BÉNNETT", "Naftali Bennett") == Match.EXACT_WORD
    assert match("bennett", "Naftali Bénnett") == Match.EXACT_WORD


def test_best_first_ties_in_given_order() -> None:
    assert ranked("ben", PEOPLE) == ["Alex Ben-Zvi", "Benny Gantz", "Naftali Bennett"]
    assert ranked("ga", ["Yoga", "Gantz B", "Gavin A"]) == ["Gantz B", "Gavin A", "Yoga"]
    assert ranked("", PEOPLE) == PEOPLE
    assert ranked("", PEOPLE, limit=2) == PEOPLE[:2]


def test_candidates_rank_by_their_best_name() -> None:
    briefs = [("old-gantz", "Gantz speaks"), ("gantz", "Another title"), ("other", "About Gantz")]
    found = ranked("gantz", briefs, names=lambda brief: brief)
    assert found == [("gantz", "Another title"), ("old-gantz", "Gantz speaks"), ("other", "About Gantz")]


def test_did_you_mean_prefers_matches_then_typos() -> None:
    assert did_you_mean("isr", ["Ukraine", "Israel"]) == ["Israel"]
    assert did_you_mean("Japn", ["Israel", "Ukraine", "Japan", "Canada"]) == ["Japan"]
    # A typo of one word of a name suggests the whole name.
    assert did_you_mean("Benet", PEOPLE)[0] == "Naftali Bennett"
    assert did_you_mean("qqqq", PEOPLE) == []
    assert len(did_you_mean("e", PEOPLE * 2, limit=3)) == 3


def test_only_punctuation_typed_matches_and_suggests_nothing() -> None:
    # Punctuation is read as a word break, so "-" holds nothing to match on: not "everyone".
    assert match("-", "Alex Ben-Zvi") is None
    assert ranked(" - ", PEOPLE) == []
    assert did_you_mean("--", PEOPLE) == []
    assert ranked("   ", PEOPLE) == PEOPLE  # nothing typed at all: everyone
