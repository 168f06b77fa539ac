"""A loan's status is glossed in a loan's words (task "messages" 5): `/loans` told a loan made as "done: provided,
sent, given or built", the gloss of aid (a field hospital is built; a loan is lent)."""

from __future__ import annotations

from bot.briefs import facts, render
from bot.briefs.answers import answer
from bot.briefs.loader import LoadResult
from bot.briefs.vocabulary import STATUSES


def _text(pages: list[render.MessageData]) -> str:
    return render.pages_text(pages)


def test_a_loan_made_is_not_built(shipped: LoadResult) -> None:
    loans = _text(answer("loans", shipped.library, {}))
    assert "built" not in loans
    assert "Status: provided (done: lent, provided or given) · the article: “has provided”" in loans
    assert "given or built" not in _text(answer("brief", shipped.library, {}))


def test_no_loan_gloss_names_a_verb_of_building() -> None:
    for status in STATUSES:
        assert "built" not in facts.status_line(status, "x", loan=True)


def test_aid_keeps_its_gloss(shipped: LoadResult) -> None:
    assert "(done: provided, sent, given or built)" in _text(answer("aid", shipped.library, {}))
