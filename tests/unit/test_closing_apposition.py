"""HOSTILE-13 W4: "Norland sent fuel to Estria, a neighbour." is the article's own, not someone's report.

A word that is a noun as well as a verb ("neighbour", "ally", "reports") closing a sentence after a comma was read
as a saying verb (", officials fear."), so an apposition the article closes with was refused for an unread word.
After a determiner, past adjectives only (", a neighbour.", ", its closest ally."), it is an apposition's noun;
one that makes the sentence a story or a claim (", a claim.", `FRAMING_NOUNS`) still needs an attribution, and
", officials fear." and ", the Herald reports." still say who says so.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

APPOSITIONS = ("Norland sent fuel to Estria, a neighbour.", "Norland sent fuel to Estria, its closest ally.")
SOURCES = (
    "Norland sent fuel to Estria, officials fear.",
    "Norland sent fuel to Estria, the Herald reports.",
    "Norland sent fuel to Estria, a claim.",
)


@pytest.mark.parametrize("sentence", APPOSITIONS)
def test_a_closing_apposition_is_the_articles_own(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []


@pytest.mark.parametrize("sentence", SOURCES)
def test_a_closing_source_or_claim_still_needs_an_attribution(sentence: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    assert "aid[0].attribution" in refused(_article(sentence), aid=[flow])
