"""Which briefs go into a digest: the one rule, without a database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.delivery.contents import (
    NO_BRIEFS,
    NONE_FOLLOWED,
    NOTHING_NEW,
    DigestContents,
    contents_rule,
    digest_contents,
)

BRIEFS = ["b5", "b4", "b3", "b2", "b1"]  # newest first


def had(*brief_ids: str, version: str | None = None) -> dict[str, str | None]:
    """What a channel was delivered: these briefs, at `version` (None: before versions were kept)."""
    return dict.fromkeys(brief_ids, version)


def test_new_briefs_newest_first_capped() -> None:
    contents = digest_contents(BRIEFS, had("b5"), {"b4"}, max_briefs=2, when_nothing_new="skip")
    assert contents == DigestContents(("b3", "b2"))


def test_briefs_held_by_pending_digests_are_not_chosen_again() -> None:
    # A digest waiting for its retry holds b5 and b4: the next one must not repeat them.
    assert digest_contents(BRIEFS, {}, {"b5", "b4"}, max_briefs=3, when_nothing_new="skip").brief_ids == (
        "b3",
        "b2",
        "b1",
    )


def test_nothing_new_is_skipped_with_the_reason_or_repeats_the_newest() -> None:
    everything = had(*BRIEFS)
    skipped = digest_contents(BRIEFS, everything, set(), max_briefs=3, when_nothing_new="skip")
    assert skipped == DigestContents((), skip_reason=NOTHING_NEW)
    repeated = digest_contents(
        BRIEFS, had("b5"), set(everything), max_briefs=3, when_nothing_new="repeat-latest"
    )
    assert repeated == DigestContents(("b5",), repeated=True)


def test_no_briefs_at_all_is_skipped_even_when_repeating() -> None:
    for policy in ("skip", "repeat-latest"):
        assert digest_contents([], {}, set(), max_briefs=3, when_nothing_new=policy) == DigestContents(
            (), skip_reason=NO_BRIEFS
        )


def test_max_briefs_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        digest_contents(BRIEFS, {}, set(), max_briefs=0, when_nothing_new="skip")


def test_the_bound_rule_is_the_same_rule() -> None:
    rule = contents_rule(max_briefs=2, when_nothing_new="repeat-latest")
    assert rule(BRIEFS, had("b5"), set(), set()) == digest_contents(
        BRIEFS, had("b5"), set(), max_briefs=2, when_nothing_new="repeat-latest"
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
        had(*delivered),
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


# --- updated briefs and followed tags (issue 11, item 3) ---

VERSIONS = {brief_id: f"{brief_id}-v2" for brief_id in BRIEFS}


def test_a_brief_changed_since_it_was_delivered_comes_again_as_an_update_after_the_new_ones() -> None:
    delivered = {"b5": "b5-v1", "b4": "b4-v2", "b3": "b3-v1"}  # b4 is current; b5 and b3 changed since
    contents = digest_contents(
        BRIEFS, delivered, set(), max_briefs=3, when_nothing_new="skip", versions=VERSIONS
    )
    assert contents.brief_ids == ("b2", "b1", "b5")  # new ones first, then updates, each newest first
    assert contents.updated_from == (("b5", "b5-v1"),) and contents.updated == {"b5"}
    assert contents.versions == (("b2", "b2-v2"), ("b1", "b1-v2"), ("b5", "b5-v2"))
    both = digest_contents(BRIEFS, delivered, set(), max_briefs=5, when_nothing_new="skip", versions=VERSIONS)
    assert both.brief_ids == ("b2", "b1", "b5", "b3") and both.updated == {"b5", "b3"}


def test_deliveries_from_before_versions_count_as_current() -> None:
    contents = digest_contents(
        BRIEFS, had(*BRIEFS), set(), max_briefs=3, when_nothing_new="skip", versions=VERSIONS
    )
    assert contents == DigestContents((), skip_reason=NOTHING_NEW)


def test_an_update_held_by_a_pending_digest_is_not_chosen_again() -> None:
    contents = digest_contents(
        ["b5"], {"b5": "b5-v1"}, {"b5"}, max_briefs=3, when_nothing_new="skip", versions=VERSIONS
    )
    assert contents == DigestContents((), skip_reason=NOTHING_NEW)


def test_a_channel_following_tags_gets_only_briefs_carrying_one_of_them() -> None:
    tags = {"b5": {"Loans", "israel"}, "b4": {"aid"}, "b3": {"ukraine", "loans"}, "b2": set()}
    rule = contents_rule(max_briefs=3, when_nothing_new="repeat-latest", versions=VERSIONS, tags=tags)
    assert rule(BRIEFS, {}, set(), {"loans"}).brief_ids == ("b5", "b3")
    assert rule(BRIEFS, {}, set(), {"ISRAEL", "aid"}).brief_ids == ("b5", "b4")
    assert rule(BRIEFS, {}, set(), set()).brief_ids == ("b5", "b4", "b3")  # following none: every brief
    everything = dict.fromkeys(BRIEFS, None)
    assert rule(BRIEFS, everything, set(), {"aid"}) == DigestContents(
        ("b4",), repeated=True, versions=(("b4", "b4-v2"),)
    )
    assert rule(BRIEFS, {}, set(), {"sport"}) == DigestContents((), skip_reason=NONE_FOLLOWED)


versions = st.sampled_from(["v1", "v2"])


@given(
    available=st.lists(ids, max_size=10),
    delivered=st.dictionaries(ids, st.none() | versions),
    reserved=st.sets(ids),
    current=st.dictionaries(ids, versions),
    max_briefs=st.integers(1, 4),
    tagged=st.dictionaries(ids, st.sets(st.sampled_from(["loans", "aid"]))),
    follows=st.sets(st.sampled_from(["loans", "aid"])),
)
def test_a_digest_carries_new_then_changed_briefs_followed_never_one_held_or_current(
    available: list[str],
    delivered: dict[str, str | None],
    reserved: set[str],
    current: dict[str, str],
    max_briefs: int,
    tagged: dict[str, set[str]],
    follows: set[str],
) -> None:
    contents = digest_contents(
        available,
        delivered,
        reserved,
        follows,
        max_briefs=max_briefs,
        when_nothing_new="skip",
        versions=current,
        tags=tagged,
    )
    followed = [b for b in dict.fromkeys(available) if not follows or tagged.get(b, set()) & follows]
    new = [b for b in followed if b not in delivered and b not in reserved]
    changed = [
        b
        for b in followed
        if b in delivered
        and b not in reserved
        and delivered[b] not in (None, current.get(b))
        and b in current
    ]
    assert list(contents.brief_ids) == (new + changed)[:max_briefs]
    assert contents.updated_from == tuple((b, str(delivered[b])) for b in contents.brief_ids if b in changed)
    assert dict(contents.versions) == {b: current[b] for b in contents.brief_ids if b in current}
