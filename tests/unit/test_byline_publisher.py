"""A byline's reporter is no part of the publisher (REPORT-reader17 finding 7): "By Lena Marsh, Vesta Herald"
gives publisher "Vesta Herald" and a byline credit naming Lena Marsh for the Vesta Herald, not "Lena Marsh,
Vesta Herald" as either.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.briefs.article import Article
from bot.briefs.loader import check_raw
from bot.briefs.skeleton import skeleton

# TEST FIXTURE, NOT NEWS
TEXT = """Cranes reach Estria

TEST FIXTURES, NOT NEWS.

By Lena Marsh, Vesta Herald

Vesta sent two cranes to Estria on Tuesday.
"""
BYLINE = "By Lena Marsh, Vesta Herald"


def _refused(publisher: str, **more: Any) -> list[tuple[str, str]]:
    raw: dict[str, Any] = {
        "format": 2,
        "id": "fixture",
        "added": date(2026, 1, 1),
        "source": {
            "seed": "fixture.txt",
            "publisher": publisher,
            "headline": "Cranes reach Estria",
            "evidence": [BYLINE],
        },
        "key_points": [{"evidence": ["Vesta sent two cranes to Estria on Tuesday."]}],
        **more,
    }
    _, found = check_raw(raw, lambda _name: Article("fixture.txt", TEXT))
    return [(p.item, p.message) for p in found]


def test_a_publisher_holding_the_bylines_reporter_is_refused() -> None:
    found = _refused("Lena Marsh, Vesta Herald")
    assert [item for item, _ in found] == ["source.publisher"]
    assert "“Vesta Herald”" in found[0][1] and "Lena Marsh" in found[0][1]
    assert _refused("Vesta Herald") == []


def test_a_byline_credit_names_the_reporter_and_the_organisation_apart() -> None:
    credit = {"kind": "byline", "name": "Lena Marsh, Vesta Herald", "as_written": BYLINE}
    assert [item for item, _ in _refused("Vesta Herald", credits=[credit])] == ["credits[0].name"]
    credit = {"kind": "byline", "name": "Lena Marsh", "organisation": "Vesta Herald", "as_written": BYLINE}
    assert _refused("Vesta Herald", credits=[credit]) == []


def test_the_skeleton_proposes_the_publication_and_the_reporter_apart() -> None:
    made = skeleton(Article("fixture.txt", TEXT), "fixture", date(2026, 12, 1), "fixture.txt").text
    assert '# publisher = "Vesta Herald"' in made
    assert '# name = "Lena Marsh"' in made
    assert '# organisation = "Vesta Herald"' in made
    assert 'Lena Marsh, Vesta Herald"' not in made.replace(f'"{BYLINE}"', "")
