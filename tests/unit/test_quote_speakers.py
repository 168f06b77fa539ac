"""Who says a quote: a verb of communication closing it ("joked"), and two speakers named together.

HOSTILE-16 W5: "“We have no tugs to spare,” Oster joked." was refused as not Oster's. A verb that closes a
quotation after its speaker and has a communication sense in WordNet ("joked", "quipped", "warned") tells who
says it; the attribution ("Oster joked") is shown with the quote, so a reader sees it was a joke. "Oster and Vesta
said “…”" is said by the two together: the speaker is "Oster and Vesta", and "Oster" alone is refused with a
message that says so.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked
from tests.unit.test_undone_giving import _article


def _quote(sentence: str, speaker: str, attribution: str) -> list[tuple[str, str]]:
    quote = {
        "speaker": speaker,
        "text": "We have no tugs to spare",
        "attribution": attribution,
        "evidence": [sentence],
    }
    return checked(_article(sentence), quotes=[quote])[1]


@pytest.mark.parametrize("verb", ["joked", "quipped", "warned", "insisted", "conceded"])
def test_a_communication_verb_closing_the_quotation_names_its_speaker(verb: str) -> None:
    sentence = f"“We have no tugs to spare,” Oster {verb}."
    assert _quote(sentence, "Oster", f"Oster {verb}") == []


@pytest.mark.parametrize("verb", ["walked", "laughed", "shrugged"])
def test_a_verb_that_tells_nothing_still_names_no_speaker(verb: str) -> None:
    sentence = f"“We have no tugs to spare,” Oster {verb}."
    assert "quotes[0].speaker" in [item for item, _ in _quote(sentence, "Oster", f"Oster {verb}")]


def test_the_one_joked_at_is_not_the_speaker() -> None:
    sentence = "“We have no tugs to spare,” Vesta joked to Oster."
    assert [item for item, _ in _quote(sentence, "Oster", "Vesta joked to Oster")] == ["quotes[0].speaker"]


@pytest.mark.parametrize(
    "sentence",
    ["Oster and Vesta said “We have no tugs to spare.”", "“We have no tugs to spare,” Oster and Vesta said."],
)
def test_two_speakers_named_together_are_the_speaker(sentence: str) -> None:
    assert _quote(sentence, "Oster and Vesta", "Oster and Vesta said") == []
    found = _quote(sentence, "Oster", "Oster and Vesta said")
    assert [item for item, _ in found] == ["quotes[0].speaker"]
    assert "“Oster and Vesta”" in found[0][1], found


def test_a_communication_verb_framing_the_quotation_names_no_speaker() -> None:
    """Before its quotation the verb is the frame's: "Oster said the crews discussed “…”" is Oster's quote."""
    sentence = "Oster said the crews discussed “We have no tugs to spare.”"
    found = _quote(sentence, "the crews", "Oster said the crews discussed")
    assert "quotes[0].speaker" in [item for item, _ in found]
