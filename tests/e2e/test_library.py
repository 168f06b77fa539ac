"""A library of three articles (the shipped one and two fixture articles) through the real client and stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app.client import Briefbot
from bot.briefs.render import LIBRARY_ORDER
from tests.conftest import SHIPPED_ID, make_library
from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_commands import AUTOCOMPLETE_RESULT, ask, embeds_text
from tests.standin import DiscordStandIn

LOAN = "fixture-valdoria-harbour-loan"
OPENS_TITLE = "Fixture article: Ostmark opens the Port Lumen harbour"


@pytest.fixture
async def newsroom_bot(standin: DiscordStandIn, tmp_path: Path) -> AsyncIterator[Briefbot]:
    briefs, seeds = make_library(tmp_path / "newsroom", fixtures=True)
    async with running_bot(
        standin, bot_settings(standin, tmp_path, briefs_dir=briefs, seeds_dir=seeds)
    ) as bot:
        assert len(bot.library) == 3
        yield bot
    assert standin.violations == []


async def test_every_command_answers_across_the_library(
    newsroom_bot: Briefbot, standin: DiscordStandIn
) -> None:
    for command, options, words in (
        ("who", {"name": "bennett"}, "Naftali Bennett"),  # the README's examples
        ("loans", {"country": "Japan"}, "Loan made · Japan → Ukraine: $600 million"),
        ("who", {"name": "quill"}, "Finance Minister"),
        ("aid", {}, f"From 2 articles, {LIBRARY_ORDER}."),
        ("events", {}, "Prime Minister Mara Quill opened the harbour\nIn “Fixture article"),
        ("events", {}, "Where: Port Lumen\nWhen: Friday"),
        ("brief", {}, OPENS_TITLE),
        ("sources", {}, OPENS_TITLE),
        ("help", {}, "/digest"),
    ):
        _, callback = await ask(standin, command, options)
        assert words in embeds_text(callback.data), command
    _, callback = await ask(standin, "who", {"name": "quill"})
    fields = callback.data["embeds"][0]["fields"]
    assert [f["name"] for f in fields] == ["Mara Quill", "Mara Quill"] and all(f["inline"] for f in fields)


async def test_brief_by_partial_id_and_by_title(newsroom_bot: Briefbot, standin: DiscordStandIn) -> None:
    _, callback = await ask(standin, "who", {"brief": "fixture-val"})
    text = embeds_text(callback.data)
    assert "Finance Minister" in text and "Naftali Bennett" not in text
    _, callback = await ask(standin, "loans", {"brief": "Israel sends"})
    assert "Japan → Ukraine" in embeds_text(callback.data) and "Valdoria" not in embeds_text(callback.data)
    _, callback = await ask(standin, "who", {"name": "bennett", "brief": LOAN})
    assert "Found in “Israel sends" in embeds_text(callback.data)


async def test_autocomplete_offers_titles_with_dates_and_names_of_every_article(
    newsroom_bot: Briefbot, standin: DiscordStandIn
) -> None:
    interaction = await standin.autocomplete("who", {"brief": "fixture"}, focused="brief")
    callback = await standin.wait_for_callback(interaction, timeout=5)
    assert callback.type == AUTOCOMPLETE_RESULT
    choices = callback.data["choices"]
    assert [c["value"] for c in choices] == ["fixture-ostmark-harbour-opens", LOAN]
    assert choices[0]["name"].startswith(OPENS_TITLE) and "2026-11-27" in choices[0]["name"]
    assert "20 Nov 2026" in choices[1]["name"]
    assert all(len(c["name"]) <= 100 for c in choices)
    interaction = await standin.autocomplete("who", {"name": ""}, focused="name")
    names = {c["value"] for c in (await standin.wait_for_callback(interaction, timeout=5)).data["choices"]}
    assert {"Mara Quill", "Ivo Tarn", "Naftali Bennett"} <= names
    interaction = await standin.autocomplete("who", {"name": "", "brief": LOAN}, focused="name")
    names = {c["value"] for c in (await standin.wait_for_callback(interaction, timeout=5)).data["choices"]}
    assert names == {"Mara Quill"}
    interaction = await standin.autocomplete("aid", {"country": "jap"}, focused="country")
    assert (await standin.wait_for_callback(interaction, timeout=5)).data["choices"] == []
    interaction = await standin.autocomplete("loans", {"country": "jap"}, focused="country")
    choices = (await standin.wait_for_callback(interaction, timeout=5)).data["choices"]
    assert [c["value"] for c in choices] == ["Japan"]
    _ = SHIPPED_ID
