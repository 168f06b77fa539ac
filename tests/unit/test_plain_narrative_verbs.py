"""A news story's commonest narrative verbs are the article's own telling (REPORT-reader15 finding 6).

Faithful key points such as "The talks resumed on Monday." were refused for "a word the check has no meaning
for", so an editor's first brief of an ordinary article needed a change to the code. The verbs that never say who
says so, hedge or take a giving back are now plain; "return", "end" and "damage", which can undo a giving, still
need reading.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

PLAIN = (
    "The talks resumed on Monday.",
    "Oster visited Vesta on Monday.",
    "Oster hosted the talks on Monday.",
    "Prices rose sharply in Vesta.",
    "The ferries carried fuel to Estria.",
    "Oster repaired the cranes on Monday.",
    "Oster joined the talks on Monday.",
    "Oster condemned the strike on Monday.",
    "Oster launched an inquiry on Monday.",
    "Oster attended the talks on Monday.",
)


@pytest.mark.parametrize("sentence", PLAIN)
def test_a_plain_narrative_sentence_is_a_key_point(sentence: str) -> None:
    assert refused(_article(sentence), key_points=[{"evidence": [sentence]}]) == []


@pytest.mark.parametrize("after", ["Estria returned it.", "Vesta damaged it at sea."])
def test_a_verb_that_can_undo_a_giving_still_needs_reading(after: str) -> None:
    giving = "Norland sent fuel to Estria."
    body = f"{giving} {after}"
    assert refused(_article(body), aid=[_deal_flow("Norland", "fuel", "sent", giving)]) == ["aid[0].status"]
