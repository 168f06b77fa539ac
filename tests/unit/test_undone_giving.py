"""REVIEW-7 C16/C10: a giving the article undoes, denies, conditions or falsifies is not told as given.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused

# Words after the status verb that undo, deny, condition or falsify it; none is in a vocabulary list today.
UNDOING_TAILS = (
    "and then cancelled it",
    "but later withdrew it",
    "or tried to",
    "but it never arrived",
    "only on paper",
    "Vesta denies",
    "but it was seized",
    "and later recalled it",
)
GUARD_TAILS = ("in March", "and built a dock in Estria")


def _article(sentence: str) -> str:
    return f"Fuel for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


@pytest.mark.parametrize("tail", UNDOING_TAILS)
def test_a_giving_its_own_sentence_undoes_is_refused(tail: str) -> None:
    sentence = f"Norland sent fuel to Estria {tail}."
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) != []


@pytest.mark.parametrize("tail", GUARD_TAILS)
def test_a_plain_giving_still_passes(tail: str) -> None:
    sentence = f"Norland sent fuel to Estria {tail}."
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []
