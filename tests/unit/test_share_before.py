"""An amount spoken of already ("the $9 million") is whole after a verb, a name or a preposition, and a share or a
multiple of itself after anything else ("half the $9 million", "triple the $9 million"): the verb is told by the
lexicon, not by its ending ("provides", "lend", "give" have none of -ed, -ent, -ave, -ant).

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_loan, refused
from tests.unit.test_undone_giving import _article

WHOLE = (
    "Norland lent the $9 million to Estria.",
    "Norland will lend the $9 million to Estria.",
    "Norland lends the $9 million to Estria.",
    "Norland lent its $9 million to Estria.",
    "Norland lent all the $9 million to Estria.",
    "Norland pays the $9 million to Estria.",
)
SHARES = (
    "Norland lent half the $9 million to Estria.",
    "Norland lent triple the $9 million to Estria.",
    "Norland lent double the $9 million to Estria.",
    "Norland lent twice the $9 million to Estria.",
    "Norland lent nearly all the $9 million to Estria.",
    "Norland lent almost all the $9 million to Estria.",
    "Norland lent over the $9 million to Estria.",
    "Norland lent near the $9 million to Estria.",
    "Norland lent a sum that exceeded the $9 million to Estria.",
    "Norland lent a sum that matches the $9 million to Estria.",
)


def _verb(sentence: str) -> str:
    return next(word for word in ("will lend", "lends", "lent", "pays") if word in sentence)


@pytest.mark.parametrize("sentence", WHOLE)
def test_the_amount_after_a_verb_is_whole(sentence: str) -> None:
    status = "pledged" if "will" in sentence else "provided"
    loan = _deal_loan("Norland", "$9 million", _verb(sentence), sentence, status=status)
    assert "loans[0].as_written" not in refused(_article(sentence), loans=[loan])


@pytest.mark.parametrize("sentence", SHARES)
def test_a_share_or_multiple_of_the_amount_is_refused(sentence: str) -> None:
    loan = _deal_loan("Norland", "$9 million", "lent", sentence)
    assert "loans[0].as_written" in refused(_article(sentence), loans=[loan])
