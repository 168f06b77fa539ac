"""A sentence that points at someone's account hands what follows to it (TASK-frames, issue 10).

"Vesta gave this account on Monday." and "This is how Vesta tells it." before "Norland sent fuel to Estria on
Monday." were accepted as fuel sent: an account was read after a possessive only ("Vesta gave its side"), and a
telling only with a word of telling otherwise. Now "this" or "these" before a noun of account, in a sentence that
gives or tells it (`POINTING_ON_DETERMINERS`), and an opening that points at how or what someone tells, with a
verb of telling after it (`POINTING_ON_OPENINGS`), frame what follows; "that" points back, and a sentence without
a telling is plain.

TEST FIXTURES, NOT NEWS: invented texts about invented places (Estria, Norland, Vesta, Oster); none is, or is taken
from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked

GIVING = "Norland sent fuel to Estria on Monday."


def _found(body: str) -> dict[str, str]:
    text = f"Fuel for Estria\n\n{body}\nEstria Harbour News staff contributed to this report.\n"
    return dict(checked(text, aid=[_deal_flow("Norland", "fuel", "sent", GIVING)])[1])


POINTING_SENTENCES = (
    "Vesta gave this account on Monday.",
    "Oster offered these recollections.",
    "Vesta told this story in May.",
    "Vesta shared this version with reporters.",
    "This is how Vesta tells it.",
    "This is how Estria sees it.",
    "This is what Oster says.",
    "This was how the mayor described it.",
)
PLAIN_SENTENCES = (
    "Norland told that story in May.",
    "Vesta denied this account on Monday.",
    "Estria has this view of the harbour.",
    "This is how the port works.",
    "This was how the winter began.",
    "This is what Estria needed.",
    "In this account, the port was shut in May.",
)


@pytest.mark.parametrize("before", POINTING_SENTENCES)
def test_a_sentence_that_points_at_someones_account_frames_what_follows(before: str) -> None:
    found = _found(f"{before} {GIVING}")
    assert "aid[0].status" in found  # "Vesta told …" may open an account as well: its attribution is read too
    assert f"“{before}”" in found["aid[0].status"]
    assert "change the status" in found["aid[0].status"]


@pytest.mark.parametrize("before", POINTING_SENTENCES[:2] + POINTING_SENTENCES[4:5])
def test_it_reaches_through_its_paragraph(before: str) -> None:
    assert list(_found(f"{before} The port was busy. {GIVING}")) == ["aid[0].status"]


@pytest.mark.parametrize("before", PLAIN_SENTENCES)
def test_a_sentence_that_points_back_or_tells_nothing_leaves_the_giving_done(before: str) -> None:
    assert _found(f"{before} {GIVING}") == {}
