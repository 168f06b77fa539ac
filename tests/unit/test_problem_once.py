"""Each problem is told once (REPORT-reader17 finding 8): a closing attribution given with the role `response`
over a loan's two evidence sentences was reported twice, once for each sentence it governs.

TEST FIXTURES, NOT NEWS: the sentences below are invented, about invented places.
"""

from __future__ import annotations

from tests.unit.test_sixth_reading import checked

ASKED = "Estria also asked Norland for a loan of 40 million crowns last week."
ANSWERED = "Norland has not answered the request, a Norland official said."
TEXT = f"Loans for Estria\n\n{ASKED} {ANSWERED}\nEstria Harbour News staff contributed to this report.\n"


def _loan(attribution: object) -> dict[str, object]:
    return {
        "lender": "Norland",
        "borrower": "Estria",
        "as_written": "40 million crowns",
        "status": "requested",
        "status_as_written": "asked",
        "when": "last week",
        "attribution": attribution,
        "evidence": [ASKED, ANSWERED],
    }


def test_a_closing_attributions_wrong_role_is_told_once() -> None:
    wrong = [{"text": "Norland has not answered the request, a Norland official said", "role": "response"}]
    found = checked(TEXT, loans=[_loan(wrong)])[1]
    assert [item for item, _ in found] == ["loans[0].attribution"]
    assert "role `source`" in found[0][1]


def test_no_brief_is_told_a_problem_twice() -> None:
    found = checked(TEXT, loans=[_loan([{"text": "a Norland official said", "role": "response"}])])[1]
    assert len(found) == len(set(found))
