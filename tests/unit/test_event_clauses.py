"""An event's time told by another clause of its sentence, and an event undone by a verb with its particle after
its object (HOSTILE-14 J1, J2, J5), each on a one-sentence article written for these tests.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta, Oster);
none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked
from tests.unit.test_undone_giving import _article

TALKS = "Oster held talks"


def _event(sentence: str, **fields: Any) -> list[str]:
    event = {"what": TALKS, "evidence": [sentence], **fields}
    return [item for item, _ in checked(_article(sentence), events=[event])[1]]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Oster held talks in Vesta, like he did on Monday.", "Monday"),
        ("Oster held talks in Vesta and will do so again on Monday.", "Monday"),
        ("Oster held talks in Vesta, and will again on Monday.", "Monday"),
    ],
)
def test_a_time_told_by_a_clause_of_its_own_is_not_the_events(sentence: str, when: str) -> None:
    """HOSTILE-14 J1, J2: "… like he did on Monday" (an earlier occasion) and "… and will do so again on
    Monday" (one still to come) were accepted as the talks' time: the time stands after a subject pronoun or an
    auxiliary, which opens a clause of its own (fail closed)."""
    assert "events[0].when" in _event(sentence, when=when)


@pytest.mark.parametrize(
    "sentence",
    [
        "Oster held talks in Vesta on Monday, then called them off.",
        "Oster held talks in Vesta on Monday and later broke the talks off.",
    ],
)
def test_an_event_its_sentence_undoes_by_a_verb_and_its_particle_is_not_done(sentence: str) -> None:
    """HOSTILE-14 J5: "…, then called them off." was accepted (the list knew "called off" only with nothing
    between the verb and its particle)."""
    assert "events[0].what" in _event(sentence, when="Monday")
    assert "events[0].what" in _event(sentence, where="Vesta")


def test_a_giving_its_sentence_undoes_by_a_verb_and_its_particle_is_not_done() -> None:
    """The same reading serves a giving: "Norland sent fuel to Estria, then called it off." is not provided."""
    sentence = "Norland sent fuel to Estria, then called it off."
    found = checked(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)])[1]
    assert [item for item, _ in found] == ["aid[0].status"], found


@pytest.mark.parametrize(
    ("sentence", "fields"),
    [
        ("Oster held talks in Vesta on Monday.", {"when": "Monday", "where": "Vesta"}),
        ("Oster held talks with Estria's minister in Vesta on Monday.", {"when": "Monday", "where": "Vesta"}),
        ("Oster held talks on trade in Vesta on Monday.", {"when": "Monday"}),
        ("Oster held talks in Vesta on Monday and signed a deal.", {"when": "Monday"}),
        ("Oster held talks in Vesta on Monday, then set off for Estria.", {"when": "Monday"}),
        ("Oster held talks in Vesta in May.", {"when": "May", "where": "Vesta"}),
        ("On Monday, Oster held talks in Vesta.", {"when": "Monday"}),
    ],
)
def test_an_events_own_time_and_place_still_pass(sentence: str, fields: dict[str, str]) -> None:
    """Guards: a time and a place in the talks' own run of adjuncts; a later clause that undoes nothing."""
    assert _event(sentence, **fields) == []


def test_a_giving_followed_by_a_harmless_particle_verb_still_passes() -> None:
    """Guard: "…, then set off for Vesta." and "… and called for more aid." undo nothing."""
    for sentence in (
        "Norland sent fuel to Estria, then set off for Vesta.",
        "Norland sent fuel to Estria and called for more aid.",
    ):
        assert checked(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)])[1] == []
