"""Every slash command through the real discord.py client and the local Discord stand-in."""

from __future__ import annotations

import re
from typing import Any

from bot.app.client import Briefbot
from tests.standin import DiscordStandIn

EPHEMERAL = 1 << 6
CHANNEL_MESSAGE = 4
AUTOCOMPLETE_RESULT = 8
UPDATE_MESSAGE = 7
NAME = re.compile(r"^[-_\w]{1,32}$")


def embeds_text(data: dict[str, Any]) -> str:
    parts = [data.get("content") or ""]
    for embed in data.get("embeds", []):
        parts += [
            embed.get("title", ""),
            embed.get("description", ""),
            embed.get("footer", {}).get("text", ""),
        ]
        parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


async def ask(standin: DiscordStandIn, command: str, options: dict[str, Any] | None = None, **kw: Any) -> Any:
    interaction = await standin.invoke_command(command, options or {}, **kw)
    return interaction, await standin.wait_for_callback(interaction, timeout=5)


async def test_synced_command_schemas(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    commands = {c["name"]: c for c in standin.synced_commands(standin.guild_id)}
    assert {"who", "aid", "loans", "brief", "events", "sources", "help"} <= set(commands)

    def check(item: dict[str, Any]) -> None:
        assert NAME.match(item["name"]) and item["name"] == item["name"].lower()
        assert 1 <= len(item["description"]) <= 100
        assert len(item.get("options", [])) <= 25
        for option in item.get("options", []):
            check(option)

    for command in commands.values():
        check(command)
    for name in ("who", "aid", "loans", "brief", "events", "sources", "help"):
        options = {o["name"]: o for o in commands[name]["options"]}
        if name != "help":  # /help is about no article
            assert options["brief"].get("autocomplete") is True
        assert options["private"]["type"] == 5  # boolean
    assert {o["name"] for o in commands["help"]["options"]} == {"private"}
    assert {o["name"] for o in commands["who"]["options"]} == {"name", "brief", "private"}
    assert commands["loans"]["options"][0]["name"] == "country"
    assert commands["loans"]["options"][0]["autocomplete"] is True


async def test_who_with_name(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    _, callback = await ask(standin, "who", {"name": "bennett"})
    assert callback.type == CHANNEL_MESSAGE
    text = embeds_text(callback.data)
    assert "Naftali Bennett" in text and "Prime Minister" in text
    assert "> “Prime Minister Naftali Bennett has also argued" in text
    assert "Jerusalem Post" in callback.data["embeds"][0]["footer"]["text"]
    assert callback.data["allowed_mentions"] == {"parse": []}
    assert not (callback.data.get("flags", 0) & EPHEMERAL)


async def test_loans_by_country_private(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    _, callback = await ask(standin, "loans", {"country": "Japan", "private": True})
    assert callback.data["flags"] & EPHEMERAL
    text = embeds_text(callback.data)
    assert "Loan made · Japan → Ukraine: $600 million" in text
    assert "USD" not in text
    assert "Germany" not in text.split("\n", 1)[0]


async def test_every_command_answers(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    expected = {
        "aid": "Not given · Israel → Ukraine: military aid",
        "loans": "Loan made (a reading) · Canada → Ukraine: $800 million",
        "brief": "Key point 1",
        "events": "A high-level Israeli Defense Ministry official took part in a US-led meeting of 50 countries",
        "sources": "Jerusalem Post",
        "help": "/loans [country]",
    }
    for command, words in expected.items():
        _, callback = await ask(standin, command)
        assert callback.type == CHANNEL_MESSAGE, command
        assert words in embeds_text(callback.data), command


async def test_us_alias(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    _, callback = await ask(standin, "aid", {"country": "USA"})
    assert "United States → Ukraine: MILITARY AID" in embeds_text(callback.data)


async def test_unknown_inputs_get_suggestions(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    _, callback = await ask(standin, "who", {"name": "Benet"})
    text = embeds_text(callback.data)
    assert "No person found" in text and "Naftali Bennett" in text
    _, callback = await ask(standin, "loans", {"country": "Japn"})
    assert "Did you mean **Japan**?" in embeds_text(callback.data)
    _, callback = await ask(standin, "brief", {"brief": "no-such-brief"})
    assert "No brief's id or title starts with" in embeds_text(callback.data)


async def test_autocomplete(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    interaction = await standin.autocomplete("who", {"name": "ben"}, focused="name")
    callback = await standin.wait_for_callback(interaction, timeout=5)
    assert callback.type == AUTOCOMPLETE_RESULT
    names = [c["value"] for c in callback.data["choices"]]
    assert set(names) == {"Naftali Bennett", "Benny Gantz", "Alex Ben-Zvi"}
    interaction = await standin.autocomplete("loans", {"country": ""}, focused="country")
    choices = (await standin.wait_for_callback(interaction, timeout=5)).data["choices"]
    assert 0 < len(choices) <= 25
    assert {"Israel", "Japan", "Germany", "Canada"} <= {c["value"] for c in choices}
    interaction = await standin.autocomplete("brief", {"brief": "israel"}, focused="brief")
    choices = (await standin.wait_for_callback(interaction, timeout=5)).data["choices"]
    assert [c["value"] for c in choices] == ["israel-ukraine-defense-contact-group"]


async def test_autocomplete_ranks_as_the_answer_does(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    # One ranking rule: the suggestions come in the order `/who` lists the people, whole words first.
    interaction = await standin.autocomplete("who", {"name": "ben"}, focused="name")
    choices = (await standin.wait_for_callback(interaction, timeout=5)).data["choices"]
    assert [c["value"] for c in choices] == ["Alex Ben-Zvi", "Benny Gantz", "Naftali Bennett"]
    _, callback = await ask(standin, "who", {"name": "ben"})
    text = embeds_text(callback.data)
    assert text.index("Alex Ben-Zvi") < text.index("Benny Gantz") < text.index("Naftali Bennett")


async def test_pages_turn_for_the_invoker_only(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    interaction, callback = await ask(standin, "who", user="bob")
    first = callback.data
    assert first["embeds"][0]["footer"]["text"].endswith("page 1/2")
    buttons = {c["label"]: c for c in first["components"][0]["components"]}
    assert buttons["Previous"]["disabled"] is True

    stranger = await standin.press_button(interaction, buttons["Next"]["custom_id"], user="alice")
    refused = await standin.wait_for_callback(stranger, timeout=5)
    assert refused.type == CHANNEL_MESSAGE and refused.data["flags"] & EPHEMERAL
    assert "Only the person who asked" in refused.data["content"]

    press = await standin.press_button(interaction, buttons["Next"]["custom_id"], user="bob")
    turned = await standin.wait_for_callback(press, timeout=5)
    assert turned.type == UPDATE_MESSAGE
    assert turned.data["embeds"][0]["footer"]["text"].endswith("page 2/2")
    first_names = {f["name"] for f in first["embeds"][0]["fields"]}
    second_names = {f["name"] for f in turned.data["embeds"][0]["fields"]}
    assert not first_names & second_names and len(first_names | second_names) == 8
    next_button = next(c for c in turned.data["components"][0]["components"] if c["label"] == "Next")
    assert next_button["disabled"] is True


async def test_pager_removes_its_buttons_on_timeout(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    briefbot.pager_timeout = 0.2
    interaction, _ = await ask(standin, "who")
    await standin.wait_for(
        lambda: any(
            e.interaction_id == interaction.id
            and [c["label"] for row in e.body.get("components", []) for c in row["components"]] == ["Quote"]
            for e in standin.original_edits
        ),
        timeout=5,
    )


async def test_exception_in_a_command_reaches_the_user_kindly(
    briefbot: Briefbot, standin: DiscordStandIn, caplog: Any, monkeypatch: Any
) -> None:
    import bot.app.cogs.briefs as cog

    def explode(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("boom: the detail stays in the log")

    monkeypatch.setattr(cog, "answer", explode)
    _, callback = await ask(standin, "who", {"name": "bennett"})
    assert callback.data["flags"] & EPHEMERAL
    assert "Sorry, something went wrong" in callback.data["content"]
    assert "boom" not in callback.data["content"]
    assert "boom: the detail stays in the log" in caplog.text


async def test_answers_after_reconnect_and_dropped_connection(
    briefbot: Briefbot, standin: DiscordStandIn
) -> None:
    await standin.send_reconnect()
    _, callback = await ask(standin, "who", {"name": "gantz"})
    assert "Benny Gantz" in embeds_text(callback.data)

    before = standin.handshake_count
    await standin.drop_connection()
    await standin.wait_until_identified(since=before)
    assert standin.gateway.handshakes[-1].kind == "resume"
    _, callback = await ask(standin, "loans", {"country": "Canada"})
    assert "Canada → Ukraine" in embeds_text(callback.data)


async def test_no_privileged_intents_and_no_mentions(briefbot: Briefbot, standin: DiscordStandIn) -> None:
    identify = next(frame for frame in standin.gateway.received if frame.get("op") == 2)
    privileged = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content
    assert identify["d"]["intents"] & privileged == 0
    assert briefbot.allowed_mentions is not None
    assert briefbot.allowed_mentions.to_dict() == {"parse": []}


def message_bodies(standin: DiscordStandIn) -> list[tuple[str, dict[str, Any]]]:
    """Every message the bot created or edited: interaction answers and updates, followups, webhook edits and
    channel posts, with the route they went to."""
    bodies: list[tuple[str, dict[str, Any]]] = []
    for request in standin.requests:
        route = request.route or ""
        if request.method not in ("POST", "PATCH") or not isinstance(request.json, dict):
            continue
        if route.endswith("/callback") and request.json.get("type") in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
            bodies.append((f"callback {request.json['type']}", request.json["data"]))
        elif route.startswith(("/webhooks/", "/channels/{channel_id}/messages")):
            bodies.append((f"{request.method} {route}", request.json))
    return bodies


async def test_no_message_can_mention_anyone(
    briefbot: Briefbot, standin: DiscordStandIn, monkeypatch: Any
) -> None:
    # Set once on the client; discord.py merges it into every kind of send and edit the bot makes.
    briefbot.pager_timeout = 0.2
    interaction, callback = await ask(standin, "who", user="bob")
    next_id = next(c for c in callback.data["components"][0]["components"] if c["label"] == "Next")[
        "custom_id"
    ]
    await standin.wait_for_callback(await standin.press_button(interaction, next_id, user="alice"))
    await standin.wait_for_callback(await standin.press_button(interaction, next_id, user="bob"))
    await standin.wait_for(lambda: any(e.interaction_id == interaction.id for e in standin.original_edits))
    news = standin.channel_id("news")
    await ask(standin, "digest preview", {"channel": news}, user="alice")
    await ask(standin, "digest now", {"channel": news}, user="alice")
    await standin.wait_for(lambda: standin.messages[news], timeout=10)
    await standin.wait_for(lambda: standin.followups, timeout=5)
    import bot.app.cogs.briefs as cog

    monkeypatch.setattr(cog, "answer", lambda *_args, **_kwargs: 1 / 0)
    await ask(standin, "brief")

    kinds = {kind for kind, _ in message_bodies(standin)}
    assert kinds >= {
        "callback 4",
        "callback 7",
        "POST /webhooks/{webhook_id}/{webhook_token}",
        "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original",
        "POST /channels/{channel_id}/messages",
    }
    for kind, body in message_bodies(standin):
        assert body.get("allowed_mentions") == {"parse": []}, kind
