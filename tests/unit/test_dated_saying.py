"""An attribution keeps the time of its saying (REPORT-hostile17 G10): "Norland sent fuel to Estria, Oster said in
2019." told as "Oster said" reads as a claim of now.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked


def _article(sentence: str) -> str:
    return f"Fuel for Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


def _flow(sentence: str, attribution: str) -> dict[str, Any]:
    return _deal_flow("Norland", "fuel", "sent", sentence, attribution=attribution)


@pytest.mark.parametrize(
    ("sentence", "attribution", "dated"),
    [
        ("Norland sent fuel to Estria, Oster said in 2019.", "Oster said", "in 2019"),
        ("Norland sent fuel to Estria, Oster wrote in his 2019 memoir.", "Oster wrote", "in his 2019 memoir"),
        ("Norland sent fuel to Estria, Oster said last year.", "Oster said", "last year"),
        ("Norland sent fuel to Estria, Oster said on Monday.", "Oster said", "on Monday"),
        ("Oster said on Monday that Norland sent fuel to Estria.", "Oster said", "on Monday"),
        ("Oster said two years ago that Norland sent fuel to Estria.", "Oster said", "two years ago"),
        (
            "Norland sent fuel to Estria, Oster said in a statement on Monday.",
            "Oster said",
            "in a statement on Monday",
        ),
        (
            "Norland sent fuel to Estria, Oster told reporters in May 2019.",
            "Oster told reporters",
            "in May 2019",
        ),
    ],
)
def test_an_attribution_cut_before_the_time_of_its_saying_is_refused(
    sentence: str, attribution: str, dated: str
) -> None:
    _, found = checked(_article(sentence), aid=[_flow(sentence, attribution)])
    messages = [message for item, message in found if item == "aid[0].attribution"]
    assert any(f"“{attribution} {dated}”" in message for message in messages), found


def test_a_quote_attribution_keeps_the_time_of_its_saying() -> None:
    sentence = "“We will send fuel to Estria,” Oster said in 2019."
    quote = {"speaker": "Oster", "text": "We will send fuel to Estria", "attribution": "Oster said"}
    _, found = checked(_article(sentence), quotes=[{**quote, "evidence": [sentence]}])
    assert [item for item, _ in found] == ["quotes[0].attribution"], found
    _, found = checked(
        _article(sentence), quotes=[{**quote, "attribution": "Oster said in 2019", "evidence": [sentence]}]
    )
    assert found == []


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        # the time given with the saying
        ("Norland sent fuel to Estria, Oster said in 2019.", "Oster said in 2019"),
        ("Oster said on Monday that Norland sent fuel to Estria.", "Oster said on Monday"),
        # no time after the saying, or the claim's own time
        ("Norland sent fuel to Estria, Oster said.", "Oster said"),
        ("Norland sent fuel to Estria on Monday, Oster said.", "Oster said"),
        ("Oster said Norland sent fuel to Estria on Monday.", "Oster said"),
        ("Oster said that Norland sent fuel to Estria on Monday.", "Oster said"),
    ],
)
def test_an_attribution_with_its_time_or_with_none_to_keep_passes(sentence: str, attribution: str) -> None:
    _, found = checked(_article(sentence), aid=[_flow(sentence, attribution)])
    assert not [item for item, _ in found if item == "aid[0].attribution"], found


def test_briefbot_new_offers_the_attribution_with_the_time_of_its_saying() -> None:
    from bot.briefs.article import Article
    from bot.briefs.skeleton import attribution_candidate

    sentence = "Norland sent fuel to Estria, Oster said in 2019."
    paragraph = next(p for p in Article("fixture.txt", _article(sentence)).paragraphs if sentence in p.text)
    assert attribution_candidate(paragraph, paragraph.sentences[0]) == ["Oster said in 2019"]
