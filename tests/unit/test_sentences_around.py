"""HOSTILE-13 N1–N18: the sentences around a giving that correct or frame it.

"Norland sent fuel to Estria. In fact, Vesta sent it." and "Imagine the following. Norland sent fuel to Estria."
were accepted as fuel sent by Norland: the next sentence was read only for a list of denials, and the sentence
before not at all. Now a next sentence that points back and corrects ("In fact", "Or rather"), goes on without a
verb of its own ("Or rather, to Vesta."), or says what the giving was ("It was all a drill.") leaves the giving not
told as done; so does a sentence (or heading) before it that hands what follows to a story, a supposition or a
genre ("Vesta tells a different story.", "Suppose this happened.", "Vesta's claim was simple:", "RUMOURS").

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article

GIVING = "Norland sent fuel to Estria."
LENDING = "Norland lent Estria $9 million."
CORRECTING_NEXT = (
    "Or rather, to Vesta.",
    "Correction: it was Vesta that sent the fuel.",
    "In fact, Vesta sent it.",
    "The fuel was in fact water.",
    "At least, that was the plan.",
    "That was the plan, anyway.",
    "It was all a drill.",
    "This was a test.",
    "Vesta's version differs.",
)
FRAMING_BEFORE = (
    "Vesta tells a different story. ",
    "Vesta's account is as follows. ",
    "Vesta's claim was simple:\n\n",
    "Vesta made three claims. ",
    "Imagine the following. ",
    "Suppose this happened. ",
    "RUMOURS\n\n",
    "This is a hypothetical scenario. ",
    "What follows is Vesta's account. ",
    "Here is the rumour. ",
    "Vesta's statement in full:\n\n",
)
CORRECTING_NEXT_LOAN = (
    "Vesta disputes the figure.",
    "The true figure is $2 million.",
    "Estria never got the money.",
)
# Faithful neighbours: they go on about the giving, or tell something else, and undo nothing.
PLAIN_NEXT = (
    "It arrived on Monday.",
    "It was the third shipment this year.",
    "It was sent by sea.",
    "Vesta sent water to Mirren.",
    "The fuel will heat homes in Mirren.",
)
# … and those whose framing or forward word does not end or open them (HOSTILE-14 D): they hand nothing on.
PLAIN_BEFORE = (
    "The harbour was busy. ",
    "Fuel and water\n\n",
    "Estria ran short of fuel in May. ",
    "Temperatures dropped below freezing in December. ",
    "Talks resumed the following week. ",
    "Public opinion in Norland backed the move. ",
    "Estria has filed a claim for damages against Vesta. ",
    "The winter was the hardest in decades, a story repeated across the region. ",
    "The story so far\n\n",
    "Background:\n\n",
)


@pytest.mark.parametrize("following", CORRECTING_NEXT)
def test_a_giving_the_next_sentence_corrects_is_not_done(following: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert "aid[0].status" in refused(_article(f"{GIVING} {following}"), aid=[flow])


@pytest.mark.parametrize("before", FRAMING_BEFORE)
def test_a_giving_the_sentence_before_frames_is_not_done(before: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert "aid[0].status" in refused(_article(f"{before}{GIVING}"), aid=[flow])


@pytest.mark.parametrize("following", CORRECTING_NEXT_LOAN)
def test_a_loan_the_next_sentence_corrects_is_not_done(following: str) -> None:
    loan = _deal_loan("Norland", "$9 million", "lent", LENDING)
    assert "loans[0].status" in refused(_article(f"{LENDING} {following}"), loans=[loan])


def test_a_loan_the_sentence_before_frames_is_not_done() -> None:
    loan = _deal_loan("Norland", "$9 million", "lent", LENDING)
    assert "loans[0].status" in refused(_article(f"Imagine the following. {LENDING}"), loans=[loan])


@pytest.mark.parametrize("following", PLAIN_NEXT)
def test_a_plain_next_sentence_leaves_the_giving_done(following: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert refused(_article(f"{GIVING} {following}"), aid=[flow]) == []


@pytest.mark.parametrize("before", PLAIN_BEFORE)
def test_a_plain_sentence_before_leaves_the_giving_done(before: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert refused(_article(f"{before}{GIVING}"), aid=[flow]) == []


def test_the_message_names_the_sentence_and_its_word() -> None:
    from tests.unit.test_sixth_reading import checked

    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    found = dict(checked(_article(f"Vesta tells a different story. {GIVING}"), aid=[flow])[1])
    assert "“Vesta tells a different story.”" in found["aid[0].status"]
    assert "“story”" in found["aid[0].status"]
