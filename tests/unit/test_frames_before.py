"""HOSTILE-14 C, D (issue 10, the lead's note "Left undone" 4): frames before a giving that the before-rule could not
read, and headings.

"Vesta tells it differently. Norland sent fuel to Estria.", "Picture this. …", "What if? …" and a heading "FAKE NEWS"
or "HOAX" above it were accepted as fuel sent by Norland: the sentence before was read only for a fixed list of
nouns, one sentence back, and a heading like any sentence. Now every sentence before the giving in its paragraph is
read (nothing in a paragraph closes a frame its sentence opened), for a telling otherwise ("tells it differently",
"paints a different picture"), an account ("gave its side"), a supposition ("Hypothetically speaking.", "What
if?"), an imperative of imagining ("Picture this.") or words pointing on ("put it this way"); a heading frames
every paragraph under it until the next heading, and must be a plain topic phrase: a word of falsity, genre,
supposition, time to come or someone's account, a possessive name, a verb, a question or a word the check cannot
read refuses. The headline frames the article: a word of falsity, genre or supposition in it refuses every giving,
a denial the giving it names. Faithful sentences and headings still pass.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster, Mirren); none is, or is taken from, a real
report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused

GIVING = "Norland sent fuel to Estria."
LENDING = "Norland lent Estria $9 million."


def _article(body: str, headline: str = "Fuel for Estria") -> str:
    return f"{headline}\n\n{body}\nEstria Harbour News staff contributed to this report.\n"


def _flow_refused(body: str, headline: str = "Fuel for Estria") -> list[str]:
    return refused(_article(body, headline), aid=[_deal_flow("Norland", "fuel", "sent", GIVING)])


FRAMING_SENTENCES = (
    "Vesta tells it differently.",
    "Vesta paints a different picture.",
    "Vesta remembers it otherwise.",
    "Vesta recalls events differently.",
    "Vesta sees it another way.",
    "Vesta gave its side on Monday.",
    "Vesta put it this way.",
    "Vesta's spokesman explained it thus.",
    "Picture this.",
    "Hypothetically speaking.",
    "What if?",
    "True or false?",
    "Once upon a time, things were different.",
    "Let's say.",
)
FRAMING_HEADINGS = (
    "FAKE NEWS",
    "FALSE",
    "HOAX",
    "Myth",
    "WHAT IF",
    "APRIL FOOLS",
    "What Vesta says",
    "The alleged timeline",
    "Forecast for 2027",
    "Exercise Winter Shield: the script",
    "If war comes",
    "Vesta's side",
)
# Faithful sentences before a giving: news that tells something else, with a word the old rule took for a frame.
PLAIN_SENTENCES = (
    "Temperatures dropped below freezing in December.",
    "Talks resumed the following week.",
    "Public opinion in Norland backed the move.",
    "Estria's bank account was frozen in March.",
    "Norland approved a new version of its aid law in May.",
    "The winter has been the hardest in decades, a story repeated across the region.",
    "In theory, Estria has enough fuel until spring.",
    "Its officials spoke on Monday.",
    "Did Estria ask for help?",
)
# Faithful headings: plain topic phrases, the names in them told in the article.
PLAIN_HEADINGS = (
    "Background:",
    "ANALYSIS",
    "The story so far",
    "Fuel deliveries",
    "Winter in Estria",
    "Aid to Estria in 2026",
    "FUEL FOR ESTRIA",
    "Recent Norland-Estria communications",
    "Timeline",
)
PLAIN_HEADLINES = (
    "Analysis: Norland's fuel gamble",
    "The story of Estria's winter",
    "Norland sends fuel to Estria",
    "Vesta denies sending water to Mirren",
)


@pytest.mark.parametrize("before", FRAMING_SENTENCES)
def test_a_giving_after_a_framing_sentence_is_not_done(before: str) -> None:
    assert "aid[0].status" in _flow_refused(f"{before} {GIVING}")


@pytest.mark.parametrize("before", FRAMING_SENTENCES[:4])
def test_a_frame_reaches_through_its_paragraph(before: str) -> None:
    assert "aid[0].status" in _flow_refused(
        f"{before} Estria was cold. Its officials spoke on Monday. {GIVING}"
    )


def test_a_frame_told_by_a_listed_noun_reaches_through_its_paragraph_too() -> None:
    assert "aid[0].status" in _flow_refused(f"Vesta tells a different story. Estria was cold. {GIVING}")


@pytest.mark.parametrize("heading", FRAMING_HEADINGS)
def test_a_giving_under_a_framing_heading_is_not_done(heading: str) -> None:
    assert "aid[0].status" in _flow_refused(f"{heading}\n\n{GIVING}")


@pytest.mark.parametrize("heading", ("FAKE NEWS", "What Vesta says", "Forecast for 2027"))
def test_a_heading_frames_every_paragraph_under_it(heading: str) -> None:
    body = f"{heading}\n\nEstria was cold in December.\n\nTalks resumed in May.\n\n{GIVING}"
    assert "aid[0].status" in _flow_refused(body)


def test_the_next_heading_closes_the_frame() -> None:
    assert _flow_refused(f"HOAX\n\nEstria was cold in December.\n\nFuel deliveries\n\n{GIVING}") == []


def test_a_headline_that_denies_the_giving_frames_it() -> None:
    assert "aid[0].status" in _flow_refused(GIVING, headline="Norland denies sending fuel to Estria")


@pytest.mark.parametrize("headline", ("SATIRE: Norland sends fuel to Estria", "What if Norland sent fuel?"))
def test_a_headline_of_genre_or_supposition_frames_the_article(headline: str) -> None:
    assert "aid[0].status" in _flow_refused(f"Estria was cold in December.\n\n{GIVING}", headline=headline)


def test_a_loan_and_a_pledge_read_the_same_frames() -> None:
    loan = _deal_loan("Norland", "$9 million", "lent", LENDING)
    assert "loans[0].status" in refused(_article(f"HOAX\n\n{LENDING}"), loans=[loan])
    assert "loans[0].status" in refused(_article(f"Picture this. {LENDING}"), loans=[loan])
    pledging = "Norland pledged fuel to Estria."
    pledge = _deal_flow("Norland", "fuel", "pledged", pledging, status="pledged")
    assert "aid[0].status" in refused(_article(f"Vesta tells it differently. {pledging}"), aid=[pledge])
    assert "aid[0].status" in refused(_article(f"FAKE NEWS\n\n{pledging}"), aid=[pledge])


def test_the_message_names_the_heading_and_its_word() -> None:
    found = dict(
        checked(_article(f"FAKE NEWS\n\n{GIVING}"), aid=[_deal_flow("Norland", "fuel", "sent", GIVING)])[1]
    )
    assert "“FAKE NEWS”" in found["aid[0].status"]
    assert "“fake”" in found["aid[0].status"]


@pytest.mark.parametrize("before", PLAIN_SENTENCES)
def test_a_plain_sentence_before_leaves_the_giving_done(before: str) -> None:
    assert _flow_refused(f"{before} {GIVING}") == []


@pytest.mark.parametrize("heading", PLAIN_HEADINGS)
def test_a_plain_heading_leaves_the_giving_done(heading: str) -> None:
    assert _flow_refused(f"{heading}\n\n{GIVING}") == []


@pytest.mark.parametrize("headline", PLAIN_HEADLINES)
def test_a_plain_headline_leaves_the_giving_done(headline: str) -> None:
    assert _flow_refused(GIVING, headline=headline) == []


@pytest.mark.parametrize(
    "headline", ("Imagine the following", "Vesta tells a different story", "Vesta's claim:")
)
def test_a_headline_that_hands_on_frames_the_first_paragraph(headline: str) -> None:
    """The headline is read as the line before the article's first paragraph, as it was before headings were read
    as frames: a telling that hands on to what follows refuses the giving under it."""
    assert "aid[0].status" in _flow_refused(GIVING, headline=headline)
