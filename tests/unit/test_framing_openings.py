"""HOSTILE-12 H5, H7, H8: an opening that frames a fact ("In the novel, …", "Under the plan, …", "Rumour: …").

"In <a/the> X," was read as a setting whatever X was, and "<label>:" not at all, so a story's, a plan's or a
label's giving was told as done. Failing closed, an opening led by "in", "under", "per", "as" or "for" up to the
first comma is a setting only when it is a time or a place the check reads; any other, and any short label before
a colon, needs an attribution covering it, and a plan's opening leaves no giving done.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from bot.briefs.article import find_words
from bot.briefs.vocabulary import TELLING_FALSE
from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

FACT = "Norland sent fuel to Estria."

FRAMING = [
    "In the novel,",
    "In the film,",
    "In the game,",
    "In the exercise,",
    "In the simulation,",
    "In a dream,",
    "In a parallel universe,",
    "In Vesta's version of events,",
    "As Vesta sees it,",
    "For Vesta,",
    "In a statement,",
    "In a leaflet,",
    "In the plan,",
    "In the proposal,",
    "In the leaked draft deal,",
    "Under the plan,",
    "Under the proposal,",
    "Per the plan,",
    "On the show,",
    "During the simulation,",
    "At the game,",
    "Throughout the novel,",
    "Inside the simulation,",
    "In the Novel,",
    "In The Game,",
    "In the Vesta Novel,",
    "In the second film,",
    "In the last game,",
    "In a letter,",
]

LABELS = [
    "Rumour:",
    "False:",
    "Myth:",
    "Hoax:",
    "Claim:",
    "Unverified:",
    "Satire:",
    "Opinion:",
    "Vesta:",
    "Vesta's version:",
    "Headline in the Vesta Herald:",
]


PLANS = ("plan", "proposal", "draft")


def _refused(sentence: str, **more: object) -> list[str]:
    return refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence, **more)])


@pytest.mark.parametrize("opening", FRAMING + LABELS)
def test_an_opening_the_check_cannot_read_needs_an_attribution(opening: str) -> None:
    assert "aid[0].attribution" in _refused(f"{opening} {FACT}")


@pytest.mark.parametrize("opening", [o for o in FRAMING + LABELS if not any(w in o for w in PLANS)])
def test_an_attribution_covering_the_opening_lets_the_fact_stand_as_its_claim(opening: str) -> None:
    words = opening.rstrip(",:")
    from bot.briefs.check import _names_someone, _staged_setting

    # a label that names no one ("False:", "Unverified:") is a hedge, not who says so (HOSTILE-15 3)
    named = _names_someone(words)
    role = "hedge" if opening.startswith(("In", "Under", "Per")) or not named else "source"
    # a fiction, a game or a label of falsity is attributed, but tells nothing done (HOSTILE-16 F11:
    # `TELLING_FALSE`, read whatever the attribution's role)
    fiction = any(find_words(w, words, ignore_case=True) for w in TELLING_FALSE)
    fiction = fiction or _staged_setting(words) is not None  # "In the second film,": staged, not done
    expected = ["aid[0].status"] if fiction else []
    assert _refused(f"{opening} {FACT}", attribution={"text": words, "role": role}) == expected


@pytest.mark.parametrize(
    "opening", ["Under the plan,", "Under the proposal,", "Per the plan,", "In the leaked draft deal,"]
)
def test_a_plans_opening_leaves_no_giving_done(opening: str) -> None:
    words = opening.rstrip(",")
    assert _refused(f"{opening} {FACT}", attribution={"text": words, "role": "hedge"}) == ["aid[0].status"]


# Guards: a time or a place the check reads opens the article's own fact.
SETTINGS = [
    "In March,",
    "In 2026,",
    "In Estria,",
    "On Monday,",
    "Last week,",
    "In late March,",
    "In the spring,",
    "In 2025 and 2026,",
    "In the north,",
    "In Estria's harbour,",
    "For years,",
    "In the meantime,",
    "As of Monday,",
    "During the war,",
    "At the quay,",
    "At the port,",
    "On the coast,",
    "In Mirren Harbour,",
    "In Kyiv,",
    "In the Security Cabinet,",
    "In New Vesta,",
]


@pytest.mark.parametrize("opening", SETTINGS)
def test_an_opening_time_or_place_is_the_articles_own(opening: str) -> None:
    assert _refused(f"{opening} {FACT}") == []


@pytest.mark.parametrize(
    "sentence",
    ["Norland sent three things to Estria: fuel, rope and nets.", "Oster said: Norland sent fuel to Estria."],
)
def test_a_colon_after_a_clause_is_no_label(sentence: str) -> None:
    from bot.briefs.unread import framing_opening

    assert framing_opening(sentence) is None


# Guards: an opening that links or measures the article's own telling is no frame.
LINKING = [
    "In addition,",
    "As a result,",
    "For example,",
    "In response,",
    "In response to the storm,",
    "In fact,",
    "For its part,",
    "On the other hand,",
    "In a rare move,",
    "In a separate move,",
    "In one of its largest shipments,",
    "In the wake of the storm,",
    "For the second year,",
    "At Vesta's request,",
    "In the harbour town of Mirren,",
    "In mid-March,",
    "Under the agreement,",
    "As part of the deal,",
]


@pytest.mark.parametrize("opening", LINKING)
def test_a_linking_opening_is_the_articles_own(opening: str) -> None:
    assert _refused(f"{opening} {FACT}") == []


@pytest.mark.parametrize(
    "sentence", ["In the novel Norland sent fuel to Estria.", "In a dream Norland sent fuel to Estria."]
)
def test_a_framing_opening_with_no_comma_needs_an_attribution(sentence: str) -> None:
    assert "aid[0].attribution" in _refused(sentence)


# Guards: a time or a place with no comma, before a clause that has one later, is no frame of that clause.
@pytest.mark.parametrize(
    "sentence",
    [
        "In 2026 Norland sent fuel to Estria.",
        "At the port Norland sent fuel, rope and nets to Estria.",
    ],
)
def test_a_setting_with_no_comma_is_the_articles_own(sentence: str) -> None:
    assert _refused(sentence) == []


def test_a_setting_with_no_comma_before_a_closing_source_is_the_articles_setting() -> None:
    sentence = "In 2026 Norland sent fuel to Estria, Vesta said."
    assert _refused(sentence, attribution={"text": "Vesta said", "role": "source"}) == []
