"""A source names who says so (HOSTILE-15 3): "reportedly", "allegedly", "is believed to have" or "probably" given
as a source passed and every answer printed "Who says so: “reportedly”". Words that name no one are refused as a
source, saying to give them as a hedge; given as one, they pass and are shown as "Hedge".

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_loan, checked
from tests.unit.test_undone_giving import _article

CASES = (
    ("Norland reportedly lent Estria $9 million.", "reportedly"),
    ("Norland allegedly lent Estria $9 million.", "allegedly"),
    ("Norland is believed to have lent Estria $9 million.", "is believed to have"),
    ("Norland appears to have lent Estria $9 million.", "appears to have"),
)


@pytest.mark.parametrize(("sentence", "words"), CASES)
def test_words_that_name_no_one_are_no_source(sentence: str, words: str) -> None:
    loan = _deal_loan("Norland", "$9 million", "lent", sentence, attribution=words)
    _, found = checked(_article(sentence), loans=[loan])
    assert [where for where, _ in found] == ["loans[0].attribution"]
    assert 'role = "hedge"' in found[0][1]
    hedged = {**loan, "attribution": {"text": words, "role": "hedge"}}
    assert checked(_article(sentence), loans=[hedged])[1] == []


def test_a_named_source_still_passes() -> None:
    sentence = "Norland lent Estria $9 million, the Vesta Herald reported."
    loan = _deal_loan("Norland", "$9 million", "lent", sentence, attribution="the Vesta Herald reported")
    assert checked(_article(sentence), loans=[loan])[1] == []
