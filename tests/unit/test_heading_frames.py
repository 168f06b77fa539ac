"""A heading frames what it heads only when it names a genre, a story, a supposition or someone else's words, asks
a question, or ends on a colon after someone's words (TASK-frames, issue 10).

Before, "Letters to the editor", "Transcript", "Reader comments" and "From the archive" above "Norland sent fuel to
Estria on Monday." were accepted as fuel sent, and so was the question headline "Did Norland send fuel?"; while
plain subheadings that name a topic ("Rising prices", "What comes next", "The view from the port", "Shipping
resumes") were refused, for a verb, a word of time or a bare account noun in them. Now a heading is read for the
words that name whose telling follows, kept in vocabulary.py (`HEADING_OTHERS_WORDS`, `HEADING_WHOSE_ACCOUNT`,
`HEADING_TELLING_VERBS`), and a topic is the article's own.

TEST FIXTURES, NOT NEWS: invented texts about invented places (Estria, Norland, Vesta, Oster); none is, or is taken
from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, checked

GIVING = "Norland sent fuel to Estria on Monday."


def _found(body: str, headline: str = "Fuel for Estria") -> dict[str, str]:
    text = f"{headline}\n\n{body}\nEstria Harbour News staff contributed to this report.\n"
    return dict(checked(text, aid=[_deal_flow("Norland", "fuel", "sent", GIVING)])[1])


# Thirty ordinary news subheadings (invented): each names a topic, and the giving under it is the article's own.
# Before, 12 of the 30 were refused ("Rising prices", "What comes next", "The view from the port", "Talks in
# Vesta", "The road ahead", "Looking ahead", "Next steps", "Shipping resumes", "Winter deepens", "Counting the
# cost", "A port reopens", "Lessons learned"); now none is.
PLAIN_SUBHEADINGS = (
    "Rising prices",
    "What comes next",
    "The view from the port",
    "A cold winter",
    "Fuel shortages",
    "Queues at the pumps",
    "Help from abroad",
    "Empty shelves",
    "Talks in Vesta",
    "The road ahead",
    "Looking ahead",
    "Next steps",
    "Life in the harbour",
    "Shipping resumes",
    "Norland steps in",
    "Winter deepens",
    "Counting the cost",
    "Families struggle",
    "Trade routes",
    "A port reopens",
    "Heating homes",
    "Lessons learned",
    "Mixed signals",
    "Old rivals",
    "Farmers worry",
    "The human toll",
    "Behind the numbers",
    "Power cuts",
    "Convoys cross the border",
    "Pressure mounts",
)
# … and a few more that hold a word near a frame's: a noun that is also a verb of telling, an account noun
# without whose it is, a label before a colon.
PLAIN_NEAR_FRAMES = (
    "Fuel reports",
    "Recorded deliveries",
    "Reporting from Vesta",
    "Hopes fade",
    "Farmers fear the worst",
    "A column of trucks",
    "The other side of the border",
    "NEXT STEPS",
    "The numbers:",
    "What we know:",
)
# Headings that hand what they head to someone else's words, an earlier text, an account or a genre.
FRAMING_SUBHEADINGS = (
    "Letters to the editor",
    "Transcript",
    "TRANSCRIPT",
    "Reader comments",
    "From the archive",
    "FROM THE ARCHIVE",
    "Interview",
    "Excerpt",
    "Open letter",
    "Mailbag",
    "Advertisement",
    "Sponsored content",
    "Press release",
    "In their own words",
    "Your views",
    "Their side",
    "The view from Vesta",
    "Vesta recalls",
    "Vesta disagrees",
    "Officials insist",
    "Estria warns",
    "Oster on the blockade:",
    "Claims and counterclaims",
    "Opinion",
    "Rumours",
)


@pytest.mark.parametrize("heading", PLAIN_SUBHEADINGS + PLAIN_NEAR_FRAMES)
def test_a_subheading_that_names_a_topic_leaves_the_giving_done(heading: str) -> None:
    assert _found(f"{heading}\n\n{GIVING}") == {}


@pytest.mark.parametrize("heading", FRAMING_SUBHEADINGS)
def test_a_subheading_that_names_whose_words_follow_frames_the_giving(heading: str) -> None:
    found = _found(f"{heading}\n\n{GIVING}")
    assert list(found) == ["aid[0].status"]
    assert f"“{heading}”" in found["aid[0].status"]
    assert "change the status" in found["aid[0].status"]


def test_a_heading_of_someone_elses_words_frames_every_paragraph_under_it() -> None:
    body = f"Letters to the editor\n\nThe port was busy in December.\n\nTalks resumed in May.\n\n{GIVING}"
    assert list(_found(body)) == ["aid[0].status"]
    assert _found(f"Letters to the editor\n\nThe port was busy.\n\nFuel deliveries\n\n{GIVING}") == {}


def test_the_message_names_the_word_that_frames() -> None:
    message = _found(f"Reader comments\n\n{GIVING}")["aid[0].status"]
    assert "“Reader”" in message and "someone else's words" in message  # as the article writes it


@pytest.mark.parametrize(
    "headline", ("Did Norland send fuel?", "Norland sent fuel?", "Did Norland help Estria?")
)
def test_a_headline_that_asks_whether_the_giving_was_so_frames_it(headline: str) -> None:
    found = _found(f"The port was busy in December.\n\n{GIVING}", headline=headline)
    assert list(found) == ["aid[0].status"]
    assert "question" in found["aid[0].status"]


@pytest.mark.parametrize(
    "headline",
    (
        "Why did Norland send fuel?",
        "Who pays for Estria's fuel?",
        "Will Estria survive the winter?",
        "Is the winter over?",
        "Norland declines comment on fuel for Estria",
        "Letters from the port",
    ),
)
def test_a_headline_that_asks_of_something_else_or_names_others_words_leaves_it_done(headline: str) -> None:
    """A question that opens on a question word supposes the giving; one that names neither its item nor two of
    its names asks of something else; words of others' texts are read in subheadings, not headlines."""
    assert _found(f"The port was busy in December.\n\n{GIVING}", headline=headline) == {}
