"""HOSTILE-16 F1, F4, F11: a giving its own sentence negates, calls false or conditions is not told done.

"Not once has Norland sent fuel to Estria." was accepted as fuel sent, and so were "Vesta's false claim that
Norland sent fuel …" (attributed to "Vesta's false claim"), "…, a Vesta parody site said.", "… subject to a vote"
and "Subject to approval, …": a negation was read only just before the verb, falsity only in the next sentence,
and conditions were four words after the verb. The giving's sentence is now read whole, whatever role the
attribution covering the words has (`check._told_against`; `NEGATIVE_ADVERBIALS`, `NEGATIVE_TAILS`,
`TELLING_FALSE`, `CONDITION_WORDS` in vocabulary.py), and a source must hold a word of saying, not only the
fact's own giving or negative words.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused
from tests.unit.test_undone_giving import _article


def _hedge(text: str) -> dict[str, str]:
    return {"text": text, "role": "hedge"}


def _flow(sentence: str, verb: str = "sent", **more: Any) -> list[str]:
    return refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", verb, sentence, **more)])


def _loan(sentence: str, **more: Any) -> list[str]:
    return refused(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence, **more)])


# ---------------------------------------------------------------- F1: negation by inversion or a negative subject

NEGATED = (
    ("Not once has Norland sent fuel to Estria.", {}),
    ("Not since 2019 has Norland sent fuel to Estria.", {}),
    ("At no time has Norland sent fuel to Estria.", {"attribution": _hedge("At no time has")}),
    ("Under no circumstances has Norland sent fuel to Estria.", {}),
    ("Norland sent not a drop of fuel to Estria.", {}),
    ("Norland sent fuel to Estria, or rather it did not.", {}),
    ("Norland sent fuel to Estria - or not.", {}),
    ("Norland sent fuel to Estria by no means.", {}),
    ("Norland hardly sent fuel to Estria.", {"attribution": _hedge("Norland hardly sent fuel")}),
    ("Norland scarcely sent fuel to Estria.", {"attribution": _hedge("Norland scarcely sent fuel")}),
    ("Nobody thinks Norland sent fuel to Estria.", {"attribution": _hedge("Nobody thinks")}),
    ("Few think Norland sent fuel to Estria.", {"attribution": _hedge("Few think")}),
)


@pytest.mark.parametrize(("sentence", "more"), NEGATED)
def test_a_giving_its_clause_negates_is_not_done(sentence: str, more: dict[str, Any]) -> None:
    assert "aid[0].status" in _flow(sentence, **more)


@pytest.mark.parametrize(
    "sentence",
    [
        "Never before has Norland sent fuel to Estria.",
        "Little has Norland sent fuel to Estria.",
        "Only rarely has Norland sent fuel to Estria.",
        "No longer does Norland send fuel to Estria.",
    ],
)
def test_a_negative_opening_that_inverts_its_clause_negates_the_giving(sentence: str) -> None:
    assert "aid[0].status" in _flow(sentence, verb="send" if " send " in sentence else "sent")


def test_a_negative_opening_with_a_comparison_tells_it_done() -> None:
    """ "Never before has Norland sent so much fuel" tells fuel sent, and more than before."""
    assert "aid[0].status" not in _flow("Never before has Norland sent so much fuel to Estria.")
    assert _flow("Not only has Norland sent fuel to Estria, it has also sent food to Vesta.") == []


def test_a_negated_loan_and_passive_are_not_done() -> None:
    assert "loans[0].status" in _loan("Not once has Norland lent Estria $90 million.")
    assert "loans[0].status" in _loan("Norland lent Estria $90 million in no sense.")
    passive = "Not a drop of fuel was sent to Estria by Norland."
    assert "aid[0].status" in _flow(passive, verb="was sent")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("At no time has Norland sent fuel to Estria.", "At no time has"),
        ("Norland hardly sent fuel to Estria.", "Norland hardly sent"),
    ],
)
def test_the_facts_own_words_are_no_source(sentence: str, source: str) -> None:
    """Given as who says so, words with no saying verb or noun were shown as "Who says so: “At no time has”"."""
    flow = _deal_flow("Norland", "fuel", "sent", sentence, attribution=source)
    found = checked(_article(sentence), aid=[flow])[1]
    assert {item for item, _ in found} == {"aid[0].attribution", "aid[0].status"}
    said = next(m for item, m in found if item == "aid[0].attribution")
    assert "no word of saying" in said and "give the words that name who says so" in said


# ---------------------------------------------------------------- F11: false, joking or fiction, in the attribution

FALSE = (
    ("Vesta's false claim that Norland sent fuel to Estria spread fast.", "Vesta's false claim"),
    ("Vesta doubts that Norland sent fuel to Estria.", "Vesta doubts"),
    ("Vesta imagines that Norland sent fuel to Estria.", "Vesta imagines"),
    ("Norland sent fuel to Estria, a Vesta parody site said.", "a Vesta parody site said"),
    ("Norland sent fuel to Estria, Vesta said sarcastically.", "Vesta said sarcastically"),
    ("Norland sent fuel to Estria, Vesta said ironically.", "Vesta said ironically"),
    ("Norland sent fuel to Estria, Vesta said hypothetically.", "Vesta said hypothetically"),
    ("Norland sent fuel to Estria, Vesta said in a satirical column.", "Vesta said in a satirical column"),
    ("Norland sent fuel to Estria, a character in Vesta's novel says.", "a character in Vesta's novel says"),
    ("Reports that Norland sent fuel to Estria are wrong.", _hedge("Reports that Norland sent fuel to Estria are wrong")),
    ("Norland sent fuel to Estria, a claim nobody believes.", _hedge("a claim nobody believes")),
    ("Norland sent fuel to Estria, a claim Vesta calls absurd.", _hedge("a claim Vesta calls absurd")),
    ("Norland sent fuel to Estria, in theory.", _hedge("in theory")),
    ("Not once has Norland sent fuel to Estria.", _hedge("Not once")),
    ("Norland sent fuel to Estria, or so the story goes.", None),
    ("Norland sent fuel to Estria, the legend goes.", None),
)  # fmt: skip


@pytest.mark.parametrize(("sentence", "attribution"), FALSE)
def test_a_giving_its_sentence_calls_false_is_not_done_whatever_its_attribution(
    sentence: str, attribution: object
) -> None:
    more = {} if attribution is None else {"attribution": attribution}
    assert "aid[0].status" in _flow(sentence, **more)


def test_the_message_quotes_the_word_and_the_way_out() -> None:
    sentence = "Norland sent fuel to Estria, a Vesta parody site said."
    flow = _deal_flow("Norland", "fuel", "sent", sentence, attribution="a Vesta parody site said")
    found = checked(_article(sentence), aid=[flow])[1]
    assert [item for item, _ in found] == ["aid[0].status"]
    assert "“parody”" in found[0][1] and "tell it as a key point" in found[0][1]


# ---------------------------------------------------------------- F4: conditions and unfinished deals

CONDITIONS = (
    "subject to a vote",
    "subject to parliament's approval",
    "pending a vote",
    "pending approval",
    "provided the port opens",
    "as long as the port stays open",
    "so long as the port stays open",
    "conditional on reforms",
    "contingent on reforms",
    "in the event that the port opens",
    "on the understanding that the port opens",
    "absent a veto",
    "barring a veto",
    "had Estria asked",
    "in a draft deal",
    "in a deal not yet signed",
    "under a tentative deal",
    "under a deal still under negotiation",
    "in a preliminary deal",
    "in a memorandum of understanding",
)


@pytest.mark.parametrize("condition", CONDITIONS)
def test_a_conditional_loan_is_not_made(condition: str) -> None:
    assert "loans[0].status" in _loan(f"Norland lent Estria $90 million {condition}.")


@pytest.mark.parametrize("condition", CONDITIONS)
def test_a_conditional_giving_is_not_done(condition: str) -> None:
    assert "aid[0].status" in _flow(f"Norland sent fuel to Estria {condition}.")


@pytest.mark.parametrize("opening", ["Subject to approval, ", "Pending a vote, "])
def test_a_condition_that_opens_the_sentence_leaves_the_giving_not_done(opening: str) -> None:
    assert "aid[0].status" in _flow(f"{opening}Norland sent fuel to Estria.")
    assert "loans[0].status" in _loan(f"{opening}Norland lent Estria $90 million.")


def test_a_conditional_approval_is_not_told_approved() -> None:
    sentence = "Norland approved fuel for Estria subject to a vote."
    assert "aid[0].status" in _flow(sentence, verb="approved", status="approved")


# ---------------------------------------------------------------- guards: ordinary prose still passes

PLAIN = (
    "Norland sent fuel to Estria, which has no refinery.",
    "Norland sent fuel, not food, to Estria.",
    "Norland sent fuel to Estria on Monday, not Tuesday.",
    "Norland sent fuel to Estria, and Vesta sent none.",
    "Norland sent fuel to Estria after a vote in parliament.",
    "Norland sent fuel to Estria under a deal signed in May.",
    "Norland sent fuel to Estria for the first time since 2019.",
    "Norland sent fuel to Estria, whose port has not opened in years.",
    "Norland provided fuel to Estria.",
    "Norland sent fuel to Estria and provided the port with cranes.",
)


@pytest.mark.parametrize("sentence", PLAIN)
def test_a_plain_giving_with_another_clauses_negation_still_passes(sentence: str) -> None:
    verb = "provided" if sentence.startswith("Norland provided") else "sent"
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", verb, sentence)]) == []


# Words the unread-adverb rule asks an attribution for, but that do not take the giving back: the status stands.
ASIDES = (
    "Norland sent fuel to Estria, where winters are rarely mild and ports seldom open.",
    "Norland sent fuel to Estria and nowhere else.",
    "Ironically, Norland sent fuel to Estria.",
)


@pytest.mark.parametrize("sentence", ASIDES)
def test_another_clauses_or_a_comments_words_leave_the_status_done(sentence: str) -> None:
    assert "aid[0].status" not in _flow(sentence)


SOURCES = (
    ("Norland sent fuel to Estria, Vesta said.", "Vesta said"),
    ("Norland sent fuel to Estria, Vesta hopes.", "Vesta hopes"),
    ("Norland sent fuel to Estria, Vesta suspects.", "Vesta suspects"),
    ("Norland sent fuel to Estria, the Vesta Herald wrote in an editorial.", "the Vesta Herald wrote in an editorial"),
    ("Norland sent fuel to Estria, Vesta tweeted.", "Vesta tweeted"),
    ("Some think the navy sent fuel to Estria.", "Some think"),
)  # fmt: skip


@pytest.mark.parametrize(("sentence", "source"), SOURCES)
def test_a_source_that_names_who_says_so_keeps_the_giving_done(sentence: str, source: str) -> None:
    donor = "the navy" if "navy" in sentence else "Norland"
    flow = _deal_flow(donor, "fuel", "sent", sentence, attribution=source)
    assert refused(_article(sentence), aid=[flow]) == []


def test_a_plain_loan_after_a_decision_is_made() -> None:
    assert _loan("Norland lent Estria $90 million after parliament approved it.") == []
    assert _loan("Norland lent Estria $90 million, the first loan of its kind.") == []
