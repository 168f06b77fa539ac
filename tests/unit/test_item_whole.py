"""HOSTILE-11 B2, B3, B4, A6: an item is the whole of what was given, told as the article's own words.

"Norland sent fuel tankers to Estria." gave tankers, not fuel; "Norland sent “fuel” to Estria." sets the word apart
as someone else's; "In theory, Norland sent fuel" and "a so-called $9 million" hedge what follows.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("Norland sent fuel tankers to Estria.", "fuel"),
        ("Norland sent patrol boats to Estria.", "patrol"),
        ("Norland sent fuel, rope and net menders to Estria.", "net"),
    ],
)
def test_an_item_cut_from_the_noun_it_modifies_is_refused(sentence: str, item: str) -> None:
    flow = _deal_flow("Norland", item, "sent", sentence)
    if item == "net":
        flow = {**flow, "items": ["fuel", "rope", "net"]}
    found = refused(_article(sentence), aid=[flow])
    assert any(where.startswith("aid[0].items") for where in found), found


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("Norland sent fuel tankers to Estria.", "fuel tankers"),
        ("Norland sent fuel to Estria on Monday.", "fuel"),
        ("Norland sent Estria fuel yesterday.", "fuel"),
        ("Norland sent fuel last week to Estria.", "fuel"),
    ],
)
def test_a_whole_item_still_passes(sentence: str, item: str) -> None:
    flow = _deal_flow("Norland", item, "sent", sentence)
    assert refused(_article(sentence), aid=[flow]) == []


def test_an_item_in_scare_quotes_is_refused() -> None:
    sentence = "Norland sent “fuel” to Estria."
    found = refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)])
    assert "aid[0].items[0]" in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "In theory, Norland sent fuel to Estria.",
        "In principle, Norland sent fuel to Estria.",
        "Technically, Norland sent fuel to Estria.",
    ],
)
def test_a_hedging_opening_needs_an_attribution(sentence: str) -> None:
    found = refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)])
    assert "aid[0].attribution" in found, found


@pytest.mark.parametrize("hedge", ["so-called", "supposed", "purported", "alleged"])
def test_a_hedge_before_the_amount_is_refused(hedge: str) -> None:
    sentence = f"Norland lent Estria a {hedge} $9 million."
    found = refused(_article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)])
    assert found != [] and any(w in ("loans[0].attribution", "loans[0].as_written") for w in found), found


@pytest.mark.parametrize("hedge", ["supposed", "alleged", "purported", "would-be"])
def test_an_adjective_of_doubt_before_the_item_needs_an_attribution(hedge: str) -> None:
    sentence = f"Norland sent {hedge} fuel to Estria."
    found = refused(_article(sentence), aid=[_deal_flow("Norland", f"{hedge} fuel", "sent", sentence)])
    assert "aid[0].attribution" in found, found
    covered = _deal_flow(
        "Norland", f"{hedge} fuel", "sent", sentence, attribution={"text": hedge, "role": "hedge"}
    )
    assert "aid[0].attribution" not in refused(_article(sentence), aid=[covered])


@pytest.mark.parametrize("hedge", ["so-called", "purported"])
def test_a_hedged_amount_written_whole_needs_an_attribution(hedge: str) -> None:
    """HOSTILE-11 A6: with the hedge kept in as_written ("a so-called $9 million") the sum is no longer cut, and the
    hedge must still be shown beside it."""
    sentence = f"Norland lent Estria a {hedge} $9 million."
    loan = _deal_loan("Norland", f"a {hedge} $9 million", "lent", sentence)
    assert "loans[0].attribution" in refused(_article(sentence), loans=[loan])
    covered = {**loan, "attribution": {"text": hedge, "role": "hedge"}}
    assert refused(_article(sentence), loans=[covered]) == []
