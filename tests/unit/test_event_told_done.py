"""HOSTILE-13 (events, k-avoid): an event is told as done by the same reading of its frame as a giving.

"That Oster held talks in Vesta is false.", "It is possible Oster held talks in Vesta.", "Oster ought to have held
talks in Vesta." and "Oster held talks in Vesta on Monday. The talks were later called off." were accepted as
events: the giving's done status read these frames, the event check did not. "Norland avoided having sent fuel to
Estria." was accepted as fuel sent.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta) and person (Oster); none is from a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked, refused
from tests.unit.test_undone_giving import _article


def _event(sentence: str, what: str = "Oster held talks", **more: Any) -> dict[str, Any]:
    return {"what": what, "evidence": [sentence], **more}


@pytest.mark.parametrize(
    ("sentence", "what", "frame"),
    [
        ("That Oster held talks in Vesta is false.", "Oster held talks", "That"),
        ("It is possible Oster held talks in Vesta.", "Oster held talks", "It is possible"),
        ("Oster ought to have held talks in Vesta.", "Oster ought to have held talks", "ought to have held"),
        (
            "Oster was to have held talks in Vesta on Monday.",
            "Oster was to have held talks",
            "was to have held",
        ),
    ],
)
def test_an_event_inside_a_statement_or_told_as_what_should_have_been_is_no_event(
    sentence: str, what: str, frame: str
) -> None:
    found = checked(_article(sentence), events=[_event(sentence, what, where="Vesta")])[1]
    messages = [m for where, m in found if where == "events[0].what"]
    assert messages, found
    assert frame in messages[0] and what in messages[0]


def test_an_event_the_next_sentence_calls_off_is_no_event() -> None:
    sentence = "Oster held talks in Vesta on Monday."
    body = f"{sentence} The talks were later called off."
    found = checked(_article(body), events=[_event(sentence, when="Monday")])[1]
    messages = [m for where, m in found if where == "events[0].what"]
    assert messages and "The talks were later called off." in messages[0], found


@pytest.mark.parametrize(
    "body",
    [
        "Oster held talks in Vesta on Monday.",
        "Oster held talks in Vesta on Monday. The port stayed open.",
        "Oster held talks in Vesta on Monday. Estria sent envoys.",
        "Vesta said Oster held talks on Monday.",
    ],
)
def test_an_event_told_as_done_is_still_an_event(body: str) -> None:
    sentence = body.split(". ")[0].rstrip(".") + "."
    assert "events[0].what" not in refused(_article(body), events=[_event(sentence, when="Monday")])


def test_a_giving_governed_by_a_verb_before_having_is_not_done() -> None:
    sentence = "Norland avoided having sent fuel to Estria."
    found = checked(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)])[1]
    messages = [m for where, m in found if where == "aid[0].status"]
    assert messages and "avoided having" in messages[0], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria after having sent water.",
        "Norland, having sent water, sent fuel to Estria.",
    ],
)
def test_a_having_that_leaves_the_giving_done_is_read_as_done(sentence: str) -> None:
    assert "aid[0].status" not in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )
