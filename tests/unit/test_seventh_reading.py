"""The seventh reading's rules (issue 10, REVIEW-7 and the items left open by the sixth), each on a small article
written for these tests.

TEST FIXTURES, NOT NEWS: every article below is an invented text about invented places (Estria, Norland, Vesta,
Oster); none is, or is taken from, a real report.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_sixth_reading import _deal_flow, _deal_loan, refused

# ---------------------------------------------------------------- coordinated verbs and new subjects

# TEST FIXTURE, NOT NEWS: verbs joined by "and" that share their subject, and clauses joined by "and" that open
# with a subject of their own.
JOINED = """Harbour deals in Estria

Norland has sent cranes to Estria and built a quay in Estria.
Norland sent fuel to Estria and Vesta built a dock in Estria.
Vesta praised Norland and sent tugs to Estria.
Vesta sent nets to Estria and Norland paid for them on Monday.
Norland sent oil to Estria, built Estria a pier and delivered rope to Estria.
Norland and Vesta sent boats to Estria and built Estria a shed.
Norland lent Estria $5 million and Vesta guaranteed $9 million.
Norland has sent masts to Estria and lent Estria $7 million.
Estria Harbour News staff contributed to this report.
"""
_LINES = JOINED.splitlines()


def _line(words: str) -> str:
    return next(line for line in _LINES if line.startswith(words))


@pytest.mark.parametrize(
    ("donor", "item", "verb", "sentence", "status"),
    [
        ("Norland", "a quay", "built", "Norland has sent cranes", "provided"),
        ("Vesta", "tugs", "sent", "Vesta praised Norland", "provided"),
        ("Norland", "a pier", "built", "Norland sent oil", "provided"),
        ("Norland", "rope", "delivered", "Norland sent oil", "delivered"),
        ("Norland and Vesta", "a shed", "built", "Norland and Vesta", "provided"),
    ],
)
def test_a_verb_joined_by_and_without_a_subject_shares_the_first_verbs_doer(
    donor: str, item: str, verb: str, sentence: str, status: str
) -> None:
    """Left open by the sixth reading: the subject of "X has sent … and built …" was not read as the doer of
    "built" (the shipped brief's field hospital could not say `by = "Israel"`). Coordinated verbs share their
    subject."""
    flow = _deal_flow(donor, item, verb, _line(sentence), by=donor, status=status)
    assert refused(JOINED, aid=[flow]) == []


@pytest.mark.parametrize(
    ("donor", "item", "verb", "sentence"),
    [
        ("Norland", "a dock", "built", "Norland sent fuel"),  # Vesta built the dock
        ("Norland", "tugs", "sent", "Vesta praised Norland"),  # Vesta sent the tugs
    ],
)
def test_a_giver_is_who_does_the_verb_not_another_clauses_subject(
    donor: str, item: str, verb: str, sentence: str
) -> None:
    """Seventh reading: "Norland sent fuel to Estria and Vesta built a dock in Estria." was accepted as a dock
    from Norland, and "Vesta praised Norland and sent tugs to Estria." as tugs from Norland: the donor only had to
    stand before the recipient. The giver of a done verb is its subject (read through the verbs it is joined to),
    with or without `by`."""
    flow = _deal_flow(donor, item, verb, _line(sentence))
    assert refused(JOINED, aid=[flow]) == ["aid[0].donor"]
    assert refused(JOINED, aid=[{**flow, "by": donor}]) == ["aid[0].by"]


def test_a_time_after_a_new_subject_is_that_clauses() -> None:
    """Seventh reading: "Vesta sent nets to Estria and Norland paid for them on Monday." let Vesta's nets be dated
    Monday: a clause joined by "and" with a subject of its own ends the verb's reach, whatever its verb."""
    flow = _deal_flow("Vesta", "nets", "sent", _line("Vesta sent nets"))
    assert refused(JOINED, aid=[{**flow, "when": "on Monday"}]) == ["aid[0].when"]
    assert refused(JOINED, aid=[flow]) == []


def test_an_amount_after_a_new_subject_is_not_the_first_verbs() -> None:
    """Seventh reading: "Norland lent Estria $5 million and Vesta guaranteed $9 million." was accepted as a
    $9 million loan from Norland ("lent" and Norland stood in the one comma-less clause)."""
    sentence = _line("Norland lent Estria $5 million")
    nine = _deal_loan("Norland", "$9 million", "lent", sentence)
    assert "loans[0].status_as_written" in refused(JOINED, loans=[nine])
    five = _deal_loan("Norland", "$5 million", "lent", sentence)
    assert refused(JOINED, loans=[five]) == []
    shared = _deal_loan("Norland", "$7 million", "lent", _line("Norland has sent masts"))
    assert refused(JOINED, loans=[shared]) == []


def test_the_shipped_field_hospital_is_israels_doing() -> None:
    """Left open by the sixth reading: `aid[2].by = "Israel"` (the field hospital of "Israel has sent several
    planeloads of humanitarian aid and built a field hospital in Ukraine.") was refused. Israel is who built it;
    Ukraine is not, and the donor is bound to the verb's subject whether or not `by` says it."""
    from tests.unit.test_mutants import _set, mutant, refusals

    assert refusals(mutant(_set("aid", 2, by="Israel"))) == []
    assert refusals(mutant(_set("aid", 1, by="Israel"))) == []
    assert refusals(mutant(_set("aid", 2, by="Ukraine"))) == ["aid[2].by"]
    swapped = mutant(_set("aid", 2, donor="Ukraine", recipient="Israel"))
    assert "aid[2].donor" in refusals(swapped)


# ---------------------------------------------------------------- "£" alone is pounds of a kind not stated


@pytest.mark.parametrize(
    ("written", "currency", "name"),
    [
        ("£5 million", "pounds", "pounds, kind not stated"),
        ("£3 bn", "pounds", "pounds, kind not stated"),
        ("UK£5 million", "GBP", "pounds sterling"),
        ("£5 million sterling", "GBP", "pounds sterling"),
        ("E£3 million", "EGP", "Egyptian pounds"),
        ("£3 million Egyptian pounds", "EGP", "Egyptian pounds"),
        ("$5 million Canadian dollars", "CAD", "Canadian dollars"),
    ],
)
def test_a_pound_sign_alone_says_pounds_not_which(written: str, currency: str, name: str) -> None:
    """Left open by the sixth reading: "£" alone was read as GBP. Egypt, Lebanon, Syria and Sudan write their
    pounds "£" too: by the issue's principle for "$", it is pounds of a kind not stated unless the text says
    which ("UK£", "sterling", "Egyptian pounds")."""
    from bot.briefs.money import parse_money

    money = parse_money(written)
    assert (money.currency, money.currency_name) == (currency, name)


@pytest.mark.parametrize("written", ["£5 million euros", "$5 million yen", "¥5 million pounds sterling"])
def test_a_sign_and_a_word_of_different_currencies_are_refused(written: str) -> None:
    """A sign of unstated kind is made precise only by a word of its own family ("$ … Canadian dollars"), never
    turned into another currency ("$5 million yen" was read as yen)."""
    from bot.briefs.money import MoneyError, parse_money

    with pytest.raises(MoneyError):
        parse_money(written)


# TEST FIXTURE, NOT NEWS: a loan written with the pound sign alone.
POUND_SIGN = """Harbour loans in Estria

Norland lent Estria a £5 million loan.
Estria Harbour News staff contributed to this report.
"""


def test_a_loan_in_pound_signs_is_not_told_as_sterling() -> None:
    from bot.briefs.answers import answer
    from bot.briefs.lookup import Library
    from bot.briefs.render import pages_text
    from tests.unit.test_sixth_reading import checked

    loan = _deal_loan("Norland", "£5 million", "lent", "Norland lent Estria a £5 million loan.")
    assert refused(POUND_SIGN, loans=[{**loan, "currency": "GBP"}]) == ["loans[0].currency"]
    loaded, found = checked(POUND_SIGN, loans=[{**loan, "currency": "pounds"}])
    assert found == [] and loaded is not None
    shown = pages_text(answer("loans", Library([loaded])))
    assert "pounds, kind not stated" in shown and "sterling" not in shown and "GBP" not in shown


# ---------------------------------------------------------------- C6: an aid flow's parties stand in its verb's clause

# TEST FIXTURE, NOT NEWS: one sentence a paragraph, each naming a giving and parties around it.
PARTIES = [
    ("Vesta sent fuel to Estria; Norland did not.", "fuel", "donor"),
    ("Vesta sent fuel to Estria, but Norland did not.", "fuel", "donor"),
    ("Norland sent nets, and Vesta sent fuel to Estria.", "nets", "recipient"),
    ("Norland sent fuel to Mirren and promised Estria nets.", "fuel", "recipient"),
    ("Norland offered fuel to Estria and sent nets.", "nets", "recipient"),
    ("Norland sent fuel to Vesta after Estria refused it.", "fuel", "recipient"),
    ("Norland sent fuel that Estria had requested to Vesta.", "fuel", "recipient"),
    ("Norland, which Estria backs, sent fuel to Vesta.", "fuel", "recipient"),
    ("Norland’s fuel was sent to Estria by Vesta.", "fuel", "donor"),
    ("Norland and Vesta sent fuel to Estria.", "fuel", "donor"),
    ("Norland sent fuel to Estria.", "fuel", None),
    ("Norland has sent nets to Vesta and sent fuel to Estria.", "fuel", None),
    ("Fuel was sent to Estria by Norland.", "Fuel", None),
    ("Norland sent Estria fuel.", "fuel", None),
]
PARTIES_ARTICLE = (
    "Ferry talks stall in Estria\n\n"
    + "\n".join(s for s, _, _ in PARTIES)
    + ("\nEstria Harbour News staff contributed to this report.\n")
)


@pytest.mark.parametrize(("sentence", "item", "field"), PARTIES)
def test_an_aid_flows_donor_and_recipient_are_its_verbs(sentence: str, item: str, field: str | None) -> None:
    """REVIEW-7 C6: an aid flow's donor and recipient had only to be written somewhere in its evidence: "Vesta sent
    fuel to Estria; Norland did not." was Norland's fuel, "Norland sent fuel to Vesta after Estria refused it."
    fuel for Estria. The donor is who does the verb (its subject, shared through "and", or a passive's agent; a
    joint subject is both), the recipient stands after the verb in its own predicate, not in a clause of its
    own ("after …", "that …", ", which …") nor in another verb's predicate."""
    flow = _deal_flow("Norland", item, "sent", sentence)
    expected = [] if field is None else [f"aid[0].{field}"]
    assert refused(PARTIES_ARTICLE, aid=[flow]) == expected


def test_a_joint_giver_is_named_whole() -> None:
    sentence = "Norland and Vesta sent fuel to Estria."
    assert refused(PARTIES_ARTICLE, aid=[_deal_flow("Norland and Vesta", "fuel", "sent", sentence)]) == []


@pytest.mark.parametrize(
    ("index", "change", "added", "field"),
    [
        (2, {"donor": "Canada"}, "Japan has provided Ukraine with a $600 million loan", "donor"),
        (1, {"donor": "Japan"}, "Japan has provided Ukraine with a $600 million loan", "donor"),
        (
            1,
            {"recipient": "Syria", "reading": False},
            "Israel conducts strikes on Iranian targets",
            "recipient",
        ),
        (5, {"donor": "Japan"}, "Japan has provided Ukraine with a $600 million loan", "donor"),
        (0, {"donor": "Japan"}, "Japan has provided Ukraine with a $600 million loan", "donor"),
    ],
)
def test_a_shipped_flows_party_taken_from_another_paragraph_is_refused(
    index: int, change: dict[str, Any], added: str, field: str
) -> None:
    from tests.unit.test_mutants import ARTICLE, mutant, refusals

    sentence = next(s.text for _, s in ARTICLE.sentences if s.text.startswith(added))

    def edit(raw: dict[str, Any]) -> None:
        raw["aid"][index].update(change)
        raw["aid"][index]["evidence"].append(sentence)

    assert f"aid[{index}].{field}" in refusals(mutant(edit))


# ---------------------------------------------------------------- C1: every item is said of its verb

_VIDEO = "He can be seen in a video posted to the Twitter account of US Secretary of Defense Lloyd Austin."


@pytest.mark.parametrize(
    ("index", "items", "added"),
    [
        (4, ["military aid", "Israel Air Force planes"], None),
        (6, ["military aid", "a solution"], None),
        (5, ["MILITARY AID", "a plane"], None),
        (2, ["a field hospital", "several planeloads of humanitarian aid"], None),
        (6, ["military aid", "a video"], _VIDEO),
    ],
)
def test_every_item_of_a_shipped_flow_is_said_of_its_verb(
    index: int, items: list[str], added: str | None
) -> None:
    """REVIEW-7 C1: only one of a flow's items had to be what its verb tells of; the others could be any words of
    any passage ("Refused by Bennett · Israel → Ukraine: military aid, Israel Air Force planes")."""
    from tests.unit.test_mutants import mutant, refusals

    def edit(raw: dict[str, Any]) -> None:
        raw["aid"][index]["items"] = items
        if added is not None:
            raw["aid"][index]["evidence"].append(added)

    assert f"aid[{index}].items[1]" in refusals(mutant(edit))


# TEST FIXTURE, NOT NEWS: items listed after one verb, and an item of another verb.
ITEMS = """Harbour deals in Estria

Norland sent fuel and nets to Estria.
Norland sent fuel, nets and rope to Estria.
Norland sent fuel to Estria and praised the crews.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("sentence", "items", "refused_items"),
    [
        ("Norland sent fuel and nets to Estria.", ["fuel", "nets"], []),
        ("Norland sent fuel, nets and rope to Estria.", ["fuel", "nets", "rope"], []),
        # a part of the list, skipping "nets": refused (safe), the list is named as the article lists it
        ("Norland sent fuel, nets and rope to Estria.", ["rope", "fuel"], ["aid[0].items[0]"]),
        ("Norland sent fuel, nets and rope to Estria.", ["rope", "nets", "fuel"], []),
        ("Norland sent fuel to Estria and praised the crews.", ["fuel", "the crews"], ["aid[0].items[1]"]),
    ],
)
def test_items_listed_after_one_verb_are_all_its_own(
    sentence: str, items: list[str], refused_items: list[str]
) -> None:
    flow = {**_deal_flow("Norland", items[0], "sent", sentence), "items": items}
    assert refused(ITEMS, aid=[flow]) == refused_items


# ---------------------------------------------------------------- C9: a gapped pair and a joint lender

# TEST FIXTURE, NOT NEWS: a second pair after "and" with its verb left out, and a loan two lenders made.
GAPPED = """Harbour loans in Estria

Norland lent Estria $90 million and Vesta $50 million.
Norland lent Vesta $90 million and Estria $50 million.
Norland and Vesta lent Estria $70 million.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("sentence", "lender", "amount", "field"),
    [
        ("Norland lent Estria $90 million and Vesta $50 million.", "Norland", "$50 million", "lender"),
        ("Norland lent Vesta $90 million and Estria $50 million.", "Norland", "$90 million", "borrower"),
        ("Norland and Vesta lent Estria $70 million.", "Norland", "$70 million", "lender"),
        ("Norland and Vesta lent Estria $70 million.", "Norland and Vesta", "$70 million", None),
        ("Norland lent Estria $90 million and Vesta $50 million.", "Norland", "$90 million", None),
    ],
)
def test_a_gapped_pair_and_a_joint_lender_are_read_as_written(
    sentence: str, lender: str, amount: str, field: str | None
) -> None:
    """REVIEW-7 C9 (held since this session's clause reading, b989142; accepted on 5ee2e5b): "Norland lent Estria
    $90 million and Vesta $50 million." gave Estria the $50 million, and "Norland and Vesta lent …" made the
    loan Norland's alone. A pair after "and" with a subject of its own is its own clause; a joint subject is
    named whole."""
    found = refused(GAPPED, loans=[_deal_loan(lender, amount, "lent", sentence)])
    assert (found == []) if field is None else (f"loans[0].{field}" in found)


# ---------------------------------------------------------------- C10 and shared negations: a status read whole

# TEST FIXTURE, NOT NEWS: a negation shared by a joined verb, and a verb whose object is nothing.
UNDONE = """Harbour deals in Estria

Norland has not sent cranes to Estria and built a quay for Estria.
Norland did not send cranes to Estria but built a quay for Estria.
Norland did not send cranes to Estria and built a quay for Estria.
Norland pledged $90 million to Estria but has lent nothing.
Vesta has sent no tugs to Estria.
Estria Harbour News staff contributed to this report.
"""


@pytest.mark.parametrize(
    ("sentence", "item", "verb", "status", "ok"),
    [
        ("Norland has not sent cranes", "a quay", "built", "provided", False),
        ("Norland has not sent cranes", "a quay", "built", "not provided", True),
        ("Norland did not send cranes to Estria but", "a quay", "built", "provided", True),  # "but" ends it
        ("Norland did not send cranes to Estria and", "a quay", "built", "provided", False),
    ],
)
def test_a_negation_is_shared_by_the_verb_joined_to_it_by_and(
    sentence: str, item: str, verb: str, status: str, ok: bool
) -> None:
    """Seventh reading: "Norland has not sent cranes to Estria and built a quay for Estria." told the quay as
    built: a verb joined by "and" (or "or") with no auxiliary of its own shares the negated auxiliary before it;
    "but" turns it round."""
    line = next(line for line in UNDONE.splitlines() if line.startswith(sentence))
    flow = _deal_flow("Norland", item, verb, line, status=status)
    assert (refused(UNDONE, aid=[flow]) == []) is ok


def test_a_loan_of_nothing_is_not_a_loan_made() -> None:
    """REVIEW-7 C10: "Norland pledged $90 million to Estria but has lent nothing." was accepted as a $90 million
    loan made ("lent"): a done verb whose object is "nothing", "none" or "no …" tells nothing given."""
    line = "Norland pledged $90 million to Estria but has lent nothing."
    made = _deal_loan("Norland", "$90 million", "lent", line)
    assert "loans[0].status" in refused(UNDONE, loans=[made])
    pledged = _deal_loan("Norland", "$90 million", "pledged", line, status="pledged")
    assert refused(UNDONE, loans=[pledged]) == []


# ---------------------------------------------------------------- C3 and item 1(c): bodies and places by the article's signals

_AZOVSTAL = "One known positive result of Bennett’s continued contact with Putin was the opening of a humanitarian corridor to evacuate Ukrainians from Mariupol’s Azovstal Iron and Steelworks in May."


@pytest.mark.parametrize(
    ("name", "passage"),
    [
        (
            "Ben-Gurion",
            "WORKERS LOAD packages of Israeli humanitarian aid destined for Ukraine, at Ben-Gurion Airport this week.",
        ),
        (
            "Boryspil",
            "MILITARY AID, delivered as part of the United States' security assistance to Ukraine, is unloaded from a plane at the Boryspil International Airport outside Kyiv yesterday.",
        ),
        ("Azovstal", _AZOVSTAL),
        ("Azovstal Iron", _AZOVSTAL),
        (
            "Russia-Ukraine",
            "A source familiar with the exchange said it took place three months ago, at the beginning of the Russia-Ukraine war.",
        ),
        (
            "Defense Ministry Policy",
            "Defense Ministry Policy and Political-Military Bureau Deputy Director Ilan Mezushan participated in the Ukraine Defense Contact Group in Brussels.",
        ),
    ],
)
def test_a_name_the_article_writes_as_part_of_a_bodys_or_places_name_is_no_person(
    name: str, passage: str
) -> None:
    """REVIEW-7 C3 (and the sixth reading's open item 1(c)): a body or place no list knows passed as a person
    when the article shows it as part of a longer name ("Ben-Gurion Airport", "the Boryspil International
    Airport", "Azovstal Iron and Steelworks"), a compound of places ("Russia-Ukraine"), or a name holding a
    body's word ("Defense Ministry Policy"): the article's own signal is read, not only the lists."""
    from tests.unit.test_mutants import mutant, refusals

    attribution = {"attribution": "A source familiar with the exchange said"} if "exchange" in passage else {}
    person = {"name": name, "as_written": name, "evidence": [passage], **attribution}
    found = refusals(mutant(lambda raw: raw["people"].append(person)))
    index = len(mutant(lambda raw: None)["people"])
    assert f"people[{index}].name" in found, found


def test_a_person_before_a_capitalised_word_that_ends_no_bodys_name_stays_a_person() -> None:
    from tests.unit.test_mutants import SHIPPED, refusals

    assert refusals(SHIPPED) == []


# ---------------------------------------------------------------- C7: words that undo a giving or turn its receiver

# TEST FIXTURE, NOT NEWS: givings nearly done, a giver named to be set apart, receivers that are someone else's.
UNDOING = [
    ("Vesta, unlike Norland, sent fuel to Estria.", "donor"),
    ("Norland nearly sent fuel to Estria.", "status"),
    ("Norland almost sent fuel to Estria.", "status"),
    ("Norland sent fuel to Estria's rival Vesta.", "recipient"),
    ("Norland sent fuel to Estria’s enemies.", "recipient"),
    ("Norland sent fuel through Estria to Vesta.", "recipient"),
    ("Norland sent fuel to Vesta via Estria.", "recipient"),
    ("Norland sent fuel to Vesta near Estria.", "recipient"),
    ("Norland sent fuel toward Estria.", "recipient"),
    ("Norland sent fuel to the Estria border.", "recipient"),
]
UNDOING_ARTICLE = (
    "Ferry talks stall in Estria\n\n"
    + "\n".join(s for s, _ in UNDOING)
    + ("\nEstria Harbour News staff contributed to this report.\n")
)


@pytest.mark.parametrize(("sentence", "field"), UNDOING)
def test_words_that_undo_a_giving_or_turn_its_receiver_are_read(sentence: str, field: str) -> None:
    """REVIEW-7 C7: "Vesta, unlike Norland, sent fuel …" was Norland's fuel, "Norland nearly sent fuel …" fuel
    sent, and "to Estria's rival Vesta", "through Estria", "via Estria", "near Estria", "toward Estria", "the
    Estria border" made Estria the receiver."""
    flow = _deal_flow("Norland", "fuel", "sent", sentence)
    assert f"aid[0].{field}" in refused(UNDOING_ARTICLE, aid=[flow])
