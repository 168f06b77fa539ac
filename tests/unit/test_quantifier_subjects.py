"""HOSTILE-13 D3: "Few think Norland sent fuel to Estria." is what few think, not fuel sent.

"think" is a noun as well as a verb, and a word of both classes reads as a saying verb only after a name, before a
clause; "Few" can be an adjective, so "Few think Norland sent …" passed as the article's own fact. A quantifier
standing as the subject ("Few", "Many", "Some") makes the word after it a verb of thinking, which needs an
attribution that covers it. Openings that only join a sentence to the story ("Meanwhile,", "Separately,") are
plain.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

THOUGHT = ("Few think Norland sent fuel to Estria.", "Some think the navy sent fuel to Estria.")
JOINED = ("Meanwhile, Norland sent fuel to Estria.", "Separately, Norland sent fuel to Estria.")


@pytest.mark.parametrize("sentence", THOUGHT)
def test_what_a_quantifier_thinks_needs_an_attribution(sentence: str) -> None:
    donor = "the navy" if "navy" in sentence else "Norland"
    assert "aid[0].attribution" in refused(
        _article(sentence), aid=[_deal_flow(donor, "fuel", "sent", sentence)]
    )


def test_what_few_think_is_attributed_but_not_told_done() -> None:
    """With its attribution the sentence is read; what few think is doubted, so the fuel is not told as sent
    (HOSTILE-16 F11: a negative subject in the giving's clause, `NEGATIVE_ADVERBIALS`)."""
    sentence = THOUGHT[0]
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    flow["attribution"] = {"text": "Few think", "role": "source"}
    assert refused(_article(sentence), aid=[flow]) == ["aid[0].status"]
    some = THOUGHT[1]
    plain = _deal_flow("the navy", "fuel", "sent", some, attribution={"text": "Some think", "role": "source"})
    assert refused(_article(some), aid=[plain]) == []


@pytest.mark.parametrize("sentence", JOINED)
def test_an_opening_that_joins_the_story_is_plain(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []
