"""Questions and dropped hedges or attributions that were read as the article's own plain fact (HOSTILE-12 Q1, Q2,
H1, H6, H9): each sentence below is the only evidence of its aid flow or loan.

TEST FIXTURES, NOT NEWS: every sentence below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.briefs.article import asks
from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused
from tests.unit.test_undone_giving import _article


def _flow_refused(sentence: str, **more: Any) -> list[str]:
    return refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence, **more)])


def _loan_refused(sentence: str, **more: Any) -> list[str]:
    return refused(_article(sentence), loans=[_deal_loan("Norland", "$9 million", "lent", sentence, **more)])


# ---------------------------------------------------------------- Q1, Q2: a question tells nothing done

QUESTIONS = (
    "Has Norland sent fuel to Estria?!",
    "Has Norland sent fuel to Estria\uff1f",  # fullwidth question mark
    "Has Norland sent fuel to Estria\u2048",  # question exclamation mark
    "Has Norland sent fuel to Estria\u061f",  # Arabic question mark
    "Has Norland sent fuel to Estria?\u200b",  # then a zero-width space
    "Has Norland sent fuel to Estria?\u2060",  # then a word joiner
    'Vesta asked: "Has Norland sent fuel to Estria?!"',
    # a reported question: the auxiliary before its subject asks, whatever mark ends the sentence
    "Has Norland sent fuel to Estria, Vesta asked.",
    "Has Norland sent fuel to Estria, Vesta wondered.",
    "Has Norland sent fuel to Estria, Vesta asked reporters.",
    "Hasn't Norland sent fuel to Estria, Vesta asked.",
)


@pytest.mark.parametrize("sentence", QUESTIONS)
def test_a_question_tells_no_status(sentence: str) -> None:
    assert "aid[0].status" in _flow_refused(sentence)


def test_a_question_ending_another_mark_ends_its_sentence() -> None:
    # "？" ends its sentence as "?" does: the question is not read as part of the plain sentence after it
    sentence = "Has Norland sent fuel to Estria\uff1f Vesta sent water to Oster."
    assert "aid[0].status" in _flow_refused(sentence)


def test_a_question_tells_no_promise_either() -> None:
    sentence = "Has Norland promised fuel to Estria?!"
    assert "aid[0].status" in _flow_refused(sentence, status="pledged", status_as_written="promised")


@pytest.mark.parametrize(
    "sentence",
    ["Norland sent fuel to Estria.", "Norland sent fuel to Estria!", "Norland sent fuel to Estria\u200b."],
)
def test_a_plain_sentence_still_passes(sentence: str) -> None:
    assert _flow_refused(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        ("Has Norland sent fuel?", True),
        ("Did the navy send fuel, Vesta asked.", True),
        ("Won't Norland send fuel, Vesta asked.", True),
        ("Will Norland send fuel, Vesta asked.", True),
        ("Will Oster sent fuel to Estria.", False),  # a name
        ("May Oster lend Estria $9 million?", True),
        ("May Oster lent Estria $9 million.", False),
        ("Norland sent fuel to Estria.", False),
        ("Hastings sent fuel to Estria.", False),
        ("Is it Norland that sent fuel, Vesta asked.", True),
    ],
)
def test_what_asks(sentence: str, question: bool) -> None:
    assert asks(sentence) is question


# "asked" closing a sentence after who asks is a saying: the fact needs it as its attribution
@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        ("Norland sent fuel to Estria, Vesta asked.", "Vesta asked"),
        ("Norland sent fuel to Estria, Vesta asked reporters.", "Vesta asked reporters"),
        ("Norland sent fuel to Estria, Vesta queried.", "Vesta queried"),
    ],
)
def test_a_closing_asking_verb_needs_its_attribution(sentence: str, attribution: str) -> None:
    assert "aid[0].attribution" in _flow_refused(sentence)
    assert _flow_refused(sentence, attribution={"text": attribution, "role": "source"}) == []


def test_a_request_still_passes() -> None:
    sentence = "Estria asked Norland for fuel."
    flow = {"status": "requested", "status_as_written": "asked"}
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "asked", sentence, **flow)]) == []


# ---------------------------------------------------------------- H1: adverbs of likelihood

LIKELY = ("likely", "most likely", "very likely", "possibly", "perhaps", "reportedly", "presumably", "maybe")


@pytest.mark.parametrize("hedge", LIKELY)
def test_an_adverb_of_likelihood_needs_its_hedge(hedge: str) -> None:
    sentence = f"Norland {hedge} sent fuel to Estria."
    assert "aid[0].attribution" in _flow_refused(sentence)
    # "reportedly" names no one who says so: it is a hedge too, shown as one (HOSTILE-15 3)
    assert _flow_refused(sentence, attribution={"text": hedge, "role": "hedge"}) == []


def test_likely_opening_the_sentence_needs_its_hedge() -> None:
    assert "aid[0].attribution" in _flow_refused("Likely, Norland sent fuel to Estria.")


def test_an_adjective_that_is_an_adverb_too_hedges_before_a_verb() -> None:
    # no list names "likelier": it is read as an adverb where it stands before the verb
    assert "aid[0].attribution" in _flow_refused("Norland likelier sent fuel to Estria.")


def test_an_adjective_before_a_verb_that_says_who_only_still_passes() -> None:
    assert _flow_refused("Norland alone sent fuel to Estria.") == []


def test_a_loan_likely_lent_needs_its_hedge() -> None:
    assert "loans[0].attribution" in _loan_refused("Norland likely lent Estria $9 million.")


# ---------------------------------------------------------------- H6: who says so, named with no verb

# each tail names who says so; the attribution written from the sentence makes the loan that one's claim
UNMARKED_SOURCES = (
    (", per Vesta.", "per Vesta"),
    (", per the Vesta ministry.", "per the Vesta ministry"),
    (", by Vesta's count.", "by Vesta's count"),
    (", by some estimates.", "by some estimates"),
    (", by one estimate.", "by one estimate"),
    (", by all accounts.", "by all accounts"),
    (", in one account.", "in one account"),
    (", on Vesta's figures.", "on Vesta's figures"),
    (", in Vesta's account.", "in Vesta's account"),
    (", in Vesta's view.", "in Vesta's view"),
    (" (Vesta Herald).", "Vesta Herald"),
    (" (source: Vesta).", "source: Vesta"),
    (" - Vesta.", "Vesta"),
    (" \u2014 Vesta Herald.", "Vesta Herald"),
    (", Vesta Herald.", "Vesta Herald"),
    (", Vesta's minister posted.", "Vesta's minister posted"),
    (", Vesta's minister tweeted.", "Vesta's minister tweeted"),
    (", Vesta's minister shared.", "Vesta's minister shared"),
    (", thought to be the largest loan.", "thought to be the largest loan"),
)


@pytest.mark.parametrize(("tail", "attribution"), UNMARKED_SOURCES)
def test_a_source_named_with_no_verb_needs_its_attribution(tail: str, attribution: str) -> None:
    sentence = f"Norland lent Estria $9 million{tail}"
    assert "loans[0].attribution" in _loan_refused(sentence)
    role = "hedge" if attribution.startswith("thought") else "source"
    assert _loan_refused(sentence, attribution={"text": attribution, "role": role}) == []


@pytest.mark.parametrize(("tail", "attribution"), UNMARKED_SOURCES[:3])
def test_an_aid_flow_sourced_with_no_verb_needs_its_attribution(tail: str, attribution: str) -> None:
    sentence = f"Norland sent fuel to Estria{tail}"
    assert "aid[0].attribution" in _flow_refused(sentence)
    assert _flow_refused(sentence, attribution={"text": attribution, "role": "source"}) == []


def test_what_someone_calls_an_amount_needs_its_attribution() -> None:
    assert "loans[0].attribution" in _loan_refused("Norland lent Estria what Vesta calls $9 million.")


# the same shapes, naming no one: the loan is the article's own
@pytest.mark.parametrize(
    "tail",
    [
        ".",
        " in Estria's harbour.",
        ", in one payment.",
        ", on Monday.",
        " (about €8 million).",
        " - a record.",
        ", in two tranches.",
    ],
)
def test_a_loan_with_no_source_in_its_tail_still_passes(tail: str) -> None:
    assert _loan_refused(f"Norland lent Estria $9 million{tail}") == []


def test_a_name_after_a_place_is_its_country_not_a_source() -> None:
    sentence = "Norland sent fuel to Estria, Vesta."
    assert "aid[0].attribution" not in _flow_refused(sentence)


# ---------------------------------------------------------------- H9: an attribution cut from its speaker

# the attribution "Vesta said", cut from a longer speaker phrase, gives the claim to Vesta
CUT_SPEAKERS = ("a parody account of Vesta", "someone close to Vesta", "critics of Vesta", "no one but Vesta")


@pytest.mark.parametrize("speaker", CUT_SPEAKERS)
def test_an_attribution_cut_from_its_speaker_is_refused(speaker: str) -> None:
    sentence = f"Norland sent fuel to Estria, {speaker} said."
    assert "aid[0].attribution" in _flow_refused(
        sentence, attribution={"text": "Vesta said", "role": "source"}
    )
    whole = _flow_refused(sentence, attribution={"text": f"{speaker} said", "role": "source"})
    # a parody says nothing it means: given whole, the giving is still not told done (HOSTILE-16 F11)
    assert whole == (["aid[0].status"] if "parody" in speaker else [])


def test_the_cut_speaker_is_named_whole() -> None:
    sentence = "Norland sent fuel to Estria, critics of Vesta said."
    flow = _deal_flow(
        "Norland", "fuel", "sent", sentence, attribution={"text": "Vesta said", "role": "source"}
    )
    messages = [m for _, m in checked(_article(sentence), aid=[flow])[1]]
    assert any("“critics of Vesta said”" in m for m in messages)


def test_an_opening_attribution_cut_from_its_speaker_is_refused() -> None:
    sentence = "Critics of Vesta said Norland sent fuel to Estria."
    assert "aid[0].attribution" in _flow_refused(
        sentence, attribution={"text": "Vesta said", "role": "source"}
    )
    assert _flow_refused(sentence, attribution={"text": "Critics of Vesta said", "role": "source"}) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria, Vesta said.",
        "Vesta said Norland sent fuel to Estria.",
    ],
)
def test_an_attribution_that_is_its_whole_speaker_still_passes(sentence: str) -> None:
    assert _flow_refused(sentence, attribution={"text": "Vesta said", "role": "source"}) == []


def test_an_attribution_that_is_its_whole_speaker_keeps_the_time_of_its_saying() -> None:
    sentence = "Norland sent fuel to Estria, Vesta said on Tuesday."
    assert _flow_refused(sentence, attribution={"text": "Vesta said on Tuesday", "role": "source"}) == []
    assert _flow_refused(sentence, attribution={"text": "Vesta said", "role": "source"}) == [
        "aid[0].attribution"
    ]


@pytest.mark.parametrize("verb", ["reported", "posted"])
def test_a_saying_verb_no_list_holds_keeps_its_whole_speaker(verb: str) -> None:
    sentence = f"Norland sent fuel to Estria, critics of Vesta {verb}."
    assert "aid[0].attribution" in _flow_refused(
        sentence, attribution={"text": f"Vesta {verb}", "role": "source"}
    )
    assert _flow_refused(sentence, attribution={"text": f"critics of Vesta {verb}", "role": "source"}) == []
