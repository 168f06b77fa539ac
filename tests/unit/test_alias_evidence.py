"""An alias binds two names only when they are evidenced as the same party (HOSTILE-16 F9).

`[[aliases]] name = "Norland", as_written = ["Vesta"]` let "Vesta sent fuel …" stand as Norland's giving though
nothing in the article says that Vesta is Norland. An alias now rests on one of: a name `vocabulary.PLACE_NAMES`
knows beforehand for it (the shipped brief's "Kyiv", "Jerusalem", "Israeli"); a demonym or adjective derived
from the name ("Norlandic", "Estrian"); a body of the name ("the Norland government", "Norland's foreign
ministry"); or the article's own tie (an apposition of its capital, a parenthesis, "also known as").

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster, Mirren); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked


def _article(*sentences: str) -> str:
    return (
        "Fuel for Estria\n\n"
        + "\n\n".join(sentences)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


def _alias(text: str, name: str, written: str, *, told: str | None = None) -> list[tuple[str, str]]:
    """The check's findings for an alias of `name` for `written`, with a flow told in `told` (else none)."""
    sections: dict[str, object] = {"aliases": [{"name": name, "as_written": [written]}]}
    if told is not None:
        sections["aid"] = [{**_deal_flow(name, "fuel", "sent", told), "recipient": "Estria"}]
    return checked(text, **sections)[1]


REFUSED = [
    # F9: two names side by side, nothing tying them
    (
        _article("Vesta sent fuel to Estria on Monday.", "Norland sent food to Estria on Tuesday."),
        "Norland",
        "Vesta",
        "Vesta sent fuel to Estria on Monday.",
    ),
    # a town of a place is not the place
    (
        _article("Mirren is a port in Vesta.", "Mirren sent fuel to Estria."),
        "Vesta",
        "Mirren",
        "Mirren sent fuel to Estria.",
    ),
    # a person is not a country
    (
        _article("Oster sent fuel to Estria.", "Norland thanked him."),
        "Norland",
        "Oster",
        "Oster sent fuel to Estria.",
    ),
    # named together, or as another's town, is not named the same
    (
        _article("Norland and Vesta sent fuel to Estria."),
        "Norland",
        "Vesta",
        "Norland and Vesta sent fuel to Estria.",
    ),
    (_article("Vesta, a port of Norland, sent fuel to Estria."), "Norland", "Vesta", None),
    (_article("Norland's rival, Vesta, sent fuel to Estria."), "Norland", "Vesta", None),
    (_article("Norland (and Vesta) sent fuel to Estria."), "Norland", "Vesta", None),
    # a bare parenthesis may place a town, not rename it
    (_article("Mirren (Vesta) sent fuel to Estria."), "Vesta", "Mirren", None),
    (_article("Vesta (Norland) sent fuel to Estria."), "Norland", "Vesta", None),
    (_article("Norland (Vesta) sent fuel to Estria."), "Norland", "Vesta", None),
    # a word merely longer than the name is no demonym of it
    (_article("Norlandia sent fuel to Estria.", "Norland thanked it."), "Norland", "Norlandia", None),
    # a body of another
    (
        _article("The Vesta government sent fuel to Estria.", "Norland thanked it."),
        "Norland",
        "The Vesta government",
        None,
    ),
]


@pytest.mark.parametrize(("text", "name", "written", "told"), REFUSED)
def test_an_alias_the_article_does_not_tie_is_refused(
    text: str, name: str, written: str, told: str | None
) -> None:
    found = _alias(text, name, written, told=told)
    messages = [m for item, m in found if item == "aliases[0].as_written[0]"]
    assert messages, found
    assert f"“{written}”" in messages[0] and name in messages[0] and "also known as" in messages[0]


TIED = [
    ("Norland's capital, Vesta, sent fuel to Estria.", "Norland", "Vesta"),
    ("Vesta, Norland's capital, sent fuel to Estria.", "Norland", "Vesta"),
    ("Vesta, the capital of Norland, sent fuel to Estria.", "Norland", "Vesta"),
    ("The capital of Norland, Vesta, sent fuel to Estria.", "Norland", "Vesta"),
    ("Vesta, the Norlandic capital, sent fuel to Estria. Norland thanked it.", "Norland", "Vesta"),
    ("The Norlandic government (Vesta) sent fuel to Estria. Norland thanked it.", "Norland", "Vesta"),
    ("Norland (also known as Vesta) sent fuel to Estria.", "Norland", "Vesta"),
    ("Norland, also known as Vesta, sent fuel to Estria.", "Norland", "Vesta"),
    ("Vesta (known as Norland) sent fuel to Estria.", "Norland", "Vesta"),
    ("Norland (or Vesta) sent fuel to Estria.", "Norland", "Vesta"),
    ("The Norland Relief Agency (NRA) sent fuel to Estria.", "Norland Relief Agency", "NRA"),
    # derived by the lexicon: a demonym or adjective, a body of the name
    ("Norlandic ships sent fuel to Estria. Norland thanked them.", "Norland", "Norlandic"),
    ("Norlanders sent fuel to Estria. Norland thanked them.", "Norland", "Norlanders"),
    ("Norland sent fuel to Estrian ports.", "Estria", "Estrian"),
    ("The Norland government sent fuel to Estria. Norland thanked it.", "Norland", "The Norland government"),
    (
        "Norland's foreign ministry sent fuel to Estria. Norland thanked it.",
        "Norland",
        "Norland's foreign ministry",
    ),
    (
        "The government of Norland sent fuel to Estria. Norland thanked it.",
        "Norland",
        "The government of Norland",
    ),
]


@pytest.mark.parametrize(("sentence", "name", "written"), TIED)
def test_an_alias_the_article_ties_passes(sentence: str, name: str, written: str) -> None:
    assert _alias(_article(sentence), name, written) == []


def test_a_tied_alias_still_carries_a_flow() -> None:
    told = "Norland's capital, Vesta, sent fuel to Estria on Monday."
    text = _article(told)
    flow = {**_deal_flow("Norland", "fuel", "sent", told), "recipient": "Estria"}
    assert checked(text, aliases=[{"name": "Norland", "as_written": ["Vesta"]}], aid=[flow])[1] == []


def test_the_tie_may_stand_in_another_paragraph_than_the_flow() -> None:
    told = "Vesta sent fuel to Estria on Monday."
    text = _article("Norland's capital, Vesta, is a port.", told)
    assert _alias(text, "Norland", "Vesta", told=told) == []
