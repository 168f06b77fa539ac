"""The eighth hostile reading (REVIEW-8 D1–D3, D5): a value cut from the words beside it that change what it is.

An amount is a share ("a third of the $90 million"), a multiple ("twice the $9 million") or a rate ("$9 million per
ferry", "every six months") of what the brief would show; a time is a deadline or a bound ("by 2027", "before
May"). Each was accepted as the bare value. The check now fails closed on the words just beside an amount or a
time that it cannot read as leaving the value whole.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused

# TEST FIXTURE, NOT NEWS
LOANS = """Harbour loans in Estria

Norland lent Estria a third of the $90 million it had promised.
Norland lent Estria $9 million per ferry.
Norland lent Estria $9 million every six months.
Norland lent Estria 40 percent of the $90 million.
Norland lent Estria half of the $90 million.
Norland lent Estria $9 million for each of its ferries.
Norland lent Estria twice the $9 million Vesta lent.
Norland lent Estria a loan of $9 million.
Norland lent Estria the $9 million on Monday.
Norland lent $9 million to Estria in May.
Estria Harbour News staff contributed to this report.
"""
SENTENCES = LOANS.splitlines()[2:-1]
CUT = [(s, "$90 million" if "$90" in s else "$9 million") for s in SENTENCES[:7]]
WHOLE = [(s, "$9 million") for s in SENTENCES[7:]]


@pytest.mark.parametrize(("sentence", "amount"), CUT, ids=[s for s, _ in CUT])
def test_an_amount_cut_from_its_share_multiple_or_rate_is_refused(sentence: str, amount: str) -> None:
    loan = _deal_loan("Norland", amount, "lent", sentence.rstrip("."))
    assert "loans[0].as_written" in refused(LOANS, loans=[loan])


@pytest.mark.parametrize(("sentence", "amount"), WHOLE, ids=[s for s, _ in WHOLE])
def test_an_amount_standing_whole_still_passes(sentence: str, amount: str) -> None:
    loan = _deal_loan("Norland", amount, "lent", sentence.rstrip("."))
    assert refused(LOANS, loans=[loan]) == []


# TEST FIXTURE, NOT NEWS
WORKS = """Harbour works in Estria

Norland sent cranes to Estria by 2027.
Norland sent cranes to Estria in the week before May.
Norland sent cranes to Estria until March.
Norland sent cranes to Estria in May.
Norland sent cranes to Estria on Monday.
Estria Harbour News staff contributed to this report.
"""
WORK_SENTENCES = WORKS.splitlines()[2:-1]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [(WORK_SENTENCES[0], "2027"), (WORK_SENTENCES[1], "May"), (WORK_SENTENCES[2], "March")],
)
def test_a_time_cut_from_the_word_that_bounds_it_is_refused(sentence: str, when: str) -> None:
    flow = _deal_flow("Norland", "cranes", "sent", sentence.rstrip("."), when=when)
    assert "aid[0].when" in refused(WORKS, aid=[flow])


@pytest.mark.parametrize(
    ("sentence", "when"), [(WORK_SENTENCES[3], "in May"), (WORK_SENTENCES[4], "on Monday")]
)
def test_a_time_standing_whole_still_passes(sentence: str, when: str) -> None:
    flow = _deal_flow("Norland", "cranes", "sent", sentence.rstrip("."), when=when)
    assert refused(WORKS, aid=[flow]) == []


# An opening that puts the whole sentence in someone's view through a noun no list names ("In Vesta's view, …").
WHOSE_VIEW = [
    ("In Vesta's view, Norland sent fuel to Estria.", "In Vesta's view"),
    ("To Oster's knowledge, Norland sent fuel to Estria.", "To Oster's knowledge"),
    ("By the navy's account, Norland sent fuel to Estria.", "By the navy's account"),
]


def _view_refused(sentence: str, **more: object) -> list[str]:
    # TEST FIXTURE, NOT NEWS
    text = f"Harbour deals in Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    return refused(text, aid=[_deal_flow("Norland", "fuel", "sent", sentence.rstrip("."), **more)])


@pytest.mark.parametrize(("sentence", "words"), WHOSE_VIEW, ids=[s for s, _ in WHOSE_VIEW])
def test_a_fact_opened_by_someones_view_needs_who_says_so(sentence: str, words: str) -> None:
    assert _view_refused(sentence) == ["aid[0].attribution"]
    assert _view_refused(sentence, attribution={"text": words, "role": "source"}) == []


@pytest.mark.parametrize(
    "sentence",
    ["In Estria's harbour, Norland sent fuel to Estria.", "In March, Norland sent fuel to Estria."],
)
def test_an_opening_place_or_time_is_the_articles_own(sentence: str) -> None:
    assert _view_refused(sentence) == []


# A giving inside a content clause ("The claim that Norland sent fuel …") is held by someone, not told.
HELD = [
    "The claim that Norland sent fuel to Estria is false.",
    "The idea that Norland sent fuel to Estria is odd.",
    "The suggestion that Norland sent fuel to Estria was denied.",
]


@pytest.mark.parametrize("sentence", HELD)
def test_a_giving_inside_a_claim_is_not_told_as_given(sentence: str) -> None:
    assert "aid[0].attribution" in _view_refused(sentence)


def test_a_relative_clause_about_the_thing_given_is_not_a_claim() -> None:
    from bot.briefs.check import _content_clause_heads
    from bot.briefs.models import AidFlow

    flow = AidFlow.model_validate(
        _deal_flow("Norland", "fuel", "sent", "Estria used the fuel that Norland sent to Estria")
    )
    assert _content_clause_heads(flow, "Estria used the fuel that Norland sent to Estria.") == []
    assert _content_clause_heads(flow, "The claim that Norland sent fuel to Estria is false.") == [
        ("claim", 4, 9)
    ]
