"""An event's `what` keeps the words that make its number a part, a bound or a range (REPORT-hostile17 G2): "Two
of the 40 ferries sank" is not "40 ferries sank".

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Mirren); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked


def _article(sentence: str) -> str:
    return f"Ferries lost off Mirren\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


def _event_found(sentence: str, what: str) -> list[tuple[str, str]]:
    event = {"what": what, "when": "Monday", "evidence": [sentence]}
    return checked(_article(sentence), events=[event])[1]


@pytest.mark.parametrize(
    ("sentence", "what", "part"),
    [
        ("Two of the 40 ferries sank off Mirren on Monday.", "40 ferries sank off Mirren", "Two of the"),
        ("A third of the fleet sank off Mirren on Monday.", "the fleet sank off Mirren", "A third of"),
        ("Up to 40 ferries sank off Mirren on Monday.", "40 ferries sank off Mirren", "Up to"),
        ("As many as 40 ferries sank off Mirren on Monday.", "40 ferries sank off Mirren", "As many as"),
        ("Nearly 40 ferries sank off Mirren on Monday.", "40 ferries sank off Mirren", "Nearly"),
        ("Fewer than 40 ferries sank off Mirren on Monday.", "40 ferries sank off Mirren", "Fewer than"),
        (
            "Between 40 and 400 tonnes of fuel leaked off Mirren on Monday.",
            "400 tonnes of fuel leaked off Mirren",
            "Between 40 and",
        ),
        (
            "Some 40 tonnes of fuel leaked off Mirren on Monday.",
            "40 tonnes of fuel leaked off Mirren",
            "Some",
        ),
        ("Half the ferries sank off Mirren on Monday.", "the ferries sank off Mirren", "Half"),
        ("Most of the ferries sank off Mirren on Monday.", "the ferries sank off Mirren", "Most of"),
    ],
)
def test_an_event_cut_from_the_part_or_bound_of_its_subject_is_refused(
    sentence: str, what: str, part: str
) -> None:
    found = _event_found(sentence, what)
    assert any(item == "events[0].what" and f"leaves out “{part}”" in message for item, message in found), (
        found
    )


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Two of the 40 ferries sank off Mirren on Monday.", "Two of the 40 ferries sank off Mirren"),
        ("Up to 40 ferries sank off Mirren on Monday.", "Up to 40 ferries sank off Mirren"),
        ("40 ferries sank off Mirren on Monday.", "40 ferries sank off Mirren"),
        ("The ferries sank off Mirren on Monday.", "The ferries sank off Mirren"),
        ("After the storm, the ferries sank off Mirren on Monday.", "the ferries sank off Mirren"),
        ("The storm hit and the ferries sank off Mirren on Monday.", "the ferries sank off Mirren"),
    ],
)
def test_an_event_headed_from_the_start_of_its_subject_passes(sentence: str, what: str) -> None:
    assert not [item for item, _ in _event_found(sentence, what) if item == "events[0].what"]
