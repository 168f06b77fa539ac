"""A frame that ends its paragraph and hands on by its form reaches every paragraph under it, up to the next heading
(TASK-frames, issue 10).

"Vesta tells a different story." / "The port was busy." / "Norland sent fuel to Estria on Monday." was accepted as
fuel sent: only the last sentence of the paragraph just above was read. A paragraph that hands on to what follows
(a colon after someone's words, "… put it this way.", "tells a different story", "Picture this.", "This is how
Vesta tells it.") is now read as a heading is, for every paragraph under it until the next heading; a framing noun
that may name what went before ("Norland rejects the claim.") and a question reach only the next paragraph, as
before. A key point framed from another paragraph or a heading is told to give those words as a passage of its own
(it cannot start its passage with them), or, when they are too short to be evidence, that the article does not
tell it as its own.

TEST FIXTURES, NOT NEWS: invented texts about invented places (Estria, Norland, Vesta, Oster); none is, or is taken
from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked

GIVING = "Norland sent fuel to Estria on Monday."
BETWEEN = "The port was busy in December.\n\nThe tankers were late.\n\n"


def _text(body: str) -> str:
    return f"Fuel for Estria\n\n{body}\nEstria Harbour News staff contributed to this report.\n"


def _found(body: str) -> dict[str, str]:
    return dict(checked(_text(body), aid=[_deal_flow("Norland", "fuel", "sent", GIVING)])[1])


HANDING_ON = (
    "Vesta tells a different story.",
    "Vesta put it this way.",
    "Picture this.",
    "This is how Vesta tells it.",
    "Vesta gave this account on Monday.",
    "Hypothetically speaking.",
    "Asked what had happened in the port that week, the mayor of Vesta gave reporters a long account:",
    "The port was quiet in May. Vesta remembers it otherwise.",
)
# Paragraphs before the one above that name a framing noun looking back, or ask: the giving two paragraphs down is
# the article's own.
NOT_HANDING_ON = (
    "Norland rejects the claim.",
    "Oster called it a rumour.",
    "Was the port as busy in December as the mayor of Vesta told reporters on Monday it was?",
    "Vesta tells a different story. Its officials spoke on Monday.",
)


@pytest.mark.parametrize("frame", HANDING_ON)
def test_a_paragraph_that_hands_on_frames_the_paragraphs_under_it(frame: str) -> None:
    found = _found(f"{frame}\n\n{BETWEEN}{GIVING}")
    assert "aid[0].status" in found
    assert "a paragraph above it" in found["aid[0].status"]


@pytest.mark.parametrize("frame", HANDING_ON[:3])
def test_the_next_heading_closes_it(frame: str) -> None:
    assert _found(f"{frame}\n\n{BETWEEN}Fuel deliveries\n\n{GIVING}") == {}


@pytest.mark.parametrize("frame", NOT_HANDING_ON)
def test_a_paragraph_that_looks_back_or_asks_reaches_only_the_next(frame: str) -> None:
    assert _found(f"{frame}\n\n{BETWEEN}{GIVING}") == {}


def test_a_frame_inside_a_paragraph_above_still_reads_on_into_the_next() -> None:
    assert "aid[0].status" in _found(f"Norland rejects the claim.\n\n{GIVING}")


def _key_point(body: str, *evidence: str) -> dict[str, str]:
    return dict(checked(_text(body), key_points=[{"evidence": list(evidence) or [GIVING]}])[1])


def test_a_key_point_framed_from_another_paragraph_is_told_to_take_those_words_in() -> None:
    frame = "Vesta put it this way, speaking on Monday:"
    found = _key_point(f"{frame}\n\n{BETWEEN}{GIVING}")
    message = found["key_points[0].evidence[0]"]
    assert f"“{frame}”" in message and "give those words as a passage of its evidence too" in message
    assert "start the passage" not in message
    letters = "Letters to the editor"
    found = _key_point(f"{letters}\n\n{GIVING}")
    assert "give those words as a passage" in found["key_points[0].evidence[0]"]
    assert _key_point(f"{letters}\n\n{GIVING}", letters, GIVING) == {}


def test_a_key_point_under_a_short_framing_heading_is_told_it_is_not_the_articles_own() -> None:
    message = _key_point(f"Transcript\n\n{GIVING}")["key_points[0].evidence[0]"]
    assert "too short to stand as evidence" in message and "drop it" in message


def test_a_key_point_framed_in_its_own_paragraph_still_starts_its_passage_there() -> None:
    message = _key_point(f"Picture this. {GIVING}")["key_points[0].evidence[0]"]
    assert "start the passage with that sentence" in message


def test_a_status_message_names_the_words_not_a_sentence() -> None:
    message = _found(f"Reader comments\n\n{GIVING}")["aid[0].status"]
    assert "the words before it (“Reader comments”)" in message
