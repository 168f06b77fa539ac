"""A key point is shown alone, so what a reader sees must say who "He" is (REPORT-reader16 finding 3): a key point
whose first sentence has a pronoun for someone named elsewhere as its subject ("He can be seen …") is refused unless
its passage takes in the sentence that names them; `briefbot new` offers such a sentence only joined to that one.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Mirren) and people; none is, or is taken from, a real report.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bot.briefs.article import Article
from bot.briefs.skeleton import skeleton
from tests.unit.test_seventh_reading_b import ARTICLE, shipped_refusals
from tests.unit.test_sixth_reading import checked

# TEST FIXTURE, NOT NEWS: sentences led by a pronoun after the sentence that names whom it stands for.
PRONOUNS_LED = """Harbour talks in Estria

Mayor Ben Oster opened the quay at Mirren on Monday. He can be seen in a film of the opening.
Harbourmaster Ada Quill visited the cranes. On Tuesday, she closed the quay for repairs.
The ferry crews met Mayor Ben Oster. They asked for new boats. Their boats are old.
Vesta sent nets to Estria. But he opened the quay on Friday.
Helen Marr opened the harbour office. The office had been shut since May.
In Mirren, the ferries sank. Then the crew swam to Estria.
Estria Harbour News staff contributed to this report.
"""


def _problems(*passages: str) -> list[tuple[str, str]]:
    return checked(PRONOUNS_LED, key_points=[{"evidence": list(passages)}])[1]


@pytest.mark.parametrize(
    ("passage", "pronoun"),
    [
        ("He can be seen in a film of the opening.", "He"),
        ("On Tuesday, she closed the quay for repairs.", "she"),
        ("They asked for new boats.", "They"),
        ("But he opened the quay on Friday.", "he"),
    ],
)
def test_a_key_point_led_by_a_pronoun_is_refused(passage: str, pronoun: str) -> None:
    problems = _problems(passage)
    assert [item for item, _ in problems] == ["key_points[0].evidence[0]"], problems
    assert f"opens on “{pronoun}”" in problems[0][1]
    assert "take the sentence that names them into the passage" in problems[0][1]


def test_the_message_says_whom_the_pronoun_stands_for_when_the_brief_names_them() -> None:
    person = {
        "name": "Ben Oster",
        "role": "Mayor",
        "as_written": "Mayor Ben Oster",
        "evidence": ["Mayor Ben Oster opened the quay at Mirren on Monday."],
    }
    problems = checked(
        PRONOUNS_LED,
        people=[person],
        key_points=[{"evidence": ["He can be seen in a film of the opening."]}],
    )[1]
    assert [m for _, m in problems] and "Ben Oster, named in the sentence before" in problems[0][1], problems


@pytest.mark.parametrize(
    "passage",
    [
        # the sentence that names whom it stands for, taken in
        "Mayor Ben Oster opened the quay at Mirren on Monday. He can be seen in a film of the opening.",
        "Harbourmaster Ada Quill visited the cranes. On Tuesday, she closed the quay for repairs.",
        # ordinary prose: a name that starts with "He", a setting and a subject, an opener and a subject
        "Helen Marr opened the harbour office.",
        "The office had been shut since May.",
        "In Mirren, the ferries sank.",
        "Then the crew swam to Estria.",
    ],
)
def test_a_key_point_that_names_its_subject_passes(passage: str) -> None:
    assert _problems(passage) == []


def test_the_shipped_video_sentence_alone_is_refused_and_joined_passes() -> None:
    alone = "He can be seen in a video posted to the Twitter account of US Secretary of Defense Lloyd Austin."
    refusals = shipped_refusals(lambda raw: raw["key_points"].append({"evidence": [alone]}))
    assert refusals == ["key_points[11].evidence[0]"]
    told = "He told the ministers that he was concerned Russia would shoot down Israel Air Force planes."
    refusals = shipped_refusals(
        lambda raw: raw["key_points"].append(
            {"evidence": [told], "attribution": "a senior diplomatic source said"}
        )
    )
    assert "key_points[11].evidence[0]" in refusals
    assert shipped_refusals(lambda raw: None) == []


def test_briefbot_new_offers_a_pronoun_led_key_point_only_with_the_sentence_before() -> None:
    text = skeleton(ARTICLE, "t", datetime.date(2026, 1, 1), "seeds/x.txt").text
    assert '# [[key_points]]\n# evidence = ["He can be seen' not in text
    assert (
        "Deputy Director Ilan Mezushan participated in the Ukraine Defense Contact Group in Brussels. He can be seen"
        in text
    )
    fixture: Any = skeleton(Article("fixture.txt", PRONOUNS_LED), "t", datetime.date(2026, 1, 1), "x").text
    assert '# [[key_points]]\n# evidence = ["On Tuesday, she closed' not in fixture
    assert (
        "Harbourmaster Ada Quill visited the cranes. On Tuesday, she closed the quay for repairs." in fixture
    )
