"""A place after "from" is where the event happened only when the word before "from" is a verb the lexicon knows
(REPORT-reader15 finding 2).

"… to evacuate Estrians from Vesta's Harbour Steelworks …" gave `where = "Vesta's Harbour Steelworks"` because
"Estrians", a word the lexicon does not know, was not read as the noun "from" qualifies: unknown wording passed.
It now fails closed, and the message says what "from" may mean.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked


def _event(sentence: str, where: str) -> tuple[list[str], list[str]]:
    text = f"Port news from Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    # the what holds the place, as the shipped brief's corridor "to evacuate Ukrainians from Mariupol's …" does
    event = {"what": sentence.split(" on Monday")[0], "where": where, "evidence": [sentence]}
    _, found = checked(text, events=[event])
    return [w for w, _ in found], [m for _, m in found]


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("Oster airlifted Estrians from Vesta Harbour on Monday.", "Vesta Harbour"),
        ("Oster evacuated Mirrenites from Vesta Harbour on Monday.", "Vesta Harbour"),
        ("Oster evacuated workers from Vesta Harbour on Monday.", "Vesta Harbour"),
    ],
)
def test_a_place_after_from_after_a_word_not_known_as_a_verb_is_refused(sentence: str, where: str) -> None:
    items, messages = _event(sentence, where)
    assert items == ["events[0].where"]
    assert (
        "from" in messages[0]
        and "not a place preposition (“in”, “at”, “inside”, “within”, “across”, “from”" not in messages[0]
    )


@pytest.mark.parametrize(
    "sentence",
    ["Oster met Estrians in Vesta Harbour on Monday.", "Oster sailed from Vesta Harbour on Monday."],
)
def test_a_place_after_a_place_preposition_or_a_verb_and_from_passes(sentence: str) -> None:
    assert _event(sentence, "Vesta Harbour")[0] == []
