"""A word of someone else's words in a subheading frames only when it names the text it heads (session 17,
frames2; REPORT-frames "possibly wrong refusals": "Freedom of speech", "Job interviews resume").

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta);
none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused

GIVING = "Norland sent fuel to Estria on Monday."


def _article(heading: str) -> str:
    return (
        f"Fuel for Estria\n\n{heading}\n\n{GIVING}\nEstria Harbour News staff contributed to this report.\n"
    )


@pytest.mark.parametrize(
    "heading", ["Freedom of speech", "Job interviews resume", "The archive burns", "Interviews begin"]
)
def test_a_heading_naming_a_topic_with_a_word_of_others_words_frames_nothing(heading: str) -> None:
    assert refused(_article(heading), key_points=[{"evidence": [GIVING]}]) == []
    assert refused(_article(heading), aid=[_deal_flow("Norland", "fuel", "sent", GIVING)]) == []


@pytest.mark.parametrize(
    "heading",
    [
        "Reader comments",
        "Transcript of the interview",
        "Text of the speech",
        "Excerpts from the speech",
        "Speech",
        "Interview",
        "Letters to the editor",
    ],
)
def test_a_heading_naming_someone_elses_text_still_frames(heading: str) -> None:
    assert refused(_article(heading), aid=[_deal_flow("Norland", "fuel", "sent", GIVING)]) == [
        "aid[0].status"
    ]
