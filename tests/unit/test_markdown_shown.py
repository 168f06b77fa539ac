"""Article and editor text reach Discord as text, never as markdown (REVIEW-7 C19).

The article is made at test time from the shipped seed (not copied into the project): words of its sentences
are wrapped in markdown, "@everyone" is put into one, and the brief is edited the same way, so the check
still binds it. Every answer, the digest and every Quote page are rendered; no markdown of the article's
may be live in them, and the shipped brief's pages keep their text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.briefs import answers, quote, render
from bot.briefs.facts import as_shown
from bot.briefs.loader import load_library
from bot.briefs.lookup import Library

ROOT = Path(__file__).resolve().parents[2]
SEED = "jpost-israel-ukraine-defense-contact-group.txt"
BRIEF = "israel-ukraine-defense-contact-group.toml"
# (the article's word, the same word as markdown would make it live)
MARKED = [
    ("tremendous", "**tremendous**"),
    ("momentum", "*momentum*"),
    ("video", "`video`"),
    ("channel", "~~channel~~"),
    ("unprovoked", "__unprovoked__"),
    ("relationship", "||relationship||"),
    ("conference", "[conference](https://x.test/a)"),
    ("participated", "participated @everyone"),
]
URL = "https://x.test/page_(one)*two*"


def _marked_library(tmp_path: Path) -> Library:
    (tmp_path / "briefs").mkdir()
    (tmp_path / "seeds").mkdir()
    seed = (ROOT / "seeds" / SEED).read_text(encoding="utf-8")
    brief = (ROOT / "briefs" / BRIEF).read_text(encoding="utf-8")
    for word, marked in MARKED:
        seed, brief = seed.replace(word, marked), brief.replace(word, marked)
    brief = brief.replace("\n[source]", f'\n[editor]\nurl = "{URL}"\n\n[source]', 1)
    (tmp_path / "seeds" / SEED).write_text(seed, encoding="utf-8")
    (tmp_path / "briefs" / BRIEF).write_text(brief, encoding="utf-8")
    result = load_library(tmp_path / "briefs", tmp_path / "seeds")
    assert result.library is not None and len(result.library.briefs) == 1, result
    return result.library


def _every_page(library: Library) -> list[render.MessageData]:
    pages: list[render.MessageData] = []
    for command in answers.COMMANDS:
        pages += answers.answer(command, library)
        target = quote.quote_target(command, library, {})
        if target is not None:
            pages += quote.render_quote(library, target)
    return pages


def _texts(page: render.MessageData) -> list[str]:
    texts = [page.content or ""]
    for embed in page.embeds:
        texts += [embed.title, embed.description, embed.footer]
        texts += [part for field in embed.fields for part in (field.name, field.value)]
    return [t for t in texts if t]


def test_no_markdown_of_the_article_or_editor_is_live(tmp_path: Path) -> None:
    pages = _every_page(_marked_library(tmp_path))
    texts = [text for page in pages for text in _texts(page)]
    joined = "\n".join(texts)
    for word, marked in MARKED:
        assert word in joined, word  # the word is shown at all
        assert marked not in joined, marked  # never as the article marks it up
        # each markdown character of the article's stands escaped wherever the word is shown
        for text in texts:
            for at in [m.start() for m in re.finditer(re.escape(word), text)]:
                before = text[max(0, at - 4) : at]
                assert not re.search(r"(?<!\\)[*_~`|\[]$", before), (word, text[max(0, at - 40) : at + 40])
    assert "@everyone" not in joined
    assert "\\[conference\\]" in joined  # the article's link is its characters, not a link
    assert URL not in joined  # the editor's address is written so no character of it formats or ends a link
    assert "https://x.test/page%5F%28one%29%2Atwo%2A" in joined
    for page in pages:
        assert all(len(e.title) <= render.TITLE_LIMIT for e in page.embeds)
        assert all(len(f.value) <= render.FIELD_VALUE_LIMIT for e in page.embeds for f in e.fields)
        assert all(e.total_chars() <= 6000 for e in page.embeds)


@pytest.mark.parametrize("text", ["a *b* _c_ `d` ~e~ |f| > g # h [i](j) \\ k", "plain words", "x\\*y"])
def test_shown_text_is_escaped_once(text: str) -> None:
    once = as_shown(text)
    assert as_shown(once) == once
    assert not re.search(r"(?<!\\)[*_~`|>#\[\]]", once)


@pytest.mark.parametrize("limit", [5, 6, 7, 50, 51])
def test_a_cut_never_splits_an_escape(limit: int) -> None:
    shown = as_shown("*" * 200)
    for cut in (render.shorten(shown, limit), quote._chunks(shown, limit)[0]):
        assert len(cut) <= limit
        body = cut.removesuffix("…")
        assert (len(body) - len(body.rstrip("\\"))) % 2 == 0, cut
