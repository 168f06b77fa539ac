"""A slot's fan-out through several real `briefbot run` processes on one PostgreSQL database and one token.

A gate in the stand-in holds the digest sends (after the rate limits counted them, before they are applied)
until every process has one in flight: otherwise the first process to start could send a small slot alone
before the others are up. Each process claims at most 64 rows at a time, so a slot of more than 64 rows per
process but the last leaves every process some.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.storage import Database, DeliveryLedger
from tests.cluster.conftest import MESSAGES, SHARD_LEASE, STEP, Cluster

CATCH_UP = re.compile(r"digests started; catch-up: (\d+) to send")


def catch_up(output: str) -> int:
    """How many rows the process's start-up catch-up recorded."""
    found = CATCH_UP.search(output)
    assert found is not None, output
    return int(found.group(1))


def assert_each_channel_posted_once(cluster: Cluster, channels: list[int]) -> None:
    standin = cluster.standin
    assert standin.message_counts(author_id=standin.me.id) == {c: 1 for c in channels}
    assert standin.counters["duplicates"] == 0  # no nonce stored twice
    # (How close to Discord's limit the processes together send, 429s included, is bench/cluster.py's.)
    assert standin.violations == []


async def test_two_processes_record_the_slot_once_and_share_its_fan_out(cluster: Cluster) -> None:
    channels = await cluster.subscribe(80)
    gate = cluster.standin.hold_requests(MESSAGES)
    bots = await cluster.start(2)  # started together: both record the slot at start
    await cluster.standin.wait_for(lambda: gate.ports() == {b.port for b in bots}, STEP)
    gate.open()
    await cluster.settled(channels)
    assert await cluster.stop() == {"bot-1": 0, "bot-2": 0}

    assert_each_channel_posted_once(cluster, channels)
    # Each recorded the slot; the second recorder added nothing: one row per channel.
    assert sorted(catch_up(bot.output()) for bot in bots) == [0, len(channels)]
    database = await Database.open(cluster.database_url)
    try:
        assert await DeliveryLedger(database).count("sent") == len(channels)
    finally:
        await database.close()
    # The fan-out was shared: each process posted part of it. (A channel may have been posted to by both:
    # a process starved of CPU past its lease is taken over, and the resend is answered by its nonce.)
    sent = [set(cluster.sent_by(bot)) for bot in bots]
    assert all(sent) and sent[0] | sent[1] == set(channels)


async def test_three_processes_one_killed_mid_fan_out_the_others_finish_its_rows_and_take_its_shards(
    cluster: Cluster,
) -> None:
    standin = cluster.standin
    channels = await cluster.subscribe(150)
    gate = standin.hold_requests(MESSAGES)
    bots = await cluster.start(3, SHARD_COUNT="3", SHARD_LEASE=SHARD_LEASE)
    # Each has its fair share of the 3 shards connected (one each), and a digest send in flight.
    await standin.wait_for(
        lambda: (
            gate.ports() == {b.port for b in bots}
            and sorted(map(len, cluster.shards().values())) == [1, 1, 1]
        ),
        STEP,
    )
    # Mid fan-out: a third of the channels have their digest; the creates after them are held unapplied
    # (so the processes die holding rows in flight, however fast the rest went), the rest claimed or pending.
    standin.hold_message_creates_after = len(channels) // 3
    gate.open()
    await standin.wait_for(lambda: standin.hanging, STEP)
    database = await Database.open(cluster.database_url)
    try:
        ledger = DeliveryLedger(database)
        leases = await ledger.leases.live()
        # The busiest now among those running a shard at this moment, both read from one look: on a loaded
        # machine a process may be between sessions of its shard (a lapsed lease closed, or a reconnect), and
        # the one picked must die holding a shard.
        running = cluster.shards()
        victim = max(
            (bot for bot in bots if running[bot.name]),
            key=lambda bot: sum(bot.owns(lease) for lease in leases),
        )
        survivors = [bot for bot in bots if bot is not victim]
        victim_shard = min(running[victim.name])
        await cluster.kill(victim)
        killed_at = standin.clock()
        orphaned = {lease.channel_id for lease in await ledger.leases.live() if victim.owns(lease)}
        assert orphaned  # it died holding rows: claimed, in flight, or sent but not recorded
        standin.hold_message_creates_after = None
        standin.release_hanging()
        # Its shard is taken by a survivor once its lease lapsed: a new session of it, on a survivor's port.
        await standin.wait_for(
            lambda: any(victim_shard in cluster.shards()[bot.name] for bot in survivors), STEP
        )
        await cluster.settled(channels)
        shards, sessions = cluster.shards(), cluster.sessions_per_shard()
        assert await ledger.count("sent") == len(channels)
        async with database.read() as connection:
            rows = await connection.fetch("SELECT channel_id, token FROM send_leases")
        tokens = {int(row["channel_id"]): int(row["token"]) for row in rows}
    finally:
        await database.close()
    assert await cluster.stop() == {bot.name: 0 for bot in survivors}

    assert_each_channel_posted_once(cluster, channels)
    # Each of the dead process's rows was claimed again once its lease lapsed, and sent by a survivor with
    # the same nonce (a send that had landed before the kill is answered by its nonce, adding nothing).
    assert all(tokens[c] >= 2 for c in orphaned), tokens
    resent = Counter(c for bot in survivors for c in cluster.sent_by(bot, after=killed_at))
    assert orphaned <= set(resent)
    # No shard ever had two live sessions (a survivor identified the dead one's shard only after its lease
    # lapsed, and nobody else identified a shard in use), and at the end each has one, held by a survivor,
    # which says it took it over.
    assert standin.gateway.shard_overlaps == []
    assert sessions == {0: 1, 1: 1, 2: 1}
    assert sorted(shards) == sorted(bot.name for bot in survivors)
    taker = next(bot for bot in survivors if victim_shard in shards[bot.name])
    victim_identity = f":{victim.pid}:"
    assert any(
        f"shard {victim_shard} taken over from" in line and victim_identity in line
        for line in taker.output().splitlines()
    ), taker.output()
