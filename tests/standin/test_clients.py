"""What the cluster tests and bench/cluster.py need of the stand-in: telling clients apart by port, holding
every client's sends in flight at once (a gate), and failing a fraction of sends after storing them."""

from __future__ import annotations

import asyncio

import aiohttp

from tests.standin import DiscordStandIn

TOKEN = {"Authorization": "Bot one.shared.token"}
MESSAGES = "POST /channels/{channel_id}/messages"


async def test_each_port_is_the_same_discord_and_each_request_says_which_port_it_came_in_on() -> None:
    async with DiscordStandIn() as standin:
        channel = standin.channel_id("news")
        second = await standin.listen_again()
        assert second != standin.base_url and standin.ports[0] == standin.port
        async with aiohttp.ClientSession(headers=TOKEN) as http:
            for base in (standin.base_url, second):
                async with http.post(f"{base}/channels/{channel}/messages", json={"content": "hi"}) as answer:
                    assert answer.status == 200
        assert len(standin.messages[channel]) == 2  # one Discord behind both
        assert [r.port for r in standin.requests] == standin.ports


async def test_a_gate_holds_sends_before_they_are_applied_until_it_opens() -> None:
    async with DiscordStandIn() as standin:
        channel = standin.channel_id("news")
        second = await standin.listen_again()
        gate = standin.hold_requests(MESSAGES)
        async with aiohttp.ClientSession(headers=TOKEN) as http:

            async def send(base: str) -> int:
                async with http.post(f"{base}/channels/{channel}/messages", json={"content": "x"}) as answer:
                    return answer.status

            sends = [asyncio.ensure_future(send(base)) for base in (standin.base_url, second)]
            await standin.wait_for(lambda: gate.ports() == set(standin.ports), timeout=10)
            assert standin.messages[channel] == [] and not any(s.done() for s in sends)
            async with http.get(f"{standin.base_url}/users/@me") as answer:  # other routes go through
                assert answer.status == 200
            gate.open()
            assert await asyncio.gather(*sends) == [200, 200]
        assert len(standin.messages[channel]) == 2
        assert [h.port for h in sorted(gate.held, key=lambda h: h.port)] == sorted(standin.ports)


async def test_a_fraction_of_sends_is_stored_then_answered_502_for_as_long_as_it_runs() -> None:
    async with DiscordStandIn(enforce_rate_limits=False) as standin:
        channels = standin.register_channels(200)
        standin.fail_after_applying(MESSAGES, status=502, fraction=0.25, seed=7)
        statuses = []
        async with aiohttp.ClientSession(headers=TOKEN) as http:
            for channel in channels:
                async with http.post(
                    f"{standin.base_url}/channels/{channel}/messages", json={"content": "x"}
                ) as answer:
                    statuses.append(answer.status)
        failed = statuses.count(502)
        assert set(statuses) == {200, 502} and 20 < failed < 80  # 50 expected; seeded, so always the same
        assert all(standin.messages[c] for c in channels)  # every one was stored, failed or not
        assert standin.counters["applied_then_failed"] == failed
