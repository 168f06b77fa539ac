"""Which briefs go into a digest: the one rule, without a database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.delivery.contents import NO_BRIEFS, NOTHING_NEW, DigestContents, contents_rule, digest_contents

BRIEFS = ["b5", "b4", "b3", "b2", "b1"]  # newest first


def test_new_briefs_newest_first_capped() -> None:
    contents = digest_contents(BRIEFS, {"b5"}, {"b4"}, max_briefs=2, when_nothing_new="skip")
    assert contents == DigestContents(("b3", "b2"))


def test_briefs_held_by_pending_digests_are_not_chosen_again() -> None:
    # A digest waiting for its retry holds b5 and b4: the next one must not repeat them.
    assert digest_contents(BRIEFS, set(), {"b5", "b4"}, max_briefs=3, when_nothing_new="skip").brief_ids == (
        "b3",
        "b2",
        "b1",
    )


def test_nothing_new_is_skipped_with_the_reason_or_repeats_the_newest() -> None:
    everything = set(BRIEFS)
    skipped = digest_contents(BRIEFS, everything, set(), max_briefs=3, when_nothing_new="skip")
    assert skipped == DigestContents((), skip_reason=NOTHING_NEW)
    repeated = digest_contents(BRIEFS, {"b5"}, everything, max_briefs=3, when_nothing_new="repeat-latest")
    assert repeated == DigestContents(("b5",), repeated=True)


def test_no_briefs_at_all_is_skipped_even_when_repeating() -> None:
    for policy in ("skip", "repeat-latest"):
        assert digest_contents([], set(), set(), max_briefs=3, when_nothing_new=policy) == DigestContents(
            (), skip_reason=NO_BRIEFS
        )


def test_max_briefs_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        digest_contents(BRIEFS, set(), set(), max_briefs=0, when_nothing_new="skip")


def test_the_bound_rule_is_the_same_rule() -> None:
    rule = contents_rule(max_briefs=2, when_nothing_new="repeat-latest")
    assert rule(BRIEFS, {"b5"}, set()) == digest_contents(
        BRIEFS, {"b5"}, set(), max_briefs=2, when_nothing_new="repeat-latest"
    )


ids = st.sampled_from([f"b{i}" for i in range(8)])


@given(
    available=st.lists(ids, max_size=10),
    delivered=st.sets(ids),
    reserved=st.sets(ids),
    max_briefs=st.integers(1, 4),
    policy=st.sampled_from(["skip", "repeat-latest"]),
)
def test_a_digest_never_carries_a_brief_twice_or_one_already_had(
    available: list[str], delivered: set[str], reserved: set[str], max_briefs: int, policy: str
) -> None:
    contents = digest_contents(
        available,
        delivered,
        reserved,
        max_briefs=max_briefs,
        when_nothing_new="repeat-latest" if policy == "repeat-latest" else "skip",
    )
    chosen = contents.brief_ids
    assert len(chosen) == len(set(chosen)) <= max_briefs
    fresh = [b for b in dict.fromkeys(available) if b not in delivered | reserved]
    if fresh:
        assert list(chosen) == fresh[:max_briefs] and not contents.repeated and contents.skip_reason is None
    elif available and policy == "repeat-latest":
        assert chosen == (available[0],) and contents.repeated
    else:
        assert chosen == () and contents.skip_reason in (NOTHING_NEW, NO_BRIEFS)
