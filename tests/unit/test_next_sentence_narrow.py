"""Issue 10 (TASK-next): how the check reads the sentences after a done giving.

The same-paragraph reading refused any sentence that pointed back to the giving and held a negation, a none word
or a verb the check has no meaning for, so plain prose after "Norland sent fuel to Estria on Monday." was refused
("The fuel kept hospitals running.", "The fuel was not cheap.", "No one was hurt.", "The report was published on
Monday."), and the far reading took "It was returned to service in May." as the fuel given back. Both now read
with the far reading's narrower tests: the sentence points back to the giving AND tells it undone, denied, doubted
or delayed. A negation denies it only where it governs a verb of giving, getting, arriving or leaving (or stands
with no verb after it: "It did not."); an undoing is told by what a verb means (WordNet senses: intercepting,
seizing, blocking, diverting, delaying, failing, giving back), said of the giving or of what carries it ("Vesta
intercepted the tankers.", "The delivery has been delayed."), near or far.

TEST FIXTURES, NOT NEWS: invented places (Estria, Norland, Vesta, Oster, Mirren); none is, or is taken from, a
real report.
"""

from __future__ import annotations

import pytest

from bot.briefs import lexicon, vocabulary
from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, checked, refused

GIVING = "Norland sent fuel to Estria on Monday."
BUSY = "The port was busy."


def _paragraphs(*paragraphs: str) -> str:
    return (
        "Fuel for Estria\n\n"
        + "\n".join(paragraphs)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


def _refused(*paragraphs: str) -> list[str]:
    return refused(_paragraphs(*paragraphs), aid=[_deal_flow("Norland", "fuel", "sent", GIVING)])


# Plain prose after the giving, in its own paragraph: it tells what the fuel did or was, or other news.
PLAIN_NEXT = (
    "The fuel kept hospitals running.",
    "The fuel was not cheap.",
    "No one was hurt.",
    "The report was published on Monday.",
    "It is not clear when talks will resume.",
    "That was not the end of it.",
    "Estria's mayor denied any wrongdoing.",
    "None of the crews were paid.",
    "Norland returned to the talks.",
    "The aid did not stop the protests.",
    "Vesta has never sent aid to Estria.",
    # guards of the same kinds
    "The fuel lasted the winter.",
    "Nobody was injured.",
    "The fuel was not taxed.",
    "The report was praised by Estria.",
    "The shipment helped Estria through the winter.",
    "The fuel did not come cheap.",
    "The delay was short.",
    "The talks were delayed.",
    "Vesta delayed the vote.",
    "The fuel did not last long.",
    "None of the ferries sailed.",
    "It was the third shipment this year.",
)


@pytest.mark.parametrize("after", PLAIN_NEXT)
def test_plain_prose_after_a_giving_in_its_paragraph_leaves_it_done(after: str) -> None:
    assert _refused(f"{GIVING} {after}") == []


@pytest.mark.parametrize("after", PLAIN_NEXT)
def test_plain_prose_after_a_giving_two_paragraphs_on_leaves_it_done(after: str) -> None:
    assert _refused(GIVING, BUSY, after) == []


def test_a_thing_returned_to_somewhere_no_party_is_is_not_the_giving_given_back() -> None:
    assert _refused(GIVING, BUSY, "It was returned to service in May.") == []
    assert _refused(f"{GIVING} It was returned to service in May.") == []


# An interception, a seizure, a delay, a diversion, a failure or a return of what was given: undone, near or far.
UNDONE = (
    "Vesta intercepted the tankers.",
    "The delivery has been delayed.",
    "The shipment was held up at the border.",
    "Estria sent the fuel back.",
    "Vesta commandeered the tankers.",
    "Vesta detained the convoy.",
    "The delivery was postponed.",
    "The fuel was withheld.",
    "The fuel was impounded.",
    "The tankers vanished.",
    "The fuel was returned to Norland.",
    "Estria returned the fuel.",
    "Vesta seized the fuel.",
    "The fuel was diverted to Mirren.",
    "Vesta blocked the shipment.",
)


@pytest.mark.parametrize("after", UNDONE)
def test_an_undoing_in_the_givings_paragraph_is_refused(after: str) -> None:
    assert _refused(f"{GIVING} {after}") == ["aid[0].status"]


@pytest.mark.parametrize("after", UNDONE)
def test_an_undoing_two_paragraphs_on_is_refused(after: str) -> None:
    assert _refused(GIVING, BUSY, after) == ["aid[0].status"]


# What the near reading refused and goes on refusing: a governed or elliptical denial, a none word for the item,
# a doubt of what points back, a question, what it was.
STILL_REFUSED = (
    "The fuel never arrived.",
    "It did not.",
    "That is not so.",
    "No fuel reached Estria.",
    "None of it arrived.",
    "Nobody believes it.",
    "Norland handed none of it over.",
    "But the fuel had never left port.",
    "Estria denied receiving any fuel.",
    "Estria denies it.",
    "The shipment never materialised.",
    "Or did it?",
    "It was all a drill.",
    "That is false.",
    "The deal collapsed.",
)


@pytest.mark.parametrize("after", STILL_REFUSED)
def test_a_denial_or_doubt_in_the_givings_paragraph_is_still_refused(after: str) -> None:
    assert _refused(f"{GIVING} {after}") == ["aid[0].status"]


def test_the_refusal_names_the_sentence_the_words_and_what_to_do() -> None:
    found = dict(
        checked(
            _paragraphs(GIVING, BUSY, "Vesta intercepted the tankers."),
            aid=[_deal_flow("Norland", "fuel", "sent", GIVING)],
        )[1]
    )
    message = found["aid[0].status"]
    assert "“Vesta intercepted the tankers.”" in message
    assert "“intercepted”" in message
    assert "change the status" in message


def test_the_undoing_senses_are_wordnets_and_a_rare_sense_does_not_count() -> None:
    roots = [root for kind in vocabulary.UNDOING_SENSES.values() for root in kind]
    means = vocabulary.MEANS_SENSES
    assert all(lexicon.sense_offset(root) is not None for root in [*roots, *means])
    assert lexicon.sense_under("postponed", roots) == "delay.v.02"
    assert lexicon.sense_under("held", roots, particle="up") == "delay.v.01"
    assert lexicon.sense_under("commandeered", roots) == "seize.v.02"
    # "check" is "check, retard, delay" only in its seventh sense, "kept" "prevent, keep" in its fourth
    assert lexicon.sense_under("checked", roots) is None
    assert lexicon.sense_under("kept", roots) is None
    # a loan paid back was lent: "repay" is no giving back
    assert lexicon.sense_under("repaid", roots) is None
    assert lexicon.sense_under("tankers", means) == "conveyance.n.03"
    assert lexicon.sense_under("talks", means) is None


# README's own hedge example ("Writing a brief": role `hedge`) on a done loan: a next sentence the editor gives as
# the fact's attribution is shown with it, and read only for what tells the giving undone, false or denied.
LENT = "Norland lent Estria $90 million on Monday."
HEDGE = "The claim could not be independently verified."


def _loan_told(second: str, attribution: object) -> list[tuple[str, str]]:
    more = {"attribution": attribution} if attribution is not None else {}
    loan = {**_deal_loan("Norland", "$90 million", "lent", LENT), "evidence": [LENT, second], **more}
    return checked(_paragraphs(f"{LENT} {second}"), loans=[loan])[1]


def test_the_readmes_hedge_example_on_a_done_loan_passes_and_shows_the_hedge() -> None:
    hedge = {"text": "The claim could not be independently verified", "role": "hedge"}
    loaded, found = checked(
        _paragraphs(f"{LENT} {HEDGE}"),
        loans=[
            {
                **_deal_loan("Norland", "$90 million", "lent", LENT),
                "evidence": [LENT, HEDGE],
                "attribution": hedge,
            }
        ],
    )
    assert found == []
    assert loaded is not None
    assert [a.text for a in loaded.loans[0].attributed if a.role == "hedge"] == [hedge["text"]]


def test_a_hedge_given_as_attribution_two_paragraphs_on_passes() -> None:
    hedge = {"text": "The claim could not be verified", "role": "hedge"}
    flow = {
        **_deal_flow("Norland", "fuel", "sent", GIVING),
        "evidence": [GIVING, "The claim could not be verified."],
        "attribution": hedge,
    }
    assert refused(_paragraphs(GIVING, BUSY, "The claim could not be verified."), aid=[flow]) == []


def test_without_the_hedge_the_status_is_refused_and_the_message_says_to_give_it() -> None:
    found = dict(_loan_told(HEDGE, None))
    assert "give its words as the attribution" in found["loans[0].status"]


@pytest.mark.parametrize(
    ("second", "attribution"),
    [
        ("Norland denies it, Vesta said.", "Vesta said"),
        ("The loan was later cancelled, officials said.", "officials said"),
        ("It never arrived, officials said.", "officials said"),
        ("Vesta seized it at sea, officials said.", "officials said"),
    ],
)
def test_an_attribution_does_not_make_an_undoing_or_a_denial_pass(second: str, attribution: str) -> None:
    assert "loans[0].status" in dict(_loan_told(second, attribution))


# A verb of taking, blocking or giving back said of a thing with no object, in the active, tells it went or halted
# itself, not that it was stopped or given back; a noun after a preposition is no verb ("kept in reserve").
ITSELF = (
    "The fuel was kept in reserve.",
    "The tankers returned to Norland empty.",
)


@pytest.mark.parametrize("after", ITSELF)
def test_what_goes_or_halts_itself_leaves_the_giving_done(after: str) -> None:
    assert _refused(f"{GIVING} {after}") == []
    assert _refused(GIVING, BUSY, after) == []


def test_a_convoy_that_stops_on_its_way_two_paragraphs_on_leaves_the_giving_done() -> None:
    assert _refused(GIVING, BUSY, "The convoy stopped in Mirren overnight.") == []


@pytest.mark.parametrize(
    "after",
    [
        "Vesta's navy stopped the convoy.",
        "The cargo was confiscated at the border.",
        "The tankers were turned back.",
    ],
)
def test_what_carries_the_giving_stopped_or_seized_two_paragraphs_on_is_refused(after: str) -> None:
    assert _refused(GIVING, BUSY, after) == ["aid[0].status"]
