"""What each field's words must be: a party is a whole name, a time a time, a place a place (REVIEW-7 C25).

`bot.briefs.check` binds each value to its place in the article (written in the verb's clause, before or after
the verb). That is not enough on its own: "Korniychuk", "in a letter" and "last week" all stand after
"Ukraine also asked Israel for a loan …", and "Ukraine also asked Israel" stands in that clause, yet none is
the one asked, nor a time. These rules say what kind of words a field holds, whatever its place:

- a party (donor, recipient, lender, borrower, `by`) is a name, whole: it neither starts nor ends on a
  preposition, conjunction or determiner, holds no comma, no time word and no item of its own flow, and stands
  somewhere in the evidence as a whole name, not cut out of a longer run of capitalised words ("Yevgen |
  Korniychuk", "Ukrainian | Ambassador"); the one asked by an asking verb is the verb's first object;
- a `when` holds a time word (a day, a month, a year, "last week", "ago", …) or opens with a word of time
  ("during", "before", …);
- a `where` is a place phrase, whole: more than a preposition, not ending on a function word, not cut out of a
  capitalised name ("in the Ukraine Defense | Contact Group");
- a `how` opens with a preposition or a participle ("in a letter conveyed by …", "by sea") and holds neither
  a time word nor the fact's own status verb;
- an affiliation stands in the naming phrase apart from the role and the name ("Russian" of "Russian
  President Vladimir Putin"), never a part of either.

The word lists live in `bot.briefs.vocabulary` (`PARTY_EDGE_WORDS`, `TIME_WORDS`, `TIME_OPENINGS`,
`HOW_OPENINGS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from bot.briefs.article import Located, find_words
from bot.briefs.evidence import normalise
from bot.briefs.models import AidFlow, Dealing, Event, Fact, Loan, Person
from bot.briefs.vocabulary import (
    ASKING_VERBS,
    BODY_NOUNS,
    HOW_OPENINGS,
    LINK_WORDS,
    MEMBER_NOUNS,
    ORGANISATION_WORDS,
    PARTY_EDGE_WORDS,
    TIME_OPENINGS,
    TIME_WORDS,
)

_PUNCTUATION = ".,;:!?\"'()[]“”‘’"
_DETERMINERS = frozenset({"the", "a", "an"})
# The nouns that end a party's name in small letters after a capitalised word: "the Israeli government".
_BODY_WORDS = ORGANISATION_WORDS | MEMBER_NOUNS | BODY_NOUNS | {"military", "authorities", "people", "side"}
_YEAR = re.compile(r"\b(1[0-9]{3}|2[0-9]{3})s?\b")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)", flags=re.IGNORECASE)


def _words(text: str) -> list[str]:
    return [w.strip(_PUNCTUATION) for w in normalise(text).split() if w.strip(_PUNCTUATION)]


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _capitalised(word: str) -> bool:
    """A capitalised word of letters ("Korniychuk", "Ben-Zvi"), not a sum or a code with a sign ("C$90")."""
    letters = word.strip(_PUNCTUATION)
    return (
        bool(letters) and letters[0].isupper() and bool(_NAME_WORD.fullmatch(letters)) and "$" not in letters
    )


_TIME = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(w) for w in sorted(TIME_WORDS, key=len, reverse=True))
    + r")(?![\w-])",
    flags=re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def has_time(value: str) -> bool:
    """Whether `value` holds a word of time: "Wednesday", "last week", "three months ago", "in May 2019"."""
    text = normalise(value)
    return bool(_TIME.search(text) or _YEAR.search(text) or _CLOCK.search(text))


def _edges(value: str) -> tuple[str, str]:
    words = _words(value)
    return (words[0].casefold(), words[-1].casefold()) if words else ("", "")


def _cut_from_name(value: str, forms: Sequence[str], located: Sequence[Located]) -> str | None:
    """The capitalised run `value` is cut out of at every place the evidence writes it, or None when it stands
    whole somewhere ("Bennett" in "but Bennett rejected"; not "Korniychuk" of "Yevgen Korniychuk")."""
    cut: str | None = None
    for place in located:
        text = place.paragraph.text
        for form in forms:
            for at in find_words(form, text):
                if not (place.start <= at and at + len(form) <= place.end):
                    continue
                sentence = next((s for s in place.paragraph.sentences if s.start <= at < s.end), None)
                start = sentence.start if sentence is not None else 0
                end = sentence.end if sentence is not None else len(text)
                before = text[start:at].split()
                after = text[at + len(form) : end].split()
                word_before = before[-1] if before else ""
                word_after = after[0] if after else ""
                joined_before = (
                    bool(word_before)
                    and not word_before.endswith((",", ";", ":"))
                    and _capitalised(word_before)
                    and word_before.strip(_PUNCTUATION).casefold() not in _DETERMINERS
                    and len(before) > 0
                    and not (
                        len(before) == 1 and text[start:at].strip() == word_before and _opening(word_before)
                    )
                )
                joined_after = (
                    bool(word_after)
                    and not text[at + len(form) : at + len(form) + 1].strip(" ")  # a space, not "’s" or ","
                    and not form.endswith((",", ";", ":"))
                    and _capitalised(word_after)
                )
                if not joined_before and not joined_after:
                    return None
                run_start = at - len(word_before) - 1 if joined_before else at
                run_end = at + len(form) + 1 + len(word_after) if joined_after else at + len(form)
                cut = cut or text[max(run_start, 0) : run_end].strip()
    return cut


def _opening(word: str) -> bool:
    """A capitalised first word of a sentence that is no name ("The", "But", "In")."""
    return word.strip(_PUNCTUATION).casefold() in PARTY_EDGE_WORDS | _DETERMINERS


def party_problem(
    value: str,
    forms: Sequence[str],
    located: Sequence[Located],
    items: Sequence[str] = (),
) -> str | None:
    """Why `value` cannot name a party (a giver, a receiver, who acted), or None."""
    first, last = _edges(value)
    if not first:
        return None
    if first in PARTY_EDGE_WORDS - _DETERMINERS or last in PARTY_EDGE_WORDS:
        word = first if first in PARTY_EDGE_WORDS - _DETERMINERS else last
        return f"names no one: it {'starts' if word == first else 'ends'} with “{word}”; a party is a name, whole"
    if "," in value or ";" in value:
        return "names no one: a party is a name, whole, with no comma in it"
    if has_time(value):
        return "is a time, not a party: a party is a name"
    words = _words(value)
    named = [w for w in words if w.casefold() not in _DETERMINERS]
    # "the Israeli government", "Russian forces": a body's noun may end a name in small letters
    if (
        any(_capitalised(w) for w in named)
        and not _capitalised(named[-1])
        and named[-1].casefold() not in _BODY_WORDS
    ):
        return (
            f"names no one, whole: it ends with “{named[-1]}”, which names no one (“Israel for a loan”, "
            "“Ukraine’s defense”); a party is a name, or a body's noun after one (“the Israeli government”)"
        )
    for item in items:
        if find_words(normalise(item), normalise(value), ignore_case=True):
            return f"holds the item “{item}”: it names what was given, not who gave, received or acted"
    cut = _cut_from_name(value, forms, located) if _capitalised(value.split()[0]) else None
    if cut is not None:
        return (
            f"is cut out of the name “{cut}” wherever its evidence writes it: a party is a name, whole, as the "
            "article writes it"
        )
    return None


def _asked_problem(loan: Loan, forms: Sequence[str], located: Sequence[Located]) -> str | None:
    """The one asked by "asked", "requested", "sought" is the verb's first object ("Ukraine also asked Israel
    for a loan"), not any words after the verb ("Korniychuk" of "… conveyed by … Yevgen Korniychuk")."""
    verb = normalise(loan.status_as_written)
    if not any(find_words(w, verb, ignore_case=True) for w in ASKING_VERBS):
        return None
    seen = False
    for place in located:
        text = place.paragraph.text
        for at in find_words(verb, text):
            if not (place.start <= at and at + len(verb) <= place.end):
                continue
            sentence = next((s for s in place.paragraph.sentences if s.start <= at < s.end), None)
            end = sentence.end if sentence is not None else len(text)
            after = text[at + len(verb) : end]
            seen = True
            for form in forms:
                found = find_words(form, after)
                if found and all(
                    w.strip(_PUNCTUATION).casefold() in LINK_WORDS for w in after[: found[0]].split()
                ):
                    return None
    if not seen:
        return None
    return f"is not the one “{loan.status_as_written}” asks: the one asked is the verb's first object"


def when_problem(value: str) -> str | None:
    first, _ = _edges(value)
    if not first:
        return None
    if has_time(value) or first in TIME_OPENINGS:
        return None
    return (
        "is not a time: a `when` holds a day, a month, a year, “last week”, “… ago” or another word of time"
    )


def where_problem(value: str, located: Sequence[Located]) -> str | None:
    words = _words(value)
    if not words:
        return None
    if has_time(value):
        return "is a time, not a place: give it as `when`"
    if all(w.casefold() in PARTY_EDGE_WORDS for w in words):
        return "names no place: it is only “" + " ".join(words) + "”"
    if words[-1].casefold() in PARTY_EDGE_WORDS:
        return f"names no place, whole: it ends with “{words[-1]}”"
    wanted = normalise(value)
    for place in located:
        text = place.paragraph.text
        for at in find_words(wanted, text):
            if not (place.start <= at and at + len(wanted) <= place.end):
                continue
            rest = text[at + len(wanted) :]
            following = rest.split()[0] if rest.startswith(" ") and rest.split() else ""
            if not (_capitalised(words[-1]) and following and _capitalised(following)):
                return None
    found = any(find_words(wanted, place.paragraph.text) for place in located)
    if not found:
        return None
    return "names no place, whole: it stops inside the capitalised name it is cut from; write the place whole"


def how_problem(value: str, status_as_written: str) -> str | None:
    words = _words(value)
    if not words:
        return None
    first = words[0].casefold()
    if has_time(value):
        return "is a time, not how: give it as `when`"
    if find_words(normalise(status_as_written), normalise(value), ignore_case=True):
        return f"holds the verb “{status_as_written}” itself: `how` is the manner of it, not the clause"
    participle = words[0].islower() and first.endswith(("ly", "ing", "ed"))  # "conveyed by …", "secretly"
    if first in HOW_OPENINGS or participle:
        if words[-1].casefold() in PARTY_EDGE_WORDS:
            return f"is cut: it ends with “{words[-1]}”"
        return None
    return (
        "is not how it was done: a `how` opens with a preposition or a participle (“in a letter conveyed by …”, "
        "“by sea”)"
    )


def affiliation_problem(person: Person) -> str | None:
    if person.affiliation is None:
        return None
    phrase = normalise(person.as_written)
    affiliation = normalise(person.affiliation)
    spans = [
        (at, at + len(part))
        for part in (normalise(person.name), normalise(person.role or ""))
        if part
        for at in find_words(part, phrase)[:1]
    ]
    places = find_words(affiliation, phrase)
    if not places:
        return None  # `check` says it is not written in the phrase
    if all(any(at < end and start < at + len(affiliation) for start, end in spans) for at in places):
        return (
            "is part of the role or the name in the phrase that names them: an affiliation is a word of its own "
            "there (“Russian” of “Russian President Vladimir Putin”)"
        )
    return None


Forms = Callable[[str], list[str]]


def problems(where: str, item: Fact, located: Sequence[Located], forms: Forms) -> Iterator[tuple[str, str]]:
    """Every field of `item` whose words are not of its kind: (its path, why), for `bot.briefs.check`."""
    if isinstance(item, Dealing):
        items = item.items if isinstance(item, AidFlow) else ()
        parties: list[tuple[str, str]] = (
            [("donor", item.donor), ("recipient", item.recipient)]
            if isinstance(item, AidFlow)
            else [("lender", item.lender), ("borrower", item.borrower)]
            if isinstance(item, Loan)
            else []
        )
        if item.by is not None:
            parties.append(("by", item.by))
        for field, value in parties:
            why = party_problem(value, forms(value), located, items)
            if why is not None:
                yield (f"{where}.{field}", f"“{value}” {why}")
        if isinstance(item, Loan) and party_problem(item.lender, forms(item.lender), located) is None:
            asked = _asked_problem(item, forms(item.lender), located)
            if asked is not None:
                yield (f"{where}.lender", f"“{item.lender}” {asked}")
        if item.when is not None and (why := when_problem(item.when)) is not None:
            yield (f"{where}.when", f"“{item.when}” {why}")
        if item.where is not None and (why := where_problem(item.where, located)) is not None:
            yield (f"{where}.where", f"“{item.where}” {why}")
        if item.how is not None and (why := how_problem(item.how, item.status_as_written)) is not None:
            yield (f"{where}.how", f"“{item.how}” {why}")
    elif isinstance(item, Event):
        if item.when is not None and (why := when_problem(item.when)) is not None:
            yield (f"{where}.when", f"“{item.when}” {why}")
        if item.where is not None and (why := where_problem(item.where, located)) is not None:
            yield (f"{where}.where", f"“{item.where}” {why}")
    elif isinstance(item, Person) and (why := affiliation_problem(item)) is not None:
        yield (f"{where}.affiliation", f"“{item.affiliation}” {why}")
