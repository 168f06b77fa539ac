"""`NameIndex` builds the same index as the loop it replaced (a reload builds five over thousands of names)."""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given
from hypothesis import strategies as st

from bot.briefs.ranking import NameIndex, searchable

NAMES = st.text(alphabet="abcÉé -'Zz", max_size=6)
ROWS = st.lists(st.tuples(st.lists(NAMES, max_size=3), st.integers()), max_size=8)


def built_by_the_old_loop(
    rows: list[tuple[list[str], int]], folded: bool
) -> tuple[list[int], list[str], list[int], str, list[int]]:
    candidates: list[int] = []
    names: list[str] = []
    owner: list[int] = []
    for row_names, candidate in rows:
        for name in row_names:
            names.append(name if folded else searchable(name))
            owner.append(len(candidates))
        candidates.append(candidate)
    text = "\n".join(names)
    starts = list(accumulate((len(name) + 1 for name in names[:-1]), initial=0))
    return candidates, names, owner, text, starts


@given(ROWS, st.booleans())
def test_the_index_is_the_old_loops(rows: list[tuple[list[str], int]], folded: bool) -> None:
    index = NameIndex(iter(rows), folded=folded)  # rows may come as a generator, read once
    built = (index.candidates, index._names, index._owner, index._text, index._starts)
    assert built == built_by_the_old_loop(rows, folded)
