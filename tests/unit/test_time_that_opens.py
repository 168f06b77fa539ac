"""A time that opens its sentence dates what the sentence tells (REPORT-hostile16 W1): "On Monday, Norland lent
Estria $90 million." is news's commonest way to date a giving, and `when = "Monday"` was refused as "not written
in the clause of “lent”". A time told by an event, or before someone's saying, still dates only that.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused


def _article(sentence: str) -> str:
    return f"Fuel for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


def _loan(sentence: str, when: str, **more: Any) -> list[str]:
    return refused(
        _article(sentence),
        loans=[{**_deal_loan("Norland", "$90 million", "lent", sentence), "when": when, **more}],
    )


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("On Monday, Norland lent Estria $90 million.", "Monday"),
        ("On Monday, Norland lent Estria $90 million.", "On Monday"),
        ("In 2019, Norland lent Estria $90 million.", "2019"),
        ("Last year, Norland lent Estria $90 million.", "Last year"),
        ("Earlier this month, Norland lent Estria $90 million.", "Earlier this month"),
    ],
)
def test_a_time_that_opens_the_sentence_dates_its_loan(sentence: str, when: str) -> None:
    assert _loan(sentence, when) == []


def test_a_time_that_opens_the_sentence_dates_its_giving() -> None:
    sentence = "Last year, Norland sent fuel to Estria."
    flow = {**_deal_flow("Norland", "fuel", "sent", sentence), "when": "Last year"}
    assert refused(_article(sentence), aid=[flow]) == []


@pytest.mark.parametrize(
    ("sentence", "when", "more"),
    [
        # the time of the saying, not of the lending
        ("On Monday, Vesta said Norland lent Estria $90 million.", "Monday", {"attribution": "Vesta said"}),
        ("On Monday, Norland said it lent Estria $90 million.", "Monday", {"attribution": "Norland said"}),
        # a time told by an event dates the event ("the vote on Monday", "two days after the flood")
        ("Before the vote on Monday, Norland lent Estria $90 million.", "Monday", {}),
        ("Before the vote on Monday, Norland lent Estria $90 million.", "Before the vote on Monday", {}),
        ("Two days after the flood, Norland lent Estria $90 million.", "Two days", {}),
        # a bound is kept with its time
        ("By Monday, Norland lent Estria $90 million.", "Monday", {}),
    ],
)
def test_a_time_of_another_telling_or_cut_from_its_bound_is_still_refused(
    sentence: str, when: str, more: dict[str, Any]
) -> None:
    assert "loans[0].when" in _loan(sentence, when, **more)
