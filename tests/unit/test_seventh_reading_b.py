"""The seventh reading's findings (issue 10, /work/coord/REVIEW-7.md) fixed by ten-reader, each refused here.

Mutants of the shipped brief, and small articles written for these tests. TEST FIXTURES, NOT NEWS: every
article below is an invented text about invented places (Estria, Norland, Vesta, Mirren) and people (Oster,
Quill); none is, or is taken from, a real report.
"""

from __future__ import annotations

import copy
import datetime
import tomllib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.briefs.article import Article
from bot.briefs.kinds import has_time
from bot.briefs.loader import check_raw
from tests.conftest import BRIEFS_DIR, SEEDS_DIR

SHIPPED = tomllib.loads(
    (BRIEFS_DIR / "israel-ukraine-defense-contact-group.toml").read_text(encoding="utf-8")
)
ARTICLE = Article(
    SHIPPED["source"]["seed"], (SEEDS_DIR / SHIPPED["source"]["seed"]).read_text(encoding="utf-8")
)
Raw = dict[str, Any]


def shipped_refusals(change: Callable[[Raw], object]) -> list[str]:
    raw = copy.deepcopy(SHIPPED)
    change(raw)
    _, problems = check_raw(raw, lambda _name: ARTICLE)
    return [problem.item for problem in problems]


def article(*paragraphs: str) -> str:
    return (
        "Ferry talks stall in Estria\n\n"
        + "\n\n".join(paragraphs)
        + "\nEstria Harbour News staff contributed to this report.\n"
    )


def fixture_refusals(text: str, **sections: Any) -> list[str]:
    raw: Raw = {
        "format": 2,
        "id": "fixture",
        "added": datetime.date(2026, 1, 1),
        "source": {
            "seed": "fixture.txt",
            "publisher": "Estria Harbour News",
            "headline": text.splitlines()[0],
            "evidence": ["Estria Harbour News staff contributed to this report."],
        },
        "key_points": [{"evidence": ["Estria Harbour News staff contributed to this report."]}],
    }
    raw.update(sections)
    _, problems = check_raw(raw, lambda _name: Article("fixture.txt", text))
    return [problem.item for problem in problems]


def _set(section: str, index: int, **values: Any) -> Callable[[Raw], object]:
    return lambda raw: raw[section][index].update(values)


def test_the_shipped_brief_passes() -> None:
    assert shipped_refusals(lambda raw: None) == []


# ---------------------------------------------------------------- C25: each field's words are of its kind


@pytest.mark.parametrize(
    ("says", "change", "where"),
    [
        # "Ukraine also asked Israel for a loan … in a letter conveyed by Ukrainian Ambassador to Israel Yevgen
        # Korniychuk": the one asked is Israel, the verb's first object, not any words after "asked"
        (
            "the ambassador who conveyed the letter told as the one asked",
            _set("loans", 0, lender="Korniychuk"),
            "loans[0].lender",
        ),
        (
            "a title cut from his name told as the one asked",
            _set("loans", 0, lender="Ambassador"),
            "loans[0].lender",
        ),
        (
            "a demonym cut from a title told as the one asked",
            _set("loans", 0, lender="Ukrainian"),
            "loans[0].lender",
        ),
        ("a letter told as the one asked", _set("loans", 0, lender="in a letter"), "loans[0].lender"),
        ("a time told as the one asked", _set("loans", 0, lender="last week"), "loans[0].lender"),
        ("a clause told as the time", _set("loans", 0, when="Ukraine also asked Israel"), "loans[0].when"),
        ("a name told as the time", _set("loans", 0, when="Yevgen Korniychuk"), "loans[0].when"),
        ("a time told as how", _set("loans", 0, how="last week"), "loans[0].how"),
        ("the clause told as how", _set("loans", 0, how="Ukraine also asked Israel"), "loans[0].how"),
        (
            "a meeting told as the giver",
            _set("aid", 0, donor="in a previous American-led meeting"),
            "aid[0].donor",
        ),
        (
            "words ending on “and” told as the receiver",
            _set("aid", 0, recipient="Kyiv beyond helmets and"),
            "aid[0].recipient",
        ),
        ("the item told as who delivered it", _set("aid", 5, by="MILITARY AID"), "aid[5].by"),
        ("a clause's end told as who did it", _set("aid", 0, by="Ukraine’s defense, but"), "aid[0].by"),
        ("a lone preposition told as the place", _set("events", 0, where="in"), "events[0].where"),
        ("a place cut inside a name", _set("events", 1, where="in the Ukraine Defense"), "events[1].where"),
        ("a month told as the place", _set("events", 5, where="May"), "events[5].where"),
        (
            "a title told as the affiliation",
            _set("people", 2, affiliation="Prime Minister"),
            "people[2].affiliation",
        ),
        (
            "the name told as the affiliation",
            _set("people", 2, affiliation="Naftali Bennett"),
            "people[2].affiliation",
        ),
        (
            "part of the role told as the affiliation",
            _set("people", 0, affiliation="Deputy Director"),
            "people[0].affiliation",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_at_its_field(
    says: str, change: Callable[[Raw], object], where: str
) -> None:
    """C25: fields were bound by place only, so any words at that place passed ("Loan requested · Ukraine
    asked Korniychuk", "When: Ukraine also asked Israel", "Given by MILITARY AID")."""
    assert where in shipped_refusals(change), says


def _spans(texts: list[str], longest: int = 5) -> Iterator[str]:
    words = " ".join(texts).replace("“", "").replace("”", "").split()
    for size in range(1, longest + 1):
        for at in range(len(words) - size + 1):
            span = " ".join(words[at : at + size]).strip(".,;:?!")
            if span:
                yield span


def test_every_span_of_a_requests_evidence_is_refused_as_its_time_unless_it_tells_a_time() -> None:
    """Generated: each 1–5-word span of the loan request's passages given as its `when`: a span that holds no
    time word is refused (before, 53 of them passed, "Ukraine also asked Israel" among them)."""
    request = SHIPPED["loans"][0]
    accepted = [
        span
        for span in dict.fromkeys(_spans(request["evidence"]))
        if not has_time(span) and "loans[0].when" not in shipped_refusals(_set("loans", 0, when=span))
    ]
    assert accepted == []


def test_every_span_after_the_asking_verb_but_the_one_asked_is_refused_as_the_lender() -> None:
    """Generated: each 1–5-word span of "Ukraine also asked Israel for a loan …" given as the one asked: only
    Israel, the verb's first object, passes (before, 21 spans passed: "Korniychuk", "in a letter", …)."""
    request = SHIPPED["loans"][0]
    passed = [
        span
        for span in dict.fromkeys(_spans(request["evidence"][:1]))
        if span != "Israel" and not shipped_refusals(_set("loans", 0, lender=span))
    ]
    assert passed == []


# TEST FIXTURE, NOT NEWS: parties written in small letters, and a request whose asked stands first.
PARTIES = article(
    "The harbour council asked Norland for a loan of $90 million on Monday by letter.",
    "The harbour council sent two tugs to Vesta.",
)


def test_parties_in_small_letters_and_a_time_and_a_manner_of_their_kind_pass() -> None:
    request = {
        "lender": "Norland",
        "borrower": "The harbour council",
        "as_written": "$90 million",
        "amount": 90_000_000,
        "currency": "dollars",
        "status": "requested",
        "status_as_written": "asked",
        "when": "on Monday",
        "how": "by letter",
        "evidence": ["The harbour council asked Norland for a loan of $90 million on Monday by letter."],
    }
    assert fixture_refusals(PARTIES, loans=[request]) == []
    tugs = {
        "donor": "The harbour council",
        "recipient": "Vesta",
        "kind": "other",
        "items": ["two tugs"],
        "status": "provided",
        "status_as_written": "sent",
        "evidence": ["The harbour council sent two tugs to Vesta."],
    }
    assert fixture_refusals(PARTIES, aid=[tugs]) == []
    assert fixture_refusals(PARTIES, loans=[{**request, "when": "by letter"}]) == ["loans[0].when"]
    assert fixture_refusals(PARTIES, loans=[{**request, "how": "on Monday"}]) == ["loans[0].how"]


# ---------------------------------------------------------------- C8, C21: an amount told with what qualifies it


def _loan_of(sentence: str, as_written: str, amount: int, **values: Any) -> dict[str, Any]:
    return {
        "lender": "Norland",
        "borrower": "Estria",
        "as_written": as_written,
        "amount": amount,
        "currency": "dollars",
        "status": "provided",
        "status_as_written": "lent",
        "evidence": [sentence],
        **values,
    }


@pytest.mark.parametrize(
    ("sentence", "as_written", "amount"),
    [
        # C21: cut from the number words before it, the amount reads as another sum
        ("Norland lent Estria half a billion dollars.", "a billion dollars", 1_000_000_000),
        ("Norland lent Estria a quarter of a billion dollars.", "a billion dollars", 1_000_000_000),
        ("Norland lent Estria one and a half billion dollars.", "a half billion dollars", 500_000_000),
        ("Norland lent Estria three $90 million loans.", "$90 million", 90_000_000),
        ("Norland lent Estria two loans of $90 million.", "$90 million", 90_000_000),
        # C8: a qualifier, a range, a rate, a share or a comparison left out
        ("Norland lent Estria nearly $90 million.", "$90 million", 90_000_000),
        ("Norland lent Estria up to $90 million.", "$90 million", 90_000_000),
        ("Norland lent Estria more than $90 million.", "$90 million", 90_000_000),
        ("Norland lent Estria an estimated $90 million.", "$90 million", 90_000_000),
        ("Norland lent Estria between $50 million and $90 million.", "$90 million", 90_000_000),
        ("Norland lent Estria $50 million to $90 million.", "$50 million", 50_000_000),
        ("Norland lent Estria $50-$90 million.", "$90 million", 90_000_000),
        ("Norland lent Estria $90 million a year.", "$90 million", 90_000_000),
        ("Norland lent Estria $90 million each.", "$90 million", 90_000_000),
        ("Norland lent Estria $90 million twice.", "$90 million", 90_000_000),
        ("Norland lent Estria $90 million more than Vesta did.", "$90 million", 90_000_000),
    ],
)
def test_an_amount_cut_from_what_qualifies_it_is_refused(sentence: str, as_written: str, amount: int) -> None:
    """C8 and C21 (TEST FIXTURE, NOT NEWS): each was told as the exact sum lent ("half a billion dollars" as
    1,000,000,000; "nearly $90 million" as 90,000,000)."""
    assert "loans[0].as_written" in fixture_refusals(
        article(sentence), loans=[_loan_of(sentence, as_written, amount)]
    )


def test_an_amount_written_with_its_qualifier_or_rate_is_read_and_shown_with_it() -> None:
    from bot.briefs.facts import money_text
    from bot.briefs.models import Brief

    for sentence, as_written, shown in [
        (
            "Norland lent Estria up to $90 million.",
            "up to $90 million",
            "up to $90 million = up to 90,000,000",
        ),
        (
            "Norland lent Estria $90 million a year.",
            "$90 million a year",
            "$90 million a year = 90,000,000 a year",
        ),
        (
            "Norland lent Estria nearly half a billion dollars.",
            "nearly half a billion dollars",
            "= nearly 500,000,000",
        ),
    ]:
        text = article(sentence)
        raw = {
            "format": 2,
            "id": "fixture",
            "added": datetime.date(2026, 1, 1),
            "source": {
                "seed": "fixture.txt",
                "publisher": "Estria Harbour News",
                "headline": text.splitlines()[0],
                "evidence": ["Estria Harbour News staff contributed to this report."],
            },
            "key_points": [{"evidence": ["Estria Harbour News staff contributed to this report."]}],
            "loans": [_loan_of(sentence, as_written, 500_000_000 if "half" in as_written else 90_000_000)],
        }
        loaded, problems = check_raw(raw, lambda _name, text=text: Article("fixture.txt", text))
        assert problems == [] and isinstance(loaded, Brief), (sentence, problems)
        assert shown in money_text(loaded, loaded.loans[0]), money_text(loaded, loaded.loans[0])


def test_the_shipped_amounts_stay_whole_and_exact() -> None:
    """The shipped loans are told as the article writes them: "a $600 million loan", "half-a-billion dollars"."""
    for index in range(len(SHIPPED["loans"])):
        assert not [p for p in shipped_refusals(lambda raw: None) if p.startswith(f"loans[{index}]")]


def test_a_party_before_a_sum_with_a_currency_sign_is_whole() -> None:
    """C25's cut-name rule read "C$90" after "Estria" as a capitalised word of one name ("Estria C$90")."""
    sentence = "Norland lent Estria C$90 million."
    canadian = _loan_of(sentence, "C$90 million", 90_000_000, currency="CAD")
    assert fixture_refusals(article(sentence), loans=[canadian]) == []


# ---------------------------------------------------------------- C2, C4: nothing unreal told as done by a cut

REASON = {
    "text": "He told the ministers that he was concerned Russia would shoot down Israel Air Force planes",
    "role": "reason",
}


def _event(what: str, passage: str, **values: Any) -> Callable[[Raw], object]:
    return lambda raw: raw["events"].append({"what": what, "evidence": [passage], **values})


def _key_point(passage: str, **values: Any) -> Callable[[Raw], object]:
    return lambda raw: raw["key_points"].append({"evidence": [passage], **values})


PLANES = "He told the ministers that he was concerned Russia would shoot down Israel Air Force planes."
SOLUTION = (
    "Lapid responded that the IAF should find a solution, but Bennett said there isn’t one yet, a senior "
    "diplomatic source said."
)
SYRIA = (
    "Israel conducts strikes on Iranian targets and weapons convoys in Syria, and has a deconfliction mechanism "
    "to avoid a confrontation with Russia."
)
RETICENCE = (
    "Jerusalem’s reticence to help Ukraine militarily while its closest partners have done otherwise stems "
    "from Russia’s major military presence across Israel’s northern border with Syria."
)
PILOTS = (
    "Another official said that Bennett has asked the rhetorical question: who will help Israeli pilots when "
    "they’re in danger? His answer was no one."
)
MOMENTUM = (
    "we’ve built tremendous momentum for donations and delivery of military assistance, and after this meeting, "
    "we’re not just going to maintain that momentum, we’re going to move even faster and push even harder."
)
CORRIDOR = (
    "One known positive result of Bennett’s continued contact with Putin was the opening of a humanitarian "
    "corridor to evacuate Ukrainians from Mariupol’s Azovstal Iron and Steelworks in May."
)


@pytest.mark.parametrize(
    ("says", "change"),
    [
        (
            "Russia shooting down IAF planes",
            _event(
                "shoot down Israel Air Force planes",
                PLANES,
                attribution=["a senior diplomatic source said", REASON],
            ),
        ),
        (
            "the IAF finding a solution",
            _event("find a solution", SOLUTION, attribution="a senior diplomatic source said"),
        ),
        ("a confrontation with Russia (avoided)", _event("a confrontation with Russia", SYRIA)),
        ("helping Ukraine militarily (the reticence)", _event("help Ukraine militarily", RETICENCE)),
        (
            "helping Israeli pilots (no one will)",
            _event("help Israeli pilots", PILOTS, attribution="Another official said"),
        ),
        (
            "moving even faster (a promise)",
            _event("move even faster and push even harder", MOMENTUM, attribution="Austin said"),
        ),
        (
            "the evacuation (what the corridor was for)",
            _event("evacuate Ukrainians from Mariupol’s Azovstal Iron and Steelworks", CORRIDOR, when="May"),
        ),
    ],
)
def test_an_event_headed_by_what_the_article_tells_as_unreal_is_refused(
    says: str, change: Callable[[Raw], object]
) -> None:
    """C2: a `what` could start just after the modal, "to" or "avoid" that makes it unreal."""
    assert "events[10].what" in shipped_refusals(change), says


@pytest.mark.parametrize(
    ("passage", "values"),
    [
        ("a confrontation with Russia.", {}),  # "… to avoid | a confrontation with Russia."
        ("help Ukraine militarily while its closest partners have done otherwise", {}),  # "reticence to |"
        ("military aid to Kyiv beyond helmets and protective vests.", {}),  # "has not provided |"
        (
            "send military aid to Ukraine",
            {"attribution": "a senior diplomatic source said"},
        ),  # "… Israel to |"
        (
            "Israel to send military aid to Ukraine, but Bennett rejected the possibility.",
            {"attribution": "a senior diplomatic source said"},
        ),  # "have called for |"
        ("move even faster and push even harder.", {"attribution": "Austin said"}),  # "going to |"
    ],
)
def test_a_passage_cut_just_after_what_makes_it_unreal_is_refused(
    passage: str, values: dict[str, Any]
) -> None:
    """C4: such a passage was shown as the article's words in /brief and in the digest ("• “a confrontation
    with Russia.”")."""
    assert "key_points[11].evidence[0]" in shipped_refusals(_key_point(passage, **values))


def test_a_passage_after_to_that_names_a_place_or_a_party_is_whole() -> None:
    # TEST FIXTURE, NOT NEWS: "to" before a name or a noun phrase says where it went, not what was meant (read on
    # the rule itself: a key point's passage is now a whole sentence, so no cut key point passes any more)
    from bot.briefs.check import _unreal_before

    sentence = "Norland sent fuel to Estria on Monday and nets to the island of Mirren on Tuesday."
    for passage in ("Estria on Monday and nets", "the island of Mirren on Tuesday."):
        assert _unreal_before(sentence, 0, sentence.index(passage)) is None, passage
    meant = "Norland wants to send fuel to Estria."
    assert _unreal_before(meant, 0, meant.index("send fuel")) is not None


# ---------------------------------------------------------------- C12: a quote is its speaker's, not their boss's


@pytest.mark.parametrize(
    "attribution",
    [
        "An aide to Oster said",
        "A spokesman for Oster said",
        "A friend of Oster said",
        "Someone close to Oster said",
    ],
)
def test_a_quote_is_not_given_to_the_person_its_speaker_is_tied_to(attribution: str) -> None:
    """C12 (TEST FIXTURE, NOT NEWS): "An aide to Oster said “…”" was accepted with speaker Oster."""
    sentence = f"{attribution} “we have no tugs to spare at all.”"
    quote = {
        "speaker": "Oster",
        "attribution": attribution,
        "text": "we have no tugs to spare at all.",
        "evidence": [sentence],
    }
    assert "quotes[0].speaker" in fixture_refusals(article(sentence), quotes=[quote])


def test_a_quote_whose_speaker_stands_before_the_saying_word_still_passes() -> None:
    sentence = "Mayor Ben Oster said “we have no tugs to spare at all.”"
    quote = {
        "speaker": "Oster",
        "attribution": "Mayor Ben Oster said",
        "text": "we have no tugs to spare at all.",
        "evidence": [sentence],
    }
    assert fixture_refusals(article(sentence), quotes=[quote]) == []


def test_a_party_of_several_words_cut_inside_a_name_is_refused() -> None:
    """C25's cut-name rule was skipped for every party of more than one word once a name word had to be
    letters (067bf95): "Foreign Minister Yair Lapid and Defense Minister | Benny Gantz" passed as `by`."""
    cut = _set("aid", 6, by="Foreign Minister Yair Lapid and Defense Minister")
    assert "aid[6].by" in shipped_refusals(cut)
