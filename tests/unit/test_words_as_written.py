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


def _giving_told(after: str) -> str:
    text = (
        f"Port news from Estria\n\nOster sent fuel to Estria on Monday. {after}\n"
        "Estria Harbour News staff contributed to this report.\n"
    )
    aid = {
        "evidence": ["Oster sent fuel to Estria on Monday."],
        "donor": "Oster",
        "recipient": "Estria",
        "items": ["fuel"],
        "kind": "other",
        "status": "provided",
        "status_as_written": "sent",
    }
    return dict(checked(text, aid=[aid])[1])["aid[0].status"]


@pytest.mark.parametrize(
    ("after", "quoted"),
    [
        ("Untrue, Estria says.", "(“Untrue”)"),
        ("Never, said Estria.", "(“Never”)"),
        ("Allegedly the fuel never arrived.", "(“Allegedly”)"),
    ],
)
def test_a_word_of_the_vocabulary_is_quoted_with_the_articles_capitals(after: str, quoted: str) -> None:
    """Every message, not one rule's: a word read from a vocabulary list (case-folded) is quoted as the article
    writes it."""
    assert quoted in _giving_told(after)


def test_the_editors_value_and_a_vocabulary_list_are_quoted_as_they_are() -> None:
    sentence = "Inside Vesta Harbour, Oster met the envoys on Monday."
    text = f"Port news from Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"
    told = checked(
        text, events=[{"what": "Oster met the envoys", "where": "vesta harbour", "evidence": [sentence]}]
    )
    messages = " ".join(message for _, message in told[1])
    assert "“vesta harbour”" in messages  # the editor's value, refused as written
    near = "Near Vesta Harbour, Oster met the envoys on Monday."
    # the article writes "Inside" only with its capital: the list of place prepositions is the check's, not its
    text = f"Port news from Estria\n\n{near} Inside, the quay was quiet.\nEstria Harbour News staff contributed to this report.\n"
    (message,) = [
        m
        for _, m in checked(
            text, events=[{"what": "Oster met the envoys", "where": "Vesta Harbour", "evidence": [near]}]
        )[1]
    ]
    assert (
        "(“in”, “at”, “inside”, “within”, “across”, “from”, “into”)" in message
    )  # a list of words, not the article's
