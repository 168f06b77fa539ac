"""The Quote button end to end: under every answer and digest, after a restart, after the pager times out."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app.client import Briefbot
from tests.conftest import make_library
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_commands import CHANNEL_MESSAGE, EPHEMERAL, ask, embeds_text
from tests.e2e.test_digests import press_after_a_restart
from tests.standin import DiscordStandIn

QUOTE_ID = re.compile(r"^bq:israel-ukraine-defense-contact-group:[0-9a-f]{8}:[kpaleq]")


def buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["label"]: c for row in message.get("components", []) for c in row["components"] if "label" in c}


async def test_every_answer_with_facts_has_a_quote_button(
    briefbot: Briefbot, standin: DiscordStandIn
) -> None:
    for command, options in (
        ("who", {"name": "bennett"}),
        ("loans", {}),
        ("aid", {}),
        ("events", {}),
        ("brief", {}),
    ):
        _, callback = await ask(standin, command, options)
        quote = buttons(callback.data)["Quote"]
        assert QUOTE_ID.match(quote["custom_id"]) and len(quote["custom_id"]) <= 100, command
    _, callback = await ask(standin, "help")
    assert "Quote" not in buttons(callback.data)


async def test_quote_shows_every_passage_its_sentence_paragraph_and_who_says_so(
    briefbot: Briefbot, standin: DiscordStandIn
) -> None:
    interaction, callback = await ask(standin, "who", {"name": "bennett"})
    assert "(+6 more passages, 4 with who says so: press Quote)" in embeds_text(callback.data)
    press = await standin.press_button(
        interaction, buttons(callback.data)["Quote"]["custom_id"], user="alice"
    )
    quoted = await standin.wait_for_callback(press, timeout=5)
    assert quoted.type == CHANNEL_MESSAGE and quoted.data["flags"] & EPHEMERAL  # anyone may look, privately
    text = embeds_text(quoted.data)
    assert quoted.data["embeds"][0]["title"].startswith("Quote: Israel sends Defense Min. official")
    assert "the article gives no date" in text
    for number, paragraph in ((1, 6), (3, 7), (5, 7), (6, 8)):
        assert f"Naftali Bennett · passage {number}/7 · paragraph {paragraph}" in text
    turn = await standin.press_button(press, buttons(quoted.data)["Next"]["custom_id"], user="alice")
    second = await standin.wait_for_callback(turn, timeout=5)  # the seventh passage, a page on
    assert "Naftali Bennett · passage 7/7 · paragraph 9" in embeds_text(second.data)
    assert "All three ministers’ spokespeople said" in embeds_text(second.data)
    assert "Who says so: “a senior diplomatic source said”" in text
    assert "between the West and Russian President Vladimir Putin" in text
    assert standin.violations == []


async def test_a_partial_passage_shows_its_sentence(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    interaction, callback = await ask(standin, "events")
    press = await standin.press_button(interaction, buttons(callback.data)["Quote"]["custom_id"], user="bob")
    pages = await standin.wait_for_callback(press, timeout=5)
    text = embeds_text(pages.data)
    assert "“Since the contact group first came together three months ago”" in text
    # the passage stands inside the quotation Austin's sentence opens (fourth reading #15)
    assert (
        "In the quotation it stands in, from the sentence that opens it: “Austin said the participants discussed"
        in text
    )
    assert "Who says so: “Austin said”" in text
    assert buttons(pages.data)["Next"]  # every fact's evidence does not fit one message: paged
    assert standin.violations == []


async def test_quote_stays_when_the_pager_times_out(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    briefbot.pager_timeout = 0.2
    interaction, callback = await ask(standin, "who")
    quote_id = buttons(callback.data)["Quote"]["custom_id"]
    edit = await standin.wait_for(
        lambda: next((e for e in standin.original_edits if e.interaction_id == interaction.id), None),
        timeout=5,
    )
    assert list(buttons(edit.body)) == ["Quote"]  # the page buttons went, the Quote button stayed
    press = await standin.press_button(interaction, quote_id, user="bob")
    quoted = await standin.wait_for_callback(press, timeout=5)
    assert "Quote:" in quoted.data["embeds"][0]["title"] and quoted.data["flags"] & EPHEMERAL


async def test_quote_under_a_digest_works_after_a_restart(standin: DiscordStandIn, tmp_path: Path) -> None:
    quoted = await press_after_a_restart(standin, tmp_path, "Quote")
    assert quoted.data["flags"] & EPHEMERAL
    assert "Key point 1 · passage 1/1 · paragraph 1" in embeds_text(quoted.data)
    assert standin.violations == []


async def test_a_quote_of_a_changed_brief_says_so(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    interaction, callback = await ask(standin, "loans")
    quote_id = buttons(callback.data)["Quote"]["custom_id"]
    stale = re.sub(r":[0-9a-f]{8}:", ":00000000:", quote_id)
    message = interaction.original
    assert message is not None
    message["components"][0]["components"][-1]["custom_id"] = stale  # as if posted before the brief changed
    press = await standin.press_button(interaction, stale, user="bob")
    quoted = await standin.wait_for_callback(press, timeout=5)
    assert "earlier version of the brief" in embeds_text(quoted.data)


# ---------------------------------------------------------------- answers drawn from several articles

MENU = 3  # a string select


def menus(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in message.get("components", []) for c in row["components"] if c["type"] == MENU]


@pytest.fixture
async def newsroom_bot(standin: DiscordStandIn, tmp_path: Path) -> AsyncIterator[Briefbot]:
    briefs, seeds = make_library(tmp_path / "newsroom", fixtures=True)
    settings = bot_settings(standin, tmp_path, briefs_dir=briefs, seeds_dir=seeds)
    async with running_bot(standin, settings) as bot:
        yield bot


@pytest.mark.parametrize(("command", "options"), [("loans", {}), ("who", {}), ("brief", {}), ("events", {})])
async def test_an_answer_from_several_articles_has_a_quote_menu_of_each_article(
    newsroom_bot: Briefbot, standin: DiscordStandIn, command: str, options: dict[str, str]
) -> None:
    interaction, callback = await ask(standin, command, options)
    assert "Quote" not in buttons(callback.data)  # one button could only name one article
    [menu] = menus(callback.data)
    found = newsroom_bot.library.people(None) if command == "who" else None
    values = [option["value"] for option in menu["options"]]
    briefs = [re.match(r"^bq:([a-z0-9-]+):[0-9a-f]{8}:[kpaleq]", value) for value in values]
    assert all(briefs) and all(len(value) <= 100 for value in values)
    ids = [match.group(1) for match in briefs if match]
    assert len(ids) == len(set(ids)) >= 2
    if found is not None:
        assert ids == [group.brief.id for group in found.groups]  # the answer's order, newest article first
    for value, brief_id in zip(values, ids, strict=True):
        chosen = await standin.press_button(
            interaction, menu["custom_id"], component_type=MENU, values=[value], user="alice"
        )
        quoted = await standin.wait_for_callback(chosen, timeout=5)
        assert quoted.type == CHANNEL_MESSAGE and quoted.data["flags"] & EPHEMERAL
        title = newsroom_bot.library.find(brief_id).title  # type: ignore[union-attr]
        assert quoted.data["embeds"][0]["title"].startswith(f"Quote: {title[:40]}")
        assert "passage 1/" in embeds_text(quoted.data)
    assert standin.violations == []


async def test_with_brief_the_answer_has_one_quote_button_and_no_menu(
    newsroom_bot: Briefbot, standin: DiscordStandIn
) -> None:
    _, callback = await ask(standin, "loans", {"brief": "fixture-val"})
    assert menus(callback.data) == []
    assert buttons(callback.data)["Quote"]["custom_id"].startswith("bq:fixture-valdoria-harbour-loan:")


async def test_the_quote_menu_stays_when_the_pager_times_out(
    newsroom_bot: Briefbot, standin: DiscordStandIn
) -> None:
    newsroom_bot.pager_timeout = 0.2
    interaction, callback = await ask(standin, "who")
    assert {"Previous", "Next"} <= set(buttons(callback.data)), "expected a paged answer"
    [menu] = menus(callback.data)
    edit = await standin.wait_for(
        lambda: next((e for e in standin.original_edits if e.interaction_id == interaction.id), None),
        timeout=5,
    )
    assert buttons(edit.body) == {} and [m["options"] for m in menus(edit.body)] == [menu["options"]]
    value = menu["options"][-1]["value"]
    chosen = await standin.press_button(interaction, menu["custom_id"], component_type=MENU, values=[value])
    quoted = await standin.wait_for_callback(chosen, timeout=5)
    assert quoted.data["embeds"][0]["title"].startswith("Quote:") and quoted.data["flags"] & EPHEMERAL
    assert standin.violations == []
