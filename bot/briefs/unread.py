"""The words of an evidence sentence the check cannot read, and that could make its fact somebody's claim.

The who-says-so markers and hedges of `bot.briefs.vocabulary` are lists, and a list is never complete: "Norland
sent fuel to Estria, the Vesta Herald reported.", "Officials believe Norland sent fuel.", "Norland apparently sent
fuel." hold no listed word, and were read as plain fact (REVIEW-7 C5). This module fails closed instead: any verb or
adverb of the sentence that no list gives a meaning to is *unread*, and the fact needs an attribution that covers it
(the words of the sentence that say who says so), exactly as a listed marker does. If the article tells the fact as
its own despite the word ("Norland, which borders Estria, sent fuel"), the editor adds the word's base form to
`PLAIN_VERBS` or `PLAIN_ADVERBS` in the vocabulary, once, for every brief.

What counts as a verb or an adverb comes from the lexicon (`bot.briefs.lexicon`), not from a list:
- a word that can only be a verb ("reported", "believes", "wrote", "insists") or only an adverb ("apparently",
  "supposedly");
- a word that can be a noun as well as a verb ("fears", "reports", "claims", "hopes") where it stands as a saying
  verb stands: closing its sentence after a name (", Vesta reports."), or just before "that", "whether" or "if"
  ("Reports that Norland …", "Vesta fears that …"), where even as a noun it puts what follows in someone's mouth.
Words inside quotation marks are someone's words already (a quote needs its speaker anyway), and are not read.

What a verb can mean comes from WordNet (`lexicon.verb_senses`): a verb none of whose senses is one of telling,
thinking, seeing or feeling (`TELLING_VERB_SENSES`: "walked", "won", "ended") cannot say who says so or hedge and
needs no attribution; one whose telling is a minor sense (`NARRATIVE_VERBS`: "withdrew", "released") counts only
where a saying verb stands, as a word of both classes does. Both stay unread for `undoing_words`: they may still
undo a giving ("…, then withdrew it"). A verb WordNet does not hold fails closed, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from bot.briefs import lexicon, vocabulary

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Words that, just after a word of both classes, make it a saying verb or an embedding noun.
_EMBEDDING_WORDS: Final = frozenset({"that", "whether", "if"})
_WHOSE_OPENING = re.compile(
    r"(?:In|By|To|From|For)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+(?:['’]s|s['’])\s+(?P<noun>[a-z]+)\s*,"
)
_RELATIVE_WORDS: Final = frozenset({"which", "who", "whom", "whose", "that"})
_DETERMINERS: Final = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "these", "those"})
# Words before a word of both classes that make it a noun ("the reports", "its claims", "two hopes").
_NOUN_MAKERS: Final = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these", "those"}
    | {"such", "no", "any", "some", "many", "few", "several", "of", "for", "with", "by", "in", "on", "and"}
)


# Prepositions, conjunctions and adverbs of time, place and degree: the lexicon holds many as adverbs, and none
# can make a fact somebody's claim.
_FUNCTION_WORDS: Final = frozenset(
    [
        "at",
        "of",
        "to",
        "for",
        "on",
        "with",
        "from",
        "per",
        "via",
        "despite",
        "during",
        "like",
        "unlike",
        "in",
        "as",
        "by",
        "between",
        "across",
        "beyond",
        "when",
        "where",
        "while",
        "about",
        "after",
        "before",
        "over",
        "under",
        "out",
        "up",
        "down",
        "off",
        "through",
        "around",
        "along",
        "against",
        "among",
        "amid",
        "within",
        "without",
        "into",
        "onto",
        "upon",
        "toward",
        "towards",
        "here",
        "there",
        "so",
        "too",
        "very",
        "more",
        "most",
        "less",
        "least",
        "even",
        "only",
        "however",
        "also",
        "once",
        "twice",
        "again",
        "ago",
        "away",
        "back",
        "together",
        "yet",
        "thus",
        "instead",
        "rather",
        "since",
        "until",
        "now",
        "later",
        "earlier",
        "soon",
        "today",
        "tonight",
        "tomorrow",
        "yesterday",
        "then",
        "than",
        "just",
        "almost",
        "above",
        "below",
        "behind",
        "inside",
        "outside",
        "near",
        "far",
        "forward",
        "ahead",
        "first",
        "last",
        "further",
        "well",
        "much",
        "how",
        "why",
        "whenever",
        "wherever",
        "otherwise",
    ]
)


def _words_of(groups: Iterable[Iterable[str]]) -> frozenset[str]:
    return frozenset(word.casefold() for group in groups for phrase in group for word in phrase.split())


# Words the vocabulary gives a meaning to, each read by its own rule: a marker, a modal, a negation … Only a marker of
# one word counts: "believed" of "is believed to" is no plain word where the rest is missing ("officials believed").
_KNOWN: Final[frozenset[str]] = frozenset(
    word.casefold()
    for group in (
        vocabulary.ATTRIBUTION_MARKERS,
        vocabulary.HEDGE_MARKERS,
        vocabulary.ASKING_VERBS,
        vocabulary.PASSIVE_AUXILIARIES,
        vocabulary.MODAL_WORDS,
        vocabulary.VERB_ADVERBS,
        vocabulary.NOT_YET_WORDS,
        vocabulary.PLAN_WORDS,
        vocabulary.NEGATIONS,
        vocabulary.ALMOST_WORDS,
        vocabulary.SOURCELESS_MARKERS,
    )
    for word in group
    if " " not in word
) | _words_of(  # a status phrase is read whole by the status rule; a particle verb only with its particle
    [
        verb
        for verb in verbs
        if tuple(verb.split()) not in vocabulary.STATUS_PARTICLE_VERBS
        and verb not in vocabulary.UNDONE_STATUS_FORMS
    ]
    for verbs in vocabulary.STATUS_VERBS.values()
)


def _plain(word: str, word_class: lexicon.WordClass, plain: frozenset[str]) -> bool:
    folded = word.casefold()
    return folded in plain or any(lemma.casefold() in plain for lemma in lexicon.lemmas(folded, word_class))


def _may_tell(word: str) -> bool:
    """Whether a verb can say who says so or hedge by what it means: some sense of it is a verb of communication,
    cognition, perception or emotion in WordNet (`vocabulary.TELLING_VERB_SENSES`: "maintains", "reckons",
    "tweeted" (a bird's), "appears"), or WordNet does not hold it and the check fails closed. "walked", "won",
    "ended" cannot: no sense of theirs tells or thinks anything."""
    senses = lexicon.verb_senses(word)
    return not senses or bool(senses & vocabulary.TELLING_VERB_SENSES)


def _quoted(text: str) -> list[tuple[int, int]]:
    marks = [at for at, character in enumerate(text) if character == '"']
    return list(zip(marks[::2], marks[1::2], strict=False))


def _closing(sentence: str, matches: list[re.Match[str]], index: int, *, tail: bool = False) -> bool:
    """Whether the word at `index` closes its sentence as a saying verb closes it: last, after a short stretch of
    its own since the last comma, semicolon or dash, with no verb in it (", the Vesta Herald reports.", ", officials
    fear."); "Norland sent Estria fuel." and "…, at the beginning of the war." are not. With `tail`, a few words
    with no verb may follow it: whom or when it was said to (", Vesta asked reporters.", ", Vesta asked on
    Tuesday.")."""
    match = matches[index]
    rest = sentence[match.end() :].strip(" .!?\"')")
    after = [m.group() for m in matches[index + 1 :]]
    told_to = tail and 0 < len(after) <= 3 and not re.search(r"[,;:]", rest)
    if told_to and any(lexicon.may_be(word, "VERB") and not lexicon.may_be(word, "NOUN") for word in after):
        told_to = False
    if rest and not rest.startswith(",") and not told_to:
        return (
            False  # last, or closing a parenthetical ("Norland, the paper hopes, sent …"), or told to someone
        )
    cut = max(sentence.rfind(mark, 0, match.start()) for mark in (",", ";", "—", "–", ":"))
    if cut < 0:
        return False
    stretch = [m.group() for m in matches[:index] if m.start() > cut]
    # a stretch opened by a preposition is a setting; by a relative word, a clause about a name ("which Estria backs")
    if not stretch or len(stretch) > 5 or stretch[0].casefold() in _FUNCTION_WORDS | _RELATIVE_WORDS:
        return False
    return not any(
        lexicon.may_be(word, "VERB") and not lexicon.may_be(word, "NOUN") and not lexicon.may_be(word, "ADJ")
        for word in stretch
    )


@lru_cache(maxsize=4096)
def unread_words(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """Each verb or adverb of `sentence` (normalised) that no vocabulary list reads, with its offsets."""
    return tuple((word, start, end) for word, start, end, _, tells in _unread(sentence) if tells)


def undoing_words(sentence: str, after: int, outside: Iterable[tuple[int, int]] = ()) -> tuple[str, ...]:
    """The unread verbs of `sentence` (normalised) from offset `after` on that stand where no saying verb stands:
    what the sentence goes on to do with a giving it has told ("…, which was later seized", "…; Vesta recalled
    it"). A done status fails closed on them: a list of undoing words is never complete, and an attribution
    covering such a word makes the undoing someone's claim, never the giving done all the same. A word inside one
    of the spans `outside` (a purpose clause whose verb tells of something else: `check._purpose_spans`) is left
    out."""
    spans = tuple(outside)
    return tuple(
        word
        for word, start, _, saying, _ in _unread(sentence)
        if start >= after
        and not saying
        and lexicon.may_be(word, "VERB")
        and not any(a <= start < b for a, b in spans)
    )


@lru_cache(maxsize=4096)
def _unread(sentence: str) -> tuple[tuple[str, int, int, bool, bool], ...]:
    """`unread_words`, each with whether it stands as a saying verb or a whose-view opening stands, and whether
    it may say who says so or hedge at all (`_may_tell`): a verb that cannot ("ended") is still unread, and may
    undo a giving (`undoing_words`), but needs no attribution."""
    quoted = _quoted(sentence)
    matches = [m for m in _WORD.finditer(sentence) if not any(a < m.start() < b for a, b in quoted)]
    unread: list[tuple[str, int, int, bool, bool]] = []
    # "In Vesta's view, …", "To Oster's knowledge, …", "By the navy's account, …": an opening that puts the whole
    # sentence in someone's mind or mouth through a noun, whatever the noun
    opening = _WHOSE_OPENING.match(sentence)
    if opening and opening["noun"] not in vocabulary.PLAIN_OPENING_NOUNS:
        unread.append((opening["noun"], opening.start("noun"), opening.end("noun"), True, True))
    for index, match in enumerate(matches):
        word = match.group()
        folded = lexicon.bare(word).casefold()
        if _plain(folded, "VERB", vocabulary.CLOSING_SAYING_VERBS) and _closing(
            sentence, matches, index, tail=True
        ):
            # ", Vesta asked." and ", Vesta's minister posted." put the sentence in Vesta's mouth, as ", Vesta
            # said." does (HOSTILE-12 Q2, H6)
            unread.append((word, match.start(), match.end(), True, True))
            continue
        if folded in _KNOWN or folded in _FUNCTION_WORDS or folded.endswith("n't"):
            continue
        following = lexicon.bare(matches[index + 1].group()).casefold() if index + 1 < len(matches) else ""
        if (folded, following) in vocabulary.STATUS_PARTICLE_VERBS:
            continue  # "turned down", "handed over": a status verb, read whole by the status rule
        if _opens_marker(sentence, match.start()):
            continue  # "…, according to Vesta.": a listed marker, which the attribution rules read
        classes = lexicon.word_classes(folded)
        stem_senses = lexicon.stem_verb_senses(word) if not classes else frozenset()
        if stem_senses & vocabulary.TELLING_VERB_SENSES or (
            not classes
            and not stem_senses
            and word[:1].islower()
            and _closing(sentence, matches, index)
            and not _apposition_noun(matches, index)
        ):
            # a verb too new for the lexicon, of a verb that tells ("…, Vesta blogged."), or one WordNet lacks
            # too, closing the sentence as a saying verb does ("…, Vesta texted."): fail closed
            unread.append((word, match.start(), match.end(), True, True))
            continue
        if not classes or "AUX" in classes:
            continue
        if classes <= {"VERB", "AUX"}:
            if not _plain(folded, "VERB", vocabulary.PLAIN_VERBS):
                # closing a sentence, only a verb of saying or thinking says who says so: "…, a shipment since
                # impounded." closes as ", officials believe." does
                claiming = _plain(folded, "VERB", vocabulary.CLAIMING_VERBS)
                saying = (_closing(sentence, matches, index) and claiming) or _before_embedding(
                    matches, index
                )
                # a verb whose telling is a minor sense ("withdrew", "released") tells only where a saying
                # verb stands; one with no sense of telling ("walked") never does
                tells = _may_tell(folded) and (
                    not _plain(folded, "VERB", vocabulary.NARRATIVE_VERBS)
                    or _stands_as_saying(sentence, matches, index, between_names=False)
                )
                unread.append((word, match.start(), match.end(), saying, tells))
        elif classes == {"ADV"} or (classes <= {"ADJ", "ADV"} and _before_verb(sentence, matches, index)):
            # an adjective (or a word that is an adjective as well) just before a verb stands as an adverb
            # ("Norland likely sent", "Norland likelier sent", HOSTILE-12 H1): read there as the adverbs are
            if not _plain(folded, "ADV", vocabulary.PLAIN_ADVERBS):
                unread.append((word, match.start(), match.end(), False, True))
        elif (
            "VERB" in classes
            and (index == 0 or word[:1].islower())
            and not _plain(folded, "VERB", vocabulary.PLAIN_VERBS)
            and _stands_as_saying(
                sentence, matches, index, between_names=not _plain(folded, "VERB", vocabulary.NARRATIVE_VERBS)
            )
            and _may_tell(folded)
        ):
            unread.append((word, match.start(), match.end(), True, True))
    return tuple(unread)


def _stands_as_saying(
    sentence: str, matches: list[re.Match[str]], index: int, *, between_names: bool = True
) -> bool:
    """Whether the word at `index` stands where a saying verb stands, so that a word that is mostly something else
    (a noun, "reports", "fears"; a verb whose telling is a minor sense, "protested", `NARRATIVE_VERBS`) puts
    the fact in someone's mouth or mind there: before a passive's "to have"/"to be" ("is supposed to have sent"),
    closing the sentence after a name (", Vesta reports."), just before "that", "whether" or "if" ("Vesta fears
    that …"), or, unless `between_names` is False, between a name and a clause ("Vesta suspects Norland sent …"):
    a verb that is mostly done to something ("Vesta released the prisoners") is read without that last place,
    which its object would stand in."""
    word = matches[index].group()
    after = matches[index + 1].group().casefold() if index + 1 < len(matches) else ""
    before = matches[index - 1].group().casefold() if index else ""
    # "the reports that …" and "sent fuel that …" hold a noun: the determiner, the verb before it says so
    object_or_noun = before in _NOUN_MAKERS or (bool(before) and lexicon.only(before, "VERB"))
    # "Vesta suspects Norland sent …", "Vesta fears the navy sent …": after a name, before a clause
    previous = matches[index - 1].group() if index else ""
    after_word = matches[index + 1].group() if index + 1 < len(matches) else ""
    clause_after_name = (
        between_names
        and word[:1].islower()
        and previous[:1].isupper()
        and not previous.endswith(("'s", "’s"))
        # "an Israeli strike", "Iranian targets"; but "Few think Norland …" is a quantifier's thinking
        and (not lexicon.may_be(previous, "ADJ") or previous.casefold() in vocabulary.QUANTIFIER_SUBJECTS)
        and (after_word[:1].isupper() or after in _DETERMINERS)
    )
    # "Satellite images show Norland sent …", "Vesta's figures show …": a plain form after a plural noun is that
    # noun's verb (HOSTILE-16 F13), as after a name
    clause_after_plural = (
        between_names
        and word[:1].islower()
        and not word.casefold().endswith("s")
        and previous[:1].islower()
        and previous.casefold().endswith("s")
        and before not in _NOUN_MAKERS
        and lexicon.may_be(previous, "NOUN")
        and (after_word[:1].isupper() or after in _DETERMINERS)
    )
    # "Norland is supposed to have sent …": a passive of saying or believing before "to have"/"to be"
    passive = (
        before in vocabulary.PASSIVE_AUXILIARIES
        and after == "to"
        and index + 2 < len(matches)
        and matches[index + 2].group().casefold() in ("have", "be")
    )
    # "…, and the deal collapsed.", "…; the navy withdrew.": after a conjunction or a semicolon, a verb mostly done
    # to something closes a clause of its own
    cut = max(sentence.rfind(mark, 0, matches[index].start()) for mark in (",", ";", "—", "–", ":"))
    joined = not between_names and (
        sentence[cut : cut + 1] == ";"
        or sentence[cut + 1 :].split()[:1] in (["and"], ["but"], ["then"], ["yet"])
    )
    return (
        passive
        or (_closing(sentence, matches, index) and not _apposition_noun(matches, index) and not joined)
        or (after in _EMBEDDING_WORDS and not object_or_noun)
        or clause_after_name
        or clause_after_plural
    )


# The listed markers of more than one word ("according to", "a source familiar with"), case-folded.
_PHRASE_MARKERS: Final = tuple(
    m.casefold() for m in (*vocabulary.ATTRIBUTION_MARKERS, *vocabulary.HEDGE_MARKERS) if " " in m
)


def _opens_marker(sentence: str, start: int) -> bool:
    """Whether a listed marker of more than one word starts at `sentence[start]`, ending at a word's end."""
    rest = sentence[start:].casefold()
    return any(rest.startswith(m) and not rest[len(m) : len(m) + 1].isalpha() for m in _PHRASE_MARKERS)


def _before_verb(sentence: str, matches: list[re.Match[str]], index: int) -> bool:
    """Whether the word at `index` stands just before a word in small letters that can be nothing but a verb, with
    only a space between: "likely sent", not "likely, sent"."""
    if index + 1 >= len(matches):
        return False
    following = matches[index + 1]
    return (
        not sentence[matches[index].end() : following.start()].strip()
        and following.group()[:1].islower()
        and lexicon.only(following.group(), "VERB")
    )


def _apposition_noun(matches: list[re.Match[str]], index: int) -> bool:
    """Whether the word at `index` is the noun of a phrase a determiner opens, past adjectives only ("…, a
    neighbour.", "…, its closest ally."): a closing apposition, not who says so, unless the noun makes the
    sentence a story or a claim ("…, a claim.", `FRAMING_NOUNS`)."""
    if matches[index].group().casefold() in vocabulary.FRAMING_NOUNS:
        return False
    at = index - 1
    while (
        at >= 0
        and "ADJ" in (classes := lexicon.word_classes(matches[at].group()))
        and classes <= {"ADJ", "ADV"}
    ):
        at -= 1
    return at >= 0 and at < index and matches[at].group().casefold() in _DETERMINERS


def _before_embedding(matches: list[re.Match[str]], index: int) -> bool:
    """Whether the word at `index` opens what someone thinks or says: "…, Vesta believes that …"."""
    return index + 1 < len(matches) and matches[index + 1].group().casefold() in _EMBEDDING_WORDS


def unplain_words(text: str) -> tuple[str, ...]:
    """The words of `text` (an attribution) that may be a verb, or are adverbs, no list reads: what lets it say who
    says so or hedge when it holds no listed marker ("the Vesta Herald reported", "apparently")."""
    found: list[str] = []
    opening = _WHOSE_OPENING.match(text.rstrip(" ,") + ",")  # "To Oster's knowledge"
    if opening and opening["noun"] not in vocabulary.PLAIN_OPENING_NOUNS:
        found.append(opening["noun"])
    for match in _WORD.finditer(text):
        folded = lexicon.bare(match.group()).casefold()
        if folded in _KNOWN or folded in _FUNCTION_WORDS:
            continue
        classes = lexicon.word_classes(folded)
        verb = (
            "VERB" in classes
            and "AUX" not in classes
            and not _plain(folded, "VERB", vocabulary.PLAIN_VERBS)
            and _may_tell(folded)
        )
        adverb = classes == {"ADV"} and not _plain(folded, "ADV", vocabulary.PLAIN_ADVERBS)
        if verb or adverb:
            found.append(match.group())
    return tuple(found)


# A year, a number or an ordinal ("2026", "1990s", "3rd") reads as a time in an opening.
_NUMBER = re.compile(r"\d[\d,.]*(?:s|st|nd|rd|th)?")
_LABEL = re.compile(r"\s*(?P<label>[^,;:\"“”‘’()\[\]]+?)\s*:\s+\S")
_TIME_READ: Final = (
    frozenset(word for phrase in vocabulary.TIME_WORDS for word in phrase.split())
    | vocabulary.SETTING_TIME_WORDS
)
_PLACE_NOUNS: Final = vocabulary.PLAIN_OPENING_NOUNS | vocabulary.PLACE_NAME_WORDS
_HEAD_NOUNS: Final = _PLACE_NOUNS | vocabulary.ORGANISATION_WORDS | vocabulary.STATE_ORGAN_NOUNS


def _read_setting(lead: str, words: list[str]) -> bool:
    """Whether `words` (as written, after the opening's `lead`) are a time or, after "in", a place the check reads:
    each word a time word, a number, a word joining them, or after "in" a capitalised name or a place noun."""
    readable = common = False
    for word in words:
        bare = word.strip(".,;:!?\"'“”‘’()[]")
        folded = bare.casefold()
        name = re.sub(r"['’]s$|s['’]$", "", folded)
        if folded.startswith("mid-"):  # "In mid-March"
            folded = folded[4:]
        if folded in _TIME_READ or _NUMBER.fullmatch(folded):
            readable = True
        elif folded in vocabulary.TIME_GLUE:
            continue  # "the", "of", "and", "early" … ("In The Game" holds no name)
        elif lead in vocabulary.PLACE_LEADS and bare[:1].isupper() and _name(name):
            readable = True  # "In Estria", "In Mirren Harbour", "In Estria's harbour"
        elif lead in vocabulary.PLACE_LEADS and name in _PLACE_NOUNS:
            readable = True  # "In the north", "At the quay"
        elif bare[:1].isupper() and lead in vocabulary.PLACE_LEADS:
            common = True  # "Security" of "In the Security Cabinet", "Novel" of "In the Vesta Novel"
        else:
            return False
    if common:  # a capitalised common word names a place or a body only before one's head noun
        head = re.sub(r"['’]s$|s['’]$", "", words[-1].strip(".,;:!?\"'“”‘’()[]").casefold())
        return _name(head) or head in _HEAD_NOUNS
    return readable


_PLACE_WORDS_FOLDED: Final = frozenset(
    word.casefold()
    for country, names in vocabulary.PLACE_NAMES.items()
    for name in (country, *names)
    for word in name.split()
)


def _name(folded: str) -> bool:
    """Whether a capitalised word names a place or a body by itself: the lexicon holds no common word for it
    ("Estria", "Mirren"), or the vocabulary names it as a place ("Kyiv", "Kingdom")."""
    return not lexicon.word_classes(folded) or folded in _PLACE_WORDS_FOLDED


@lru_cache(maxsize=4096)
def framing_opening(sentence: str) -> tuple[str, int, int] | None:
    """The words that open `sentence` (normalised) before its fact and that may frame it as a story, a plan, a
    label or someone's view, with their offsets: an opening led by one of FRAMING_LEADS up to the first comma that
    is no time or place the check reads ("In the novel", "Under the plan", "For Vesta", "As Vesta sees it"), or a
    short label before a colon ("Rumour", "Vesta's version"). None when the sentence opens with neither. Failing
    closed, the fact then needs an attribution that covers the opening (HOSTILE-12 H5, H7, H8)."""
    label = _LABEL.match(sentence)
    if label and len(label["label"].split()) <= vocabulary.LABEL_RUN and not telling(label["label"]):
        return label["label"], label.start("label"), label.end("label")
    comma = sentence.find(",")
    opening = sentence[:comma] if comma != -1 else sentence
    words = opening.split()
    if len(words) < 2 or words[0].casefold() not in vocabulary.FRAMING_LEADS:
        return None
    subject = _subject_at(words) if words[0].casefold() != "as" else None  # "As Vesta sees it": a view
    if subject is not None:  # "In March Norland sent fuel …", "In the novel Norland sent …": no comma ends it
        words = words[:subject]
        opening = " ".join(words)
    elif comma == -1:
        return None
    if len(words) < 2:
        return None
    folded = [lexicon.bare(word).casefold() for word in words[1:]]
    if not set(folded) & vocabulary.PLAN_NOUNS and (
        _read_setting(words[0].casefold(), words[1:]) or _plain_opening(folded)
    ):
        return None
    start = len(sentence) - len(sentence.lstrip())
    return opening.strip(), start, start + len(opening.strip())


_ASIDE = re.compile(r",\s*(?P<phrase>[^,;:\"“”()]+?)\s*(?=,)")


def framing_asides(sentence: str) -> list[tuple[str, int, int]]:
    """The phrases set off by commas inside `sentence` (normalised) that would frame its fact as an opening
    does (`framing_opening`): "Norland, in the novel, sent …", "…, as the rumour has it, sent …". Their fact
    needs an attribution covering them, as an opening's does (a frame closing the sentence, "… in a dream.", is
    read by the status rule: `UNDOING_AFTER`)."""
    found: list[tuple[str, int, int]] = []
    for match in _ASIDE.finditer(sentence):
        phrase = match["phrase"]
        if phrase.casefold().startswith(vocabulary.ASIDE_LINKS):
            continue  # "Vesta, as opposed to Norland, sent …": a comparison, read by the donor rule
        framed = framing_opening(f"{phrase}, x")
        if framed is not None and framed[0] == phrase.strip():
            found.append((phrase.strip(), match.start("phrase"), match.start("phrase") + len(phrase.strip())))
    return found


def telling(words: str) -> bool:
    """Whether `words` before a colon tell something themselves ("Norland sent three things: …", "Oster said: …"):
    a verb, which a label ("Rumour", "Headline in the Vesta Herald") does not hold."""
    for match in _WORD.finditer(words):
        folded = lexicon.bare(match.group()).casefold()
        classes = lexicon.word_classes(folded)
        if (folded in _KNOWN and "VERB" in classes) or (classes and classes <= {"VERB", "AUX"}):
            return True
    return False


def _subject_at(words: list[str]) -> int | None:
    """The index of the name that starts a clause in an opening's words (a name, then a verb: "In March |
    Norland sent fuel", "At the port | Norland has unloaded"), within `LABEL_RUN` words of its lead; None when
    there is none (the opening is a phrase up to its comma: "In Vesta's version of events")."""
    for index in range(1, min(len(words) - 1, vocabulary.LABEL_RUN + 1)):
        bare = lexicon.bare(words[index])
        folded = bare.casefold()
        if not bare[:1].isupper() or folded in _TIME_READ or not _name(folded):
            continue
        after = lexicon.bare(words[index + 1]).casefold()
        classes = lexicon.word_classes(after)
        if (after in _KNOWN and "VERB" in classes) or (classes and classes <= {"VERB", "AUX"}):
            return index
    return None


_SKIPPED_BEFORE_HEAD: Final = vocabulary.TIME_GLUE | vocabulary.BEFORE_OPENING_HEAD


def _plain_opening(folded: list[str]) -> bool:
    """Whether an opening's words after its lead (folded) link or measure the article's own telling: its first
    word past determiners, possessives and adjectives is one of PLAIN_OPENING_WORDS ("a result", "its part", "a
    rare move", "response to the storm")."""
    for word in folded:
        if word in vocabulary.PLAIN_OPENING_WORDS or (
            word in _TIME_READ and word not in vocabulary.TIME_GLUE
        ):
            return True  # "As a result", "For the second year"
        if word in _SKIPPED_BEFORE_HEAD or word.endswith(("'s", "s'")) or lexicon.only(word, "ADJ"):
            continue
        return False
    return False


def plan_opening(sentence: str) -> str | None:
    """The framing opening of `sentence` (normalised) when a noun of it makes what follows a plan ("Under the plan",
    "In the leaked draft deal"): a giving told after it is not done. None otherwise."""
    opening = framing_opening(sentence)
    if opening is None:
        return None
    words = {word.strip(".,;:!?\"'“”‘’()").casefold() for word in opening[0].split()}
    return opening[0] if words & vocabulary.PLAN_NOUNS else None


def saying_verbs(text: str) -> tuple[str, ...]:
    """The words of `text` (an attribution) that are verbs of `CLOSING_SAYING_VERBS` ("Vesta asked", "Vesta's
    minister posted"): what lets it say who says so though no marker list holds them."""
    return tuple(
        m.group()
        for m in _WORD.finditer(text)
        if _plain(lexicon.bare(m.group()), "VERB", vocabulary.CLOSING_SAYING_VERBS)
    )


_NAME = r"[A-Z][\w'.&-]*(?:\s+(?:[A-Z][\w'.&-]*|of|the|and|for|&))*"
_END = r"(?=[\s.!?\"')\]]*$)"
_VIEW_PREPOSITIONS = "|".join(re.escape(p).replace("\\ ", r"\s+") for p in vocabulary.VIEW_PREPOSITIONS)
# Who says so, named with no verb (HOSTILE-12 H6): the phrase, and in the group `core` what an attribution must hold.
_UNMARKED_SOURCES: Final = (
    # ", per Vesta.", "per the ministry": not "per cent", "per year" (`_source_phrase`)
    re.compile(
        rf"\b(?P<core>{vocabulary.PER_SOURCE}\s+(?:(?:the|a|an|its|their|his|her|one|some)\s+)?[\w'-]+"
        r"(?:\s+[A-Z][\w'.&-]*)*)"
    ),
    # "(source: Vesta)", "sources: Vesta officials"
    re.compile(
        rf"\b(?P<core>(?:{'|'.join(vocabulary.SOURCE_LABELS)})\s*:\s*[^,;:()]*[^\s,;:().!?])", re.IGNORECASE
    ),
    # ", by Vesta's count.", ", in Vesta's view.": a possessive's noun, set off at the sentence's end
    re.compile(
        rf",\s*(?P<core>(?:{_VIEW_PREPOSITIONS})\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?[\w-]+(?:'s|s')\s+"
        rf"(?P<noun>[a-z]+)(?:\s+[a-z]+)?){_END}"
    ),
    # "… by Vesta's account.", "… by some accounts.": with no comma, only a noun of view or count (VIEW_NOUNS), not
    # "… by Vesta's ship." (HOSTILE-16 F13)
    re.compile(
        rf"\s(?P<core>by\s+(?:the\s+)?(?:(?:[\w-]+\s+){{0,3}}?[\w-]+(?:'s|s'|’s|s’)|(?P<bare_quantifier>[a-z]+))\s+"
        rf"(?:own\s+)?(?P<bare_noun>[a-z]+)){_END}"
    ),
    # ", by some estimates.", ", by one estimate.", ", in one account."
    re.compile(
        rf",\s*(?P<core>(?P<preposition>{_VIEW_PREPOSITIONS})\s+(?P<quantifier>[a-z]+)\s+(?P<noun>[a-z]+)"
        rf"(?:\s+[a-z]+)?){_END}"
    ),
    # " (Vesta Herald)." and " - Vesta." closing the sentence: a name alone in brackets or after a dash
    re.compile(rf"\((?P<core>{_NAME})\){_END}"),
    re.compile(rf"\s[-\u2013\u2014]+\s*(?P<core>{_NAME}){_END}"),
    # ", Vesta Herald.": a name alone after a comma, after a word in small letters or an amount (not "to Oster,
    # Estria", a place and its country: `_source_phrase`)
    re.compile(rf"(?P<before>\S+),\s*(?P<core>{_NAME}){_END}"),
    # "what Vesta calls $9 million": the amount is Vesta's word
    re.compile(
        rf"\b(?P<core>what\s+(?:[\w'-]+\s+){{0,4}}?(?:{'|'.join(vocabulary.NAMING_VERBS)}))\b", re.IGNORECASE
    ),
)


@lru_cache(maxsize=4096)
def unmarked_sources(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """Each phrase of `sentence` (normalised) that names who says so with no saying verb, with its offsets: ", per
    Vesta.", "(source: Vesta)", ", by Vesta's count.", ", by some estimates.", " (Vesta Herald).", " - Vesta.",
    ", Vesta Herald.", "what Vesta calls" (HOSTILE-12 H6). Its fact needs an attribution that holds the phrase.
    Outside quotation marks only."""
    quoted = _quoted(sentence)
    found: dict[tuple[int, int], str] = {}
    for pattern in _UNMARKED_SOURCES:
        for match in pattern.finditer(sentence):
            start = match.start("core")
            core = match["core"].rstrip(".")  # a name's last dot is the full stop ("- Vesta.")
            if any(a < start < b for a, b in quoted) or not _source_phrase(match):
                continue
            found.setdefault((start, start + len(core)), core)
    spans = sorted(found)
    return tuple(
        (found[(a, b)], a, b)
        for a, b in spans
        if not any((c, d) != (a, b) and c <= a and b <= d for c, d in spans)
    )


_RENAMED_RUN = (
    4  # words of a noun phrase before its determiner: "a shipyard in the north", "his Vestan counterpart"
)
_POSSESSIVE_DETERMINERS: Final = _DETERMINERS | frozenset({"our", "my", "your", "that", "another"})


def _outlet(name: str) -> bool:
    """Whether `name` is a publication's: a news agency's, or ending on an outlet's word ("Vesta Herald")."""
    words = name.rstrip(".").split()
    return bool(words) and (
        name.rstrip(".") in vocabulary.NEWS_AGENCY_NAMES or words[-1].casefold() in vocabulary.OUTLET_WORDS
    )


def _renamed(sentence: str, end: int) -> bool:
    """Whether the words of `sentence` ending just before `end` (at the comma's word) are a noun phrase a
    determiner or a possessive opens ("its neighbour", "his Vestan counterpart", "a shipyard in the north",
    "Vesta's neighbour"), which a name after the comma renames (REPORT-reader17 finding 2), not a claim closed
    by who says so ("$9 million, Vesta Herald."). A verb or a comma on the way back ends the phrase."""
    for word in reversed(sentence[:end].split()[-_RENAMED_RUN:]):
        bare = word.strip("\"'()“”‘’").casefold()
        if bare in _POSSESSIVE_DETERMINERS or bare.endswith(("'s", "’s", "s'", "s’")):
            return True
        classes = lexicon.word_classes(bare)
        if word.endswith((",", ";", ":")) or not bare or (classes and classes <= {"VERB", "AUX"}):
            return False
    return False


def _source_phrase(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    core = match["core"]
    if "bare_noun" in groups:
        quantifier = groups["bare_quantifier"]
        if quantifier is not None and quantifier not in vocabulary.VIEW_QUANTIFIERS:
            return False
        return groups["bare_noun"] in vocabulary.VIEW_NOUNS
    if "quantifier" in groups:
        if groups["quantifier"] not in vocabulary.VIEW_QUANTIFIERS:
            return False
        return groups["preposition"].casefold() != "in" or groups["noun"] in vocabulary.VIEW_NOUNS
    if "before" in groups:
        return (
            not groups["before"][:1].isupper()
            and not all(w.casefold() in vocabulary.RELATIVE_TIME_WORDS for w in core.rstrip(".").split())
            and (_outlet(core) or not _renamed(match.string, match.start("before")))
        )
    if "noun" in groups:
        return groups["noun"] not in vocabulary.PLAIN_OPENING_NOUNS
    words = core.split()
    if words[0] == vocabulary.PER_SOURCE:
        return len(words) > 1 and (words[1][:1].isupper() or words[1] in _DETERMINERS | {"one", "some"})
    # a name alone that is a time is when, not who ("…, Monday.")
    return not all(w.casefold() in vocabulary.RELATIVE_TIME_WORDS for w in words)
