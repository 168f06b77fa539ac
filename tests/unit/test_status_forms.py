"""A status verb is read by its lemma and its form, as the lexicon knows it, not from a list of exact strings
(hostile16 W3): "sends", "has been sending", "has yet to send", "handed over", "turned down", and a loan's light
verbs ("made a loan", "extended a loan", "received a loan from", "rejected the request for a loan").

TEST FIXTURES, NOT NEWS: invented texts about invented places.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked


def _article(*paragraphs: str) -> str:
    return (
        "Fuel for Estria\n\n"
        + "\n\n".join(paragraphs)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


def _loan(sentence: str, verb: str, status: str = "provided", **more: Any) -> list[tuple[str, str]]:
    loan = {**_deal_loan("Norland", "$90 million", verb, sentence), "status": status, **more}
    return checked(_article(sentence), loans=[loan])[1]


def _flow(sentence: str, verb: str, status: str = "provided", **more: Any) -> list[tuple[str, str]]:
    flow = {**_deal_flow("Norland", "fuel", verb, sentence), "status": status, **more}
    return checked(_article(sentence), aid=[flow])[1]


# ---------------------------------------------------------------- faithful prose that must pass

LOANS_THAT_PASS = [
    ("Norland made a $90 million loan to Estria.", "made", "provided"),
    ("Norland extended a $90 million loan to Estria.", "extended", "provided"),
    ("Norland has extended a $90 million loan to Estria.", "has extended", "provided"),
    ("Norland granted a $90 million loan to Estria.", "granted", "provided"),
    ("Norland agreed to lend Estria $90 million.", "agreed to lend", "pledged"),
    ("Norland offered Estria a $90 million loan.", "offered", "pledged"),
    ("Norland offered a $90 million loan to Estria.", "offered", "pledged"),
    ("Norland lends Estria $90 million.", "lends", "provided"),
    ("Norland rejected Estria's request for a $90 million loan.", "rejected", "declined"),
    ("Norland turned down Estria's request for a $90 million loan.", "turned down", "declined"),
    ("Norland has turned down a request for a $90 million loan from Estria.", "has turned down", "declined"),
    ("Norland has not made a $90 million loan to Estria.", "has not made", "not provided"),
    ("Norland could extend a $90 million loan to Estria.", "could extend", "possible"),
    ("Norland plans to extend a $90 million loan to Estria.", "plans to extend", "planned"),
    ("Norland made Estria a $90 million loan.", "made", "provided"),
    ("Norland made a loan of $90 million to Estria.", "made", "provided"),
    ("Norland is lending Estria $90 million.", "is lending", "provided"),
    ("Norland declined to lend Estria $90 million.", "declined", "declined"),
    ("Norland refuses to lend Estria $90 million.", "refuses", "declined"),
]


@pytest.mark.parametrize(("sentence", "verb", "status"), LOANS_THAT_PASS)
def test_a_loans_status_is_read_by_its_verbs_lemma_and_form(sentence: str, verb: str, status: str) -> None:
    assert _loan(sentence, verb, status) == []


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Estria received a $90 million loan from Norland.", "received"),
        ("Estria has received a $90 million loan from Norland.", "has received"),
        ("Estria borrows $90 million from Norland.", "borrows"),
    ],
)
def test_a_loan_taken_is_told_from_the_borrowers_side(sentence: str, verb: str) -> None:
    assert _loan(sentence, verb) == []


FLOWS_THAT_PASS = [
    ("Norland has yet to send fuel to Estria.", "has yet to send", "not provided"),
    ("Norland sends fuel to Estria every winter.", "sends", "provided"),
    ("Norland has been sending fuel to Estria since May.", "has been sending", "provided"),
    ("Norland is sending fuel to Estria.", "is sending", "provided"),
    ("Norland handed over fuel to Estria.", "handed over", "provided"),
    ("Norland has handed over fuel to Estria.", "has handed over", "provided"),
    ("Norland gives fuel to Estria.", "gives", "provided"),
    ("Norland has not handed over fuel to Estria.", "has not handed over", "not provided"),
    ("Norland plans to hand over fuel to Estria.", "plans to hand over", "planned"),
    ("Norland could send fuel to Estria.", "could send", "possible"),
    ("Norland agreed to send fuel to Estria.", "agreed to send", "pledged"),
    ("Norland offered fuel to Estria.", "offered", "pledged"),
    ("Norland turned down Estria's request for fuel.", "turned down", "declined"),
    ("Norland approved Estria's request for fuel.", "approved", "approved"),
    ("Norland is giving fuel to Estria.", "is giving", "provided"),
    ("Norland gives Estria fuel.", "gives", "provided"),
    ("Norland never sends fuel to Estria.", "never sends", "not provided"),
    ("Norland has not been sending fuel to Estria.", "has not been sending", "not provided"),
    ("Norland is considering sending fuel to Estria.", "is considering sending", "under consideration"),
]


@pytest.mark.parametrize(("sentence", "verb", "status"), FLOWS_THAT_PASS)
def test_an_aid_status_is_read_by_its_verbs_lemma_and_form(sentence: str, verb: str, status: str) -> None:
    assert _flow(sentence, verb, status) == []


# ---------------------------------------------------------------- mutants that must be refused

MUTANT_LOANS = [
    ("Norland rejected Estria's request for a $90 million loan.", "rejected", "provided"),
    ("Norland turned down Estria's request for a $90 million loan.", "turned down", "provided"),
    ("Norland offered Estria a $90 million loan.", "offered", "provided"),
    ("Norland agreed to lend Estria $90 million.", "agreed to lend", "provided"),
    ("Norland has not made a $90 million loan to Estria.", "has not made", "provided"),
    ("Norland could extend a $90 million loan to Estria.", "could extend", "provided"),
    ("Norland made a $90 million profit and lent Estria nothing.", "made", "provided"),
    ("Norland extended a $90 million deadline to Estria.", "extended", "provided"),
    ("Norland rejected Vesta's request for a $90 million loan.", "rejected", "declined"),
]


@pytest.mark.parametrize(("sentence", "verb", "status"), MUTANT_LOANS)
def test_a_loan_status_the_verb_does_not_carry_is_refused(sentence: str, verb: str, status: str) -> None:
    found = _loan(sentence, verb, status)
    assert found, sentence


def test_a_loan_received_is_never_turned_round() -> None:
    sentence = "Estria received a $90 million loan from Norland."
    loan = {**_deal_loan("Estria", "$90 million", "received", sentence), "borrower": "Norland"}
    found = checked(_article(sentence), loans=[loan])[1]
    assert any(item in ("loans[0].lender", "loans[0].borrower") for item, _ in found), found


MUTANT_FLOWS = [
    ("Norland has yet to send fuel to Estria.", "has yet to send", "provided"),
    ("Norland has not handed over fuel to Estria.", "has not handed over", "provided"),
    ("Norland plans to hand over fuel to Estria.", "plans to hand over", "provided"),
    ("Norland turned down Estria's request for fuel.", "turned down", "provided"),
    ("Norland made fuel for Estria.", "made", "provided"),
    ("Norland received fuel from Estria.", "received", "provided"),
    ("Norland is sending fuel to Estria next week.", "is sending", "provided"),
    ("Norland would send fuel to Estria.", "would send", "provided"),
    ("Norland wants to send fuel to Estria.", "wants to send", "provided"),
    ("Norland stopped sending fuel to Estria.", "stopped sending", "provided"),
    ("Norland has not been sending fuel to Estria.", "has not been sending", "provided"),
    ("Norland never sends fuel to Estria.", "never sends", "provided"),
    ("Norland nearly sent fuel to Estria.", "nearly sent", "provided"),
    ("Norland handed fuel over to Estria.", "handed", "provided"),
    ("Norland has not agreed to send fuel to Estria.", "has not agreed to send", "pledged"),
    ("Norland offered fuel to Estria.", "offered", "provided"),
    ("Norland rejected Vesta's request for fuel.", "rejected", "declined"),
]


@pytest.mark.parametrize(("sentence", "verb", "status"), MUTANT_FLOWS)
def test_an_aid_status_the_verb_does_not_carry_is_refused(sentence: str, verb: str, status: str) -> None:
    found = _flow(sentence, verb, status)
    assert found, sentence


def test_a_particle_verb_is_read_whole_never_its_first_word_alone() -> None:
    """A particle verb: "turned down" is a status verb the unread-word rule leaves to the status rule; "turned" alone is not one,
    and is read as it always was."""
    from bot.briefs.unread import unread_words

    assert unread_words("Norland turned down Estria's request for a $90 million loan.") == ()
    assert [word for word, _, _ in unread_words("Norland turned to Estria and sent fuel.")] == ["turned"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland lent Estria $90 million once parliament approves it.",
        "Norland lent Estria $90 million when parliament approves.",
        "Norland lent Estria $90 million after Vesta asks for it.",
    ],
)
def test_a_form_read_by_lemma_still_conditions_a_giving_after_it(sentence: str) -> None:
    """A form read by lemma: "approves" is read as `approved` where it is the status verb; after a done giving it is still a verb the
    unread-word rule reads, which may condition the giving (hostile16 p14)."""
    assert any(item == "loans[0].status" for item, _ in _loan(sentence, "lent")), sentence
