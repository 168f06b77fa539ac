"""The check's hot paths, made faster for a library of a thousand briefs (issue 11), give what they gave: each
rewritten function against the old one, kept here as the reference (hypothesis), and the governing attribution
of a sentence read once however many rules ask for it."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.library import generated
from bot.briefs import check, loader
from bot.briefs.article import Article, Paragraph, find_words, word_count
from bot.briefs.evidence import normalise
from bot.briefs.models import Brief
from bot.briefs.vocabulary import (
    ATTRIBUTION_MARKERS,
    HEDGE_MARKERS,
    NEGATION_EXCEPTIONS,
    NEGATIONS,
    STATUS_VERBS,
)

ALL_STATUS_VERBS = tuple(verb for verbs in STATUS_VERBS.values() for verb in verbs)

# ---------------------------------------------------------------- the old functions, as they were


def after_status_verb_as_before(phrase: str) -> str:
    found = [
        (at, len(verb)) for verb in ALL_STATUS_VERBS for at in find_words(verb, phrase, ignore_case=True)
    ]
    if not found:
        return ""
    at, size = min(found)
    return phrase[at + size :]


def excepting_as_before(phrase: str) -> list[tuple[str, str]]:
    text = normalise(phrase)
    return [
        (word, text[at + len(word) :])
        for word in NEGATION_EXCEPTIONS
        for at in find_words(word, text, ignore_case=True)
    ]


def verbs_at_as_before(text: str) -> list[int]:
    return [at for verb in ALL_STATUS_VERBS for at in find_words(verb, text, ignore_case=True)]


MAX_NESTING = loader.MAX_NESTING


def deeper_than_allowed_as_before(value: dict[str, Any] | list[Any], depth: int = 0) -> bool:
    if depth == MAX_NESTING:
        return len(value) > 0
    inner = value.values() if isinstance(value, dict) else value
    return any(
        isinstance(item, dict | list) and deeper_than_allowed_as_before(item, depth + 1) for item in inner
    )


def word_count_as_before(text: str) -> int:
    return len(re.findall(r"[\w’'$€£¥₪-]+", normalise(text)))


# ---------------------------------------------------------------- texts made of the vocabulary's words

# Case folding that changes lengths ("ß" -> "ss", "İ" -> "i̇") moves offsets: the pre-filter must not care.
PIECES = st.sampled_from(
    [
        *ALL_STATUS_VERBS,
        *NEGATION_EXCEPTIONS,
        *NEGATIONS,
        *ATTRIBUTION_MARKERS[:12],
        *HEDGE_MARKERS[:6],
        "Has",
        "PROVIDED",
        "Sent",
        "BEYOND",
        "ß",
        "İ",
        "unprovided",
        "provided-",
        "1,600",
        "Japan",
        "Ukraine",
        "aid",
        "",
    ]
)
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", "-", "", ". ", "; ", '"', " (", ") "])
PHRASES = st.lists(st.tuples(PIECES, SEPARATORS), max_size=9).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@settings(max_examples=60)
@given(PHRASES)
def test_after_status_verb_is_the_old_loop(phrase: str) -> None:
    assert check._after_status_verb(phrase) == after_status_verb_as_before(phrase)


@given(PHRASES)
def test_excepting_is_the_old_loop(phrase: str) -> None:
    assert check._excepting(phrase) == excepting_as_before(phrase)


@given(PHRASES)
def test_status_verbs_found_are_the_old_loops(text: str) -> None:
    assert [
        at for verb in check._status_verbs_in(text) for at in find_words(verb, text, ignore_case=True)
    ] == verbs_at_as_before(text)


@given(PHRASES)
def test_word_count_is_the_old_pattern(text: str) -> None:
    assert word_count(text) == word_count_as_before(text)


def _nested(depth: int, inside: Any) -> Any:
    for level in range(depth):
        inside = [inside] if level % 2 else {"k": inside, "v": 1}
    return inside


TOML_LIKE = st.recursive(
    st.none() | st.integers() | st.text(max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
    max_leaves=12,
)
RAW = st.builds(
    lambda depth, inside, beside: {"a": _nested(depth, inside), "b": beside},
    st.integers(min_value=0, max_value=MAX_NESTING + 2),
    TOML_LIKE,
    TOML_LIKE,
)


@settings(max_examples=60)
@given(RAW)
def test_deeper_than_allowed_is_the_old_recursion(raw: dict[str, Any]) -> None:
    assert loader._deeper_than_allowed(raw) == deeper_than_allowed_as_before(raw)


@settings(max_examples=30)
@given(st.text(alphabet="ab\r\n\t é’", max_size=12))
def test_files_read_as_path_read_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.txt"
        path.write_bytes(text.encode("utf-8"))
        assert loader._read_text(path) == path.read_text(encoding="utf-8")
        assert loader._read_text(str(path)) == path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the governing attribution of a sentence

SENTENCES = st.sampled_from(
    [
        "Another official said that the harbour would open.",
        "His answer was no one.",
        "The ferries left on Monday, a senior diplomatic source said.",
        "Oster said: the cranes are here.",
        "According to officials, the work is done.",
        "The claim could not be independently verified.",
        "Oster told reporters the dredgers were late.",
        '"We will build it," Austin said.',
        "The mayor spoke at the quay.",
        "Bennett rejected the possibility.",
        "The loan, said a harbour official, who asked not to be named, is large.",
    ]
)


def _paragraph(sentences: list[str], number: int = 3) -> Paragraph:
    text = normalise(" ".join(sentences))
    return Paragraph(number, text, text, number + 2, "body", number)


@given(st.lists(SENTENCES, min_size=1, max_size=5))
def test_governing_attribution_is_the_uncached_reading(sentences: list[str]) -> None:
    check._governing_seen.clear()
    paragraph, twin = _paragraph(sentences), _paragraph(sentences)  # twin: the same text in another article
    for asked in (paragraph, twin, paragraph):
        for sentence in asked.sentences:
            expected = check._governing_attribution(asked, sentence)
            found = check.governing_attribution(asked, sentence)
            assert found == expected
            if expected is not None:
                assert found is not None
                assert found[0] is expected[0]  # the caller's own Span: the rules compare them by identity


@pytest.fixture(scope="module")
def article_and_brief() -> tuple[Article, Brief]:
    made = generated(7)
    import tomllib

    return Article(made.seed, made.article), Brief.model_validate(tomllib.loads(made.brief))


def test_a_sentence_is_read_for_its_attribution_once_per_check(
    article_and_brief: tuple[Article, Brief], monkeypatch: pytest.MonkeyPatch
) -> None:
    article, brief = article_and_brief
    asked: list[tuple[int, int]] = []
    reading = check._governing_attribution

    def counted(paragraph: Paragraph, sentence: Any) -> Any:
        asked.append((paragraph.number, sentence.start))
        return reading(paragraph, sentence)

    monkeypatch.setattr(check, "_governing_attribution", counted)
    check._governing_seen.clear()
    problems, _ = check.check_brief(brief, article)
    assert problems == []
    assert asked, "the brief's evidence has sentences whose attribution the check reads"
    assert len(asked) == len(set(asked))


def test_the_money_patterns_are_the_ones_built_per_call() -> None:
    from bot.briefs import money

    assert (money._CODE_BEFORE.pattern, money._CODE_BEFORE.flags) == (money._CODE + r"\s+", re.UNICODE)
    assert money._AMOUNT.pattern == money._NUMBER + money._SCALE
    assert money._AMOUNT.flags == re.IGNORECASE | re.UNICODE
    assert (money._CODE_ONLY.pattern, money._CODE_ONLY.flags) == (money._CODE, re.UNICODE)
