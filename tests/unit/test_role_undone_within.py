"""A role the sentence that names the person undoes in a relative clause is not theirs (REPORT-hostile17 G3):
"Mayor Ben Oster, who was sacked on Monday, met Vesta." does not show Oster as mayor.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_sixth_reading import checked

MAYOR = {"name": "Ben Oster", "role": "Mayor", "as_written": "Mayor Ben Oster"}


def _article(*sentences: str) -> str:
    return (
        "Talks in Vesta\n\n"
        + " ".join(sentences)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


def _role_found(*sentences: str) -> list[str]:
    found = checked(_article(*sentences), people=[{**MAYOR, "evidence": [sentences[0]]}])[1]
    return [message for item, message in found if item == "people[0].role"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Ben Oster, who was sacked on Monday, met Vesta.",
        "Vesta met Mayor Ben Oster, who has since died.",
        "Mayor Ben Oster, who resigned last year, met Vesta on Monday.",
        "Mayor Ben Oster, who stepped down in May, met Vesta.",
        "Mayor Ben Oster, who was not re-elected, met Vesta.",
    ],
)
def test_a_role_undone_in_a_relative_clause_of_its_own_sentence_is_refused(sentence: str) -> None:
    assert _role_found(sentence), sentence


def test_a_role_ended_in_the_sentence_after_by_a_verb_of_leaving_a_post_is_refused() -> None:
    assert _role_found("Mayor Ben Oster met Vesta on Monday.", "Oster resigned on Tuesday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Ben Oster, who was elected in May, met Vesta.",
        "Mayor Ben Oster, who leads the harbour council, met Vesta.",
        "Vesta met Mayor Ben Oster, who spoke first.",
        "Mayor Ben Oster met Vesta, whose ferries sank.",
    ],
)
def test_a_relative_clause_that_leaves_the_role_theirs_passes(sentence: str) -> None:
    assert _role_found(sentence) == []
