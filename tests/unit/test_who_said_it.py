"""Who said it (HOSTILE-13 Q1–Q6, S1–S5, W1, W2): the listener is not the speaker, a report told inside another
keeps every reporter, words beside a kept attribution that doubt it fail closed, and the shapes the speaker
rule names pass.

TEST FIXTURES, NOT NEWS: every sentence below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused
from tests.unit.test_undone_giving import _article


def _source(text: str) -> dict[str, str]:
    return {"text": text, "role": "source"}


def _quote(
    body: str, speaker: str, attribution: str, text: str, evidence: list[str] | None = None
) -> list[str]:
    item: dict[str, Any] = {
        "speaker": speaker,
        "attribution": attribution,
        "text": text,
        "evidence": evidence or [body],
    }
    return refused(_article(body), quotes=[item])


def _flow(sentence: str, attribution: str) -> list[str]:
    deal = _deal_flow("Norland", "fuel", "sent", sentence, attribution=_source(attribution))
    return refused(_article(sentence), aid=[deal])


def _key_point(sentence: str, attribution: str) -> list[str]:
    return refused(_article(sentence), key_points=[{"evidence": [sentence], "attribution": attribution}])


def _loan(sentence: str, attribution: str) -> list[str]:
    deal = _deal_loan("Norland", "$9 million", "lent", sentence)
    deal["attribution"] = _source(attribution)
    return refused(_article(sentence), loans=[deal])


# ---------------------------------------------------------------- the listener is not the speaker

SHUT = "The port is shut for good,"


def test_whom_a_quote_was_told_is_not_its_speaker() -> None:
    """Q3: '"…," Oster was told.' names who heard the words, not who said them."""
    body = f'"{SHUT}" Oster was told.'
    assert "quotes[0].speaker" in _quote(body, "Oster", "Oster was told", SHUT)


def test_a_quote_told_by_someone_is_theirs() -> None:
    """Q4: 'Oster was told by Vesta: "…"': Vesta said it; the attribution keeps "by Vesta"."""
    body = 'Oster was told by Vesta: "The port is shut for good."'
    assert "quotes[0].speaker" in _quote(body, "Oster", "Oster was told", "The port is shut for good.")
    assert "quotes[0].speaker" in _quote(
        body, "Oster", "Oster was told by Vesta", "The port is shut for good."
    )
    assert _quote(body, "Vesta", "Oster was told by Vesta", "The port is shut for good.") == []


@pytest.mark.parametrize("check", [_flow, _key_point])
def test_a_fact_told_to_a_listener_keeps_who_told_it(check: Any) -> None:
    """Q6: "…, Oster was told by Vesta." attributed "Oster was told" drops the source, Vesta."""
    sentence = "Norland sent fuel to Estria, Oster was told by Vesta."
    where = "aid[0].attribution" if check is _flow else "key_points[0].attribution"
    assert where in check(sentence, "Oster was told")
    assert check(sentence, "Oster was told by Vesta") == []


def test_a_loan_told_to_a_listener_keeps_who_told_it() -> None:
    sentence = "Norland lent Estria $9 million, Oster was told by Vesta."
    assert "loans[0].attribution" in _loan(sentence, "Oster was told")
    assert _loan(sentence, "Oster was told by Vesta") == []


def test_a_fact_told_to_a_listener_with_no_source_named_keeps_its_attribution() -> None:
    """Guard: "Oster was told" with no "by" is the whole of who says so the article gives."""
    assert _flow("Norland sent fuel to Estria, Oster was told.", "Oster was told") == []


# ---------------------------------------------------------------- a report told inside another


@pytest.mark.parametrize(
    ("sentence", "inner", "whole"),
    [
        ("Vesta said Oster said Norland sent fuel to Estria.", "Oster said", "Vesta said Oster said"),
        (
            "Vesta said Oster told her Norland sent fuel to Estria.",
            "Oster told her",
            "Vesta said Oster told her",
        ),
        (
            "Norland sent fuel to Estria, Vesta said Oster told her.",
            "Oster told her",
            "Vesta said Oster told her",
        ),
    ],
)
def test_a_report_told_inside_another_keeps_the_outer_reporter(sentence: str, inner: str, whole: str) -> None:
    """S1–S3: the claim reaches the article through Vesta; "Oster said" alone drops her."""
    assert "aid[0].attribution" in _flow(sentence, inner)
    assert _flow(sentence, whole) == []


def test_a_key_point_told_inside_another_report_keeps_the_outer_reporter() -> None:
    sentence = "Vesta said Oster told her the port was shut."
    assert "key_points[0].attribution" in _key_point(sentence, "Oster told her")
    assert _key_point(sentence, "Vesta said Oster told her") == []


def test_a_quote_told_inside_another_report_keeps_the_outer_reporter() -> None:
    """Q1: 'Vesta said Oster told her: "…"' comes to us through Vesta."""
    body = 'Vesta said Oster told her: "The port is shut."'
    assert "quotes[0].attribution" in _quote(body, "Oster", "Oster told her", "The port is shut.")
    assert _quote(body, "Oster", "Vesta said Oster told her", "The port is shut.") == []


def test_a_plain_report_still_passes() -> None:
    """Guards: one reporter, opening or closing."""
    assert _flow("Oster said Norland sent fuel to Estria.", "Oster said") == []
    assert _flow("Norland sent fuel to Estria, Oster said.", "Oster said") == []
    assert _key_point("Oster told reporters the port was shut.", "Oster told reporters") == []


# ---------------------------------------------------------------- doubts beside a kept attribution


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        ("Norland sent fuel to Estria, Oster said, without evidence.", "Oster said"),
        ("Oster rejected reports that Norland sent fuel to Estria.", "reports"),
        ("Norland wrongly believes it sent fuel to Estria.", "Norland wrongly believes"),
    ],
)
def test_words_that_doubt_a_kept_attribution_fail_closed(sentence: str, attribution: str) -> None:
    """S4, S5, K4: a caveat after the attribution, a verb that rejects what is reported, an adverb of falsity."""
    assert "aid[0].attribution" in _flow(sentence, attribution)


def test_a_plain_attribution_beside_a_setting_still_passes() -> None:
    """Guard: what follows a saying verb that says when or where it was said is plain."""
    assert _flow("Norland sent fuel to Estria, Oster said on Monday.", "Oster said on Monday") == []


# ---------------------------------------------------------------- a quotation after a speaker change

FIRST = '"The port is shut for good," Oster said.'


def test_a_quotation_going_straight_on_is_still_its_speakers() -> None:
    """Guard (qq-cont): no sentence between, the quotation goes on."""
    body = f'{FIRST} "It will reopen soon."'
    evidence = [FIRST, '"It will reopen soon."']
    assert _quote(body, "Oster", "Oster said", "It will reopen soon.", evidence) == []


# ---------------------------------------------------------------- the shapes the speaker rule names


def test_a_quote_according_to_its_speaker_passes() -> None:
    """W1: the message itself names "according to X" as a speaker's place."""
    body = '"The port is shut," according to Oster.'
    assert _quote(body, "Oster", "according to Oster", "The port is shut,") == []


@pytest.mark.parametrize("body", ['"Is the port shut?" Oster asked.', '"Is the port shut?" asked Oster.'])
def test_a_question_quoted_is_its_askers(body: str) -> None:
    """W2: who asks a quoted question is its speaker."""
    attribution = "Oster asked" if "Oster asked" in body else "asked Oster"
    assert _quote(body, "Oster", attribution, "Is the port shut?") == []
    assert "quotes[0].speaker" in _quote(body, "Vesta", attribution, "Is the port shut?")
