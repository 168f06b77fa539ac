"""A deal's `when` is its own time, as its own words tell it (TASK-when B, REPORT-hostile16 F8): not the time of
another sum or another verb of its sentence ("$90 million last year and $20 million this year", "the fuel it had
promised on Monday"), nor a day cut from the deadline it stands in ("no later than Monday"); and a time that opens
the sentence whole ("Since March, …") is the verb's.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta).
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article


def _flow_refused(sentence: str, when: str, verb: str = "sent", item: str = "fuel") -> list[str]:
    return refused(_article(sentence), aid=[_deal_flow("Norland", item, verb, sentence, when=when)])


def _loan_refused(sentence: str, when: str) -> list[str]:
    return refused(
        _article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence, when=when)]
    )


# ------------------------------------------------------------------ a time that bounds, not places

DEADLINES = (
    ("Norland sent fuel to Estria no later than Monday.", "Monday"),
    ("Norland sent fuel to Estria no earlier than Monday.", "Monday"),
    ("Norland sent fuel to Estria in time for Monday.", "Monday"),
    ("Norland sent fuel to Estria prior to Monday.", "Monday"),
    ("Norland sent fuel to Estria ahead of Monday's vote.", "Monday"),
    ("Norland sent fuel to Estria within a week of Monday.", "Monday"),
    ("Norland sent fuel to Estria from Monday to Friday.", "Friday"),
    ("Norland sent fuel to Estria by Monday.", "Monday"),
    ("Norland sent fuel to Estria until Monday.", "Monday"),
)


@pytest.mark.parametrize(("sentence", "when"), DEADLINES)
def test_a_day_cut_from_its_bound_is_refused(sentence: str, when: str) -> None:
    assert _flow_refused(sentence, when) == ["aid[0].when"]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Norland sent fuel to Estria no later than Monday.", "no later than Monday"),
        ("Norland sent fuel to Estria in time for Monday.", "in time for Monday"),
        ("Norland sent fuel to Estria by Monday.", "by Monday"),
        ("Norland sent fuel to Estria before Monday.", "before Monday"),
        ("Norland sent fuel to Estria ahead of Monday's vote.", "ahead of Monday's vote"),
        ("Norland sent fuel to Estria prior to Monday.", "prior to Monday"),
        ("Norland sent fuel to Estria on Monday.", "on Monday"),
        ("Norland sent fuel to Estria on Monday.", "Monday"),
        ("Norland sent fuel to Estria at the end of May.", "at the end of May"),
    ],
)
def test_the_bound_written_whole_passes(sentence: str, when: str) -> None:
    assert _flow_refused(sentence, when) == []


# ------------------------------------------------------------------ plain prose with its own time


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Norland sent fuel to Estria on Monday.", "on Monday"),
        ("Norland sent Estria fuel on Monday.", "on Monday"),
        ("Norland sent the fuel to Estria on Monday.", "on Monday"),
        ("Norland sent fuel and food to Estria by sea on Monday.", "on Monday"),
        ("Norland sent fuel, food and medicine to Estria on Monday.", "on Monday"),
        ("Norland sent fuel to Estria by sea and by air on Monday.", "on Monday"),
        ("Norland sent fuel to Estria on Monday and food to Vesta on Tuesday.", "on Monday"),
        ("Norland sent fuel to Estria in the week to Monday.", "in the week to Monday"),
    ],
)
def test_a_giving_told_with_its_own_time_passes(sentence: str, when: str) -> None:
    assert _flow_refused(sentence, when) == []


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("Norland sent armoured vehicles to Estria on Monday.", "armoured vehicles"),
        ("Norland sent used trucks to Estria on Monday.", "used trucks"),
        ("Norland sent frozen food to Estria on Monday.", "frozen food"),
        ("Norland sent ten trucks to Estria on Monday.", "ten trucks"),
    ],
)
def test_an_item_its_adjective_a_participle_passes(sentence: str, item: str) -> None:
    assert _flow_refused(sentence, "on Monday", item=item) == []


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Norland lent Estria $90 million on Monday.", "on Monday"),
        ("Norland lent Estria $90 million last year and $20 million this year.", "last year"),
        ("Norland lent Estria $90 million in loans last year.", "last year"),
        ("Norland lent $90 million to Estria in 2019.", "in 2019"),
    ],
)
def test_a_loan_told_with_its_own_time_passes(sentence: str, when: str) -> None:
    assert _loan_refused(sentence, when) == []


# ------------------------------------------------------------------ a time opening the sentence


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Since March, Norland has sent fuel to Estria.", "Since March"),
        ("Last year, Norland has sent fuel to Estria.", "Last year"),
        ("Until May, Norland has sent fuel to Estria.", "Until May"),
    ],
)
def test_a_time_opening_the_sentence_whole_is_the_verbs(sentence: str, when: str) -> None:
    assert _flow_refused(sentence, when, verb="has sent") == []


def test_a_time_of_an_event_opening_the_sentence_is_still_refused() -> None:
    sentence = "Since the vote in March, Norland has sent fuel to Estria."
    assert _flow_refused(sentence, "March", verb="has sent") != []


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Norland sent fuel to Estria on Monday or Tuesday.", "Monday"),
        ("Norland sent fuel to Estria on Monday or Tuesday.", "on Monday"),
        ("Norland sent fuel to Estria in March and April.", "March"),
    ],
)
def test_one_of_two_times_told_together_is_cut(sentence: str, when: str) -> None:
    assert _flow_refused(sentence, when) == ["aid[0].when"]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Norland sent fuel to Estria on Monday and Vesta sent food on Tuesday.", "on Monday"),
        ("Norland sent fuel to Estria on Monday and food to Vesta.", "on Monday"),
    ],
)
def test_a_time_told_whole_beside_a_conjunction_passes(sentence: str, when: str) -> None:
    assert _flow_refused(sentence, when) == []
