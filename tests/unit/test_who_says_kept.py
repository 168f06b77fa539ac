"""Who says so is never cut to fit (REPORT-reader15 finding 1).

A key point's passages came first and its "Who says so" / "Reason given" / "Caveat" lines last, and both an embed
field's 1,024 characters and a digest bullet's share were kept by cutting from the end: the article's claim stayed
and the words saying whose claim it is went (the shipped brief's key point 7, in a library of two articles:
"Caveat: “All three ministers’ spokespeople said they do …"). What is cut to fit is now the passage, which Quote
shows in full; the words of who says so stay whole, or the key point is left to /brief and Quote.
"""

from __future__ import annotations

import copy

import pytest

from bot.briefs import facts, render
from bot.briefs.loader import LoadResult, check_raw
from bot.briefs.models import Brief
from tests.unit.test_seventh_reading_b import ARTICLE, SHIPPED


def _said(brief: Brief, index: int) -> list[str]:
    return [
        render.defuse_mentions(line)
        for line in facts.who_says(brief, f"key_points[{index}]", brief.key_points[index])
    ]


def _attributed(brief: Brief) -> list[int]:
    return [i for i in range(len(brief.key_points)) if _said(brief, i)]


def test_every_key_point_of_two_articles_keeps_who_says_so_whole(shipped: LoadResult) -> None:
    base = shipped.library.get()
    other = base.model_copy(update={"id": "another-copy"})
    fields = [f for page in render.render_briefs([base, other]) for e in page.embeds for f in e.fields]
    assert _attributed(base)
    for index in _attributed(base):
        shown = [f.value for f in fields if f.name == render.key_point_heading(base, index)]
        assert len(shown) == 2
        for value in shown:
            assert len(value) <= render.FIELD_VALUE_LIMIT
            for line in _said(base, index):
                assert line in value, (index, line, value[-300:])


@pytest.mark.parametrize("count", [1, 3, 10])
def test_a_digest_bullet_keeps_who_says_so_whole_or_is_left_to_brief(shipped: LoadResult, count: int) -> None:
    base = shipped.library.get()
    longest = max(_attributed(base), key=lambda i: len(" ".join(render.key_point_lines(base, i))))
    # the longest attributed key point first, checked again so that its proof is its own
    raw = copy.deepcopy(SHIPPED)
    raw["key_points"].insert(0, raw["key_points"].pop(longest))
    first, problems = check_raw(raw, lambda _name: ARTICLE)
    assert isinstance(first, Brief) and problems == []
    briefs = [first.model_copy(update={"id": f"copy-{i}"}) for i in range(count)]
    digest = render.render_digest(briefs)
    said = _said(first, 0)
    assert said == _said(base, longest)
    for embed in digest.embeds:
        bullets = [line for line in embed.description.split("\n") if line.startswith("• ")]
        if bullets:
            assert all(line in bullets[0] for line in said), bullets[0]
        else:
            assert "more key point" in embed.description  # told where to read them
