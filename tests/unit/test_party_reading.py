"""HOSTILE-16 F10, W4: who gives, lends and receives, read from the verb's own subject and objects.

"Norland, with Vesta, lent Estria $90 million." was accepted with Norland as the sole lender (a co-party makes
the lender a group), and "A fund run by Norland lent Estria $90 million." with lender Norland (the lender is the
fund; Norland is only related to it).

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused
from tests.unit.test_undone_giving import _article


def _loan(lender: str, sentence: str) -> list[str]:
    return refused(_article(sentence), loans=[_deal_loan(lender, "$90 million", "lent", sentence)])


def _flow(
    donor: str, sentence: str, recipient: str = "Estria", item: str = "fuel", verb: str = "sent"
) -> list[str]:
    return refused(
        _article(sentence), aid=[{**_deal_flow(donor, item, verb, sentence), "recipient": recipient}]
    )


# ---------------------------------------------------------------- a co-party makes the doer a group

CO_PARTY = (
    "Norland, with Vesta, lent Estria $90 million.",
    "Norland, along with Vesta, lent Estria $90 million.",
    "Norland, jointly with Vesta, lent Estria $90 million.",
    "Norland together with Vesta lent Estria $90 million.",
    "Norland, together with Vesta, lent Estria $90 million.",
    "Norland, as well as Vesta, lent Estria $90 million.",
    "Norland, with its allies, lent Estria $90 million.",
    "Norland and its allies lent Estria $90 million.",
    "Norland, with Vesta's navy, lent Estria $90 million.",
)


@pytest.mark.parametrize("sentence", CO_PARTY)
def test_one_of_a_group_alone_is_not_the_lender(sentence: str) -> None:
    assert "loans[0].lender" in _loan("Norland", sentence)


@pytest.mark.parametrize("sentence", CO_PARTY[:6])
def test_the_co_party_alone_is_not_the_lender_either(sentence: str) -> None:
    assert "loans[0].lender" in _loan("Vesta", sentence)


def test_the_group_refusal_says_what_the_editor_can_do() -> None:
    sentence = CO_PARTY[0]
    found = checked(_article(sentence), loans=[_deal_loan("Norland", "$90 million", "lent", sentence)])[1]
    assert any(
        item == "loans[0].lender" and "“Norland, with Vesta”" in message and "key point" in message
        for item, message in found
    )


def test_a_co_party_of_a_donor_makes_a_group_too() -> None:
    assert "aid[0].donor" in _flow("Norland", "Vesta, with Norland, sent fuel to Estria.")
    assert "aid[0].donor" in _flow("Vesta", "Vesta, with Norland, sent fuel to Estria.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland, with its huge reserves, lent Estria $90 million.",
        "Norland, with the help of Vesta, lent Estria $90 million.",
        "Norland lent Estria $90 million with Vesta's blessing.",
        "Norland, backed by Vesta, lent Estria $90 million.",
        "Norland, Vesta's neighbour, lent Estria $90 million.",
        "Norland, with Vesta's help, lent Estria $90 million.",
        "Norland, with Vesta's backing, lent Estria $90 million.",
    ],
)
def test_a_phrase_that_adds_no_party_leaves_the_lender_alone(sentence: str) -> None:
    assert _loan("Norland", sentence) == []


def test_a_group_joined_by_and_is_named_whole() -> None:
    assert _loan("Norland and Vesta", "Norland and Vesta lent Estria $90 million.") == []


# ---------------------------------------------------------------- a body related to a party is not the party

RELATED = (
    "A fund run by Norland lent Estria $90 million.",
    "A bank owned by Norland lent Estria $90 million.",
    "A firm backed by Norland lent Estria $90 million.",
    "A company based in Norland lent Estria $90 million.",
    "A charity funded by Norland lent Estria $90 million.",
    "A group led by Norland lent Estria $90 million.",
)


@pytest.mark.parametrize("sentence", RELATED)
def test_a_body_related_to_a_party_is_not_that_party(sentence: str) -> None:
    assert "loans[0].lender" in _loan("Norland", sentence)


def test_a_body_related_to_a_donor_is_not_the_donor() -> None:
    assert "aid[0].donor" in _flow("Norland", "A charity funded by Norland sent fuel to Estria.")
    assert "aid[0].donor" in _flow("Norland", "Vesta, backed by Norland, sent fuel to Estria.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The government of Norland lent Estria $90 million.",
        "The Republic of Norland lent Estria $90 million.",
        "Norland, backed by Vesta, lent Estria $90 million.",
    ],
)
def test_a_party_heading_its_subject_is_still_the_lender(sentence: str) -> None:
    assert _loan("Norland", sentence) == []


def test_a_related_party_after_the_subject_is_not_the_donor() -> None:
    assert "aid[0].donor" in _flow("Vesta", "Norland, backed by Vesta, sent fuel to Estria.")
    assert _flow("Norland", "Norland, backed by Vesta, sent fuel to Estria.") == []


# ---------------------------------------------------------------- a participle phrase inside the subject

REDUCED = (
    "Fuel sent to Norland by Estria arrived on Monday.",
    "Fuel sent to Norland by Estria reached the port on Monday.",
    "Fuel sent to Norland by the Estria Harbour Board reached the port.",
)


@pytest.mark.parametrize("sentence", REDUCED)
def test_the_agent_of_a_participle_in_the_subject_is_the_donor(sentence: str) -> None:
    donor = "Estria Harbour Board" if "Board" in sentence else "Estria"
    assert _flow(donor, sentence, recipient="Norland", item="Fuel") == []


@pytest.mark.parametrize("sentence", REDUCED[:2])
def test_the_parties_of_a_participle_in_the_subject_are_not_turned_round(sentence: str) -> None:
    found = _flow("Norland", sentence, item="Fuel")
    assert "aid[0].donor" in found
    found = checked(_article(sentence), aid=[{**_deal_flow("Norland", "Fuel", "sent", sentence)}])[1]
    assert any("the passive's agent is “Estria”" in message for _, message in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria by sea and left.",
        "Norland sent fuel to Estria by ship.",
        "Norland sent fuel to Estria by Vesta's port.",
        "Norland sent fuel to Estria by Monday.",
    ],
)
def test_by_of_a_means_after_an_active_verb_is_no_agent(sentence: str) -> None:
    assert _flow("Norland", sentence) == []


def test_the_item_s_own_participle_phrase_is_skipped_when_finding_the_item() -> None:
    sentence = "Fuel bought by Vesta was sent to Estria by Norland."
    assert _flow("Norland", sentence, item="Fuel", verb="was sent") == []
    assert "aid[0].donor" in _flow("Vesta", sentence, item="Fuel", verb="was sent")
    sentence = "Fuel owned by Vesta was sent to Estria by Norland."
    assert _flow("Norland", sentence, item="Fuel", verb="was sent") == []
    sentence = "Fuel bought by Vesta was sent to Estria by Norland."
    assert "aid[0].recipient" in _flow("Norland", sentence, recipient="Vesta", item="Fuel", verb="was sent")


# ---------------------------------------------------------------- "so did X" tells the verb again

AGAIN = (
    "Norland sent fuel to Estria, and so did Vesta.",
    "Norland sent fuel to Estria, as did Vesta.",
    "Norland sent fuel to Estria and so did Vesta.",
)


@pytest.mark.parametrize("sentence", AGAIN)
def test_the_subject_of_so_did_is_a_donor(sentence: str) -> None:
    assert _flow("Vesta", sentence) == []
    assert _flow("Norland", sentence) == []
    flow = {**_deal_flow("Vesta", "fuel", "sent", sentence), "by": "Vesta"}
    assert refused(_article(sentence), aid=[flow]) == []


@pytest.mark.parametrize("sentence", AGAIN[:2])
def test_the_parties_of_so_did_are_not_turned_round(sentence: str) -> None:
    assert _flow("Estria", sentence, recipient="Vesta") != []
    assert _flow("Vesta", sentence, recipient="Norland") != []


def test_the_subject_of_so_did_is_a_lender_not_a_borrower() -> None:
    sentence = "Norland lent Estria $90 million, and so did Vesta."
    assert _loan("Vesta", sentence) == []
    loan = {**_deal_loan("Estria", "$90 million", "lent", sentence), "borrower": "Vesta"}
    assert "loans[0].lender" in refused(_article(sentence), loans=[loan])


def test_a_new_subject_with_a_verb_of_its_own_is_still_not_the_donor() -> None:
    assert "aid[0].donor" in _flow("Vesta", "Norland sent fuel to Estria, and Vesta thanked it.")
    assert "aid[0].donor" in _flow("Vesta", "Norland sent fuel to Estria, and so Vesta thanked it.")


# ---------------------------------------------------------------- "nothing but X", "no one but X" affirm X

AFFIRMED = (
    "Norland sent Estria nothing but fuel.",
    "Norland sent nothing but fuel to Estria.",
    "No country but Norland sent fuel to Estria.",
    "No one but Norland sent fuel to Estria.",
    "Nobody but Norland sent fuel to Estria.",
    "Norland sent fuel to no one but Estria.",
)


@pytest.mark.parametrize("sentence", AFFIRMED)
def test_what_nothing_but_names_is_affirmed(sentence: str) -> None:
    assert _flow("Norland", sentence) == []


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("Every country but Norland sent fuel to Estria.", "aid[0].donor"),
        ("All but Norland sent fuel to Estria.", "aid[0].donor"),
        ("Norland sent fuel to everyone but Estria.", "aid[0].recipient"),
        ("Norland sent Estria nothing.", "aid[0].status_as_written"),
        ("Norland sent Estria fuel, but it sank.", "aid[0].status"),
    ],
)
def test_but_that_leaves_out_or_undoes_is_still_refused(sentence: str, field: str) -> None:
    assert field in _flow("Norland", sentence)


def test_the_one_no_one_but_names_is_the_only_donor() -> None:
    assert "aid[0].donor" in _flow("Vesta", "No country but Norland sent fuel to Estria.")
    assert "aid[0].donor" in _flow(
        "Estria", "No country but Norland sent fuel to Estria.", recipient="Norland"
    )


# ---------------------------------------------------------------- a list of recipients after one "to"


@pytest.mark.parametrize("recipient", ["Vesta", "Estria"])
def test_each_of_a_list_of_recipients_receives(recipient: str) -> None:
    assert _flow("Norland", "Norland sent fuel to Vesta and Estria.", recipient=recipient) == []
    assert _flow("Norland", "Norland sent fuel to Vesta and Estria on Monday.", recipient=recipient) == []


@pytest.mark.parametrize(
    ("sentence", "donor", "recipient"),
    [
        ("Norland sent fuel to Vesta and water to Estria.", "Norland", "Estria"),
        ("Norland sent fuel to Vesta and Estria sent water to Oster.", "Norland", "Estria"),
        ("Norland sent fuel to Vesta and Estria thanked it.", "Norland", "Estria"),
        ("Norland sent fuel to Vesta and Estria.", "Estria", "Vesta"),
        ("Norland sent fuel to Vesta and Estria.", "Vesta", "Estria"),
        ("Norland sent fuel to Vesta and Estria's port.", "Norland", "Estria"),
    ],
)
def test_a_name_that_is_no_receiver_of_the_list_is_still_refused(
    sentence: str, donor: str, recipient: str
) -> None:
    assert _flow(donor, sentence, recipient=recipient) != []
