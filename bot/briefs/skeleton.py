"""`briefbot new`: a brief skeleton for an article, for an editor to keep, fix or delete, line by line.

Read with the domain's own article reader: paragraphs and sentences (`bot.briefs.article`), amounts
(`bot.briefs.money.parse_money`), status verbs, credit words, titles and date words
(`bot.briefs.vocabulary`), the markers an attribution must cover (`bot.briefs.check`). The skeleton's
live lines are only what is certain: the format, an id from the file name, the date it was written, the
seed and the headline (the article's first line). Every candidate (publisher, credits, items) is
commented out with the sentence it came from as its evidence: nothing is in the brief until the editor
uncommented it, and `briefbot check` then binds it to the article's words like any other item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.briefs.article import MIN_PASSAGE_WORDS, Article, Paragraph, Span, find_words, word_count
from bot.briefs.check import (
    attribution_markers,
    claim_naming_another,
    cut_mid_clause,
    governing_attribution,
    hedge_markers,
    opening_pronoun,
    pronoun_subject,
    read_status,
    undated_saying,
)
from bot.briefs.kinds import title_start
from bot.briefs.loader import check_raw
from bot.briefs.models import FORMAT
from bot.briefs.money import UNSTATED, Money, MoneyError, parse_money
from bot.briefs.vocabulary import (
    CREDIT_LINE_WORDS,
    CREDIT_STAFF_WORDS,
    EVENT_PHRASE_STOPS,
    PERSON_TITLES,
    RELATIVE_TIME_WORDS,
    STATUS_VERBS,
    TITLE_AND,
    TITLE_JOINS,
    CreditKind,
)

MAX_ID = 64
MAX_EVIDENCE = 2000  # a passage's limit in the schema
MAX_SHORT = 200  # a short value's limit in the schema
PLACEHOLDER = "?"  # a value the editor must write; the check refuses it, naming the field
_MONEY_WORDS = 5  # the longest amount read: "a quarter of a billion" + its currency
_NAME_CONNECTORS = TITLE_JOINS  # "Secretary of Defense", "Ambassador to Israel"
_SPEECH = (
    "said",
    "says",
    "told",
    "argued",
    "responded",
    "stated",
    "announced",
    "added",
    "warned",
    "insisted",
)
_MONTHS = frozenset(
    (
        *("january", "february", "march", "april", "may", "june", "july"),
        *("august", "september", "october", "november", "december"),
    )
)
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))


def brief_id_for(file_name: str) -> str:
    """A brief id from an article's file name: `JPost Israel_Ukraine.txt` -> `jpost-israel-ukraine`."""
    stem = file_name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem.lstrip(".") else stem
    slug = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in stem.casefold())
    slug = "-".join(part for part in slug.split("-") if part)[:MAX_ID].strip("-")
    return slug or "brief"


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return self.text.strip(".,;:!?\"'()[]")

    @property
    def capitalised(self) -> bool:
        return bool(self.bare) and self.bare[0].isupper()


def _words(text: str) -> list[_Word]:
    """The words of a normalised text (single spaces), with their offsets."""
    words: list[_Word] = []
    at = 0
    for token in text.split(" "):
        if token:
            words.append(_Word(at, at + len(token), token))
        at += len(token) + 1
    return words


@dataclass(frozen=True)
class Candidate:
    """One commented-out item: its section, its fields as TOML lines, why it was offered."""

    section: str
    lines: tuple[str, ...]


@dataclass
class Skeleton:
    """What `briefbot new` writes, and what it found."""

    text: str
    sentences: int
    candidates: int
    source_candidates: int


@dataclass
class _Sentence:
    paragraph: Paragraph
    span: Span
    article: Article
    found: list[str] = field(default_factory=list)  # "a sum of money ($600 million)", ...
    items: list[Candidate] = field(default_factory=list)


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's."""
    return json.dumps(value, ensure_ascii=False)


def _money(text: str) -> list[Money]:
    """Every sum of money in `text`, as `parse_money` reads it: a currency written, sign or word."""
    words = _words(text)
    found: list[Money] = []
    index = 0
    while index < len(words):
        best: tuple[int, Money] | None = None
        for size in range(1, _MONEY_WORDS + 1):
            if index + size > len(words):
                break
            span = text[words[index].start : words[index + size - 1].end].rstrip(".,;:)\"'")
            try:
                money = parse_money(span)
            except MoneyError:
                continue
            if money.currency != UNSTATED:
                best = (size, money)
        if best is None:
            index += 1
            continue
        found.append(best[1])
        index += best[0]
    return found


def _people(text: str) -> list[tuple[str, str, str]]:
    """(as_written, name, role) for each titled person: "Prime Minister Naftali Bennett"."""
    words = _words(text)
    people: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for index, word in enumerate(words):
        if word.bare not in PERSON_TITLES or word.text != word.bare:
            continue
        # the capitalised words after the title, through the small words that join a title's ("Secretary of
        # Defense", "Chairman of the Harbour Board", "Minister of Trade and Industry"); a run that meets another
        # title after "and" names two people ("Foreign Minister Ola Wren and Harbour Minister …"): it stops there
        run: list[int] = []
        joined: int | None = None  # where the run last crossed "and"
        at = index + 1
        while at < len(words):
            nxt = words[at]
            small = nxt.text == nxt.bare and at + 1 < len(words)
            if small and (
                (nxt.bare in _NAME_CONNECTORS and run == [])
                or (nxt.bare == "the" and run == [at - 1] and words[at - 1].bare in _NAME_CONNECTORS)
            ):
                run.append(at)
            elif small and nxt.bare in TITLE_AND and run[:1] and not words[run[0]].capitalised:
                joined = len(run)
                run.append(at)
            elif nxt.capitalised and nxt.bare not in PERSON_TITLES and "'" not in nxt.text:
                run.append(at)
                if nxt.text != nxt.bare:  # "Bennett," ends the name
                    break
            else:
                if joined is not None and nxt.bare in PERSON_TITLES:
                    run = run[:joined]
                break
            at += 1
        while run and not words[run[-1]].capitalised:
            run.pop()
        named = [i for i in run if words[i].capitalised]
        if not named:
            continue
        name_words = named[-2:] if len(named) >= 2 else named
        # the role runs back over capitalised words and the small words that join them, as the check reads a
        # title: "Prime Minister", "Defense Ministry Policy and Political-Military Bureau Deputy Director"
        start = title_start([w.text for w in words], index)
        role_end = words[name_words[0] - 1].end
        role = text[words[start].start : role_end].strip()
        name = text[words[name_words[0]].start : words[name_words[-1]].end].rstrip(".,;:")
        as_written = text[words[start].start : words[name_words[-1]].end].rstrip(".,;:")
        if name in seen or not role:
            continue
        seen.add(name)
        people.append((as_written, name, role))
    return people


def _date_word(text: str) -> str | None:
    """The first date word of `text` as written ("Wednesday", "last week", "three months ago")."""
    found = _date_words(text)
    return found[0] if found else None


def _date_words(text: str) -> list[str]:
    """Every date word of `text` as written, in the order the text writes them."""
    found: dict[int, str] = {}
    for word in RELATIVE_TIME_WORDS:
        for at in find_words(word, text, ignore_case=True):
            written = text[at : at + len(word)]
            if (word in _MONTHS or word in _WEEKDAYS) and not written[0].isupper():
                continue  # "may" the verb; a month or a day is written capitalised
            if word == "ago":
                before = [w for w in _words(text) if w.end <= at][-2:]
                if not before:
                    continue
                at, written = before[0].start, text[before[0].start : at + len(word)]
            if at not in found or len(written) > len(found[at]):
                found[at] = written
    return [found[at] for at in sorted(found)]


def _quotation(paragraph: Paragraph, sentence: Span) -> str | None:
    """The quoted words opening in `sentence`, to their closing mark (in the paragraph), when long enough."""
    opening = paragraph.text.find('"', sentence.start, sentence.end)
    if opening == -1:
        return None
    closing = paragraph.text.find('"', opening + 1)
    end = closing if closing != -1 else len(paragraph.text)
    words = paragraph.text[opening + 1 : end].strip()
    if word_count(words) < MIN_PASSAGE_WORDS or len(words) > MAX_EVIDENCE:
        return None
    return paragraph.written(opening + 1, end).strip() or words  # as the article writes it


CLOSING_PUNCTUATION = " .!?\"'’”)]"


def attribution_candidate(paragraph: Paragraph, sentence: Span) -> list[str]:
    """Words of `sentence` covering what its attribution must cover: from the start of the clause of each
    needed marker to the marker ("a senior diplomatic source said"), a hedge to the end of its clause; one
    string where they fit in one. A sentence told as the account of the words closing its paragraph
    (", a senior diplomatic source said.") is offered those words, and its own hedges."""
    governing = governing_attribution(paragraph, sentence)
    closing: list[str] = []
    if governing is not None:
        told_in, _, start, end = governing
        comma = told_in.text.rfind(",", 0, start)
        if comma != -1:  # a closing attribution, whole: "said a harbour official, who asked not to be named"
            end = len(told_in.text.rstrip(CLOSING_PUNCTUATION))
        closing = [told_in.text[comma + 1 : end].strip(CLOSING_PUNCTUATION)]
        needed = hedge_markers(sentence.text)
    else:
        needed = attribution_markers(sentence.text)
    if not needed:
        return closing
    clauses = paragraph.clauses(sentence)

    def clause_start(offset: int) -> int:
        absolute = sentence.start + offset
        starts = [c.start for c in clauses if c.start <= absolute]
        return (max(starts) if starts else sentence.start) - sentence.start

    def whole_clause(start: int, end: int) -> str:
        text = sentence.text[start:end].strip()
        cut = cut_mid_clause(sentence.text, text, end)
        if cut is not None:
            return f"{text} {cut[1]}"
        dated = undated_saying(sentence.text, text, end)  # "Oster said in 2019": the claim's time
        return f"{text} {dated}" if dated is not None else text

    first = clause_start(min(at for _, at, _ in needed))
    last = max(end for _, _, end in needed)
    whole = whole_clause(first, last)
    if len(whole) <= MAX_SHORT:
        return [*closing, whole]
    return [*closing, *(whole_clause(clause_start(at), end)[-MAX_SHORT:].strip() for _, at, end in needed)]


def _speaker(attribution: Sequence[str]) -> str:
    """Who an attribution names speaking: the capitalised words just before its speech verb."""
    for text in attribution:
        words = _words(text)
        for index, word in enumerate(words):
            if word.bare.casefold() in _SPEECH and index > 0:
                names: list[str] = []
                for before in reversed(words[:index]):
                    if not before.capitalised or before.text != before.bare:
                        break
                    names.insert(0, before.bare)
                if names:
                    return " ".join(names)
    return PLACEHOLDER


def _status(text: str) -> tuple[str, str]:
    """The first status verb of `text` as written, and the status `read_status` reads from it."""
    found: list[tuple[int, str]] = []
    for verbs in STATUS_VERBS.values():
        for verb in verbs:
            found += [(at, text[at : at + len(verb)]) for at in find_words(verb, text, ignore_case=True)]
    if not found:
        return PLACEHOLDER, PLACEHOLDER
    at, verb = min(found)
    return verb, read_status(verb, text[:at]) or PLACEHOLDER


def _credit(text: str) -> tuple[CreditKind, str, str | None, str] | None:
    """(kind, name, organisation, as_written) of a credit line: "(photo credit: AMMAR AWAD/REUTERS)",
    "Jerusalem Post Staff contributed to this report."; a byline "By Mara Quill"."""
    folded = text.casefold()
    if any(find_words(word, text, ignore_case=True) for word in CREDIT_LINE_WORDS) or "credit:" in folded:
        if find_words("contributed to this report", text, ignore_case=True):
            at = folded.find("contributed to this report")
            name = text[:at].strip() or PLACEHOLDER
            named = name.split()
            # "Jerusalem Post Staff": the publication's staff; the publication is the name before that word
            staff = len(named) > 1 and named[-1].casefold() in CREDIT_STAFF_WORDS
            return "contributed", name, " ".join(named[:-1]) if staff else None, text
        at = folded.find("credit:")
        opening = text.rfind("(", 0, at)
        closing = text.find(")", at)
        as_written = text[opening : closing + 1] if opening != -1 and closing != -1 else text
        credited = text[at + len("credit:") : closing if closing != -1 else len(text)].strip()
        name, _, organisation = credited.partition("/")
        kind: CreditKind = "image" if "image credit" in folded else "photo"
        return kind, name.strip() or PLACEHOLDER, organisation.strip() or None, as_written
    words = _words(text)
    if words and words[0].text == "By" and len(words) <= 8 and all(w.capitalised for w in words[1:]):
        credited = text[words[1].start :].rstrip(".") if len(words) > 1 else PLACEHOLDER
        # "By Lena Marsh, Vesta Herald": the reporter, then the publication (REPORT-reader17 finding 7)
        name, _, organisation = credited.partition(",")
        return "byline", name.strip() or PLACEHOLDER, organisation.strip() or None, text
    return None


def _commented(lines: Sequence[str]) -> list[str]:
    return [f"# {line}" if line else "#" for line in lines]


def _evidence_lines(sentence: str) -> list[str]:
    return [f"evidence = [{toml_string(sentence)}]"]


def _attribution_line(attribution: Sequence[str], mentions: Collection[str] = ()) -> list[str]:
    """The attribution as TOML; each of `mentions` as a table with the role `mention`."""
    if not attribution:
        return []
    values = [
        f'{{ text = {toml_string(a)}, role = "mention" }}' if a in mentions else toml_string(a)
        for a in attribution
    ]
    if len(values) == 1:
        return [f"attribution = {values[0]}"]
    return ["attribution = [" + ", ".join(values) + "]"]


def _person_attribution(
    item: _Sentence,
    attribution: Sequence[str],
    person: tuple[str, str, str],
    people: Sequence[tuple[str, str, str]],
) -> list[str]:
    """A person's attribution: words of another person's claim that only names them ("Prime Minister Naftali
    Bennett has also argued", on Putin) take the role `mention`, as the check requires (`claim_naming_another`)."""
    as_written, name, _role = person
    own = [as_written, name, name.split()[-1]]
    others = [(n, [a, n, n.split()[-1]]) for a, n, _r in people if n != name]
    told_in = [(item.paragraph, item.span)]
    mentions = {a for a in attribution if claim_naming_another(a, own, others, told_in) is not None}
    return _attribution_line(attribution, mentions)


def _sentence_candidates(item: _Sentence) -> None:
    text = item.span.text
    attribution = attribution_candidate(item.paragraph, item.span)
    said = _attribution_line(attribution)
    # the article's own characters (’ and “ ” kept): what the editor reads in the seed
    evidence = _evidence_lines(item.paragraph.written(item.span.start, item.span.end).strip() or text)
    money = _money(text)
    people = _people(text)
    when = _date_word(text)
    quotation = _quotation(item.paragraph, item.span)
    if money:
        item.found.append("a sum of money (" + ", ".join(m.as_written for m in money) + ")")
    if people:
        item.found.append("a person's title (" + ", ".join(p[0] for p in people) + ")")
    if when:
        item.found.append(f"a date word ({when})")
    if quotation:
        item.found.append("a quotation")
    if not item.found:
        return
    # a sentence whose subject is a pronoun ("He can be seen … the Twitter account of … Lloyd Austin") is about
    # someone named before it: a key point is shown alone, so it is offered with the sentence before, which names
    # them (`check`), and none when it opens its paragraph; it cannot lead an entry about the people it names
    about_someone_else = opening_pronoun(text) is not None
    if pronoun_subject(text) is None:
        item.items.append(Candidate("key_points", (*said, *evidence)))
    else:
        before = [s for s in item.paragraph.sentences if s.end <= item.span.start]
        if before:
            joined = dict.fromkeys([*attribution_candidate(item.paragraph, before[-1]), *attribution])
            passage = item.paragraph.written(before[-1].start, item.span.end).strip()
            item.items.append(
                Candidate(
                    "key_points",
                    (*_attribution_line(list(joined)), *_evidence_lines(passage or text)),
                )
            )
    for as_written, name, role in [] if about_someone_else else people:
        item.items.append(
            Candidate(
                "people",
                (
                    f"name = {toml_string(name)}",
                    f"role = {toml_string(role)}  # split off an affiliation where it names one (Russian President: affiliation Russian)",
                    f"as_written = {toml_string(as_written)}",
                    *_person_attribution(item, attribution, (as_written, name, role), people),
                    *evidence,
                ),
            )
        )
    verb, status = _status(text)
    for amount in money:
        currency = amount.currency
        item.items.append(
            Candidate(
                "loans",
                (
                    f"lender = {toml_string(PLACEHOLDER)}  # in the amount's clause, as written; or make it [[aid]]",
                    f"borrower = {toml_string(PLACEHOLDER)}",
                    f"as_written = {toml_string(amount.as_written)}",
                    f"amount = {amount.amount}",
                    f"currency = {toml_string(currency)}",
                    f"status = {toml_string(status)}",
                    f"status_as_written = {toml_string(verb)}",
                    *said,
                    *evidence,
                ),
            )
        )
    if when:
        event = _event_candidate(item, when, attribution, said, evidence)
        if event is not None:
            item.items.append(event)
    if quotation:
        item.items.append(
            Candidate(
                "quotes",
                (
                    f"speaker = {toml_string(_speaker(attribution))}  # named in the attribution",
                    f"text = {toml_string(quotation)}",
                    *said,
                    *evidence,
                ),
            )
        )


# Words that may stand between what happened and its time, left out of a proposed `what` ("… 50 countries | on
# Wednesday"), and words that open a phrase, left out at its start ("Since | the contact group first came together").
_BEFORE_TIME = ("on", "in", "at", "during", "by", "since", "until", "from", ",")


def _event_candidate(
    item: _Sentence, when: str, attribution: Sequence[str], said: Sequence[str], evidence: Sequence[str]
) -> Candidate | None:
    """The event of a sentence's date word, as the check accepts it: headed by a `what` where one reads (the words
    of the date's clause before it, else the sentence's), else by its first passage; with its `when` only where
    the check ties the time to the heading, else without it, saying why; None when the check accepts no event
    of the sentence (headed by who says so, a pronoun, an expectation, …)."""
    paragraph, span = item.paragraph, item.span
    at = find_words(when, span.text, ignore_case=True)
    whats: list[str] = []
    if at:
        end = span.start + at[0]
        clause = next((c for c in paragraph.clauses(span) if c.start <= end < c.end), None)
        # the words after the last phrase that opens before the date ("… Since | the contact group first came
        # together three months ago"), the date's clause, the sentence
        opened = [
            span.start + m.end()
            for m in re.finditer(
                r"(?:^|[.;:“\"]\s*|\b(?:"
                + "|".join(re.escape(w) for w in EVENT_PHRASE_STOPS if w[0].isalpha())
                + r")\s)",
                span.text[: at[0]],
                re.IGNORECASE,
            )
        ]
        # and the words after an attribution that opens the sentence ("Oster said | Norland held talks …")
        said_first = [span.start + len(a) for a in attribution if span.text.startswith(a) and len(a) < at[0]]
        starts = [clause.start if clause else span.start, span.start, *opened[-1:], *said_first]
        for start in dict.fromkeys(starts):
            words = paragraph.written(start, end).strip().strip("“”\"'")
            head = words.split()
            while head and head[-1].casefold().strip(",") in _BEFORE_TIME:
                head.pop()
            while head and head[0].casefold() in EVENT_PHRASE_STOPS:
                head.pop(0)
            what = " ".join(head).strip(" ,")
            if what and len(what) <= MAX_SHORT and word_count(what) >= 2:
                whats.append(what)
    passage = evidence_text(item)
    # the date word, with the words it stands after ("since March"), then the sentence's next date word ("said on
    # Monday the ferries would stay until May"): the first the check takes
    times: list[str] = []
    for word in dict.fromkeys([when, *_date_words(span.text)]):
        before = span.text[: span.text.find(word)].split() if word in span.text else []
        times += [word, *(" ".join([*before[-n:], word]) for n in (1, 2) if len(before) >= n)]
    with_when = [
        *({"what": w, "when": t} for t in dict.fromkeys(times) for w in whats),
        *({"when": t} for t in dict.fromkeys(times)),
    ]
    without = [*({"what": w} for w in whats), {}]
    refused: list[str] = []
    for fields in [*with_when, *without]:
        problem = _event_problem(item.article, passage, {**fields, **_attributed(attribution)})
        if problem is not None:
            refused.append(problem)
            continue
        lines = [f"{key} = {toml_string(value)}" for key, value in fields.items()]
        if "when" in fields:
            lines[-1] += '  # where = "…" as written'
        else:  # the time is another clause's, or the heading reads none: say why it is left out
            lines.insert(0, f"# no `when`: {refused[0][:300]}")
        return Candidate("events", (*lines, *said, *evidence))
    return None


def evidence_text(item: _Sentence) -> str:
    """A sentence's evidence as the article writes it."""
    return item.paragraph.written(item.span.start, item.span.end).strip() or item.span.text


def _attributed(attribution: Sequence[str]) -> dict[str, Any]:
    if not attribution:
        return {}
    return {"attribution": attribution[0] if len(attribution) == 1 else list(attribution)}


def _event_problem(article: Article, passage: str, event: dict[str, Any]) -> str | None:
    """The check's first problem of `event` alone, told in `passage` of `article`, or None when it accepts it."""
    raw: dict[str, Any] = {
        "format": FORMAT,
        "id": "skeleton",
        "added": date(2026, 1, 1),
        "source": {
            "seed": article.name,
            "publisher": "?",
            "headline": article.headline,
            "evidence": [passage],
        },
        "key_points": [{"evidence": [passage]}],
        "events": [{**event, "evidence": [passage]}],
    }
    _, problems = check_raw(raw, lambda _name: article)
    found = [f"{p.item}: {p.message}" for p in problems if p.item.startswith("events[0]")]
    return found[0] if found else None


def _usable(sentence: Span) -> bool:
    return word_count(sentence.text) >= MIN_PASSAGE_WORDS and len(sentence.text) <= MAX_EVIDENCE


def skeleton(article: Article, brief_id: str, added: date, seed_path: str) -> Skeleton:
    """The brief skeleton of `article` (format 2). `seed_path`: how the header names the article's file."""
    credits: list[tuple[CreditKind, str, str | None, str]] = []
    sentences: list[_Sentence] = []
    seen: set[str] = set()
    for paragraph in article.paragraphs[1:]:
        for span in paragraph.sentences:
            credit = _credit(span.text)
            if credit is not None:
                if credit[3] not in {c[3] for c in credits}:
                    credits.append(credit)
                continue
            if span.text in seen or not _usable(span):
                continue  # a caption printed twice is offered once
            seen.add(span.text)
            sentence = _Sentence(paragraph, span, article)
            _sentence_candidates(sentence)
            sentences.append(sentence)
    lines = [
        f"# Brief skeleton for {seed_path}, written by `briefbot new` (format {FORMAT}; README “Writing a brief”).",
        "# Below the live lines, every candidate is commented out, with the sentence it came from as its",
        "# evidence: keep (uncomment: remove the leading “# ”), fix or delete each, then run `briefbot check`.",
        "# Until [source] has a publisher and its evidence, and the brief has a key point, the check refuses it",
        "# and names what is missing. A `?` is a value to write from the evidence.",
        "",
        f"format = {FORMAT}",
        f"id = {toml_string(brief_id)}",
        f"added = {added.isoformat()}",
        "",
        "[source]",
        f"seed = {toml_string(article.name)}",
        f"headline = {toml_string(article.headline)}  # the article's first line",
        "# publisher: as the article names itself, written in `evidence`. Candidates:",
    ]
    source_lines = [c for c in credits if c[0] in ("contributed", "byline")]
    for _kind, name, organisation, as_written in source_lines:
        lines += _commented(
            [f"publisher = {toml_string(organisation or name)}", f"evidence = [{toml_string(as_written)}]"]
        )
    if not source_lines:
        lines += _commented(
            [f"publisher = {toml_string(PLACEHOLDER)}", 'evidence = ["…the words that name the publisher…"]']
        )
    lines += [
        "",
        "# [editor]  # what you know that the article does not say, shown labelled",
        "# published = 2026-01-31",
        '# url = "https://…"',
    ]
    if credits:
        lines += ["", "# " + "-" * 64 + " credits (not people involved)"]
    for kind, name, organisation, as_written in credits:
        lines += [
            "",
            *_commented(
                [
                    "[[credits]]",
                    f"kind = {toml_string(kind)}",
                    f"name = {toml_string(name)}",
                    *([f"organisation = {toml_string(organisation)}"] if organisation else []),
                    f"as_written = {toml_string(as_written)}",
                ]
            ),
        ]
    offered = [s for s in sentences if s.items]
    for sentence in offered:
        lines += [
            "",
            f"# {'-' * 64} {sentence.paragraph.located}: " + "; ".join(sentence.found),
        ]
        for candidate in sentence.items:
            lines += ["", *_commented([f"[[{candidate.section}]]", *candidate.lines])]
    return Skeleton(
        "\n".join(lines) + "\n",
        sentences=len(sentences),
        candidates=sum(len(s.items) for s in offered),
        source_candidates=len(source_lines) + 1,
    )


def candidate_blocks(text: str) -> Iterator[tuple[int, int]]:
    """(first line, end line) of each commented-out item block in a skeleton, for tests and tools."""
    lines = text.splitlines()
    start: int | None = None
    for number, line in enumerate(lines):
        if line.startswith("# [[") and line.endswith("]]"):
            if start is not None:
                yield start, number
            start = number
        elif start is not None and not line.startswith("# "):
            yield start, number
            start = None
    if start is not None:
        yield start, len(lines)
