"""HOSTILE-13 p-next, p-next2: a person's role is not theirs when the next sentence, pointing back to them,
undoes or doubts it.

"Oster Mayor Lina Vos spoke on Monday. She was sacked last year." and "… She is an impostor." were accepted with
role Mayor.

TEST FIXTURES, NOT NEWS: invented place (Oster) and person (Lina Vos); none is from a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked, refused
from tests.unit.test_undone_giving import _article

SENTENCE = "Oster Mayor Lina Vos spoke on Monday."
PERSON = {
    "name": "Lina Vos",
    "role": "Mayor",
    "affiliation": "Oster",
    "as_written": "Oster Mayor Lina Vos",
    "evidence": [SENTENCE],
}


@pytest.mark.parametrize(
    ("following", "words"),
    [
        ("She was sacked last year.", "sacked"),
        ("She is an impostor.", "is an"),
        ("Vos is not the mayor.", "not"),
    ],
)
def test_a_next_sentence_pointing_back_to_undo_the_role_refuses_it(following: str, words: str) -> None:
    found = checked(_article(f"{SENTENCE} {following}"), people=[PERSON])[1]
    messages = [m for where, m in found if where == "people[0].role"]
    assert messages and words in messages[0] and following in messages[0], found


@pytest.mark.parametrize(
    "following",
    [
        "She spoke for an hour.",
        "She was elected in 2024.",
        "The port stayed open.",
        "The mayor thanked the crews.",
    ],
)
def test_a_next_sentence_that_leaves_the_role_theirs_keeps_it(following: str) -> None:
    assert "people[0].role" not in refused(_article(f"{SENTENCE} {following}"), people=[PERSON])
