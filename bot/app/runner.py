"""`briefbot run`: start the bot, stop it cleanly on SIGINT or SIGTERM, reload the briefs on SIGHUP."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal

import aiohttp
import discord

from bot.app.client import Briefbot
from bot.settings import Settings
from bot.storage import StorageError
from bot.storage.file_lock import DatabaseFileLock

log = logging.getLogger(__name__)


async def run_bot(settings: Settings) -> int:
    """Run until a signal or a fatal error; returns the process exit code.

    Refused (exit code 1, naming the other process) while another `briefbot run` uses the same SQLite file.
    """
    assert settings.discord_token is not None
    target = settings.database
    if isinstance(target, str):  # a PostgreSQL URL: several processes share it, no file to hold
        return await _run_holding_the_database(settings)
    database_lock = DatabaseFileLock(target)
    try:
        database_lock.acquire()
    except StorageError as exc:
        log.error("cannot start: %s", exc)
        return 1
    try:
        return await _run_holding_the_database(settings)
    finally:
        database_lock.release()


async def _run_holding_the_database(settings: Settings) -> int:
    assert settings.discord_token is not None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    bot = Briefbot(settings)
    loop.add_signal_handler(signal.SIGHUP, bot.request_reload, "SIGHUP")
    async with bot:
        try:
            await bot.login(settings.discord_token.get_secret_value())
        except discord.LoginFailure:
            log.error(
                "Discord refused the token (401). Reset it in the developer portal and update DISCORD_TOKEN."
            )
            return 1
        except StorageError as exc:
            log.error("cannot start: %s", exc)
            return 1
        except (aiohttp.ClientError, OSError, discord.GatewayNotFound) as exc:
            log.error("cannot reach Discord at %s: %s", discord.http.Route.BASE, exc)
            return 1
        # What is set up by now (the loaded library above all) lives as long as the process: frozen out of
        # the collector's full passes, which would otherwise walk every loaded brief, holding up answers,
        # whenever a reload's allocations set one off.
        gc.collect()
        gc.freeze()
        connection = asyncio.create_task(bot.connect(), name="discord-connection")
        stopping = asyncio.create_task(stop.wait(), name="stop-signal")
        done, _ = await asyncio.wait({connection, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if connection in done:
            stopping.cancel()
            error = connection.exception()
            if error is not None:
                log.error("the connection to Discord ended: %s", error, exc_info=error)
                return 1
            return 0
        log.info("signal received: shutting down")
        await bot.close()
        with contextlib.suppress(
            TimeoutError, asyncio.CancelledError, discord.DiscordException, aiohttp.ClientError
        ):
            await asyncio.wait_for(connection, timeout=settings.shutdown_grace_seconds + 5)
    log.info("stopped")
    return 0
