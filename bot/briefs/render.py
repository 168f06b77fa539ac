"""From query results to Discord-ready message data: embeds as plain data, split into pages.

Pure functions, no network. Every Discord limit holds for whatever goes in (title 256,
description 4,096, 25 fields, field name 256, value 1,024, footer 2,048, 6,000 characters per
message, 10 embeds), long results become pages, and no rendered text can mention anyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.briefs import facts
from bot.briefs.facts import escape_markdown, item_key, plural
from bot.briefs.lookup import Matches
from bot.briefs.models import AidFlow, Brief, Event, Loan, Person, Quote

T = TypeVar("T")

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
MESSAGE_EMBED_TOTAL_LIMIT = 6000
EMBEDS_PER_MESSAGE_LIMIT = 10
CONTENT_LIMIT = 2000

ITEMS_PER_PAGE = 6
SNIPPET_LENGTH = facts.SNIPPET_LENGTH
EMBED_COLOUR = 0x2B6CB0
_ZERO_WIDTH_SPACE = "\u200b"
_ELLIPSIS = "…"
_PAGE_SUFFIX = " · page 9999/9999"


def defuse_mentions(text: str) -> str:
    """Break every `@` so neither `@everyone`, `@here` nor `<@123>` can ping, whatever the client allows."""
    return text.replace("@", "@" + _ZERO_WIDTH_SPACE)


def shorten(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut at a word boundary with an ellipsis when it must be cut."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return _ELLIPSIS[:limit]
    room = limit - 2
    cut = text.rfind(" ", 0, room + 1)
    if cut >= room // 2:
        return text[:cut].rstrip() + " " + _ELLIPSIS
    return text[: limit - 1] + _ELLIPSIS


def clean(text: str, limit: int) -> str:
    """Defused and shortened: the one way text from a brief enters an embed."""
    return shorten(defuse_mentions(" ".join(text.split()) if "\n" not in text else text.strip()), limit)


@dataclass(frozen=True)
class EmbedField:
    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True)
class EmbedData:
    """An embed as plain, immutable data; `to_dict()` is Discord's JSON shape."""

    title: str
    description: str = ""
    fields: tuple[EmbedField, ...] = ()
    footer: str = ""
    colour: int = EMBED_COLOUR

    def total_chars(self) -> int:
        return (
            len(self.title)
            + len(self.description)
            + len(self.footer)
            + sum(len(f.name) + len(f.value) for f in self.fields)
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": "rich", "title": self.title, "color": self.colour}
        if self.description:
            data["description"] = self.description
        if self.fields:
            data["fields"] = [{"name": f.name, "value": f.value, "inline": f.inline} for f in self.fields]
        if self.footer:
            data["footer"] = {"text": self.footer}
        return data


@dataclass(frozen=True)
class MessageData:
    """One message: optional content and up to ten embeds. Immutable, so answers can be cached and shared."""

    embeds: tuple[EmbedData, ...] = ()
    content: str = ""

    def total_embed_chars(self) -> int:
        return sum(embed.total_chars() for embed in self.embeds)


def source_line(brief: Brief) -> str:
    return (
        f"Source: {brief.source.publisher}, “{brief.source.headline}” ({brief.source.seed}), "
        f"{facts.article_date(brief)} · brief {brief.id}"
    )


def _field(name: str, lines: Iterable[str]) -> EmbedField:
    return EmbedField(clean(name, FIELD_NAME_LIMIT) or "-", clean("\n".join(lines), FIELD_VALUE_LIMIT) or "-")


def paginate(title: str, description: str, fields: Sequence[EmbedField], footer: str) -> list[MessageData]:
    """Split `fields` into pages that each keep every limit; every page carries the title and footer."""
    title = clean(title, TITLE_LIMIT)
    footer = clean(footer, FOOTER_LIMIT - len(_PAGE_SUFFIX))
    page_budget = MESSAGE_EMBED_TOTAL_LIMIT - len(title) - len(footer) - len(_PAGE_SUFFIX)
    # Leave room for one full field beside the description, so page one never overflows.
    description = clean(
        description, min(DESCRIPTION_LIMIT, page_budget - FIELD_NAME_LIMIT - FIELD_VALUE_LIMIT)
    )
    pages: list[list[EmbedField]] = []
    current: list[EmbedField] = []
    used = len(description)
    for item in fields:
        size = len(item.name) + len(item.value)
        full = len(current) >= min(ITEMS_PER_PAGE, FIELD_COUNT_LIMIT) or used + size > page_budget
        if current and full:
            pages.append(current)
            current, used = [], 0
        current.append(item)
        used += size
    if current or not pages:
        pages.append(current)
    messages: list[MessageData] = []
    for number, page_fields in enumerate(pages, start=1):
        page_footer = footer if len(pages) == 1 else f"{footer} · page {number}/{len(pages)}"
        embed = EmbedData(title, description if number == 1 else "", tuple(page_fields), page_footer)
        messages.append(MessageData((embed,)))
    return messages


def _no_match(kind: str, matches: Matches[Any], known: str) -> list[MessageData]:
    brief = matches.brief
    if matches.suggestions:
        hint = "Did you mean " + ", ".join(f"**{s}**" for s in matches.suggestions) + "?"
    else:
        hint = f"{known} Try the command without options to see everything."
    asked = escape_markdown(shorten(" ".join((matches.query or "").split()), 100))
    description = f"No {kind} matching “{asked}” in this brief. {hint}"
    return paginate(f"No {kind} found", description, [], source_line(brief))


def _empty(kind: str, brief: Brief) -> list[MessageData]:
    return paginate(brief.title, f"The article names no {kind}.", [], source_line(brief))


def render_people(matches: Matches[Person]) -> list[MessageData]:
    """`/who`: every matching person with role, affiliation, what they did, and evidence."""
    brief = matches.brief
    if not matches.items:
        if matches.query:
            names = ", ".join(person.name for person in brief.people[:10])
            return _no_match("person", matches, f"People in this brief: {names}.")
        return _empty("people", brief)
    fields = [_person_field(brief, p) for p in matches.items]
    heading = f"Who is involved: {len(matches.items)} of {plural(len(brief.people), 'person', 'people')}"
    return paginate(heading, f"From “{brief.title}”.", fields, source_line(brief))


def _person_field(brief: Brief, person: Person) -> EmbedField:
    key = item_key(brief, "people", person)
    described = " · ".join(part for part in (person.role, person.affiliation) if part)
    lines = [f"**{described}**"] if described else []
    lines.append(f"Named in the article as “{person.as_written}”")
    lines += facts.who_says(brief, key, person)
    lines.append(facts.evidence_snippet(person))
    return _field(person.name, lines)


_NOT_GIVEN = ("declined", "not provided")


def aid_group(flow: AidFlow) -> str:
    if flow.status in _NOT_GIVEN:
        return "Not given"
    if flow.status in ("requested", "under consideration"):
        return "Asked for"
    if flow.status in ("pledged", "approved"):
        return "Promised"
    return "Given"


def render_aid(matches: Matches[AidFlow]) -> list[MessageData]:
    """`/aid`: flows grouped by donor, what was given apart from what was not."""
    brief = matches.brief
    if not matches.items:
        if matches.query:
            return _no_match("aid", matches, "")
        return _empty("aid", brief)
    order = {"Given": 0, "Promised": 1, "Asked for": 2, "Not given": 3}
    donors = list(dict.fromkeys(flow.donor for flow in matches.items))
    flows = sorted(matches.items, key=lambda f: (donors.index(f.donor), order[aid_group(f)]))
    fields = [
        _field(
            f"{aid_group(f)} · {f.donor} → {f.recipient}: {f.kind}",
            [
                f"Items: {', '.join(f.items)}",
                facts.status_line(f.status, f.status_as_written),
                *facts.who_says(brief, item_key(brief, "aid", f), f),
                facts.evidence_snippet(f),
            ],
        )
        for f in flows
    ]
    scope = f" involving {escape_markdown(matches.query)}" if matches.query else ""
    return paginate(
        f"Aid{scope}: {plural(len(flows), 'flow')}", f"From “{brief.title}”.", fields, source_line(brief)
    )


def render_loans(matches: Matches[Loan]) -> list[MessageData]:
    """`/loans`: lender, borrower, amount, currency and status of each loan, with evidence."""
    brief = matches.brief
    if not matches.items:
        if matches.query:
            return _no_match("loans", matches, "")
        return _empty("loans", brief)
    fields = [_loan_field(brief, loan) for loan in matches.items]
    scope = f" involving {escape_markdown(matches.query)}" if matches.query else ""
    return paginate(
        f"Loans{scope}: {plural(len(fields), 'loan')}", f"From “{brief.title}”.", fields, source_line(brief)
    )


def _loan_field(brief: Brief, loan: Loan) -> EmbedField:
    key = item_key(brief, "loans", loan)
    return _field(
        facts.loan_heading(loan),
        [
            f"Lender: {loan.lender} · Borrower: {loan.borrower}",
            f"Amount: {facts.money_text(loan)}",
            facts.status_line(loan.status, loan.status_as_written),
            *facts.reading_line(brief, key, loan),
            *facts.who_says(brief, key, loan),
            facts.evidence_snippet(loan),
        ],
    )


def _event_field(brief: Brief, event: Event) -> EmbedField:
    place = " · ".join(part for part in (event.where, event.when) if part) or "Place and time not stated"
    lines = [f"When: {facts.when_text(brief, event.when)}"] if event.when else []
    lines += facts.who_says(brief, item_key(brief, "events", event), event)
    lines.append(facts.evidence_snippet(event))
    return _field(place, lines)


def render_events(brief: Brief) -> list[MessageData]:
    """`/events`: what happened, where and when as the article states it."""
    if not brief.events:
        return _empty("events", brief)
    fields = [_event_field(brief, event) for event in brief.events]
    return paginate(
        f"Key events: {len(fields)}",
        f"From “{brief.title}”; {facts.article_date(brief)}.",
        fields,
        source_line(brief),
    )


def _quote_field(brief: Brief, quote: Quote) -> EmbedField:
    said = facts.who_says(brief, item_key(brief, "quotes", quote), quote)
    return _field(f"Quote: {quote.speaker}", [f"“{quote.text}”", *said])


def _bullets(lines: Sequence[str], limit: int, shown: int) -> str:
    """A bulleted list within `limit`, ending "... and N more" when not everything fits."""
    out: list[str] = []
    for index, line in enumerate(lines[:shown]):
        bullet = shorten(f"• {line}", max(limit // 2, 1))
        rest = len(lines) - index
        tail = f"\n... and {rest} more" if rest else ""
        if len("\n".join([*out, bullet])) + len(tail) > limit:
            out.append(f"... and {rest} more")
            return "\n".join(out)
        out.append(bullet)
    if len(lines) > shown:
        out.append(f"... and {len(lines) - shown} more")
    return "\n".join(out)


def counts_line(brief: Brief) -> str:
    return (
        f"{plural(len(brief.people), 'person', 'people')} · {plural(len(brief.aid), 'aid flow')} · "
        f"{plural(len(brief.loans), 'loan')} · {plural(len(brief.events), 'event')} · "
        f"{plural(len(brief.quotes), 'quote')}"
    )


def key_point_lines(brief: Brief, index: int) -> list[str]:
    """A key point is the article's words, in full, with who says so."""
    point = brief.key_points[index]
    return [f"“{' '.join(passage.split())}”" for passage in point.evidence] + facts.who_says(
        brief, f"key_points[{index}]", point
    )


def render_brief(brief: Brief) -> list[MessageData]:
    """`/brief`: the key points in the article's own words, counts, and the quotes."""
    description = (
        f"The article's own words, with who says so; {facts.article_date(brief)}.\n\n{counts_line(brief)}"
    )
    fields = [
        _field(f"Key point {i}", key_point_lines(brief, i - 1)) for i in range(1, len(brief.key_points) + 1)
    ]
    fields += [_quote_field(brief, quote) for quote in brief.quotes]
    return paginate(brief.title, description, fields, source_line(brief))


def render_sources(library_briefs: Sequence[Brief], brief: Brief) -> list[MessageData]:
    """`/sources`: the article, its publisher, and how evidence is shown."""
    editor = brief.editor
    known = [f"published {editor.published:%-d %B %Y}"] if editor.published else []
    known += [f"address {editor.url}"] if editor.url else []
    note = (
        f"Editor's note, not from the article: {'; '.join(known)}."
        if known
        else "The article gives no date, and the editor supplied none: times such as “Wednesday” are as the "
        "article says them."
    )
    description = (
        f"**{brief.source.headline}**\nPublished by {brief.source.publisher}; kept verbatim as `{brief.source.seed}`.\n"
        f"{note}\n\n"
        "Every value in a brief is bound to the article's own words, and the bot refuses to load a brief that "
        "says more than its evidence. Answers quote a short piece of that evidence under each item (> “…”); "
        "Quote shows all of it."
    )
    credits = [f"{c.kind}: {c.as_written}" for c in brief.credits]
    fields = [_field("Credits (not people in the story)", credits)] if credits else []
    fields += [
        _field(f"{b.id} (added {b.added.isoformat()})", [b.title, f"{b.source.publisher}: {b.source.seed}"])
        for b in library_briefs
    ]
    return paginate("Sources", description, fields, source_line(brief))


COMMAND_HELP: tuple[tuple[str, str], ...] = (
    ("/who [name]", "People in the article, with their role and what they did or said."),
    ("/aid [country]", "Aid given, pledged, asked for or withheld; a country on either side."),
    ("/loans [country]", "Loans made or requested: lender, borrower, amount, currency, status."),
    ("/brief", "The summary and key points, with the article's own words."),
    ("/events", "What happened, where, and when as the article states it."),
    ("/sources", "The article, its publisher, and how evidence is shown."),
    ("/digest …", "Scheduled digests to a channel (Manage Server needed to change them)."),
    ("/help", "This list."),
)


def render_help(brief: Brief | None) -> list[MessageData]:
    description = (
        "Every command takes an optional `brief` (the newest by default) and `private` "
        "(only you see the answer). Every answer shows the article's words it comes from."
    )
    fields = [_field(name, [text]) for name, text in COMMAND_HELP]
    return paginate("Briefbot: sourced briefings", description, fields, source_line(brief) if brief else "")


def render_digest(briefs: Sequence[Brief], key_points_shown: int = 4) -> MessageData:
    """The scheduled digest: one embed per brief with headline, key points, counts and source.

    Every brief given (at most ten, one embed each) is shown: they share the message's 6,000 characters, so
    a long summary is shortened, never a brief dropped, since the caller records each as delivered.
    Raises ValueError for no briefs or more than ten.
    """
    if not briefs or len(briefs) > EMBEDS_PER_MESSAGE_LIMIT:
        raise ValueError(f"a digest shows 1 to {EMBEDS_PER_MESSAGE_LIMIT} briefs, not {len(briefs)}")
    share = MESSAGE_EMBED_TOTAL_LIMIT // len(briefs)
    embeds: list[EmbedData] = []
    for brief in briefs:
        title = clean(f"Digest: {brief.title}", min(TITLE_LIMIT, share // 5))
        footer = clean(source_line(brief), min(FOOTER_LIMIT, share // 5))
        room = min(DESCRIPTION_LIMIT, share - len(title) - len(footer))
        counts = clean(f"{counts_line(brief)} · {facts.article_date(brief)}", room)
        points = [
            defuse_mentions(" ".join(key_point_lines(brief, index))) for index in range(len(brief.key_points))
        ]
        bullets = _bullets(points, max(room - len(counts) - 2, 0), key_points_shown)
        description = "\n\n".join(part for part in (bullets, counts) if part)
        embeds.append(EmbedData(title, description[:room], (), footer))
    return MessageData(tuple(embeds))


def render_error(text: str) -> MessageData:
    return MessageData((EmbedData(clean("Sorry", TITLE_LIMIT), clean(text, DESCRIPTION_LIMIT)),))


def message_text(message: MessageData) -> str:
    """Plain-text form of a message, as `briefbot preview` prints it."""
    lines: list[str] = [message.content] if message.content else []
    for embed in message.embeds:
        lines.append(f"## {embed.title}")
        if embed.description:
            lines.append(embed.description)
        for item in embed.fields:
            lines.append(f"\n* {item.name}")
            lines.extend(f"  {line}" for line in item.value.splitlines())
        if embed.footer:
            lines.append(f"\n-- {embed.footer}")
    return "\n".join(lines).replace(_ZERO_WIDTH_SPACE, "")


def pages_text(pages: Sequence[MessageData]) -> str:
    if len(pages) == 1:
        return message_text(pages[0])
    return "\n\n".join(f"=== page {n}/{len(pages)} ===\n{message_text(p)}" for n, p in enumerate(pages, 1))
