"""HOSTILE-14 E: "No one claims Norland sent fuel to Estria." is no one's account of fuel sent.

A source must name someone, and "No one claims", "nobody said" and "No official said" passed as who says so: the
answer showed the giving as their account. A source whose subject says that no one says so (`NOBODY_SUBJECTS`,
"no <noun>") is refused, in every section; "Few say", "no one but Vesta said" and a named source still pass as
sources ("Few say" leaves its giving not done: HOSTILE-16 F11).

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

NOBODY = (
    ("No one claims Norland sent fuel to Estria.", "No one claims"),
    ("Norland sent fuel to Estria, nobody said.", "nobody said"),
    ("No official said Norland sent fuel to Estria.", "No official said"),
)
SOMEONE = (
    ("Few say Norland sent fuel to Estria.", "Few say"),
    ("Norland sent fuel to Estria, no one but Vesta said.", "no one but Vesta said"),
    ("Vesta said Norland sent fuel to Estria.", "Vesta said"),
)


def _told(sentence: str, source: str) -> list[str]:
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    flow["attribution"] = {"text": source, "role": "source"}
    return refused(_article(sentence), aid=[flow])


@pytest.mark.parametrize(("sentence", "source"), NOBODY)
def test_a_source_that_says_no_one_says_so_is_refused(sentence: str, source: str) -> None:
    assert "aid[0].attribution" in _told(sentence, source)


@pytest.mark.parametrize(("sentence", "source"), SOMEONE)
def test_a_source_that_names_someone_passes(sentence: str, source: str) -> None:
    # what few say is theirs, but a negative subject leaves the giving not done (HOSTILE-16 F11:
    # `NEGATIVE_ADVERBIALS`)
    assert _told(sentence, source) == (["aid[0].status"] if source.startswith("Few") else [])


def test_a_key_point_no_one_says_is_refused() -> None:
    sentence = "No one says the port was shut."
    point = {"evidence": [sentence], "attribution": "No one says"}
    assert "key_points[0].attribution" in refused(_article(sentence), key_points=[point])
