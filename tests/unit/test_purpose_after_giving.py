"""A purpose infinitive after a giving, and a relative clause on its object, do not undo it (REPORT-reader17
finding 5, REPORT-hostile17 W6): "Vesta has lent Estria $90 million to rebuild the ferry harbour at Port Mirren,
which a storm wrecked two weeks ago, …" tells what the loan is for and what the storm did to the harbour; neither
verb has the loan as its subject or object. Every unread word after a giving is reported at once, and no message
tells an editor to change the code's vocabulary.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked


def _article(*paragraphs: str) -> str:
    return (
        "Ferries for Estria\n\n"
        + "\n\n".join(paragraphs)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


def _loan(sentence: str, verb: str = "lent", lender: str = "Norland", **more: str) -> list[tuple[str, str]]:
    return checked(_article(sentence), loans=[_deal_loan(lender, "$90 million", verb, sentence, **more)])[1]


def _flow(sentence: str, verb: str = "sent") -> list[tuple[str, str]]:
    return checked(_article(sentence), aid=[_deal_flow("Norland", "fuel", verb, sentence)])[1]


def test_the_readers_loan_with_its_purpose_and_a_relative_clause_passes() -> None:
    said = (
        "Vesta has lent Estria $90 million to rebuild the ferry harbour at Port Mirren, which a storm wrecked two "
        "weeks ago, the Estrian finance ministry said on Tuesday."
    )
    assert _loan(said, "has lent", "Vesta", attribution="the Estrian finance ministry said on Tuesday") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland lent Estria $90 million to rebuild the port.",
        "Norland lent Estria $90 million to rebuild the port, which a storm wrecked in May.",
        "Norland lent Estria $90 million to restart the ferries, which the storm stranded in May.",
        "Norland lent Estria $90 million to dredge the harbour at Mirren.",
    ],
)
def test_a_purpose_infinitive_after_a_loan_does_not_undo_it(sentence: str) -> None:
    assert _loan(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria to restart the ferries, which the storm stranded in May.",
        "Norland sent fuel to Estria to rebuild the quay.",
    ],
)
def test_a_purpose_infinitive_after_a_flow_does_not_undo_it(sentence: str) -> None:
    assert _flow(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland lent Estria $90 million, which was later impounded.",  # a relative clause on the item
        "Norland lent Estria $90 million to rebuild the port, then impounded it.",  # a later clause
        "Norland lent Estria $90 million to impound it.",  # the purpose's object is the loan
        "Norland lent Estria $90 million, only to impound it.",
        "Norland lent Estria $90 million to be impounded.",  # a passive infinitive: its subject is the loan
    ],
)
def test_an_unread_verb_that_may_tell_of_the_giving_still_leaves_it_unread(sentence: str) -> None:
    assert [item for item, _ in _loan(sentence)] == ["loans[0].status"]


def test_every_unread_word_after_a_giving_is_reported_at_once_and_names_no_code() -> None:
    found = _loan("Norland lent Estria $90 million, which was impounded and auctioned.")
    assert [item for item, _ in found] == ["loans[0].status"]
    message = found[0][1]
    assert "“impounded”" in message and "“auctioned”" in message
    assert "PLAIN_VERBS" not in message and "vocabulary.py" not in message


def test_an_events_unread_verb_names_no_code() -> None:
    said = "The quay was reopened on Friday, which Vesta impounded."
    found = checked(
        _article(said), events=[{"what": "The quay was reopened", "when": "Friday", "evidence": [said]}]
    )[1]
    assert found and all("PLAIN_VERBS" not in message for _, message in found)


def test_an_unread_opening_names_no_code() -> None:
    said = "In Vesta's harbourside, Norland sent fuel to Estria."
    found = checked(_article(said), aid=[_deal_flow("Norland", "fuel", "sent", said)])[1]
    assert found and all("vocabulary.py" not in message and "PLAIN_" not in message for _, message in found)
