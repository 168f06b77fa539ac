"""A participle just after a comma is a passive with no auxiliary (REPORT-hostile16 F2): "Norland, lent $90 million
by Estria, paid it back." was accepted as a loan from Norland to Estria, the parties turned round, because only a
participle after a form of "be" was read as passive.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland).
"""

from __future__ import annotations

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused


def _article(sentence: str) -> str:
    return f"Fuel for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


def test_a_loan_told_in_a_reduced_passive_has_its_agent_as_lender() -> None:
    turned = "Norland, lent $90 million by Estria, paid it back."
    assert refused(_article(turned), loans=[_deal_loan("Norland", "$90 million", "lent", turned)]) != []
    told = "Estria, lent $90 million by Norland, paid it back."
    assert refused(_article(told), loans=[_deal_loan("Norland", "$90 million", "lent", told)]) == []


def test_a_giving_told_in_a_reduced_passive_has_its_agent_as_donor() -> None:
    turned = "Norland, given fuel by Estria, thanked it."
    assert "aid[0].donor" in refused(_article(turned), aid=[_deal_flow("Norland", "fuel", "given", turned)])


def test_a_plain_loan_after_a_comma_is_still_its_subjects() -> None:
    told = "On Monday, Norland lent Estria $90 million."
    assert refused(_article(told), loans=[_deal_loan("Norland", "$90 million", "lent", told)]) == []


def test_a_verb_listed_after_a_clause_of_its_own_is_no_passive() -> None:
    """Review mend: "Norland thanked Vesta, sent fuel to Estria by sea and left." was refused as a passive whose
    agent is "sea" (aa706c1 read any participle after a comma so)."""
    told = "Norland thanked Vesta, sent fuel to Estria by sea and left."
    assert refused(_article(told), aid=[_deal_flow("Norland", "fuel", "sent", told)]) == []
