"""A frame set off by commas inside the sentence frames its fact as an opening one does.

"Norland, in the novel, sent fuel to Estria." was accepted as fuel sent, though "In the novel, Norland sent …" is
refused: the framing rule (`framing_opening`) read only the sentence's opening.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

FRAMED = (
    "Norland, in the novel, sent fuel to Estria.",
    "Norland, in a dream, sent fuel to Estria.",
    "Norland, as the rumour has it, sent fuel to Estria.",
    "Norland, under the plan, sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", FRAMED)
def test_a_frame_set_off_by_commas_needs_an_attribution(sentence: str) -> None:
    assert "aid[0].attribution" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )


def test_the_frame_given_as_attribution_is_accepted() -> None:
    sentence = "Norland, in the novel, sent fuel to Estria."
    flow = _deal_flow(
        "Norland", "fuel", "sent", sentence, attribution={"text": "in the novel", "role": "hedge"}
    )
    assert "aid[0].attribution" not in refused(_article(sentence), aid=[flow])


PLAIN = (
    "Norland, for its part, sent fuel to Estria.",
    "Norland, in turn, sent fuel to Estria.",
    "Norland sent fuel to Estria, for example.",
)


@pytest.mark.parametrize("sentence", PLAIN)
def test_a_linking_aside_is_the_articles_own(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []
