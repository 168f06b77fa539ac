"""Which briefs go into a digest: one pure rule, applied by the ledger as it records a digest and by
`/digest preview` to show the next one."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from types import MappingProxyType

from bot.schedule import WhenNothingNew

NOTHING_NEW = "nothing new since the last digest"
NO_BRIEFS = "no briefs available"
NONE_FOLLOWED = "no brief carries a tag this channel follows"


@dataclass(frozen=True, slots=True)
class DigestContents:
    """The briefs one digest carries: new ones first, then updated ones, each newest first.

    `repeated`: none was new, so the newest is posted again. `skip_reason` says why `brief_ids` is empty
    (the digest is skipped); it is None whenever there is something to post. `versions`: (brief id, content
    version) of each brief carried whose version is known, the version the digest shows. `updated_from`:
    (brief id, the version the channel had) of each brief carried because its content changed since it was
    delivered: shown marked *updated*, with what changed.
    """

    brief_ids: tuple[str, ...]
    repeated: bool = False
    skip_reason: str | None = None
    versions: tuple[tuple[str, str], ...] = ()
    updated_from: tuple[tuple[str, str], ...] = ()

    @property
    def updated(self) -> frozenset[str]:
        """The briefs carried as updates."""
        return frozenset(brief_id for brief_id, _ in self.updated_from)


_NO_VERSIONS: Mapping[str, str] = MappingProxyType({})
_NO_TAGS: Mapping[str, Set[str]] = MappingProxyType({})


def follows_brief(follows: Set[str], tags: Set[str]) -> bool:
    """Whether a subscription following `follows` (none: every brief) takes a brief tagged `tags`. Tags are
    compared case-insensitively."""
    if not follows:
        return True
    wanted = {tag.casefold() for tag in follows}
    return any(tag.casefold() in wanted for tag in tags)


def digest_contents(
    available: Sequence[str],
    delivered: Mapping[str, str | None],
    reserved: Set[str],
    follows: Set[str] = frozenset(),
    *,
    max_briefs: int,
    when_nothing_new: WhenNothingNew,
    versions: Mapping[str, str] = _NO_VERSIONS,
    tags: Mapping[str, Set[str]] = _NO_TAGS,
) -> DigestContents:
    """Choose a channel's next digest from the briefs `available` now (newest first, content version of each
    in `versions`, tags in `tags`).

    Only briefs the channel `follows` are considered (by tag; none followed: every brief). It carries, at
    most `max_briefs`, the briefs not `delivered` to the channel (`delivered` maps each brief it had to the
    version it had; None: delivered before versions were kept, counted as current), newest first, then
    those delivered at another version than the one available now (updates), newest first; none that is
    `reserved` by another of its pending digests (so no brief is posted twice). With none such: the newest
    followed brief when `when_nothing_new` is 'repeat-latest', otherwise nothing, with the reason. Raises
    ValueError if `max_briefs` is below 1.
    """
    if max_briefs < 1:
        raise ValueError("max_briefs must be at least 1")
    followed = [
        brief_id
        for brief_id in dict.fromkeys(available)
        if follows_brief(follows, tags.get(brief_id, frozenset()))
    ]
    fresh: list[str] = []
    updated: list[tuple[str, str]] = []
    for brief_id in followed:
        if brief_id in reserved:
            continue
        if brief_id not in delivered:
            fresh.append(brief_id)
            if len(fresh) == max_briefs:
                break
            continue
        had, now = delivered[brief_id], versions.get(brief_id)
        if had is not None and now is not None and had != now:
            updated.append((brief_id, had))
    updated = updated[: max_briefs - len(fresh)]
    chosen = tuple(fresh) + tuple(brief_id for brief_id, _ in updated)
    if chosen:
        return DigestContents(chosen, versions=_versions_of(chosen, versions), updated_from=tuple(updated))
    if not followed:
        return DigestContents((), skip_reason=NONE_FOLLOWED if available else NO_BRIEFS)
    if when_nothing_new == "repeat-latest":
        return DigestContents((followed[0],), repeated=True, versions=_versions_of(followed[:1], versions))
    return DigestContents((), skip_reason=NOTHING_NEW)


def _versions_of(brief_ids: Sequence[str], versions: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((brief_id, versions[brief_id]) for brief_id in brief_ids if brief_id in versions)


def contents_rule(
    *,
    max_briefs: int,
    when_nothing_new: WhenNothingNew,
    versions: Mapping[str, str] = _NO_VERSIONS,
    tags: Mapping[str, Set[str]] = _NO_TAGS,
) -> Callable[[Sequence[str], Mapping[str, str | None], Set[str], Set[str]], DigestContents]:
    """`digest_contents` with its settings and the library's versions and tags bound: the form the ledger is
    given."""
    return functools.partial(
        digest_contents,
        max_briefs=max_briefs,
        when_nothing_new=when_nothing_new,
        versions=versions,
        tags=tags,
    )
