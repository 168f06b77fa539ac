"""Issue 10 (TASK-later): the rest of the article after a done giving, an event or a key point.

A done giving was read against its own sentence, the rest of its paragraph and the next paragraph's first sentence
only, so an article that took the giving back further on was accepted: a later paragraph ("Officials said the
shipment was cancelled."), a correction ("Correction: an earlier version said Norland sent fuel. It sent none."),
a denial two paragraphs on, a later sentence that denies without pointing back ("Estria is still waiting.", "Every
tanker was sent back.", "The fuel is yet to arrive."), and a key point a later paragraph retracts. Now every later
sentence, and a correction or update line anywhere (even before the fact), is read for what refers to the giving
and takes it back; far sentences are read narrowly, since they mostly tell other news.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster, Mirren); none is, or is taken from, a
real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused

GIVING = "Norland sent fuel to Estria on Monday."
LENDING = "Norland lent Estria $9 million."


def _paragraphs(*paragraphs: str) -> str:
    return (
        "Fuel for Estria\n\n"
        + "\n".join(paragraphs)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


# What the article tells after (or, for a correction or an update, anywhere around) the giving, each tuple the
# paragraphs: the giving's own paragraph is the first unless a tuple says otherwise.
TAKEN_BACK = (
    # a later paragraph
    (GIVING, "Officials said the shipment was cancelled."),
    (GIVING, "The port was busy.", "The shipment was later cancelled."),
    (GIVING, "The port was busy.", "Officials said the fuel was turned back at the border."),
    (GIVING, "The port was busy.", "It was later revoked."),
    # a correction or an update, after or before the fact
    (GIVING, "Correction: an earlier version said Norland sent fuel. It sent none."),
    (GIVING, "The port was busy.", "CORRECTION: Norland sent no fuel to Estria."),
    ("Correction: Norland sent no fuel.", GIVING),
    ("Update: the shipment was cancelled.", GIVING),
    (GIVING, "Update: Norland has not sent the fuel."),
    # two paragraphs on
    (GIVING, "The port was busy.", "None of the fuel was ever sent."),
    (GIVING, "The port was busy.", "No fuel reached Estria."),
    (GIVING, "The port was busy.", "Estria never received the fuel."),
    (GIVING, "The port was busy.", "Estria has yet to receive any."),
    (GIVING, "The port was busy.", "Estria is still awaiting the fuel."),
    (GIVING, "The port was busy.", "Norland later said it had sent nothing."),
    (GIVING, "The port was busy.", "Estria says it got nothing."),
    (GIVING, "The port was busy.", "Vesta said Norland sent nothing."),
    (GIVING, "The port was busy.", "It never arrived."),
    # another name told, but the item pointed back to
    (GIVING, "The port was busy.", "Officials in Vesta said Norland never sent the fuel."),
    # a later sentence of its paragraph that denies without pointing back
    (f"{GIVING} Estria is still waiting.",),
    (f"{GIVING} Every tanker was sent back.",),
    (f"{GIVING} The fuel is yet to arrive.",),
    (f"{GIVING} The port was busy. The fuel was never delivered.",),
)

# Ordinary later prose that leaves the giving done (each passes, and why):
STILL_DONE = (
    # thanks are for what was done
    (GIVING, "Estria thanked Norland."),
    # other news: nothing refers to the giving
    (GIVING, "The port was busy."),
    # another giving still to come, by an indefinite noun: not this one undone
    (GIVING, "A second shipment is expected next week."),
    # a negation of something else about the item: no verb of giving or getting is denied
    (GIVING, "The port was busy.", "The fuel has never been cheaper."),
    (GIVING, "The port was busy.", "The fuel that reached Estria was never taxed."),
    # a pronoun far off with a plain negation: "it" there is mostly something else
    (GIVING, "The port was busy.", "It was not easy."),
    (GIVING, "The port was busy.", "It did not get easier."),
    (GIVING, "The port was busy.", "It did not come cheap."),
    (GIVING, "The port was busy.", "Vesta said Oster sent nothing to Mirren."),
    # another giving of a party, of another item, denied: not this one
    (GIVING, "The port was busy.", "Norland has not sent troops."),
    # an undoing word of something the giving is not
    (GIVING, "The port was busy.", "Oster cancelled the ferry service."),
    (GIVING, "Vesta rejected the proposal."),
    # a pronoun as the subject of a clause of its own is not the giving's
    (GIVING, "The port was busy.", "Vesta denied it had closed the border."),
    # a negated arriving at a place the giving does not name tells of somewhere else
    (GIVING, "The port was busy.", "The fuel did not reach Mirren, which has no port."),
    # waiting for something else
    (GIVING, "The port was busy.", "Estria is still waiting for the talks to resume."),
    # another giving, of another name, with its own pronoun ("it" is Vesta's fuel)
    (GIVING, "Vesta sent fuel to Oster, but Oster sent it back."),
    # after another giving is told, "the money" and "it" point to that one
    (GIVING, "Estria asked Norland for a loan.", "Norland has not provided the money."),
    # a correction or update that does not name the giving, or adds to it
    (GIVING, "Correction: an earlier version misspelled the mayor's name."),
    (GIVING, "Update: Norland sent more fuel on Tuesday."),
    ("Update: the port reopened on Sunday.", GIVING),
)


@pytest.mark.parametrize("paragraphs", TAKEN_BACK, ids=lambda p: " / ".join(p))
def test_a_giving_the_rest_of_the_article_takes_back_is_not_done(paragraphs: tuple[str, ...]) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    _, found = checked(_paragraphs(*paragraphs), aid=[flow])
    assert [item for item, _ in found] == ["aid[0].status"]
    message = found[0][1]
    assert "change the status" in message  # the editor's way out, as today


@pytest.mark.parametrize("paragraphs", STILL_DONE, ids=lambda p: " / ".join(p))
def test_ordinary_later_prose_leaves_a_giving_done(paragraphs: tuple[str, ...]) -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    assert refused(_paragraphs(*paragraphs), aid=[flow]) == []


def test_the_message_quotes_the_later_sentence_and_says_where_it_stands() -> None:
    flow = _deal_flow("Norland", "fuel", "sent", GIVING)
    _, found = checked(
        _paragraphs(GIVING, "The port was busy.", "None of the fuel was ever sent."), aid=[flow]
    )
    assert "“None of the fuel was ever sent.”" in found[0][1] and "paragraph 3" in found[0][1]


def test_a_loan_a_later_paragraph_cancels_is_not_done() -> None:
    loan = _deal_loan("Norland", "$9 million", "lent", LENDING)
    article = _paragraphs(LENDING, "The port was busy.", "The loan was cancelled in March.")
    assert refused(article, loans=[loan]) == ["loans[0].status"]
    assert (
        refused(_paragraphs(LENDING, "The port was busy.", "The loan is the largest yet."), loans=[loan])
        == []
    )


def test_an_event_a_later_paragraph_calls_off_is_not_done() -> None:
    told = "Oster held talks with Vesta on Monday."
    event = {"what": "Oster held talks with Vesta", "evidence": [told]}
    assert (
        refused(_paragraphs(told, "The port was busy.", "The talks were later called off."), events=[event])
        != []
    )
    assert refused(_paragraphs(told, "The port was busy.", "The talks ran late."), events=[event]) == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Oster shut the port.", "Officials later retracted it."),
        ("Oster shut the port. Officials later retracted it.",),
        ("Oster shut the port.", "The port was busy.", "The report was false."),
        ("Oster shut the port.", "Correction: an earlier version said Oster shut the port."),
    ],
)
def test_a_key_point_the_rest_of_the_article_retracts_is_refused(paragraphs: tuple[str, ...]) -> None:
    point = {"evidence": ["Oster shut the port."]}
    _, found = checked(_paragraphs(*paragraphs), key_points=[point])
    assert [item for item, _ in found] == ["key_points[0].evidence[0]"]
    assert "take that sentence into" in found[0][1]


def test_a_key_point_with_its_retraction_in_its_evidence_passes() -> None:
    """The editor's way out: the retraction taken into the evidence (the passage, or a passage of its own), with
    the attribution its saying verb needs."""
    article = _paragraphs("Oster shut the port.", "Officials later retracted it.")
    point = {
        "evidence": ["Oster shut the port.", "Officials later retracted it."],
        "attribution": "Officials later retracted it",
    }
    assert refused(article, key_points=[point]) == []
    same = _paragraphs("Oster shut the port. Officials later retracted it.")
    whole = {**point, "evidence": ["Oster shut the port. Officials later retracted it."]}
    assert refused(same, key_points=[whole]) == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Oster shut the port.", "The port was busy.", "Estria thanked Oster."),
        ("Oster shut the port.", "Vesta later retracted its offer of ferries."),  # its own object, not "it"
        ("Oster shut the port.", "The shipment was cancelled."),  # an undoing, not a retraction of the report
    ],
)
def test_a_key_point_followed_by_ordinary_prose_passes(paragraphs: tuple[str, ...]) -> None:
    assert refused(_paragraphs(*paragraphs), key_points=[{"evidence": ["Oster shut the port."]}]) == []
