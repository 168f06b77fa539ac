"""The brief schema: what an editor writes in `briefs/*.toml`, validated strictly.

Every fact-bearing item carries `evidence`, one or more verbatim passages of the brief's seed
article; the loader checks each passage against the article. Unknown keys are rejected so a
typo in a brief is an error, not a silently dropped fact.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Passage = Annotated[str, StringConstraints(min_length=3, max_length=2000)]
Evidence = Annotated[list[Passage], Field(min_length=1, max_length=10)]

AidKind = Literal[
    "military", "humanitarian", "protective equipment", "medical", "financial", "diplomatic", "other"
]
AidStatus = Literal[
    "delivered", "provided", "pledged", "requested", "declined", "not provided", "under consideration"
]
LoanStatus = Literal["provided", "requested", "under consideration", "pledged", "declined"]

_BRIEF_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(_Strict):
    """Where a brief comes from: its seed file and the publisher as the article names itself."""

    seed: ShortText
    publisher: ShortText
    headline: Text
    evidence: Evidence

    @field_validator("seed")
    @classmethod
    def _plain_file_name(cls, value: str) -> str:
        if "/" in value or "\\" in value or value.startswith("."):
            raise ValueError("must be a file name inside the seeds folder, not a path")
        return value


class KeyPoint(_Strict):
    text: Text
    evidence: Evidence


class Person(_Strict):
    name: ShortText
    role: ShortText
    affiliation: ShortText
    actions: Text = Field(description="What they did or said, in the brief's words.")
    evidence: Evidence


class AidFlow(_Strict):
    donor: ShortText
    recipient: ShortText
    kind: AidKind
    items: Annotated[list[ShortText], Field(min_length=1)]
    status: AidStatus
    note: Text | None = None
    evidence: Evidence


class Loan(_Strict):
    lender: ShortText
    borrower: ShortText
    amount: Annotated[int, Field(gt=0)]
    currency: str
    status: LoanStatus
    note: Text | None = None
    evidence: Evidence

    @field_validator("currency")
    @classmethod
    def _iso_4217(cls, value: str) -> str:
        if not _CURRENCY.match(value):
            raise ValueError("must be an ISO 4217 code of three capital letters, such as USD or EUR")
        return value


class Event(_Strict):
    what: Text
    where: ShortText | None = None
    when: ShortText | None = Field(default=None, description="Only as the article states it.")
    evidence: Evidence


class Quote(_Strict):
    speaker: ShortText
    text: Text
    evidence: Evidence


class Brief(_Strict):
    """One article's structured brief."""

    id: str
    title: ShortText
    added: date = Field(description="When the brief was added; the newest brief is the default answer.")
    source: Source
    summary: Text
    key_points: Annotated[list[KeyPoint], Field(min_length=1)]
    people: list[Person] = Field(default_factory=list)
    aid: list[AidFlow] = Field(default_factory=list)
    loans: list[Loan] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _BRIEF_ID.match(value):
            raise ValueError("must be a slug of lower-case letters, digits and hyphens (at most 64)")
        return value
