"""A particle verb read with its particle after its object, to the clause's end (TASK-verbs 2, HOSTILE-14 J5).

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked, refused

GIVEN = "Norland sent fuel to Estria on Monday."


def _article(after: str) -> str:
    return f"Fuel for Estria\n\n{GIVEN} {after}\nEstria Harbour News staff contributed to this report.\n"


@pytest.mark.parametrize(
    "after",
    [
        "Norland took the fuel away again.",
        "Norland called the whole thing off.",
        "Norland called it off.",
        "Norland called the deal off on Monday.",
        "Norland sent the tankers away.",
        "Norland turned the tankers around.",
        "Norland turned the tankers round on Tuesday.",
        "Norland turned the tankers back.",
        "Norland handed none of it over.",
    ],
)
def test_a_next_sentence_that_undoes_the_giving_with_a_particle_verb_leaves_it_unread(after: str) -> None:
    """A next sentence such as "Norland called the whole thing off." passed: particle verbs were read only in a
    later clause of the giving's own sentence, with the particle at most three words after the verb."""
    found = checked(_article(after), aid=[_deal_flow("Norland", "fuel", "sent", GIVEN)])[1]
    assert [item for item, _ in found] == ["aid[0].status"]
    assert after in found[0][1]


def test_a_later_clause_reads_the_particle_past_a_long_object() -> None:
    given = "Norland sent fuel to Estria on Monday, then called the whole shipment off."
    text = f"Fuel for Estria\n\n{given}\nEstria Harbour News staff contributed to this report.\n"
    assert refused(text, aid=[_deal_flow("Norland", "fuel", "sent", given)]) == ["aid[0].status"]


@pytest.mark.parametrize(
    "after",
    [
        "Norland called for more talks.",
        "Norland took the fuel to Mirren.",
        "Norland held the fuel in tanks off the coast.",
        "Norland cut prices.",
        "The tankers drove out of the port on Tuesday.",
    ],
)
def test_a_preposition_with_its_own_object_is_no_particle(after: str) -> None:
    """Guard: past the verb's next three words, a particle with a noun after it is a preposition ("… off the
    coast"), and the giving stays done."""
    assert refused(_article(after), aid=[_deal_flow("Norland", "fuel", "sent", GIVEN)]) == []
