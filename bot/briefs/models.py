"""The brief schema (format 2): what an editor writes in `briefs/*.toml`, validated strictly.

A brief holds no prose of its own. Every value a reader sees is either written verbatim in its
item's `evidence` (passages of the seed article), read by the check's own parser from an
`as_written` that is verbatim there ("half-a-billion dollars" -> 500,000,000 dollars), or a name the
brief declares in `aliases` for words the article writes. `bot.briefs.check` enforces all of it;
this module only fixes the shape. Unknown keys are rejected so a typo is an error, not a silently
dropped fact. The README's "Writing a brief" documents every field.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator

from bot.briefs.money import ISO_CURRENCIES, Money, MoneyError, parse_money
from bot.briefs.proof import BriefProof
from bot.briefs.vocabulary import AidKind, AttributionRole, CreditKind, Status

FORMAT = 2

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Passage = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Evidence = Annotated[list[Passage], Field(min_length=1, max_length=10)]

Tag = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[\w][\w -]{0,31}$"),
]  # a word or a few: no commas, since a subscription lists the tags it follows with them

_BRIEF_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$")


def seed_name_problem(name: str) -> str | None:
    """Why `name` cannot name a file directly inside the seeds folder, or None when it can."""
    if "\0" in name:
        return "must be a file name inside the seeds folder; a file name holds no NUL character"
    if "/" in name or "\\" in name or name.startswith("."):
        return "must be a file name inside the seeds folder, not a path"
    return None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Attributed(_Strict):
    """Words of the evidence sentence that say what an attribution is to its fact (`vocabulary.AttributionRole`):
    `{ text = "All three ministers’ spokespeople said they do not comment …", role = "caveat" }`."""

    text: ShortText
    role: AttributionRole = "source"


Attribution = (
    ShortText
    | Attributed
    | Annotated[list[ShortText | Attributed], Field(min_length=1, max_length=10)]
    | None
)


class Fact(_Strict):
    """Anything a reader is told: its evidence, and who says so when the article says someone does."""

    evidence: Evidence
    attribution: Attribution = Field(
        default=None,
        description="Who says so, verbatim from the evidence sentence ('a senior diplomatic source said'); "
        "a plain string is a source, a table `{ text, role }` names another role.",
    )

    @property
    def attributed(self) -> list[Attributed]:
        """Every attribution with its role; a plain string is a `source`."""
        if self.attribution is None:
            return []
        given = self.attribution if isinstance(self.attribution, list) else [self.attribution]
        return [Attributed(text=a) if isinstance(a, str) else a for a in given]

    @property
    def attributions(self) -> list[str]:
        """The words of every attribution, whatever its role."""
        return [a.text for a in self.attributed]


class Source(_Strict):
    """Where a brief comes from: its seed file, the publisher as the article names itself, its headline."""

    seed: ShortText
    publisher: ShortText
    headline: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=256)]
    evidence: Evidence

    @field_validator("seed")
    @classmethod
    def _plain_file_name(cls, value: str) -> str:
        problem = seed_name_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value


class Editor(_Strict):
    """What the editor knows about the article that the article does not say: shown labelled as such."""

    published: date | None = None
    url: ShortText | None = None

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not _URL.match(value):
            raise ValueError("must be a web address starting with http:// or https://")
        return value


class Alias(_Strict):
    """A name the brief uses for words the article writes: `name = "Ukraine"`, `as_written = ["Kyiv"]`."""

    name: ShortText
    as_written: Annotated[list[ShortText], Field(min_length=1, max_length=20)]


class KeyPoint(Fact):
    """A key point is the article's own words: its evidence, shown verbatim."""


class Person(Fact):
    name: ShortText
    role: ShortText | None = None
    affiliation: ShortText | None = None
    as_written: ShortText = Field(
        description="The phrase that names the person: 'Prime Minister Naftali Bennett'."
    )


class Dealing(Fact):
    """What aid and loans share: a status and its verb, and who acted, when and how, in that verb's clause."""

    status: Status
    status_as_written: ShortText

    by: ShortText | None = Field(
        default=None,
        description="Who did, asked or refused, as the article names them just before the status verb: 'Bennett'.",
    )
    when: ShortText | None = Field(
        default=None, description="As written in the status verb's clause: 'last week'."
    )
    how: ShortText | None = Field(
        default=None,
        description="How, as written in the status verb's clause: 'in a letter conveyed by Ukrainian Ambassador …'.",
    )
    where: ShortText | None = Field(
        default=None,
        description="Where, as written in the status verb's clause or in the setting that opens its sentence: "
        "'In Security Cabinet meetings'.",
    )


class AidFlow(Dealing):
    donor: ShortText
    recipient: ShortText
    kind: AidKind
    items: Annotated[list[ShortText], Field(min_length=1, max_length=20)]
    reading: bool = Field(
        default=False,
        description="Given only by what a negated verb excepts ('has not provided military aid … beyond "
        "helmets'): shown as a reading.",
    )


class Loan(Dealing):
    lender: ShortText
    borrower: ShortText
    as_written: ShortText = Field(description="The amount as the article writes it: '$600 million'.")
    amount: Annotated[int, Field(gt=0)] | None = None
    currency: ShortText | None = None
    reading: bool = Field(
        default=False, description="A party named only in the sentence's first clause: shown as a reading."
    )

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str | None) -> str | None:
        from bot.briefs.money import DOLLARS, KIND_UNSTATED, UNSTATED

        if value is None or value in ISO_CURRENCIES or value in (DOLLARS, UNSTATED):
            return value
        if value in KIND_UNSTATED.values():
            return value
        raise ValueError(
            f"must be an ISO 4217 code (USD, EUR, …), {DOLLARS!r} for dollars of unstated kind, a currency noun "
            f"of unstated kind as the article writes it ('crowns', 'francs', …), or {UNSTATED!r}"
        )

    @property
    def money(self) -> Money | None:
        """The amount and currency the check's parser reads from `as_written`."""
        try:
            return parse_money(self.as_written)
        except MoneyError:
            return None


class Event(Fact):
    what: ShortText | None = Field(
        default=None,
        description="What happened, as the article writes it: 'Moscow reprimanded Israeli Ambassador Alex Ben-Zvi'. "
        "Without it, the event is headed by its first passage.",
    )
    where: ShortText | None = None
    when: ShortText | None = Field(default=None, description="Only as the article writes it.")


class Quote(Fact):
    speaker: ShortText
    text: Passage


class Credit(_Strict):
    """A byline, photo credit or 'contributed to this report' line: a credit, not a person involved."""

    kind: CreditKind
    name: ShortText
    organisation: ShortText | None = None
    as_written: ShortText = Field(
        description="The credit line verbatim: '(photo credit: AMMAR AWAD/REUTERS)'."
    )


class Brief(_Strict):
    """One article's structured brief."""

    format: Literal[2]
    id: str
    added: date = Field(description="When the brief was added; the newest brief is the default answer.")
    tags: Annotated[list[Tag], Field(max_length=20)] = Field(
        default_factory=list,
        description="Topics and countries ('loans', 'israel'): a digest subscription may follow only some.",
    )
    source: Source
    editor: Editor = Field(default_factory=Editor)
    aliases: list[Alias] = Field(default_factory=list)
    key_points: Annotated[list[KeyPoint], Field(min_length=1)]
    people: list[Person] = Field(default_factory=list)
    aid: list[AidFlow] = Field(default_factory=list)
    loans: list[Loan] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    credits: list[Credit] = Field(default_factory=list)

    _proof: BriefProof | None = PrivateAttr(default=None)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _BRIEF_ID.match(value):
            raise ValueError("must be a slug of lower-case letters, digits and hyphens (at most 64)")
        return value

    @property
    def title(self) -> str:
        """The article's headline: a brief has no title of its own."""
        return self.source.headline

    @property
    def proof(self) -> BriefProof | None:
        """Where each item's evidence sits in the article, attached by the loader once the check passed."""
        return self._proof


SECTIONS: tuple[str, ...] = ("key_points", "people", "aid", "loans", "events", "quotes")
