"""HOSTILE-14 L1, B5: a denial that closes the giving's sentence, or follows it with no verb, or opens the next
paragraph with the item, leaves the giving not done.

"Norland sent fuel to Estria — not.", "… Not." and "…\\n\\nThe fuel never arrived." were accepted as fuel sent:
the denial after a dash or colon named no listed undoing word, a verbless "Not." held no pointing word, and the
next paragraph was read only when its first word pointed back.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

GIVING = "Norland sent fuel to Estria."
DENIED = (
    ("Norland sent fuel to Estria — not.", "Norland sent fuel to Estria — not."),
    ("Norland sent fuel to Estria: false.", "Norland sent fuel to Estria: false."),
    (GIVING, f"{GIVING} Not."),
    (GIVING, f"{GIVING}\n\nThe fuel never arrived."),
    (GIVING, f"{GIVING}\n\nBut the fuel never arrived."),
)
PLAIN = (
    f"{GIVING}\n\nThe fuel reached Mirren on Monday.",
    f"{GIVING}\n\nVesta did not send water.",
    f"{GIVING} Thanks to that, homes stayed warm.",
)


@pytest.mark.parametrize(("evidence", "body"), DENIED)
def test_a_giving_denied_after_it_is_not_done(evidence: str, body: str) -> None:
    assert "aid[0].status" in refused(_article(body), aid=[_deal_flow("Norland", "fuel", "sent", evidence)])


@pytest.mark.parametrize("body", PLAIN)
def test_a_giving_followed_by_plain_words_stays_done(body: str) -> None:
    assert refused(_article(body), aid=[_deal_flow("Norland", "fuel", "sent", GIVING)]) == []
