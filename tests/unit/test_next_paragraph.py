"""The paragraph after a giving may take it back though it opens on another subject (HOSTILE-14 B; REPORT-after
left undone).

A next paragraph was read only when it opened by pointing back or with the item: "Vesta says none of it is true."
and "Estria never got it." left "Norland sent fuel to Estria." done. Its first sentence is now read for a word
that calls what it points to untrue, and, when it names a party or the item, as a later sentence of the giving's
own paragraph is.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import _deal_flow, refused
from tests.unit.test_undone_giving import _article

GIVING = "Norland sent fuel to Estria."


def _refused(next_paragraph: str) -> list[str]:
    return refused(
        _article(f"{GIVING}\n\n{next_paragraph}"), aid=[_deal_flow("Norland", "fuel", "sent", GIVING)]
    )


@pytest.mark.parametrize(
    "next_paragraph",
    [
        "Vesta says none of it is true.",
        "Vesta calls it a hoax.",
        "Estria never got it.",
        "Estria denies receiving any fuel.",
    ],
)
def test_a_next_paragraph_that_takes_the_giving_back_is_read(next_paragraph: str) -> None:
    assert _refused(next_paragraph) == ["aid[0].status"]


@pytest.mark.parametrize(
    "next_paragraph",
    [
        "Vesta sent water to Mirren.",
        "The talks resumed on Monday.",
        "Estria thanked Norland.",
        "Norland has sent aid before.",
        "Oster called it a lifeline.",
        "Moscow reprimanded the envoy on Wednesday, saying it does not accept the explanations.",
        "Norland did not send fuel to Mirren.",  # another giving of the item, not this one taken back
        "Vesta would have sent engines to Estria had it been asked.",  # "it" is Vesta
        "Vesta denied that Oster sent tugs to Estria.",  # "that" opens a clause, it points to nothing
    ],
)
def test_a_next_paragraph_of_other_news_leaves_it_done(next_paragraph: str) -> None:
    assert _refused(next_paragraph) == []
