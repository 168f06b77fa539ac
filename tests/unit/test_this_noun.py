"""'This money will …' opens with a determiner, not a pronoun (REPORT-reader17 finding 6): a person's passage
opening with "This", "That", "These" or "Those" before a noun is refused for no pronoun, and the sentence before
a passage that opens its paragraph is the last of the paragraph before.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked, refused

# TEST FIXTURE, NOT NEWS
FERRIES = """Ferries to sail

Estrian Finance Minister Tomas Vey signed the loan in Calder.
“This money will put our ferries back on the water,” Vey told reporters.
Vesta sent fuel on Monday. That harbour was rebuilt by Vey in May.
Vesta sent rope on Friday. These cranes were bought by Vey.
Vesta sent tugs on Sunday. Those ferries were praised by Vey.
Vesta sent barges on Tuesday. This is a good day, Vey said.
Vey spoke at the quay on Tuesday.
He thanked Vesta on Monday.
Estria Harbour News staff contributed to this report.
"""

LEAD = "Estrian Finance Minister Tomas Vey signed the loan in Calder."


def _vey(*evidence: str) -> dict[str, object]:
    return {
        "name": "Tomas Vey",
        "role": "Finance Minister",
        "affiliation": "Estrian",
        "as_written": "Estrian Finance Minister Tomas Vey",
        "attribution": "Vey told reporters",
        "evidence": [LEAD, *evidence],
    }


@pytest.mark.parametrize(
    "passage",
    [
        "“This money will put our ferries back on the water,” Vey told reporters.",
        "That harbour was rebuilt by Vey in May.",
        "These cranes were bought by Vey.",
        "Those ferries were praised by Vey.",
    ],
)
def test_a_demonstrative_before_a_noun_is_no_pronoun(passage: str) -> None:
    person = _vey(passage)
    if "told" not in passage:
        person.pop("attribution")
    assert refused(FERRIES, people=[person]) == []


def test_a_pronoun_opening_a_paragraph_looks_back_to_the_paragraph_before() -> None:
    """The message claimed "the sentence before it names no one" when the paragraph before ends naming Vey."""
    person = _vey("He thanked Vesta on Monday.")
    person.pop("attribution")
    person["evidence"] = [
        LEAD,
        "“This money will put our ferries back on the water,” Vey told reporters.",
        "He thanked Vesta on Monday.",
    ]
    person["attribution"] = "Vey told reporters"
    _, found = checked(FERRIES, people=[person])
    assert not any("names no one" in message for _, message in found), found


def test_this_standing_alone_is_still_a_pronoun() -> None:
    """Guard: "This is a good day" opens with a pronoun; the sentence before names no one of [[people]]."""
    person = _vey("This is a good day, Vey said.")
    person["attribution"] = "Vey said"
    assert "people[0].evidence[1]" in refused(FERRIES, people=[person])
