"""HOSTILE-12 S3 and the known limit: a giving its own sentence goes on to thwart, trade or imagine.

"Norland sent fuel to Estria, but the navy stopped it." was accepted as fuel sent: "stopped" is a word the check
reads as plain. A clause of contrast after the giving ("but", "yet", "though", "only for") that points back to it
("it", "them", the item) may undo it, whatever its verb: a done status fails closed there. A giving traded for
something ("in exchange for grain") is no gift, and one told in a dream, a novel or a game is not real.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

TAILS = (
    ", but the navy stopped it",
    ", but it sank",
    ", but Vesta turned it away",
    ", yet the fuel never left port",
    ", only for Vesta to keep it",
    " in exchange for grain",
    " in return for grain",
    " in a dream",
    " in the novel",
    " in the game",
)


@pytest.mark.parametrize("tail", TAILS)
def test_a_giving_its_sentence_thwarts_trades_or_imagines_is_not_done(tail: str) -> None:
    sentence = f"Norland sent fuel to Estria{tail}."
    assert "aid[0].status" in refused(
        _article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]
    )


GUARDS = (
    ", but Vesta sent water",
    " and built a dock",
    " in March",
)


@pytest.mark.parametrize("tail", GUARDS)
def test_a_plain_giving_still_passes(tail: str) -> None:
    sentence = f"Norland sent fuel to Estria{tail}."
    more = {"when": "in March"} if "March" in tail else {}
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence, **more)]) == []
