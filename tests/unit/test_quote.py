"""The Quote view and the custom_id that names what it quotes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from bot.briefs import render
from bot.briefs.loader import LoadResult
from bot.briefs.lookup import Library
from bot.briefs.models import KeyPoint
from bot.briefs.quote import (
    CUSTOM_ID_LIMIT,
    TEMPLATE,
    QuoteTarget,
    decode_items,
    encode_items,
    quote_choices,
    quote_target,
    render_quote,
    target_for,
)
from bot.briefs.render import LIBRARY_ORDER
from bot.cli import main
from tests.unit.test_render import assert_within_limits


def test_items_encode_compactly_and_back() -> None:
    items = ("people[0]", "people[2]", "loans[1]")
    assert encode_items(items) == "p5.l2"
    assert decode_items("p5.l2") == items
    assert encode_items(("aid[0]", "aid[1]"), [("aid", 2)]) == "a*"
    assert decode_items("a*") == ("aid[*]",)


def test_the_custom_id_names_brief_version_and_items_within_100(shipped: LoadResult) -> None:
    target = quote_target("who", shipped.library, {"name": "bennett"})
    assert target is not None
    brief = shipped.library.get()
    assert brief.proof is not None
    assert target.custom_id == f"bq:{brief.id}:{brief.proof.version}:p4"
    assert re.fullmatch(TEMPLATE, target.custom_id)
    long_id = brief.model_copy(update={"id": "x" * 64, "key_points": [brief.key_points[0]] * 90})
    many = target_for(long_id, [f"key_points[{i}]" for i in range(0, 90, 2)])
    assert many is not None and len(many.custom_id) <= CUSTOM_ID_LIMIT
    assert re.fullmatch(TEMPLATE, many.custom_id)


def test_quote_shows_all_passages_paged_within_limits(shipped: LoadResult) -> None:
    target = quote_target("who", shipped.library, {})
    assert target is not None
    pages = render_quote(shipped.library, target)
    assert len(pages) > 1
    for page in pages:
        assert_within_limits(page)
    names = [f.name for page in pages for f in page.embeds[0].fields]
    brief = shipped.library.get()
    assert len(names) == sum(len(person.evidence) for person in brief.people)  # nothing cut to a snippet


def test_a_passage_longer_than_a_field_is_paged_not_cut(shipped: LoadResult) -> None:
    brief = shipped.library.get()
    long_point = KeyPoint(evidence=["word " * 400])
    changed = brief.model_copy(update={"key_points": [long_point]})
    assert brief.proof is not None
    changed._proof = dataclasses.replace(brief.proof, items={})  # no located passages: the evidence as given
    library = Library([changed])
    target = QuoteTarget(brief.id, brief.proof.version if brief.proof else "", "k1")
    pages = render_quote(library, target)
    fields = [f for page in pages for f in page.embeds[0].fields]
    assert len(fields) == 2 and fields[0].name.endswith("(part 1/2)")
    assert sum(f.value.count("word") for f in fields) == 400
    for page in pages:
        assert_within_limits(page)


def test_a_gone_or_changed_brief_is_said_kindly(shipped: LoadResult) -> None:
    gone = render_quote(shipped.library, QuoteTarget("no-such-brief", "00000000", "p1"))
    assert "no longer loaded" in render.pages_text(gone)
    changed = render_quote(shipped.library, QuoteTarget(shipped.library.get().id, "00000000", "p1"))
    assert "earlier version of the brief" in render.pages_text(changed)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["quote", "who", "name=bennett"], "Naftali Bennett · passage 7/7 · paragraph 9"),
        (["quote", "loans", "country=Germany"], "A reading, not the article's words"),
        (["quote", "digest"], "Key point 11 · passage 1/1 · paragraph 12"),
    ],
)
def test_preview_quote_prints_what_the_button_shows(
    argv: list[str], expected: str, dirs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", *argv, *dirs]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[Quote button custom_id: bq:israel-ukraine-defense-contact-group:")
    assert expected in out


def test_preview_quote_of_an_answer_without_facts(
    dirs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", "quote", "help", *dirs]) == 1
    assert main(["preview", "quote", "weather", *dirs]) == 2
    assert "or quote <command>" in capsys.readouterr().err


@pytest.mark.parametrize(("command", "options"), [("who", {}), ("loans", {}), ("aid", {}), ("brief", {})])
def test_an_answer_from_several_articles_offers_each_articles_facts(
    newsroom: LoadResult, command: str, options: dict[str, str]
) -> None:
    choices = quote_choices(command, newsroom.library, options)
    assert len(choices) >= 2 and quote_target(command, newsroom.library, options) is None
    assert len({choice.brief.id for choice in choices}) == len(choices)
    for choice in choices:
        assert choice.target.brief_id == choice.brief.id and len(choice.target.custom_id) <= CUSTOM_ID_LIMIT
        assert "passage 1/" in render.pages_text(render_quote(newsroom.library, choice.target))
    if command != "brief":
        found = getattr(newsroom.library, {"who": "people"}.get(command, command))(None)
        assert [c.brief for c in choices] == [g.brief for g in found.groups]  # the answer's order
    narrowed = quote_choices(command, newsroom.library, {**options, "brief": choices[-1].brief.id})
    assert [c.target for c in narrowed] == [choices[-1].target]


def test_preview_quote_across_the_library_prints_each_article(
    newsroom_dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    briefs, seeds = newsroom_dirs
    assert main(["preview", "quote", "who", "--briefs", str(briefs), "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"[Quote menu: 3 articles, {LIBRARY_ORDER}")
    assert out.count("[Quote button custom_id: bq:") == 3
