"""A short sentence that describes whose version follows frames it (session 17, frames2; REPORT-frames left
undone: "Vesta's version is simple." before a giving told as fact).

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked, refused

TOLD = "Norland sent fuel to Estria on Monday."


def _article(*paragraphs: str) -> str:
    return (
        "Fuel for Estria\n\n"
        + "\n\n".join(paragraphs)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


DESCRIBED = (
    "Vesta's version is simple.",
    "Vesta’s version is simple.",
    "The mayor's version was simple.",
    "Vesta's account is short.",
    "Oster's story is different.",
    "Their account was brief.",
    "Its take is blunt.",
    "Vesta's version is very different.",
)


@pytest.mark.parametrize("frame", DESCRIBED)
def test_a_key_point_after_a_described_account_is_refused(frame: str) -> None:
    found = checked(_article(f"{frame} {TOLD}"), key_points=[{"evidence": [TOLD]}])[1]
    assert [item for item, _ in found] == ["key_points[0].evidence[0]"]
    assert "start the passage with that sentence" in found[0][1]
    assert refused(_article(f"{frame} {TOLD}"), key_points=[{"evidence": [f"{frame} {TOLD}"]}]) == []


@pytest.mark.parametrize("frame", DESCRIBED[:3])
def test_a_giving_after_a_described_account_is_refused(frame: str) -> None:
    """The frame hands on past its paragraph when it ends it."""
    assert refused(_article(frame, TOLD), aid=[_deal_flow("Norland", "fuel", "sent", TOLD)]) == [
        "aid[0].status"
    ]
    assert refused(_article(f"{frame} {TOLD}"), aid=[_deal_flow("Norland", "fuel", "sent", TOLD)]) == [
        "aid[0].status"
    ]


@pytest.mark.parametrize(
    "prior",
    [
        "Vesta's harbour is busy.",
        "Vesta's port is simple.",
        "The version is new.",
        "Vesta's account was frozen.",
        "Estria's case is strong.",
        "Vesta's story is well known.",
        "In Vesta's version, the port is shut.",
        "The story of the port is simple.",
    ],
)
def test_a_sentence_that_describes_no_account_before_it_frames_nothing(prior: str) -> None:
    assert refused(_article(f"{prior} {TOLD}"), key_points=[{"evidence": [TOLD]}]) == []
    assert refused(_article(prior, TOLD), aid=[_deal_flow("Norland", "fuel", "sent", TOLD)]) == []
