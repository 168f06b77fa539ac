"""A place or a means the article names only to deny it is not where or how a giving was done (REPORT-hostile16
F7): "Norland sent fuel to Estria at Mirren, not at Dunmore." was accepted with `where = "at Dunmore"`, and "by
air, not by sea" with `how = "by sea"`, as the sixth reading already refused a party or a sum so denied.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Mirren,
Dunmore).
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused


def _article(sentence: str) -> str:
    return f"Fuel for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


def _aid(sentence: str, field: str, value: str) -> list[str]:
    return refused(
        _article(sentence), aid=[{**_deal_flow("Norland", "fuel", "sent", sentence), field: value}]
    )


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("Norland sent fuel to Estria at Mirren, not at Dunmore.", "where", "at Dunmore"),
        ("Norland sent fuel to Estria at Dunmore rather than at Mirren.", "where", "at Mirren"),
        ("Norland sent fuel to Estria in Mirren instead of in Dunmore.", "where", "in Dunmore"),
        ("Norland sent fuel to Estria by air, not by sea.", "how", "by sea"),
        ("Norland sent fuel to Estria by sea rather than by air.", "how", "by air"),
    ],
)
def test_a_where_or_how_named_to_deny_it_is_refused(sentence: str, field: str, value: str) -> None:
    assert refused(
        _article(sentence), aid=[{**_deal_flow("Norland", "fuel", "sent", sentence), field: value}]
    ) == [f"aid[0].{field}"]


def test_a_loans_place_named_to_deny_it_is_refused() -> None:
    sentence = "Norland lent Estria $90 million in Mirren, not in Dunmore."
    loan = {**_deal_loan("Norland", "$90 million", "lent", sentence), "where": "in Dunmore"}
    assert refused(_article(sentence), loans=[loan]) == ["loans[0].where"]
    assert refused(_article(sentence), loans=[{**loan, "where": "in Mirren"}]) == []


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("Norland sent fuel to Estria at Mirren, not at Dunmore.", "where", "at Mirren"),
        ("Norland sent fuel to Estria by air, not by sea.", "how", "by air"),
        ("Norland sent fuel to Estria not only by sea but by air.", "how", "by sea"),
    ],
)
def test_the_place_or_means_the_article_says_still_passes(sentence: str, field: str, value: str) -> None:
    assert _aid(sentence, field, value) == []


@pytest.mark.parametrize(
    ("sentence", "where", "denied"),
    [
        ("The ferry sank in Mirren, not in Dunmore.", "in Dunmore", True),
        ("The ferry sank in Mirren rather than in Dunmore.", "in Dunmore", True),
        ("The ferry sank in Mirren, not in Dunmore.", "in Mirren", False),
        ("The ferry sank in Mirren on Monday.", "in Mirren", False),
    ],
)
def test_an_events_place_named_to_deny_it_is_refused(sentence: str, where: str, denied: bool) -> None:
    """HOSTILE-16 F7 for events: a `where` with its own preposition ("in Dunmore") returned before the words
    before it were read."""
    event = {"what": "The ferry sank", "where": where, "evidence": [sentence]}
    assert ("events[0].where" in refused(_article(sentence), events=[event])) is denied
