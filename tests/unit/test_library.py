"""Lookups across a library: the shipped brief beside two fixture articles (tests/data/library, invented texts).

Publication order: the fixture about the harbour's opening (no date, added 27 November) is the newest article,
then the shipped article (no date, added 26 November), then the fixture about the loan (published 20 November,
from the editor, though added last).
"""

from __future__ import annotations

import pytest

from bot.briefs import render
from bot.briefs.answers import answer
from bot.briefs.loader import LoadResult
from bot.briefs.lookup import Library, UnknownBrief
from tests.conftest import SHIPPED_ID
from tests.unit.test_render import all_text, assert_within_limits

OPENS = "fixture-ostmark-harbour-opens"
LOAN = "fixture-valdoria-harbour-loan"
OPENS_TITLE = "Fixture article: Ostmark opens the Port Lumen harbour"
LOAN_TITLE = "Fixture article: Valdoria lends Ostmark money for the Port Lumen harbour"
SHIPPED_TITLE = "Israel sends Defense Min. official to US-led conference on Ukraine aid"


@pytest.fixture
def library(newsroom: LoadResult) -> Library:
    return newsroom.library


def text(command: str, library: Library, **options: str) -> str:
    pages = answer(command, library, options)
    for page in pages:
        assert_within_limits(page)
    return render.pages_text(pages)


def test_articles_newest_first_by_publication_date_else_added(library: Library) -> None:
    assert [brief.id for brief in library.by_article_date] == [OPENS, SHIPPED_ID, LOAN]


@pytest.mark.parametrize("command", ["who", "aid", "loans", "events", "brief"])
def test_without_brief_every_article_answers_newest_first(library: Library, command: str) -> None:
    answered = text(command, library)
    titles = [title for title in (OPENS_TITLE, SHIPPED_TITLE, LOAN_TITLE) if f"“{title}”" in answered]
    if command == "aid":  # the harbour's opening gives no aid
        assert titles == [SHIPPED_TITLE, LOAN_TITLE]
    else:
        assert titles == [OPENS_TITLE, SHIPPED_TITLE, LOAN_TITLE]
    positions = [answered.index(f"“{title}”") for title in titles]
    if command == "who":  # Mara Quill of the oldest article stands beside her entry in the newest
        assert positions[0] == min(positions)
    else:
        assert positions == sorted(positions)


def test_each_item_is_labelled_with_its_article_as_sources_shows_it(library: Library) -> None:
    sources = text("sources", library)
    for brief in library.briefs:
        label = render.article_label(brief)
        assert label in sources
    loans = answer("loans", library, {"country": "Valdoria"})
    fields = [field for page in loans for field in page.embeds[0].fields]
    assert len(fields) == 2
    assert fields[0].value.splitlines()[0] == f"In {render.article_label(library.get(OPENS))}"
    assert fields[1].value.splitlines()[0] == f"In {render.article_label(library.get(LOAN))}"
    assert "published 20 November 2026, from the editor" in render.article_label(library.get(LOAN))
    assert "added to Briefbot 2026-11-27 (not the article's date)" in render.article_label(library.get(OPENS))


def test_the_readme_examples_answer_across_the_library(library: Library) -> None:
    who = text("who", library, name="bennett")
    assert "Naftali Bennett" in who and "Prime Minister" in who
    loans = text("loans", library, country="Japan")
    assert "Loan made · Japan → Ukraine: $600 million" in loans


def test_the_same_person_in_two_articles_is_shown_once_per_article_side_by_side(library: Library) -> None:
    [page] = answer("who", library, {"name": "quill"})
    fields = page.embeds[0].fields
    assert [f.name for f in fields] == ["Mara Quill", "Mara Quill"]
    assert all(f.inline for f in fields)  # side by side
    assert "**Prime Minister**" in fields[0].value and OPENS_TITLE in fields[0].value
    assert "**Finance Minister**" in fields[1].value and LOAN_TITLE in fields[1].value


def test_the_same_country_in_two_articles(library: Library) -> None:
    loans = text("loans", library, country="Ostmark")
    assert loans.index("Ostmark → Valdoria: $2 million") < loans.index("Valdoria → Ostmark: $40 million")


def test_paged_across_the_library(library: Library) -> None:
    pages = answer("who", library)
    names = [f.name for page in pages for f in page.embeds[0].fields]
    assert len(names) == 8 + 1 + 2 and len(pages) == 2
    assert pages[0].embeds[0].footer.endswith("page 1/2")


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (LOAN, LOAN),
        ("fixture-val", LOAN),  # a unique prefix of the id
        ("israel-ukr", SHIPPED_ID),
        ("Fixture article: Ostmark", OPENS),  # the start of the title
        ("fixture article: valdoria lends", LOAN),  # as typed: case does not matter
        ("israel sends", SHIPPED_ID),
    ],
)
def test_brief_by_id_unique_prefix_or_start_of_title(library: Library, wanted: str, expected: str) -> None:
    assert library.resolve(wanted).id == expected
    answered = text("who", library, brief=wanted)
    assert "There is no brief" not in answered


def test_brief_narrows_to_one_article(library: Library) -> None:
    answered = text("who", library, brief="fixture-val")
    assert "Mara Quill" in answered and "Finance Minister" in answered
    assert "Naftali Bennett" not in answered and "Ivo Tarn" not in answered


def test_an_ambiguous_or_unknown_brief_lists_the_closest(library: Library) -> None:
    with pytest.raises(UnknownBrief) as ambiguous:
        library.resolve("fixture")
    assert {brief.id for brief in ambiguous.value.suggestions} == {OPENS, LOAN}
    answered = text("who", library, brief="fixture")
    assert OPENS in answered and LOAN in answered
    answered = text("who", library, brief="fixtrue-valdoria")
    assert "No brief's id or title starts with “fixtrue-valdoria”" in answered
    assert LOAN in answered and LOAN_TITLE in answered


def test_nothing_found_anywhere_says_so_and_suggests(library: Library) -> None:
    answered = text("who", library, name="Quil")
    assert "Mara Quill" in answered  # contains it: found
    answered = text("who", library, name="Quilt")
    assert (
        "No person matching “Quilt” in 3 articles" in answered and "Did you mean **Mara Quill**?" in answered
    )


def test_found_only_in_another_article_says_where(library: Library) -> None:
    answered = text("who", library, name="bennett", brief=LOAN)
    assert "No person matching “bennett” in this brief" in answered
    assert f"Found in “{SHIPPED_TITLE}”" in answered and SHIPPED_ID in answered
    answered = text("loans", library, country="Japan", brief=OPENS)
    assert f"Found in “{SHIPPED_TITLE}”" in answered


def test_suggestions_only_of_what_would_match(library: Library) -> None:
    aid = text("aid", library, country="Japan")  # Japan lends, but gives no aid
    assert "No aid matching “Japan”" in aid and "Did you mean" not in aid
    france = text("aid", library, country="France")
    assert "Did you mean" not in france  # neither Ukraine nor Israel is close to France
    [everyone] = answer("who", library, {"name": "@everyone"})
    assert "Did you mean" not in all_text(everyone) and "@everyone" not in all_text(everyone)


def test_autocomplete_choices_across_the_library(library: Library) -> None:
    assert library.people_names("quill") == ["Mara Quill"]
    assert "Ivo Tarn" in library.people_names("") and "Naftali Bennett" in library.people_names("")
    assert library.people_names("", library.get(LOAN)) == ["Mara Quill"]
    assert "Japan" not in library.aid_countries("")
    assert "Japan" in library.loan_countries("") and "Ostmark" in library.loan_countries("")
    # titles with their date, ranked by the one ranking: the id's or title's start before a word inside
    choices = library.brief_choices("fixture")
    assert [brief.id for brief in choices] == [OPENS, LOAN]
    assert [brief.id for brief in library.brief_choices("")] == [OPENS, SHIPPED_ID, LOAN]


def test_help_is_one_page_with_digest_and_no_article_footer(library: Library) -> None:
    [page] = answer("help", library)
    shown = all_text(page)
    assert "/digest" in shown and "/who" in shown
    assert page.embeds[0].footer == ""


def test_the_quote_button_names_the_one_article_an_answer_comes_from(library: Library) -> None:
    from bot.briefs.quote import quote_target

    bennett = quote_target("who", library, {"name": "bennett"})  # found in the shipped article only
    assert bennett is not None and bennett.brief_id == SHIPPED_ID
    assert quote_target("who", library, {"name": "quill"}) is None  # two articles: no single one to quote
    narrowed = quote_target("who", library, {"name": "quill", "brief": "fixture-val"})
    assert narrowed is not None and narrowed.brief_id == LOAN
