"""Counts and /help read alike (REPORT-reader15 finding 9): "1 person · aid: none · no loans · 0 events · 0 quotes"
mixed three forms for nothing, and /help's /aid line left out "refused", which /aid shows."""

from __future__ import annotations

from bot.briefs import render
from bot.briefs.loader import LoadResult


def test_a_count_of_nothing_says_no(shipped: LoadResult) -> None:
    base = shipped.library.get()
    empty = base.model_copy(update={"aid": [], "loans": [], "events": [], "quotes": []})
    assert render.counts_line(empty) == "8 people · no aid · no loans · no events · no quotes"
    assert render.counts_line(base).startswith("8 people · aid: ")


def test_help_names_every_aid_heading() -> None:
    text = render.message_text(render.render_help()[0])
    line = next(line for line in text.splitlines() if "/aid" in line and "country" in line)
    for word in ("given", "promised", "asked for", "refused", "not given"):
        assert word in line, (word, line)
