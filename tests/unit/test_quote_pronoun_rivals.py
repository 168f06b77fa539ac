"""Whom a quote's pronoun may stand for besides the people the article names in full: someone it describes by a
person noun ("the harbour master", "Lina Vos's deputy", "officials"), names by a surname only ("Berg", "Mr Berg")
or by a title; the pronoun's speaker is accepted only when no such other person stands in the reach the check reads.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented people and places (Lina Vos,
Tom Berg, Tom Vos, Estria, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_quote_pronouns import _article, _pronoun_quote
from tests.unit.test_sixth_reading import checked


def _pronoun(body: str) -> str:
    """The pronoun that attributes the fixture's quotation ("“It will reopen soon,” he said.")."""
    return body.split("soon,” ")[1].split()[0]


# ---------------------------------------------------------------- another person the pronoun may stand for


@pytest.mark.parametrize(
    ("body", "speaker", "rival"),
    [
        # a person noun after a determiner: the harbour master is as likely as the one named
        (
            "Lina Vos met the harbour master on Monday. “It will reopen soon,” he said.",
            "Lina Vos",
            "harbour master",
        ),
        (
            "Lina Vos met the harbour master on Monday. “It will reopen soon,” she said.",
            "Lina Vos",
            "harbour master",
        ),
        (
            "Tom Berg met the harbour master. “It will reopen soon,” he said.",
            "Tom Berg",
            "the harbour master",
        ),
        ("Lina Vos's deputy spoke after her. “It will reopen soon,” she said.", "Lina Vos", "deputy"),
        ("Lina Vos’s deputy spoke after her. “It will reopen soon,” she said.", "Lina Vos", "deputy"),
        ("Tom Vos met the minister on Monday. “It will reopen soon,” he said.", "Tom Vos", "the minister"),
        ("Tom Vos thanked his deputy on Monday. “It will reopen soon,” he said.", "Tom Vos", "his deputy"),
        (
            "Lina Vos met a spokeswoman for the port. “It will reopen soon,” she said.",
            "Lina Vos",
            "spokeswoman",
        ),
        # a surname only, with or without a title
        ("Tom Vos met Berg on Monday. “It will reopen soon,” he said.", "Tom Vos", "Berg"),
        ("Tom Vos met Mr Berg on Monday. “It will reopen soon,” he said.", "Tom Vos", "Berg"),
        ("Tom Vos met Minister Berg on Monday. “It will reopen soon,” he said.", "Tom Vos", "Berg"),
        ("Tom Vos spoke alongside Berg on Monday. “It will reopen soon,” he said.", "Tom Vos", "Berg"),
        ("Tom Vos and Berg spoke on Monday. “It will reopen soon,” he said.", "Tom Vos", "Berg"),
        ("Tom Vos, like Berg, spoke on Monday. “It will reopen soon,” he said.", "Tom Vos", "Berg"),
        ("Tom Vos met minister Berg on Monday. “It will reopen soon,” he said.", "Tom Vos", "Berg"),
        ("Tom Vos met Dr Berg on Monday. “It will reopen soon,” he said.", "Tom Vos", "Berg"),
        # other descriptions
        ("Tom Vos spoke to the man who runs the quay. “It will reopen soon,” he said.", "Tom Vos", "the man"),
        ("Tom Vos met someone from the port. “It will reopen soon,” he said.", "Tom Vos", "someone"),
        ("Tom Vos met an aide to the mayor. “It will reopen soon,” he said.", "Tom Vos", "the mayor"),
        ("Tom Vos met the port's chief. “It will reopen soon,” he said.", "Tom Vos", "chief"),
        ("Tom Vos met the Vesta minister. “It will reopen soon,” he said.", "Tom Vos", "the Vesta minister"),
        (
            "After meeting Tom Vos, the minister spoke. “It will reopen soon,” he said.",
            "Tom Vos",
            "the minister",
        ),
        (
            "After meeting the minister, Tom Vos spoke. “It will reopen soon,” he said.",
            "Tom Vos",
            "the minister",
        ),
        # plural people for "they"
        ("Tom Berg met officials on Monday. “It will reopen soon,” they said.", "Tom Berg", "officials"),
        ("Tom Berg met the workers on Monday. “It will reopen soon,” they said.", "Tom Berg", "workers"),
    ],
)
def test_a_pronoun_after_another_person_described_or_surnamed_names_no_speaker(
    body: str, speaker: str, rival: str
) -> None:
    """The check read only full names and titled full names as people: "the harbour master", "Lina Vos's
    deputy", "Berg" and "Mr Berg" were no one, so the pronoun went to the one full name the sentence holds.
    The article does not say which of the two spoke: refused, naming both."""
    found = _pronoun_quote(body, speaker, _pronoun(body))
    assert [item for item, _ in found] == ["quotes[0].speaker"], found
    assert rival in found[0][1] and speaker in found[0][1], found
    assert "words that name its speaker" in found[0][1]


@pytest.mark.parametrize(
    "body",
    [
        "The harbour master opened the quay.\n\nTom Berg spoke on Monday. “It will reopen soon,” he said.",
        "Berg spoke first. Tom Vos spoke next. “It will reopen soon,” he said.",
        "Tom Vos met Mr Berg. The quay was shut. Tom Vos spoke. “It will reopen soon,” he said.",
        "“The port is shut,” said Berg. Tom Vos spoke next. “It will reopen soon,” he said.",
    ],
)
def test_another_person_described_or_surnamed_earlier_in_the_reach_names_no_speaker(body: str) -> None:
    """The same, with the other person earlier in the paragraph or in the paragraph before it."""
    speaker = "Tom Berg" if "Tom Berg" in body else "Tom Vos"
    found = _pronoun_quote(body, speaker, "he")
    assert [item for item, _ in found] == ["quotes[0].speaker"], found


def test_a_person_passage_opening_with_a_pronoun_after_a_described_person_is_refused() -> None:
    """A person's passage that opens with "He" after "Tom Berg met the harbour master": whom it tells of is
    not settled either."""
    body = "Tom Berg met the harbour master on Monday. He visited the quay."
    person = {
        "name": "Tom Berg",
        "as_written": "Tom Berg",
        "evidence": ["Tom Berg met the harbour master on Monday.", "He visited the quay."],
    }
    found = checked(_article(body), people=[person])[1]
    assert [item for item, _ in found] == ["people[0].evidence[1]"], found
    assert "the harbour master" in found[0][1]


# ---------------------------------------------------------------- guards: one person, however the article words it


@pytest.mark.parametrize(
    "body",
    [
        "Tom Berg spoke on Monday. “It will reopen soon,” he said.",
        "Tom Berg, the harbour master, spoke on Monday. “It will reopen soon,” he said.",
        "Harbour master Tom Berg spoke on Monday. “It will reopen soon,” he said.",
        "The harbour master, Tom Berg, spoke on Monday. “It will reopen soon,” he said.",
        "Tom Berg is the harbour master. “It will reopen soon,” he said.",
        "Tom Berg, a former minister, spoke on Monday. “It will reopen soon,” he said.",
        "Minister Tom Berg spoke on Monday. “It will reopen soon,” he said.",
        "Tom Berg became minister in May. “It will reopen soon,” he said.",
        "Tom Berg spoke on Monday, his first day as minister. “It will reopen soon,” he said.",
        "Tom Berg, who heads the port, spoke on Monday. “It will reopen soon,” he said.",
        "Tom Berg spoke in Estria on Monday. “It will reopen soon,” he said.",
        "Tom Berg spoke at the Vesta quay on Monday. “It will reopen soon,” he said.",
        "Tom Berg said Estria's port was shut. “It will reopen soon,” he said.",
        "Tom Berg thanked Vesta officials. “It will reopen soon,” he said.",
        "Tom Berg thanked the workers. “It will reopen soon,” he said.",
        "Tom Berg said the worker protests were over. “It will reopen soon,” he said.",
        "Tom Berg told Reuters on Monday the port was shut. “It will reopen soon,” he said.",
        "Tom Berg met the spokeswoman on Monday. “It will reopen soon,” he said.",
        "Tom Berg spoke on Monday in May. “It will reopen soon,” he said.",
        "“The quay is shut,” Tom Berg said on Monday. “It will reopen soon,” he said.",
        "Tom Berg, the harbour master, opened the quay.\n\nThe harbour master spoke. “It will reopen soon,” he said.",
        "Harbour master Tom Berg opened the quay. The harbour master spoke. “It will reopen soon,” he said.",
        "Tom Berg spoke on Monday. “It will reopen soon,” they said.",
        "The harbour master Tom Berg spoke on Monday. “It will reopen soon,” he said.",
        "Tom Berg, the head of the port, spoke. “It will reopen soon,” he said.",
        "Tom Berg spoke as the harbour's master. “It will reopen soon,” he said.",
        "“We will meet the minister,” Tom Berg said. “It will reopen soon,” he said.",
        # a capitalised word alone with no sign of a person: a place's name as well as a person's
        "Tom Berg said Vesta had shut the port. “It will reopen soon,” he said.",
        "Tom Berg said Estria and Vesta would talk. “It will reopen soon,” he said.",
        "Tom Berg said fuel for Vesta was short. “It will reopen soon,” he said.",
        "Tom Berg spoke on Monday, flanked by Vesta police. “It will reopen soon,” he said.",
        "Tom Berg spoke on Monday at Vesta Quay. “It will reopen soon,” he said.",
        "Tom Berg said the ship Ardent was late. “It will reopen soon,” he said.",
    ],
)
def test_a_pronoun_after_one_person_however_described_still_stands_for_them(body: str) -> None:
    """Guard: a description beside the name ("Tom Berg, the harbour master,", "Harbour master Tom Berg",
    "Tom Berg is the harbour master", "became minister"), a place, a state's people ("Vesta officials"), plural
    people for "he", a compound ("the worker protests"), a news agency, a person of the other pronoun ("the
    spokeswoman"), a description the article gives Tom Berg elsewhere, a person only quoted ("“We will meet the
    minister,”") and a one-word name with no sign of a person ("said Vesta had shut") leave him the one speaker."""
    assert _pronoun_quote(body, "Tom Berg", _pronoun(body)) == []


def test_a_pronoun_after_one_person_described_is_not_someone_else() -> None:
    """Guard: "the harbour master" the article makes Tom Berg is no rival, and no one else either."""
    body = "Tom Berg, the harbour master, opened the quay.\n\nThe harbour master spoke. “It will reopen soon,” he said."
    found = _pronoun_quote(body, "Lina Vos", "he")
    assert [item for item, _ in found] == ["quotes[0].speaker"], found
    assert "Tom Berg" in found[0][1]
