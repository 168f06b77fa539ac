"""The recipient is the one the items are handed to, not a target, a place or someone related to it
(REPORT-hostile16 F3): "Norland sent tanks to attack Estria." was accepted as aid given to Estria, and so were
"against Estria", "to the enemies of Estria", "over Estria" and "to the harbour of Estria".

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta).
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused


def _aid(sentence: str, item: str, verb: str = "sent", recipient: str = "Estria") -> list[str]:
    article = f"Fuel for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    return refused(article, aid=[{**_deal_flow("Norland", item, verb, sentence), "recipient": recipient}])


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("Norland sent tanks to attack Estria.", "tanks"),
        ("Norland sent tanks to fight Estria.", "tanks"),
        ("Norland sent fuel against Estria.", "fuel"),
        ("Norland sent fuel to the enemies of Estria.", "fuel"),
        ("Norland sent fuel to a rival of Estria.", "fuel"),
        ("Norland sent bombers over Estria.", "bombers"),
        ("Norland sent fuel to the harbour of Estria.", "fuel"),
    ],
)
def test_a_target_a_place_or_another_party_is_not_the_recipient(sentence: str, item: str) -> None:
    assert _aid(sentence, item) == ["aid[0].recipient"]


def test_a_destination_of_the_goods_is_not_their_recipient() -> None:
    assert _aid("Norland sent fuel bound for Vesta to Estria.", "fuel", recipient="Vesta") == [
        "aid[0].recipient"
    ]


@pytest.mark.parametrize(
    ("sentence", "item", "verb"),
    [
        ("Norland sent fuel to Estria.", "fuel", "sent"),
        ("Norland sent Estria fuel.", "fuel", "sent"),
        ("Norland provided Estria with fuel.", "fuel", "provided"),
        ("Norland sent fuel and water to Estria.", "fuel", "sent"),
        ("Norland sent fuel on Monday to Estria.", "fuel", "sent"),
        ("Norland sent fuel, by sea, to Estria.", "fuel", "sent"),
        ("Norland sent tanks to help Estria.", "tanks", "sent"),
        ("Norland sent fuel to the people of Estria.", "fuel", "sent"),
        ("Norland sent fuel to the government of Estria.", "fuel", "sent"),
        ("Norland sent fuel to its ally Estria.", "fuel", "sent"),
        ("Norland sent fuel bound for Vesta to Estria.", "fuel", "sent"),
    ],
)
def test_a_recipient_the_items_are_handed_to_still_passes(sentence: str, item: str, verb: str) -> None:
    assert _aid(sentence, item, verb) == []
