"""Which briefs go into a digest: one pure rule, applied by the ledger as it records a digest and by
`/digest preview` to show the next one."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass

from bot.schedule import WhenNothingNew

NOTHING_NEW = "nothing new since the last digest"
NO_BRIEFS = "no briefs available"


@dataclass(frozen=True, slots=True)
class DigestContents:
    """The briefs one digest carries, newest first.

    `repeated`: none was new, so the newest is posted again. `skip_reason` says why `brief_ids` is empty
    (the digest is skipped); it is None whenever there is something to post.
    """

    brief_ids: tuple[str, ...]
    repeated: bool = False
    skip_reason: str | None = None


def digest_contents(
    available: Sequence[str],
    delivered: Set[str],
    reserved: Set[str],
    *,
    max_briefs: int,
    when_nothing_new: WhenNothingNew,
) -> DigestContents:
    """Choose a channel's next digest from the briefs `available` now (newest first).

    It carries, newest first and at most `max_briefs`, the available briefs neither `delivered` to the
    channel already nor `reserved` by another of its pending digests (so no brief is posted twice). With none
    such: the newest available brief when `when_nothing_new` is 'repeat-latest', otherwise nothing, with the
    reason. Raises ValueError if `max_briefs` is below 1.
    """
    if max_briefs < 1:
        raise ValueError("max_briefs must be at least 1")
    fresh: list[str] = []
    for brief_id in dict.fromkeys(available):
        if brief_id not in delivered and brief_id not in reserved:
            fresh.append(brief_id)
            if len(fresh) == max_briefs:
                break
    if fresh:
        return DigestContents(tuple(fresh))
    if not available:
        return DigestContents((), skip_reason=NO_BRIEFS)
    if when_nothing_new == "repeat-latest":
        return DigestContents((available[0],), repeated=True)
    return DigestContents((), skip_reason=NOTHING_NEW)


def contents_rule(
    *, max_briefs: int, when_nothing_new: WhenNothingNew
) -> Callable[[Sequence[str], Set[str], Set[str]], DigestContents]:
    """`digest_contents` with its settings bound: the form the ledger is given."""
    return functools.partial(digest_contents, max_briefs=max_briefs, when_nothing_new=when_nothing_new)
