"""The skeleton offers no `when` the check refuses (task "messages" 5).

`briefbot new` offered an event's first date word as its `when`, and the check then refused what the skeleton
had written: the time of saying ("said on Monday"), or a time cut from its opening word ("March" of "since
March"). Each offered time is now read by the check first: the date word, else with the words it stands after,
else the sentence's next date word; when none is taken, the event is offered without one and says why.

TEST FIXTURES, NOT NEWS: an invented text about invented places (Estria, Vesta, Oster).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.briefs.loader import load_library
from bot.briefs.skeleton import candidate_blocks
from tests.unit.test_new import new_brief, uncomment, with_source_and_first_key_point

ARTICLE = """Estria ferry talks stall

Estria Harbour News staff contributed to this report.
Harbour Minister Ada Venn said on Monday the ferries would stay in port until May.
Oster said it keeps its ferries in port. The crews have not been paid since March.
Oster said on Monday the ferries are old.
Two cranes may be repaired in June, the harbour council said.
"""


def _events(tmp_path: Path) -> list[tuple[list[str], list[str]]]:
    """Each event candidate's lines, and what the check says of it kept alone."""
    seed = tmp_path / "fixture-estria-ferries.txt"
    seed.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    briefs, seeds, status = new_brief(tmp_path / "out", seed)
    assert status == 0
    path = next(briefs.glob("*.toml"))
    base = with_source_and_first_key_point(path.read_text(encoding="utf-8"))
    found = []
    for first, end in candidate_blocks(base):
        lines = base.splitlines()[first:end]
        if lines[0] != "# [[events]]":
            continue
        path.write_text(uncomment(base, first, end), encoding="utf-8")
        found.append((lines, [f"{e.item}: {e.problem}" for e in load_library(briefs, seeds).errors]))
    return found


def test_every_event_the_skeleton_offers_passes_the_check(tmp_path: Path) -> None:
    events = _events(tmp_path)
    assert events
    for lines, errors in events:
        assert errors == [], (lines, errors)


@pytest.mark.parametrize(
    "sentence",
    [
        "said on Monday the ferries would stay in port until May",  # an expectation, not an event
        "the ferries are old",  # a time of saying alone dates no event
        "repaired in June",  # a possibility
    ],
)
def test_a_sentence_the_check_takes_no_event_of_is_not_offered_as_one(tmp_path: Path, sentence: str) -> None:
    """Integration of tasks "messages" 5 and "headless": the skeleton offers only what the check takes, and the
    check reads a headless event's heading as a `what` (no who says so, expectation or possibility)."""
    assert not [lines for lines, _ in _events(tmp_path) if any(sentence in text for text in lines)]


def test_a_time_of_another_phrase_is_not_offered_and_the_event_says_why(tmp_path: Path) -> None:
    (lines,) = [lines for lines, _ in _events(tmp_path) if any("since March" in text for text in lines)]
    assert not any(text.startswith("# when =") for text in lines)
    assert any(text.startswith("# # no `when`:") and "since" in text for text in lines)
