"""Who says so with no comma, evidence that shows, and a title that is not what it says (REPORT-hostile16 F12,
F13): "Norland sent fuel to Estria by Vesta's account." and "Satellite images show Norland sent fuel …" passed as
the article's own fact, and "fake Mayor Ben Oster" as a plain Mayor.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places and people (Estria, Norland,
Vesta, Ben Oster).
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused


def _article(sentence: str) -> str:
    return f"Fuel for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


def _aid(sentence: str, **more: object) -> list[str]:
    return refused(_article(sentence), aid=[{**_deal_flow("Norland", "fuel", "sent", sentence), **more}])


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        ("Norland sent fuel to Estria by Vesta's account.", "by Vesta's account"),
        ("Norland sent fuel to Estria by some accounts.", "by some accounts"),
        ("Norland sent fuel to Estria by its own account.", "by its own account"),
        ("Norland sent fuel to Estria by their account.", "by their account"),
        ("Satellite images show Norland sent fuel to Estria.", "Satellite images show"),
        ("Vesta's figures show Norland sent fuel to Estria.", "Vesta's figures show"),
    ],
)
def test_a_source_named_without_a_comma_or_a_verb_of_saying_needs_its_attribution(
    sentence: str, attribution: str
) -> None:
    assert _aid(sentence) == ["aid[0].attribution"]
    assert _aid(sentence, attribution=attribution) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria by Vesta's ship.",
        "Norland sent fuel to Estria by sea.",
        "Norland sent fuel to Estria on Monday.",
    ],
)
def test_a_means_after_by_is_no_source(sentence: str) -> None:
    assert _aid(sentence) == []


@pytest.mark.parametrize("qualifier", ["fake", "bogus", "rival", "breakaway", "puppet"])
def test_a_title_that_is_not_what_it_says_is_kept_with_its_qualifier(qualifier: str) -> None:
    sentence = f"Vesta met {qualifier} Mayor Ben Oster on Monday."
    person = {"name": "Ben Oster", "role": "Mayor", "as_written": "Mayor Ben Oster", "evidence": [sentence]}
    assert refused(_article(sentence), people=[person]) == ["people[0].as_written"]
    whole = {**person, "as_written": f"{qualifier} Mayor Ben Oster", "role": f"{qualifier} Mayor"}
    assert refused(_article(sentence), people=[whole]) == []


def test_a_word_that_only_describes_the_person_leaves_the_title_whole() -> None:
    sentence = "Vesta met popular Mayor Ben Oster on Monday."
    person = {"name": "Ben Oster", "role": "Mayor", "as_written": "Mayor Ben Oster", "evidence": [sentence]}
    assert refused(_article(sentence), people=[person]) == []
