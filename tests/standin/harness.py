"""Running the real discord.py client against a ``DiscordStandIn``.

``pointing_discord_at(standin)`` redirects discord.py's REST base and gateway URL (process-global,
restored on exit). ``run_bare_bot(standin)`` connects a bare ``discord.Client`` with one slash command
answering a constant string: the baseline the benchmarks compare Briefbot with.
"""

# ruff: noqa: ASYNC109 - helpers take ``timeout=`` like the stand-in's own API

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator

import discord
import discord.gateway
import discord.http
import yarl
from discord import app_commands

from tests.standin.server import DiscordStandIn

FAKE_TOKEN = "fake.token.value"


@contextlib.contextmanager
def pointing_discord_at(standin: DiscordStandIn) -> Iterator[None]:
    """Points discord.py's ``Route.BASE`` (REST, callbacks, followups) and gateway at the stand-in."""
    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = standin.base_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(standin.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


class BareBot(discord.Client):
    """A discord.Client whose only command, ``/<command> [name]``, answers ``reply``."""

    def __init__(self, *, guild_id: int, command: str = "who", reply: str = "pong") -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.05)
        self.tree = app_commands.CommandTree(self)
        self.guild_id = guild_id
        self.answered = 0
        # Set by a test that decides when the command answers (each interaction waits for it, then clears).
        self.hold: asyncio.Event | None = None
        self.received = asyncio.Event()  # an interaction reached the command

        @self.tree.command(name=command, description="Answers a constant string.")
        @app_commands.describe(name="Anything; ignored.")
        async def constant(interaction: discord.Interaction, name: str | None = None) -> None:
            self.received.set()
            if self.hold is not None:
                await self.hold.wait()
                self.hold.clear()
            await interaction.response.send_message(reply)
            self.answered += 1

    async def setup_hook(self) -> None:
        guild = discord.Object(self.guild_id)
        self.tree.copy_global_to(guild=guild)
        await self.tree.sync()
        await self.tree.sync(guild=guild)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # discord.py sleeps 5 s before a re-IDENTIFY; nothing to wait for against a stand-in.
        return None


async def connect_client(
    client: discord.Client, *, token: str = FAKE_TOKEN, timeout: float = 10.0
) -> asyncio.Task[None]:
    """Logs ``client`` in, runs ``connect()`` as a task and waits for ``on_ready``.

    Raises whatever ``connect()`` raised if it died before ready, TimeoutError if ready never came.
    """
    await client.login(token)
    task = asyncio.create_task(client.connect())
    ready = asyncio.create_task(client.wait_until_ready())
    done, _ = await asyncio.wait({task, ready}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        ready.cancel()
        if task in done:
            task.result()  # re-raises the connect() failure
            raise RuntimeError("connect() ended before the client was ready")
        task.cancel()
        raise TimeoutError("discord.py did not become ready against the stand-in")
    return task


async def close_client(client: discord.Client, task: asyncio.Task[None], *, timeout: float = 5.0) -> None:
    await client.close()
    try:
        await asyncio.wait_for(task, timeout)
    except (TimeoutError, asyncio.CancelledError):
        task.cancel()


@contextlib.asynccontextmanager
async def run_bare_bot(
    standin: DiscordStandIn,
    *,
    command: str = "who",
    reply: str = "pong",
    token: str = FAKE_TOKEN,
) -> AsyncIterator[BareBot]:
    """A connected, ready ``BareBot``; closed on exit.

    Any token logs in as the stand-in's default application. For a second bot on the same stand-in at
    the same time, ``standin.register_bot(token)`` first and pass that ``token``.
    """
    with pointing_discord_at(standin):
        client = BareBot(guild_id=standin.guild_id, command=command, reply=reply)
        task = await connect_client(client, token=token)
        try:
            yield client
        finally:
            await close_client(client, task)
