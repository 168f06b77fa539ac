"""Each member of a verb's listed object is what the verb tells of (REPORT-reader17 finding 3, REPORT-hostile17
W1–W3): "Norland sent 40 tonnes of fuel and 12 cranes to Estria." sends the cranes as well as the fuel, so a flow
of the cranes alone, or one flow per item, reads its status verb as said of its item. What is not a list of the
verb's object ("sent fuel to Vesta and 12 cranes", "sent fuel and later sold 12 cranes") is not read so.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked


def _article(*paragraphs: str) -> str:
    return (
        "Fuel for Estria\n\n"
        + "\n\n".join(paragraphs)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


def _refused(sentence: str, *flows: dict[str, object]) -> list[str]:
    return [item for item, _ in checked(_article(sentence), aid=list(flows))[1]]


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("Norland sent 40 tonnes of fuel and 12 cranes to Estria.", "12 cranes"),
        ("Norland sent fuel, food and 12 cranes to Estria.", "12 cranes"),
        ("Norland sent fuel, food, and 12 cranes to Estria.", "12 cranes"),
        ("Norland sent Estria fuel and two cranes.", "two cranes"),
        ("Norland sent fuel or medicine to Estria.", "medicine"),
    ],
)
def test_a_later_member_of_the_listed_object_is_what_the_verb_tells_of(sentence: str, item: str) -> None:
    assert _refused(sentence, _deal_flow("Norland", item, "sent", sentence)) == []


def test_one_flow_per_item_of_one_verb_is_read() -> None:
    sent = "Norland sent 400 tonnes of fuel and medicine to Estria by sea on Monday."
    fuel = _deal_flow("Norland", "400 tonnes of fuel", "sent", sent)
    medicine = _deal_flow("Norland", "medicine", "sent", sent, kind="medical")
    assert _refused(sent, fuel, medicine) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Vesta and 12 cranes to Estria.",  # not the verb's one listed object
        "Norland sent fuel and later sold 12 cranes to Estria.",  # another verb's object
        "Norland sent fuel, and Vesta sold 12 cranes to Estria.",
        "Norland sent fuel while Vesta held 12 cranes for Estria.",
    ],
)
def test_an_item_of_another_clause_is_not_a_member_of_the_list(sentence: str) -> None:
    assert "aid[0].status_as_written" in _refused(
        sentence, _deal_flow("Norland", "12 cranes", "sent", sentence)
    )
