"""Issue 10, HOSTILE-14 B, D, L: the sentences after a done giving, to the end of its paragraph.

The sentence after a giving was read only when it pointed back ("it", "that", "the shipment") or opened with the
item, and only the one next sentence: "Vesta received the fuel.", "No fuel arrived.", "Norland later denied
sending fuel.", "It was a loan." (aid told as lent) and a denial two sentences on were accepted as fuel sent. And
faithful prose that pointed back was refused: "It was a gesture of goodwill.", "The shipment was the largest
yet.", "So far, no other country has followed." Same-sentence tails ("— that much is false.", ", sort of.") were
accepted too.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster, Mirren); none is, or is taken from, a
real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused
from tests.unit.test_undone_giving import _article

GIVING = "Norland sent fuel to Estria."
LENDING = "Norland lent Estria $9 million."

# a later sentence of the paragraph that denies, undoes or retells the giving
UNDONE_AFTER = (
    "Vesta received the fuel.",
    "Nothing arrived.",
    "No fuel arrived.",
    "Not a drop reached Estria.",
    "The tankers never arrived.",
    "Norland later denied sending fuel.",
    "Estria denies receiving any fuel.",
    "The news was false.",
    "Norland was joking.",
    "Norland recalled the ships.",
    "Vesta seized the cargo.",
    "The fuel was diverted to Vesta.",
    "The fuel went to Vesta.",
    "Vesta stopped it.",
    "Vesta blocked it at the border.",
    "It sank.",
    "It was a loan.",
    "Rating: false.",
    "Estria never got any.",
    # two sentences on
    "Estria thanked Norland on Monday. But the fuel had never left port.",
    "Officials in Estria welcomed the news. That account is false.",
)
# faithful prose after the giving: it tells more of the giving, or of something else, and leaves it done
PLAIN_AFTER = (
    "It was a gesture of goodwill.",
    "This is the first time Norland has helped Estria.",
    "The shipment was the largest yet.",
    "That brings Norland's aid this year to 2,000 tonnes.",
    "Some of it went to hospitals in Mirren.",
    "So far, no other country has followed.",
    "That is the most since 2019.",
    "It was not the first time.",
    "It was a response to Estria's appeal.",
    "It was the third shipment this year.",
    "Estria thanked Norland on Monday.",
    "Estria's president welcomed the fuel.",
    "The fuel reached Mirren on Monday.",
    "Vesta did not send fuel.",
    "Officials said that the port is not open.",
    "Estria thanked Norland on Monday. Homes in Mirren stayed warm.",
    # a correction two sentences on corrects what was just told there, not the giving
    "Vesta sent water. Oster would rather wait.",
    # a party named in a sentence about something else, negated
    "Estria's winter has not been easy.",
    "Estria has no refinery.",
)
LOAN_UNDONE_AFTER = ("It was a gift.", "It was aid.", "Estria received $2 million.")
LOAN_PLAIN_AFTER = (
    "It was the second loan this year.",
    "Estria will repay it over ten years.",
    "It is the largest loan Norland has made.",
    "Estria received $9 million.",
)
# a clause or phrase closing the giving's own sentence that calls it untrue or weakens it
UNDONE_TAILS = (
    "Norland sent fuel to Estria — that much is false.",
    "Norland sent fuel to Estria — in its dreams.",
    "Norland sent fuel to Estria, sort of.",
    "Norland sent fuel to Estria in name only.",
)
PLAIN_TAILS = (
    "Norland sent fuel to Estria — a first for the region.",
    "Norland sent fuel to Estria: 2,000 tonnes.",
)


@pytest.mark.parametrize("after", UNDONE_AFTER)
def test_a_giving_a_later_sentence_undoes_is_not_done(after: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert "aid[0].status" in refused(_article(f"{GIVING} {after}"), aid=[flow])


@pytest.mark.parametrize("after", PLAIN_AFTER)
def test_a_giving_followed_by_faithful_prose_stays_done(after: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert refused(_article(f"{GIVING} {after}"), aid=[flow]) == []


@pytest.mark.parametrize("after", LOAN_UNDONE_AFTER)
def test_a_loan_a_later_sentence_retells_is_not_done(after: str) -> None:
    loan = _deal_loan("Norland", "$9 million", "lent", LENDING)
    assert "loans[0].status" in refused(_article(f"{LENDING} {after}"), loans=[loan])


@pytest.mark.parametrize("after", LOAN_PLAIN_AFTER)
def test_a_loan_followed_by_faithful_prose_stays_done(after: str) -> None:
    loan = _deal_loan("Norland", "$9 million", "lent", LENDING)
    assert refused(_article(f"{LENDING} {after}"), loans=[loan]) == []


@pytest.mark.parametrize("sentence", UNDONE_TAILS)
def test_a_giving_its_sentence_calls_untrue_or_weakens_is_not_done(sentence: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    assert "aid[0].status" in refused(_article(sentence), aid=[flow])


@pytest.mark.parametrize("sentence", PLAIN_TAILS)
def test_a_giving_with_a_plain_tail_stays_done(sentence: str) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    assert refused(_article(sentence), aid=[flow]) == []


def test_the_refusal_names_the_sentence_and_what_to_do() -> None:
    after = "Estria thanked Norland on Monday. But the fuel had never left port."
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    found = dict(checked(_article(f"{GIVING} {after}"), aid=[flow])[1])
    message = found["aid[0].status"]
    assert "But the fuel had never left port." in message
    assert "change the status" in message
