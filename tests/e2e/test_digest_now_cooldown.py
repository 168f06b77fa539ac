"""`/digest now` once per cooldown per server, through the stand-in: read on Discord's clock (the
interaction's snowflake), answered with how long to wait, and a refusal does not use the server's turn."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import bot_settings, running_bot
from tests.e2e.test_digests import EMBED_LINKS, SEND_MESSAGES, ask
from tests.standin import DiscordStandIn


async def test_digest_now_has_a_cooldown_per_server(standin: DiscordStandIn, tmp_path: Path) -> None:
    other_server = standin.add_guild("Other server")
    news, other_news = standin.channel_id("news"), standin.channel_id("news", guild_id=other_server)
    muted = standin.add_text_channel("muted", deny_bot=SEND_MESSAGES | EMBED_LINKS)
    standin.freeze_clock()  # Discord's clock stands still unless the test moves it
    settings = bot_settings(standin, tmp_path, discord_guild_id=None, digest_now_cooldown="90s")
    async with running_bot(standin, settings):
        # A refusal queues nothing, so it does not use the server's turn.
        refused = await ask(standin, "digest now", {"channel": muted}, user="alice")
        assert "I am missing" in refused
        assert "on its way" in await ask(standin, "digest now", {"channel": news}, user="alice")

        again = await ask(standin, "digest now", {"channel": news}, user="alice")
        assert again == (
            "A digest was asked for in this server a moment ago, and `/digest now` works once every "
            "90 seconds in a server. Please try again in 90 seconds."
        )
        standin.shift_now(30)
        assert "try again in 60 seconds" in await ask(standin, "digest now", {"channel": news}, user="alice")

        # Another server is not held back by this one's cooldown.
        queued = await ask(
            standin, "digest now", {"channel": other_news}, user="alice", guild_id=other_server
        )
        assert "on its way" in queued

        standin.shift_now(61)
        assert "on its way" in await ask(standin, "digest now", {"channel": news}, user="alice")
        await standin.wait_for(lambda: len(standin.messages[news]) == 2, timeout=10)
        await standin.wait_for(lambda: len(standin.messages[other_news]) == 1, timeout=10)
    assert standin.violations == []
