"""A `where` refused for the words before it quotes them as the article writes them (task "messages" 3): the
messages showed them case-folded ("stands after “estrians from”", "“not in Vesta Harbour”").

TEST FIXTURES, NOT NEWS: invented texts about invented places (Estria, Norland, Vesta, Oster).
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked


def _where(sentence: str, what: str, where: str = "Vesta Harbour") -> list[tuple[str, str]]:
    text = f"Port news from Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    return checked(text, events=[{"what": what, "where": where, "evidence": [sentence]}])[1]


@pytest.mark.parametrize(
    ("sentence", "what", "quoted"),
    [
        (
            "Oster airlifted Estrians from Vesta Harbour on Monday.",
            "Oster airlifted Estrians from Vesta Harbour",
            "stands after “Estrians from”",
        ),
        (
            "Not in Vesta Harbour but in Norland, Oster met the envoys on Monday.",
            "Oster met the envoys",
            "denied (“Not in Vesta Harbour”)",
        ),
        (
            "Near Vesta Harbour, Oster met the envoys on Monday.",
            "Oster met the envoys",
            "the word before it is “Near”,",
        ),
    ],
)
def test_the_words_before_a_refused_place_are_quoted_as_written(
    sentence: str, what: str, quoted: str
) -> None:
    told = _where(sentence, what)
    assert [item for item, _ in told] == ["events[0].where"]
    assert quoted in told[0][1], told[0][1]


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Oster met the envoys in Vesta Harbour on Monday.", "Oster met the envoys"),
        ("In Vesta Harbour, Oster met the envoys on Monday.", "Oster met the envoys"),
        ("Oster sailed from Vesta Harbour on Monday.", "Oster sailed from Vesta Harbour"),
    ],
)
def test_a_placed_where_still_passes(sentence: str, what: str) -> None:
    assert _where(sentence, what) == []
