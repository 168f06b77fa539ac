"""Attribution and hedges read by their shapes, not only by list (issue 10, REVIEW-7 C5): a verb or an adverb that no
vocabulary list names, standing where a fact is put in someone's mouth, in doubt or in question, needs an
attribution covering it. The words are known to be verbs or adverbs from the lexicon (`bot.briefs.lexicon`).

TEST FIXTURES, NOT NEWS: every sentence below is invented, about invented places (Estria, Norland, Vesta, Oster).
"""

from __future__ import annotations

import pytest

from bot.briefs.vocabulary import ATTRIBUTION_MARKERS, HEDGE_MARKERS, PLAIN_ADVERBS, PLAIN_VERBS, SAYING_VERBS
from tests.unit.test_sixth_reading import _deal_flow, checked

# verbs of reporting, believing and doubting that no list of the vocabulary names
VERBS = (
    "recounted", "believes", "thinks", "fears", "hopes", "suspects", "doubts", "insists", "maintains",
    "contends", "alleged", "suggested", "speculated", "guessed", "asserted",
)  # fmt: skip
ADVERBS = ("apparently", "supposedly", "purportedly", "seemingly", "ostensibly", "evidently", "presumably")

# (frame, attribution): {w} is the word, the fact is always "Norland sent fuel to Estria"
VERB_FRAMES = (
    ("Norland sent fuel to Estria, the Vesta Herald {w}.", "the Vesta Herald {w}"),
    ("Norland, the Vesta Herald {w}, sent fuel to Estria.", "the Vesta Herald {w}"),
    ("Oster {w} that Norland sent fuel to Estria.", "Oster {w}"),
    ("Oster {w} Norland sent fuel to Estria.", "Oster {w}"),
)
ADVERB_FRAMES = (
    ("Norland {w} sent fuel to Estria.", "{w}"),
    ("{W}, Norland sent fuel to Estria.", "{W}"),
    ("Norland sent fuel to Estria {w}.", "{w}"),
)
QUESTIONS = (
    ("Vesta asked whether Norland sent fuel to Estria.", "Vesta asked whether"),
    ("It is unclear whether Norland sent fuel to Estria.", "It is unclear whether"),
    ("Oster wondered if Norland sent fuel to Estria.", "Oster wondered if"),
)
PASSIVES = tuple(
    (f"Norland is {w} to have sent fuel to Estria.", f"is {w} to have")
    for w in ("feared", "supposed", "assumed", "guessed")
)

GENERATED = (
    *((frame.format(w=w), said.format(w=w)) for frame, said in VERB_FRAMES for w in VERBS),
    *(
        (frame.format(w=w, W=w.capitalize()), said.format(w=w, W=w.capitalize()))
        for frame, said in ADVERB_FRAMES
        for w in ADVERBS
    ),
    *PASSIVES,
)

# TEST FIXTURE, NOT NEWS: one sentence a paragraph, each putting the same fact in someone's mouth or in doubt.
ARTICLE = "\n\n".join(
    [
        "Fuel for Estria",
        *(s for s, _ in (*GENERATED, *QUESTIONS)),
        "Estria Harbour News staff contributed to this report.",
    ]
)

# plain sentences that must still pass with no attribution
PLAIN = (
    "Norland sent fuel to Estria.",
    "On Monday, Norland sent fuel to Estria.",
    "In Mirren, Norland sent fuel to Estria on Monday.",
    "Norland also sent fuel to Estria.",
    "Norland has already sent fuel to Estria.",
    "Norland sent fuel to Estria, and Vesta sent rope to Mirren.",
    "Norland sent fuel to Estria on Monday, and Vesta built a dock in Mirren.",
    "Norland jointly sent fuel to Estria with Vesta.",  # "jointly" in PLAIN_ADVERBS: refused on 022acdf
    "The fuel that Norland sent to Estria was cheap; Norland sent fuel to Estria.",
    "Norland sent fuel to Estria so that the ferries sailed.",
)
# TEST FIXTURE, NOT NEWS
PLAIN_ARTICLE = "\n\n".join(
    ["Fuel for Estria", *PLAIN, "Estria Harbour News staff contributed to this report."]
)


def _flow(sentence: str, article_attribution: object = None) -> dict[str, object]:
    more = {} if article_attribution is None else {"attribution": article_attribution}
    return _deal_flow("Norland", "fuel", "sent", sentence, **more)


def test_the_generated_words_are_in_no_list() -> None:
    """The family is worth something only if its words are outside the lists: a list would have caught them."""
    listed = {
        w.casefold()
        for w in (*ATTRIBUTION_MARKERS, *HEDGE_MARKERS, *SAYING_VERBS, *PLAIN_VERBS, *PLAIN_ADVERBS)
    }
    assert not [w for w in (*VERBS, *ADVERBS) if w in listed]


@pytest.mark.parametrize(("sentence", "attribution"), GENERATED)
def test_an_unlisted_verb_or_adverb_of_saying_or_doubt_needs_an_attribution(
    sentence: str, attribution: str
) -> None:
    """REVIEW-7 C5: "Norland sent fuel to Estria, the Vesta Herald reported." was told as plain fact. Without an
    attribution it is refused, with a message naming the word and what to do; with one it is accepted."""
    _, found = checked(ARTICLE, aid=[_flow(sentence)])
    messages = [message for item, message in found if item == "aid[0].attribution"]
    word = (
        attribution.split()[-1] if attribution.split()[-1] not in ("that", "if", "whether", "have") else None
    )
    assert messages, f"accepted as plain fact: {sentence}"
    if word is not None:
        assert any(f"“{word}”" in m for m in messages), messages
    assert any("attribution" in m for m in messages)
    # words that name no one ("is feared to have") are a hedge, and given as one (HOSTILE-15 3)
    from bot.briefs.check import _names_someone

    given: object = attribution if _names_someone(attribution) else {"text": attribution, "role": "hedge"}
    _, found = checked(ARTICLE, aid=[_flow(sentence, given)])
    # "Norland, the Vesta Herald recounted, sent …": the aside's subject is not the giver's (it was refused as
    # the donor until the ninth session's fix of that wrong refusal)
    if "doubts" in attribution.split():
        # what someone doubts is attributed, but not told done (HOSTILE-16 F11: `TELLING_FALSE`)
        assert [item for item, _ in found] == ["aid[0].status"], found
        return
    assert found == [], found


@pytest.mark.parametrize("sentence", PLAIN)
def test_a_plain_sentence_needs_no_attribution(sentence: str) -> None:
    """The guard: time and place openings, "also", "already", two plain facts in one sentence stay plain."""
    _, found = checked(PLAIN_ARTICLE, aid=[_flow(sentence)])
    assert found == [], found


@pytest.mark.parametrize(("sentence", "attribution"), QUESTIONS)
def test_a_question_is_never_a_fact(sentence: str, attribution: str) -> None:
    """REVIEW-7 C5: "Vesta asked whether Norland had sent fuel." was told as fuel sent. Asking whether it happened
    does not tell that it happened: refused with or without the words that ask."""
    for given in (None, attribution):
        _, found = checked(ARTICLE, aid=[_flow(sentence, given)])
        assert any(item == "aid[0].attribution" for item, _ in found), (given, found)
