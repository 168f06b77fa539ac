"""HOSTILE-13 E1, E2: an event's where is the place the sentence puts the event in.

"Oster held talks in Estria, not in Vesta." was accepted with where Vesta (a place named only to be denied), and
"Oster held talks with envoys from Vesta." with where Vesta ("from Vesta" says where the envoys come from).

TEST FIXTURES, NOT NEWS: invented places (Estria, Vesta) and person (Oster); none is from a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import refused
from tests.unit.test_undone_giving import _article


def _event(sentence: str, where: str) -> dict[str, Any]:
    return {"what": "Oster held talks", "where": where, "evidence": [sentence]}


@pytest.mark.parametrize(
    "sentence",
    [
        "Oster held talks in Estria, not in Vesta.",
        "Oster held talks in Estria rather than in Vesta.",
        "Oster held talks with envoys from Vesta.",
    ],
)
def test_a_place_the_sentence_denies_or_gives_to_another_noun_is_no_where(sentence: str) -> None:
    assert "events[0].where" in refused(_article(sentence), events=[_event(sentence, "Vesta")])


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("Oster held talks in Estria, not in Vesta.", "Estria"),
        ("Oster held talks in Vesta.", "Vesta"),
        ("Oster returned from Vesta and held talks.", "Vesta"),
    ],
)
def test_the_place_the_sentence_puts_it_in_is_its_where(sentence: str, where: str) -> None:
    assert "events[0].where" not in refused(_article(sentence), events=[_event(sentence, where)])
