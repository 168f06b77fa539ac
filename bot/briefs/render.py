"""From query results to Discord-ready message data: embeds as plain data, split into pages.

Pure functions, no network. Every Discord limit holds for whatever goes in (title 256,
description 4,096, 25 fields, field name 256, value 1,024, footer 2,048, 6,000 characters per
message, 10 embeds), long results become pages, and no rendered text can mention anyone.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, TypeVar

from bot.briefs import facts
from bot.briefs.facts import as_shown, escape_markdown, item_key, plural
from bot.briefs.lookup import Found
from bot.briefs.models import AidFlow, Brief, Event, Fact, Loan, Person, Quote
from bot.briefs.ranking import Match, match, searchable
from bot.briefs.versions import FactChange, changes_text
from bot.briefs.vocabulary import AttributionRole

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
THREAD_NAME_LIMIT = 100  # a forum post's or a thread's name

ITEMS_PER_PAGE = 6
SNIPPET_LENGTH = facts.SNIPPET_LENGTH
EMBED_COLOUR = 0x2B6CB0
_ZERO_WIDTH_SPACE = "\u200b"
_NO_UPDATES: Mapping[str, Sequence[FactChange]] = MappingProxyType({})
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
    return text[: facts.cut_at(text, limit - 1)] + _ELLIPSIS


def clean(text: str, limit: int) -> str:
    """Defused and shortened: the one way text from a brief enters an embed."""
    return shorten(defuse_mentions(" ".join(text.split()) if "\n" not in text else text.strip()), limit)


@dataclass(frozen=True)
class EmbedField:
    name: str
    value: str
    inline: bool = False
    # the lines `value` was fitted from, kept (out of equality and of Discord's JSON) so that a label put above
    # them later is fitted with them, never cut from the end
    lines: tuple[str, ...] = dataclasses.field(default=(), compare=False, repr=False)


class Passage(str):
    """A line of an answer that is the article's passage: what is shortened when a field or a digest bullet
    must fit, since Quote shows it in full. Every other line (who says so, a reason, a caveat, a status) stays
    whole: cut, "Caveat: “… said they do …”" says the opposite of the article, and a claim that loses its
    "Who says so" reads as the article's own."""


def fit(lines: Sequence[str], limit: int, separator: str = "\n") -> str | None:
    """`lines` joined within `limit` characters, shortening only the `Passage` lines (the last first, each to no
    less than a few words); None when the other lines alone do not fit, so the caller can leave the item to
    Quote rather than show it without who says so."""
    parts = list(lines)
    over = len(separator.join(parts)) - limit
    for index in reversed(range(len(parts))):
        if over <= 0:
            break
        if isinstance(parts[index], Passage):
            keep = max(len(parts[index]) - over, _SHORTEST_PASSAGE)
            if keep < len(parts[index]):
                over -= len(parts[index]) - len(shortened := shorten(parts[index], keep))
                parts[index] = shortened
    text = separator.join(parts)
    return text if len(text) <= limit else None


_SHORTEST_PASSAGE = 40  # shortened below this, a passage says nothing; the item goes to Quote instead


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


# How answers order articles, in the words /help and every answer across the library use for it: no article's
# date is known unless the editor gives one, so "newest first" would claim more than is known.
LIBRARY_ORDER = (
    "latest first, by the editor's date of the article where given, else the date its brief was added"
)

# The publisher is the editor's reading of the article's credit line: the one value in a footer that is not the
# article's words, so it says so wherever it is shown (/sources tells how it was read).
PUBLISHER_LABEL = "(publisher named by the editor)"


def source_line(brief: Brief) -> str:
    """`Source: Jerusalem Post (publisher named by the editor) · “headline” · <the article's date> · brief id`:
    the label right after the publisher, so a shortened footer keeps it."""
    return (
        f"Source: {as_shown(brief.source.publisher)} {PUBLISHER_LABEL} · “{as_shown(brief.source.headline)}” · "
        f"{facts.article_date(brief)} · brief {brief.id}"
    )


def _field(name: str, lines: Iterable[str]) -> EmbedField:
    """A field whose value keeps every line but the passages whole (`fit`); only when those lines alone pass
    Discord's 1,024 characters is the value cut from its end."""
    given = list(lines)
    # one line is one run of words, as `clean` makes it; lines of more keep their own spacing
    tidy: Callable[[str], str] = (lambda t: " ".join(t.split())) if len(given) == 1 else str.strip
    kept = tuple(
        (Passage if isinstance(line, Passage) else str)(defuse_mentions(tidy(line))) for line in given
    )
    value = fit(kept, FIELD_VALUE_LIMIT) or clean("\n".join(kept), FIELD_VALUE_LIMIT)
    return EmbedField(clean(name, FIELD_NAME_LIMIT) or "-", value or "-", lines=kept)


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


def brief_date(brief: Brief) -> str:
    """An article's date in short: the editor's publication date, else when its brief was added."""
    if brief.editor.published is not None:
        return f"{brief.editor.published:%-d %b %Y}"
    return f"added {brief.added.isoformat()}"


def article_label(brief: Brief) -> str:
    """How an article is named beside its items and under `/sources`: its title and date."""
    if brief.editor.published is not None:
        return f"“{as_shown(brief.title)}” (published {brief.editor.published:%-d %B %Y}, from the editor)"
    added = brief.added.isoformat()
    return f"“{as_shown(brief.title)}” (no date given) · added to Briefbot {added} (not the article's date)"


NO_BRIEFS = "No briefs are loaded yet: an editor adds them to Briefbot's briefs folder."


def _labelled(found: Found[Any]) -> bool:
    """Items carry their article's label whenever the answer searched more than one."""
    return len(found.searched) > 1


def _one(found: Found[Any]) -> Brief | None:
    """The one brief an answer is about: the one asked for, or the only one searched."""
    if found.scope is not None:
        return found.scope
    return found.searched[0] if len(found.searched) == 1 else None


def _footer(found: Found[Any]) -> str:
    one = _one(found)
    if one is not None:
        return source_line(one)
    shown = [group.brief for group in found.groups] or list(found.searched)
    told = "; ".join(f"{as_shown(b.source.publisher)}, brief {b.id}" for b in shown)
    return f"Sources (publishers named by the editor): {told} · /sources"


def _from_line(found: Found[Any]) -> str:
    one = _one(found)
    if one is not None:
        return f"From “{as_shown(one.title)}”."
    return f"From {plural(len(found.groups), 'article')}, {LIBRARY_ORDER}."


def _with_label(brief: Brief, found: Found[Any], item: EmbedField) -> EmbedField:
    if not _labelled(found):
        return item
    return _field(item.name, [f"In {article_label(brief)}", *(item.lines or (item.value,))])


def _no_match(kind: str, found: Found[Any], known: str) -> list[MessageData]:
    asked = escape_markdown(shorten(" ".join((found.query or "").split()), 100))
    where = "in this brief" if _one(found) is not None else f"in {plural(len(found.searched), 'article')}"
    if found.elsewhere:
        shown = ", ".join(f"“{as_shown(b.title)}” (brief {b.id})" for b in found.elsewhere[:5])
        hint = f"Found in {shown}: ask without `brief`, or with that brief."
    elif found.suggestions:
        hint = "Did you mean " + ", ".join(f"**{s}**" for s in found.suggestions) + "?"
    else:
        hint = f"{known} Try the command without options to see everything.".strip()
    description = f"No {kind} matching “{asked}” {where}. {hint}"
    return paginate(f"No {kind} found", description, [], _footer(found))


def _empty(kind: str, found: Found[Any]) -> list[MessageData]:
    one = _one(found)
    if one is not None:
        # what the brief lists: the article may tell of more than its brief does (`briefbot check --coverage`)
        return paginate(as_shown(one.title), f"This article's brief lists no {kind}.", [], source_line(one))
    count = len(found.searched)
    if not count:
        return [render_error(NO_BRIEFS)]
    return paginate(f"No {kind}", f"None of the briefs of the {count} articles lists any {kind}.", [], "")


def render_people(found: Found[Person]) -> list[MessageData]:
    """`/who`: every matching person with role, affiliation, what they did, and evidence; across the library,
    the same person once per article, side by side."""
    if not found.items:
        if found.query:
            people = [p.name for brief in found.searched for p in brief.people]
            names = ", ".join(list(dict.fromkeys(people))[:10])
            return _no_match(
                "person",
                found,
                f"People in {'this brief' if len(found.searched) == 1 else 'these articles'}: {names}.",
            )
        return _empty("people", found)
    entries = [(group.brief, person) for group in found.groups for person in group.items]
    best: dict[str, tuple[int, int]] = {}  # a person's best match, then where they first appear
    for index, (_, person) in enumerate(entries):
        tier = match(found.query or "", person.name)
        rank = (int(tier) if tier is not None else len(Match), index)
        best[searchable(person.name)] = min(best.get(searchable(person.name), rank), rank)
    order = sorted(best, key=lambda key: best[key])
    fields: list[EmbedField] = []
    for key in order:
        same = [(brief, person) for brief, person in entries if searchable(person.name) == key]
        for brief, person in same:
            item = _with_label(brief, found, _person_field(brief, person))
            fields.append(dataclasses.replace(item, inline=len(same) > 1))
    one = _one(found)
    # say what was typed, shortened as "No person matching" does, so that the count stays in the heading
    typed = escape_markdown(shorten(" ".join(found.query.split()), 100)) if found.query else ""
    scope = f", matching “{typed}”" if found.query else ""
    if one is not None:
        heading = f"Who is involved{scope}: {len(entries)} of {plural(len(one.people), 'person', 'people')}"
    else:
        heading = f"Who is involved{scope}: {plural(len(order), 'person', 'people')} in {plural(len(found.groups), 'article')}"
    return paginate(heading, _from_line(found), fields, _footer(found))


def person_heading(brief: Brief, person: Person) -> str:
    return as_shown(person.name) + facts.caption_mark(brief, item_key(brief, "people", person))


OTHER_CAVEAT = "Caveat in another passage"


def passage_attributions(brief: Brief, key: str, fact: Fact) -> list[list[tuple[str, AttributionRole]]]:
    """Who says so, passage by passage (what the check found in each one's sentence or account); without a
    proof, the brief's attributions go with the first passage."""
    proof = brief.proof.item(key) if brief.proof else None
    if proof is None or not proof.passages:
        return [[(facts.written(brief, a.text), a.role) for a in fact.attributed]]
    return [list(passage.attributions) for passage in proof.passages]


def _person_field(brief: Brief, person: Person) -> EmbedField:
    """A person's entry: their role and the phrase that names them, then the one passage shown with who says so
    in it, above it. A person's passages tell different claims (Bennett's argument, his refusal, his question):
    each passage's sources and reasons stand with it, so those of passages not shown are left to Quote (the
    snippet says so); caveats, which name what they qualify, are shown as standing in another passage."""
    key = item_key(brief, "people", person)
    described = facts.title(brief, person)
    lines = [f"**{described}**"] if described else []
    lines.append(f"Named in the article as “{facts.written(brief, person.as_written)}”")
    first, *others = passage_attributions(brief, key, person)
    lines += facts.attribution_lines(first)
    # a caveat says what it qualifies ("… do not comment on closed Security Cabinet meetings"): shown, saying
    # where it stands
    caveats = [
        text for passage in others for text, role in passage if role == "caveat" and (text, role) not in first
    ]
    lines += [f"{OTHER_CAVEAT}: “{facts.as_shown(text)}”" for text in dict.fromkeys(caveats)]
    more_said = sum(any(role != "caveat" for _, role in passage) for passage in others)
    lines.append(facts.evidence_snippet(brief, key, person, more_said=more_said))
    return _field(person_heading(brief, person), lines)


aid_group = facts.aid_group  # the group each flow is headed with: Given, Promised, Asked for, Not given


def aid_counted_as(brief: Brief, flow: AidFlow) -> str:
    """The words a flow is counted under: its heading's action without who did it ("Refused by Bennett" ->
    "refused", "Called for by …" -> "called for", "Not given" -> "not given")."""
    if flow.reading:  # as loans are: "Given (a reading)" is counted "read as given", never as given
        return "read as given"
    action = facts.aid_action(brief, flow)
    if flow.by:
        action = action.removesuffix(" " + facts.written(brief, flow.by)).removesuffix(" by")
    return action.lower()


def aid_count(flows: Iterable[tuple[Brief, AidFlow]]) -> str:
    """Aid counted in the words each flow is headed with, in /aid's order: "4 given, 1 called for, 1 not given,
    1 refused" (what was not given, refused or only called for is never counted as aid given); no flows:
    "none"."""
    ordered = sorted(flows, key=lambda pair: (facts.AID_ORDER[aid_group(pair[1])], pair[1].reading))
    counted = Counter(aid_counted_as(brief, flow) for brief, flow in ordered)
    return ", ".join(f"{count} {words}" for words, count in counted.items()) or "none"


def aid_heading(brief: Brief, flow: AidFlow) -> str:
    """The line that names an aid flow (`facts.aid_heading`): what was done and by whom, in the article's words."""
    return facts.aid_heading(brief, flow, item_key(brief, "aid", flow))


def _aid_fields(brief: Brief, flows: Sequence[AidFlow]) -> list[EmbedField]:
    """One article's flows grouped by donor, what was given apart from what was not (`facts.aid_order`)."""
    return [
        _field(
            aid_heading(brief, f),
            [
                facts.kind_line(f),
                facts.status_line(f.status, facts.written(brief, f.status_as_written)),
                *facts.aid_reading_line(brief, f),
                *facts.alias_lines(brief, f),
                *facts.dealing_lines(brief, f),
                *facts.who_says(brief, item_key(brief, "aid", f), f),
                facts.evidence_snippet(brief, item_key(brief, "aid", f), f),
            ],
        )
        for f in facts.aid_order(flows)
    ]


def _fields_by_article(
    found: Found[T], fields_of: Callable[[Brief, Sequence[T]], list[EmbedField]]
) -> list[EmbedField]:
    return [
        _with_label(group.brief, found, item)
        for group in found.groups
        for item in fields_of(group.brief, group.items)
    ]


def render_aid(found: Found[AidFlow]) -> list[MessageData]:
    """`/aid`: flows by article, newest first, grouped by donor, what was given apart from what was not."""
    if not found.items:
        if found.query:
            return _no_match("aid", found, "")
        return _empty("aid", found)
    fields = _fields_by_article(found, _aid_fields)
    scope = f" involving {escape_markdown(found.query)}" if found.query else ""
    counted = aid_count((group.brief, flow) for group in found.groups for flow in group.items)
    return paginate(f"Aid{scope}: {counted}", _from_line(found), fields, _footer(found))


def render_loans(found: Found[Loan]) -> list[MessageData]:
    """`/loans`: lender, borrower, amount, currency and status of each loan, with evidence, by article."""
    if not found.items:
        if found.query:
            return _no_match("loans", found, "")
        return _empty("loans", found)
    fields = _fields_by_article(found, lambda brief, loans: [_loan_field(brief, loan) for loan in loans])
    scope = f" involving {escape_markdown(found.query)}" if found.query else ""
    title = f"Loans{scope}: {facts.loans_count(found.items)}"
    return paginate(title, _from_line(found), fields, _footer(found))


def _loan_field(brief: Brief, loan: Loan) -> EmbedField:
    key = item_key(brief, "loans", loan)
    return _field(
        facts.loan_heading(brief, loan) + facts.caption_mark(brief, key),
        [
            facts.loan_parties(loan),
            *facts.alias_lines(brief, loan),
            f"Amount: {facts.money_text(brief, loan)}",
            facts.status_line(loan.status, facts.written(brief, loan.status_as_written), loan=True),
            *facts.dealing_lines(brief, loan),
            *facts.reading_line(brief, key, loan),
            *facts.who_says(brief, key, loan),
            facts.evidence_snippet(brief, key, loan),
        ],
    )


EVENT_HEADING_LENGTH = 200


def event_heading(brief: Brief, event: Event) -> str:
    """What happened, in the article's words: the event's `what`, else its first passage (shortened)."""
    key = item_key(brief, "events", event)
    what = facts.written(brief, event.what) if event.what else facts.passages(brief, key, event)[0]
    return shorten(what, EVENT_HEADING_LENGTH) + facts.caption_mark(brief, key)


def key_point_heading(brief: Brief, index: int) -> str:
    """`Key point 3`; index counts from 0."""
    return f"Key point {index + 1}{facts.caption_mark(brief, f'key_points[{index}]')}"


def _event_field(brief: Brief, event: Event) -> EmbedField:
    place = event_heading(brief, event)
    lines = [f"Where: {facts.written(brief, event.where)}"] if event.where else []
    lines += [f"When: {facts.when_text(brief, facts.written(brief, event.when))}"] if event.when else []
    lines += facts.who_says(brief, item_key(brief, "events", event), event)
    lines.append(facts.evidence_snippet(brief, item_key(brief, "events", event), event))
    return _field(place, lines)


def render_events(found: Found[Event]) -> list[MessageData]:
    """`/events`: what happened, where and when as the article states it, by article, newest first."""
    if not found.items:
        return _empty("events", found)
    fields = _fields_by_article(found, lambda brief, events: [_event_field(brief, e) for e in events])
    one = _one(found)
    description = (
        f"From “{as_shown(one.title)}”; {facts.article_date(one)}." if one is not None else _from_line(found)
    )
    return paginate(f"Events: {len(fields)}", description, fields, _footer(found))


def _quote_field(brief: Brief, quote: Quote) -> EmbedField:
    key = item_key(brief, "quotes", quote)
    said = facts.who_says(brief, key, quote)
    return _field(facts.quote_heading(brief, quote), [Passage(facts.quote_text(brief, key, quote)), *said])


def _bullets(lines: Sequence[Sequence[str]], limit: int, shown: int, more: Callable[[int], str]) -> str:
    """A bulleted list within `limit`, each bullet one item's lines fitted by `fit` (its passages shortened, who
    says so whole), ending with `more(N)` ("... and 7 more key points: …") when not everything fits: an item
    whose words of who says so do not fit its share is left to /brief, never shown without them."""
    out: list[str] = []
    for index, line in enumerate(lines[:shown]):
        fitted = fit(["•", *line], max(limit // 2, 1), separator=" ")
        if fitted is None:
            out.append(more(len(lines) - index))
            return "\n".join(out)
        bullet = fitted
        rest = len(lines) - index
        tail = f"\n{more(rest)}" if rest else ""
        if len("\n".join([*out, bullet])) + len(tail) > limit:
            out.append(more(rest))
            return "\n".join(out)
        out.append(bullet)
    if len(lines) > shown:
        out.append(more(len(lines) - shown))
    return "\n".join(out)


def more_key_points(brief: Brief, count: int) -> str:
    """What a digest says of the key points it leaves out, and where to read them."""
    return f"... and {plural(count, 'more key point')}: /brief brief:{brief.id} shows them all"


def counts_line(brief: Brief) -> str:
    """`8 people · aid: 4 given, 1 called for, 1 not given, 1 refused · 1 loan requested, 1 loan made, … · 11 events · 1 quote`:
    each count in the words its items are headed with."""

    def count(number: int, one: str, many: str) -> str:  # nothing reads "no …", as "no loans" does
        return f"no {many}" if number == 0 else plural(number, one, many)

    aid = f"aid: {aid_count((brief, flow) for flow in brief.aid)}" if brief.aid else "no aid"
    return (
        f"{count(len(brief.people), 'person', 'people')} · {aid} · {facts.loans_count(brief.loans)} · "
        f"{count(len(brief.events), 'event', 'events')} · {count(len(brief.quotes), 'quote', 'quotes')}"
    )


def key_point_lines(brief: Brief, index: int) -> list[str]:
    """A key point is the article's words, in full, with who says so."""
    point, key = brief.key_points[index], f"key_points[{index}]"
    caption = facts.caption_mark(brief, key).strip()
    return [
        *(Passage(f"“{passage}”") for passage in facts.passages(brief, key, point)),
        *([caption] if caption else []),
        *facts.who_says(brief, key, point),
    ]


def _brief_fields(brief: Brief) -> list[EmbedField]:
    fields = [
        _field(key_point_heading(brief, i), key_point_lines(brief, i)) for i in range(len(brief.key_points))
    ]
    return fields + [_quote_field(brief, quote) for quote in brief.quotes]


def render_brief(brief: Brief) -> list[MessageData]:
    """`/brief` of one article: the key points in the article's own words, counts, and the quotes."""
    description = (
        f"The article's own words, with who says so; {facts.article_date(brief)}.\n\n{counts_line(brief)}"
    )
    return paginate(as_shown(brief.title), description, _brief_fields(brief), source_line(brief))


def render_briefs(briefs: Sequence[Brief]) -> list[MessageData]:
    """`/brief` across the library: each article's key points and quotes, labelled, newest article first."""
    if len(briefs) == 1:
        return render_brief(briefs[0])
    if not briefs:
        return [render_error(NO_BRIEFS)]
    found: Found[Brief] = Found(None, tuple(briefs), ())
    fields = [_with_label(brief, found, item) for brief in briefs for item in _brief_fields(brief)]
    description = (
        f"{plural(len(briefs), 'article')}, {LIBRARY_ORDER}: the articles' own words, with who says so. "
        "Ask with `brief` for one of them."
    )
    return paginate("Briefs", description, fields, _footer(found))


def provenance(brief: Brief) -> str:
    """What /sources says of where each thing a reader sees comes from: exactly what is the article's, what is
    Briefbot's, what is the editor's. The names the brief declares for the article's words (aliases) are named
    with one of them as the example, and not at all when it declares none."""
    alias = next(iter(brief.aliases), None)
    names = "names (as written, or as the brief declares them, below)" if alias is not None else "names"
    declared = (
        f"the names the brief declares for the article's words (“{alias.name}” for “{alias.as_written[0]}”), "
        if alias is not None
        else ""
    )
    return (
        f"From the article, verbatim: {names}, roles, places, times, aid items, amounts as written, the verb "
        "behind each status, who says so, the headline, and every passage and quote.\n"
        "Briefbot's words, derived from values the check has bound to the article: statuses (shown beside the "
        "article's verb), aid kinds (a fixed list: labelled “Briefbot's category” when the article does not "
        "write the word), the number and currency an amount reads as, readings (labelled “a reading”), "
        f"{declared}counts, and headings and labels such as “Given”, “Loan made” or “Caveat”.\n"
        "From the editor, labelled as such: the publisher, the article's date and address when known, and the "
        "date the brief was added to Briefbot."
    )


# What /sources says of the check: what it does, and what no rule can do.
CHECK_TEXT = (
    "How it is checked: Briefbot loads a brief only if every value passes fixed rules against its passages "
    "(each passage is whole words from one paragraph of the article; names, places, times and amounts are "
    "written in their passages, or are names the brief declares; a loan's amount and parties stand in one "
    "clause; a status agrees with the article's verb; who says so is written in the passage's own sentence, or "
    "opens or closes the account the passage is told in, in the same paragraph), and "
    "refuses a brief that breaks one. The rules cannot catch every misreading: answers show the article's "
    "words with each item (> “…”, shortened when long), and Quote shows every passage in full, with where it "
    "sits in the article."
)


def render_sources(library_briefs: Sequence[Brief], brief: Brief) -> list[MessageData]:
    """`/sources`: the article, its publisher, and how evidence is shown."""
    editor = brief.editor
    known = [f"published {editor.published:%-d %B %Y}"] if editor.published else []
    known += [f"address {facts.address_shown(editor.url)}"] if editor.url else []
    note = (
        f"Editor's note, not from the article: {'; '.join(known)}."
        if known
        else "The article gives no date, and the editor supplied none: times such as “Wednesday” are shown as "
        "the article says them, with no date to count from."
    )
    publisher = " ".join(" ".join(brief.source.evidence).split())
    stop = "" if publisher.endswith((".", "!", "?")) else "."
    description = (
        f"**{as_shown(brief.source.headline)}**\n"
        f"The article's headline, as it writes it. The article's text is kept verbatim as `{brief.source.seed}`.\n"
        f"Publisher: {as_shown(brief.source.publisher)} {PUBLISHER_LABEL}; the name stands in the "
        f"article's words “{publisher}”{stop}\n"
        f"{note}\n\n{provenance(brief)}\n\n{CHECK_TEXT}"
    )
    credits = [f"{c.kind}: {c.as_written}" for c in brief.credits]
    fields = [_field("Credits (not people in the story)", credits)] if credits else []
    fields += [
        _field(
            article_label(b),
            [f"brief {b.id} · {as_shown(b.source.publisher)} {PUBLISHER_LABEL} · kept as {b.source.seed}"],
        )
        for b in library_briefs
    ]
    return paginate("Sources", description, fields, source_line(brief))


COMMAND_HELP: tuple[tuple[str, str], ...] = (
    (
        "/who [name]",
        "People in the articles: their role as the article writes it, and the article's words about them.",
    ),
    (
        "/aid [country]",
        "Aid given, promised, asked for, refused or not given; `country` is the donor or the recipient.",
    ),
    (
        "/loans [country]",
        "Loans, each headed by what the article says of it (requested, made, or a reading): lender, borrower, "
        "amount, currency, status.",
    ),
    ("/brief", "The key points in the article's own words, with who says so, the counts and the quotes."),
    ("/events", "What happened, where, and when as the article states it."),
    (
        "/sources [brief]",
        "Where what you see comes from (the article, Briefbot's words or the editor), the credits, and every "
        "article loaded.",
    ),
    (
        "/digest …",
        "Scheduled digests in a channel: anyone may list, preview and see their history; changing them or "
        "posting one now needs Manage Server.",
    ),
    ("/help", "This list."),
)


def render_help() -> list[MessageData]:
    """`/help`: every command on one page; about no article, so without a source footer."""
    lines = [f"**{name}**: {text}" for name, text in COMMAND_HELP]
    description = (
        f"Without `brief`, /who, /aid, /loans, /brief and /events answer from every article, {LIBRARY_ORDER}; "
        "`brief` narrows an answer to one article (its id, the start of its id, or the start of its title). "
        "/sources tells of one article, the most recently added unless `brief` names another. `private` shows "
        "the answer to you alone. Each item in an answer shows the article's words it comes from, and Quote "
        "shows them in full.\n\n" + "\n".join(lines)
    )
    return paginate("Briefbot: sourced briefings", description, [], "")


def updated_line(changes: Sequence[FactChange]) -> str:
    """`*Updated* since it was posted here: added person Tomas Reyes; corrected loan, Japan to Ukraine`."""
    told = changes_text(changes) if changes else "what changed can no longer be told"
    return defuse_mentions(f"*Updated* since it was posted here: {escape_markdown(told)}.")


def render_digest(
    briefs: Sequence[Brief],
    key_points_shown: int = 4,
    *,
    updates: Mapping[str, Sequence[FactChange]] = _NO_UPDATES,
) -> MessageData:
    """The scheduled digest: one embed per brief with headline, key points, counts and source.

    Every brief given (at most ten, one embed each) is shown: they share the message's 6,000 characters, so
    a long summary is shortened, never a brief dropped, since the caller records each as delivered.
    A brief in `updates` was posted before at another version: it is headed *Updated*, and says what
    changed since (facts added, corrected, removed). Raises ValueError for no briefs or more than ten.
    """
    if not briefs or len(briefs) > EMBEDS_PER_MESSAGE_LIMIT:
        raise ValueError(f"a digest shows 1 to {EMBEDS_PER_MESSAGE_LIMIT} briefs, not {len(briefs)}")
    share = MESSAGE_EMBED_TOTAL_LIMIT // len(briefs)
    embeds: list[EmbedData] = []
    for brief in briefs:
        changes = updates.get(brief.id)
        heading = "Digest" if changes is None else "Updated"
        title = clean(f"{heading}: {as_shown(brief.title)}", min(TITLE_LIMIT, share // 5))
        footer = clean(source_line(brief), min(FOOTER_LIMIT, share // 5))
        room = min(DESCRIPTION_LIMIT, share - len(title) - len(footer))
        updated = "" if changes is None else clean(updated_line(changes), room // 2)
        counts = clean(f"{counts_line(brief)} · {facts.article_date(brief)}", room)
        points = [
            [
                (Passage if isinstance(line, Passage) else str)(defuse_mentions(line))
                for line in key_point_lines(brief, index)
            ]
            for index in range(len(brief.key_points))
        ]
        bullets = _bullets(
            points,
            max(room - len(counts) - len(updated) - 4, 0),
            key_points_shown,
            functools.partial(more_key_points, brief),
        )
        description = "\n\n".join(part for part in (updated, bullets, counts) if part)
        embeds.append(EmbedData(title, description[:room], (), footer))
    return MessageData(tuple(embeds))


def digest_title(briefs: Sequence[Brief], local_date: date) -> str:
    """The name of a digest's forum post or thread: its lead headline and the slot's local date, within
    Discord's 100 characters (the headline is shortened, the date always shown). Raises ValueError for no
    briefs."""
    if not briefs:
        raise ValueError("a digest has at least one brief")
    day = local_date.isoformat()
    headline = " ".join(briefs[0].title.split())
    return f"{shorten(headline, THREAD_NAME_LIMIT - len(day) - 3)} · {day}"


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
