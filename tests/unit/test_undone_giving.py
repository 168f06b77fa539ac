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


# Undoings, denials and conditions after the giving that an attribution covering them must not make done: the
# attribution makes the undoing someone's claim; it does not make an undone giving done (hedge task, items 2, 3, 5).
COVERED_TAILS = (
    (", a pledge later cancelled", "a pledge later cancelled"),
    (", a pledge later withdrawn", "a pledge later withdrawn"),
    (", a pledge later revoked", "a pledge later revoked"),
    (", a pledge later reversed", "a pledge later reversed"),
    (", a pledge later halted", "a pledge later halted"),
    (", a pledge later suspended", "a pledge later suspended"),
    (" if the port opens", "if the port opens"),
    (" provided that the port opens", "provided that the port opens"),
    (", on condition that the port opens", "on condition that the port opens"),
    (" unless the port closes", "unless the port closes"),
)


@pytest.mark.parametrize(("tail", "words"), COVERED_TAILS)
def test_an_undoing_its_attribution_covers_still_refuses_the_done_status(tail: str, words: str) -> None:
    sentence = f"Norland sent fuel to Estria{tail}."
    flow = _deal_flow("Norland", "fuel", "sent", sentence, attribution={"text": words, "role": "source"})
    assert "aid[0].status" in refused(_article(sentence), aid=[flow])


# A passage cut before the undoing: the check reads the sentence to its full stop, not the passage to its end.
@pytest.mark.parametrize(
    "tail", [", a pledge later cancelled", " but it never arrived", " if the port opens"]
)
def test_a_passage_cut_before_its_undoing_still_refuses_the_done_status(tail: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", "Norland sent fuel to Estria")
    assert "aid[0].status" in refused(_article(f"Norland sent fuel to Estria{tail}."), aid=[flow])


# Undoings no list names: a verb the check has no meaning for, after the giving and not where a saying verb
# stands, refuses a done status even when an attribution covers it (the rule fails closed).
UNLISTED_UNDOINGS = (
    (", which was later seized", "which was later seized"),
    (", and later recalled it", "and later recalled it"),
    ("; Vesta confiscated it", "Vesta confiscated it"),
    (", a shipment since impounded", "a shipment since impounded"),
)


@pytest.mark.parametrize(("tail", "words"), UNLISTED_UNDOINGS)
def test_an_unlisted_verb_after_the_giving_refuses_the_done_status(tail: str, words: str) -> None:
    sentence = f"Norland sent fuel to Estria{tail}."
    flow = _deal_flow("Norland", "fuel", "sent", sentence, attribution={"text": words, "role": "source"})
    assert "aid[0].status" in refused(_article(sentence), aid=[flow])


# Who says so after the giving is no undoing: the fact stays someone's claim, shown with its attribution.
SAYING_TAILS = (
    (", the Vesta Herald reported", "the Vesta Herald reported"),
    (", officials believe", "officials believe"),
    (", Vesta said", "Vesta said"),
    (", a figure Vesta disputes", "a figure Vesta disputes"),
)


@pytest.mark.parametrize(("tail", "words"), SAYING_TAILS)
def test_who_says_so_after_the_giving_keeps_the_done_status(tail: str, words: str) -> None:
    sentence = f"Norland sent fuel to Estria{tail}."
    flow = _deal_flow("Norland", "fuel", "sent", sentence, attribution={"text": words, "role": "source"})
    assert refused(_article(sentence), aid=[flow]) == []


# HOSTILE-11 B1: a question asks whether the giving was done; it never tells it done, whoever asks.
QUESTIONS = (
    "Has Norland sent fuel to Estria?",
    "Why has Norland sent fuel to Estria?",
    "Norland sent fuel to Estria?",
    "Did Norland send fuel to Estria, as Vesta claims?",
)


@pytest.mark.parametrize("sentence", QUESTIONS)
def test_a_giving_told_in_a_question_is_refused_as_done(sentence: str) -> None:
    verb = "send" if " send " in sentence else "sent"
    flow = _deal_flow("Norland", "fuel", verb, sentence)
    assert "aid[0].status" in refused(_article(sentence), aid=[flow])


def test_a_question_in_the_next_sentence_leaves_the_giving_done() -> None:
    article = _article("Norland sent fuel to Estria. Will Vesta send fuel too?")
    flow = _deal_flow("Norland", "fuel", "sent", "Norland sent fuel to Estria.")
    assert refused(article, aid=[flow]) == []
