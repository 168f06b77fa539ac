"""HOSTILE-12 A1–A4: a loan's amount is what its status verb lends, not another figure of its sentence.

"Norland lent Estria $2 million, down from $9 million." was accepted as a $9 million loan: the amount was only
required to stand in the verb's clause. The amount is the verb's own object ("lent Estria $9 million", "lent
$9 million to Estria", "asked Norland for a loan of $9 million"), or, told first, the subject of its passive
("$9 million was lent to Estria"); what stands between them is the deal's parties and linking words only, and a
"to …" just after it names the borrower.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_loan, checked, refused
from tests.unit.test_undone_giving import _article


def _loan(sentence: str, as_written: str = "$9 million", verb: str = "lent", **more: Any) -> dict[str, Any]:
    loan = _deal_loan("Norland", as_written, verb, sentence)
    loan.update(more)
    return loan


# Sentences in which Norland lent Estria something other than $9 million (or nothing), each naming $9 million.
ANOTHER_FIGURE = (
    "Norland lent Estria $2 million, down from $9 million.",
    "Norland lent Estria $2 million, up from $9 million.",
    "Norland lent Estria $2 million, against $9 million last year.",
    "Norland lent Estria $2 million, versus $9 million last year.",
    "Norland lent Estria $2 million after Vesta lent it $9 million.",
    "Norland lent Estria $2 million of a $9 million package.",
    "Norland lent Estria $2 million from a $9 million fund.",
    "Norland lent Estria $2 million in a $9 million deal.",
    "Norland lent Estria $2 million to cover a $9 million gap.",
    "Norland lent Estria $2 million, taking its loans to $9 million.",
    "Norland lent Estria $2 million, raising its debt to $9 million.",
    "Norland lent Estria $2 million worth $9 million today.",
)


@pytest.mark.parametrize("sentence", ANOTHER_FIGURE)
def test_another_figure_of_the_sentence_is_not_the_loan(sentence: str) -> None:
    assert "loans[0].as_written" in refused(_article(sentence), loans=[_loan(sentence)])


def test_the_borrower_is_whom_the_amount_is_lent_to() -> None:
    sentence = "Norland lent $9 million to Vesta, and $2 million to Estria."
    assert refused(_article(sentence), loans=[_loan(sentence)]) == ["loans[0].borrower"]
    assert refused(_article(sentence), loans=[_loan(sentence, borrower="Vesta")]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland lent Estria $2 million, having lent Vesta $9 million.",
        "Norland, which lent Vesta $9 million, lent Estria $2 million.",
    ],
)
def test_the_borrower_is_whom_the_verb_lends_the_amount(sentence: str) -> None:
    assert refused(_article(sentence), loans=[_loan(sentence)]) == ["loans[0].borrower"]
    assert refused(_article(sentence), loans=[_loan(sentence, borrower="Vesta")]) == []


def test_the_lender_is_who_does_the_verb_that_lends_the_amount() -> None:
    sentence = "Norland lent Vesta $2 million after Vesta lent Estria $9 million."
    assert refused(_article(sentence), loans=[_loan(sentence)]) == ["loans[0].lender"]
    assert refused(_article(sentence), loans=[_loan(sentence, lender="Vesta")]) == []


def test_a_share_is_not_the_whole_loan() -> None:
    sentence = "Norland lent Estria a $9 million share of a $12 million loan."
    assert "loans[0].as_written" in refused(_article(sentence), loans=[_loan(sentence, "$12 million")])


# The loan each sentence does tell, with its verb: each is accepted as it was before.
TOLD = (
    ("Norland lent Estria $2 million, down from $9 million.", "$2 million", "lent", "provided"),
    ("Norland lent Estria $9 million.", "$9 million", "lent", "provided"),
    ("Norland lent $9 million to Estria.", "$9 million", "lent", "provided"),
    ("Norland lent Estria another $9 million last year.", "another $9 million", "lent", "provided"),
    ("Norland has provided Estria with a $9 million loan.", "$9 million", "has provided", "provided"),
    ("Norland approved a $9 million loan to Estria.", "$9 million", "approved", "approved"),
    ("Norland approved a loan of $9 million to Estria.", "$9 million", "approved", "approved"),
    ("Estria asked Norland for a loan of $9 million.", "$9 million", "asked", "requested"),
    ("Estria borrowed $9 million from Norland.", "$9 million", "borrowed", "provided"),
    ("Estria was lent $9 million by Norland.", "$9 million", "lent", "provided"),
    ("A $9 million loan was lent to Estria by Norland.", "$9 million", "lent", "provided"),
)


@pytest.mark.parametrize(("sentence", "as_written", "verb", "status"), TOLD)
def test_the_verbs_own_amount_is_the_loan(sentence: str, as_written: str, verb: str, status: str) -> None:
    more = {"when": "last year"} if "last year" in sentence else {}
    loan = _loan(sentence, as_written, verb, status=status, **more)
    assert refused(_article(sentence), loans=[loan]) == []


def test_the_refusal_names_what_stands_between_the_verb_and_the_amount() -> None:
    sentence = "Norland lent Estria $2 million of a $9 million package."
    _, problems = checked(_article(sentence), loans=[_loan(sentence)])
    messages = [message for where, message in problems if where == "loans[0].as_written"]
    assert messages and "“Estria $2 million of a”" in messages[0]
