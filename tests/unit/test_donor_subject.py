"""HOSTILE-12 C1–C5: the donor or lender is who does the verb, not a party the subject names otherwise.

"Vesta, as opposed to Norland, sent fuel to Estria." was accepted with donor Norland: no subject was read after
a comma, and with none read the donor rule checked nothing. A phrase set off by commas just before the verb is
an aside; the subject stands before it. A party the subject excepts ("every country but Norland"), opposes
("Norland's enemies") or names in another clause ("Norland refused; Vesta sent") is not who gave.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article

# Vesta sent the fuel in each; Norland is named in the subject's aside.
ASIDES = (
    "Vesta, as opposed to Norland, sent fuel to Estria.",
    "Vesta, in contrast to Norland, sent fuel to Estria.",
    "Vesta, far more than Norland, sent fuel to Estria.",
    "Vesta, the former Norland, sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", ASIDES)
def test_a_party_in_an_aside_before_the_verb_is_not_its_subject(sentence: str) -> None:
    assert "aid[0].donor" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )
    assert refused(_article(sentence), aid=[_deal_flow("Vesta", "fuel", "sent", sentence)]) == []


def test_a_lender_in_an_aside_before_the_verb_is_not_its_subject() -> None:
    sentence = "Vesta, as opposed to Norland, lent Estria $9 million."
    loan = _deal_loan("Norland", "$9 million", "lent", sentence)
    assert "loans[0].lender" in refused(_article(sentence), loans=[loan])
    loan = _deal_loan("Vesta", "$9 million", "lent", sentence)
    assert refused(_article(sentence), loans=[loan]) == []


# The subject is the party, with an aside or an apposition between it and the verb: still accepted.
SUBJECT_KEPT = (
    "Norland, in turn, sent fuel to Estria.",
    "Norland, the region's largest producer, sent fuel to Estria.",
    "The Vesta Herald's rival, Norland, sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", SUBJECT_KEPT)
def test_the_subject_before_an_aside_or_an_apposition_is_still_read(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []


EXCEPTED = (
    "Every country but Norland sent fuel to Estria.",
    "Everyone other than Norland sent fuel to Estria.",
    "Countries other than Norland sent fuel to Estria.",
    "Every country except Norland sent fuel to Estria.",
    "All countries apart from Norland sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", EXCEPTED)
def test_a_party_the_subject_excepts_did_not_give(sentence: str) -> None:
    assert "aid[0].donor" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )


def test_a_but_that_joins_clauses_is_no_exception() -> None:
    sentence = "Vesta refused, but Norland sent fuel to Estria."
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []


# Norland is named in the subject as its owner or its qualifier, and the subject is someone else.
OTHERS_OF = (
    "Norland's enemies sent fuel to Estria.",
    "Enemies of Norland sent fuel to Estria.",
    "A rival of Norland sent fuel to Estria.",
    "Norland rebels sent fuel to Estria.",
    "A Norland firm sent fuel to Estria.",
    "Norland's exiles sent fuel to Estria.",
)
ORGANS_OF = (
    "Norland's navy sent fuel to Estria.",
    "The government of Norland sent fuel to Estria.",
    "Norland officials sent fuel to Estria.",
    "The Republic of Norland sent fuel to Estria.",
    "Norland's foreign ministry sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", OTHERS_OF)
def test_a_party_that_owns_or_qualifies_the_subject_is_not_who_gave(sentence: str) -> None:
    assert "aid[0].donor" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )


@pytest.mark.parametrize("sentence", ORGANS_OF)
def test_a_partys_organ_gives_for_it(sentence: str) -> None:
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == []


def test_a_lender_named_to_be_denied_is_refused_once() -> None:
    sentence = "Vesta, rather than Norland, lent Estria $9 million."
    loan = _deal_loan("Norland", "$9 million", "lent", sentence)
    assert refused(_article(sentence), loans=[loan]) == ["loans[0].lender"]


def test_a_party_named_before_an_apposition_is_not_its_subject() -> None:
    sentence = "Norland's rival, Vesta, sent fuel to Estria."
    assert "aid[0].donor" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )


@pytest.mark.parametrize("adverb", ["first", "again", "later"])
def test_an_adverb_of_time_between_the_donor_and_the_verb_leaves_it_the_subject(adverb: str) -> None:
    sentence = f"Norland {adverb} sent fuel to Estria in 2019."
    flow = _deal_flow("Norland", "fuel", "sent", sentence, when="in 2019")
    assert "aid[0].donor" not in refused(_article(sentence), aid=[flow])
