"""HOSTILE-12 C3, C5, R1, S7: the donor does the verb, the recipient receives the item, in the verb's own words.

"Norland refused; Vesta sent fuel to Estria." was accepted with donor Norland (a party of the clause before
counted), "Norland blocked fuel sent to Estria." as Norland's sending (no subject read, so none checked), and
"Norland sent fuel to Vesta and water to Estria." as fuel for Estria (a later "to Estria" counted).

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

OTHER_DOER = (
    "Norland refused; Vesta sent fuel to Estria.",
    "Norland refused, so Vesta sent fuel to Estria.",
    "After Norland refused, Vesta sent fuel to Estria.",
    "Norland blocked fuel sent to Estria.",
)


@pytest.mark.parametrize("sentence", OTHER_DOER)
def test_a_party_of_another_clause_is_not_the_donor(sentence: str) -> None:
    assert "aid[0].donor" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )


@pytest.mark.parametrize("sentence", OTHER_DOER[:3])
def test_who_does_the_verb_is_the_donor(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Vesta", "fuel", "sent", sentence)]) == []


OTHER_RECEIVER = (
    "Norland sent fuel to Vesta and water to Estria.",
    "Norland, which sent fuel to Vesta, sent water to Estria.",
)


@pytest.mark.parametrize("sentence", OTHER_RECEIVER)
def test_the_item_goes_to_whom_its_own_to_names(sentence: str) -> None:
    assert "aid[0].recipient" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )
    assert (
        refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence, recipient="Vesta")])
        == []
    )


GUARDS = (
    "Norland sent fuel to Estria.",
    "Norland sent fuel and water to Estria.",
    "Norland sent Estria fuel.",
    "Norland sent fuel through Vesta to Estria.",
    "Vesta refused, but Norland sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", GUARDS)
def test_a_plain_giving_still_passes(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []
