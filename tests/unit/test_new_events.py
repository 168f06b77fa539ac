"""`briefbot new` proposes events the check accepts (REPORT-reader16 finding 2): headed by a `what` where one
reads, and never with a `when` that is another clause's ("three months ago" of "Since the contact group first
came together", offered on "Austin said the participants discussed …").

The shipped article, and a small article written for these tests. TEST FIXTURES, NOT NEWS: the article below is
an invented text about invented places (Estria, Norland, Vesta) and people (Oster); none is, or is taken from, a
real report.
"""

from __future__ import annotations

import datetime
import tomllib
from typing import Any

from bot.briefs.article import Article
from bot.briefs.loader import check_raw
from bot.briefs.skeleton import candidate_blocks, skeleton
from tests.conftest import SHIPPED_SEED

SHIPPED_ARTICLE = Article(SHIPPED_SEED.name, SHIPPED_SEED.read_text(encoding="utf-8"))

# TEST FIXTURE, NOT NEWS
TALKS = Article(
    "fixture.txt",
    """Ferry talks in Estria

Since the talks on Monday, Vesta has sent ferries in Estria.
Oster said Norland held talks in Estria on Tuesday.
He said the ferries would sail on Friday.
Vesta held talks in Estria on Wednesday.
Estria Harbour News staff contributed to this report.
""",
)


def proposed_events(article: Article) -> list[dict[str, Any]]:
    """Every [[events]] block of the article's skeleton, uncommented and parsed."""
    text = skeleton(article, "fixture", datetime.date(2026, 1, 1), article.name).text
    lines = text.splitlines()
    events = []
    for first, end in candidate_blocks(text):
        if lines[first] == "# [[events]]":
            block = "\n".join(line.removeprefix("# ") for line in lines[first + 1 : end])
            events.append(tomllib.loads(block))
    return events


def event_problems(article: Article, event: dict[str, Any]) -> list[str]:
    passage = event["evidence"][0]
    raw = {
        "format": 2,
        "id": "fixture",
        "added": datetime.date(2026, 1, 1),
        "source": {
            "seed": article.name,
            "publisher": "Fixture",
            "headline": article.headline,
            "evidence": [passage],
        },
        "key_points": [{"evidence": [passage]}],
        "events": [event],
    }
    _, problems = check_raw(raw, lambda _name: article)
    return [f"{p.item}: {p.message}" for p in problems if p.item.startswith("events[0]")]


def test_every_proposed_event_of_the_shipped_article_is_accepted() -> None:
    events = proposed_events(SHIPPED_ARTICLE)
    assert events
    for event in events:
        assert event_problems(SHIPPED_ARTICLE, event) == [], event


def test_the_shipped_articles_events_are_headed_by_a_what() -> None:
    events = proposed_events(SHIPPED_ARTICLE)
    assert all("what" in event for event in events)
    whats = {event["what"]: event.get("when") for event in events}
    assert whats["the contact group first came together"] == "three months ago"
    assert whats["Moscow reprimanded Israeli Ambassador Alex Ben-Zvi"] == "Wednesday"


def test_no_event_is_proposed_headed_by_who_says_so_or_dated_by_another_clause() -> None:
    for event in proposed_events(SHIPPED_ARTICLE):
        heading = event.get("what", event["evidence"][0])
        assert not heading.startswith(("Austin said", "A source familiar")), event


def test_every_proposed_event_of_an_invented_article_is_accepted() -> None:
    events = proposed_events(TALKS)
    for event in events:
        assert event_problems(TALKS, event) == [], event
    whats = {event.get("what"): event.get("when") for event in events}
    # "Monday" is the talks', not the sending the sentence tells
    assert whats.get("the talks") == "Monday"
    assert whats.get("Vesta held talks in Estria") == "Wednesday"
    # after who says so, what was said heads the event
    assert whats.get("Norland held talks in Estria") == "Tuesday"
    # "He said …" heads nothing, and a time after "would" is no event's
    assert not any("would" in event["evidence"][0] for event in events)
