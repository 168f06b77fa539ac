"""How a checked fact is told: with who says so, as a reading when it is one, times anchored to the article.

Every line here is built from checked values and verbatim passages only; nothing is phrased that
the check has not bound to the article (see `bot.briefs.check`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot.briefs.article import contains_words, find_words
from bot.briefs.evidence import normalise
from bot.briefs.models import AidFlow, Brief, Dealing, Fact, Loan, Person, Quote
from bot.briefs.vocabulary import (
    LOAN_STATUS_MEANING,
    MONTH_NAMES,
    RELATIVE_TIME_WORDS,
    ROLE_LABELS,
    STATUS_MEANING,
    AttributionRole,
    Status,
)

SNIPPET_LENGTH = 180
_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]])")
_YEAR = re.compile(r"\b\d{4}\b")


def escape_markdown(text: str) -> str:
    """`text` shown as typed: `**x**` stays two asterisks, not bold (a member's input, echoed back)."""
    return _MARKDOWN.sub(r"\\\1", text)


# Discord's markdown characters; one already escaped (a backslash before it) is left as it is.
_SHOWN = re.compile(r"\\[\\*_~`|>#\[\]]|[*_~`|>#\[\]]")
# An editor's address: the characters that would format it or end a link, percent-encoded (same address).
_IN_ADDRESS = {c: f"%{ord(c):02X}" for c in "*_~`|>#[]()<\\"}


def as_shown(text: str) -> str:
    """THE point where the article's words and the editor's text become Discord message text: every
        markdown character escaped (`*`, `_`, `~`, `` ` ``, `|`, `>`, `#`, `[`, `]`), so an article's "**" or
        "[text](url)" shows as written and formats nothing (mentions are broken where text enters an embed,
    `render.clean`). Escaping twice changes
        nothing (an escaped character stays escaped once), so a value shown inside another is safe. Lengths are
        counted on what this returns (the renderers shorten after it)."""
    return _SHOWN.sub(lambda m: m.group() if len(m.group()) == 2 else "\\" + m.group(), text)


def address_shown(url: str) -> str:
    """An editor's web address as message text: characters that would format it or cut its link short
    percent-encoded, so the link Discord makes is the whole address."""
    return "".join(_IN_ADDRESS.get(c, c) for c in url)


def cut_at(text: str, end: int) -> int:
    """Where to cut shown text at or before `end` so that no escape is split from the character it escapes
    (a backslash left at the end would escape what follows it, an ellipsis or the next page's first mark)."""
    end = max(0, min(end, len(text)))
    backslashes = len(text[:end]) - len(text[:end].rstrip("\\"))
    return end - 1 if backslashes % 2 else end


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 loan`, `2 loans`, `1 person`, `3 people`."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def item_key(brief: Brief, section: str, item: object) -> str:
    """`loans[2]`: where `item` sits in the brief, as the check and the Quote button name it (the item itself,
    else the first equal one). Raises LookupError for an item that is not in the brief: a programming error,
    which must not be told with another item's evidence."""
    items: Sequence[object] = getattr(brief, section)
    index = next((i for i, candidate in enumerate(items) if candidate is item), None)
    if index is None:
        index = next((i for i, candidate in enumerate(items) if candidate == item), None)
    if index is None:
        raise LookupError(f"{section}: the item is not in brief {brief.id}: {item!r}"[:500])
    return f"{section}[{index}]"


def article_date(brief: Brief) -> str:
    """The article's date as the answers give it: the editor's, labelled, or a plain "no date"."""
    if brief.editor.published is None:
        return "the article gives no date"
    return f"article of {brief.editor.published:%-d %B %Y} (date from the editor, not the article)"


def is_relative(when: str) -> bool:
    """Whether `when` needs the article's date to mean anything ("Wednesday", "last week", "in May")."""
    if _YEAR.search(when):
        return False
    return any(find_words(word, when, ignore_case=True) for word in RELATIVE_TIME_WORDS)


def only_a_month(when: str) -> bool:
    """Whether `when` names a month and nothing relative to the article's date ("in May"): it lacks a year."""
    relative = [w for w in RELATIVE_TIME_WORDS if w not in MONTH_NAMES]
    return (
        is_relative(when)
        and any(find_words(month, when, ignore_case=True) for month in MONTH_NAMES)
        and not any(find_words(word, when, ignore_case=True) for word in relative)
    )


def when_text(brief: Brief, when: str) -> str:
    """`when` as the article says it, anchored: "Wednesday, in an article of 16 June 2022 (…)"; a month
    without a year says so: "May (as the article says it; no year stated)"."""
    if not is_relative(when):
        return when
    published = brief.editor.published
    if only_a_month(when):
        dated = f"; in an article of {published:%-d %B %Y}, a date from the editor" if published else ""
        return f"{when} (as the article says it; no year stated{dated})"
    if published is None:
        return f"{when} (as the article says it; the article gives no date to count from)"
    return f"{when}, in an article of {published:%-d %B %Y} (date from the editor)"


def written(brief: Brief, text: str) -> str:
    """A value as the article writes it: the brief's words matched normalised, shown in the article's characters."""
    return as_shown(_written(brief, text))


def _written(brief: Brief, text: str) -> str:
    return brief.proof.written(text) if brief.proof is not None else " ".join(text.split())


def passages(brief: Brief, key: str, fact: Fact) -> list[str]:
    """A fact's evidence in the article's own characters: as the check found it, else as the brief gives it."""
    proof = brief.proof.item(key) if brief.proof else None
    if proof is None or len(proof.passages) != len(fact.evidence):
        return [written(brief, passage) for passage in fact.evidence]
    return [as_shown(passage.passage) for passage in proof.passages]


def attributions(brief: Brief, key: str, fact: Fact) -> list[tuple[str, AttributionRole]]:
    """Who says so, for this fact, with each attribution's role: what the check found in its sentences, else
    what the brief gives."""
    proof = brief.proof.item(key) if brief.proof else None
    if proof is None:
        return [(written(brief, a.text), a.role) for a in fact.attributed]
    found = [a for passage in proof.passages for a in passage.attributions]
    return list(dict.fromkeys(found))


def attribution_lines(found: Sequence[tuple[str, AttributionRole]]) -> list[str]:
    """One line per role, in `ROLE_LABELS` order: `Who says so: “a senior diplomatic source said”`, then
    `Caveat: “All three ministers’ spokespeople said they do not comment …”`; a caveat is never a source."""
    lines: list[str] = []
    for role, label in ROLE_LABELS.items():
        texts = [text for text, its in found if its == role]
        if texts:
            lines.append(f"{label}: " + "; ".join(f"“{as_shown(text)}”" for text in texts))
    return lines


def who_says(brief: Brief, key: str, fact: Fact) -> list[str]:
    """Every attribution of this fact, labelled by its role (see `attribution_lines`)."""
    return attribution_lines(attributions(brief, key, fact))


_BY_LABELS: dict[Status, str] = {
    "provided": "Given by",
    "delivered": "Delivered by",
    "pledged": "Promised by",
    "approved": "Approved by",
    "planned": "Planned by",
    "possible": "Possibly from",
    "requested": "Asked for by",
    "under consideration": "Considered by",
    "declined": "Refused by",
    "not provided": "Not given by",
}


# A request is told with the article's own verb: Israel's ministers "have called for" aid; nobody "asked" it.
_REQUEST_LABELS: dict[str, str] = {
    "called for": "Called for",
    "requested": "Requested",
    "sought": "Sought",
    "asked": "Asked for",
}


def _by_label(fact: Dealing) -> str:
    """`Refused by`, `Called for by`, …: the status's action, a request in the article's own verb."""
    if fact.status == "requested":
        for verb, label in _REQUEST_LABELS.items():
            if contains_words(verb, fact.status_as_written, ignore_case=True):
                return f"{label} by"
    return _BY_LABELS[fact.status]


def dealing_lines(brief: Brief, fact: Dealing) -> list[str]:
    """Who acted, when, how and where, as the article writes them in the status verb's clause:
    `Refused by: Bennett`, `When: last week (…)`, `How: in a letter conveyed by …`, `Where: In Security
    Cabinet meetings`."""
    lines = [f"{_by_label(fact)}: {written(brief, fact.by)}"] if fact.by else []
    lines += [f"When: {when_text(brief, written(brief, fact.when))}"] if fact.when else []
    lines += [f"How: {written(brief, fact.how)}"] if fact.how else []
    lines += [f"Where: {written(brief, fact.where)}"] if fact.where else []
    return lines


_NOT_GIVEN: tuple[Status, ...] = ("declined", "not provided")


def aid_group(flow: AidFlow) -> str:
    """What became of an aid flow, in a word a reader can sort by: Given, Promised, Asked for, Not given."""
    if flow.status in _NOT_GIVEN:
        return "Not given"
    if flow.status == "requested":
        return "Asked for"
    if flow.status in _NOT_YET_GIVEN:
        return _NOT_YET_GIVEN[flow.status]
    if flow.status in ("pledged", "approved"):
        return "Promised"
    return "Given"


# What the article tells only as intended, possible or being weighed: headed so, never as asked for or given.
_NOT_YET_GIVEN: dict[Status, str] = {
    "planned": "Planned (not given)",
    "possible": "Possible (not given)",
    "under consideration": "Considered (not given)",
}
AID_ORDER = {
    "Given": 0,
    "Promised": 1,
    "Planned (not given)": 2,
    "Possible (not given)": 3,
    "Considered (not given)": 4,
    "Asked for": 5,
    "Not given": 6,
}


def aid_order(flows: Sequence[AidFlow]) -> list[AidFlow]:
    """One article's flows as `/aid` and its Quote view show them: by donor, what was given first."""
    donors = list(dict.fromkeys(flow.donor for flow in flows))
    return sorted(flows, key=lambda f: (donors.index(f.donor), AID_ORDER[aid_group(f)]))


def aid_action(brief: Brief, flow: AidFlow) -> str:
    """What was done and by whom, in the article's frame: "Given", "Not given", "Refused by Bennett",
    "Called for by Foreign Minister Yair Lapid and …" (never a bare "Asked for" that reads as the recipient's)."""
    if flow.reading:
        return f"{aid_group(flow)} (a reading)"
    if flow.status in _NOT_YET_GIVEN:  # "Planned (not given)": who plans it is a line of its own
        return aid_group(flow)
    if flow.by:
        return f"{_by_label(flow)} {written(brief, flow.by)}"
    if flow.status == "declined":
        return "Refused"
    if flow.status == "requested":
        return _by_label(flow).removesuffix(" by")
    return aid_group(flow)


def aid_heading(brief: Brief, flow: AidFlow, key: str) -> str:
    """The line that names an aid flow, in the article's words: "Given · Israel → Ukraine: a field hospital",
    "Refused by Bennett · Israel → Ukraine: military aid" (its kind is a line of its own)."""
    items = ", ".join(written(brief, item) for item in flow.items)
    return f"{aid_action(brief, flow)} · {flow.donor} → {flow.recipient}: {items}{caption_mark(brief, key)}"


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut_at(text, cut if cut > limit // 2 else limit - 1)].rstrip() + " …"


QUOTATION_GOES_ON = "(the quotation it opens goes on in the article)"
_MORE_THAN_ONE_SENTENCE = re.compile(r"[.!?][”’\"']?\s+\S")


def quoted(passage: str) -> str:
    """A passage between quotation marks as the article's words; one cut inside a quotation it opens says so,
    so the quotation does not look closed where the passage ends: `“Austin said … “how … invasion. …” (the
    quotation it opens goes on in the article)`."""
    if passage.count("“") <= passage.count("”"):
        return f"“{passage}”"
    cut = passage if passage.endswith("…") else f"{passage} …"
    return f"“{cut}” {QUOTATION_GOES_ON}"


def sentence_label(sentence: str, passage: str = "") -> str:
    """How the Quote view names the words around a passage: a sentence that opens a quotation running over
    several sentences is shown whole, and called so; for a passage inside that quotation (its opening mark
    stands before the passage), the quotation is what it stands in."""
    if "“" in sentence and _MORE_THAN_ONE_SENTENCE.search(sentence):
        if passage and "“" not in passage and sentence.find("“") < sentence.find(passage[:40]):
            return "In the quotation it stands in, from the sentence that opens it"
        return "In the sentence and the quotation it opens"
    return "In the sentence"


def evidence_snippet(brief: Brief, key: str, fact: Fact, *, more_said: int = 0) -> str:
    """A short piece of the first passage, as the article writes it; the rest is one press of Quote away
    (`more_said`: how many of them have who says so, which the answer does not show: said as many as it is)."""
    shown = passages(brief, key, fact)
    first = _shorten(shown[0], SNIPPET_LENGTH)
    proof = brief.proof.item(key) if brief.proof else None
    caption = " (photo caption)" if proof and proof.passages and proof.passages[0].kind == "caption" else ""
    more = len(shown) - 1
    said = (
        ""
        if not more_said
        else ", each with who says so"
        if more_said >= more
        else f", {more_said} with who says so"
    )
    tail = f" (+{plural(more, 'more passage')}{said}: press Quote)" if more else ""
    return f"> {quoted(first)}{caption}{tail}"


def caption_mark(brief: Brief, key: str) -> str:
    """ " (photo caption)" for a fact the article tells only in photo captions (often in their capitals, and
    with times such as "yesterday" that are the photo's), so a reader knows where it comes from; else ""."""
    proof = brief.proof.item(key) if brief.proof else None
    if proof is None or not proof.passages or any(p.kind != "caption" for p in proof.passages):
        return ""
    return " (photo caption)"


def status_line(status: Status, as_written: str, *, loan: bool = False) -> str:
    """`Status: requested (asked for; the article does not say it was given) · the article: “asked”`; a loan's
    status in a loan's words (`LOAN_STATUS_MEANING`)."""
    meaning = (LOAN_STATUS_MEANING if loan else STATUS_MEANING)[status]
    return f"Status: {status} ({meaning}) · the article: “{as_written}”"


def money_text(brief: Brief, loan: Loan) -> str:
    """The amount as written, then what it reads as, in words: "$600 million = 600,000,000 (dollars, kind not
    stated)", "€300 million = 300,000,000 (euros)"; never a currency code the article does not write."""
    money, shown = loan.money, written(brief, loan.as_written)
    if money is None:
        return shown
    return f"{shown} = {money.reads_as} ({money.currency_name})"


_LOAN_HEADINGS: dict[Status, str] = {
    "provided": "Loan made",
    "delivered": "Loan made",
    "pledged": "Loan pledged",
    "approved": "Loan approved",
    "planned": "Loan planned (not made)",
    "possible": "Loan possible (not made)",
    "requested": "Loan requested",
    "under consideration": "Loan under consideration",
    "declined": "Loan declined",
    "not provided": "Loan not made",
}


def loan_heading(brief: Brief, loan: Loan) -> str:
    """The line that names a loan says what it is: "Loan requested · Ukraine asked Israel: half-a-billion dollars",
    and, when the loan is a reading of the article, says so there: "Loan made (a reading) · Germany → Ukraine"."""
    parties = f"{loan.lender} → {loan.borrower}"
    if loan.status == "requested":
        parties = f"{loan.borrower} asked {loan.lender}"
    reading = " (a reading)" if loan.reading else ""
    return f"{_LOAN_HEADINGS[loan.status]}{reading} · {parties}: {written(brief, loan.as_written)}"


def loan_parties(loan: Loan) -> str:
    """Who lends and who borrows; a request has neither yet, only who asked whom."""
    if loan.status == "requested":
        return f"Asked of: {loan.lender} · Asked by: {loan.borrower}"
    if loan.status in ("planned", "possible", "under consideration"):  # no loan made: nobody lends yet
        return f"Lender, if made: {loan.lender} · Borrower, if made: {loan.borrower}"
    return f"Lender: {loan.lender} · Borrower: {loan.borrower}"


def loans_count(loans: Sequence[Loan]) -> str:
    """Counted by what the article says each is, in the order of their headings: "1 loan requested, 1 loan made,
    2 read as loans made". A loan the article does not call one (a reading) is never counted as a loan made, and
    a request never as a loan; no loans: "no loans"."""
    if not loans:
        return "no loans"
    kinds = Counter((loan.reading, _LOAN_HEADINGS[loan.status].removeprefix("Loan ")) for loan in loans)
    parts = []
    for (reading, kind), count in sorted(kinds.items(), key=lambda entry: entry[0][0]):
        if reading:
            parts.append(f"{count} read as {'a loan' if count == 1 else 'loans'} {kind}")
        else:
            parts.append(f"{plural(count, 'loan')} {kind}")
    return ", ".join(parts)


def reading_line(brief: Brief, key: str, loan: Loan) -> list[str]:
    """For a loan the article lists after another: say that what its own clause does not name is a reading."""
    proof = brief.proof.item(key) if brief.proof else None
    if proof is None or proof.reading_from is None:
        if loan.reading and (brief.proof is None or proof is None):
            return ["A reading, not the article's words: the article does not name every party of this loan"]
        return []
    return [
        f"A reading, not the article's words: the article writes “{written(brief, proof.reading_clause or '')}” "
        f"after “{written(brief, proof.reading_from)}”; that this is a loan from {loan.lender} to {loan.borrower} is a reading"
    ]


def title(brief: Brief, person: Person) -> str | None:
    """A person's role and affiliation in the article's words and order: the part of the phrase that names
    them which holds both ("Russian President" of "Russian President Vladimir Putin"), never a repeat
    ("Israeli Ambassador · Israeli") or a reversal ("President · Russian")."""
    parts = [part for part in (person.role, person.affiliation) if part]
    if not parts:
        return None
    phrase = _written(brief, person.as_written)  # its offsets equal its normalised form's
    spans = []
    for part in parts:
        found = find_words(normalise(part), normalise(phrase))
        if not found:
            return " · ".join(written(brief, part) for part in parts)
        spans.append((found[0], found[0] + len(normalise(part))))
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    name = normalise(person.name)
    if any(start < at + len(name) and at < end for at in find_words(name, normalise(phrase))):
        return " · ".join(written(brief, part) for part in parts)  # on either side of the name
    return as_shown(phrase[start:end])


def kind_line(flow: AidFlow) -> str:
    """An aid flow's kind, saying whose word it is: the article's when its evidence writes it, else
    Briefbot's category (kinds come from a fixed list: "medical" for "built a field hospital")."""
    written = any(contains_words(flow.kind, passage, ignore_case=True) for passage in flow.evidence)
    label = "the article's word" if written else "Briefbot's category, not the article's word"
    return f"Kind: {flow.kind} ({label})"


def speaker(brief: Brief, quote: Quote) -> Person | None:
    """The person of the brief who spoke a quote: named by their name or surname ("Austin"), when one is."""
    wanted = normalise(quote.speaker).casefold()
    named = [
        person
        for person in brief.people
        if wanted in (normalise(person.name).casefold(), normalise(person.name).split()[-1].casefold())
    ]
    return named[0] if len(named) == 1 else None


def quote_heading(brief: Brief, quote: Quote) -> str:
    """`Quote: Lloyd Austin, US Secretary of Defense`: who spoke, by name and title, not a bare surname."""
    person = speaker(brief, quote)
    if person is None:
        return f"Quote: {written(brief, quote.speaker)}"
    described = title(brief, person)
    return f"Quote: {person.name}" + (f", {described}" if described else "")


def quote_text(brief: Brief, key: str, quote: Quote) -> str:
    """The quotation with its frame, as the article writes it: `Austin said the participants discussed
    “how we can …”`, so the quote keeps what the article says it is about."""
    proof = brief.proof.item(key) if brief.proof else None
    quoted = f"“{written(brief, quote.text)}”"
    return f"{proof.frame} {quoted}" if proof is not None and proof.frame else quoted


def alias_lines(brief: Brief, fact: Dealing) -> list[str]:
    """For a party its evidence writes only by a declared alias: say so, and by which words, so that a reader sees
    that "Ukraine" was read from the article's "Kyiv" (HOSTILE-16 F9): `Ukraine (as written: “Kyiv”), a name
    the brief declares for the article's words`."""
    aliases: dict[str, list[str]] = {}
    for alias in brief.aliases:
        aliases.setdefault(normalise(alias.name), []).extend(normalise(w) for w in alias.as_written)
    told = [normalise(passage) for passage in fact.evidence]
    lines = []
    for value in dict.fromkeys(v for v in (*_party_values(fact), fact.by) if v):
        wanted = normalise(value)
        if wanted not in aliases or any(find_words(wanted, passage) for passage in told):
            continue
        shown = [written(brief, w) for w in aliases[wanted] if any(find_words(w, p) for p in told)]
        if shown:
            words = ", ".join(f"“{w}”" for w in dict.fromkeys(shown))
            lines.append(
                f"{as_shown(value)} (as written: {words}), a name the brief declares for the article's words"
            )
    return lines


def _party_values(fact: Dealing) -> tuple[str, ...]:
    if isinstance(fact, AidFlow):
        return (fact.donor, fact.recipient)
    if isinstance(fact, Loan):
        return (fact.lender, fact.borrower)
    return ()


def aid_reading_line(brief: Brief, flow: AidFlow) -> list[str]:
    """For aid given only by what a negated verb excepts, or to a recipient its words name only as a place:
    say that it is a reading, and of which words."""
    if not flow.reading:
        return []
    items = ", ".join(written(brief, item) for item in flow.items)
    proof = brief.proof.item(item_key(brief, "aid", flow)) if brief.proof else None
    if proof is not None and proof.reading_from is not None:
        return [
            f"A reading, not the article's words: the article writes “{written(brief, proof.reading_clause or '')}”, "
            f"naming {flow.recipient} only as the place “{written(brief, proof.reading_from)}”; that {flow.donor} "
            f"gave {flow.recipient} {items} is a reading"
        ]
    return [
        f"A reading, not the article's words: the article writes “{written(brief, flow.status_as_written)}”; "
        f"that {flow.donor} gave {flow.recipient} {items} is a reading"
    ]
