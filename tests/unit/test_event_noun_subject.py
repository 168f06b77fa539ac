"""An event cannot be the giver of an event's giving (session 17, frames2; REPORT-headless left undone: "Talks in
Vesta and Estria sent ferries on Monday." accepted as a headless event).

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Mirren); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import checked, refused
from tests.unit.test_undone_giving import _article


def _event(sentence: str, **event: Any) -> list[tuple[str, str]]:
    return checked(_article(sentence), events=[{"when": "Monday", "evidence": [sentence], **event}])[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks in Vesta and Estria sent ferries on Monday.",
        "The meeting sent ferries to Estria on Monday.",
        "The summit in Vesta sent ferries on Monday.",
        "Talks on fuel lent Estria $90 million on Monday.",
        "The vote in Mirren delivered fuel to Estria on Monday.",
    ],
)
def test_an_event_whose_subject_is_an_event_giving_is_refused(sentence: str) -> None:
    found = _event(sentence)
    assert [item for item, _ in found] == ["events[0].evidence[0]"]
    assert "an event gives or sends nothing" in found[0][1] and "give `what`" in found[0][1]
    what = sentence.split(" on Monday")[0]
    assert [item for item, _ in _event(sentence, what=what)] == ["events[0].what"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vesta and Estria sent ferries on Monday.",
        "Talks in Vesta ended on Monday.",
        "The summit in Vesta opened on Monday.",
        "Talks in Vesta collapsed on Monday.",
        "The meeting in Mirren ended in a deal on Monday.",
        "Talks ended on Monday and Norland sent ferries to Estria.",
        "The visit by Norland's envoy took place in Mirren on Monday.",
    ],
)
def test_an_event_an_event_can_do_still_passes(sentence: str) -> None:
    assert refused(_article(sentence), events=[{"when": "Monday", "evidence": [sentence]}]) == []
