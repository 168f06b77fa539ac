"""A quote is the whole quotation: it runs to the quotation's closing mark (HOSTILE-16 F5).

A quote cut at a sentence end inside its quotation dropped what the speaker went on to say, which can take the
words back ("We sank the ferry. That is what Vesta wants you to think. We did nothing"). The rule decided here is
the safe one: `text` runs to the closing mark (or, for a quotation that goes on in the next paragraph, to its
paragraph's end); a cut anywhere inside is refused, naming the words it leaves out.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked
from tests.unit.test_undone_giving import _article


def _quote(sentence: str, text: str, attribution: str = "Oster said") -> list[tuple[str, str]]:
    return checked(
        _article(sentence),
        quotes=[{"speaker": "Oster", "text": text, "attribution": attribution, "evidence": [sentence]}],
    )[1]


CUT = [
    (
        "“We sank the ferry. That is what Vesta wants you to think. We did nothing,” Oster said.",
        "We sank the ferry.",
    ),
    ("“We sank the ferry. Or so Vesta claims,” Oster said.", "We sank the ferry."),
    ("“We sank the ferry. Not true, of course,” Oster said.", "We sank the ferry."),
    ("“We will send tugs. I am joking, of course,” Oster said.", "We will send tugs."),
    ("Oster said: “We sank the ferry. It is a lie.”", "We sank the ferry."),
    ("Oster said: “We sank the ferry! It is a lie.”", "We sank the ferry!"),
    ("“Will we send tugs? Never,” Oster said.", "Will we send tugs?"),
]


@pytest.mark.parametrize(("sentence", "text"), CUT)
def test_a_quote_cut_at_a_sentence_end_inside_its_quotation_is_refused(sentence: str, text: str) -> None:
    found = _quote(sentence, text)
    assert [item for item, _ in found] == ["quotes[0].text"], found
    assert "closing mark" in found[0][1]


def test_the_refusal_quotes_what_the_cut_leaves_out() -> None:
    sentence, text = CUT[0]
    (_, message), *_ = _quote(sentence, text)
    assert "That is what Vesta wants you to think" in message


WHOLE = [
    (
        "“We sank the ferry. That is what Vesta wants you to think. We did nothing,” Oster said.",
        "We sank the ferry. That is what Vesta wants you to think. We did nothing",
    ),
    ("Oster said: “We sank the ferry. It is a lie.”", "We sank the ferry. It is a lie."),
    ("“We have no tugs to spare,” Oster said.", "We have no tugs to spare"),
    ("Oster said: “We have no tugs to spare.”", "We have no tugs to spare."),
    ("Oster said: “We have no tugs to spare.” The quay was shut.", "We have no tugs to spare."),
    ("“Will you send tugs?” Oster said.", "Will you send tugs?"),
]


@pytest.mark.parametrize(("sentence", "text"), WHOLE)
def test_a_whole_quotation_still_passes(sentence: str, text: str) -> None:
    assert _quote(sentence, text) == []


def test_two_quotations_of_one_sentence_are_each_whole() -> None:
    """A quotation closed before the attribution, and another opened after it: each runs to its own mark."""
    sentence = "“We have no tugs to spare,” Oster said. “The quay is shut.”"
    assert _quote(sentence, "We have no tugs to spare") == []
