"""HOSTILE-12 S3: a giving its own sentence goes on to tell refused, returned or taken back is not done.

"Norland sent fuel to Estria, but Estria refused it." was read as fuel provided: "refused" and "rejected" are
verbs the status rule knows (a refusal's own status), and "took" a plain narrative verb, so the rule that fails
closed on an unread verb after the giving never saw them, and "back" was read by no rule at all.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article


def _flow_refused(sentence: str, **more: object) -> list[str]:
    return refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence, **more)])


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria, but Estria refused it.",
        "Norland sent fuel to Estria, then took it back.",
        "Norland sent fuel to Estria, but Estria sent it back.",
        "Norland sent fuel to Estria, but Estria turned it away.",
        "Norland sent fuel to Estria, but Estria rejected it.",
        "Norland sent fuel to Estria and Estria declined it.",
    ],
)
def test_a_giving_refused_or_taken_back_in_its_sentence_is_not_done(sentence: str) -> None:
    assert "aid[0].status" in _flow_refused(sentence)


def test_a_loan_sent_back_is_not_done() -> None:
    sentence = "Norland lent Estria $9 million, but Estria sent it back."
    found = refused(_article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)])
    assert "loans[0].status" in found


# Guards: a giving with another deed after it, told under its source, given back in its own clause, or a loan repaid.
@pytest.mark.parametrize(
    "sentence", ["Norland sent fuel to Estria and built a dock.", "Norland sent fuel back to Estria."]
)
def test_a_giving_with_no_undoing_after_it_stands(sentence: str) -> None:
    assert _flow_refused(sentence) == []


def test_a_giving_told_under_its_source_stands() -> None:
    sentence = "Norland sent fuel to Estria, Vesta said."
    assert _flow_refused(sentence, attribution={"text": "Vesta said", "role": "source"}) == []


def test_a_loan_paid_back_was_lent() -> None:
    sentence = "Norland lent Estria $9 million, and Estria paid it back in 2025."
    assert refused(_article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence)]) == []
