"""Issue 10, left open by the eighth session: a loan whose own clause says it is no loan (C17), an amount whose
"further" / "another" is dropped (REVIEW-8 D4), a giving entered as aid that the article tells as lent, and a
wrong refusal: a saying verb set off by commas between the giver and its verb (", the Vesta Herald wrote,").

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta); none
is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused


def _article(sentence: str) -> str:
    return f"Money for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


def _problems(sentence: str, **sections: Any) -> list[tuple[str, str]]:
    return checked(_article(sentence), **sections)[1]


# ---------------------------------------------------------------- C17: the clause says it is no loan


NOT_A_LOAN = (
    "Norland gave Estria $40 million as a grant rather than a loan.",
    "Norland gave Estria $40 million as a grant, not as a loan.",
    "Norland gave Estria $40 million, a grant and not a loan.",
    "Norland gave Estria $40 million in grants instead of loans.",
    "Norland lent Estria $40 million and then made the loan a gift.",
    "Norland gave Estria $40 million as a donation, not a loan.",
)


# The same money told as a loan: a loan, and never aid.
TOLD_AS_LOAN = (
    "Norland lent Estria $40 million.",
    "Norland gave Estria a $40 million loan.",
    "Norland gave Estria $40 million as a loan.",
)


@pytest.mark.parametrize("sentence", NOT_A_LOAN)
def test_a_loan_its_own_clause_tells_as_no_loan_is_refused_at_its_amount(sentence: str) -> None:
    verb = "lent" if " lent " in sentence else "gave"
    found = _problems(sentence, loans=[_deal_loan("Norland", "$40 million", verb, sentence)])
    kinds = [message for item, message in found if item == "loans[0].as_written"]
    assert kinds, found
    assert any("grant" in m or "gift" in m or "donation" in m or "no loan" in m for m in kinds), kinds


@pytest.mark.parametrize("sentence", TOLD_AS_LOAN)
def test_a_loan_its_clause_tells_as_a_loan_still_passes(sentence: str) -> None:
    verb = "lent" if " lent " in sentence else "gave"
    assert refused(_article(sentence), loans=[_deal_loan("Norland", "$40 million", verb, sentence)]) == []


@pytest.mark.parametrize("sentence", TOLD_AS_LOAN)
def test_money_the_article_tells_as_lent_is_no_aid(sentence: str) -> None:
    """Told under /aid, a loan reads as a gift: the reader never learns it must be paid back."""
    verb = "lent" if " lent " in sentence else "gave"
    flow = dict(_deal_flow("Norland", "$40 million", verb, sentence), kind="financial")
    found = _problems(sentence, aid=[flow])
    assert any(item.startswith("aid[0]") and "loan" in message for item, message in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland gave Estria $40 million as a grant, not as a loan.",
        "Norland gave Estria $40 million, not as a loan.",
    ],
)
def test_money_given_as_no_loan_is_aid(sentence: str) -> None:
    """A loan word the clause names only to deny it does not make the giving a loan."""
    flow = dict(_deal_flow("Norland", "$40 million", "gave", sentence), kind="financial")
    assert "aid[0].kind" not in [item for item, _ in _problems(sentence, aid=[flow])]


# ---------------------------------------------------------------- D4: "a further $9 million"


@pytest.mark.parametrize("qualifier", ["a further", "another", "an additional", "an extra", "a fresh"])
def test_an_amount_told_as_added_to_an_earlier_one_keeps_its_word(qualifier: str) -> None:
    sentence = f"Norland lent Estria {qualifier} $9 million."
    found = _problems(sentence, loans=[_deal_loan("Norland", "$9 million", "lent", sentence)])
    assert any(item == "loans[0].as_written" and qualifier in message for item, message in found), found
    whole = _problems(sentence, loans=[_deal_loan("Norland", f"{qualifier} $9 million", "lent", sentence)])
    assert whole == []


def test_the_added_amount_is_shown_with_its_word() -> None:
    sentence = "Norland lent Estria a further $9 million."
    brief, found = checked(
        _article(sentence), loans=[_deal_loan("Norland", "a further $9 million", "lent", sentence)]
    )
    assert found == [] and brief is not None
    money = brief.loans[0].money
    assert money is not None and money.amount == 9_000_000 and "further" in money.reads_as


# ---------------------------------------------------------------- a saying verb set off by commas


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        ("Norland, the Vesta Herald wrote, sent fuel to Estria.", "the Vesta Herald wrote"),
        ("Norland, the harbour office reported, sent fuel to Estria.", "the harbour office reported"),
        ("Norland, Vesta said, sent fuel to Estria.", "Vesta said"),
    ],
)
def test_a_saying_aside_between_the_giver_and_its_verb_is_not_the_giver(
    sentence: str, attribution: str
) -> None:
    with_source = _deal_flow("Norland", "fuel", "sent", sentence, attribution=attribution)
    assert refused(_article(sentence), aid=[with_source]) == []
    # the aside still makes the giving somebody's claim
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == [
        "aid[0].attribution"
    ]
    # and the aside's subject is not the giver
    speaker = attribution.rsplit(" ", 1)[0].removeprefix("the ")
    wrong = _deal_flow(speaker, "fuel", "sent", sentence, attribution=attribution)
    assert "aid[0].donor" in refused(_article(sentence), aid=[wrong])


# ---------------------------------------------------------------- a loan told from the borrower's side


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Estria borrowed $9 million from Norland.", "borrowed"),
        ("Estria has borrowed $9 million from Norland.", "has borrowed"),
        ("Norland loaned Estria $9 million.", "loaned"),
    ],
)
def test_a_loan_told_by_who_borrows_or_with_loaned_is_read(sentence: str, verb: str) -> None:
    """HOSTILE-11 W1: a faithful loan was refused — "borrowed" read as a word of saying, its status as none,
    its parties as turned round; "loaned" did not name a loan."""
    assert refused(_article(sentence), loans=[_deal_loan("Norland", "$9 million", verb, sentence)]) == []
    turned = dict(_deal_loan("Estria", "$9 million", verb, sentence), borrower="Norland")
    assert refused(_article(sentence), loans=[turned]) != []
