"""Whom a quote's pronoun stands for, and a quotation continued after its attribution (HOSTILE-14 I1,
HOSTILE-13 Q5), each on a small article written for these tests.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented people and places (Lina Vos,
Jon Berg, Ana Berg, Estria, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import checked

VOS = {"name": "Lina Vos", "as_written": "Lina Vos", "evidence": ["Lina Vos met Jon Berg on Monday."]}


def _article(body: str) -> str:
    return f"Harbour talks in Estria\n\n{body}\nEstria Harbour News staff contributed to this report.\n"


def _pronoun_quote(body: str, speaker: str, pronoun: str, **sections: Any) -> list[tuple[str, str]]:
    quote = {
        "speaker": speaker,
        "text": "It will reopen soon",
        "attribution": f"{pronoun} said",
        "evidence": [f"“It will reopen soon,” {pronoun} said."],
    }
    return checked(_article(body), quotes=[quote], **sections)[1]


# ---------------------------------------------------------------- a pronoun read against the article's names


@pytest.mark.parametrize(
    ("body", "pronoun"),
    [
        ("Lina Vos met Jon Berg on Monday. “It will reopen soon,” he said.", "he"),
        ("Lina Vos met Ana Berg on Monday. “It will reopen soon,” she said.", "she"),
        ("Lina Vos spoke after Ana Berg. “It will reopen soon,” she said.", "she"),
    ],
)
def test_a_pronoun_may_stand_for_a_person_the_brief_leaves_out(body: str, pronoun: str) -> None:
    """HOSTILE-14 I1: the pronoun's candidates were the brief's people only, so Jon Berg, whom the brief leaves
    out of people[], could never be "he": the quote went to Lina Vos. The article names both: refused."""
    people = [{**VOS, "evidence": [body.split(" “")[0]]}]
    for sections in ({"people": people}, {}):
        found = _pronoun_quote(body, "Lina Vos", pronoun, **sections)
        assert [item for item, _ in found] == ["quotes[0].speaker"], found
        assert "Berg" in found[0][1] and "Lina Vos" in found[0][1]


@pytest.mark.parametrize(
    "body",
    [
        "Jon Berg arrived on Monday.\n\nLina Vos said the port was shut. “It will reopen soon,” she said.",
        "Jon Berg arrived on Monday. The quay was closed. Lina Vos spoke. “It will reopen soon,” she said.",
    ],
)
def test_a_pronoun_is_read_against_every_name_of_its_paragraph_and_the_one_before(body: str) -> None:
    """The sentence just before names Lina Vos alone, but Jon Berg, named earlier in the paragraph or in the
    paragraph before, could be "she" as well: the article does not settle which (fail closed)."""
    found = _pronoun_quote(body, "Lina Vos", "she")
    assert [item for item, _ in found] == ["quotes[0].speaker"], found
    assert "Jon Berg or Lina Vos" in found[0][1]


@pytest.mark.parametrize(
    "body",
    [
        "Lina Vos said on Monday the port was shut. “It will reopen soon,” she said.",
        "Lina Vos said on Monday the port in Vesta was shut. “It will reopen soon,” she said.",
        "On Monday Lina Vos said the port was shut.\n\n“It will reopen soon,” she said.",
        "The Port Authority shut the quay. Lina Vos said the port was shut. “It will reopen soon,” she said.",
        "Lina Vos said the Estria Harbour Board shut the port in May. “It will reopen soon,” she said.",
    ],
)
def test_a_pronoun_after_one_person_named_still_stands_for_them(body: str) -> None:
    """Guard: one person named before the quote (places, bodies, days and months are no one's names)."""
    assert _pronoun_quote(body, "Lina Vos", "she") == []


def test_a_pronoun_after_one_person_named_is_not_another_speaker() -> None:
    """Guard: the one person named is the only one "she" can be; the quote given to another is refused."""
    body = "Lina Vos said on Monday the port was shut. “It will reopen soon,” she said."
    found = _pronoun_quote(body, "Ana Berg", "she")
    assert [item for item, _ in found if item.startswith("quotes[0]")] != [], found


# ---------------------------------------------------------------- a quotation continued after its attribution

SAID = "“The port is shut for good,” Oster said."


def _continued(body: str, *evidence: str) -> list[str]:
    quote = {
        "speaker": "Oster",
        "text": "It will reopen soon.",
        "attribution": "Oster said",
        "evidence": list(evidence),
    }
    return [item for item, _ in checked(_article(body), quotes=[quote])[1]]


@pytest.mark.parametrize(
    "between",
    [" Vesta disagreed. ", "\n\nVesta disagreed.\n\n", " Vesta said nothing. "],
)
def test_a_quotation_after_a_sentence_that_may_change_the_speaker_is_not_theirs(between: str) -> None:
    """HOSTILE-13 Q5: '"…," Oster said. Vesta disagreed. "…"' with the second quotation given to Oster was
    accepted: the evidence skipped the sentence that may hand the words to Vesta."""
    body = f"{SAID}{between}“It will reopen soon.”"
    assert "quotes[0].speaker" in _continued(body, SAID, "“It will reopen soon.”")


def test_a_quotation_before_its_attribution_with_a_sentence_between_is_not_theirs() -> None:
    """The same, read backwards: the attribution after the quotation, another sentence between them."""
    body = f"“It will reopen soon.” Vesta spoke first. {SAID}"
    assert "quotes[0].speaker" in _continued(body, "“It will reopen soon.”", SAID)


@pytest.mark.parametrize("between", [" ", "\n\n"])
def test_a_quotation_continued_straight_after_its_attribution_is_theirs(between: str) -> None:
    """Guard: the quotation goes on with nothing between (in its paragraph or the next one)."""
    body = f"{SAID}{between}“It will reopen soon.”"
    assert _continued(body, SAID, "“It will reopen soon.”") == []
