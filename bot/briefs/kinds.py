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

from bot.briefs import lexicon
from bot.briefs.article import Located, find_words
from bot.briefs.evidence import normalise
from bot.briefs.models import AidFlow, Dealing, Event, Fact, Loan, Person
from bot.briefs.money import NUMBER_WORDS, is_currency_code
from bot.briefs.vocabulary import (
    ASKING_VERBS,
    BODY_NOUNS,
    HOW_OPENINGS,
    LINK_WORDS,
    MEMBER_NOUNS,
    MODIFIER_SUFFIXES,
    ORGANISATION_WORDS,
    PARTY_EDGE_WORDS,
    PERSON_TITLES,
    PLACE_PREPOSITIONS,
    PLACE_SIGNALS,
    PRONOUNS,
    ROLE_QUALIFIERS,
    SPEAKER_PRONOUNS,
    STATUS_VERBS,
    TAKING_VERBS,
    TIME_BOUND_PHRASES,
    TIME_BOUNDS,
    TIME_GLUE,
    TIME_JOINING_WORDS,
    TIME_MODIFIERS,
    TIME_OPENINGS,
    TIME_WORDS,
    TITLE_AND,
    TITLE_JOINS,
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
            for at in place.places_of(form):
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
                    # "lent Estria CHF 9 million": a currency's code before its amount names no one
                    and not (is_currency_code(word_after) and after[1:2] and after[1][:1].isdigit())
                )
                if not joined_before and not joined_after:
                    return None
                run_start = at - len(word_before) - 1 if joined_before else at
                run_end = at + len(form) + 1 + len(word_after) if joined_after else at + len(form)
                cut = cut or text[max(run_start, 0) : run_end].strip()
    return cut


# Small words inside a name: "Norland and Vesta", "Ministry of Defence", "Bank for International Settlements".
_TITLE_WORDS = frozenset(t.casefold() for t in PERSON_TITLES)
_PRONOUN_WORDS = frozenset({*PRONOUNS, *SPEAKER_PRONOUNS})
_NAME_JOINS = frozenset({"and", "of", "the", "for", "&", "de", "del", "la", "le", "van", "von", "al", "bin"})


def _title_part(word: str, first: bool, small: Callable[[str], bool]) -> bool:
    """A word of a title before a name: one that qualifies it ("Former", "acting", ROLE_QUALIFIERS) or a
    capitalised word that is no opening word ("In", "But"), no time ("Monday") and, first in its sentence, not a
    word the article writes small elsewhere."""
    folded = word.casefold()
    if folded in ROLE_QUALIFIERS or folded.rstrip("-") in ROLE_QUALIFIERS:
        return True
    return (
        word[:1].isupper()
        and folded not in PARTY_EDGE_WORDS
        and not has_time(word)
        and not (first and small(word))
    )


def _title_join(words: Sequence[str], at: int, start: int, small: Callable[[str], bool]) -> int | None:
    """Where the title goes on before the small word `words[at]` that stands before the title's words from
    `start`, or None when that word joins no title ("aid to | Mayor Ben Oster", "Ministry of Defense and | Mayor
    Ben Oster": a title of its own after it; "Foreign Minister Yair Lapid and | Defense Minister …": two people)."""
    join = words[at]
    after = words[start].strip(_PUNCTUATION).casefold()
    if join != join.casefold() or after in _TITLE_WORDS or after in ROLE_QUALIFIERS:
        return None
    if join == "the":  # "Chairman of the Joint Chiefs"
        at -= 1
        join = words[at] if at >= 0 else ""
    head = words[at - 1] if at >= 1 else ""
    bare = head.strip(_PUNCTUATION)
    if not bare or head != bare:
        return None
    if join in TITLE_JOINS:  # "Ambassador to | Israel", "Secretary of | Defense", "Bank of | Estria"
        title = bare.casefold() in _TITLE_WORDS
        return at - 1 if title or (join == "of" and _title_part(bare, at - 1 == 0, small)) else None
    if join not in TITLE_AND:
        return None
    run = at  # the capitalised words before "and"
    while (
        run >= 1
        and words[run - 1] == words[run - 1].strip(_PUNCTUATION)
        and _title_part(words[run - 1], run - 1 == 0, small)
    ):
        run -= 1
    if run == at:
        return None
    if (
        run >= 2
        and words[run - 1] in TITLE_JOINS
        and words[run - 2].strip(_PUNCTUATION).casefold() in _TITLE_WORDS
    ):
        return run  # "Minister of Trade and | Industry": what the title is of
    before = {w.strip(_PUNCTUATION).casefold() for w in words[run:at]}
    later: set[str] = set()
    for word in words[start:]:
        folded = word.strip(_PUNCTUATION).casefold()
        if folded in _TITLE_WORDS or folded in ROLE_QUALIFIERS or not _title_part(word, False, small):
            break
        later.add(folded)
    # "Defense Ministry Policy and | Political-Military Bureau …": two parts of a body's name
    if before & ORGANISATION_WORDS and not before & _TITLE_WORDS and later & ORGANISATION_WORDS:
        return run
    return None


def title_start(words: Sequence[str], at: int, small: Callable[[str], bool] = lambda _word: False) -> int:
    """Where the title phrase before `words[at]` (a sentence's words, split at spaces) begins; `at` when none
    stands there. It runs back over capitalised words, the words that qualify a title ("Former Mayor") and the
    small words that join a title's words (TITLE_JOINS, TITLE_AND): "US Secretary of Defense", "Ukrainian
    Ambassador to Israel", "Defense Ministry Policy and Political-Military Bureau Deputy Director". Punctuation,
    a word in small letters, and a first word of the sentence that `small` says the article writes small, end
    it."""
    start = at
    index = at - 1
    while index >= 0:
        word = words[index]
        bare = word.strip(_PUNCTUATION)
        if word != bare:  # "…, Foreign Minister …", "“Oster": punctuation ends what stands before
            break
        if _title_part(bare, index == 0, small):
            start = index
            index -= 1
            continue
        head = _title_join(words, index, start, small)
        if head is None:
            break
        start = head
        index = head - 1
    return start


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
    pronoun = next((w for w in words if w.casefold() in _PRONOUN_WORDS), None)
    if pronoun is not None:
        return (
            f"holds “{pronoun}”, a word for someone named elsewhere: a party is named as the article names "
            "them; the check does not guess whom a pronoun stands for, so quote the words that name who it is"
        )
    if named and _modifier(named[-1]):
        return f"names no one, whole: it ends with “{named[-1]}”, which qualifies the word after it"
    if (
        normalise(value)
        .rstrip(_PUNCTUATION.replace("’", "").replace("'", ""))
        .endswith(("’s", "'s", "’", "'"))
    ):
        return (
            "names whose, not who: it ends on a possessive (“Ukraine’s” of “Ukraine’s defense”); a party is "
            "the name of who gave, received or acted"
        )
    if named and not _capitalised(named[0]):
        if not any(_capitalised(w) for w in named) and named[-1].casefold() in _BODY_WORDS and named != words:
            pass  # "the harbour council": a body's noun after a determiner
        else:
            return (
                f"names no one: it starts with “{named[0]}”, which is no name (“security assistance to "
                "Ukraine”, “provided Ukraine”, “$600 million”); a party is a name (“Norland”, “the Israeli "
                "government”) or a body's noun after “the” (“the harbour council”)"
            )
    inner = [
        w
        for w in named[1:-1]
        if not _capitalised(w) and w.casefold() not in _NAME_JOINS and w.casefold() not in _BODY_WORDS
    ]
    if inner and not all(w.casefold() in _BODY_WORDS for w in named[named.index(inner[0]) + 1 :]):
        return (
            f"names no one, whole: it holds “{inner[0]}”, which is no part of a name (“Boryspil International "
            "Airport outside Kyiv”); a party is a name, whole"
        )
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
    cut = _cut_from_name(value, forms, located) if named and _capitalised(named[0]) else None
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
        for at in place.places_of(verb):
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


_TIME_SINGLE = frozenset(
    part for words in TIME_WORDS for part in words.split() if part not in TIME_GLUE | TIME_MODIFIERS
)
# after one of these and "of", the words name an event: "at the beginning of the Russia-Ukraine war"
_TIME_OF = frozenset({"beginning", "start", "end", "middle", "time", "eve", "height", "outbreak", "course"})


def _time_word(word: str) -> bool:
    folded = word.casefold()
    return (
        folded in _TIME_SINGLE
        or bool(_YEAR.fullmatch(folded))
        or bool(_CLOCK.match(folded))
        or folded in ("a.m", "p.m", "am", "pm")
    )


def _number(word: str) -> bool:
    return word.casefold() in NUMBER_WORDS or bool(re.fullmatch(r"\d+(?:st|nd|rd|th)?", word.casefold()))


def when_problem(value: str, located: Sequence[Located] = ()) -> str | None:
    """Why `value` is not a time, whole, or None. A `when` is the words that say when: time words, numbers and
    the small words between them (`TIME_GLUE`: "on", "the", "last", …), and after an opening word ("during",
    "before", …, or "the beginning of") the event it dates; never what happened, where, or who ("of 50
    countries on Wednesday", "Kyiv yesterday"), and not cut from the time it stands in ("last | week", "three
    months | ago", "the beginning | of the war")."""
    first, _ = _edges(value)
    if not first:
        return None
    bound = _bound_phrase(_words(value))
    if not (has_time(value) or first in TIME_OPENINGS or bound):
        return "is not a time: a `when` holds a day, a month, a year, “last week”, “… ago” or another word of time"
    words = _words(value)
    event = bound > 0  # "no later than Monday", "ahead of Monday's vote": a bound opens it, as "before" does
    for index, word in enumerate(words):
        if index < bound:
            continue
        folded = word.casefold()
        if event:
            continue
        if folded in TIME_OPENINGS or (
            folded == "of" and index > 0 and words[index - 1].casefold() in _TIME_OF
        ):
            event = True
        elif not (_time_word(word) or _number(word) or folded in TIME_GLUE):
            return (
                f"holds “{word}”, which is not of time: a `when` is the words that say when, whole (“on "
                "Wednesday”, “three months ago”), not what happened, where or who; write only the time"
            )
    last = words[-1]
    if last.casefold() in TIME_GLUE | PARTY_EDGE_WORDS or not (event or _time_word(last) or _number(last)):
        return (
            f"is cut: it ends with “{last}”; a `when` ends on its time (“on Wednesday”, “three months ago”)"
        )
    cut = _cut_time(normalise(value), located, event)
    if cut is not None:
        return f"is cut from the time the article writes, “{cut}”: write the time whole"
    return None


def _bound_phrase(words: Sequence[str]) -> int:
    """How many of `words` (a `when`'s, from its start) are a phrase of TIME_BOUND_PHRASES ("no later than"): 0
    when they open with none."""
    folded = [w.casefold() for w in words]
    for phrase in TIME_BOUND_PHRASES:
        size = len(phrase.split())
        if len(folded) > size and " ".join(folded[:size]) == phrase:
            return size
    return 0


def _bound_before(before: Sequence[str]) -> str:
    """The words that end `before` (the words before a time) when they bound it or join it to what comes before:
    a phrase of TIME_BOUND_PHRASES ("no later than"), or "of", "to", "than" with the word before it ("ahead of",
    "Monday to", "earlier than"); "" when they do neither."""
    folded = [w.strip(_PUNCTUATION).casefold() for w in before]
    for phrase in TIME_BOUND_PHRASES:
        size = len(phrase.split())
        if len(folded) >= size and " ".join(folded[-size:]) == phrase and not before[-1].endswith((",", ";")):
            return " ".join(before[-size:])
    if len(before) > 1 and folded[-1] in TIME_JOINING_WORDS and not before[-2].endswith((",", ";", ":", ".")):
        return " ".join(before[-2:])
    return ""


def _cut_time(wanted: str, located: Sequence[Located], event: bool) -> str | None:
    """The time `wanted` is cut out of at every place its evidence writes it ("last | week", "three months |
    ago", "the | beginning of …"), or None when it stands whole somewhere (or is not written at all)."""
    cut: str | None = None
    for place in located:
        text = place.paragraph.text
        for at in place.places_of(wanted):
            before = text[:at].split()
            previous = before[-1] if before and not before[-1].endswith((",", ";", ":", ".")) else ""
            rest = text[at + len(wanted) :]
            following = rest.split()[0].strip(_PUNCTUATION) if rest.startswith(" ") and rest.split() else ""
            bare = previous.strip(_PUNCTUATION)
            bounding = _bound_before(before) if previous else ""
            joined_before = bool(bare) and (
                bare.casefold() in TIME_MODIFIERS | TIME_BOUNDS
                or _number(bare)
                or _time_word(bare)
                or bool(bounding)
            )
            if bounding:
                previous = bounding
            # "on Monday or Tuesday", "in March and April": the time is one of two, told together
            pair = rest.split()[:2] if following else []
            paired = len(pair) == 2 and pair[0] in ("or", "and") and _time_word(pair[1].strip(_PUNCTUATION))
            if paired:
                following = f"{pair[0]} {pair[1].strip(_PUNCTUATION)}"
            joined_after = bool(following) and (
                paired
                or _time_word(following)
                or following.casefold() == "of"
                or (
                    event
                    and following.isalpha()
                    and following.islower()
                    and following not in PARTY_EDGE_WORDS
                )
            )
            if not joined_before and not joined_after:
                return None
            start = at - len(previous) - 1 if joined_before else at
            end = at + len(wanted) + (1 + len(following) if joined_after else 0)
            cut = cut or text[max(start, 0) : end].strip()
    return cut


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
    if "," in value or ";" in value:
        return "names no place, whole: a `where` holds no comma (“in Syria, and has …” goes on with a clause)"
    if not _capitalised(words[-1]) and (_number(words[-1]) or _modifier(words[-1])):
        return f"names no place, whole: it ends with “{words[-1]}”, which qualifies the word after it"
    cut = _cut_phrase(normalise(value), located)
    if cut is not None:
        return f"names no place, whole: it is cut from “{cut}”; write the place whole"
    return None


def _named_alone(name: str, text: str) -> bool:
    """Whether `text` names `name` on its own ("for Israel to send"), not inside a longer name or title
    ("Ambassador to Israel Yevgen Korniychuk")."""
    for at in find_words(name, text):
        after = text[at + len(name) :].split()
        if not (after and _capitalised(after[0]) and not text[at + len(name) :].startswith((",", ";"))):
            return True
    return False


def takes_from(verb: str) -> bool:
    """Whether a status verb's subject is who receives, the giver named after "from" (`TAKING_VERBS`:
    "Estria borrowed $9 million from Norland")."""
    return any(find_words(w, verb, ignore_case=True) for w in TAKING_VERBS)


def _placed_giver(forms: Sequence[str], located: Sequence[Located], giving: Sequence[str] = ()) -> str | None:
    """Why a giver (donor, lender, `by`) is a place, or None: everywhere its evidence writes it, a place's
    preposition stands before it ("at the Boryspil International Airport"): where something happened, not who
    gave it."""
    seen = False
    for place in located:
        text = place.paragraph.text
        for form in forms:
            for at in place.places_of(form):
                before = [w.strip(_PUNCTUATION).casefold() for w in text[:at].split()[-2:]]
                if before and before[-1] in _DETERMINERS:
                    before = before[:-1]
                if not before or before[-1] in giving:
                    return None
                if before[-1] not in PLACE_PREPOSITIONS and before[-1] not in PLACE_SIGNALS:
                    return None
                seen = True
    if not seen:
        return None
    return "is where, not who: the article puts something in it (“at …”, “in …”); a giver is who gives"


def _overlap(item: Dealing, located: Sequence[Located]) -> tuple[str, str, str] | None:
    """Two of a deal's `when`, `how` and `where` that are the same words of the article ("in a letter" of the
    how "in a letter conveyed by …" given as where): one phrase says one thing. (field, value, other field)."""
    given = [(f, v) for f, v in (("how", item.how), ("where", item.where), ("when", item.when)) if v]
    for field, value in given:
        for other, words in given:
            if other == field:
                continue
            if find_words(normalise(value), normalise(words)) and (
                len(value) < len(words) or field == "where"
            ):
                return (field, value, other)
    return None


def overlap_path(where: str, overlap: tuple[str, str, str]) -> tuple[str, str]:
    field, value, other = overlap
    return (
        f"{where}.{field}",
        f"“{value}” is words of the deal's `{other}`: one phrase of the article says one thing (how, where or "
        "when); give it once, in the field it tells",
    )


def _modifier(word: str) -> bool:
    """A word in small letters that qualifies the noun after it and names nothing alone: one the lexicon holds only
    as an adjective ("previous", "high-level"), or a compound it does not hold ("US-led", "Iranian-backed":
    `MODIFIER_SUFFIXES`)."""
    folded = word.casefold()
    return (word.islower() and lexicon.only(folded, "ADJ")) or any(
        folded.endswith(suffix) for suffix in MODIFIER_SUFFIXES
    )


def _cut_phrase(wanted: str, located: Sequence[Located]) -> str | None:
    """The phrase `wanted` is cut out of at every place its evidence writes it, or None when it stands whole
    somewhere (or is not written there): it goes on with a capitalised word ("the Ukraine Defense | Contact
    Group", "by Ukrainian | Ambassador"), a name's "and" or "of" ("Azovstal Iron | and Steelworks"), a noun
    it qualifies ("Security Cabinet | meetings"), or "of" ("a US-led meeting | of 50 countries")."""
    cut: str | None = None
    found = False
    last = wanted.split()[-1] if wanted.split() else ""
    for place in located:
        text = place.paragraph.text
        for at in place.places_of(wanted):
            found = True
            rest = text[at + len(wanted) :]
            after = rest.split()[:2] if rest.startswith(" ") else []
            following = after[0] if after else ""
            bare = following.strip(_PUNCTUATION)
            joined = bool(bare) and (
                (_capitalised(last) and _capitalised(following))
                or (
                    bare in ("and", "of", "&")
                    and following == bare
                    and len(after) > 1
                    and _capitalised(after[1])
                    and _capitalised(last)
                )
                or (bare == "of" and following == bare)
                or (_capitalised(last) and following.startswith(bare) and _continues(bare))
                or (  # "by Ukrainian Ambassador | to Israel Yevgen Korniychuk": a title goes on with its "to"
                    last.casefold() in _TITLE_WORDS
                    and bare == "to"
                    and len(after) > 1
                    and _capitalised(after[1])
                )
            )
            if not joined:
                return None
            cut = cut or text[at : at + len(wanted) + 1 + len(following)].strip()
    return cut if found else None


def _continues(word: str) -> bool:
    """Whether a word in small letters after a capitalised one goes on its phrase as the noun it qualifies
    ("Security Cabinet | meetings"): not a function word or a time, and a noun or a word the lexicon does not
    hold (failing closed), never only a verb or an adverb ("in Mirren sank", "in Estria today")."""
    folded = word.casefold()
    classes = lexicon.word_classes(folded)
    return (
        word.isalpha()
        and word.islower()
        and folded not in PARTY_EDGE_WORDS | TIME_GLUE
        and not _time_word(word)
        and (not classes or "NOUN" in classes)
        and not folded.endswith("ly")
    )


_STATUS_VERB_WORDS = (
    frozenset(word for verbs in STATUS_VERBS.values() for verb in verbs for word in verb.split())
    - PARTY_EDGE_WORDS
    - {"will", "would", "could", "can", "may", "might", "not", "to"}
)
_MONEY = re.compile(r"[$€£¥]|\b(?:million|billion|trillion|bn|loan|loans)\b", flags=re.IGNORECASE)


def how_problem(
    value: str,
    status_as_written: str,
    located: Sequence[Located] = (),
    named: Sequence[str] = (),
) -> str | None:
    """Why `value` is not how a deal was done, or None: a `how` opens with a preposition or a participle ("in a
    letter conveyed by …", "by sea"), and holds no time, no amount, no party of the deal (`named`), no word of
    its own status verb, and no place alone ("in Ukraine" is where); it stands whole."""
    words = _words(value)
    if not words:
        return None
    first = words[0].casefold()
    if has_time(value):
        return "is a time, not how: give it as `when`"
    if find_words(normalise(status_as_written), normalise(value), ignore_case=True):
        return f"holds the verb “{status_as_written}” itself: `how` is the manner of it, not the clause"
    verbs = {w.casefold() for w in _words(status_as_written)} & _STATUS_VERB_WORDS
    held = next((w for w in words if w.casefold() in verbs), None)
    if held is not None:
        return f"holds the verb “{held}” of “{status_as_written}”: `how` is the manner of it, not the clause"
    if _MONEY.search(normalise(value)):
        return "holds the amount or the loan: `how` is the manner of the deal, not what was given"
    party = next((p for p in named if _named_alone(normalise(p), normalise(value))), None)
    if party is not None:
        return f"names “{party}”, a party of the deal: `how` is the manner of it, not who gave or received"
    if first in PLACE_PREPOSITIONS and all(
        _capitalised(w) or w.casefold() in _DETERMINERS for w in words[1:]
    ):
        return "is a place, not how: give it as `where`"
    participle = words[0].islower() and first.endswith(("ly", "ing", "ed"))  # "conveyed by …", "secretly"
    if first in HOW_OPENINGS or participle:
        if words[-1].casefold() in PARTY_EDGE_WORDS:
            return f"is cut: it ends with “{words[-1]}”"
        if len(words) > 1 and words[-1].islower() and words[-1].casefold().endswith("ed"):
            return f"is cut: it ends with “{words[-1]}”, which goes on with what it says"
        if len(words) == 1 and not first.endswith("ly"):
            return f"is cut: “{words[0]}” alone says no manner; write the words it goes on with"
        cut = _cut_phrase(normalise(value), located)
        if cut is not None:
            return f"is cut from “{cut}”; write it whole"
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
            if why is None and field in ("donor", "lender", "by"):
                # "Estria borrowed $9 million from Norland": after a taking verb, "from" names the giver
                taking = takes_from(normalise(item.status_as_written))
                why = _placed_giver(forms(value), located, ("from",) if taking else ())
            if why is not None:
                yield (f"{where}.{field}", f"“{value}” {why}")
        overlap = _overlap(item, located)
        if overlap is not None:
            yield overlap_path(where, overlap)
        if isinstance(item, Loan) and party_problem(item.lender, forms(item.lender), located) is None:
            asked = _asked_problem(item, forms(item.lender), located)
            if asked is not None:
                yield (f"{where}.lender", f"“{item.lender}” {asked}")
        if item.when is not None and (why := when_problem(item.when, located)) is not None:
            yield (f"{where}.when", f"“{item.when}” {why}")
        if item.where is not None and (why := where_problem(item.where, located)) is not None:
            yield (f"{where}.where", f"“{item.where}” {why}")
        named = [v for _, v in parties]
        if (
            item.how is not None
            and (why := how_problem(item.how, item.status_as_written, located, named)) is not None
        ):
            yield (f"{where}.how", f"“{item.how}” {why}")
    elif isinstance(item, Event):
        if item.when is not None and (why := when_problem(item.when, located)) is not None:
            yield (f"{where}.when", f"“{item.when}” {why}")
        if item.where is not None and (why := where_problem(item.where, located)) is not None:
            yield (f"{where}.where", f"“{item.where}” {why}")
    elif isinstance(item, Person) and (why := affiliation_problem(item)) is not None:
        yield (f"{where}.affiliation", f"“{item.affiliation}” {why}")
