"""An event without `what` is headed by its first passage (README), and that heading is read as a `what` is
(REPORT-reader16 finding 2): not who says so, not a pronoun, not an expectation, and its `when` and `where`
are its own clause's, not another clause's it holds.

Mutants of the shipped brief, and small articles written for these tests. TEST FIXTURES, NOT NEWS: every
article below is an invented text about invented places (Estria, Norland, Vesta, Oster); none is, or is taken
from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_seventh_reading_b import SHIPPED, shipped_refusals
from tests.unit.test_sixth_reading import checked, refused

AUSTIN = next(q for q in SHIPPED["quotes"] if q["speaker"] == "Austin")["evidence"][0]
SOURCE = (
    "A source familiar with the exchange said it took place three months ago, at the beginning of the "
    "Russia-Ukraine war."
)
TOLD = "He told the ministers that he was concerned Russia would shoot down Israel Air Force planes."


def _only_event(event: dict[str, Any]) -> Any:
    def change(raw: dict[str, Any]) -> None:
        raw["events"] = [event]

    return change


# ---------------------------------------------------------------- the reader's cases, on the shipped article

READER_CASES = [
    # "three months ago" is when "the contact group first came together", not when the participants discussed
    ({"when": "three months ago", "attribution": "Austin said", "evidence": [AUSTIN]}, "events[0].when"),
    # headed by who says so, and "it took place" is the time of a clause of its own
    (
        {"attribution": "A source familiar with the exchange said", "evidence": [SOURCE]},
        "events[0].evidence[0]",
    ),
    (
        {
            "when": "three months ago",
            "attribution": "A source familiar with the exchange said",
            "evidence": [SOURCE],
        },
        "events[0].when",
    ),
    # a pronoun for someone named elsewhere heads no event
    (
        {
            "attribution": [
                "a senior diplomatic source said",
                {"text": "he was concerned Russia would shoot down Israel Air Force planes", "role": "hedge"},
            ],
            "evidence": [TOLD],
        },
        "events[0].evidence[0]",
    ),
]


@pytest.mark.parametrize(("event", "field"), READER_CASES)
def test_a_headless_events_first_passage_is_read_as_its_what(event: dict[str, Any], field: str) -> None:
    assert field in shipped_refusals(_only_event(event))


def test_the_refusal_says_to_give_a_what() -> None:
    event = {"when": "Monday", "evidence": ["Since the talks on Monday, Vesta has held drills in Estria."]}
    found = checked(HARBOUR, events=[event])[1]
    assert any(item == "events[0].when" and "give `what`" in message for item, message in found)


# ---------------------------------------------------------------- guards: the shipped events, headless, still pass


# "the exchange" (events[4]) is headed by its `what` in its second passage, paragraph 9: headless, its first
# passage (paragraph 7) would head it, and the time of paragraph 9 is not that sentence's
THE_EXCHANGE = 4


@pytest.mark.parametrize("index", [i for i in range(len(SHIPPED["events"])) if i != THE_EXCHANGE])
def test_a_shipped_event_made_headless_still_passes(index: int) -> None:
    event = {k: v for k, v in SHIPPED["events"][index].items() if k != "what"}
    assert shipped_refusals(_only_event(event)) == []


def test_a_time_told_in_another_sentence_than_the_heading_is_refused() -> None:
    event = {k: v for k, v in SHIPPED["events"][THE_EXCHANGE].items() if k != "what"}
    assert "events[0].when" in shipped_refusals(_only_event(event))
    two = {
        "when": "Monday",
        "evidence": ["Vesta held talks in Estria.", "Norland sent ferries to Mirren on Monday."],
    }
    assert "events[0].when" in refused(TWO_SENTENCES, events=[two])
    one = {
        "when": "Monday",
        "evidence": ["Vesta held talks in Estria. Norland sent ferries to Mirren on Monday."],
    }
    assert "events[0].when" in refused(TWO_SENTENCES, events=[one])
    assert (
        refused(
            TWO_SENTENCES,
            events=[{"when": "Monday", "evidence": ["Norland sent ferries to Mirren on Monday."]}],
        )
        == []
    )


# TEST FIXTURE, NOT NEWS
TWO_SENTENCES = """Ferry talks in Estria

Vesta held talks in Estria. Norland sent ferries to Mirren on Monday.
Estria Harbour News staff contributed to this report.
"""


def test_the_shipped_brief_still_passes() -> None:
    assert shipped_refusals(lambda raw: None) == []


# ---------------------------------------------------------------- invented fixtures

# TEST FIXTURE, NOT NEWS
HARBOUR = """Ferry talks in Estria

Since the talks on Monday, Vesta has held drills in Estria.
The ferry sank in Mirren and the crew swam to Estria on Sunday.
Oster said the tugs arrived on Friday.
The harbour, which Norland built in May, reopened in Estria.
He said the ferries would sail on Tuesday.
Norland sent fuel to Estria on Monday, the harbour office said.
Norland and Vesta held talks in Estria on Monday.
The Estria Iron and Steel Works reopened on Monday.
Bought in Vesta, the fuel arrived in Estria on Monday.
Vesta held drills in Estria on Monday after the storm.
After the storm on Sunday, Vesta held drills in Estria.
Vesta held talks in Estria, arriving on Monday.
Vesta held talks in Estria on Monday because Norland sent ferries.
Estria Harbour News staff contributed to this report.
"""


REFUSED = [
    # the time of a phrase that opens the sentence, not of its clause
    (
        {"when": "Monday", "evidence": ["Since the talks on Monday, Vesta has held drills in Estria."]},
        "events[0].when",
    ),
    # the time of another clause joined by "and" with a subject of its own
    (
        {"when": "Sunday", "evidence": ["The ferry sank in Mirren and the crew swam to Estria on Sunday."]},
        "events[0].when",
    ),
    # the time of a relative clause set off by commas
    (
        {"when": "May", "evidence": ["The harbour, which Norland built in May, reopened in Estria."]},
        "events[0].when",
    ),
    # headed by who says so
    (
        {
            "when": "Friday",
            "attribution": "Oster said",
            "evidence": ["Oster said the tugs arrived on Friday."],
        },
        "events[0].evidence[0]",
    ),
    # a pronoun, a saying and an expectation
    (
        {
            "attribution": [{"text": "He said the ferries would sail on Tuesday", "role": "hedge"}],
            "evidence": ["He said the ferries would sail on Tuesday."],
        },
        "events[0].evidence[0]",
    ),
    # headed by who says so, at its end: as a `what`, these words would be refused alike
    (
        {
            "when": "Monday",
            "attribution": "the harbour office said",
            "evidence": ["Norland sent fuel to Estria on Monday, the harbour office said."],
        },
        "events[0].evidence[0]",
    ),
    # the time of a participle's phrase after a comma, a clause of its own
    ({"when": "Monday", "evidence": ["Vesta held talks in Estria, arriving on Monday."]}, "events[0].when"),
    # the time of the storm, not of the drills
    (
        {"when": "Sunday", "evidence": ["After the storm on Sunday, Vesta held drills in Estria."]},
        "events[0].when",
    ),
]


@pytest.mark.parametrize(("event", "field"), REFUSED)
def test_a_headless_event_is_refused_as_its_what_would_be(event: dict[str, Any], field: str) -> None:
    assert field in refused(HARBOUR, events=[event])


PLAIN = [
    # "because" opens a clause of its own after the time, not before it
    {
        "when": "Monday",
        "where": "Estria",
        "evidence": ["Vesta held talks in Estria on Monday because Norland sent ferries."],
    },
    {"when": "Monday", "where": "Estria", "evidence": ["Norland and Vesta held talks in Estria on Monday."]},
    {"when": "Monday", "evidence": ["The Estria Iron and Steel Works reopened on Monday."]},
    {
        "when": "Monday",
        "where": "Estria",
        "evidence": ["Bought in Vesta, the fuel arrived in Estria on Monday."],
    },
    {
        "when": "Monday",
        "where": "Estria",
        "evidence": ["Vesta held drills in Estria on Monday after the storm."],
    },
    {"where": "Estria", "evidence": ["After the storm on Sunday, Vesta held drills in Estria."]},
    {"where": "Estria", "evidence": ["Since the talks on Monday, Vesta has held drills in Estria."]},
    {"evidence": ["The harbour, which Norland built in May, reopened in Estria."]},
]


@pytest.mark.parametrize("event", PLAIN)
def test_a_headless_event_whose_first_passage_is_plain_still_passes(event: dict[str, Any]) -> None:
    assert refused(HARBOUR, events=[event]) == []
