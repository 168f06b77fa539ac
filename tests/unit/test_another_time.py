"""A deal's `when` is its own verb's time (TASK-when B, REPORT-hostile16 F8): not the time of another sum or
another verb of its sentence ("$90 million last year and $20 million this year", "the fuel it had promised on
Monday", "in a deal signed in 2019"). Guards of plain prose are in test_own_time.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta).
"""

from __future__ import annotations

import pytest

from tests.unit.test_own_time import _flow_refused, _loan_refused
from tests.unit.test_sixth_reading import _deal_flow, checked
from tests.unit.test_undone_giving import _article

OTHERS = (
    ("Norland sent Estria the fuel it had promised on Monday.", "Monday"),
    ("Norland sent Estria the fuel promised on Monday.", "Monday"),
    ("Norland sent Estria the fuel it bought in 2019.", "in 2019"),
    ("Norland sent Estria the fuel Vesta had promised on Monday.", "on Monday"),
    ("Norland sent fuel to Estria two days after Vesta did on Monday.", "Monday"),
    ("Norland sent fuel to Estria on Monday and food to Vesta on Tuesday.", "on Tuesday"),
)


@pytest.mark.parametrize(("sentence", "when"), OTHERS)
def test_the_time_of_another_verb_is_refused(sentence: str, when: str) -> None:
    assert "aid[0].when" in _flow_refused(sentence, when)


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Norland lent Estria $90 million last year and $20 million this year.", "this year"),
        ("Norland lent Estria $90 million in a deal signed in 2019.", "in 2019"),
        ("Norland lent Estria $90 million, first agreed in 2019.", "in 2019"),
    ],
)
def test_the_time_of_another_sum_or_verb_is_refused_for_a_loan(sentence: str, when: str) -> None:
    assert "loans[0].when" in _loan_refused(sentence, when)


def test_the_message_names_what_the_time_belongs_to() -> None:
    sentence = "Norland sent Estria the fuel it had promised on Monday."
    found = dict(
        checked(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence, when="Monday")])[1]
    )
    assert "promised" in found["aid[0].when"] and "leave `when` out" in found["aid[0].when"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent the requested fuel to Estria on Monday.",
        "Norland sent fuel to besieged Estria on Monday.",
        "Norland sent fuel to Estria's damaged port on Monday.",
        "Norland sent fuel to Estria via its shared border on Monday.",
    ],
)
def test_a_participle_before_its_noun_leaves_the_time_the_verbs(sentence: str) -> None:
    """A participle before a noun is the noun's adjective, not a verb of its own: other rules may read the word,
    but the time stays the giving's."""
    assert "aid[0].when" not in _flow_refused(sentence, "on Monday")
