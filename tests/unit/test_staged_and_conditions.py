"""Staged events and givings, and conditions on a giving (session 17, frames2; HOSTILE-16 F14).

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Mirren); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused
from tests.unit.test_undone_giving import _article

# ---------------------------------------------------------------- staged settings

STAGED = (
    "in the drill",
    "in a drill",
    "in the annual drill",
    "in a naval exercise",
    "in the exercise",
    "in the rehearsal",
    "in a war game",
    "in the video game",
    "in the play",
    "in the scenario",
    "in Vesta's film",
    "in Vesta's new film",
    "as part of a drill",
)


def _event(sentence: str) -> list[str]:
    event = {"what": "A ferry sank off Mirren", "when": "Monday", "evidence": [sentence]}
    return refused(_article(sentence), events=[event])


@pytest.mark.parametrize("setting", STAGED)
def test_an_event_inside_a_drill_a_film_or_a_game_is_refused(setting: str) -> None:
    """HOSTILE-16 F14: "A ferry sank off Mirren on Monday in the drill." was accepted as an event; only "in a
    simulation", "in a dream" and a few more fixed phrases were read."""
    sentence = f"A ferry sank off Mirren on Monday {setting}."
    assert _event(sentence) == ["events[0].what"]


@pytest.mark.parametrize("setting", STAGED)
def test_a_giving_inside_a_drill_a_film_or_a_game_is_refused(setting: str) -> None:
    sentence = f"Norland sent fuel to Estria {setting}."
    found = checked(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)])[1]
    assert [item for item, _ in found] == ["aid[0].status"]
    assert setting in found[0][1] and "change the status" in found[0][1]


def test_a_staged_setting_opening_the_sentence_is_read() -> None:
    sentence = "In the annual drill, Norland lent Estria $90 million."
    loan = _deal_loan("Norland", "$90 million", "lent", sentence)
    assert "loans[0].status" in refused(_article(sentence), loans=[loan])


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria in the exercise of its treaty rights.",
        "Norland sent fuel to Estria late in the game.",
        "Norland sent fuel to Estria after the drill.",
        "Norland sent fuel to Estria in the dream of an open port.",
        "Norland sent fuel to Estria in a play for influence.",
        "Norland sent fuel to Estria during the exercise.",
    ],
)
def test_a_giving_beside_a_word_of_staging_that_stages_nothing_still_passes(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []


def test_an_item_named_like_a_staging_still_passes() -> None:
    sentence = "Norland sent a drill to Estria."
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "a drill", "sent", sentence)]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "A ferry sank off Mirren on Monday after the drill.",
        "A ferry sank off Mirren on Monday during a storm.",
        "A ferry sank off Mirren on Monday during the exercise.",
        "A ferry sank off Mirren on Monday, the film crew said.",
    ],
)
def test_an_event_beside_a_drill_it_is_not_part_of_still_passes(sentence: str) -> None:
    event = {"what": "A ferry sank off Mirren", "when": "Monday", "evidence": [sentence]}
    if "said" in sentence:
        event["attribution"] = "the film crew said"
    assert refused(_article(sentence), events=[event]) == []
