"""Who says so and hedges are read by the shapes of the sentence, not only by the vocabulary's lists (REVIEW-7 C5).

A verb or an adverb that no list gives a meaning to ("reported", "believes", "apparently") standing in an evidence
sentence makes its fact need an attribution that covers it: the check fails closed on words it cannot read. The
family below is generated: frames of reporting, believing, asking and doubting × words that are in none of the
vocabulary's lists; each sentence is refused told as plain fact, and accepted with its who-says-so. A guard family
of plain sentences stays accepted.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.briefs import vocabulary
from bot.briefs.unread import unread_words
from tests.unit.test_sixth_reading import _deal_flow, refused

# Words of saying and believing, and adverbs of doubt, that none of the vocabulary's lists names.
SAYING = (
    "reported",
    "asserted",
    "believes",
    "thinks",
    "suspects",
    "maintains",
    "contends",
    "alleged",
    "suggested",
)
SAYING_OR_NOUN = ("fears", "hopes", "doubts", "reports")  # nouns too: read where a saying verb stands
DOUBTING = ("apparently", "supposedly", "purportedly", "seemingly", "ostensibly", "evidently", "presumably")

FACT = "Norland sent fuel to Estria"


def _frames() -> list[tuple[str, str, str]]:
    """(sentence, the words that say who says so or doubt, role) for every frame and word."""
    cases: list[tuple[str, str, str]] = []
    for verb in (*SAYING, *SAYING_OR_NOUN):
        cases.append((f"{FACT}, the Vesta Herald {verb}.", f"the Vesta Herald {verb}", "source"))
        cases.append((f"{FACT}, officials {verb}.", f"officials {verb}", "source"))
        cases.append((f"Vesta {verb} that {FACT}.", f"Vesta {verb}", "source"))
        cases.append((f"Vesta {verb} {FACT}.", f"Vesta {verb}", "source"))
    for adverb in DOUBTING:
        cases.append((f"Norland {adverb} sent fuel to Estria.", adverb, "hedge"))
        cases.append((f"{FACT}, {adverb}.", adverb, "hedge"))
    # a question tells no fact: the hedge is the whole question
    cases.append((f"Vesta asked whether {FACT}.", f"Vesta asked whether {FACT}", "hedge"))
    cases.append((f"It is unclear whether {FACT}.", f"It is unclear whether {FACT}", "hedge"))
    return cases


CASES = _frames()

# Plain sentences: the article's own telling, with openings, adverbs and two facts.
PLAIN = (
    f"{FACT}.",
    f"On Monday, {FACT}.",
    f"In March, {FACT} by sea.",
    "Norland also sent fuel to Estria.",
    "Norland already sent fuel to Estria on Friday.",
    f"{FACT}, and Vesta sent nets to Mirren.",
    f"{FACT} at the beginning of the war.",
    "Norland sent Estria fuel.",
    "Norland, which borders Estria, sent fuel to Estria.",
)


def _refused(sentence: str, **more: Any) -> list[str]:
    # TEST FIXTURE, NOT NEWS
    text = f"Harbour deals in Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    return refused(text, aid=[_deal_flow("Norland", "fuel", "sent", sentence.rstrip("."), **more)])


def test_the_family_holds_no_word_a_list_reads() -> None:
    """The generated words are outside the vocabulary: the family tests the shapes, not the lists."""
    listed = {
        word.casefold()
        for group in (vocabulary.ATTRIBUTION_MARKERS, vocabulary.HEDGE_MARKERS, vocabulary.SOURCELESS_MARKERS)
        for marker in group
        for word in marker.split()
        if " " not in marker
    }
    assert not listed & {*SAYING, *SAYING_OR_NOUN, *DOUBTING}


@pytest.mark.parametrize(("sentence", "words", "role"), CASES, ids=[case[0] for case in CASES])
def test_a_fact_told_in_someones_mouth_or_in_doubt_needs_who_says_so(
    sentence: str, words: str, role: str
) -> None:
    assert "aid[0].attribution" in _refused(sentence)
    # what someone doubts is theirs, but not told done (HOSTILE-16 F11: `TELLING_FALSE`)
    expected = ["aid[0].status"] if "doubts" in words.split() else []
    assert _refused(sentence, attribution={"text": words, "role": role}) == expected


PARENTHETICAL = [f"Norland, the paper {verb}, sent fuel to Estria." for verb in (*SAYING, *SAYING_OR_NOUN)]


@pytest.mark.parametrize("sentence", PARENTHETICAL)
def test_a_fact_with_who_says_so_between_its_subject_and_verb_is_not_told_as_fact(sentence: str) -> None:
    # Refused told as plain fact. (Given its attribution it is still refused, wrongly, by the donor rule, which
    # reads "the paper" as the subject of "sent": a refusal, not an untruth, left as it is.)
    assert "aid[0].attribution" in _refused(sentence)


@pytest.mark.parametrize("sentence", PLAIN)
def test_a_plain_sentence_is_the_articles_own(sentence: str) -> None:
    assert unread_words(sentence) == ()
    assert _refused(sentence) == []


def test_the_refusal_names_the_word_and_what_to_do() -> None:
    sentence = f"{FACT}, the Vesta Herald reported."
    raw_problems = _refused(sentence)
    assert raw_problems == ["aid[0].attribution"]
    (word, start, end), *_ = unread_words(sentence)
    assert (word, sentence[start:end]) == ("reported", "reported")
