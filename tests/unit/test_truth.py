"""Every answer of the shipped brief, read against the problems a careful reader found (issue 10, *Why*)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.briefs import render
from bot.briefs.answers import answer
from bot.briefs.loader import LoadResult
from bot.briefs.lookup import Library, countries
from bot.briefs.models import Brief, Editor
from bot.briefs.render import MessageData
from tests.unit.test_render import all_text


def every_answer(library: Library) -> dict[str, list[MessageData]]:
    """Each command, unfiltered and for every name and country of the brief, as members would ask."""
    brief = library.get()
    asked: dict[str, list[MessageData]] = {}
    for command in ("who", "aid", "loans", "brief", "events", "sources", "digest", "help"):
        asked[command] = list(answer(command, library))
    for person in brief.people:
        asked[f"who name={person.name}"] = list(answer("who", library, {"name": person.name}))
    for country in countries(brief):
        for command in ("aid", "loans"):
            asked[f"{command} country={country}"] = list(answer(command, library, {"country": country}))
    return asked


def fields(pages: list[MessageData]) -> list[tuple[str, str]]:
    return [(f.name, f.value) for page in pages for embed in page.embeds for f in embed.fields]


@pytest.fixture(scope="module")
def answers(shipped: LoadResult) -> dict[str, list[MessageData]]:
    return every_answer(shipped.library)


def text_of(pages: list[MessageData]) -> str:
    return "\n".join(all_text(page) for page in pages)


def test_what_a_senior_diplomatic_source_said_is_told_as_theirs(
    answers: dict[str, list[MessageData]],
) -> None:
    told = 0
    for pages in answers.values():
        for name, value in fields(pages):
            if "isn't one yet" in value or "isn’t one yet" in value or name.startswith(("Yair Lapid",)):
                assert "a senior diplomatic source said" in value, (name, value)
                told += 1
    assert told >= 2  # /who Lapid, alone and in the list


def test_every_fact_from_an_attributed_sentence_shows_who_says_so(
    answers: dict[str, list[MessageData]],
) -> None:
    markers = ("said", "told", "argued", "would", "checking the possibility")
    for command, pages in answers.items():
        for name, value in fields(pages):
            shown = value.split("> “", 1)[-1] if "> “" in value else value
            if any(f" {marker} " in f" {shown.split('”')[0]} " for marker in markers) and "(+" not in shown:
                assert "Who says so" in value or command in ("help", "sources"), (command, name, value)


def test_a_requested_loan_reads_as_a_request(answers: dict[str, list[MessageData]]) -> None:
    for pages in answers.values():
        for name, value in fields(pages):
            if "half-a-billion dollars" in name:
                assert name.startswith("Loan requested · Ukraine asked Israel")
                assert "Status: requested (asked for: a request, not a payment)" in value


def test_dollars_are_never_told_as_us_dollars(answers: dict[str, list[MessageData]]) -> None:
    for command, pages in answers.items():
        text = text_of(pages)
        assert "USD" not in text and "800 million USD" not in text, command
    loans = text_of(answers["loans"])
    assert "$800 million = 800,000,000 (dollars, kind not stated)" in loans
    assert "€300 million = 300,000,000 EUR" in loans


def test_a_claim_of_momentum_is_not_aid_delivered(answers: dict[str, list[MessageData]]) -> None:
    for name, value in fields(answers["aid"]):
        assert "momentum" not in value, name
        if "Given" in name and "Status: delivered" in value:
            assert name.startswith("Given · United States")  # the one delivery the article states


def test_nothing_is_added_and_nothing_halved(answers: dict[str, list[MessageData]]) -> None:
    everything = "\n".join(text_of(pages) for pages in answers.values())
    assert "of the meeting" not in everything
    assert "channel to Putin" not in everything
    assert "between the West and Russian President Vladimir Putin" in text_of(answers["brief"])


def test_credits_are_not_people(answers: dict[str, list[MessageData]]) -> None:
    who = text_of(answers["who"])
    for credit in ("AMMAR AWAD", "SERHIY TAKHMAZOV", "Photographer", "Jerusalem Post Staff"):
        assert credit not in who
    sources = text_of(answers["sources"])
    assert "photo: (photo credit: AMMAR AWAD/REUTERS)" in sources
    assert "contributed: Jerusalem Post Staff contributed to this report." in sources


def test_relative_times_say_the_article_gives_no_date(answers: dict[str, list[MessageData]]) -> None:
    timed = [(name, value) for name, value in fields(answers["events"]) if "When:" in value]
    assert len(timed) == 8  # the other two events state no time
    for name, value in timed:
        assert "the article gives no date to count from" in value, name
    for pages in answers.values():
        assert all(
            "the article gives no date" in embed.footer
            for page in pages
            for embed in page.embeds
            if embed.footer
        )


def test_an_editor_date_anchors_relative_times_and_is_labelled(shipped: LoadResult) -> None:
    brief: Brief = shipped.library.get()
    dated = brief.model_copy(
        update={"editor": Editor(published=date(2022, 6, 16), url="https://example.org/a")}
    )
    library = Library([dated])
    events = render.pages_text(answer("events", library))
    assert "When: Wednesday, in an article of 16 June 2022 (date from the editor)" in events
    assert "When: Mariupol" not in events
    sources = render.pages_text(answer("sources", library))
    assert (
        "Editor's note, not from the article: published 16 June 2022; address https://example.org/a."
        in sources
    )
    assert "article of 16 June 2022 (date from the editor, not the article)" in render.pages_text(
        answer("digest", library)
    )


def test_one_loan_is_one_loan(answers: dict[str, list[MessageData]]) -> None:
    assert "Loans involving Japan: 1 loan" in text_of(answers["loans country=Japan"])
    assert all(
        " 1 loans" not in text_of(pages) and " 1 flows" not in text_of(pages) for pages in answers.values()
    )


@pytest.mark.parametrize("typed", ["**qq**", "__qq__", "`qq`", "[qq](https://example.org)", "> qq", "~~qq~~"])
def test_what_a_member_typed_is_echoed_as_typed(shipped: LoadResult, typed: str) -> None:
    pages = answer("who", shipped.library, {"name": typed})
    description = pages[0].embeds[0].description
    escaped = render.facts.escape_markdown(typed)
    assert escaped in description and typed not in description.replace(escaped, "")
    for command in ("aid", "loans"):
        echoed = answer(command, shipped.library, {"country": typed})[0].embeds[0].description
        assert escaped in echoed and typed not in echoed.replace(escaped, "")
