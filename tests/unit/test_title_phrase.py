"""A person's title phrase runs back over capitalised words and the small words that join them (REPORT-reader16
finding 1): "Israel Yevgen Korniychuk" cut out of "Ukrainian Ambassador to Israel Yevgen Korniychuk" made Ukraine's
ambassador "Israel". The check refuses a phrase cut after "to", "of", "and", … and names the whole title to write;
`briefbot new` proposes it whole.

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

# TEST FIXTURE, NOT NEWS: titles joined by small words, and guard sentences where a small word joins no title.
TITLED = """Harbour talks in Estria

Vestan Envoy to Estria Ada Quill visited the quay.
The film was posted by Norland Secretary of Harbours Ben Oster.
Harbour Ministry Policy and Port Bureau Deputy Director Ivo Renn visited the quay.
The talks were led by Chairman of the Harbour Board Tess Marr.
Minister of Trade and Industry Lena Voss opened the quay.
Vesta sent a letter to Mayor Pia Holm about the quay.
The Harbour Ministry of Estria and Mayor Kai Brand signed the deal.
Foreign Minister Ola Wren and Harbour Minister Jon Falk met at the quay.
The Harbour Ministry sent a note to Estria Mayor Sven Dahl about the quay.
Estria and Mayor Eva Lind signed the deal.
Estria Harbour News staff contributed to this report.
"""


def _line(words: str) -> str:
    return next(line for line in TITLED.splitlines() if words in line)


def _person(name: str, as_written: str, **fields: str) -> dict[str, Any]:
    return {"name": name, "as_written": as_written, "evidence": [_line(as_written)], **fields}


def _problems(person: dict[str, Any]) -> list[tuple[str, str]]:
    return checked(TITLED, people=[person])[1]


@pytest.mark.parametrize(
    ("name", "cut", "fields", "whole"),
    [
        ("Ada Quill", "Estria Ada Quill", {"affiliation": "Estria"}, "Vestan Envoy to Estria Ada Quill"),
        (
            "Ben Oster",
            "Harbours Ben Oster",
            {"affiliation": "Harbours"},
            "Norland Secretary of Harbours Ben Oster",
        ),
        (
            "Ivo Renn",
            "Port Bureau Deputy Director Ivo Renn",
            {"role": "Port Bureau Deputy Director"},
            "Harbour Ministry Policy and Port Bureau Deputy Director Ivo Renn",
        ),
        (
            "Ivo Renn",
            "Deputy Director Ivo Renn",
            {"role": "Deputy Director"},
            "Harbour Ministry Policy and Port Bureau Deputy Director Ivo Renn",
        ),
        ("Tess Marr", "Harbour Board Tess Marr", {}, "Chairman of the Harbour Board Tess Marr"),
        ("Lena Voss", "Industry Lena Voss", {}, "Minister of Trade and Industry Lena Voss"),
    ],
)
def test_a_title_cut_after_a_word_that_joins_it_is_refused_with_the_whole_phrase(
    name: str, cut: str, fields: dict[str, str], whole: str
) -> None:
    """A phrase cut after "to", "of", "and" (or after a capitalised word of a title joined by one) is refused,
    and the message gives the whole title phrase, not the next word back."""
    problems = _problems(_person(name, cut, **fields))
    assert [item for item, _ in problems] == ["people[0].as_written"], problems
    assert f"the article writes “{whole}”" in problems[0][1]
    assert _problems({**_person(name, cut), "as_written": whole}) == []


@pytest.mark.parametrize(
    ("name", "as_written"),
    [
        ("Pia Holm", "Mayor Pia Holm"),  # "a letter to | Mayor …": "to" after no title
        (
            "Kai Brand",
            "Mayor Kai Brand",
        ),  # "Ministry of Estria and | Mayor …": a title of its own after "and"
        ("Jon Falk", "Harbour Minister Jon Falk"),  # "Foreign Minister Ola Wren and | …": two people
        ("Sven Dahl", "Estria Mayor Sven Dahl"),  # "a note to | Estria Mayor …"
        ("Eva Lind", "Mayor Eva Lind"),  # "Estria and | Mayor …"
    ],
)
def test_a_small_word_that_joins_no_title_leaves_the_phrase_whole(name: str, as_written: str) -> None:
    """No wrong refusals: "to", "of" and "and" that join no title (after a common noun, between two people,
    before a title of its own) leave the phrase whole."""
    assert _problems(_person(name, as_written)) == []


def test_title_start_runs_back_over_joined_title_words() -> None:
    from bot.briefs.kinds import title_start

    words = ["the", "Twitter", "account", "of", "US", "Secretary", "of", "Defense", "Lloyd", "Austin"]
    assert words[title_start(words, words.index("Lloyd")) :][:4] == ["US", "Secretary", "of", "Defense"]
    assert title_start(words, words.index("US")) == words.index("US")
    cabinet = [
        "In",
        "Security",
        "Cabinet",
        "meetings,",
        "Foreign",
        "Minister",
        "Yair",
        "Lapid",
        "and",
        "Defense",
        "Minister",
        "Benny",
        "Gantz",
    ]
    assert title_start(cabinet, cabinet.index("Defense")) == cabinet.index("Defense")


def _person_set(index: int, **fields: str) -> Any:
    def change(raw: dict[str, Any]) -> None:
        raw["people"][index].update(fields)
        for key in [k for k, v in fields.items() if v == ""]:
            del raw["people"][index][key]

    return change


@pytest.mark.parametrize(
    "change",
    [
        # Ukraine's ambassador told as "Israel"
        _person_set(6, as_written="Israel Yevgen Korniychuk", role="", affiliation="Israel"),
        # the US Secretary of Defense told as "Defense"
        _person_set(1, as_written="Defense Lloyd Austin", role="", affiliation="Defense"),
        # README: "neither "Director" nor "Defense Ministry Policy""
        _person_set(
            0,
            as_written="Political-Military Bureau Deputy Director Ilan Mezushan",
            role="Political-Military Bureau Deputy Director",
        ),
        _person_set(0, as_written="Bureau Deputy Director Ilan Mezushan", role="Bureau Deputy Director"),
    ],
)
def test_the_shipped_titles_cut_after_a_joining_word_are_refused(change: Any) -> None:
    refusals = shipped_refusals(change)
    assert any(item.endswith(".as_written") for item in refusals), refusals


def test_the_shipped_message_names_the_whole_title() -> None:
    import copy

    from bot.briefs.loader import check_raw
    from tests.unit.test_seventh_reading_b import SHIPPED

    raw = copy.deepcopy(SHIPPED)
    raw["people"][0].update(as_written="Bureau Deputy Director Ilan Mezushan", role="Bureau Deputy Director")
    _, problems = check_raw(raw, lambda _name: ARTICLE)
    messages = [p.message for p in problems if p.item == "people[0].as_written"]
    whole = "Defense Ministry Policy and Political-Military Bureau Deputy Director Ilan Mezushan"
    assert messages and f"the article writes “{whole}”" in messages[0], messages


def test_briefbot_new_proposes_the_whole_title() -> None:
    text = skeleton(ARTICLE, "t", datetime.date(2026, 1, 1), "seeds/x.txt").text
    assert '# role = "Defense Ministry Policy and Political-Military Bureau Deputy Director"' in text
    assert (
        '# as_written = "Defense Ministry Policy and Political-Military Bureau Deputy Director Ilan Mezushan"'
        in text
    )
    assert '# as_written = "Ukrainian Ambassador to Israel Yevgen Korniychuk"' in text
    fixture = skeleton(Article("fixture.txt", TITLED), "t", datetime.date(2026, 1, 1), "seeds/x.txt").text
    assert '# as_written = "Minister of Trade and Industry Lena Voss"' in fixture
    assert '# as_written = "Harbour Ministry Policy and Port Bureau Deputy Director Ivo Renn"' in fixture
