from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.briefs import render
from bot.briefs.answers import COMMANDS, answer
from bot.briefs.loader import LoadResult
from bot.briefs.lookup import Found, Library, Matches, find_people
from bot.briefs.models import Brief, KeyPoint, Person
from bot.briefs.render import MessageData

MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")


def assert_within_limits(message: MessageData) -> None:
    assert len(message.content) <= render.CONTENT_LIMIT
    assert len(message.embeds) <= render.EMBEDS_PER_MESSAGE_LIMIT
    assert message.total_embed_chars() <= render.MESSAGE_EMBED_TOTAL_LIMIT
    for embed in message.embeds:
        assert 0 < len(embed.title) <= render.TITLE_LIMIT
        assert len(embed.description) <= render.DESCRIPTION_LIMIT
        assert len(embed.fields) <= render.FIELD_COUNT_LIMIT
        assert len(embed.footer) <= render.FOOTER_LIMIT
        for item in embed.fields:
            assert 0 < len(item.name) <= render.FIELD_NAME_LIMIT
            assert 0 < len(item.value) <= render.FIELD_VALUE_LIMIT


def all_text(message: MessageData) -> str:
    parts = [message.content]
    for embed in message.embeds:
        parts += [embed.title, embed.description, embed.footer]
        parts += [text for item in embed.fields for text in (item.name, item.value)]
    return "\n".join(parts)


def test_every_command_answer_keeps_limits_and_shows_evidence(shipped: LoadResult) -> None:
    for command in COMMANDS:
        for page in answer(command, shipped.library):
            assert_within_limits(page)
            assert not MENTION.search(all_text(page))
            if command in ("who", "aid", "loans", "events"):
                assert all(item.value.splitlines()[-1].startswith("> “") for item in page.embeds[0].fields)
            assert "Jerusalem Post" in page.embeds[0].footer or command == "help"


def test_loans_answer_names_lender_borrower_amount_currency_status(shipped: LoadResult) -> None:
    text = render.pages_text(answer("loans", shipped.library, {"country": "Japan"}))
    assert "Loan made · Japan → Ukraine: $600 million" in text
    assert "Amount: $600 million = 600,000,000 (dollars, kind not stated)" in text
    assert "Status: provided" in text
    assert "USD" not in text  # "$" does not say which dollar
    assert "$600 million loan" in text


def test_unknown_name_answers_with_suggestions(shipped: LoadResult) -> None:
    pages = answer("who", shipped.library, {"name": "Benet"})
    assert "Did you mean" in pages[0].embeds[0].description
    assert "Naftali Bennett" in pages[0].embeds[0].description


def test_unknown_brief_is_a_kind_answer(shipped: LoadResult) -> None:
    pages = answer("who", shipped.library, {"brief": "nope"})
    assert "No brief's id or title starts with" in pages[0].embeds[0].description
    assert "no briefs are loaded" in render.pages_text(answer("who", Library([]))).lower()


def test_shorten_cuts_at_a_word_and_says_so() -> None:
    assert render.shorten("one two three four", 12) == "one two …"
    assert render.shorten("short", 10) == "short"
    assert render.shorten("x" * 50, 10) == "x" * 9 + "…"


def test_many_people_become_pages(shipped: LoadResult) -> None:
    brief = shipped.library.get()
    many = [brief.people[0].model_copy(update={"name": f"Person {i}"}) for i in range(40)]
    brief = brief.model_copy(update={"people": many})  # answers tell only a brief's own items
    pages = render.render_people(Found.within(Matches(brief, None, many)))
    assert len(pages) > 1
    names = [item.name for page in pages for item in page.embeds[0].fields]
    assert names == [f"Person {i}" for i in range(40)]  # nothing lost between pages
    assert pages[-1].embeds[0].footer.endswith(f"page {len(pages)}/{len(pages)}")


_pieces = st.sampled_from(
    [*"ab @<>&!#:*_~`|\n\u200b\u00e9", "@everyone", "@here", "<@123>", "<@&45>", "word "]
)
odd_text = st.lists(_pieces, min_size=1, max_size=900).map("".join).map(lambda s: s if s.strip() else "x")


@settings(max_examples=60, deadline=None)
@given(name=odd_text, role=odd_text, actions=odd_text, count=st.integers(1, 40), title=odd_text)
def test_odd_and_long_strings_never_break_a_limit_or_mention(
    shipped: LoadResult, name: str, role: str, actions: str, count: int, title: str
) -> None:
    base = shipped.library.get()
    person = Person.model_construct(
        name=name[:200],
        role=role[:200],
        affiliation=role[:200],
        as_written=actions[:200],
        evidence=[actions, name],
    )
    source = base.source.model_copy(update={"headline": title[:256]})
    brief = Brief.model_construct(**{**dict(base), "source": source, "people": [person] * count})
    for page in render.render_people(Found.within(Matches(brief, None, [person] * count))):
        assert_within_limits(page)
        assert not MENTION.search(all_text(page))
    digest = render.render_digest([brief] * 10)
    assert_within_limits(digest)
    assert len(digest.embeds) == 10  # every brief shown: each is recorded as delivered
    assert all(embed.description for embed in digest.embeds)
    assert not MENTION.search(all_text(digest))


def test_find_then_render_shows_where_it_comes_from(shipped: LoadResult) -> None:
    brief = shipped.library.get()
    page = render.render_people(Found.within(find_people(brief, "gantz")))[0]
    value = page.embeds[0].fields[0].value
    last = value.splitlines()[-1]
    assert last.startswith(
        "> “In Security Cabinet meetings, Foreign Minister Yair Lapid and Defense Minister Benny Gantz"
    )
    snippet = last.split("”")[0] + "”"
    assert snippet.endswith(" …”") and len(snippet) <= render.SNIPPET_LENGTH + 5  # the rest is under Quote
    assert last.endswith("(+2 more passages, 1 with who says so: press Quote)")


def test_answers_are_kept_per_library_and_bounded(shipped: LoadResult) -> None:
    from bot.briefs import answers

    first = answer("who", shipped.library, {"name": "gantz"})
    assert answer("who", shipped.library, {"name": "gantz"}) is first
    assert answer("who", Library(shipped.library.briefs), {"name": "gantz"}) is not first
    for i in range(answers.ANSWER_CACHE_SIZE + 5):
        answer("who", shipped.library, {"name": f"nobody {i}"})
    assert len(answers._answers[shipped.library]) <= answers.ANSWER_CACHE_SIZE


def test_a_digest_of_ten_long_briefs_shows_all_ten(shipped: LoadResult) -> None:
    base = shipped.library.get()
    briefs = [
        base.model_copy(
            update={
                "id": f"b{i}",
                "source": base.source.model_copy(update={"headline": f"Brief {i} " + "long title " * 20}),
                "key_points": [KeyPoint(evidence=["word " * 390])] * 8,
            }
        )
        for i in range(10)
    ]
    digest = render.render_digest(briefs)
    assert_within_limits(digest)
    assert [e.title.split(" long")[0] for e in digest.embeds] == [f"Digest: Brief {i}" for i in range(10)]
    assert all(
        "8 people · aid: 1 given, 3 read as given, 1 called for, 1 not given, 1 refused · 1 loan requested"
        in e.description
        for e in digest.embeds
    )


def test_shared_answers_cannot_be_changed(shipped: LoadResult) -> None:
    pages = answer("who", shipped.library)
    assert isinstance(pages, tuple) and isinstance(pages[0].embeds, tuple)
    assert isinstance(pages[0].embeds[0].fields, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        pages[0].embeds[0].title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pages[0].content = "changed"  # type: ignore[misc]


def test_an_event_without_what_is_headed_by_its_first_passage(shipped: LoadResult) -> None:
    brief = shipped.library.get()
    plain = brief.events[-1].model_copy(update={"what": None})
    brief = brief.model_copy(update={"events": [*brief.events[:-1], plain]})
    pages = render.render_events(Found.within(Matches(brief, None, [plain])))
    [item] = pages[0].embeds[0].fields
    assert item.name == plain.evidence[0]  # what happened, in the article's words
    assert "Where: Syria" in item.value
