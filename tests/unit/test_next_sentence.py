"""HOSTILE-12 H11: a giving the next sentence denies, doubts or undoes is not told as done.

"Norland sent fuel to Estria. That is false." was accepted as fuel sent: the check read only the fact's own
sentence. The sentence after it in its paragraph, when it points back to the giving ("That", "This", "it", the
item) and denies, doubts, asks or undoes ("is false", "could not be verified", "Or did it?", "seized it"), leaves
the giving not told as done.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article

GIVING = "Norland sent fuel to Estria."
UNDOING_NEXT = (
    "That is false.",
    "None of this is true.",
    "Norland denies this.",
    "This could not be verified.",
    "Or did it?",
    "The fuel never arrived.",
    "Vesta seized it at sea.",
    "Estria sent it back.",
)
PLAIN_NEXT = (
    "The fuel reached the harbour on Monday.",
    "Vesta sent water to Oster.",
)


@pytest.mark.parametrize("following", UNDOING_NEXT)
def test_a_giving_the_next_sentence_undoes_is_refused(following: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert "aid[0].status" in refused(_article(f"{GIVING} {following}"), aid=[flow])


def test_a_loan_the_next_sentence_denies_is_refused() -> None:
    lent = "Norland lent Estria $9 million."
    loan = _deal_loan("Norland", "$9 million", "lent", lent)
    assert "loans[0].status" in refused(_article(f"{lent} That is false."), loans=[loan])


@pytest.mark.parametrize("following", PLAIN_NEXT)
def test_a_giving_the_next_sentence_goes_on_from_stays_done(following: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert refused(_article(f"{GIVING} {following}"), aid=[flow]) == []


def test_a_next_sentence_about_another_giving_of_the_item_leaves_it_done() -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert refused(_article(f"{GIVING} Vesta did not send fuel."), aid=[flow]) == []


def test_a_paragraph_that_opens_by_pointing_back_and_denying_undoes_the_giving() -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    article = (
        f"Fuel for Estria\n\n{GIVING}\n\nThat report was false.\nEstria Harbour News staff contributed.\n"
    )
    assert "aid[0].status" in refused(article, aid=[flow])


def test_a_next_sentence_calling_it_a_story_undoes_the_giving() -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert "aid[0].status" in refused(_article(f"{GIVING} At least, that is the official story."), aid=[flow])


def test_a_that_inside_the_next_sentence_is_no_pointing_back() -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    following = "Officials said that the port is not open."
    assert refused(_article(f"{GIVING} {following}"), aid=[flow]) == []
