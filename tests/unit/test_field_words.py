"""Which words may fill a field (issue 10, the seventh reading's C11, C13, C23 and its brute force): a value verbatim
in its evidence is refused when its words are not of its field's kind, or belong to another verb, person or line.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Mirren) and people; none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests import field_spans
from tests.unit.test_mutants import _set, mutant, refusals
from tests.unit.test_sixth_reading import checked, refused

# TEST FIXTURE, NOT NEWS.
HARBOUR = """Harbour talks in Estria

Mayor Ben Oster met Vesta's defence minister, Rana Kell, at the quay on Monday.
Rana Kell, an aide to the Minister of Defence Sol Brin, opened the quay.
Norland, which sent fuel in March, opened the quay on Tuesday.
Norland sent fuel, bought in Vesta, to Estria.
The oil, bought in Vesta, was sent to Estria by Norland.
The ferry, which sank in Mirren, was raised on Sunday.
The crews, paid in May, sailed to Estria.
The cranes left Mirren’s Old Harbour in May.
Mayor Ben Oster thanked the crews. She sent fuel to Estria.
Vesta sent tugs to Estria last week in a letter conveyed by Vesta's Envoy to Estria Ivo Renn.
(Photo: Kay Lin/Reuters)
Image via Norland Press
Reporting by Ada Quill; Editing by Tom Ray
Ivo Renn, Norland Press.
Estria Harbour News staff contributed to this report.
"""
_LINES = HARBOUR.splitlines()


def _line(words: str) -> str:
    return next(line for line in _LINES if line.startswith(words))


def _flow(donor: str, item: str, sentence: str, **more: Any) -> dict[str, Any]:
    return {
        "donor": donor,
        "recipient": "Estria",
        "kind": "other",
        "items": [item],
        "status": "provided",
        "status_as_written": more.pop("verb", "sent"),
        "evidence": [sentence],
        **more,
    }


# ---------------------------------------------------------------- C13: a time or place of another verb


def test_a_place_in_a_participles_phrase_is_not_the_givings() -> None:
    """C13: "Norland sent fuel, bought in Vesta, to Estria." gave the fuel "where: in Vesta": the phrase set off by
    commas is a clause of its own, whose place is its verb's (bought), not the sending's."""
    flow = _flow("Norland", "fuel", _line("Norland sent fuel, bought"))
    assert refused(HARBOUR, aid=[{**flow, "where": "in Vesta"}]) == ["aid[0].where"]
    assert refused(HARBOUR, aid=[flow]) == []


def test_a_subject_before_a_participles_phrase_is_still_the_items() -> None:
    """C13's own example: "The oil, bought in Vesta, was sent to Estria by Norland." is no "where: in Vesta"; and
    the oil, the subject before the phrase, is what was sent (it was read as nothing sent, the phrase between)."""
    flow = _flow("Norland", "oil", _line("The oil, bought"), verb="was sent")
    assert refused(HARBOUR, aid=[flow]) == []
    assert refused(HARBOUR, aid=[{**flow, "where": "in Vesta"}]) == ["aid[0].where"]


@pytest.mark.parametrize(
    ("what", "field", "value", "sentence"),
    [
        ("Norland, which sent fuel in March, opened the quay", "when", "March", "Norland, which"),
        ("The ferry, which sank in Mirren, was raised", "where", "in Mirren", "The ferry, which"),
        ("was raised on Sunday", "where", "Mirren", "The ferry, which"),
        ("The crews, paid in May, sailed to Estria", "when", "May", "The crews, paid"),
    ],
)
def test_an_events_time_or_place_in_a_relative_clause_is_that_clauses(
    what: str, field: str, value: str, sentence: str
) -> None:
    """C13: "Norland, which sent fuel in March, opened the quay" was an opening in March. A relative clause or a
    participle's phrase set off by commas dates and places its own verb."""
    event = {"what": what, field: value, "evidence": [_line(sentence)]}
    found = checked(HARBOUR, events=[event])[1]
    assert [item for item, _ in found] == [f"events[0].{field}"], found
    assert "set off by commas" in found[0][1]


def test_an_events_own_time_after_a_relative_clause_and_a_month_still_pass() -> None:
    """The opening's own day passes, and "paid in May" holds the month, not the modal "may" (which read the
    crews' sailing as an expectation)."""
    opened = {"what": "Norland, which sent fuel in March, opened the quay", "when": "on Tuesday"}
    sailed = {"what": "The crews, paid in May, sailed to Estria"}
    assert (
        refused(
            HARBOUR,
            events=[
                {**opened, "evidence": [_line("Norland, which")]},
                {**sailed, "evidence": [_line("The crews, paid")]},
            ],
        )
        == []
    )


def test_the_shipped_deliverys_time_is_the_unloadings() -> None:
    """C13 on the shipped brief: "MILITARY AID, delivered as part of …, is unloaded from a plane … yesterday":
    yesterday is when it was unloaded (events[7]), not when "delivered as part of …" (aid[5])."""
    assert refusals(mutant(_set("aid", 5, when="yesterday"))) == ["aid[5].when"]
    assert refusals(mutant(_set("aid", 5, where="at the Boryspil International Airport"))) == ["aid[5].where"]


# ---------------------------------------------------------------- C11: a role from the phrase that names the person


@pytest.mark.parametrize(
    ("name", "role", "as_written", "sentence"),
    [
        ("Ben Oster", "defence minister", "Ben Oster met Vesta's defence minister", "Mayor Ben Oster met"),
        (
            "Rana Kell",
            "Minister of Defence",
            "Rana Kell, an aide to the Minister of Defence",
            "Rana Kell, an aide",
        ),
    ],
)
def test_a_role_is_not_another_persons_title(name: str, role: str, as_written: str, sentence: str) -> None:
    """C11 (pinned: refused already on main, by the whole-title rule): Oster is not "defence minister" because he
    met one, nor is Kell a minister because she is a minister's aide."""
    person = {"name": name, "role": role, "as_written": as_written, "evidence": [_line(sentence)]}
    assert "people[0].role" in refused(HARBOUR, people=[person])


def test_a_role_holds_no_name() -> None:
    """Brute force: `role = "Prime Minister Naftali Bennett"` was accepted for Bennett (the role stood at the start
    of the phrase, ending on the name)."""
    assert refusals(mutant(_set("people", 2, role="Prime Minister Naftali Bennett"))) == ["people[2].role"]
    assert refusals(mutant(_set("people", 6, role="Ambassador to Israel Yevgen Korniychuk"))) == [
        "people[6].role"
    ]


# ---------------------------------------------------------------- C23: credits are not people involved


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Kay Lin", "(Photo: Kay Lin/Reuters)"),
        ("Norland Press", "Image via Norland Press"),
        ("Ada Quill", "Reporting by Ada Quill"),
        ("Tom Ray", "Reporting by Ada Quill"),
        ("Ivo Renn", "Ivo Renn, Norland Press."),
    ],
)
def test_a_name_seen_only_in_a_credit_line_is_no_person(name: str, line: str) -> None:
    """C23: credit lines the check did not list were read as sentences of the story, and their names taken for
    people involved. A line in a credit's shape, or of names alone with no word in small letters (no verb,
    nothing happened), is a credit."""
    person = {"name": name, "as_written": name, "evidence": [_line(line)]}
    found = checked(HARBOUR, people=[person])[1]
    assert [item for item, _ in found] == ["people[0].evidence[0]"], found
    assert "credit" in found[0][1]


def test_a_person_of_the_story_stays_a_person() -> None:
    person = {
        "name": "Ben Oster",
        "role": "Mayor",
        "as_written": "Mayor Ben Oster",
        "evidence": [_line("Mayor Ben Oster met")],
    }
    assert refused(HARBOUR, people=[person]) == []


# ---------------------------------------------------------------- a place's own name, a pronoun


def test_a_name_owning_a_places_name_is_no_person() -> None:
    """ "Mariupol" of "Mariupol’s Azovstal Iron and Steelworks" was accepted as a person: the possessive before a
    body's or a place's name shows whose place it is, not someone's."""
    person = {"name": "Mirren", "as_written": "Mirren", "evidence": [_line("The cranes left")]}
    assert refused(HARBOUR, people=[person]) == ["people[0].name"]

    def mariupol(raw: dict[str, Any]) -> None:
        raw["people"].append(
            {"name": "Mariupol", "as_written": "Mariupol", "evidence": raw["events"][5]["evidence"]}
        )

    assert refusals(mutant(mariupol)) == ["people[8].name"]


def test_a_pronoun_is_no_party() -> None:
    """ "She sent fuel to Estria." was accepted with `donor = "She"`: the check does not read whom a pronoun stands
    for, so it names no giver (and "Ben Oster", named in the sentence before, is refused too)."""
    sentence = "Mayor Ben Oster thanked the crews. She sent fuel to Estria."
    assert refused(HARBOUR, aid=[_flow("She", "fuel", sentence)]) == ["aid[0].donor"]
    assert refused(HARBOUR, aid=[_flow("Ben Oster", "fuel", sentence)]) == ["aid[0].donor"]


# ---------------------------------------------------------------- the kinds of a party, a time, a place, a manner


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("when", "last week in a letter"),  # a time and a manner
        ("when", "week"),  # cut from "last week"
        ("how", "conveyed by Vesta's Envoy"),  # cut from the envoy's title and name
        ("how", "by Vesta's Envoy to Estria"),
        ("where", "in a letter"),  # the manner, given as a place
        ("recipient", "tugs"),  # no name
        ("donor", "Vesta's"),  # whose, not who
    ],
)
def test_a_field_holds_only_words_of_its_kind(field: str, value: str) -> None:
    flow = _flow("Vesta", "tugs", _line("Vesta sent tugs"), when="last week", how="in a letter")
    assert refused(HARBOUR, aid=[flow]) == []
    assert f"aid[0].{field}" in refused(HARBOUR, aid=[{**flow, field: value}])


# ---------------------------------------------------------------- the brute force, rebuilt

# Every `STRIDE`-th mutant of `tests/field_spans.py` (about 250 of its 16,000): the full run is
# `python -m tests.field_spans`, which prints its counts.
STRIDE = 64


def test_a_sample_of_every_span_in_every_field_accepts_only_correct_values() -> None:
    """The seventh reading's brute force: each 1-5 word span of an item's own evidence put into each party, when,
    where, how, role and affiliation field of the shipped brief. An accepted mutant must be one judged correct
    against the article (`field_spans.CORRECT`)."""
    sample = list(field_spans.mutants())[::STRIDE]
    holes = [
        (m.path, m.value)
        for m in sample
        if field_spans.accepted(m) and (m.path, m.value) not in field_spans.CORRECT
    ]
    assert holes == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("aid[0].recipient", "known to have participated"),
        ("aid[0].how", "provided military aid"),
        ("aid[0].where", "in a previous American-led meeting"),
        ("aid[4].recipient", "Bennett"),
        ("aid[5].donor", "Ukraine"),
        ("aid[5].donor", "the Boryspil International Airport"),
        ("aid[5].donor", "the United"),
        ("aid[6].how", "for Israel to send"),
        ("loans[0].when", "dollars last week"),
        ("loans[0].where", "in a letter"),
        ("loans[0].how", "by Ukrainian Ambassador"),
        ("loans[1].borrower", "$600 million"),
        ("loans[1].how", "with a $600 million loan"),
        ("events[0].when", "of 50 countries on Wednesday"),
        ("events[0].where", "in its war against Russia"),
        ("events[3].when", "three months"),
        ("events[4].when", "beginning of the Russia-Ukraine war"),
        ("events[4].where", "Security Cabinet"),
        ("events[5].where", "Mariupol’s Azovstal Iron"),
        ("events[9].where", "Syria, and has a deconfliction"),
        ("people[3].role", "President Vladimir Putin"),
    ],
)
def test_each_kind_of_hole_the_brute_force_found_is_refused(path: str, value: str) -> None:
    """One acceptance of each kind the brute force found on main (356 of 16,251 mutants before these rules)."""
    section, rest = path.split("[", 1)
    index, field = rest.split("].")
    found = field_spans.Mutant(section, int(index), field, value)
    assert not field_spans.accepted(found)
