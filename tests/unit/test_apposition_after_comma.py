"""A name after a comma that closes a sentence renames the noun phrase before it ("its neighbour, Estria"), and
is no unmarked source (REPORT-reader17 finding 2): only a claim closed by an outlet's name with no verb ("…,
Vesta Herald.") or by a name after an amount ("$9 million, Vesta Herald.") is who says so.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.briefs.article import Article
from bot.briefs.skeleton import skeleton
from bot.briefs.unread import unmarked_sources
from tests.unit.test_asked_and_hedged import _flow_refused, _loan_refused
from tests.unit.test_sixth_reading import refused
from tests.unit.test_undone_giving import _article

APPOSITIONS = (
    "Norland sent fuel to its neighbour, Estria.",
    "The ferry was bought from a shipyard in the north, Vesta.",
    "The loan was signed in Calder by Estrian Finance Minister Tomas Vey and his Vestan counterpart, "
    "Finance Minister Ana Ruiz.",
    "Norland sent fuel to Vesta's neighbour, Estria.",
    "Norland sent fuel to the harbour town of its old ally, Port Mirren.",
)


@pytest.mark.parametrize("sentence", APPOSITIONS)
def test_a_name_renaming_the_noun_phrase_before_its_comma_is_no_source(sentence: str) -> None:
    assert unmarked_sources(sentence) == ()
    assert refused(_article(sentence), key_points=[{"evidence": [sentence]}]) == []


def test_aid_to_a_neighbour_named_after_a_comma_needs_no_attribution() -> None:
    """Following the old message put a false "Who says so: Estria" on the flow; the recipient's apposition is
    the recipient rule's (REVIEW16 #8), not read here."""
    assert "aid[0].attribution" not in _flow_refused("Norland sent fuel to its neighbour, Estria.")


def test_an_outlet_closing_a_claim_is_still_its_source() -> None:
    """Guard: what the pattern was made for (HOSTILE-12 H6), also after a noun phrase when the name is an
    outlet's."""
    sentence = "Norland lent Estria $9 million, Vesta Herald."
    assert "loans[0].attribution" in _loan_refused(sentence)
    assert _loan_refused(sentence, attribution={"text": "Vesta Herald", "role": "source"}) == []
    for outlet in ("Vesta Herald", "Oster Times", "Estria Daily News"):
        sentence = f"Norland sent fuel to Estria on the old ferry, {outlet}."
        assert "aid[0].attribution" in _flow_refused(sentence)
        assert _flow_refused(sentence, attribution={"text": outlet, "role": "source"}) == []


def test_the_skeleton_proposes_no_apposition_as_who_says_so() -> None:
    sentence = APPOSITIONS[2]
    made = skeleton(Article("fixture.txt", _article(sentence)), "fixture", date(2026, 12, 1), "fixture.txt")
    assert 'Finance Minister Ana Ruiz"' not in made.text.replace(
        'as_written = "Finance Minister Ana Ruiz"', ""
    )
    assert 'attribution = "Finance Minister Ana Ruiz"' not in made.text
