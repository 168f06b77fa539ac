"""Who says so, and the publisher, as the check and `briefbot new` allow them (REPORT-reader16 finding 4).

A person named only in another person's claim ("Prime Minister Naftali Bennett has also argued", on Putin) takes
that claim as a `mention` (README's roles), not as who says who they are; an account's source stays a `source`. A
publisher is the publication as the article names itself: not the staff a credit names ("Jerusalem Post Staff"),
not a photo agency in a picture's credit ("(photo credit: AMMAR AWAD/REUTERS)").

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Mirren) and people; none is, or is taken from, a real report.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bot.briefs.article import Article
from bot.briefs.skeleton import skeleton
from tests.unit.test_seventh_reading_b import ARTICLE, shipped_refusals
from tests.unit.test_sixth_reading import checked

# TEST FIXTURE, NOT NEWS: a person named in another's argument, and in accounts closed and opened by a source.
CLAIMS = """Harbour talks in Estria

Mayor Ben Oster has argued that Norland should pay Envoy Ada Quill for the cranes.
Envoy Tess Marr opened the quay at Mirren, Mayor Ben Oster said.
By Mara Lind, Vesta Daily
Estria Harbour News staff contributed to this report.
(photo credit: IVO RENN/NORLAND PRESS)
"""
_ARGUED = "Mayor Ben Oster has argued that Norland should pay Envoy Ada Quill for the cranes."
_OPENED = "Envoy Tess Marr opened the quay at Mirren, Mayor Ben Oster said."


def _person(name: str, title: str, sentence: str, attribution: Any) -> dict[str, Any]:
    return {
        "name": name,
        "role": title,
        "as_written": f"{title} {name}",
        "attribution": attribution,
        "evidence": [sentence],
    }


def _refused(**sections: Any) -> list[tuple[str, str]]:
    return checked(CLAIMS, **sections)[1]


def test_a_person_named_in_anothers_claim_takes_it_as_a_mention() -> None:
    plain = _refused(people=[_person("Ada Quill", "Envoy", _ARGUED, "Mayor Ben Oster has argued")])
    assert [item for item, _ in plain] == ["people[0].attribution"], plain
    assert "give it the role `mention`" in plain[0][1] and "Ben Oster's claim" in plain[0][1]
    mention = {"text": "Mayor Ben Oster has argued", "role": "mention"}
    assert _refused(people=[_person("Ada Quill", "Envoy", _ARGUED, mention)]) == []


@pytest.mark.parametrize(
    ("name", "title", "sentence", "attribution"),
    [
        # the claim's own maker: their words say who they are
        ("Ben Oster", "Mayor", _ARGUED, "Mayor Ben Oster has argued"),
        # an account closed by its source: that source is who says so, always a `source`
        ("Tess Marr", "Envoy", _OPENED, "Mayor Ben Oster said"),
    ],
)
def test_a_source_of_their_own_or_of_an_account_stays_a_source(
    name: str, title: str, sentence: str, attribution: str
) -> None:
    assert _refused(people=[_person(name, title, sentence, attribution)]) == []


def test_the_shipped_putin_entry_needs_the_mention() -> None:
    def plain(raw: dict[str, Any]) -> None:
        raw["people"][3]["attribution"] = "Prime Minister Naftali Bennett has also argued"

    assert shipped_refusals(plain) == ["people[3].attribution"]
    assert shipped_refusals(lambda raw: None) == []


def _source(publisher: str, evidence: str) -> dict[str, Any]:
    return {
        "seed": "fixture.txt",
        "publisher": publisher,
        "headline": CLAIMS.splitlines()[0],
        "evidence": [evidence],
    }


@pytest.mark.parametrize(
    ("publisher", "evidence", "says"),
    [
        (
            "NORLAND PRESS",
            "(photo credit: IVO RENN/NORLAND PRESS)",
            "the article names its makers in “By Mara Lind, Vesta Daily”",
        ),
        (
            "Estria Harbour News staff",
            "Estria Harbour News staff contributed to this report.",
            "“Estria Harbour News”",
        ),
    ],
)
def test_a_publisher_from_a_photo_credit_or_a_staff_credit_is_refused(
    publisher: str, evidence: str, says: str
) -> None:
    problems = _refused(source=_source(publisher, evidence))
    assert [item for item, _ in problems] == ["source.publisher"], problems
    assert says in problems[0][1]


@pytest.mark.parametrize(
    ("publisher", "evidence"),
    [
        ("Estria Harbour News", "Estria Harbour News staff contributed to this report."),
        ("Vesta Daily", "By Mara Lind, Vesta Daily"),
    ],
)
def test_a_publisher_named_as_the_reports_maker_passes(publisher: str, evidence: str) -> None:
    assert _refused(source=_source(publisher, evidence)) == []


@pytest.mark.parametrize(
    ("publisher", "evidence"),
    [
        ("REUTERS", "(photo credit: AMMAR AWAD/REUTERS)"),
        ("Jerusalem Post Staff", "Jerusalem Post Staff contributed to this report."),
    ],
)
def test_the_shipped_publisher_from_a_credit_is_refused(publisher: str, evidence: str) -> None:
    def change(raw: dict[str, Any]) -> None:
        raw["source"].update(publisher=publisher, evidence=[evidence])

    assert shipped_refusals(change) == ["source.publisher"]


def test_briefbot_new_proposes_the_mention_and_the_publication() -> None:
    text = skeleton(ARTICLE, "t", datetime.date(2026, 1, 1), "seeds/x.txt").text
    assert (
        '# attribution = { text = "Prime Minister Naftali Bennett has also argued", role = "mention" }'
        in text
    )
    assert '# publisher = "Jerusalem Post"\n' in text
    assert '# publisher = "Jerusalem Post Staff"' not in text
    fixture = skeleton(Article("fixture.txt", CLAIMS), "t", datetime.date(2026, 1, 1), "x").text
    assert '# attribution = { text = "Mayor Ben Oster has argued", role = "mention" }' in fixture
