"""The Quote button end to end: under every answer and digest, after a restart, after the pager times out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.app.client import Briefbot
from tests.e2e.test_commands import CHANNEL_MESSAGE, EPHEMERAL, ask, embeds_text
from tests.e2e.test_digests import press_after_a_restart
from tests.standin import DiscordStandIn

QUOTE_ID = re.compile(r"^bq:israel-ukraine-defense-contact-group:[0-9a-f]{8}:[kpaleq]")


def buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["label"]: c for row in message.get("components", []) for c in row["components"]}


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
    assert "(+6 more passages: press Quote)" in embeds_text(callback.data)
    press = await standin.press_button(
        interaction, buttons(callback.data)["Quote"]["custom_id"], user="alice"
    )
    quoted = await standin.wait_for_callback(press, timeout=5)
    assert quoted.type == CHANNEL_MESSAGE and quoted.data["flags"] & EPHEMERAL  # anyone may look, privately
    text = embeds_text(quoted.data)
    assert quoted.data["embeds"][0]["title"].startswith("Quote: Israel sends Defense Min. official")
    assert "the article gives no date" in text
    for number, paragraph in ((1, 13), (3, 14), (5, 14), (6, 15)):
        assert f"Naftali Bennett · passage {number}/7 · paragraph {paragraph}" in text
    turn = await standin.press_button(press, buttons(quoted.data)["Next"]["custom_id"], user="alice")
    second = await standin.wait_for_callback(turn, timeout=5)  # the seventh passage, a page on
    assert "Naftali Bennett · passage 7/7 · paragraph 16" in embeds_text(second.data)
    assert "All three ministers' spokespeople said" in embeds_text(second.data)
    assert "Who says so: “a senior diplomatic source said”" in text
    assert "between the West and Russian President Vladimir Putin" in text
    assert standin.violations == []


async def test_a_partial_passage_shows_its_sentence(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    interaction, callback = await ask(standin, "events")
    press = await standin.press_button(interaction, buttons(callback.data)["Quote"]["custom_id"], user="bob")
    pages = await standin.wait_for_callback(press, timeout=5)
    text = embeds_text(pages.data)
    assert "“Since the contact group first came together three months ago”" in text
    assert "In the sentence: “Austin said the participants discussed" in text
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
    assert "Key point 1 · passage 1/1 · paragraph 6" in embeds_text(quoted.data)
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
