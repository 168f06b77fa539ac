"""HOSTILE-12 Q6: "hasnʼt" (U+02BC), "hasn´t" (an acute accent) and "hasn`t" (a grave accent) are the same "hasn't"
to a reader: the negation is read, not lost.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article


@pytest.mark.parametrize("apostrophe", ["\u02bc", "\u00b4", "`", "\u2032"])
def test_a_negation_written_with_another_apostrophe_is_read(apostrophe: str) -> None:
    sentence = f"Norland hasn{apostrophe}t sent fuel to Estria."
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    assert "aid[0].status" in refused(_article(sentence), aid=[flow])
