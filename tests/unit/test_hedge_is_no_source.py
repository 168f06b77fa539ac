"""A hedge is shown as a hedge, never as who says so (REPORT-reader15 finding 3).

Asked for an attribution holding "would", an editor gave "would lend it $40 million for fuel" as a plain string
(a source): it passed, because "fuel" is a word the check cannot read, and every answer printed the loan itself
under "Who says so". A source that holds a hedge and no word of saying is now refused, saying to give it as a
hedge; the demand for an attribution says which role a hedging word takes.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

from tests.unit.test_sixth_reading import checked

SENTENCE = "Norland Transport Minister Tomas Reyes said on Tuesday that his country would lend Estria $40 million for fuel."
TEXT = f"Ferries for Estria\n\n{SENTENCE}\nEstria Harbour News staff contributed to this report.\n"
SOURCE = "Norland Transport Minister Tomas Reyes said on Tuesday"
HEDGE = "would lend Estria $40 million for fuel"


def test_a_hedge_given_as_a_source_is_refused_with_its_role() -> None:
    _, found = checked(TEXT, key_points=[{"evidence": [SENTENCE], "attribution": [SOURCE, HEDGE]}])
    assert [where for where, _ in found] == ["key_points[0].attribution"]
    assert 'role = "hedge"' in found[0][1] and "would" in found[0][1]


def test_the_same_words_given_as_a_hedge_pass() -> None:
    point = {"evidence": [SENTENCE], "attribution": [SOURCE, {"text": HEDGE, "role": "hedge"}]}
    assert checked(TEXT, key_points=[point])[1] == []


def test_the_demand_for_a_hedge_names_its_role() -> None:
    _, found = checked(TEXT, key_points=[{"evidence": [SENTENCE], "attribution": SOURCE}])
    [(where, message)] = found
    assert where == "key_points[0].attribution" and "“would”" in message
    assert 'role = "hedge"' in message


def test_a_source_that_says_so_still_passes_beside_a_hedge_word() -> None:
    said = "Reyes said the ferry would sail."
    text = f"Ferries for Estria\n\n{said}\nEstria Harbour News staff contributed to this report.\n"
    attribution = ["Reyes said", {"text": "would sail", "role": "hedge"}]
    assert checked(text, key_points=[{"evidence": [said], "attribution": attribution}])[1] == []
