"""The shard tables (schema 17) on both backends: the count fixed once, claims with a fair share, pins,
expiry and takeover, IDENTIFY spacing. Several "processes" are several owners on one database; times are
given (epoch seconds), so nothing here waits."""

from __future__ import annotations

import asyncio

import pytest

from bot.storage import Database
from bot.storage.shards import DeliveryRateRefused, ShardCountRefused, ShardStore

A, B, C = "host-a:1:aaaa", "host-b:2:bbbb", "host-c:3:cccc"
T = 1_000_000.0
LEASE = 20.0


async def _join(store: ShardStore, owner: str, *, now: float = T, pinned: tuple[int, ...] = ()) -> int:
    fixed = await store.fix_count(
        owner, wanted=None, recommended=4, pinned=pinned, now=now, until=now + LEASE
    )
    return fixed.count


async def test_the_first_process_fixes_the_count_and_a_later_one_follows_or_is_refused(
    database: Database,
) -> None:
    store = ShardStore(database)
    first = await store.fix_count(A, wanted=None, recommended=3, now=T, until=T + LEASE)
    assert (first.count, first.fixed_by, first.fixed_now) == (3, A, True)
    # Discord recommends more now: a later process still runs the stored count.
    follows = await store.fix_count(B, wanted=None, recommended=8, now=T + 1, until=T + 1 + LEASE)
    assert (follows.count, follows.fixed_by, follows.fixed_now) == (3, A, False)
    same = await store.fix_count(C, wanted=3, recommended=8, now=T + 1, until=T + 1 + LEASE)
    assert same.count == 3
    with pytest.raises(
        ShardCountRefused, match=r"SHARD_COUNT is 5, but the processes on this database run 3"
    ):
        await store.fix_count(C, wanted=5, recommended=8, now=T + 2, until=T + 2 + LEASE)
    assert await store.count() == 3


async def test_a_new_count_replaces_the_stored_one_once_no_other_process_is_live(database: Database) -> None:
    store = ShardStore(database)
    await store.fix_count(A, wanted=2, recommended=1, now=T, until=T + LEASE)
    await store.claim(A, count=2, now=T, until=T + LEASE)
    await store.leave(A)
    await store.fix_count(B, wanted=None, recommended=1, now=T + 1, until=T + 1 + LEASE)  # B: live, follows 2
    with pytest.raises(ShardCountRefused):
        await store.fix_count(C, wanted=4, recommended=1, now=T + 2, until=T + 2 + LEASE)
    # B died (its presence expired): nobody is live, so C's count replaces the stored one.
    later = T + 1 + LEASE
    replaced = await store.fix_count(C, wanted=4, recommended=1, now=later, until=later + LEASE)
    assert (replaced.count, replaced.replaced, replaced.fixed_by) == (4, 2, C)
    assert await store.count() == 4 and await store.leases() == []


async def test_live_processes_share_the_shards_fairly_and_the_first_gives_up_its_excess(
    database: Database,
) -> None:
    store = ShardStore(database)
    assert await _join(store, A) == 4
    alone = await store.claim(A, count=4, now=T, until=T + LEASE)
    assert sorted(alone.tokens) == [0, 1, 2, 3] and alone.share == 4 and alone.give_up == []
    await _join(store, B, now=T + 1)
    joined = await store.claim(B, count=4, now=T + 1, until=T + 1 + LEASE)
    assert joined.tokens == {} and (joined.share, joined.live) == (2, 2)  # all held: it waits
    over = await store.claim(A, count=4, held=[0, 1, 2, 3], now=T + 2, until=T + 2 + LEASE)
    assert over.give_up == [3, 2] and over.tokens == {}
    assert await store.release(A, over.give_up) == 2
    taken = await store.claim(B, count=4, now=T + 3, until=T + 3 + LEASE)
    assert sorted(taken.tokens) == [2, 3] and taken.taken_from == {}  # let go, not taken over
    assert {(lease.shard_id, lease.owner) for lease in await store.leases()} == {
        (0, A),
        (1, A),
        (2, B),
        (3, B),
    }
    # A third process: at most ceil(4 / 3) = 2 each; nothing is free, and nobody is over.
    await _join(store, C, now=T + 4)
    third = await store.claim(C, count=4, now=T + 4, until=T + 4 + LEASE)
    assert third.tokens == {} and third.share == 2
    assert (await store.claim(A, count=4, held=[0, 1], now=T + 4, until=T + 4 + LEASE)).give_up == []


async def test_an_expired_lease_is_taken_over_and_its_old_owner_cannot_renew_it(database: Database) -> None:
    store = ShardStore(database)
    await _join(store, A)
    await store.claim(A, count=4, now=T, until=T + LEASE)
    await _join(store, B, now=T + 1)
    assert await store.renew(A, [0, 1, 2, 3], until=T + 5 + LEASE) == {0, 1, 2, 3}
    assert await store.next_expiry(other_than=B) == T + 5 + LEASE
    early = T + 4 + LEASE  # A's presence and leases still hold: B may not take anything
    assert (await store.claim(B, count=4, now=early, until=early + LEASE)).tokens == {}
    late = T + 5 + LEASE  # A died: everything of it has expired, B is the one live process
    taken = await store.claim(B, count=4, now=late, until=late + LEASE)
    assert sorted(taken.tokens) == [0, 1, 2, 3] and taken.share == 4
    assert taken.taken_from == dict.fromkeys([0, 1, 2, 3], A)
    assert all(token == 2 for token in taken.tokens.values())  # each the shard's second claim
    assert await store.renew(A, [0, 1, 2, 3], until=late + LEASE) == set()  # A came back: all lost
    assert await store.leave(B) == 4 and await store.leases() == []


async def test_a_pinned_shard_waits_for_its_holder_who_gives_it_up(database: Database) -> None:
    store = ShardStore(database)
    await _join(store, A)
    await store.claim(A, count=4, now=T, until=T + LEASE)
    await _join(store, C, now=T + 1, pinned=(1,))
    pinned = await store.claim(C, count=4, pinned=[1], now=T + 1, until=T + 1 + LEASE)
    assert pinned.tokens == {} and pinned.waiting_for == {1: A}
    # A: shard 1 is pinned elsewhere, and A is the one unpinned process: it keeps the other three.
    holder = await store.claim(A, count=4, held=[0, 1, 2, 3], now=T + 2, until=T + 2 + LEASE)
    assert holder.give_up == [1] and holder.share == 3
    await store.release(A, [1])
    assert (await store.claim(C, count=4, pinned=[1], now=T + 3, until=T + 3 + LEASE)).tokens == {1: 2}


async def test_identifies_of_one_bucket_go_a_window_apart_whoever_asks(database: Database) -> None:
    store = ShardStore(database)
    first = await store.reserve_identify(0, now=T, window=5)
    second = await store.reserve_identify(0, now=T + 1, window=5)  # another process, a second later
    third = await store.reserve_identify(0, now=T + 2, window=5)
    other_bucket = await store.reserve_identify(1, now=T + 2, window=5)
    after_a_pause = await store.reserve_identify(0, now=T + 60, window=5)
    assert (first, second, third, other_bucket, after_a_pause) == (T, T + 5, T + 10, T + 2, T + 60)


async def test_a_sqlite_start_forgets_the_leases_of_the_previous_run(database: Database) -> None:
    store = ShardStore(database)
    await _join(store, A)
    await store.claim(A, count=4, now=T, until=T + LEASE)
    assert await store.forget_processes() == 4
    assert await store.leases() == []
    assert await _join(store, B, now=T + 1) == 4  # the count stays; B may claim at once
    assert sorted((await store.claim(B, count=4, now=T + 1, until=T + 1 + LEASE)).tokens) == [0, 1, 2, 3]


async def test_on_postgresql_a_shard_claim_renewal_and_release_never_wait_for_another_processs_write_transaction(
    postgres_url: str,
) -> None:
    # PostgreSQL only (SQLite has one writer at a time). A slot's recording holds the database-wide write lock
    # for seconds; a shard claim waiting behind it could let another process's lease of the same shards lapse
    # or keep a dead process's shards unserved, so claims, like renewals, take only their rows' locks.
    first, second = await Database.open(postgres_url), await Database.open(postgres_url)
    store = ShardStore(first)
    holding, release = asyncio.Event(), asyncio.Event()

    async def recording_a_slot() -> None:  # another process's long write transaction
        async with second.transaction():
            holding.set()
            await release.wait()

    try:
        await _join(store, A)
        holder = asyncio.create_task(recording_a_slot())
        await holding.wait()
        try:
            claimed = await asyncio.wait_for(store.claim(A, count=4, now=T, until=T + LEASE), timeout=10)
            renewed = await asyncio.wait_for(store.renew(A, [0, 1], until=T + 2 * LEASE), timeout=10)
            released = await asyncio.wait_for(store.release(A, [3]), timeout=10)
        finally:
            release.set()
            await holder
    finally:
        await first.close()
        await second.close()
    assert sorted(claimed.tokens) == [0, 1, 2, 3] and renewed == {0, 1} and released == 1


async def test_the_live_processes_of_one_database_pace_at_one_rate(database: Database) -> None:
    """Discord counts its global limit per token, and each process spaces its shared permits by its own
    DELIVERY_RATE_PER_SECOND: one process at 450 beside one at 45 would take ten permits to the other's one,
    together far past the limit. A process whose rate differs from a live one's is refused at its start."""
    store = ShardStore(database)
    await store.fix_count(A, wanted=None, recommended=2, now=T, until=T + LEASE, rate_per_second=45.0)
    with pytest.raises(
        DeliveryRateRefused,
        match=r"DELIVERY_RATE_PER_SECOND is 450, but 1 live process on this database paces at 45 \(host-a:1:aaaa\)",
    ):
        await store.fix_count(
            B, wanted=None, recommended=2, now=T + 1, until=T + 1 + LEASE, rate_per_second=450.0
        )
    # The refused one joined nothing: only A shares the shards.
    same = await store.fix_count(
        C, wanted=None, recommended=2, now=T + 1, until=T + 1 + LEASE, rate_per_second=45.0
    )
    assert same.count == 2
    claimed = await store.claim(C, count=2, now=T + 1, until=T + 1 + LEASE)
    assert claimed.live == 2  # A and C
    # Once every process at 45 has gone (their presences expired), a new rate may start.
    later = T + 1 + LEASE
    await store.fix_count(
        B, wanted=None, recommended=2, now=later, until=later + LEASE, rate_per_second=450.0
    )
    with pytest.raises(DeliveryRateRefused, match=r"paces at 450"):
        await store.fix_count(
            A, wanted=None, recommended=2, now=later, until=later + LEASE, rate_per_second=45.0
        )
