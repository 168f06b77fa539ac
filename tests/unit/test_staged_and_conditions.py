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


# ---------------------------------------------------------------- conjunctions of time that condition a giving

CONDITIONED = (
    "once the port reopens",
    "only when the port reopens",
    "as soon as the port reopens",
    "as soon as the ships arrive",
    "as soon as it can",
    "whenever the port opens",
    "only after the vote is held",
    "the moment the port can take it",
)


@pytest.mark.parametrize("tail", CONDITIONED)
def test_a_giving_under_a_conjunction_of_time_told_to_come_is_refused(tail: str) -> None:
    """REPORT-negation (left undone): "Norland lent Estria $90 million once the port reopens." was accepted as a
    loan made: "once", "as soon as", "only when", "whenever" before a clause still to come condition the giving."""
    sentence = f"Norland sent fuel to Estria {tail}."
    found = checked(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)])[1]
    assert [item for item, _ in found] == ["aid[0].status"]
    assert "condition" in found[0][1] and "give the status" in found[0][1]
    lent = f"Norland lent Estria $90 million {tail}."
    assert refused(_article(lent), loans=[_deal_loan("Norland", "$90 million", "lent", lent)]) == [
        "loans[0].status"
    ]


def test_a_conjunction_of_time_opening_the_sentence_is_read() -> None:
    sentence = "Once the port reopens, Norland lent Estria $90 million."
    assert refused(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence)]) == [
        "loans[0].status"
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "once the port reopened",
        "only when the port reopened",
        "as soon as the port reopened",
        "as soon as the port opened",
        "whenever Estria asked",
        "once again",
        "at once",
        "once a week",
        "only once",
        "in case the port closes",
        "in case the port closed",
        "before winter sets in",
        "when Estria asked",
    ],
)
def test_a_giving_dated_by_a_conjunction_of_time_or_given_a_purpose_still_passes(tail: str) -> None:
    """A done verb with "in case" after it gives its purpose, and a past clause after "once" dates it: done."""
    sentence = f"Norland sent fuel to Estria {tail}."
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Once the port reopened, Norland lent Estria $90 million.",
        "Norland lent Estria $90 million, repayable once the port reopens.",
        "Norland lent Estria $90 million to be repaid once the port reopens.",
    ],
)
def test_a_conjunction_of_time_of_another_verb_leaves_the_loan_made(sentence: str) -> None:
    assert refused(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence)]) == []
