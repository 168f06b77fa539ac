"""Answers say when a party was read through an alias (HOSTILE-16 F9): "Norland (as written: “Vesta”)".

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta);
none is, or is taken from, a real report.
"""

from __future__ import annotations

from bot.briefs import facts, quote, render
from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked

TOLD = "Vesta sent fuel to Estria on Monday."
LENT = "Vesta lent Estria $90 million on Monday."
TEXT = (
    "Fuel for Estria\n\nNorland's capital, Vesta, is a port.\n\n"
    f"{TOLD}\n\n{LENT}\n\nNorland sent food to Estria on Tuesday.\n"
    "Estria Harbour News staff contributed to this report.\n"
)
SHOWN = "Norland (as written: “Vesta”)"


def _loaded():  # type: ignore[no-untyped-def]
    flows = [
        {**_deal_flow("Norland", "fuel", "sent", TOLD), "recipient": "Estria"},
        {
            **_deal_flow("Norland", "food", "sent", "Norland sent food to Estria on Tuesday."),
            "recipient": "Estria",
        },
    ]
    loan = {**_deal_loan("Norland", "$90 million", "lent", LENT), "borrower": "Estria"}
    loaded, found = checked(
        TEXT, aliases=[{"name": "Norland", "as_written": ["Vesta"]}], aid=flows, loans=[loan]
    )
    assert found == [] and loaded is not None
    return loaded


def test_the_aid_answer_and_its_quote_view_show_the_alias() -> None:
    brief = _loaded()
    fields = render._aid_fields(brief, brief.aid)
    told = next(f for f in fields if "fuel" in f.name)
    assert SHOWN in told.value
    quoted = quote._fact_fields(brief, "aid[0]", brief.aid[0])
    assert SHOWN in quoted[0].value


def test_a_party_written_as_itself_is_shown_plain() -> None:
    brief = _loaded()
    assert facts.alias_lines(brief, brief.aid[1]) == []


def test_the_loan_answer_shows_the_alias() -> None:
    brief = _loaded()
    assert SHOWN in render._loan_field(brief, brief.loans[0]).value
    assert SHOWN in quote._fact_fields(brief, "loans[0]", brief.loans[0])[0].value
