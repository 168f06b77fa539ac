"""The evidence check's rules, one by one, on small articles written for these tests (fixtures, not news)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.briefs import facts
from bot.briefs.article import Article, find_words
from bot.briefs.check import read_status
from bot.briefs.loader import check_raw
from bot.briefs.money import DOLLARS, MoneyError, parse_money

# A fixture article, invented for the tests.
FIXTURE = """Harbour town gets a new lighthouse

The council approved a grant of 1,600 million crowns on Monday, a spokesperson said.
Norland has lent Estria a $400 million loan, Vesta provided €200 million, and Oster provided $90 million.
The mayor said the lighthouse would open next year. The claim could not be independently verified.
Estria asked Norland for a loan of half-a-billion dollars. Norland has not provided the money.
Harbourmaster Ada Quill told reporters “the light is ready”, according to the town paper.
Photo credit: JO BRANDT/HARBOUR NEWS
The unapproved plan was dropped.
Oster called for Vesta to send ferries to Estria, but Norland rejected the idea.
Vesta sent two ferries to Estria on Friday by sea, and Oster sent fuel on Sunday.
HARBOUR NEWS staff contributed to this report.
"""


def article() -> Article:
    return Article("fixture.txt", FIXTURE)


def brief(**sections: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "format": 2,
        "id": "fixture",
        "added": __import__("datetime").date(2026, 1, 1),
        "source": {
            "seed": "fixture.txt",
            "publisher": "HARBOUR NEWS",
            "headline": "Harbour town gets a new lighthouse",
            "evidence": ["HARBOUR NEWS staff contributed to this report."],
        },
        "key_points": [{"evidence": ["The unapproved plan was dropped."]}],
    }
    raw.update(sections)
    return raw


def problems(raw: dict[str, Any]) -> list[tuple[str, str]]:
    _, found = check_raw(raw, lambda _name: article())
    return [(p.item, p.message) for p in found]


def items(raw: dict[str, Any]) -> list[str]:
    return [item for item, _ in problems(raw)]


def loan(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "lender": "Norland",
        "borrower": "Estria",
        "as_written": "$400 million",
        "status": "provided",
        "status_as_written": "has lent",
        "evidence": ["Norland has lent Estria a $400 million loan, Vesta provided €200 million"],
    }
    return {**base, **changes}


def test_the_fixture_brief_passes() -> None:
    assert problems(brief(loans=[loan()])) == []


# ---------------------------------------------------------------- passages


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        ("600 million", "a grant of 1,600 million crowns", False),  # a number cut in its digits
        ("approved", "The unapproved plan", False),  # a word cut in half
        ("Zvi", "Alex Ben-Zvi", False),  # half a hyphenated name
        ("Ben-Zvi", "Alex Ben-Zvi said", True),
        ("Russia", "Russia's army", True),  # a possessive is a whole word
    ],
)
def test_values_match_at_word_boundaries(words: str, text: str, found: bool) -> None:
    assert bool(find_words(words, text)) is found


def test_a_passage_of_one_or_two_words_proves_nothing() -> None:
    raw = brief(key_points=[{"evidence": ["Vesta provided"]}])
    [(item, message)] = problems(raw)
    assert item == "key_points[0].evidence[0]" and "at least 4 words" in message


def test_a_passage_cutting_a_word_is_refused_and_named_so() -> None:
    raw = brief(key_points=[{"evidence": ["approved plan was dropped."]}])
    [(item, message)] = problems(raw)
    assert item == "key_points[0].evidence[0]"
    assert "cuts a word" in message and "“unapproved plan was dropped.”" in message


def test_a_passage_spliced_across_paragraphs_is_refused() -> None:
    raw = brief(key_points=[{"evidence": ["HARBOUR NEWS The unapproved plan"]}])
    [(item, message)] = problems(raw)
    assert item == "key_points[0].evidence[0]"
    assert "runs across a credit line (seed line 8) and paragraph 6 (seed line 9)" in message


def test_a_near_miss_shows_the_closest_span_and_the_difference() -> None:
    _, found = check_raw(
        brief(key_points=[{"evidence": ["The unaproved plan was dropped."]}]), lambda _n: article()
    )
    [problem] = found
    assert "almost in the article, in paragraph 6 (seed line 9):" in problem.message
    assert "brief “unaproved”, article “unapproved”" in problem.message
    assert problem.closest == "The unapproved plan was dropped."


# ---------------------------------------------------------------- attribution and hedges


def test_a_claim_needs_its_attribution_read_to_the_full_stop() -> None:
    passage = "The council approved a grant of 1,600 million crowns on Monday"
    without = brief(key_points=[{"evidence": [passage]}])
    [(item, message)] = [p for p in problems(without) if p[0].endswith(".attribution")]
    assert item == "key_points[0].attribution" and "“said”" in message
    wrong = brief(key_points=[{"evidence": [passage], "attribution": "The council approved"}])
    assert "key_points[0].attribution" in items(wrong)  # verbatim, but it is not who says so
    right = brief(key_points=[{"evidence": [passage], "attribution": "a spokesperson said"}])
    assert items(right) == ["key_points[0].evidence[0]"]  # attributed, but a key point is a whole sentence
    whole = brief(
        key_points=[{"evidence": [f"{passage}, a spokesperson said."], "attribution": "a spokesperson said"}]
    )
    assert problems(whole) == []


def test_a_hedge_is_part_of_the_fact() -> None:
    # only who says so is read here: headed by this sentence (no `what`), the event is also refused for its heading
    def said(raw: dict[str, Any]) -> list[tuple[str, str]]:
        return [(item, message) for item, message in problems(raw) if item == "events[0].attribution"]

    passage = "The mayor said the lighthouse would open next year."
    only_source = brief(
        events=[{"when": "next year", "evidence": [passage], "attribution": "The mayor said"}]
    )
    [(item, message)] = said(only_source)
    assert item == "events[0].attribution" and "“would”" in message
    hedged = brief(
        events=[
            {
                "when": "next year",
                "evidence": [passage],
                "attribution": "The mayor said the lighthouse would open next year",
            }
        ]
    )
    assert said(hedged) == []
    cut = brief(
        events=[
            {"when": "next year", "evidence": [passage], "attribution": "The mayor said the lighthouse would"}
        ]
    )
    assert [message for _, message in said(cut)] == [
        "“The mayor said the lighthouse would” stops mid-clause at “would”: what it says follows (“open next "
        "year”); an attribution, a hedge or a reason runs to the end of the words it qualifies"
    ]
    unverified = brief(key_points=[{"evidence": ["The claim could not be independently verified."]}])
    assert items(unverified) == ["key_points[0].attribution"]


def test_an_attribution_must_be_written_in_the_evidence_sentence() -> None:
    raw = brief(
        key_points=[{"evidence": ["The unapproved plan was dropped."], "attribution": "the mayor said"}]
    )
    [(item, message)] = problems(raw)
    assert item == "key_points[0].attribution" and "is not written in the sentences" in message


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("written", "amount", "currency"),
    [
        ("half-a-billion dollars", 500_000_000, DOLLARS),
        ("$600 million", 600_000_000, DOLLARS),
        ("€300 million", 300_000_000, "EUR"),
        ("US$1.5 billion", 1_500_000_000, "USD"),
        ("600 million USD", 600_000_000, "USD"),
        ("1,600 million", 1_600_000_000, "unstated"),
        # abbreviated scales and the shekel's letters, as articles write them (fourth reading)
        ("1.5bn", 1_500_000_000, "unstated"),
        ("$600m", 600_000_000, DOLLARS),
        ("£3 bn", 3_000_000_000, "pounds"),  # "£" alone: pounds of a kind not stated
        ("€2.5mn", 2_500_000, "EUR"),
        ("NIS 2 billion", 2_000_000_000, "ILS"),
        # a currency noun of no single code is of a kind not stated, as "$" is (fifth reading, REVIEW-4 #14)
        ("1.5bn crowns", 1_500_000_000, "crowns"),
        ("2 million francs", 2_000_000, "francs"),
        ("one crown", 1, "crowns"),
        ("3 billion Swedish kronor", 3_000_000_000, "SEK"),
        ("40 million Czech crowns", 40_000_000, "CZK"),
    ],
)
def test_money_is_read_as_written(written: str, amount: int, currency: str) -> None:
    money = parse_money(written)
    assert (money.amount, money.currency) == (amount, currency)


@pytest.mark.parametrize("written", ["XYZ 5 million", "5 million XYZ", "lots of money", "5 quid"])
def test_unreadable_or_unknown_currencies_are_refused(written: str) -> None:
    with pytest.raises(MoneyError):
        parse_money(written)


def test_dollars_are_never_silently_us_dollars() -> None:
    [(item, message)] = problems(brief(loans=[loan(currency="USD")]))
    assert item == "loans[0].currency" and "“$” alone never says which dollar" in message
    assert problems(brief(loans=[loan(currency="dollars", amount=400_000_000)])) == []
    assert items(brief(loans=[loan(currency="XYZ")])) == ["loans[0].currency"]


def test_the_amount_must_be_what_as_written_says() -> None:
    assert items(brief(loans=[loan(amount=40_000_000)])) == ["loans[0].amount"]


# ---------------------------------------------------------------- clauses and readings


def test_an_amount_and_its_lender_stand_in_one_clause() -> None:
    swapped = loan(lender="Vesta")  # Vesta is in the sentence, not in the $400 million's clause
    # (with Vesta as lender, "Vesta provided €200 million" after the sum also reads as a part of it paid: a second
    # refusal of the same wrong brief)
    assert items(brief(loans=[swapped]))[0] == "loans[0].lender"
    assert set(items(brief(loans=[swapped]))) <= {"loans[0].lender", "loans[0].status"}


def test_a_party_from_the_first_clause_is_a_reading_only_when_the_item_says_so() -> None:
    vesta = loan(lender="Vesta", as_written="€200 million", status_as_written="provided")
    refused = problems(brief(loans=[vesta]))
    assert [item for item, _ in refused] == ["loans[0].borrower", "loans[0].reading"]
    assert "say reading = true" in refused[0][1]
    accepted = brief(loans=[{**vesta, "reading": True}])
    loaded, found = check_raw(accepted, lambda _n: article())
    assert found == [] and loaded is not None and loaded.proof is not None
    proof = loaded.proof.item("loans[0]")
    assert proof is not None and proof.reading_from == "Norland has lent Estria a $400 million loan"


def test_a_reading_is_refused_when_the_clause_names_another_party() -> None:
    wrong = loan(lender="Norland", as_written="€200 million", status_as_written="provided", reading=True)
    found = problems(brief(loans=[wrong]))
    assert ("loans[0].lender", found[0][1]) in found and "names Vesta" in found[0][1]


# ---------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("as_written", "before", "status"),
    [
        ("has provided", "Norland", "provided"),
        ("has not provided", "Norland", "not provided"),
        ("provided", "Norland has not", "not provided"),  # the negation sits just before the verb
        ("has not provided military aid to Kyiv beyond", "Israel", "provided"),
        ("asked", "Estria", "requested"),
        ("rejected", "but Bennett", "declined"),
        ("delivered", "MILITARY AID,", "delivered"),
        ("is checking the possibility", "it", "under consideration"),
    ],
)
def test_a_status_is_read_from_the_article_verb(as_written: str, before: str, status: str) -> None:
    assert read_status(as_written, before) == status


def test_a_status_must_agree_with_its_evidence() -> None:
    request = loan(
        as_written="half-a-billion dollars",
        status="provided",
        status_as_written="asked",
        evidence=["Estria asked Norland for a loan of half-a-billion dollars."],
    )
    assert items(brief(loans=[request])) == ["loans[0].status"]
    assert problems(brief(loans=[{**request, "status": "requested"}])) == []
    flow = {
        "donor": "Norland",
        "recipient": "Estria",
        "kind": "financial",
        "items": ["the money"],
        "status": "delivered",
        "status_as_written": "provided",
        "evidence": [
            "Estria asked Norland for a loan of half-a-billion dollars. Norland has not provided the money."
        ],
    }
    found = dict(problems(brief(aid=[flow])))
    assert "reads as “not provided”" in found["aid[0].status"]
    # the money's receiver is not in its clause ("Norland has not provided the money."): seventh reading C6
    assert sorted(found) == ["aid[0].recipient", "aid[0].status"]


# ---------------------------------------------------------------- people, quotes, credits, frame


def test_role_and_affiliation_come_from_the_phrase_that_names_the_person() -> None:
    person = {
        "name": "Ada Quill",
        "role": "Harbourmaster",
        "as_written": "Harbourmaster Ada Quill",
        "attribution": "according to the town paper",
        "evidence": [
            "Harbourmaster Ada Quill told reporters “the light is ready”, according to the town paper."
        ],
    }
    assert problems(brief(people=[person])) == []
    assert items(brief(people=[{**person, "affiliation": "town paper"}])) == ["people[0].affiliation"]
    assert items(brief(people=[{**person, "role": "Mayor"}])) == ["people[0].role"]


def test_a_credit_is_not_a_person() -> None:
    credit_as_person = {
        "name": "JO BRANDT",
        "as_written": "JO BRANDT",
        "evidence": ["Photo credit: JO BRANDT/HARBOUR NEWS"],
    }
    assert "people[0].evidence[0]" in items(brief(people=[credit_as_person]))
    credit = {
        "kind": "photo",
        "name": "JO BRANDT",
        "organisation": "HARBOUR NEWS",
        "as_written": "Photo credit: JO BRANDT/HARBOUR NEWS",
    }
    assert problems(brief(credits=[credit])) == []


def test_a_quote_speaker_is_named_in_its_attribution() -> None:
    quote = {
        "speaker": "Ada Quill",
        "text": "the light is ready",
        "attribution": "according to the town paper",
        "evidence": [
            "Harbourmaster Ada Quill told reporters “the light is ready”, according to the town paper."
        ],
    }
    assert items(brief(quotes=[quote])) == ["quotes[0].speaker"]
    quote["attribution"] = ["Harbourmaster Ada Quill told reporters", "according to the town paper"]
    assert problems(brief(quotes=[quote])) == []
    assert "quotes[0].speaker" in items(brief(quotes=[{**quote, "speaker": "The mayor"}]))


def test_when_is_only_as_written() -> None:
    event = {
        "when": "Monday",
        "evidence": ["The council approved a grant of 1,600 million crowns on Monday"],
        "attribution": "a spokesperson said",
    }
    assert problems(brief(events=[event])) == []
    assert items(brief(events=[{**event, "when": "12 May 2025"}])) == ["events[0].when"]


def test_the_headline_is_the_articles() -> None:
    raw = brief()
    raw["source"]["headline"] = "Harbour town gets a new bridge"
    assert items(raw) == ["source.headline"]


def test_an_alias_must_be_written_in_the_article() -> None:
    raw = brief(aliases=[{"name": "Estria", "as_written": ["Estrian Republic"]}])
    assert items(raw) == ["aliases[0].as_written[0]"]


def test_an_unsupported_value_shows_its_passage_and_the_nearest_words() -> None:
    event = {
        "when": "Mondey",
        "evidence": ["The council approved a grant of 1,600 million crowns on Monday"],
        "attribution": "a spokesperson said",
    }
    [(item, message)] = problems(brief(events=[event]))
    assert item == "events[0].when"
    assert "the nearest words there are “Monday”" in message
    assert "it reads “The council approved a grant of 1,600 million crowns on Monday”" in message


def test_every_error_at_once_even_when_the_shape_is_wrong() -> None:
    raw = brief(loans=[loan(amount="lots")], key_points=[{"evidence": ["The approved plan was dropped."]}])
    assert items(raw) == ["loans[0].amount", "key_points[0].evidence[0]"]


def test_a_done_status_is_said_of_its_items() -> None:
    flow = {
        "donor": "Norland",
        "recipient": "Estria",
        "kind": "financial",
        "items": ["€200 million"],  # in the sentence, but said of Vesta, not by "has lent"
        "status": "provided",
        "status_as_written": "has lent",
        "evidence": ["Norland has lent Estria a $400 million loan, Vesta provided €200 million"],
    }
    assert "aid[0].status_as_written" in items(brief(aid=[flow]))
    # said of its item now, but lent: a loan is told under /loans, never as aid
    assert items(brief(aid=[{**flow, "items": ["a $400 million loan"]}])) == ["aid[0].kind"]


def test_an_article_knows_its_body_paragraphs_captions_credits_and_subheadings() -> None:
    """Paragraphs are counted in the article's body; a caption, a credit or a subheading is named as such."""
    from tests.conftest import SHIPPED_SEED

    shipped = Article("seed.txt", SHIPPED_SEED.read_text(encoding="utf-8"))
    kinds = [(p.line, p.kind, p.body_number) for p in shipped.paragraphs]
    assert kinds[:5] == [
        (1, "headline", None),
        (3, "standfirst", None),
        (5, "caption", None),
        (6, "caption", None),
        (7, "credit", None),
    ]
    assert (9, "body", 1) in kinds and (36, "body", 12) in kinds
    assert (19, "caption", None) in kinds and (20, "caption", None) in kinds
    assert (30, "subheading", None) in kinds and (38, "credit", None) in kinds
    assert [p.body_number for p in shipped.paragraphs if p.kind == "body"] == list(range(1, 13))
    fixture = article()
    assert [p.kind for p in fixture.paragraphs] == [
        "headline",
        *["body"] * 5,
        "credit",
        *["body"] * 3,
        "credit",
    ]
    assert fixture.paragraphs[7].located == "paragraph 6 (seed line 9)"


def test_an_events_what_where_and_when_are_told_in_one_paragraph() -> None:
    """Review #19: one event joined "Wednesday" of one paragraph with "Brussels" of the next."""
    event = {
        "what": "The council approved a grant",
        "when": "Monday",
        "evidence": [
            "The council approved a grant of 1,600 million crowns on Monday",
            "Estria asked Norland for a loan of half-a-billion dollars.",
        ],
        "attribution": "a spokesperson said",
    }
    assert problems(brief(events=[event])) == []
    # "Norland" after "asked" is no place either (fourth reading): the message read here is the paragraph's
    [(item, message)] = [
        p for p in problems(brief(events=[{**event, "where": "Norland"}])) if "paragraph" in p[1]
    ]
    assert item == "events[0].where"
    assert (
        "“Norland” (paragraph 4) stands in another paragraph than “The council approved a grant”" in message
    )
    assert "an event's what, where and when are told in one paragraph" in message
    assert items(brief(events=[{**event, "what": "The council approved a loan"}])) == ["events[0].what"]


def test_a_near_miss_shows_the_articles_own_characters() -> None:
    """Review #21: diagnostics quote the article as written (“ ” and ’), not as normalised for matching."""
    passage = 'Harbourmaster Ada Quill told reporter "the light is ready", according to'
    _, found = check_raw(brief(key_points=[{"evidence": [passage]}]), lambda _n: article())
    [problem] = found
    assert problem.closest == "Harbourmaster Ada Quill told reporters “the light is ready”, according to"
    assert "brief “reporter”, article “reporters”" in problem.message
    assert '"' not in problem.message.replace(passage, "")


# ---------------------------------------------------------------- what an attribution is to its fact


def test_each_attribution_role_is_told_by_its_own_words() -> None:
    """A source, response or mention says who says; a hedge hedges; a caveat does either: never any words."""
    # the sentence after it calls it a claim: a key point shows that sentence too, with its caveat
    passage = (
        "The mayor said the lighthouse would open next year. The claim could not be independently verified."
    )
    caveat = {"text": "The claim could not be independently verified", "role": "caveat"}
    hedged = {"text": "The mayor said the lighthouse would open next year", "role": "hedge"}
    assert problems(brief(key_points=[{"evidence": [passage], "attribution": [hedged, caveat]}])) == []
    answered = [
        {"text": "The mayor said", "role": "response"},
        {"text": "the lighthouse would open next year", "role": "hedge"},
        caveat,
    ]
    assert problems(brief(key_points=[{"evidence": [passage], "attribution": answered}])) == []
    for role, text in (
        ("hedge", "The mayor said"),
        ("source", "the lighthouse would open next year"),
        ("mention", "the lighthouse would open next year"),
    ):
        given = [{"text": text, "role": role}, "The mayor said the lighthouse would open next year", caveat]
        [(item, message)] = problems(brief(key_points=[{"evidence": [passage], "attribution": given}]))
        assert item == "key_points[0].attribution" and f"is given as a {role}" in message, (role, message)
    verified = brief(
        key_points=[{"evidence": ["The claim could not be independently verified."], "attribution": caveat}]
    )
    assert problems(verified) == []
    unknown = brief(
        key_points=[{"evidence": [passage], "attribution": {"text": "The mayor said", "role": "rumour"}}]
    )
    assert "key_points[0].attribution" in " ".join(items(unknown))


# ---------------------------------------------------------------- a status is said of its item, in its clause

CALL = "Oster called for Vesta to send ferries to Estria, but Norland rejected the idea."
SENT = "Vesta sent two ferries to Estria on Friday by sea, and Oster sent fuel on Sunday."


def flow(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "donor": "Vesta",
        "recipient": "Estria",
        "kind": "other",
        "items": ["two ferries"],
        "status": "provided",
        "status_as_written": "sent",
        "evidence": [SENT],
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    ("changes", "refused"),
    [
        ({}, False),  # "sent two ferries": its object
        ({"items": ["Friday"]}, True),  # it sent ferries, not Friday
        (
            {
                "items": ["ferries"],
                "status": "requested",
                "status_as_written": "called for",
                "evidence": [CALL],
            },
            False,
        ),
        (
            {
                "items": ["Estria"],
                "status": "requested",
                "status_as_written": "called for",
                "evidence": [CALL],
            },
            True,
        ),
        (
            {"items": ["ferries"], "status": "declined", "status_as_written": "rejected", "evidence": [CALL]},
            False,
        ),
        (
            {"items": ["Estria"], "status": "declined", "status_as_written": "rejected", "evidence": [CALL]},
            True,
        ),
        (
            {
                "items": ["ferries"],
                "status": "declined",
                "status_as_written": "rejected",
                "evidence": ["Norland rejected the idea."],
            },
            True,
        ),
    ],
)
def test_a_status_is_said_of_its_item_in_the_verbs_clause(changes: dict[str, Any], refused: bool) -> None:
    """Requests and refusals too: "rejected the idea" is said of what the clause before it calls for."""
    found = items(brief(aid=[flow(**changes)]))
    assert ("aid[0].status_as_written" in found) is refused, found


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"when": "on Friday", "how": "by sea"}, None),
        ({"when": "on Sunday"}, "aid[0].when"),  # the fuel's day, in the next clause
        ({"how": "in a letter"}, "aid[0].how"),
        ({"by": "Vesta"}, None),
        ({"by": "Oster"}, "aid[0].by"),  # in the sentence, but not who sent the ferries
        (
            {
                "items": ["ferries"],
                "status": "declined",
                "status_as_written": "rejected",
                "evidence": [CALL],
                "by": "Norland",
            },
            None,
        ),
        (
            {
                "items": ["ferries"],
                "status": "declined",
                "status_as_written": "rejected",
                "evidence": [CALL],
                "by": "Oster",
            },
            "aid[0].by",
        ),
    ],
)
def test_who_when_and_how_stand_in_the_status_verbs_clause(
    changes: dict[str, Any], where: str | None
) -> None:
    found = items(brief(aid=[flow(**changes)]))
    assert found == ([where] if where else []), found


def test_a_loans_when_and_how_stand_in_the_amounts_clause() -> None:
    assert problems(brief(loans=[loan(when="half-a-billion dollars")])) != []
    asked = loan(
        as_written="half-a-billion dollars",
        lender="Norland",
        borrower="Estria",
        status="requested",
        status_as_written="asked",
        evidence=["Estria asked Norland for a loan of half-a-billion dollars."],
    )
    assert problems(brief(loans=[asked])) == []
    assert items(brief(loans=[{**asked, "how": "by sea"}])) == ["loans[0].how"]


# ---------------------------------------------------------------- an account closed by its source

# A fixture article, invented for the tests: a paragraph told as the account of the words closing it, and a
# quotation whose closing attribution is its own sentence's only.
ACCOUNT = """Ferry talks stall in Estria

In closed talks, Oster asked Vesta for two ferries, but Vesta refused the request. Its envoy told the council that it was concerned storms would sink the ferries. Oster said it would wait, an official familiar with the talks said.
The harbour opened on Monday. “The ferries are old and slow,” the envoy said.
Estria Harbour News staff contributed to this report.
"""
REFUSAL = "In closed talks, Oster asked Vesta for two ferries, but Vesta refused the request."
REASON = "Its envoy told the council that it was concerned storms would sink the ferries."
CLOSING = "an official familiar with the talks said"


def account_brief(key_points: list[dict[str, Any]]) -> dict[str, Any]:
    raw = brief(key_points=key_points)
    raw["source"] = {
        "seed": "fixture.txt",
        "publisher": "Estria Harbour News",
        "headline": "Ferry talks stall in Estria",
        "evidence": ["Estria Harbour News staff contributed to this report."],
    }
    return raw


def account_problems(key_points: list[dict[str, Any]]) -> list[tuple[str, str]]:
    _, found = check_raw(account_brief(key_points), lambda _name: Article("fixture.txt", ACCOUNT))
    return [(p.item, p.message) for p in found]


def test_a_passage_of_an_account_carries_the_source_that_closes_its_paragraph() -> None:
    """Review-2 #1: "…Bennett rejected the possibility." is the account of ", a senior diplomatic source
    said.", which stands at the end of the paragraph, not in the passage's own sentence."""
    [(item, message)] = account_problems([{"evidence": [REFUSAL]}])
    assert item == "key_points[0].attribution"
    assert "as the account of the words that close it" in message and CLOSING in message
    assert account_problems([{"evidence": [REFUSAL], "attribution": CLOSING}]) == []
    # a quotation's closing attribution is its own sentence's: the sentence before it is the article's
    assert account_problems([{"evidence": ["The harbour opened on Monday."]}]) == []


def test_words_inside_an_account_are_never_who_says_so() -> None:
    """Review-2 #2: "He told the ministers" was given as a source; it is what the account says Bennett did."""
    told = [CLOSING, "Its envoy told the council", {"text": REASON.rstrip("."), "role": "reason"}]
    found = account_problems([{"evidence": [REASON], "attribution": told}])
    assert [item for item, _ in found] == ["key_points[0].attribution"]
    assert "“Its envoy told the council” is not who says so" in found[0][1]
    inner = [CLOSING, "Oster said"]  # the account's own people speaking, in its closing sentence
    closing = "Oster said it would wait, an official familiar with the talks said."
    hedge = {"text": "Oster said it would wait", "role": "hedge"}
    assert (
        "is not who says so"
        in account_problems([{"evidence": [closing], "attribution": [*inner, hedge]}])[0][1]
    )
    reason = [CLOSING, {"text": REASON.rstrip("."), "role": "reason"}]
    assert account_problems([{"evidence": [REASON], "attribution": reason}]) == []


def test_a_hedge_or_reason_cut_mid_clause_is_refused() -> None:
    """Review-2 #3: "he was concerned Russia would" stops where what it says begins."""
    cut = [CLOSING, {"text": "it was concerned storms would", "role": "hedge"}]
    [(item, message)] = account_problems([{"evidence": [REASON], "attribution": cut}])
    assert item == "key_points[0].attribution"
    assert "stops mid-clause at “would”" in message and "“sink the ferries”" in message
    no_reason = [CLOSING, {"text": "Its envoy told the council", "role": "reason"}]
    found = account_problems([{"evidence": [REASON], "attribution": no_reason}])
    assert any("is given as a reason" in message for _, message in found)


def test_the_proof_shows_the_accounts_closing_words_beside_its_passage() -> None:
    from bot.briefs.models import Brief

    raw = account_brief([{"evidence": [REFUSAL], "attribution": CLOSING}])
    loaded, found = check_raw(raw, lambda _name: Article("fixture.txt", ACCOUNT))
    assert found == [] and isinstance(loaded, Brief) and loaded.proof is not None
    [passage] = loaded.proof.items["key_points[0]"].passages
    assert passage.attributions == ((CLOSING, "source"),)
    assert passage.account == "Oster said it would wait, an official familiar with the talks said."


# ---------------------------------------------------------------- an account opened by its source

# TEST FIXTURE, NOT NEWS: a paragraph whose first sentence opens with who says so, and whose next sentence,
# with no attribution of its own, is told within that account.
OPENED = """Ferry talks stall in Estria

The harbour opened on Monday. Another envoy said that Vesta has asked who will guard the ferries at sea. Her answer was nobody. Oster said it waited.
Estria Harbour News staff contributed to this report.
"""
ANSWER = "Her answer was nobody."
OPENING = "Another envoy said"


def opened_problems(key_points: list[dict[str, Any]]) -> list[tuple[str, str]]:
    _, found = check_raw(account_brief(key_points), lambda _name: Article("fixture.txt", OPENED))
    return [(p.item, p.message) for p in found]


def test_a_passage_of_an_account_carries_the_source_that_opens_it() -> None:
    """ "Her answer was nobody." is the envoy's account, opened by "Another envoy said that …" before it in
    its paragraph: told alone it must carry that attribution, accepted from the opening sentence."""
    [(item, message)] = opened_problems([{"evidence": [ANSWER]}])
    assert item == "key_points[0].attribution"
    assert "as the account of the words that open it" in message and OPENING in message
    assert opened_problems([{"evidence": [ANSWER], "attribution": OPENING}]) == []
    # the proof shows the opening words among the passage's attributions
    from bot.briefs.models import Brief

    raw = account_brief([{"evidence": [ANSWER], "attribution": OPENING}])
    loaded, _ = check_raw(raw, lambda _name: Article("fixture.txt", OPENED))
    assert isinstance(loaded, Brief) and loaded.proof is not None
    [passage] = loaded.proof.items["key_points[0]"].passages
    assert passage.attributions == ((OPENING, "source"),) and passage.account is None
    # a sentence before the opening one is the article's own; one with its own attribution is its own
    assert opened_problems([{"evidence": ["The harbour opened on Monday."]}]) == []
    assert [i for i, _ in opened_problems([{"evidence": ["Oster said it waited."]}])] == [
        "key_points[0].attribution"
    ]
    assert opened_problems([{"evidence": ["Oster said it waited."], "attribution": "Oster said"}]) == []


# TEST FIXTURE, NOT NEWS: accounts opened by their source without "that" ("said it", "told reporters the",
# "said:"), each followed by a sentence of that account; and two whose next sentence is the article's own.
UNSAID = """Ferry talks stall in Estria

Oster said it keeps its ferries in port. The crews have not been paid since March.
Vesta told reporters the ferries are unsafe. Two of them have leaking hulls.
Another envoy said: the quay is closed to passengers. Nobody may board the ferries.
The mayor said the harbour reopens in May. The mayor spoke at the quay on Friday.
Vesta says the fuel has run out. The claim could not be independently verified.
Estria Harbour News staff contributed to this report.
"""


def unsaid_problems(key_points: list[dict[str, Any]]) -> list[tuple[str, str]]:
    _, found = check_raw(account_brief(key_points), lambda _name: Article("fixture.txt", UNSAID))
    return [(p.item, p.message) for p in found]


@pytest.mark.parametrize(
    ("told", "opening"),
    [
        ("The crews have not been paid since March.", "Oster said"),
        ("Two of them have leaking hulls.", "Vesta told reporters"),
        ("Nobody may board the ferries.", "Another envoy said"),
    ],
)
def test_an_account_opened_without_that_goes_on_in_the_next_sentence(told: str, opening: str) -> None:
    """Issue 10: only "X said that …" opened an account, so the sentence after "Oster said it keeps its
    ferries in port." passed with no attribution; "said it", "told reporters the" and "said:" open one too."""
    [(item, message)] = unsaid_problems([{"evidence": [told]}])
    assert item == "key_points[0].attribution"
    assert "as the account of the words that open it" in message and opening.split()[-1] in message
    assert "up to a sentence that says who says so itself" in message  # the rule, told to the editor
    assert unsaid_problems([{"evidence": [told], "attribution": opening}]) == []


def test_a_sentence_about_the_account_or_its_source_is_the_articles_own() -> None:
    """A sentence that names the account's source again ("The mayor spoke …") or speaks of the claim ("The
    claim could not be independently verified.") is the reporter's, not more of the account."""
    assert unsaid_problems([{"evidence": ["The mayor spoke at the quay on Friday."]}]) == []
    caveat = {"text": "The claim could not be independently verified", "role": "caveat"}
    assert (
        unsaid_problems(
            [{"evidence": ["The claim could not be independently verified."], "attribution": caveat}]
        )
        == []
    )


def test_quote_tells_the_account_a_passage_is_opened_by() -> None:
    """Issue 10: the Quote view said whose account closes a paragraph, not whose opens it."""
    from bot.briefs.lookup import Library
    from bot.briefs.models import Brief
    from bot.briefs.quote import QuoteTarget, render_quote
    from bot.briefs.render import pages_text

    raw = account_brief(
        [{"evidence": ["The crews have not been paid since March."], "attribution": "Oster said"}]
    )
    loaded, found = check_raw(raw, lambda _name: Article("fixture.txt", UNSAID))
    assert found == [] and isinstance(loaded, Brief) and loaded.proof is not None
    text = pages_text(render_quote(Library([loaded]), QuoteTarget(loaded.id, loaded.proof.version, "k1")))
    assert (
        "Told in the account opened by “Oster said” in paragraph 1: “Oster said it keeps its ferries in port.”"
        in text
    )
    # a passage holding its opening sentence shows it already
    whole = "Oster said it keeps its ferries in port. The crews have not been paid since March."
    loaded, _ = check_raw(
        account_brief([{"evidence": [whole], "attribution": "Oster said"}]),
        lambda _name: Article("fixture.txt", UNSAID),
    )
    assert isinstance(loaded, Brief) and loaded.proof is not None
    text = pages_text(render_quote(Library([loaded]), QuoteTarget(loaded.id, loaded.proof.version, "k1")))
    assert "Told in the account" not in text


# ---------------------------------------------------------------- exceptions, settings, leads and headings

# A fixture article, invented for the tests.
DEALINGS = """Ferry deal signed in Estria

At the harbour council, Oster called for Vesta to send ferries to Estria, but Norland rejected the idea.
Vesta has not provided arms to Estria beyond two ferries and fuel. He was seen at the quay with Mayor Tomas Reyes.
Mayor Tomas Reyes welcomed the ferries. Estria Harbour News staff contributed to this report.
"""
BEYOND = "Vesta has not provided arms to Estria beyond two ferries and fuel."
WHOLE = "has not provided arms to Estria beyond two ferries and fuel"


def dealing_problems(**sections: Any) -> list[tuple[str, str]]:
    raw = brief(**sections)
    raw["source"] = {
        "seed": "fixture.txt",
        "publisher": "Estria Harbour News",
        "headline": "Ferry deal signed in Estria",
        "evidence": ["Estria Harbour News staff contributed to this report."],
    }
    raw["key_points"] = [{"evidence": ["Mayor Tomas Reyes welcomed the ferries."]}]
    _, found = check_raw(raw, lambda _name: Article("fixture.txt", DEALINGS))
    return [(p.item, p.message) for p in found]


def excepted(items: list[str], status: str, verb: str, **more: Any) -> dict[str, Any]:
    return {
        "donor": "Vesta",
        "recipient": "Estria",
        "kind": "other",
        "items": items,
        "status": status,
        "status_as_written": verb,
        "evidence": [BEYOND],
        **more,
    }


def test_what_was_not_given_is_told_with_its_exception() -> None:
    """Review-2 #4: "has not provided" cut before "beyond" said more was withheld than the article does."""
    # review-3 #2: given only by what the negation excepts, a reading, and it must say so
    assert dealing_problems(aid=[excepted(["two ferries", "fuel"], "provided", WHOLE, reading=True)]) == []
    assert [i for i, _ in dealing_problems(aid=[excepted(["two ferries", "fuel"], "provided", WHOLE)])] == [
        "aid[0].reading"
    ]
    withheld = "arms to Estria beyond two ferries and fuel"
    assert dealing_problems(aid=[excepted([withheld], "not provided", WHOLE)]) == []
    [(item, message)] = dealing_problems(aid=[excepted(["arms"], "not provided", "has not provided")])
    assert item == "aid[0].status_as_written" and "stops short of what its clause excepts" in message
    assert "“arms to Estria beyond two ferries and fuel”" in message
    for items, status in ((["arms"], "not provided"), (["arms"], "provided"), ([withheld], "provided")):
        assert "aid[0].status" in [i for i, _ in dealing_problems(aid=[excepted(items, status, WHOLE)])], (
            items
        )


def test_where_a_deal_was_made_is_its_clause_or_the_setting_that_opens_its_sentence() -> None:
    call = {
        "donor": "Vesta",
        "recipient": "Estria",
        "kind": "other",
        "items": ["ferries"],
        "status": "requested",
        "status_as_written": "called for",
        "by": "Oster",
        "evidence": ["At the harbour council, Oster called for Vesta to send ferries to Estria"],
    }
    assert dealing_problems(aid=[{**call, "where": "At the harbour council"}]) == []
    assert [i for i, _ in dealing_problems(aid=[{**call, "where": "the quay"}])] == ["aid[0].where"]


def test_no_two_items_are_headed_alike() -> None:
    """Review-2 #9: two "Not given · … military aid" facts could not be told apart in their Quote view."""
    flow = excepted(["two ferries", "fuel"], "provided", WHOLE, reading=True)
    found = dealing_problems(aid=[flow, dict(flow)])
    assert [item for item, _ in found] == ["aid[1].items"] and "is headed like aid[0]" in found[0][1]


def test_an_entry_about_a_person_is_led_by_a_passage_that_names_them() -> None:
    """Review-2 #6: "He can be seen …" led Austin's entry; "He" is someone named before."""
    reyes = {
        "name": "Tomas Reyes",
        "role": "Mayor",
        "as_written": "Mayor Tomas Reyes",
        "evidence": [
            "He was seen at the quay with Mayor Tomas Reyes.",
            "Mayor Tomas Reyes welcomed the ferries.",
        ],
    }
    [(item, message)] = dealing_problems(people=[reyes])
    assert item == "people[0].evidence[0]" and "“He”" in message
    reyes["evidence"].reverse()
    # review-3 #4: "He" of a sentence whose sentence before names no one of the brief stands for no one known
    [(item, message)] = dealing_problems(people=[reyes])
    assert item == "people[0].evidence[1]" and "names no one of [[people]]" in message


def test_a_quote_is_a_quotation_shown_with_its_frame() -> None:
    """Review-2 #7: Austin's quote dropped "the participants discussed", the words saying what it is about."""
    sentence = "Harbourmaster Ada Quill told reporters “the light is ready”, according to the town paper."
    quote = {
        "speaker": "Ada Quill",
        "text": "the light is ready",
        "attribution": ["Harbourmaster Ada Quill told reporters", "according to the town paper"],
        "evidence": [sentence],
    }
    loaded, found = check_raw(brief(quotes=[quote]), lambda _name: article())
    assert found == [] and loaded is not None and loaded.proof is not None
    assert loaded.proof.items["quotes[0]"].frame == "Harbourmaster Ada Quill told reporters"
    cut = {**quote, "evidence": ["“the light is ready”, according to the town paper."]}
    assert "quotes[0].evidence" in items(brief(quotes=[cut]))
    unquoted = {**quote, "text": "Harbourmaster Ada Quill told reporters"}
    assert "quotes[0].text" in items(brief(quotes=[unquoted]))


def test_who_gives_to_whom_is_read_in_the_verbs_clause() -> None:
    """Review-3 #1: lender and borrower, donor and recipient, turned round, passed the check."""
    assert items(brief(loans=[loan(lender="Estria", borrower="Norland")])) == ["loans[0].lender"]
    request = loan(
        status="requested",
        status_as_written="asked",
        as_written="half-a-billion dollars",
        evidence=["Estria asked Norland for a loan of half-a-billion dollars."],
    )
    assert problems(brief(loans=[request])) == []
    turned = {**request, "lender": "Estria", "borrower": "Norland"}
    assert items(brief(loans=[turned])) == ["loans[0].lender"]
    sent = flow()
    assert problems(brief(aid=[sent])) == []
    assert items(brief(aid=[{**sent, "donor": "Estria", "recipient": "Vesta"}])) == ["aid[0].donor"]


# ---------------------------------------------------------------- fourth reading: shapes the shipped article lacks

# TEST FIXTURE, NOT NEWS: an invented article for the fourth reading's rules (REVIEW-4).
FOURTH = """Ferry dispute: Norland and Estria argue over harbour money

Norland did not provide fuel to Estria. Vesta never sent the engines to the harbour at Estria.

Vesta will provide €2 billion to Estria next year. Oster would lend $90 million if the council agreed.

Mayor Tomas Rell said on Tuesday that the harbour would reopen.

Harbourmaster Ada Quill said on Monday that the ferries had left.
"""


def fourth_problems(**sections: Any) -> list[tuple[str, str]]:
    raw = brief(**sections)
    raw["source"] = {
        **raw["source"],
        "headline": "Ferry dispute: Norland and Estria argue over harbour money",
        "publisher": "Norland",
        "evidence": ["Norland did not provide fuel to Estria."],
    }
    raw["key_points"] = sections.get(
        "key_points", [{"evidence": ["Norland did not provide fuel to Estria."]}]
    )
    _, found = check_raw(raw, lambda _name: Article("fixture.txt", FOURTH))
    return [(p.item, p.message) for p in found]


def test_a_passage_or_heading_never_starts_just_after_the_negation_it_leaves_out() -> None:
    assert fourth_problems() == []
    found = fourth_problems(key_points=[{"evidence": ["provide fuel to Estria."]}])
    assert {item for item, _ in found} == {"key_points[0].evidence[0]"}
    assert any("starts just after “not”" in message for _, message in found)
    sent = {
        "what": "sent the engines to the harbour",
        "evidence": ["Vesta never sent the engines to the harbour at Estria."],
    }
    [(item, message)] = fourth_problems(events=[sent])
    assert item == "events[0].what" and "leaves out the “never”" in message
    assert fourth_problems(events=[{**sent, "what": "Vesta never sent the engines to the harbour"}]) == []
    # a place is the one a preposition puts it in
    assert fourth_problems(events=[{**sent, "what": "Vesta never sent the engines", "where": "Estria"}]) == []
    placed = fourth_problems(events=[{**sent, "what": "Vesta never sent the engines", "where": "Vesta"}])
    assert [item for item, _ in placed] == ["events[0].where"]


def test_an_amount_is_written_whole() -> None:
    pledge = {
        "lender": "Vesta",
        "borrower": "Estria",
        "as_written": "€2 billion",
        "amount": 2_000_000_000,
        "currency": "EUR",
        "status": "pledged",
        "status_as_written": "will provide",
        "reading": False,
        "evidence": ["Vesta will provide €2 billion to Estria next year."],
    }
    found = fourth_problems(loans=[pledge])
    assert [item for item, _ in found] == [
        "loans[0].reading"
    ]  # the clause writes no "loan": a reading's own rule
    cut = fourth_problems(loans=[{**pledge, "as_written": "€2", "amount": 2}])
    assert (
        "loans[0].as_written",
        "“€2” cuts its amount: the article writes “€2 billion”; write as_written whole, with its scale and currency",
    ) in cut


# ---------------------------------------------------------------- passives

# TEST FIXTURE, NOT NEWS: who gives stands after "by", in a passive; and an active verb with "by sea".
PASSIVE = """Ferry aid reaches Estria

A $40 million loan was provided to Estria by Norland on Monday.
Two ferries were given to Oster by the Vesta Council. Oster is providing fuel to Estria by sea.
Estria Harbour News staff contributed to this report.
"""


def passive_problems(**sections: Any) -> list[str]:
    raw = account_brief([{"evidence": ["Estria Harbour News staff contributed to this report."]}])
    raw["source"]["headline"] = "Ferry aid reaches Estria"
    raw["key_points"] = [{"evidence": ["Oster is providing fuel to Estria by sea."]}]
    raw.update(sections)
    _, found = check_raw(raw, lambda _name: Article("fixture.txt", PASSIVE))
    return [p.item for p in found]


PASSIVE_LOAN = {
    "lender": "Norland",
    "borrower": "Estria",
    "as_written": "$40 million",
    "status": "provided",
    "status_as_written": "was provided",
    "evidence": ["A $40 million loan was provided to Estria by Norland on Monday."],
}
PASSIVE_AID = {
    "donor": "Vesta Council",
    "recipient": "Oster",
    "kind": "other",
    "items": ["Two ferries"],
    "status": "provided",
    "status_as_written": "were given",
    "evidence": ["Two ferries were given to Oster by the Vesta Council."],
}


@pytest.mark.parametrize(
    ("section", "item", "swap", "field"),
    [
        ("loans", PASSIVE_LOAN, ("lender", "borrower"), "loans[0].lender"),
        (
            "loans",
            {**PASSIVE_LOAN, "status_as_written": "provided"},
            ("lender", "borrower"),
            "loans[0].lender",
        ),
        ("aid", PASSIVE_AID, ("donor", "recipient"), "aid[0].donor"),
        ("aid", {**PASSIVE_AID, "by": "Vesta Council"}, ("donor", "recipient"), "aid[0].donor"),
    ],
)
def test_a_passive_names_who_gives_after_by(
    section: str, item: dict[str, Any], swap: tuple[str, str], field: str
) -> None:
    """Issue 10: "a loan was provided to Ukraine by Japan" was refused (the giver must stand before the
    receiver); the agent after "by" is who gives, so that passes, and the parties turned round are refused."""
    assert passive_problems(**{section: [item]}) == []
    giver, taker = swap
    turned = {**item, giver: item[taker], taker: item[giver]}
    assert field in passive_problems(**{section: [turned]})


def test_by_in_a_passive_is_its_agent_and_an_active_verb_by_sea_is_not_one() -> None:
    assert "aid[0].by" in passive_problems(aid=[{**PASSIVE_AID, "by": "Oster"}])
    fuel = {
        "donor": "Oster",
        "recipient": "Estria",
        "kind": "other",
        "items": ["fuel"],
        "status": "provided",
        "status_as_written": "is providing",
        "evidence": ["Oster is providing fuel to Estria by sea."],
    }
    assert passive_problems(aid=[fuel]) == []
    assert "aid[0].donor" in passive_problems(aid=[{**fuel, "donor": "Estria", "recipient": "Oster"}])


# ---------------------------------------------------------------- the shapes of a closing attribution

# TEST FIXTURE, NOT NEWS: paragraphs each told as the account of the words closing them, in four shapes.
CLOSED = """Ferry talks stall in Estria

Vesta will keep its ferries in port. The crews are unpaid, said a harbour official, who asked not to be named.
The quay is closed to passengers. Nobody may board the ferries, he said.
Fuel is running low in Estria. Oster has sent two tankers, the mayor told reporters on Tuesday.
The harbour reopens in May. The repairs are paid for, according to a statement the harbour council released on Tuesday evening.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("told", "closing"),
    [
        ("Vesta will keep its ferries in port.", "said a harbour official, who asked not to be named"),
        ("The quay is closed to passengers.", "he said"),
        ("Fuel is running low in Estria.", "the mayor told reporters"),
        (
            "The harbour reopens in May.",
            "according to a statement the harbour council released on Tuesday evening",
        ),
    ],
)
def test_each_shape_of_a_closing_attribution_governs_its_paragraph(told: str, closing: str) -> None:
    """Issue 10: only a comma, at most 8 words and the marker closed an account, so "…, said a harbour
    official, who asked not to be named.", "…, the mayor told reporters on Tuesday." and a long "…, according
    to …" left the paragraph's other sentences told as fact."""

    def found(attribution: str | None) -> list[tuple[str, str]]:
        point: dict[str, Any] = {"evidence": [told]}
        if attribution is not None:
            point["attribution"] = attribution
        _, problems = check_raw(account_brief([point]), lambda _name: Article("fixture.txt", CLOSED))
        return [(p.item, p.message) for p in problems]

    [(item, message)] = found(None)
    assert item == "key_points[0].attribution" and "as the account of the words that close it" in message
    assert found(closing) == []


def test_the_time_of_a_saying_is_not_the_time_of_what_is_said() -> None:
    said = "Harbourmaster Ada Quill said on Monday that the ferries had left."
    left = {
        "what": "the ferries had left",
        "evidence": [said],
        "attribution": "Harbourmaster Ada Quill said on Monday",
    }
    assert fourth_problems(events=[left]) == []
    found = fourth_problems(events=[{**left, "when": "Monday"}])
    assert {item for item, _ in found} == {"events[0].when"}
    assert any("“Monday” is when it was said (“said on Monday”), not when it happened" in m for _, m in found)


def test_a_condition_is_part_of_its_hedge() -> None:
    lend = "Oster would lend $90 million if the council agreed."
    pledge = {
        "donor": "Oster",
        "recipient": "council",
        "kind": "financial",
        "items": ["$90 million"],
        "status": "pledged",
        "status_as_written": "would lend",
        "evidence": [lend],
    }
    whole = {"text": "Oster would lend $90 million if the council agreed", "role": "hedge"}
    # the council is the condition's subject, not who would receive (seventh reading C6): refused as recipient;
    # and money lent is a loan, never aid (its own rule: aid[0].kind)
    assert [item for item, _ in fourth_problems(aid=[{**pledge, "attribution": whole}])] == [
        "aid[0].kind",
        "aid[0].recipient",
    ]
    cut = {"text": "Oster would lend $90 million", "role": "hedge"}
    found = [
        (i, m)
        for i, m in fourth_problems(aid=[{**pledge, "attribution": cut}])
        if i not in ("aid[0].recipient", "aid[0].kind")
    ]
    assert [item for item, _ in found] == ["aid[0].attribution"] and "“if”" in found[0][1], found


def test_an_amount_in_a_currency_the_check_cannot_read_is_never_told_as_of_no_stated_currency() -> None:
    # "crowns" names a currency of no single code: an amount cut before it would be shown as "currency not
    # stated" although the article states one (fourth reading: "1.5bn" on "1.5bn crowns" was accepted).
    passage = "The council approved a grant of 1,600 million crowns on Monday"
    grant = loan(as_written="1,600 million", currency="unstated", amount=1_600_000_000, evidence=[passage])
    assert "loans[0].as_written" in items(brief(loans=[grant]))


def test_a_currency_noun_of_no_single_code_is_told_as_written_and_of_unstated_kind() -> None:
    """Fourth reading #14: "1,600 million crowns" could not be read at all (a correct brief refused); the
    editor states it as the article does: `currency = "crowns"` (or leaves it out), shown as "crowns, kind not
    stated", never a code (SEK, DKK, NOK, CZK) the article does not write."""
    passage = "The council approved a grant of 1,600 million crowns on Monday"
    grant = loan(as_written="1,600 million crowns", amount=1_600_000_000, evidence=[passage])
    grant = {
        **grant,
        "lender": "council",
        "borrower": "council",
        "status": "approved",
        "status_as_written": "approved",
    }
    found = problems(brief(loans=[{**grant, "currency": "crowns"}]))
    # a grant is no loan (its own rule, REVIEW-7 C17); the amount and its currency are read all the same
    told_as_grant = [p for p in found if p[0] == "loans[0].as_written" and "does not tell a loan" in p[1]]
    assert len(told_as_grant) == 1, found
    assert not [
        p for p in found if p[0] in ("loans[0].as_written", "loans[0].currency") and p not in told_as_grant
    ], found
    assert "loans[0].currency" in items(brief(loans=[{**grant, "currency": "SEK"}]))
    assert "loans[0].currency" in items(brief(loans=[{**grant, "currency": "unstated"}]))
    assert parse_money("1,600 million crowns").currency_name == "crowns, kind not stated"


# TEST FIXTURE, NOT NEWS: an account opened after a setting ("On Monday, Oster said …"), and one closed by a
# source whose verb takes a long tail of where and when.
ORDER = """Ferry talks stall in Estria

On Monday, Oster said in a statement the ferries sank. The crews are safe.
Fuel is running low. Oster has sent two tankers, the mayor told reporters at the quay of the old harbour town on Tuesday.
Workers load the tankers at night. The workers are unpaid.
Estria Harbour News staff contributed to this report.
"""


def order_problems(key_points: list[dict[str, Any]]) -> list[str]:
    _, found = check_raw(account_brief(key_points), lambda _name: Article("fixture.txt", ORDER))
    return [p.item for p in found]


@pytest.mark.parametrize(
    ("told", "source"),
    [
        ("The crews are safe.", "Oster said"),  # opened after a setting: "On Monday, Oster said …"
        ("Fuel is running low.", "the mayor told reporters"),  # closed with a tail of nine words
    ],
)
def test_an_account_is_read_whatever_setting_opens_it_or_tail_closes_it(told: str, source: str) -> None:
    """Fourth reading's word-order heuristics: "On Monday, Oster said in a statement the ferries sank. The crews
    are safe." read the first sentence as closed by its source and the second as the article's own, so the
    editor who gave the second its source was refused; a closing ", the mayor told reporters …" whose verb took
    more than 6 words of where and when closed no account, so the sentences before it passed as fact."""
    assert order_problems([{"evidence": [told]}]) == ["key_points[0].attribution"]
    assert order_problems([{"evidence": [told], "attribution": source}]) == []
    said = "On Monday, Oster said in a statement the ferries sank."
    assert order_problems([{"evidence": [said], "attribution": "Oster said in a statement"}]) == []


def test_a_person_is_named_by_a_proper_name() -> None:
    """Fourth reading #13: a caption's common noun ("WORKERS") passed as a person. A word capitalised only by
    its place at a sentence's start shows no name either; one the article capitalises mid-sentence does."""
    told = "Vesta sent two ferries to Estria on Friday by sea, and Oster sent fuel on Sunday."
    oster = {"name": "Oster", "as_written": "Oster", "evidence": [told]}
    assert not [i for i in items(brief(people=[oster])) if i.endswith(".name")]
    said = "Harbourmaster Ada Quill told reporters “the light is ready”, according to the town paper."
    lead = {"name": "Harbourmaster", "as_written": "Harbourmaster", "evidence": [said]}
    assert not [i for i in items(brief(people=[lead])) if i.endswith(".name")]  # no sign it is not a name
    workers = {"name": "Workers", "as_written": "Workers", "evidence": ["Workers load the tankers at night."]}
    _, found = check_raw(
        account_brief([{"evidence": [workers["evidence"][0]]}]) | {"people": [workers]},
        lambda _name: Article("fixture.txt", ORDER),
    )
    assert "people[0].name" in [p.item for p in found]  # "The workers are unpaid." writes it small
    small = {"name": "town paper", "as_written": "town paper", "evidence": [said]}
    assert "people[0].name" in items(brief(people=[small]))


# TEST FIXTURE, NOT NEWS: a quotation continued in its own paragraph, attributed by a pronoun.
ADDED = """Ferry talks stall in Estria

Harbourmaster Ada Quill said the quay was “ready for the ferries.

“We open on Monday, whatever the weather,” she added.
Estria Harbour News staff contributed to this report.
"""


def test_a_quote_attributed_by_a_pronoun_names_whom_the_sentence_before_names() -> None:
    """Fourth reading #14 (rest): a quote continued in the next paragraph, “…,” she added., was refused (its
    attribution names no one); "she" is Ada Quill, named last in the sentence before, and the proof says so."""
    quill = {
        "name": "Ada Quill",
        "role": "Harbourmaster",
        "as_written": "Harbourmaster Ada Quill",
        "attribution": "Harbourmaster Ada Quill said",
        "evidence": ["Harbourmaster Ada Quill said the quay was “ready for the ferries."],
    }
    quote = {
        "speaker": "Ada Quill",
        "text": "We open on Monday, whatever the weather",
        "attribution": "she added",
        "evidence": ["“We open on Monday, whatever the weather,” she added."],
    }

    def found(*quotes: dict[str, Any]) -> tuple[Any, list[str]]:
        raw = account_brief([{"evidence": ["Estria Harbour News staff contributed to this report."]}])
        loaded, problems = check_raw(
            {**raw, "people": [quill], "quotes": list(quotes)}, lambda _n: Article("fixture.txt", ADDED)
        )
        return loaded, [p.item for p in problems]

    loaded, refused = found(quote)
    assert refused == [] and loaded is not None and loaded.proof is not None
    [passage] = loaded.proof.items["quotes[0]"].passages
    assert passage.referent == "“she” is Ada Quill, named in the sentence before"
    assert found({**quote, "speaker": "Oster"})[1] == ["quotes[0].speaker"]


def test_an_editor_may_read_a_sentence_as_the_articles_own_after_an_opened_account_and_says_so() -> None:
    """NOTE4 (issue 10): an editor had no override for the opened-account reading: "The crews have not been
    paid since March." after "Oster said it keeps its ferries in port." is read as Oster's account, and an editor
    who reads it as the reporter's own words could not say so. `{ text = "Oster said", role = "account ended" }`
    says it, is checked (it ends an account the check reads as opened by those words, and only that), and is
    shown with the fact as the editor's reading."""
    told = "The crews have not been paid since March."
    ended = {"text": "Oster said", "role": "account ended"}
    raw = account_brief([{"evidence": [told], "attribution": ended}])
    loaded, found = check_raw(raw, lambda _name: Article("fixture.txt", UNSAID))
    assert found == [] and loaded is not None and loaded.proof is not None
    [passage] = loaded.proof.items["key_points[0]"].passages
    assert passage.attributions == (("Oster said", "account ended"),) and passage.opened_by is None
    assert facts.attribution_lines(passage.attributions) == [
        "The editor's reading, told as the article's own words, not in the account opened by: “Oster said”"
    ]
    # only an account opened by those words, told in the passage's own sentences, can be read as ended
    own = unsaid_problems([{"evidence": ["Oster said it keeps its ferries in port."], "attribution": ended}])
    assert {i for i, _ in own} == {"key_points[0].attribution"}
    closed = {"text": "an official familiar with the talks said", "role": "account ended"}
    assert "key_points[0].attribution" in [
        i for i, _ in account_problems([{"evidence": [REFUSAL], "attribution": closed}])
    ]
    # a sentence led by a pronoun for the account's people goes on with it: never ended there
    answer = opened_problems(
        [{"evidence": [ANSWER], "attribution": {"text": OPENING, "role": "account ended"}}]
    )
    assert [i for i, _ in answer] == ["key_points[0].attribution"] and "“Her”" in answer[0][1]


# TEST FIXTURE, NOT NEWS: done verbs that are not done: a possibility, an infinitive, a stopped or dropped
# giving (fifth reading).
UNDONE = """Harbour aid stalls in Estria

Vesta could provide two ferries to Estria. Norland has yet to provide fuel to Estria.
Oster stopped providing engines to Estria. Vesta is set to provide cranes to Estria.
Norland pulled out of providing tugs to Estria. Oster has provided nets to Estria.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("sentence", "verb", "item", "status"),
    [
        ("Vesta could provide two ferries to Estria.", "could provide", "two ferries", "possible"),
        ("Norland has yet to provide fuel to Estria.", "has yet to provide", "fuel", "not provided"),
        ("Oster stopped providing engines to Estria.", "stopped providing", "engines", None),
        ("Vesta is set to provide cranes to Estria.", "is set to provide", "cranes", "planned"),
        ("Norland pulled out of providing tugs to Estria.", "pulled out of providing", "tugs", None),
        ("Oster has provided nets to Estria.", "has provided", "nets", "provided"),
    ],
)
def test_a_done_verb_after_a_modal_an_infinitive_or_another_verb_is_not_done(
    sentence: str, verb: str, item: str, status: str | None
) -> None:
    _a_done_verb(sentence, verb, item, status)


@pytest.mark.parametrize(
    ("verb", "status"),
    [
        ("began providing", "provided"),
        ("continues providing", "provided"),
        ("is providing", "provided"),
        ("would provide", None),
        ("could also provide", "possible"),
        ("failed to provide", "not provided"),
    ],
)
def test_a_giving_that_goes_on_is_done_and_a_possible_one_is_not(verb: str, status: str | None) -> None:
    assert read_status(verb, "") == status


def _a_done_verb(sentence: str, verb: str, item: str, status: str | None) -> None:
    """Fifth reading: "could provide", "has yet to provide", "stopped providing", "is set to provide" and "pulled
    out of providing" were read as `provided`: a possibility, a plan, what has not happened, or a giving that
    ended, told as done."""
    assert read_status(verb, "") == status
    flow = {
        "donor": sentence.split()[0],
        "recipient": "Estria",
        "kind": "other",
        "items": [item],
        "status": "provided",
        "status_as_written": verb,
        "evidence": [sentence],
    }
    raw = account_brief([{"evidence": ["Estria Harbour News staff contributed to this report."]}])
    raw["source"]["headline"] = "Harbour aid stalls in Estria"
    _, found = check_raw({**raw, "aid": [flow]}, lambda _name: Article("fixture.txt", UNDONE))
    assert ("aid[0].status" in [p.item for p in found]) is (status != "provided"), found
