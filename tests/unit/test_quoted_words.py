"""A sentence wholly inside quotation marks is someone's words, never the article's own fact (REPORT-reader17
finding 1): its fact carries an attribution naming the quotation's speaker, and a quotation whose paragraph
names no one who says it is refused.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import checked, refused

# TEST FIXTURE, NOT NEWS
CRANES = """Cranes reach Estria

“We lost everything in one night,” said Mayor Ben Oster. “Vesta sent two cranes to Estria on Tuesday.”
“Norland sent fuel to Estria on Monday.”
“Vesta sent tugs to Estria on Friday,” Harbourmaster Ada Quill said. “The tugs are already at work.”
“The ferries are late,” said Oster. Vesta sent barges to Estria on Thursday.
Vesta called the barges “a gift” on Thursday.
Estria Harbour News staff contributed to this report.
"""

CONTINUED = "“Vesta sent two cranes to Estria on Tuesday.”"
ALONE = "“Norland sent fuel to Estria on Monday.”"
AT_WORK = "“The tugs are already at work.”"


def _flow(donor: str, item: str, evidence: str, **more: Any) -> dict[str, Any]:
    return {
        "donor": donor,
        "recipient": "Estria",
        "kind": "other",
        "items": [item],
        "status": "provided",
        "status_as_written": "sent",
        "evidence": [evidence],
        **more,
    }


@pytest.mark.parametrize(
    ("evidence", "attribution"),
    [
        (CONTINUED, "said Mayor Ben Oster"),
        (AT_WORK, "Harbourmaster Ada Quill said"),
    ],
)
def test_a_key_point_wholly_quoted_needs_its_quotations_speaker(evidence: str, attribution: str) -> None:
    assert refused(CRANES, key_points=[{"evidence": [evidence]}]) == ["key_points[0].attribution"]
    assert refused(CRANES, key_points=[{"evidence": [evidence], "attribution": attribution}]) == []


def test_aid_and_an_event_told_in_a_quotation_need_its_speaker() -> None:
    """Probe g: the aid flow and the event passed with no attribution, shown as the article's own."""
    assert refused(CRANES, aid=[_flow("Vesta", "two cranes", CONTINUED)]) == ["aid[0].attribution"]
    assert (
        refused(CRANES, aid=[_flow("Vesta", "two cranes", CONTINUED, attribution="said Mayor Ben Oster")])
        == []
    )
    event = {"what": "Vesta sent two cranes to Estria", "when": "Tuesday", "evidence": [CONTINUED]}
    assert "events[0].attribution" in refused(CRANES, events=[event])


def test_the_message_names_the_quotations_speaker() -> None:
    _, found = checked(CRANES, key_points=[{"evidence": [CONTINUED]}])
    assert len(found) == 1
    assert "said Mayor Ben Oster" in found[0][1]


def test_a_quotation_whose_paragraph_names_no_speaker_is_refused() -> None:
    """Probe h: a quotation standing alone passed as the article's own fact."""
    for extra in ({}, {"attribution": "Norland sent fuel"}):
        _, found = checked(CRANES, key_points=[{"evidence": [ALONE], **extra}])
        items = [item for item, _ in found]
        assert "key_points[0].evidence[0]" in items, found
        message = dict(found)["key_points[0].evidence[0]"]
        assert "quotation" in message and "names no one" in message
    assert "aid[0].evidence[0]" in refused(CRANES, aid=[_flow("Norland", "fuel", ALONE)])


def test_the_articles_own_sentences_beside_a_quotation_stay_its_own() -> None:
    """Guards: a plain sentence after a quoted one, and a sentence quoting a phrase only, need no attribution."""
    assert refused(CRANES, key_points=[{"evidence": ["Vesta sent barges to Estria on Thursday."]}]) == []
    assert refused(CRANES, key_points=[{"evidence": ["Vesta called the barges “a gift” on Thursday."]}]) == []
    assert refused(CRANES, aid=[_flow("Vesta", "barges", "Vesta sent barges to Estria on Thursday.")]) == []
    said = "“We lost everything in one night,” said Mayor Ben Oster."
    assert refused(CRANES, key_points=[{"evidence": [said], "attribution": "said Mayor Ben Oster"}]) == []


def test_a_quote_continued_after_its_attribution_still_passes() -> None:
    quote = {
        "speaker": "Ben Oster",
        "text": "Vesta sent two cranes to Estria on Tuesday.",
        "attribution": "said Mayor Ben Oster",
        "evidence": ["“We lost everything in one night,” said Mayor Ben Oster. " + CONTINUED],
    }
    person = {
        "name": "Ben Oster",
        "role": "Mayor",
        "as_written": "Mayor Ben Oster",
        "evidence": ["“We lost everything in one night,” said Mayor Ben Oster."],
        "attribution": "said Mayor Ben Oster",
    }
    assert refused(CRANES, people=[person], quotes=[quote]) == []
