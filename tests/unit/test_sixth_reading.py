"""The sixth reading's rules (issue 10, REVIEW-6), each on a small article written for these tests.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.briefs.article import Article
from bot.briefs.loader import check_raw
from bot.briefs.models import Brief


def fixture_brief(headline: str, **sections: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "format": 2,
        "id": "fixture",
        "added": __import__("datetime").date(2026, 1, 1),
        "source": {
            "seed": "fixture.txt",
            "publisher": "Estria Harbour News",
            "headline": headline,
            "evidence": ["Estria Harbour News staff contributed to this report."],
        },
        "key_points": [{"evidence": ["Estria Harbour News staff contributed to this report."]}],
    }
    raw.update(sections)
    return raw


def checked(text: str, **sections: Any) -> tuple[Brief | None, list[tuple[str, str]]]:
    headline = text.splitlines()[0]
    loaded, found = check_raw(fixture_brief(headline, **sections), lambda _name: Article("fixture.txt", text))
    return (loaded if isinstance(loaded, Brief) else None), [(p.item, p.message) for p in found]


def refused(text: str, **sections: Any) -> list[str]:
    return [item for item, _ in checked(text, **sections)[1]]


# ---------------------------------------------------------------- an account opened after a participle

# TEST FIXTURE, NOT NEWS: accounts opened after a participle or adverbial clause ("Asked about the delay, Oster
# said …"), each followed by a sentence of that account.
ASKED = """Ferry talks stall in Estria

Asked about the delay, Oster said the ferries would stay in port. The crews are unpaid.
Speaking at the quay on Tuesday, the mayor told reporters the harbour reopens in May. Two cranes are broken.
When asked about fuel, Vesta said the tanks were empty. The tankers are late.
Asked whether the ferries would sail, Oster said they would wait. The quay stays shut.
Sent by sea, the ferries arrived late, Oster said. The quay was full.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("told", "opening"),
    [
        ("The crews are unpaid.", "Oster said"),
        ("Two cranes are broken.", "the mayor told reporters"),
        ("The tankers are late.", "Vesta said"),
        ("The quay stays shut.", "Oster said"),  # a question asked: "Asked whether …" holds a clause
    ],
)
def test_an_account_opened_after_a_participle_goes_on_in_the_next_sentence(told: str, opening: str) -> None:
    """Fifth reading (left open): "Asked about X, Oster said …" was not read as an opened account (a comma
    before the source, after a clause that is not a setting of where and when), so the sentence after it passed
    as the article's own words."""
    assert refused(ASKED, key_points=[{"evidence": [told]}]) == ["key_points[0].attribution"]
    assert refused(ASKED, key_points=[{"evidence": [told], "attribution": opening}]) == []


def test_a_participle_clause_with_a_clause_of_its_own_still_closes_on_its_source() -> None:
    """A participle that opens a clause with its own subject ("Sent by sea, the ferries arrived late, Oster
    said.") is no setting of the source: the sentence is closed by it, and the next is the article's own."""
    said = "Sent by sea, the ferries arrived late, Oster said."
    assert refused(ASKED, key_points=[{"evidence": [said]}]) == ["key_points[0].attribution"]
    assert refused(ASKED, key_points=[{"evidence": [said], "attribution": "Oster said"}]) == []
    assert refused(ASKED, key_points=[{"evidence": ["The quay was full."]}]) == []


# ---------------------------------------------------------------- whom a pronoun stands for

# TEST FIXTURE, NOT NEWS: quotations continued in their own paragraph, attributed by a pronoun, after sentences
# that name one person, two, a pair named together, or one of a kind the pronoun is not.
SPEAKERS = """Ferry talks stall in Estria

Harbourmaster Ada Quill said the quay was ready for Mayor Ben Oster’s ferries.

“We open on Monday, whatever the weather,” she said.

Harbourmaster Ada Quill and Mayor Ben Oster called for tugs, but Vesta Keel refused the request.

“We have no tugs to spare,” she said.

Mayor Ben Oster said the crews were unpaid. Harbourmaster Ada Quill is a former pilot.

“Nobody is paid at all,” he said.
Estria Harbour News staff contributed to this report.
"""

# TEST FIXTURE, NOT NEWS: the article's own titles say which pronoun each person takes.
TITLED = """Ferry talks stall in Estria

Harbourmaster Ada Quill said the quay was ready.

Mrs Ada Quill thanked Mr Ben Oster at the quay.

“The ferries are safe,” he said.
Estria Harbour News staff contributed to this report.
"""

QUILL = {
    "name": "Ada Quill",
    "role": "Harbourmaster",
    "as_written": "Harbourmaster Ada Quill",
    "evidence": ["Harbourmaster Ada Quill said the quay was ready for Mayor Ben Oster’s ferries."],
    "attribution": "Harbourmaster Ada Quill said",
}
OSTER = {
    "name": "Ben Oster",
    "role": "Mayor",
    "as_written": "Mayor Ben Oster",
    "evidence": ["Mayor Ben Oster said the crews were unpaid."],
    "attribution": "Mayor Ben Oster said",
}
KEEL = {
    "name": "Vesta Keel",
    "as_written": "Vesta Keel",
    "evidence": [
        "Harbourmaster Ada Quill and Mayor Ben Oster called for tugs, but Vesta Keel refused the request."
    ],
}


def _pronoun_quote(text: str, speaker: str, attribution: str) -> dict[str, Any]:
    return {
        "speaker": speaker,
        "text": text,
        "attribution": attribution,
        "evidence": [f"“{text},” {attribution}."],
    }


@pytest.mark.parametrize("speaker", ["Ada Quill", "Ben Oster"])
def test_a_pronoun_that_could_stand_for_two_people_names_no_speaker(speaker: str) -> None:
    """Fifth reading (left open): a quote attributed by “she” was given to whom the sentence before names last,
    Ben Oster in “Ada Quill said the quay was ready for Mayor Ben Oster’s ferries.”: either could be “she”. The
    article does not say which: refused, whichever is named (never a guess)."""
    quote = _pronoun_quote("We open on Monday, whatever the weather", speaker, "she said")
    _loaded, found = checked(SPEAKERS, people=[QUILL, OSTER], quotes=[quote])
    assert [item for item, _ in found] == ["quotes[0].speaker"], found
    assert "could stand for Ada Quill or Ben Oster" in found[0][1]


def test_a_pronoun_for_a_person_named_by_title_only_in_the_article_is_still_ambiguous() -> None:
    """The other person need not be one of the brief's people: "Mayor Ben Oster" is a person by his title."""
    quote = _pronoun_quote("We open on Monday, whatever the weather", "Ada Quill", "she said")
    assert refused(SPEAKERS, people=[QUILL], quotes=[quote]) == ["quotes[0].speaker"]


def test_a_singular_pronoun_stands_for_the_one_not_named_in_a_pair() -> None:
    """“she” after "Ada Quill and Mayor Ben Oster called for tugs, but Vesta Keel refused the request." is Vesta
    Keel: the two named together are “they”. The proof says whom the pronoun stands for and whom it does not."""
    quote = _pronoun_quote("We have no tugs to spare", "Vesta Keel", "she said")
    loaded, found = checked(SPEAKERS, people=[QUILL, OSTER, KEEL], quotes=[quote])
    assert found == [] and loaded is not None and loaded.proof is not None
    [passage] = loaded.proof.items["quotes[0]"].passages
    assert passage.referent == (
        "“she” is Vesta Keel, named in the sentence before (not Ada Quill or Ben Oster: named together, “they”)"
    )
    assert refused(SPEAKERS, people=[QUILL, OSTER, KEEL], quotes=[{**quote, "speaker": "Ada Quill"}]) == [
        "quotes[0].speaker"
    ]


def test_a_title_that_says_who_a_pronoun_cannot_be_settles_it() -> None:
    """ "Mrs Ada Quill thanked Mr Ben Oster at the quay." then “…,” he said.: the article's own titles say “he” is
    not Mrs Quill, so he is Ben Oster, and the proof says why."""
    quote = _pronoun_quote("The ferries are safe", "Ben Oster", "he said")
    oster = {
        **OSTER,
        "as_written": "Mr Ben Oster",
        "evidence": ["Mrs Ada Quill thanked Mr Ben Oster at the quay."],
    }
    oster = {key: value for key, value in oster.items() if key not in ("role", "attribution")}
    quill = {**QUILL, "evidence": ["Harbourmaster Ada Quill said the quay was ready."]}
    loaded, found = checked(TITLED, people=[quill, oster], quotes=[quote])
    assert found == [] and loaded is not None and loaded.proof is not None
    [passage] = loaded.proof.items["quotes[0]"].passages
    assert passage.referent == (
        "“he” is Ben Oster, named in the sentence before (not Ada Quill: “Mrs” in the article)"
    )


def test_a_pronoun_stands_for_whom_the_sentence_just_before_names() -> None:
    """The sentence just before the quote ("Harbourmaster Ada Quill is a former pilot.") names Ada Quill
    alone: “he” is not a guess at the mayor two sentences back, and giving the quote to him is refused."""
    quote = _pronoun_quote("Nobody is paid at all", "Ben Oster", "he said")
    assert refused(SPEAKERS, people=[QUILL, OSTER], quotes=[quote]) == ["quotes[0].speaker"]


# ---------------------------------------------------------------- a plan, a possibility

# TEST FIXTURE, NOT NEWS: aid and loans planned, possible or considered, none of them given.
PLANS = """Harbour aid plans in Estria

Vesta plans to provide two cranes to Estria. Norland could provide fuel to Estria.
Oster is considering sending tugs to Estria. Norland may lend Estria a $90 million loan.
Vesta is set to provide nets to Estria. Oster intends to lend Estria a $40 million loan.
Estria Harbour News staff contributed to this report.
"""


def _flow(sentence: str, verb: str, item: str, status: str) -> dict[str, Any]:
    return {
        "donor": sentence.split()[0],
        "recipient": "Estria",
        "kind": "other",
        "items": [item],
        "status": status,
        "status_as_written": verb,
        "evidence": [sentence],
    }


PLANNED_AID = [
    ("Vesta plans to provide two cranes to Estria.", "plans to provide", "two cranes", "planned"),
    ("Vesta is set to provide nets to Estria.", "is set to provide", "nets", "planned"),
    ("Norland could provide fuel to Estria.", "could provide", "fuel", "possible"),
    ("Oster is considering sending tugs to Estria.", "is considering sending", "tugs", "under consideration"),
]


@pytest.mark.parametrize(("sentence", "verb", "item", "status"), PLANNED_AID)
def test_a_plan_or_a_possibility_has_a_status_that_says_so(
    sentence: str, verb: str, item: str, status: str
) -> None:
    """Fifth reading (left open): "plans to provide", "is set to send", "could provide" had no status that
    told them, so a brief could not hold what the article says; now `planned` and `possible` say what they are,
    checked against the verb like every status, and no other status is accepted for it."""
    assert refused(PLANS, aid=[_flow(sentence, verb, item, status)]) == []
    for other in ("provided", "pledged", "planned", "possible", "under consideration"):
        if other != status:
            assert "aid[0].status" in refused(PLANS, aid=[_flow(sentence, verb, item, other)]), other


def _loan(sentence: str, lender: str, amount: str, verb: str, status: str) -> dict[str, Any]:
    return {
        "lender": lender,
        "borrower": "Estria",
        "as_written": amount,
        "status": status,
        "status_as_written": verb,
        "evidence": [sentence],
    }


def test_a_planned_or_possible_loan_is_shown_as_not_made() -> None:
    """A loan that may be lent, or is intended, is headed and counted as what it is: "Loan possible (not made)",
    never as a loan made; the same for aid: "Planned (not given)"."""
    from bot.briefs.answers import answer
    from bot.briefs.lookup import Library
    from bot.briefs.render import pages_text

    may = _loan(
        "Norland may lend Estria a $90 million loan.", "Norland", "$90 million", "may lend", "possible"
    )
    intends = _loan(
        "Oster intends to lend Estria a $40 million loan.",
        "Oster",
        "$40 million",
        "intends to lend",
        "planned",
    )
    cranes = _flow(*PLANNED_AID[0])
    fuel = _flow(*PLANNED_AID[2])
    loaded, found = checked(PLANS, loans=[may, intends], aid=[cranes, fuel])
    assert found == [] and loaded is not None
    assert refused(PLANS, loans=[{**may, "status": "provided"}]) == ["loans[0].status"]
    library = Library([loaded])
    loans = pages_text(answer("loans", library))
    assert "Loan possible (not made) · Norland → Estria: $90 million" in loans
    assert "Loan planned (not made) · Oster → Estria: $40 million" in loans
    assert "Loans: 1 loan possible (not made), 1 loan planned (not made)" in loans
    assert "Status: possible (could be given; the article does not say it was decided or done)" in loans
    aid = pages_text(answer("aid", library))
    assert "Planned (not given) · Vesta → Estria: two cranes" in aid
    assert "Possible (not given) · Norland → Estria: fuel" in aid
    assert "Aid: 1 planned (not given), 1 possible (not given)" in aid
    assert "Status: planned (intended; the article does not say it was done)" in aid


def test_aid_being_considered_is_headed_as_considered_not_as_asked_for() -> None:
    """Sixth reading: a flow `under consideration` ("Oster is considering sending tugs to Estria.") was headed
    "Asked for · Oster → Estria: tugs": nobody asked, and it reads as Estria's request of Oster."""
    from bot.briefs.answers import answer
    from bot.briefs.lookup import Library
    from bot.briefs.render import pages_text

    loaded, found = checked(PLANS, aid=[_flow(*PLANNED_AID[3])])
    assert found == [] and loaded is not None
    aid = pages_text(answer("aid", Library([loaded])))
    assert "Considered (not given) · Oster → Estria: tugs" in aid and "Asked for" not in aid
    assert "Aid: 1 considered (not given)" in aid


# ---------------------------------------------------------------- a body or a place is not a person

# TEST FIXTURE, NOT NEWS: names the article itself shows to be a body or a place, not a person, beside a person
# named alone and one whose title the article gives.
BODIES = """Harbour raid in Estria

Korvan militants fired flares at the quay on Monday. Korvan, which controls the northern hills, stayed silent.
Talks were held in Mirren on Tuesday. The movement Selvar said it had left the quay.
Harbourmaster Ada Quill met Drann at the quay. Drann said the crews were safe.
Sarn fighters guarded the quay. Envoy Sarn stayed silent.
Estria Harbour News staff contributed to this report.
"""


def _one_word_person(name: str, sentence: str, **more: Any) -> dict[str, Any]:
    return {"name": name, "as_written": more.pop("as_written", name), "evidence": [sentence], **more}


@pytest.mark.parametrize(
    ("name", "sentence", "signal"),
    [
        ("Korvan", "Korvan militants fired flares at the quay on Monday.", "“Korvan militants”"),
        ("Korvan", "Korvan, which controls the northern hills, stayed silent.", "“Korvan, which”"),
        ("Mirren", "Talks were held in Mirren on Tuesday.", "“in Mirren”"),
        ("Selvar", "The movement Selvar said it had left the quay.", "“movement Selvar”"),
    ],
)
def test_a_name_the_article_shows_is_a_body_or_a_place_is_no_person(
    name: str, sentence: str, signal: str
) -> None:
    """Fifth reading (left open): ORGANISATION_WORDS and PLACE_NAMES are hand lists, so a body or a place they
    do not list ("Hamas") passed as a person. The article's own words say so: a member noun after the name
    ("Korvan militants"), "which" after it, a place's preposition before it ("in Mirren"), a body's noun
    before it ("the movement Selvar"); with no person's title or role for it anywhere, it is refused."""
    attribution = {"attribution": "The movement Selvar said"} if name == "Selvar" else {}
    found = checked(BODIES, people=[_one_word_person(name, sentence, **attribution)])[1]
    assert [item for item, _ in found] == ["people[0].name"], found
    assert signal in found[0][1]


def test_a_name_with_a_persons_title_or_no_sign_of_a_body_stays_a_person() -> None:
    """ "Drann" (named alone, no sign of a body) and "Sarn" (the article titles him: "Envoy Sarn", beside
    "Sarn fighters") are people; so is every person of the shipped brief (test_mutants)."""
    drann = _one_word_person("Drann", "Drann said the crews were safe.", attribution="Drann said")
    sarn = _one_word_person("Sarn", "Envoy Sarn stayed silent.", as_written="Envoy Sarn", role="Envoy")
    assert refused(BODIES, people=[drann, sarn]) == []


# ---------------------------------------------------------------- who says a quote; who says a cut passage

# TEST FIXTURE, NOT NEWS: a quote told to someone, and sentences whose passages could be cut from their speaker.
TOLD = """Ferry talks stall in Estria

Harbourmaster Ada Quill told Mayor Ben Oster “the light is ready for the ferries”.
Oster responded that the crews were unpaid, a harbour official said.
Estria Harbour News staff contributed to this report.
"""


def test_a_quotes_speaker_is_who_says_it_not_whom_the_attribution_also_names() -> None:
    """Sixth reading: the speaker had only to be written in the attribution, so “the light is ready for the
    ferries” could be given to Ben Oster, to whom Ada Quill told it (and Austin's quote to "the participants"
    of "Austin said the participants discussed “…”", test_mutants)."""
    quote = {
        "speaker": "Ben Oster",
        "text": "the light is ready for the ferries",
        "attribution": "Harbourmaster Ada Quill told Mayor Ben Oster",
        "evidence": ["Harbourmaster Ada Quill told Mayor Ben Oster “the light is ready for the ferries”."],
    }
    assert refused(TOLD, quotes=[quote]) == ["quotes[0].speaker"]
    assert refused(TOLD, quotes=[{**quote, "speaker": "Ada Quill"}]) == []
    assert refused(TOLD, quotes=[{**quote, "speaker": "Harbourmaster Ada Quill"}]) == []


def test_a_passage_cut_just_after_who_says_it_is_refused() -> None:
    """Sixth reading: "the crews were unpaid, a harbour official said." cut from "Oster responded that" tells
    Oster's response as the official's own claim; a passage may start after a saying word only when its
    attribution holds that word."""
    cut = "the crews were unpaid, a harbour official said."
    _, found = checked(TOLD, key_points=[{"evidence": [cut], "attribution": "a harbour official said"}])
    assert {item for item, _ in found} == {"key_points[0].evidence[0]"}
    assert any("starts just after “Oster responded that”" in message for _, message in found), found
    whole = "Oster responded that the crews were unpaid, a harbour official said."
    assert refused(TOLD, key_points=[{"evidence": [whole], "attribution": "a harbour official said"}]) == []


# ---------------------------------------------------------------- denied, disputed, counterfactual, none

# TEST FIXTURE, NOT NEWS: values the article denies, disputes or tells only as what would have been.
DENIED = """Harbour deals in Estria

Norland lent Estria $50 million, not $90 million.
Oster, rather than Vesta, has sent pilots to Estria.
Oster lent Estria $70 million last year, a figure Vesta disputes.
Vesta denied that Oster sent tugs to Estria.
Norland has provided Estria with cranes, Vesta claims, but Oster denies it.
Vesta would have provided engines to Estria had it been asked.
Norland sent no ferries to Estria.
Estria Harbour News staff contributed to this report.
"""


def _deal_flow(donor: str, item: str, verb: str, sentence: str, **more: Any) -> dict[str, Any]:
    return {
        "donor": donor,
        "recipient": "Estria",
        "kind": "other",
        "items": [item],
        "status": "provided",
        "status_as_written": verb,
        "evidence": [sentence],
        **more,
    }


def _deal_loan(lender: str, amount: str, verb: str, sentence: str, **more: Any) -> dict[str, Any]:
    return {
        "lender": lender,
        "borrower": "Estria",
        "as_written": amount,
        "status": "provided",
        "status_as_written": verb,
        "evidence": [sentence],
        **more,
    }


def test_an_amount_or_a_giver_the_article_denies_is_refused() -> None:
    """Sixth reading: "Norland lent Estria $50 million, not $90 million." was accepted as a $90 million loan,
    and "Oster, rather than Vesta, has sent pilots" as pilots sent by Vesta: a value the article names only to
    deny it ("not", "rather than", "instead of" just before it) is not what was done."""
    lent = "Norland lent Estria $50 million, not $90 million."
    assert refused(DENIED, loans=[_deal_loan("Norland", "$90 million", "lent", lent)]) == [
        "loans[0].as_written"
    ]
    assert refused(DENIED, loans=[_deal_loan("Norland", "$50 million", "lent", lent)]) == []
    sent = "Oster, rather than Vesta, has sent pilots to Estria."
    assert refused(DENIED, aid=[_deal_flow("Vesta", "pilots", "has sent", sent)]) == ["aid[0].donor"]
    assert refused(DENIED, aid=[_deal_flow("Oster", "pilots", "has sent", sent)]) == []


def test_a_disputed_or_denied_claim_keeps_its_dispute() -> None:
    """Sixth reading: "…, a figure Vesta disputes." and "…, but Oster denies it." were dropped: the loan was
    told as fact, the cranes as Vesta's claim alone. A dispute or a denial is a hedge of its sentence; and what
    someone denied was done ("Vesta denied that Oster sent tugs") has no status at all."""
    figure = "Oster lent Estria $70 million last year, a figure Vesta disputes."
    loan = _deal_loan("Oster", "$70 million", "lent", figure, when="last year")
    assert refused(DENIED, loans=[loan]) == ["loans[0].attribution"]
    disputed = {"text": "a figure Vesta disputes", "role": "hedge"}
    assert refused(DENIED, loans=[{**loan, "attribution": disputed}]) == []
    cranes = "Norland has provided Estria with cranes, Vesta claims, but Oster denies it."
    claimed = _deal_flow("Norland", "cranes", "has provided", cranes, attribution="Vesta claims")
    assert refused(DENIED, aid=[claimed]) == ["aid[0].attribution"]
    both = ["Vesta claims", {"text": "but Oster denies it", "role": "hedge"}]
    assert refused(DENIED, aid=[{**claimed, "attribution": both}]) == []
    tugs = "Vesta denied that Oster sent tugs to Estria."
    denial = {"text": "Vesta denied", "role": "hedge"}
    assert "aid[0].status" in refused(
        DENIED, aid=[_deal_flow("Oster", "tugs", "sent", tugs, attribution=denial)]
    )


def test_what_would_have_been_given_or_none_given_is_not_given() -> None:
    """Sixth reading: "Vesta would have provided engines to Estria had it been asked." was accepted as engines
    provided (a modal, then "have"), and "Norland sent no ferries" as "Given · Norland → Estria: no ferries"."""
    engines = "Vesta would have provided engines to Estria had it been asked."
    hedge = {"text": "Vesta would have provided engines to Estria had it been asked", "role": "hedge"}
    flow = _deal_flow("Vesta", "engines", "would have provided", engines, attribution=hedge)
    assert "aid[0].status" in refused(DENIED, aid=[flow])
    ferries = "Norland sent no ferries to Estria."
    assert "aid[0].items[0]" in refused(DENIED, aid=[_deal_flow("Norland", "no ferries", "sent", ferries)])


# ---------------------------------------------------------------- each clause its own source, time and doer

# TEST FIXTURE, NOT NEWS: two claims in one sentence, each with its own source; two givings joined by "and".
CLAUSES = """Harbour deals in Estria

Oster said Vesta sent ferries to Estria, and Quill said Norland sent tugs to Estria.
“We are ready for the ferries,” said Harbourmaster Ada Quill, who met Mayor Ben Oster.
Norland sent cranes to Estria on Monday and Vesta sent nets to Estria on Friday.
Estria Harbour News staff contributed to this report.
"""


def test_a_claim_is_told_by_the_source_of_its_own_clause() -> None:
    """Sixth reading: a sentence's last who-says-so was the one every fact of it needed, so Vesta's ferries
    (Oster's claim) were accepted with "Quill said", and refused with "Oster said"."""
    sentence = "Oster said Vesta sent ferries to Estria, and Quill said Norland sent tugs to Estria."
    ferries = _deal_flow("Vesta", "ferries", "sent", sentence)
    tugs = _deal_flow("Norland", "tugs", "sent", sentence)
    assert refused(CLAUSES, aid=[{**ferries, "attribution": "Oster said"}]) == []
    assert refused(CLAUSES, aid=[{**tugs, "attribution": "Quill said"}]) == []
    assert "aid[0].attribution" in refused(CLAUSES, aid=[{**ferries, "attribution": "Quill said"}])
    assert "aid[0].attribution" in refused(CLAUSES, aid=[{**tugs, "attribution": "Oster said"}])


def test_a_quote_said_by_its_source_is_not_given_to_whom_they_met() -> None:
    """Sixth reading: in “…,” said Harbourmaster Ada Quill, who met Mayor Ben Oster. the speaker is the first
    name after "said", never one of what is said of them."""
    quote = {
        "speaker": "Ben Oster",
        "text": "We are ready for the ferries",
        "attribution": "said Harbourmaster Ada Quill, who met Mayor Ben Oster",
        "evidence": [
            "“We are ready for the ferries,” said Harbourmaster Ada Quill, who met Mayor Ben Oster."
        ],
    }
    assert refused(CLAUSES, quotes=[quote]) == ["quotes[0].speaker"]
    quill = {**quote, "speaker": "Ada Quill", "attribution": "said Harbourmaster Ada Quill"}
    assert refused(CLAUSES, quotes=[quill]) == []


def test_a_giving_joined_by_and_keeps_its_own_time_and_doer() -> None:
    """Sixth reading: "Norland sent cranes to Estria on Monday and Vesta sent nets to Estria on Friday." is one
    clause (no comma), so Norland's cranes could be dated Friday and Vesta's nets Monday, and `by` taken from the
    other giving."""
    sentence = "Norland sent cranes to Estria on Monday and Vesta sent nets to Estria on Friday."
    cranes = _deal_flow("Norland", "cranes", "sent", sentence)
    nets = _deal_flow("Vesta", "nets", "sent", sentence)
    assert refused(CLAUSES, aid=[{**cranes, "when": "on Monday"}, {**nets, "when": "on Friday"}]) == []
    assert refused(CLAUSES, aid=[{**cranes, "when": "Friday"}]) == ["aid[0].when"]
    assert refused(CLAUSES, aid=[{**nets, "when": "on Monday"}]) == ["aid[0].when"]
    assert refused(CLAUSES, aid=[{**cranes, "by": "Vesta"}]) == ["aid[0].by"]


# ---------------------------------------------------------------- currencies as written

# TEST FIXTURE, NOT NEWS: amounts in currency words and signs that do not say which currency they are.
POUNDS = """Harbour loans in Estria

Norland lent Estria a loan of 5 million pounds. Vesta lent Estria a ¥500 million loan.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("written", "currency", "name"),
    [
        ("5 million pounds", "pounds", "pounds, kind not stated"),
        ("¥500 million", "yen or yuan", "yen or yuan, kind not stated"),
        ("5 million British pounds", "GBP", "pounds sterling"),
        ("JP¥500 million", "JPY", "yen"),
        ("3 million Egyptian pounds", "EGP", "Egyptian pounds"),
    ],
)
def test_a_currency_word_or_sign_of_several_currencies_says_no_one_of_them(
    written: str, currency: str, name: str
) -> None:
    """Sixth reading: "pounds" was read as GBP and "¥" as JPY, codes the article does not write: Egypt, Lebanon
    and Syria pay in pounds, China's yuan is written "¥" too. Alone they are of a kind not stated, as "$" is."""
    from bot.briefs.money import parse_money

    money = parse_money(written)
    assert (money.currency, money.currency_name) == (currency, name)


def test_a_loan_in_pounds_is_not_told_as_sterling() -> None:
    sentence = "Norland lent Estria a loan of 5 million pounds."
    loan = _deal_loan("Norland", "5 million pounds", "lent", sentence)
    assert refused(POUNDS, loans=[{**loan, "currency": "pounds"}]) == []
    assert refused(POUNDS, loans=[{**loan, "currency": "GBP"}]) == ["loans[0].currency"]
    yen = _deal_loan("Vesta", "¥500 million", "lent", "Vesta lent Estria a ¥500 million loan.")
    assert refused(POUNDS, loans=[{**yen, "currency": "JPY"}]) == ["loans[0].currency"]


# ---------------------------------------------------------------- a title cut from what qualifies it

# TEST FIXTURE, NOT NEWS: titles the article qualifies ("Former", "acting", "late", "would-be").
TITLES = """Harbour talks in Estria

Former Mayor Ben Oster met acting Harbourmaster Ada Quill at the quay.
The late envoy Tess Marr had opened the quay, said would-be mayor Ivo Renn.
Estria Harbour News staff contributed to this report.
"""
_MET = "Former Mayor Ben Oster met acting Harbourmaster Ada Quill at the quay."
_OPENED = "The late envoy Tess Marr had opened the quay, said would-be mayor Ivo Renn."


@pytest.mark.parametrize(
    ("name", "as_written", "role", "sentence"),
    [
        ("Ben Oster", "Mayor Ben Oster", "Mayor", _MET),
        ("Ada Quill", "Harbourmaster Ada Quill", "Harbourmaster", _MET),
        ("Tess Marr", "envoy Tess Marr", "envoy", _OPENED),
        ("Ivo Renn", "mayor Ivo Renn", "mayor", _OPENED),
    ],
)
def test_a_title_cut_from_what_qualifies_it_is_refused(
    name: str, as_written: str, role: str, sentence: str
) -> None:
    """Sixth reading: the phrase that names a person could be cut from the word that qualifies its title:
    "Former Mayor Ben Oster" told as "Mayor", the "acting" harbourmaster, the "late" envoy, the "would-be" mayor
    told as office-holders (and, in the shipped brief, "Prime Minister Naftali Bennett" as "Minister")."""
    person = {"name": name, "as_written": as_written, "role": role, "evidence": [sentence]}
    if sentence == _OPENED:
        person["attribution"] = "said would-be mayor Ivo Renn"
    assert "people[0].as_written" in refused(TITLES, people=[person])
    whole = {"Ben Oster": "Former Mayor", "Ada Quill": "acting Harbourmaster"}
    if name in whole:
        full = {**person, "as_written": f"{whole[name]} {name}", "role": whole[name]}
        assert refused(TITLES, people=[full]) == []


def test_a_planned_or_possible_deal_with_its_doer_still_reads_as_not_given() -> None:
    """Sixth reading, of this session's own statuses: with `by`, a possible flow was headed "Possibly from
    Norland" (no "not given") and counted "1 possibly from"; a possible loan named a "Lender" of a loan not
    made."""
    from bot.briefs.answers import answer
    from bot.briefs.lookup import Library
    from bot.briefs.render import pages_text

    fuel = {**_flow(*PLANNED_AID[2]), "by": "Norland"}
    may = _loan(
        "Norland may lend Estria a $90 million loan.", "Norland", "$90 million", "may lend", "possible"
    )
    loaded, found = checked(PLANS, aid=[fuel], loans=[may])
    assert found == [] and loaded is not None
    aid = pages_text(answer("aid", Library([loaded])))
    assert "* Possible (not given) · Norland → Estria: fuel" in aid and "Aid: 1 possible (not given)" in aid
    assert "Possibly from: Norland" in aid
    loans = pages_text(answer("loans", Library([loaded])))
    assert "Lender, if made: Norland · Borrower, if made: Estria" in loans


# ---------------------------------------------------------------- an event's own clause

# TEST FIXTURE, NOT NEWS: events joined by "and" to another clause, each with its own time and place.
JOINED = """Harbour deals in Estria

Norland sent cranes to Estria on Monday and Vesta sent nets to Estria on Friday.
The ferry sank in Mirren and the crew swam to Estria on Sunday.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("what", "field", "value", "own"),
    [
        ("Norland sent cranes to Estria", "when", "on Friday", "on Monday"),
        ("The ferry sank", "when", "on Sunday", None),
        ("the crew swam to Estria", "where", "Mirren", None),
        ("The ferry sank", "where", "Mirren", "Mirren"),
    ],
)
def test_an_events_time_and_place_come_from_its_own_clause(
    what: str, field: str, value: str, own: str | None
) -> None:
    """Sixth reading: "The ferry sank in Mirren and the crew swam to Estria on Sunday." let the sinking be dated
    Sunday and the swim placed in Mirren (and the shipped article's planeloads be placed "in Ukraine", where the
    field hospital was built: test_mutants); a time or place past a clause joined by "and" with a subject or a
    verb of its own is that clause's."""
    sentence = next(line for line in JOINED.splitlines() if what in line)
    event = {"what": what, field: value, "evidence": [sentence]}
    expected = [] if value == own else [f"events[0].{field}"]
    assert refused(JOINED, events=[event]) == expected
    if own is not None and own != value:
        assert refused(JOINED, events=[{**event, field: own}]) == []


# ---------------------------------------------------------------- a belief is not a giving

# TEST FIXTURE, NOT NEWS: givings the article tells only as believed or thought.
BELIEVED = """Harbour deals in Estria

Norland is believed to have sent fuel to Estria.
Vesta is thought to have lent Estria $20 million.
Estria Harbour News staff contributed to this report.
"""


def test_what_is_believed_or_thought_keeps_its_hedge() -> None:
    """Sixth reading: "Norland is believed to have sent fuel to Estria." and "Vesta is thought to have lent
    Estria $20 million." were accepted as fact, with no hedge: a belief of unnamed others, told as done."""
    fuel = _deal_flow("Norland", "fuel", "sent", "Norland is believed to have sent fuel to Estria.")
    assert refused(BELIEVED, aid=[fuel]) == ["aid[0].attribution"]
    hedge = {"text": "Norland is believed to have sent fuel to Estria", "role": "hedge"}
    assert refused(BELIEVED, aid=[{**fuel, "attribution": hedge}]) == []
    loan = _deal_loan("Vesta", "$20 million", "lent", "Vesta is thought to have lent Estria $20 million.")
    assert refused(BELIEVED, loans=[loan]) == ["loans[0].attribution"]


# TEST FIXTURE, NOT NEWS: a quotation two people said together.
TOGETHER = """Harbour talks in Estria

Harbourmaster Ada Quill and Mayor Ben Oster said “the quay is ready for the ferries”.
Estria Harbour News staff contributed to this report.
"""


def test_a_quote_two_people_said_together_is_neither_ones_alone() -> None:
    """Sixth reading: "Quill and Oster said “…”" let the quote be given to Oster alone: the pair's words told as
    one speaker's. A quote has one speaker; said by two, it is told as a key point."""
    quote = {
        "speaker": "Ben Oster",
        "text": "the quay is ready for the ferries",
        "attribution": "Harbourmaster Ada Quill and Mayor Ben Oster said",
        "evidence": [TOGETHER.splitlines()[2]],
    }
    quill = {"name": "Ada Quill", "as_written": "Ada Quill", "evidence": [TOGETHER.splitlines()[2]]}
    quill["attribution"] = "Harbourmaster Ada Quill and Mayor Ben Oster said"
    assert refused(TOGETHER, people=[quill], quotes=[quote]) == ["quotes[0].speaker"]
    assert refused(TOGETHER, people=[quill], quotes=[{**quote, "speaker": "Ada Quill"}]) == [
        "quotes[0].speaker"
    ]
