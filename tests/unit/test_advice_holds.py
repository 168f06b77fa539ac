"""A message's advice is advice the check then takes (task "messages" 5): "say reading = true" was given for a
lender named in the sentence's first clause after its verb, where the borrower stands, and the reading it asked
for was refused in turn ("does not stand before the verb").

TEST FIXTURES, NOT NEWS: an invented text about invented places (Estria, Norland, Vesta, Oster).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import checked

TEXT = """Loans for Vesta

Oster has provided Vesta with a $9 million loan, Norland provided $4 million, and Estria provided $2 million.
Estria Harbour News staff contributed to this report.
"""
SENTENCE = TEXT.splitlines()[2]


def _loan(lender: str, borrower: str, **more: Any) -> dict[str, Any]:
    return {
        "lender": lender,
        "borrower": borrower,
        "as_written": "$4 million",
        "currency": "dollars",
        "status": "provided",
        "status_as_written": "provided",
        "evidence": [SENTENCE],
        **more,
    }


def _told(loan: dict[str, Any]) -> list[tuple[str, str]]:
    return checked(TEXT, loans=[loan])[1]


def test_no_reading_is_advised_for_a_lender_that_stands_where_the_borrower_does() -> None:
    told = dict(_told(_loan("Vesta", "Norland")))
    assert "say reading = true" not in told["loans[0].lender"]
    assert (
        "after its verb, where the borrower stands: a reading cannot make it the lender"
        in told["loans[0].lender"]
    )
    with_reading = [item for item, _ in _told(_loan("Vesta", "Norland", reading=True))]
    assert "loans[0].lender" in with_reading  # the reading it would have advised is refused


@pytest.mark.parametrize(("lender", "borrower"), [("Norland", "Vesta"), ("Vesta", "Norland")])
def test_advice_to_say_reading_is_taken_when_followed(lender: str, borrower: str) -> None:
    told = _told(_loan(lender, borrower))
    advised = {item for item, message in told if "say reading = true" in message}
    after = {item for item, _ in _told(_loan(lender, borrower, reading=True))}
    assert not advised & after, (told, after)


def test_the_reading_of_the_first_clauses_parties_passes() -> None:
    assert _told(_loan("Norland", "Vesta", reading=True)) == []
