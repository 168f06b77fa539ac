"""Every short span of an item's own evidence, put into each of its word-bound fields (the seventh reading's
brute force, REVIEW-7, rebuilt): a party (donor, recipient, lender, borrower, `by`), a `when`, a `where`, a
`how`, a person's `role` or `affiliation`.

Each mutant changes one field of one item of the shipped brief to a 1-5 word span of that item's own
evidence, so the value is always verbatim in the evidence: only the check's reading of which words may fill
which field can refuse it. A correct value is fine (`CORRECT` lists those this run accepts, each judged against
the article); any other acceptance is a hole.

    .venv/bin/python bench/field_spans.py          # counts, and every acceptance not judged correct
    .venv/bin/python bench/field_spans.py --all    # every acceptance
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bot.briefs.article import Article
from bot.briefs.loader import check_raw
from tests.conftest import BRIEFS_DIR, SEEDS_DIR

SHIPPED: dict[str, Any] = tomllib.loads(
    (BRIEFS_DIR / "israel-ukraine-defense-contact-group.toml").read_text(encoding="utf-8")
)
ARTICLE = Article(
    SHIPPED["source"]["seed"], (SEEDS_DIR / SHIPPED["source"]["seed"]).read_text(encoding="utf-8")
)

FIELDS: dict[str, tuple[str, ...]] = {
    "aid": ("donor", "recipient", "by", "when", "where", "how"),
    "loans": ("lender", "borrower", "by", "when", "where", "how"),
    "events": ("when", "where"),
    "people": ("role", "affiliation"),
}
MAX_WORDS = 5
_EDGE = ".,;:!?\"'()[]“”‘’"


@dataclass(frozen=True)
class Mutant:
    section: str
    index: int
    field: str
    value: str

    @property
    def path(self) -> str:
        return f"{self.section}[{self.index}].{self.field}"


def spans(evidence: list[str]) -> list[str]:
    """Every run of 1 to `MAX_WORDS` words of the passages, its edge punctuation stripped, once each."""
    found: dict[str, None] = {}
    for passage in evidence:
        words = passage.split()
        for start in range(len(words)):
            for length in range(1, MAX_WORDS + 1):
                if start + length > len(words):
                    break
                span = " ".join(words[start : start + length]).strip(_EDGE)
                if span:
                    found.setdefault(span)
    return list(found)


def mutants() -> Iterator[Mutant]:
    """Each field of each item, given each span of that item's evidence but its own value."""
    for section, fields in FIELDS.items():
        for index, item in enumerate(SHIPPED[section]):
            candidates = spans(item["evidence"])
            for field in fields:
                for value in candidates:
                    if value != item.get(field):
                        yield Mutant(section, index, field, value)


def brief_with(mutant: Mutant) -> dict[str, Any]:
    raw = copy.deepcopy(SHIPPED)
    raw[mutant.section][mutant.index][mutant.field] = mutant.value
    return raw


def accepted(mutant: Mutant) -> bool:
    """Whether the check accepts the mutant: no problem at all."""
    _, problems = check_raw(brief_with(mutant), lambda _name: ARTICLE)
    return not problems


# Acceptances judged against the article: the value is what the article says. (path, value) -> why.
CORRECT: dict[tuple[str, str], str] = {
    ("aid[0].recipient", "Kyiv"): "the article's own word for Ukraine (the alias)",
    ("aid[3].recipient", "Kyiv"): "the article's own word for Ukraine (the alias)",
    ("aid[0].by", "Israel"): "Israel is who has not provided it",
    ("aid[1].by", "Israel"): "Israel has sent the planeloads",
    ("aid[2].by", "Israel"): "Israel built the field hospital",
    ("aid[3].by", "Israel"): "Israel is who has not provided it",
    ("aid[2].where", "in Ukraine"): "the field hospital was built in Ukraine",
    ("aid[2].where", "Ukraine"): "the field hospital was built in Ukraine",
    ("aid[4].where", "Security Cabinet meetings"): "the shipped where without its preposition",
    ("aid[6].where", "Security Cabinet meetings"): "the shipped where without its preposition",
    ("aid[5].donor", "the United States"): "“the United States' security assistance”, with its article",
    ("loans[0].by", "Ukraine"): "Ukraine asked",
    ("loans[0].how", "in a letter"): "it was asked for in a letter (the shipped how, shorter)",
    ("loans[1].by", "Japan"): "Japan has provided it",
    ("loans[2].by", "Germany"): "Germany provided it",
    ("loans[3].by", "Canada"): "Canada provided it",
    ("events[0].when", "on Wednesday"): "the shipped when with its preposition",
    ("events[8].when", "on Wednesday"): "the shipped when with its preposition",
    ("events[1].where", "the Ukraine Defense Contact Group"): "he participated in the group",
    ("events[1].where", "in Brussels"): "the shipped where with its preposition",
    ("events[2].where", "in a previous American-led meeting"): "Israel participated in that meeting",
    ("events[2].where", "a previous American-led meeting"): "Israel participated in that meeting",
    (
        "events[4].when",
        "three months ago",
    ): "the exchange took place three months ago (the shipped when, shorter)",
    ("events[4].where", "Security Cabinet meetings"): "the exchange of the Security Cabinet meetings",
    ("events[5].when", "in May"): "the shipped when with its preposition",
    ("events[6].where", "at Ben-Gurion Airport"): "the shipped where with its preposition",
    ("events[7].where", "from a plane"): "it is unloaded from a plane (“from” places, README)",
    ("events[7].where", "a plane"): "it is unloaded from a plane (“from” places, README)",
    ("events[7].where", "at the Boryspil International Airport"): "the shipped where with its preposition",
    ("events[7].where", "the Boryspil International Airport"): "the shipped where",
    ("events[7].where", "outside Kyiv"): "the airport is outside Kyiv: where it is unloaded",
    ("events[9].where", "in Syria"): "the shipped where with its preposition",
}
