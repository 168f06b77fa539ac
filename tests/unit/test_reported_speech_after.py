"""A later sentence that points back to an event or a giving and only reports speech does not take it back
(REPORT-reader17 finding 4): "Quill told reporters after the reopening that it went well." tells of the reopening,
it does not deny, doubt, ask, correct or undo it, and "Officials said the storm sank three ferries." tells what the
storm did, not the storm undone. What the speech reports is read as it would be told plainly, and a verb that
doubts, denies or claims still takes the fact back.

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked


def _article(*paragraphs: str) -> str:
    return (
        "Ferries for Estria\n\n"
        + "\n\n".join(paragraphs)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


def _event(told: str, after: str, what: str, when: str) -> list[str]:
    text = _article(f"{told} {after}")
    return [item for item, _ in checked(text, events=[{"what": what, "when": when, "evidence": [told]}])[1]]


QUAY = ("The quay was reopened on Friday.", "The quay was reopened", "Friday")
STORM = ("A storm wrecked the harbour in May.", "A storm wrecked the harbour", "May")
TALKS = ("The talks were held on Monday.", "The talks were held", "Monday")


@pytest.mark.parametrize(
    ("event", "after"),
    [
        (QUAY, "Quill told reporters after the reopening that it went well."),
        (QUAY, "Officials said the reopening went well."),
        (STORM, "Officials said the storm sank three ferries."),
        (STORM, "The storm sank three ferries."),
        (STORM, "Officials in Port Mirren said the storm destroyed most of the quay and sank three ferries."),
    ],
)
def test_a_sentence_that_reports_speech_about_an_event_leaves_it_told(
    event: tuple[str, str, str], after: str
) -> None:
    told, what, when = event
    assert _event(told, after, what, when) == []


@pytest.mark.parametrize(
    ("event", "after"),
    [
        (QUAY, "Quill denied it."),
        (QUAY, "That was false, officials said."),
        (QUAY, "Officials said it never happened."),
        (QUAY, "Officials said Vesta stopped it."),
        (QUAY, "Officials said it was a drill."),
        (QUAY, "Officials doubted it."),
        (QUAY, "Or so officials say."),
        (QUAY, "Quill told reporters it was a rumour."),
        (QUAY, "Officials said it was later cancelled."),
        (STORM, "Officials said the storm was stopped by the sea wall."),
        (TALKS, "Officials said Vesta scuppered the talks."),  # the event's noun is the object
        (TALKS, "Officials said the talks were scuppered by Vesta."),
        (TALKS, "The talks were later scuppered."),
    ],
)
def test_a_sentence_that_reports_a_denial_or_an_undoing_still_takes_the_event_back(
    event: tuple[str, str, str], after: str
) -> None:
    told, what, when = event
    assert "events[0].what" in _event(told, after, what, when)


def test_the_readers_loan_signing_with_a_quotation_after_it_is_an_event() -> None:
    signed = "The loan was signed in Calder on Monday."
    said = "“This money will put our ferries back on the water,” Vey told reporters after the signing."
    text = _article(signed, said)
    found = checked(text, events=[{"what": "The loan was signed", "when": "Monday", "evidence": [signed]}])[1]
    assert found == []


def test_a_giving_followed_by_reported_speech_about_it_stays_done() -> None:
    sent = "Norland sent fuel to Estria on Monday."
    for after, refused in [
        ("Officials said the fuel arrived on Tuesday.", []),
        ("Officials said the fuel never arrived.", ["aid[0].status"]),
        ("Officials said it was seized at sea.", ["aid[0].status"]),
    ]:
        text = _article(f"{sent} {after}")
        found = checked(text, aid=[_deal_flow("Norland", "fuel", "sent", sent)])[1]
        assert [item for item, _ in found] == refused, after
