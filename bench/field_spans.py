"""The seventh reading's brute force over the shipped brief, in full: every 1-5 word span of an item's own evidence
in each of its party, when, where, how, role and affiliation fields (`tests/field_spans.py`). Prints how many
mutants there are, how many the check accepts, and every acceptance not judged correct (`--all`: every one).
About 3 minutes on one core; the test suite runs a sample of it (`tests/unit/test_field_words.py`).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.field_spans import CORRECT, accepted, mutants  # noqa: E402


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    total = 0
    passed = []
    for mutant in mutants():
        total += 1
        if accepted(mutant):
            passed.append(mutant)
    holes = [m for m in passed if (m.path, m.value) not in CORRECT]
    print(f"mutants: {total}")
    print(f"accepted: {len(passed)} (judged correct: {len(passed) - len(holes)}, holes: {len(holes)})")
    for field, count in sorted(Counter(f"{m.section}.{m.field}" for m in holes).items()):
        print(f"  {field}: {count}")
    for mutant in passed if show_all else holes:
        mark = "ok  " if (mutant.path, mutant.value) in CORRECT else "HOLE"
        print(f"{mark} {mutant.path} = {mutant.value!r}")
    return 1 if holes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
