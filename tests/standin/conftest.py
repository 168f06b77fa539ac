"""Fixtures for the stand-in's own tests (other suites use ``tests.standin.harness`` directly)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.standin import DiscordStandIn
from tests.standin.harness import BareBot, run_bare_bot


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn() as running:
        yield running


@pytest.fixture
async def bare_bot(standin: DiscordStandIn) -> AsyncIterator[BareBot]:
    async with run_bare_bot(standin) as bot:
        yield bot
