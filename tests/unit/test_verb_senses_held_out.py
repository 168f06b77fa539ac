"""A second, held-out measure of the reading of verbs by their senses (TASK-verbs 1; `test_verb_senses`).

Written after the first lists passed: of these 30 narrative sentences 23 were refused on main and 6 after the first
commit ("flew", "wired", "cracked", "chaired", "searched": WordNet gives each a minor sense of telling or seeing,
now in NARRATIVE_VERBS); of these 20 saying sentences 3 passed on main and 2 after it (", Vesta texted.", a verb
neither the lexicon nor WordNet holds, closing the sentence; ", officials leaked.", a PLAIN_VERBS entry).

TEST FIXTURES, NOT NEWS: every sentence below is an invented text about invented places (Estria, Norland, Vesta,
Oster, Mirren); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from tests.unit.test_verb_senses import _key_point

# TEST FIXTURES, NOT NEWS: 30 invented sentences told as the article's own.
PLAIN = (
    "The navy patrolled the northern coast.",
    "Vesta flew two ministers to Mirren.",
    "The ferry departed at noon.",
    "Oster inherited the family farm.",
    "The storm uprooted hundreds of trees.",
    "Norland evacuated the border villages.",
    "The bank froze the accounts.",
    "The council demolished the old pier.",
    "The tanker refuelled at Mirren.",
    "Vesta wired the money on Friday.",
    "The truckers blocked the bridge for hours.",
    "The rebels surrendered their weapons.",
    "The children returned to school.",
    "The minister cut the ribbon.",
    "Estria recruited two thousand nurses.",
    "The ice sheet cracked overnight.",
    "The refugees crossed into Vesta.",
    "The workers painted the hull.",
    "Norland deployed troops to the border.",
    "The company laid off three hundred staff.",
    "Vesta quarantined the port.",
    "The army rebuilt the bridge in a week.",
    "Oster chaired the meeting.",
    "The ship unloaded its cargo at dawn.",
    "The mayor fired the police chief.",
    "The court fined the company on Monday.",
    "The ferry sank off Mirren.",
    "The soldiers searched the houses.",
    "The team trained in Oster.",
    "Estria rationed fuel in winter.",
)

# TEST FIXTURES, NOT NEWS: 20 invented sentences that say who says so or hedge.
TELLING = (
    "Norland sent fuel, Vesta boasted.",
    "Norland sent fuel, Oster griped.",
    "Vesta figures that Norland sent fuel.",
    "Vesta surmises that Norland sent fuel.",
    "Norland sent fuel, the Vesta Herald revealed.",
    "Oster conjectures Norland sent fuel.",
    "Norland sent fuel, Vesta texted.",
    "Vesta posits that Norland sent fuel.",
    "Norland sent fuel, Oster quipped.",
    "Oster presumes Norland sent fuel.",
    "Norland sent fuel, Vesta emailed.",
    "Norland sent fuel, Vesta stressed.",
    "Vesta perceives that Norland sent fuel.",
    "Norland sent fuel, Oster lamented.",
    "Norland sent fuel, Vesta podcasted.",
    "Norland sent fuel, officials leaked.",
    "Vesta theorises that Norland sent fuel.",
    "Norland ostensibly sent fuel.",
    "Norland sent fuel, Oster mused.",
    "Norland sent fuel, Vesta posted online.",
)


@pytest.mark.parametrize(
    "sentence",
    [
        *PLAIN,
        "The fuel tank leaked on Monday.",
        "Norland sent fuel to Estria, and the ships refuelled.",  # a spelling the lexicon lacks, of a plain verb
        "Prices rose in Vesta; the strikers withdrew.",  # a clause of its own after a semicolon
    ],
)
def test_a_held_out_narrative_verb_needs_no_attribution(sentence: str) -> None:
    assert _key_point(sentence) == []


@pytest.mark.parametrize("sentence", TELLING)
def test_a_held_out_verb_of_telling_needs_an_attribution(sentence: str) -> None:
    assert {item for item, _ in _key_point(sentence)} == {"key_points[0].attribution"}
