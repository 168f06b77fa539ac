"""Proof in one click: the Quote view of an answer's facts, and the custom_id that names them.

A `QuoteTarget` names a brief, the content version it was answered from, and the facts of the answer,
compactly enough for Discord's 100-character custom_id: `bq:<brief id>:<version>:<items>`, where items
are a section letter and a bit mask of item indexes in hex (`l1` is loans[0], `p*` every person), the mask
after its first index when that is shorter (`a3c_5` is aid[60] and aid[62]). A press after a restart reads it
back; a press after the brief changed says so instead of quoting the new text. An answer whose facts do not
fit one custom_id is quoted in parts, each naming the facts it holds ("Facts 1–30 of 45"), never cut short.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.briefs import facts, render
from bot.briefs.lookup import Found, Library, UnknownBrief
from bot.briefs.models import AidFlow, Brief, Event, Fact, KeyPoint, Loan, Person, Quote
from bot.briefs.render import EmbedField, MessageData

CUSTOM_ID_LIMIT = 100
MAX_MENU_OPTIONS = 25  # Discord's limit on a select's options (the Quote menu)
PREFIX = "bq"
_CODES: dict[str, str] = {
    "key_points": "k",
    "people": "p",
    "aid": "a",
    "loans": "l",
    "events": "e",
    "quotes": "q",
}
_SECTIONS = {code: section for section, code in _CODES.items()}
_KEY = re.compile(r"^(?P<section>[a-z_]+)\[(?P<index>\d+)\]$")
TEMPLATE = (
    rf"{PREFIX}:(?P<brief_id>[a-z0-9][a-z0-9-]{{0,63}}):(?P<version>[0-9a-f]{{8}}):"
    r"(?P<items>[kpaleq](?:\*|[0-9a-f]+(?:_[0-9a-f]+)?)(?:\.[kpaleq](?:\*|[0-9a-f]+(?:_[0-9a-f]+)?))*)"
)


@dataclass(frozen=True)
class QuoteTarget:
    """The facts one answer shows: which brief, which version of it, which items (encoded, `l1.p*`)."""

    brief_id: str
    version: str
    encoded: str

    @property
    def custom_id(self) -> str:
        return f"{PREFIX}:{self.brief_id}:{self.version}:{self.encoded}"

    @property
    def items(self) -> tuple[str, ...]:
        """("loans[0]", "people[*]", …): `[*]` is every item of the section."""
        return decode_items(self.encoded)


def encode_items(items: Sequence[str], sizes: Sequence[tuple[str, int]] = ()) -> str:
    """("people[0]", "people[2]", "loans[1]") -> "p5.l2"; every item of a section -> "p*"."""
    masks: dict[str, int] = {}
    for key in items:
        match = _KEY.match(key)
        if match is None or match["section"] not in _CODES:
            raise ValueError(f"not an item of a brief: {key!r}")
        section = match["section"]
        masks[section] = masks.get(section, 0) | (1 << int(match["index"]))
    whole = dict(sizes)
    parts = []
    for section, mask in masks.items():
        every = whole.get(section, -1) > 0 and mask == (1 << whole[section]) - 1
        first = (mask & -mask).bit_length() - 1  # the lowest index: the mask may start after it
        plain, shifted = format(mask, "x"), f"{first:x}_{mask >> first:x}"
        written = "*" if every else plain if len(plain) <= len(shifted) else shifted
        parts.append(f"{_CODES[section]}{written}")
    return ".".join(parts)


def decode_items(encoded: str) -> tuple[str, ...]:
    """ "p5.l2" -> ("people[0]", "people[2]", "loans[1]"); "p*" -> ("people[*]",) for every person."""
    keys: list[str] = []
    for part in encoded.split("."):
        section, mask = _SECTIONS[part[0]], part[1:]
        if mask == "*":
            keys.append(f"{section}[*]")
            continue
        first, _, shifted = mask.rpartition("_")
        start, bits = int(first or "0", 16), int(shifted, 16)
        keys += [f"{section}[{start + index}]" for index in range(bits.bit_length()) if bits >> index & 1]
    return tuple(keys)


def targets_for(brief: Brief, items: Sequence[str]) -> list[QuoteTarget]:
    """The Quote targets for these items of `brief`: one when they fit Discord's custom_id limit, else parts,
    in the items' order, each as many as fit (one item always does); none when there is nothing to quote."""
    if brief.proof is None or not items:
        return []
    sizes = tuple((section, len(getattr(brief, section))) for section in _CODES)

    def target(chosen: Sequence[str]) -> QuoteTarget:
        assert brief.proof is not None
        return QuoteTarget(brief.id, brief.proof.version, encode_items(chosen, sizes))

    if len(target(items).custom_id) <= CUSTOM_ID_LIMIT:
        return [target(items)]
    parts: list[list[str]] = [[]]
    for key in items:
        if parts[-1] and len(target([*parts[-1], key]).custom_id) > CUSTOM_ID_LIMIT:
            parts.append([])
        parts[-1].append(key)
    return [target(part) for part in parts]


def target_for(brief: Brief, items: Sequence[str]) -> QuoteTarget | None:
    """The Quote button's target for these items of `brief` when they fit one custom_id (every key point, as a
    digest quotes them, always does: `k*`), else the first of its parts (`targets_for` gives them all)."""
    targets = targets_for(brief, items)
    return targets[0] if targets else None


def _keys(brief: Brief, section: str, chosen: Sequence[object]) -> list[str]:
    return [facts.item_key(brief, section, item) for item in chosen]


@dataclass(frozen=True)
class QuoteChoice:
    """One article's facts in an answer, and the Quote target that names them; when they do not fit one
    target, one part of them: `facts` is (first, last, of how many), counted in the answer's order."""

    brief: Brief
    target: QuoteTarget
    facts: tuple[int, int, int] | None = None

    @property
    def part(self) -> str:
        """ "Facts 1–30 of 45" for a part, "" for a whole article's facts."""
        if self.facts is None:
            return ""
        first, last, total = self.facts
        return f"Facts {first}–{last} of {total}" if last > first else f"Fact {first} of {total}"


def _choices(brief: Brief, items: Sequence[str]) -> list[QuoteChoice]:
    """One choice for `items` of `brief`, or one per part when they do not fit one Quote target."""
    targets = targets_for(brief, items)
    if len(targets) == 1:
        return [QuoteChoice(brief, targets[0])]
    choices: list[QuoteChoice] = []
    first = 1
    for target in targets:
        count = len(target.items) if "*" not in target.encoded else len(_resolved_keys(brief, target.items))
        choices.append(QuoteChoice(brief, target, (first, first + count - 1, len(items))))
        first += count
    return choices


def menu_placeholder(choices: Sequence[QuoteChoice]) -> str:
    """What the Quote menu says it offers, and what it leaves out past Discord's 25 options."""
    articles = len({choice.brief.id for choice in choices})
    parted = any(choice.facts for choice in choices)
    shown = min(len(choices), MAX_MENU_OPTIONS)
    if not parted:
        if len(choices) > shown:
            return f"Quote: the first {shown} of {len(choices)} articles (brief: narrows to one)"
        return f"Quote: the evidence of one of {len(choices)} articles"
    what = f"{len(choices)} parts" + (f" from {articles} articles" if articles > 1 else "")
    if len(choices) > shown:  # the parts past 25 are named, and how to reach them
        return (
            f"Quote: the first {shown} of {what}; the rest are left out: narrow the question "
            f"(brief:{', country: or name:' if articles == 1 else ''})"
        )
    return f"Quote: the evidence in {what}, each a part of the answer's facts"


def quote_choices(command: str, library: Library, options: Mapping[str, str]) -> list[QuoteChoice]:
    """The facts `/command` answers with these options, one choice per article the answer draws from, in
    the answer's order (newest article first): what the Quote button (one article) or the Quote menu
    (several) under that answer offers. Empty when the answer shows no facts."""
    wanted = (options.get("brief") or "").strip()
    try:
        scope = library.resolve(wanted) if wanted else None
    except UnknownBrief:
        return []
    if command in ("brief", "digest"):
        # /brief across the library shows every article; a digest shows the newest
        newest = [library.newest] if library.newest is not None else []
        briefs = [scope] if scope is not None else newest if command == "digest" else library.by_article_date
        choices: list[QuoteChoice] = []
        for brief in briefs:
            items = [f"key_points[{i}]" for i in range(len(brief.key_points))]
            if command == "brief":
                items += [f"quotes[{i}]" for i in range(len(brief.quotes))]
            choices += _choices(brief, items)
        return choices
    found: Found[Any]
    if command == "who":
        found = library.people(options.get("name"), scope)
    elif command == "aid":
        found = library.aid(options.get("country"), scope)
    elif command == "loans":
        found = library.loans(options.get("country"), scope)
    elif command == "events":
        found = library.events(scope)
    else:
        return []
    section = {"who": "people", "aid": "aid", "loans": "loans", "events": "events"}[command]
    choices = []
    for group in found.groups:
        # in the answer's order, so that each part holds the facts the answer shows together
        flows = [item for item in group.items if isinstance(item, AidFlow)]
        shown = facts.aid_order(flows) if section == "aid" else group.items
        choices += _choices(group.brief, _keys(group.brief, section, shown))
    return choices


def quote_target(command: str, library: Library, options: Mapping[str, str]) -> QuoteTarget | None:
    """The one article's facts `/command` answers with, for a Quote button; None when the answer shows no
    facts or draws from several articles (`quote_choices` then offers one per article)."""
    choices = quote_choices(command, library, options)
    return choices[0].target if len(choices) == 1 else None


def _resolve(brief: Brief, key: str) -> list[tuple[str, Fact]]:
    match = _KEY.match(key) or re.match(r"^(?P<section>[a-z_]+)\[(?P<index>\*)\]$", key)
    if match is None:
        return []
    section = match["section"]
    items: Sequence[Fact] = getattr(brief, section, [])
    if match["index"] == "*":
        return [(f"{section}[{i}]", item) for i, item in enumerate(items)]
    index = int(match["index"])
    return [(key, items[index])] if index < len(items) else []


def _resolved_keys(brief: Brief, keys: Sequence[str]) -> list[str]:
    return [key for wanted in keys for key, _ in _resolve(brief, wanted)]


def _in_answer_order(brief: Brief, resolved: list[tuple[str, Fact]]) -> list[tuple[str, Fact]]:
    """The facts in the order their answer shows them: `/aid` groups flows by donor, given first."""
    flows = [fact for _, fact in resolved if isinstance(fact, AidFlow)]
    if not flows:
        return resolved
    ordered = iter(facts.aid_order(flows))
    keyed = {id(fact): key for key, fact in resolved}
    # flows keep their places among the other facts, in /aid's order
    return [
        (keyed[id(flow)], flow) if isinstance(fact, AidFlow) else (key, fact)
        for key, fact in resolved
        for flow in ([next(ordered)] if isinstance(fact, AidFlow) else [fact])
    ]


def fact_label(brief: Brief, key: str, fact: Fact) -> str:
    """How the Quote view names a fact: as its answer heads it."""
    if isinstance(fact, Person):
        return render.person_heading(brief, fact)
    if isinstance(fact, AidFlow):
        return facts.aid_heading(brief, fact, key)
    if isinstance(fact, Loan):
        return facts.loan_heading(brief, fact) + facts.caption_mark(brief, key)
    if isinstance(fact, Event):
        return render.event_heading(brief, fact)
    if isinstance(fact, Quote):
        return facts.quote_heading(brief, fact)
    if isinstance(fact, KeyPoint):
        return render.key_point_heading(brief, int(key.split("[")[1].rstrip("]")))
    return key


def _chunks(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut between words: long evidence is paged, not cut."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        cut = cut if cut > limit // 2 else facts.cut_at(text, limit)
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text] if text else pieces


# A passage that stops before its quotation's closing mark is its whole sentence all the same.
_CLOSING_MARKS = "”’\"' "


def _fact_fields(brief: Brief, key: str, fact: Fact) -> list[EmbedField]:
    proof = brief.proof.item(key) if brief.proof else None
    label = fact_label(brief, key, fact)
    passages = (
        [
            (
                facts.as_shown(p.passage),
                p.where,
                facts.as_shown(p.sentence) if p.sentence is not None else None,
                list(p.attributions),
                facts.as_shown(p.account) if p.account else p.account,
                facts.as_shown(p.referent) if p.referent else p.referent,
                facts.as_shown(p.opened_by) if p.opened_by else p.opened_by,
                facts.as_shown(p.opening) if p.opening else p.opening,
            )
            for p in proof.passages
        ]
        if proof
        else [
            (passage, None, None, facts.attributions(brief, key, fact), None, None, None, None)
            for passage in facts.passages(brief, key, fact)
        ]
    )
    fields: list[EmbedField] = []
    for number, (passage, place, sentence, said, account, referent, opened_by, opening) in enumerate(
        passages, start=1
    ):
        where = f" · {place.removeprefix('a ').removeprefix('the ')}" if place else ""
        name = f"{label} · passage {number}/{len(passages)}{where}"
        # a passage that stops before its quotation's closing mark is its whole sentence: shown once, closed
        whole = sentence is not None and sentence.rstrip(_CLOSING_MARKS) == passage.rstrip(_CLOSING_MARKS)
        lines = [facts.quoted(sentence if sentence is not None and whole else passage)]
        if referent:  # "He can be seen …" under Lloyd Austin: "He" is Ilan Mezushan
            lines.append(referent)
        if sentence and not whole:
            lines.append(f"{facts.sentence_label(sentence, passage)}: “{sentence}”")
        lines += facts.attribution_lines(said)
        # who says so stands in a later sentence: show it, so the passage is read as that source's account
        if account:
            lines.append(f"Told in the account that closes {place or 'its paragraph'}: “{account}”")
        if opening:  # who says so opens an earlier sentence of the paragraph: the passage goes on with it
            lines.append(
                f"Told in the account opened by “{opened_by}” in {place or 'its paragraph'}: “{opening}”"
            )
        if number == 1 and isinstance(fact, Loan):
            lines += facts.reading_line(brief, key, fact)
        if number == 1 and isinstance(fact, AidFlow):
            lines += facts.aid_reading_line(brief, fact)
        if number == 1 and isinstance(fact, (AidFlow, Loan)):
            lines += facts.alias_lines(brief, fact)
        text = render.defuse_mentions("\n".join(lines))
        pieces = _chunks(text, render.FIELD_VALUE_LIMIT)
        for part, piece in enumerate(pieces, start=1):
            more = f" (part {part}/{len(pieces)})" if len(pieces) > 1 else ""
            fields.append(EmbedField(render.clean(name + more, render.FIELD_NAME_LIMIT), piece))
    return fields


def render_quote(library: Library, target: QuoteTarget) -> list[MessageData]:
    """The Quote view: every passage of each fact, the sentence around it and its paragraph, with the
    article's title and date; or a kind word when the brief is gone or has changed since the answer."""
    brief = library.find(target.brief_id)
    if brief is None:
        return [render.render_error("That brief is no longer loaded, so there is nothing to quote.")]
    if brief.proof is None or brief.proof.version != target.version:
        return [
            render.render_error(
                "This answer came from an earlier version of the brief, which has changed since. "
                "Ask the question again to quote the current one."
            )
        ]
    resolved = _in_answer_order(brief, [entry for key in target.items for entry in _resolve(brief, key)])
    fields = [field for key, fact in resolved for field in _fact_fields(brief, key, fact)]
    description = (
        f"The article's own words for {facts.plural(len(resolved), 'fact')}, with where each passage sits "
        f"(paragraphs count the article's body; a headline, photo caption or subheading is named as such).\n"
        f"“{facts.as_shown(brief.source.headline)}”, {facts.as_shown(brief.source.publisher)} {render.PUBLISHER_LABEL}; {facts.article_date(brief)}."
    )
    return render.paginate(
        f"Quote: {facts.as_shown(brief.title)}", description, fields, render.source_line(brief)
    )
