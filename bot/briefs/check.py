"""The evidence check: every value a reader sees is bound to the article's words.

Each rule yields a `Problem` naming the item and the field (`loans[2].lender`) and the words it
expected, and every rule runs: an editor sees every error at once. A passed check returns the
`BriefProof` the answers and the Quote view show. The rules, in the order they run:

- a passage is at least `MIN_PASSAGE_WORDS` words, whole words, of one paragraph;
- a sentence with a who-says-so or hedge marker (`vocabulary`) needs an `attribution` verbatim in it
  that covers its last attribution marker and every hedge;
- a sentence told in an account needs the attribution of that account: one closed by its source at the
  end of its paragraph (`_closing_marker`: ", a senior diplomatic source said.", ", said a harbour
  official, who …", ", Oster told reporters on Tuesday.", ", according to …"), or opened by its source
  in an earlier sentence of its paragraph (`_opened_by`: "Oster said it …", "Oster said: …"), up to a
  sentence with its own attribution or one that is the article's own (`article_own`);
- names, roles, affiliations, donors, recipients, lenders, borrowers, items, places, times and
  speakers are verbatim (at word boundaries) in the item's evidence, or a declared alias is;
- a person's role and affiliation come from the phrase that names them (`as_written`);
- an amount and its currency are read from `as_written` by `money.parse_money`; the lender, the
  borrower, the status verb and the word "loan" stand in the amount's clause, or (the parties and
  "loan" only) in the sentence's first clause when the item says `reading = true`;
- a status agrees with the verb the article uses (`status_as_written`), negations included;
- who gives stands before who receives, or after the "by" of a passive (`passive_agent`);
- a quote's speaker is named in its attribution; the headline is the article's; credits are credits;
- nothing is turned round by a cut: no passage or event heading starts just after the negation it leaves
  out, no amount leaves out its scale or currency; a `where` is a place a preposition puts something in;
  an event is no expectation; an alias never renames a country's own names; an account's source is a
  `source`, and a source names someone (issue 10, fourth reading).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import itertools
import logging
import re
from collections.abc import Callable, Collection, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, Literal

from bot.briefs import facts, kinds, lexicon
from bot.briefs.article import (
    MIN_PASSAGE_WORDS,
    Article,
    Located,
    Paragraph,
    Span,
    asks,
    find_words,
    word_count,
)
from bot.briefs.evidence import normalise
from bot.briefs.models import (
    AidFlow,
    Alias,
    Brief,
    Credit,
    Dealing,
    Event,
    Fact,
    KeyPoint,
    Loan,
    Person,
    Quote,
)
from bot.briefs.money import (
    DOLLARS,
    NUMBER_WORDS,
    QUALIFIERS,
    MoneyError,
    amount_cut,
    amount_left_out,
    format_number,
    parse_money,
)
from bot.briefs.proof import BriefProof, ItemProof, PassageProof
from bot.briefs.unread import (
    framing_asides,
    framing_opening,
    plan_opening,
    saying_verbs,
    telling,
    undoing_words,
    unmarked_sources,
    unplain_words,
    unread_words,
)
from bot.briefs.vocabulary import (
    ABOUT_THE_ACCOUNT,
    ACCOUNT_GIVING_VERBS,
    ACCOUNT_NOUNS,
    AID_KIND_WORDS,
    ALIAS_LINKS,
    ALL_OR_NONE_WORDS,
    ALMOST_WORDS,
    ARRIVING_VERBS,
    ASKING_TO,
    ASKING_VERBS,
    ATTRIBUTION_MARKERS,
    AVOIDING_WORDS,
    BACK_REFERENCES,
    BODY_NOUNS,
    CAPITAL_NOUNS,
    CLAIMING_VERBS,
    CLAUSE_WORDS,
    CLOSING_SAYING_VERBS,
    CO_PARTY_NOUNS,
    CO_PARTY_PHRASES,
    COMPARED_NEGATIVES,
    CONDITION_CONJUNCTIONS,
    CONDITION_WORDS,
    CONTRAST_POINTING_BACK,
    CONTRAST_WORDS,
    CORRECTING_WORDS,
    CORRECTION_LABELS,
    CREDIT_LINE_WORDS,
    CREDIT_SHAPES,
    CREDIT_SMALL_WORDS,
    CREDIT_STAFF_WORDS,
    CREDIT_WORDS,
    CUT_ENDINGS,
    DECIDING_STATUSES,
    DEMONSTRATIVES,
    DEMONYM_ENDINGS,
    DENIAL_WORDS,
    DENYING_WORDS,
    DEPARTING_VERBS,
    DESCRIBED_ACCOUNT_NOUNS,
    DETERMINED_PERSON_NOUNS,
    DOUBTING_ADJECTIVES,
    EVENT_AWAY_WORDS,
    EVENT_CLAUSE_SUBJECTS,
    EVENT_PHRASE_STOPS,
    EVENT_SUBJECT_NOUNS,
    EVENT_VALUE_QUALIFIERS,
    EXCEPTING_WORDS,
    EXPECTATION_WORDS,
    FALSITY_ADVERBS,
    FALSITY_WORDS,
    FORWARD_ENDINGS,
    FORWARD_WORDS,
    FRAMING_NOUNS,
    FUTURE_FROM_WORDS,
    FUTURE_TIME_WORDS,
    GIVING_ACT_VERBS,
    GIVING_NOUNS,
    GIVING_OR_GETTING,
    GOING_ON,
    GOING_TO_VERBS,
    HAVING_READ,
    HEADING_ACCOUNT,
    HEADING_COMING,
    HEADING_FALSITY,
    HEADING_GENRES,
    HEADING_OTHERS_PHRASES,
    HEADING_OTHERS_WORDS,
    HEADING_SMALL_WORDS,
    HEADING_SUPPOSING,
    HEADING_TELLING_VERBS,
    HEADING_WHOSE_ACCOUNT,
    HEADLINE_DENIALS,
    HEADLINE_SUPPOSING,
    HEDGE_MARKERS,
    HEDGED_DOUBTS,
    HELPING_VERBS,
    IMAGINING_OBJECTS,
    IMAGINING_VERBS,
    INVERTED_AUXILIARIES,
    KEY_POINT_OPENERS,
    LINK_WORDS,
    LOAN_LIGHT_VERBS,
    LOAN_NOUNS,
    LOAN_OBJECT_WORDS,
    LOAN_SUBJECT_WORDS,
    MEANS_SENSES,
    MEMBER_NOUNS,
    MODAL_WORDS,
    MONEY_WORDS,
    NAME_PARTICLES,
    NAME_RUN_BODY_WORDS,
    NAMING_NO_ONE,
    NEGATED_COMPARISONS,
    NEGATING_OTHERS,
    NEGATION_EXCEPTIONS,
    NEGATION_REACH,
    NEGATIONS,
    NEGATIVE_ADVERBIALS,
    NEGATIVE_INVERSIONS,
    NEGATIVE_OTHERS,
    NEGATIVE_TAILS,
    NEWS_AGENCY_NAMES,
    NOBODY_SUBJECTS,
    NONE_BUT_WORDS,
    NONE_WORDS,
    NOT_CONDITIONS,
    NOT_LOAN_WORDS,
    NOT_POINTING_OPENINGS,
    NOT_YET_WORDS,
    OPENING_MARKERS,
    ORDINAL_WORDS,
    ORGANISATION_WORDS,
    OTHER_KIND_WORDS,
    OTHERWISE_WORDS,
    PART_PAID_LINKS,
    PART_PAID_VERBS,
    PART_SHARES,
    PARTY_BODY_NOUNS,
    PARTY_EDGE_WORDS,
    PASSIVE_AUXILIARIES,
    PERSON_NOUN_DETERMINERS,
    PERSON_NOUN_PLURALS,
    PERSON_NOUN_PRONOUNS,
    PERSON_NOUNS,
    PERSON_SLOT_WORDS,
    PERSON_TITLES,
    PLACE_NAME_WORDS,
    PLACE_NAMES,
    PLACE_OPENINGS,
    PLACE_OWNED_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_SIGNALS,
    PLAIN_COMPLEMENTS,
    PLAN_WORDS,
    PLEDGE_LEMMAS,
    POINTING_BACK,
    POINTING_BACK_WORDS,
    POINTING_ON_DETERMINERS,
    POINTING_ON_OPENINGS,
    POINTING_PRONOUNS,
    POSSIBLE_MODALS,
    PRESENT_DONE_FORMS,
    PRONOUN_TITLES,
    PRONOUNS,
    QUANTIFIER_SUBJECTS,
    REASON_MARKERS,
    RECEIVING_PREPOSITIONS,
    RECEIVING_VERBS,
    REJECTING_VERBS,
    RELATING_PARTICIPLES,
    RELATIVE_GIVING_PREPOSITIONS,
    RELATIVE_OPENERS,
    RELATIVE_PREPOSITIONS,
    RELATIVE_TAKING_PREPOSITIONS,
    RELATIVE_TIME_WORDS,
    RELATIVE_WORDS,
    REPAYING_WORDS,
    REPORTING_VERBS,
    REQUEST_NOUNS,
    RETRACTING_WORDS,
    ROLE_ENDING_VERBS,
    ROUTE_WORDS,
    SAME_PERSON_WORDS,
    SAYING_VERBS,
    SENSE_PARTICLES,
    SETTING_PREPOSITIONS,
    SOURCELESS_MARKERS,
    SPEAKER_PRONOUNS,
    SPEAKING_PRONOUNS,
    STAGED_SETTINGS,
    STATE_ORGAN_NOUNS,
    STATUS_VERBS,
    SUM_FOCUS_WORDS,
    SUPPOSING_QUESTION_WORDS,
    SUPPOSING_WORDS,
    TAIL_WORDS,
    TELLING_FALSE,
    TELLING_VERBS,
    TENSED_CONDITIONS,
    TIME_GLUE,
    TIME_MODIFIERS,
    TIME_OPENINGS,
    TIME_WORDS,
    TO_GOVERNORS,
    TO_HAVE_READ,
    UNDOING_AFTER,
    UNDOING_LATER,
    UNDOING_NEXT,
    UNDOING_PARTICLE_VERBS,
    UNDOING_SENSES,
    UNDONE_LATER_WORDS,
    UPDATE_LABELS,
    VERB_ADVERBS,
    VIEW_NOUNS,
    WAITING_WORDS,
    WEAKENING_TAILS,
    WH_WORDS,
    AttributionRole,
    Status,
)

LOAN_WORDS = (
    "loan",
    "loans",
    "lend",
    "lent",
    "lending",
    "lends",
    "loaned",
    "loaning",
    "borrowed",
    "borrowing",
    *(form for lemma in ("lend", "loan", "borrow") for form in lexicon.verb_forms(lemma)),  # "borrows"
)
# For developers: the unread words that refused a fact, which may belong in a vocabulary list (never an editor's job)
_log = logging.getLogger(__name__)
# Words between a denying word and the loan word it denies: "not as a loan", "rather than any loan".
_DENIED_THROUGH = frozenset({"a", "an", "as", "the", "any", "one"})


_STATEMENT_OPENING = re.compile(r"^\s*(?:That\s|It\s+(?:is|was|seems|remains|appears)\s+\w+)")
_CLAUSE_ENDING = re.compile(
    r"[,;:()—–]|\s(?:which|who|whom|whose|that|where|when|and|but|or|while|because|as|after|before|since|until"
    r"|if|though|although)\s",
    re.IGNORECASE,
)
_COPULA = re.compile(r"\b(?:is|was|are|were|remains|seems|appears)\b", re.IGNORECASE)


def _inside_statement(text: str, sentence_start: int, verb_start: int, verb_end: int) -> str | None:
    """How a giving's sentence tells it as other than done, or None (HOSTILE-13 D1–D3, K1–K6): the giving is a
    clause that another predicate judges ("That Norland sent fuel … is untrue", "Norland sent fuel … is
    nonsense", "It is possible Norland sent …"), or what should, was meant to or failed to be done ("ought to
    have sent", "was to have lent"). Fails closed: the check does not read what the other predicate says."""
    before = text[sentence_start:verb_start]
    # a hedge or a saying the attribution rules read ("It is unclear whether", "is said to have") is theirs
    marked = [(a, b) for _, a, b in _markers_needing_attribution(text[sentence_start:])]
    opening = _STATEMENT_OPENING.match(before)
    if opening is not None and not any(a < len(before) for a, _ in marked):
        return f"inside the statement its sentence opens with (“{opening.group().strip()} …”)"
    had = re.search(r"(\w+)\s+to\s+have\s+(?:\w+\s+)?$", before)
    passive_report = (
        had is not None
        and had[1].casefold().endswith("ed")
        and before[: had.start()].split()[-1:] in (["is"], ["are"], ["was"], ["were"])
    )  # "is supposed to have sent": an unlisted verb of saying or doubt, which the attribution rules ask for
    if (
        had is not None
        and had[1].casefold() not in TO_HAVE_READ
        and not passive_report
        and not any(a <= had.start() < b for a, b in marked)
    ):
        return f"as what “{had.group().strip()}” it, which may never have been done"
    having = re.search(r"(\w+)\s+having\s+$", before)
    if (
        having is not None
        and having[1].casefold() not in HAVING_READ
        and not any(a <= having.start() < b for a, b in marked)
    ):
        return f"as what “{having.group().strip()}” it, which may never have been done"
    if re.search(r"\b(?:that|which|who|whom)\b", before, re.IGNORECASE):
        return None  # "The fuel that Norland sent to Estria was cheap": the verb is a relative clause's
    own = _CLAUSE_ENDING.split(text[verb_end:], maxsplit=1)[0]
    copula = _COPULA.search(own)
    if copula is not None:
        return f"as the subject of “{own[copula.start() :].strip(' .!?')}”, which judges the giving"
    return None


@dataclasses.dataclass(frozen=True)
class _NotDone:
    """How a frame tells something as other than done (`_Checker._not_told_done`): its kind ("inside",
    "doubted", "framed", "negated", "false", "staged", "conditional", "planned", "coming", "undoing", "unread"), the words that read so, and for "doubted" the next
    sentence that does."""

    kind: str
    words: str
    sentence: str = ""


# "… $90 million to rebuild the port", "… fuel to Estria to restart the ferries": a purpose infinitive after the
# giving's object; not after a comma or "only" ("…, only to recall it"), nor a passive or a linking verb ("… to be
# seized": its subject is the item)
_PURPOSE_TO = re.compile(r"(?<![,;:—–])(?<!\bonly)\s+to\s+(?P<verb>[a-z]+)\b")
_PURPOSE_NOT: Final = frozenset({"be", "have", "get", "become", "see", "find", "watch", "let"})
# a relative clause on the purpose's object (", which a storm wrecked in May", ", where the ferries dock")
_RELATIVE_ON = re.compile(r",\s*(?:which|where|whose|who)\b[^,;:—–]*")
_BACK_POINTERS: Final = frozenset({"it", "them", "itself", "themselves", "this", "these", "those", "back"})


def _purpose_spans(text: str, after: int, items: Sequence[str]) -> list[tuple[int, int]]:
    """The spans of `text` (a giving's sentence) from `after` on that tell what the giving is for, not what became
    of it (REPORT-reader17 finding 5): a purpose infinitive after the giving's object ("… $90 million to rebuild
    the ferry harbour at Port Mirren") with any relative clause on its object (", which a storm wrecked two weeks
    ago"). Its verb's subject is the giver or the receiver and its object something else, so it does not undo the
    giving, whatever the verb; the span ends at the next clause of the sentence (", then recalled it" is read as
    before). A span that points back to the giving or names an item ("to sell it on", "to return the fuel") is
    none: its verb may tell what became of it."""
    spans: list[tuple[int, int]] = []
    item_words = {w.casefold() for item in items for w in re.findall(r"[A-Za-z]{3,}", item)}
    for match in _PURPOSE_TO.finditer(text, after):
        verb = match["verb"]
        if verb in _PURPOSE_NOT or verb not in lexicon.lemmas(verb, "VERB"):
            continue  # "to Estria", "to be seized": no verb's base form
        close = re.search(r"[,;:—–]|\s(?:and|but|then|or|yet|so)\s|[.!?]?$", text[match.end() :])
        end = match.end() + (close.start() if close else len(text) - match.end())
        while (relative := _RELATIVE_ON.match(text, end)) is not None:
            end = relative.end()
        words = {w.casefold() for w in re.findall(r"[A-Za-z']+", text[match.start() : end])}
        if words & (_BACK_POINTERS | item_words):
            continue
        spans.append((match.start(), end))
    return spans


def _told_against(paragraph: Paragraph, start: int, end: int, after: str) -> _NotDone | None:
    """How the giving's own sentence tells the verb at `start`–`end` other than done, whatever attribution covers
    the words (HOSTILE-16 F1, F4, F11): a negative adverbial or subject in its clause ("Not once has Norland sent
    …", "Norland hardly sent …", "Nobody thinks Norland sent …"; `NEGATIVE_ADVERBIALS`) or a denial set off after
    it ("…, or rather it did not.", "… - or not."); a word anywhere in the sentence that calls it false, a joke or
    a fiction ("Vesta's false claim that …", "…, a Vesta parody site said."; `TELLING_FALSE`); a condition or an
    unfinished deal before the verb in its clause or after it in its sentence (`after`: "Subject to approval,
    …", "… pending a vote", "… in a draft deal"; `CONDITION_WORDS`). A negation of another clause is another
    verb's ("…, which has no refinery.", "…, not food, …"), and is left to the status rule."""
    sentence = next((s for s in paragraph.sentences if s.start <= start < s.end), None)
    if sentence is None:
        return None
    text = paragraph.text
    # the verb itself is no word of its frame ("provided" is a status verb before it is a condition)
    blanked = text[:start] + " " * (end - start) + text[end:]
    clauses = paragraph.clauses(sentence)
    index = next((i for i, c in enumerate(clauses) if c.start <= start < c.end), 0)
    own = _part_of(text, clauses[index], start)
    opening = own.start
    while index > 0 and opening == clauses[index].start and _verbless(clauses[index - 1].text):
        index -= 1  # "Subject to approval, Norland sent …", "Not once, …": an opening with no verb of its own
        opening = clauses[index].start
    # a relative clause is another verb's: "…, which never asked for it", "…, where winters are hardly mild"
    rest = _RELATIVE_ASIDE.sub(" ", blanked[end : sentence.end])
    core = blanked[opening:end] + " " + _SET_OFF.split(rest, maxsplit=1)[0]
    core = _without_affirming_but(core)  # "No one but Norland sent …": Norland sent it (HOSTILE-16 W4)
    negative = _words_of_list(core, NEGATIVE_ADVERBIALS, NEGATIVE_OTHERS)
    negative += [m.group() for m in [_NOT_ONE_OF.search(core)] if m]
    inverted = _NEGATIVE_INVERSION.match(blanked[opening:start].lstrip(' “"‘'))
    negative += [inverted.group().strip()] if inverted else []
    if any(find_words(w, core, ignore_case=True) for w in NEGATED_COMPARISONS):
        # "Never before has Norland sent so much fuel …": done, and more than before
        negative = [
            w
            for w in negative
            if w.casefold() not in COMPARED_NEGATIVES and w != (inverted and inverted.group().strip())
        ]
    negative += _words_of_list(rest, NEGATIVE_TAILS, ())
    negative += [m.group() for m in [_DENIED_TAIL.search(rest)] if m]
    if negative:
        return _NotDone("negated", negative[0])
    whole = blanked[sentence.start : sentence.end]
    false = [
        w
        for w in TELLING_FALSE
        if any(
            not (w == "ironically" and whole[:at].strip(' “"‘') == "")  # "Ironically, …" comments on it
            for at in find_words(w, whole, ignore_case=True)
        )
    ]
    if false:
        return _NotDone("false", false[0])
    staged = _staged_setting(whole)
    if staged is not None:
        return _NotDone("staged", staged)
    conditions = _words_of_list(blanked[opening:start] + " … " + after, CONDITION_WORDS, NOT_CONDITIONS)
    inverted = _INVERTED_CONDITION.search(after) or _BARE_PROVIDED.search(after)
    conditions += [inverted.group().strip()] if inverted else []
    # "… once the port reopens" in the giving's own clause; "Once the port opens, …" opening its sentence
    opening_clause = blanked[sentence.start : clauses[index].start] if index > 0 else ""
    tensed = _tensed_condition(_SET_OFF.split(after, maxsplit=1)[0]) or _tensed_condition(opening_clause)
    conditions += [tensed] if tensed else []
    if conditions:
        return _NotDone("conditional", conditions[0])
    return None


# A setting that stages what its sentence tells (`STAGED_SETTINGS`): "in the drill", "in a naval exercise", "in
# Vesta's new film", "as part of a war game"; up to two words between the determiner and the noun. Not "during",
# which only dates: what happens during a film or a drill ("A fire broke out during the play.") happens.
_STAGED = re.compile(
    r"(?<![\w-])(?:(?:late|early|later|earlier)\s+)?(?i:in|as\s+part\s+of)\s+"
    r"(?:the|a|an|this|that|its|their|his|her|one|[A-Z][\w-]*(?:'s|’s))\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(" + "|".join(sorted((re.escape(w) for w in STAGED_SETTINGS), key=len, reverse=True)) + r")"
    r"(?![\w-])(?!\s+(?:of|for)\b)"
)


def _staged_setting(sentence: str) -> str | None:
    """The words of `sentence` that set what it tells inside a drill, an exercise, a film, a game, a dream or a
    scenario (`STAGED_SETTINGS`), or None: "A ferry sank off Mirren on Monday in the drill.", "Norland sent fuel
    to Estria in the exercise." did not happen. "in the exercise of its rights", "in a play for influence" and
    "late in the game" stage nothing."""
    for match in _STAGED.finditer(sentence):
        if not re.match(r"(?:late|early|later|earlier)\b", match.group()):
            return match.group()
    return None


# Auxiliaries that tell the clause they stand in as present or to come, or as past.
_PRESENT_AUXILIARIES = frozenset(
    {"is", "are", "am", "has", "have", "does", "do", "can", "will", "shall", "may", "must"}
)
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did", "could", "would", "might", "should"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our"}
)
_SUBJECT_PRONOUNS = frozenset({"it", "they", "we", "you", "i", "he", "she"})


def _tensed_condition(text: str) -> str | None:
    """The words of `text` (a clause of the giving) that condition it by a conjunction of time whose clause is told
    in the present or to come (`TENSED_CONDITIONS`: "once the port reopens", "as soon as they can"), or None: the
    clause's first verb tells its tense ("as soon as the port reopened", "once it could": a date, not a
    condition). A clause whose verb the check cannot find ("once again", "at once") conditions nothing."""
    for conjunction in TENSED_CONDITIONS:
        for at in find_words(conjunction, text, ignore_case=True):
            if re.search(r"\b(?:at|for|all)\s*$", text[:at], flags=re.IGNORECASE):
                continue  # "at once", "for once", "all at once"
            if any(_verb_of_its_own(w) for w in text[:at].split()):
                continue  # "… $90 million to be repaid once the port reopens": the repaying's condition
            words = re.split(r"\s+", text[at + len(conjunction) :].strip())
            previous = ""
            for count, raw in enumerate(words[:8], 1):
                word = lexicon.bare(raw).casefold()
                if not word or raw.startswith("…"):
                    break
                tense = _tense_of(word, previous)
                if tense == "present":
                    return f"{conjunction} {' '.join(words[:count])}".strip(" ,.;:")
                if tense == "past" or re.search(r"[,;:.!?—–]$", raw):
                    break
                previous = word
    return None


def _verb_of_its_own(raw: str) -> bool:
    """Whether a word is an auxiliary or can only be a verb, or an adjective of what is to be done
    ("repayable"): a clause of another verb, between a giving and what conditions it."""
    word = lexicon.bare(raw).casefold()
    return bool(word) and (
        "AUX" in lexicon.word_classes(word) or lexicon.only(word, "VERB") or word.endswith("able")
    )


def _tense_of(word: str, previous: str) -> str | None:
    """The tense `word` tells after `previous` in a clause, "present", "past" or None (not known, no verb): an
    auxiliary, a form ending in -ed or a past of its own ("came") is past; a third-person form ("reopens") or a
    form that can only be a verb ("arrive") is present. The word after a determiner is its noun ("the talks")."""
    if word in _PRESENT_AUXILIARIES:
        return "present"
    if word in _PAST_AUXILIARIES:
        return "past"
    if previous in _DETERMINERS or not lexicon.may_be(word, "VERB"):
        return None
    bases = set(lexicon.lemmas(word, "VERB"))
    if word.endswith("ing") or (word.endswith(("en", "wn")) and word not in bases):
        return None
    if word.endswith("ed") or (bases and word not in bases and not word.endswith("s")):
        return "past"
    if word.endswith("s") and bases & {word[:-1], word[:-2], word[:-3] + "y"}:
        return "present"
    if word in bases and (previous in _SUBJECT_PRONOUNS or lexicon.only(word, "VERB")):
        return "present"
    return None


def _verbless(text: str) -> bool:
    """Whether a clause holds no word that can only be a verb nor an auxiliary: an opening ("Subject to approval")."""
    words = [lexicon.bare(w) for w in text.split()]
    return bool(words) and not any(
        "AUX" in lexicon.word_classes(w) or lexicon.only(w, "VERB") for w in words if w
    )


def _words_of_list(text: str, listed: Sequence[str], others: Sequence[str]) -> list[str]:
    """The phrases of `listed` written in `text`, once the phrases of `others` (which deny or condition something
    else: "a few", "as if") are taken out."""
    for phrase in others:
        text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text, flags=re.IGNORECASE)
    return [w for w in listed if find_words(w, text, ignore_case=True)]


# A relative clause set off by a comma, to its next comma: another verb's words.
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whom|whose|where)\b[^,;:—–]*", re.IGNORECASE)
# Where the giving's clause gives way to a phrase set off after it: "…, a claim nobody could verify."
_SET_OFF = re.compile(r"[,;:—–()]|\s-\s")
# A correction set off after the giving that denies it: "…, or rather it did not."
_DENIED_TAIL = re.compile(r"\bor\s+rather\b[^.;!?]*?\b(?:not|n't|never|no|none|nothing)\b", re.IGNORECASE)
# A negative opening before an inverted auxiliary and its subject: "Little has Norland …", "Only rarely did …".
_NEGATIVE_INVERSION = re.compile(
    r"(?:"
    + "|".join(re.escape(w) for w in NEGATIVE_INVERSIONS)
    + r")\b(?:\s+[a-z]+){0,2}?\s+(?:"
    + "|".join(sorted(INVERTED_AUXILIARIES))
    + r")\s+(?:[A-Z][\w-]*|it|they|he|she|we)\b",
    re.IGNORECASE,
)
# None of the item: "Not a drop of fuel was sent …", "Norland sent not one tanker of fuel …".
_NOT_ONE_OF = re.compile(r"\bnot\s+(?:even\s+)?(?:a|an|one|a\s+single)\s+[\w-]+\s+of\b", re.IGNORECASE)
# A condition told by inversion after the giving: "… had Estria asked", "… should Estria ask", "… were Estria to
# ask"; a possessive ("had Vesta's backing") is no subject.
_CONDITION_SUBJECT = r"(?:[A-Z][\w-]*\b(?![’']s)|it|they|he|she|we|you|the\s+\w+)"
_INVERTED_CONDITION = re.compile(
    rf"\b(?:had|should)\s+{_CONDITION_SUBJECT}\s+[a-z][\w-]*|\bwere\s+{_CONDITION_SUBJECT}\s+to\b"
)
# "provided" or "providing" opening a condition without "that": before a subject and its verb in the present
# ("… provided the port opens", "…, providing it can"), not after an auxiliary ("has provided the ships").
_BARE_PROVIDED = re.compile(
    r"(?<!\bhas\s)(?<!\bhad\s)(?<!\bhave\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
    r"\b(?:provided|providing)\s+(?:(?:the|its|their|a|an)\s+[\w-]+|it|they|he|she|we|you|[A-Z][\w-]*)"
    r"\s+(?:[a-z][\w-]*[^s\W]s|is|are|was|were|has|have|can|will|would|does|do|did|could|may|must)\b"
)


def _sentence_before(paragraph: Paragraph, at: int) -> str:
    """The words of the sentence standing at `at` in `paragraph`, up to `at`."""
    sentence = next((s for s in paragraph.sentences if s.start <= at < s.end), None)
    return paragraph.text[sentence.start if sentence is not None else 0 : at]


def _doubted_after(
    paragraph: Paragraph,
    sentence_end: int,
    items: Sequence[str],
    next_paragraph: Paragraph | None = None,
    *,
    done: bool = True,
    parties: Sequence[str] = (),
    giving: str = "",
    paragraphs: Sequence[Paragraph] = (),
    verb: str = "",
    attributed: Sequence[str] = (),
) -> tuple[str, str] | None:
    """The first sentence after a giving's, in the rest of its paragraph (else the next paragraph's opening), that
    denies, doubts, asks, corrects or undoes it (`_doubting_sentence`: "That is false.", "Or did it?", "In fact,
    Vesta sent it.", "It was all a drill.", "The fuel never arrived.", "Estria thanked Norland. But the fuel had
    never left port."): None when there is none. `parties` are the giving's giver and receiver (their forms),
    `giving` its kind ("aid" or "loan"). A sentence that holds one of `attributed` (the fact's attributions: "The
    claim could not be independently verified.", given as its hedge) is shown with the fact, and is read only for
    what tells the giving undone, false or denied (`_attributed_doubt`). With `done` False (a pledge, a plan, a request), only a correction, a
    fragment or a word of falsity takes it back. Past those, the rest of the article (`paragraphs`: every later
    sentence, and a correction or update line anywhere) is read more narrowly (`_taken_back_later`; `verb` the
    giving's status verb). Returns the sentence and the words that read so."""
    following = [s for s in paragraph.sentences if s.start >= sentence_end]
    if not following and next_paragraph is not None and next_paragraph.sentences:
        # "… to Estria.\n\nThat report was false.": a paragraph that opens by pointing back goes on about it, and
        # so does one that opens with an item ("The fuel never arrived.") past a contrast ("But …", "However, …")
        first = next_paragraph.sentences[0]
        lead = re.sub(r"^(?:(?:but|yet|however)[\s,]+)+", "", first.text, flags=re.IGNORECASE).split()[:1]
        if {w.strip(_PUNCTUATION).casefold() for w in lead} & POINTING_BACK_WORDS or _opens_with_item(
            first.text, items
        ):
            following = [first]
        else:
            # one that opens on another subject and calls something it points to untrue ("Vesta says none of
            # it is true."): read for falsity only, since such a paragraph mostly goes on to other news
            words = {w.strip(_PUNCTUATION).casefold() for w in first.text.split()}
            false = sorted(words & _STRICT_FALSITY)
            if false and words & POINTING_BACK_WORDS:
                return first.text, f"“{false[0]}”, of what it points back to"
            # … or names a party of the giving and points back ("Estria never got it."): read as a later sentence
            # that names one is, for the listed words; another giving of theirs ("Norland did not send nets.")
            # points to nothing before it, and an item named there is mostly another story's ("“We are ready for the
            # ferries,” said …") and is not read as pointing back
            raw = first.text.split()
            # "that" points back where a clause opens, not as a conjunction ("Vesta denied that Oster sent tugs.")
            points = {
                w.strip(_PUNCTUATION).casefold()
                for i, w in enumerate(raw)
                if w.strip(_PUNCTUATION).casefold() != "that" or i == 0 or raw[i - 1].endswith(",")
            }
            # … or denies the item ("Estria denies receiving any fuel."), not another giving of it ("Norland did
            # not send fuel either.")
            denied = any(find_words(w, first.text, ignore_case=True) for w in DENIAL_WORDS) and any(
                find_words(normalise(i), first.text, ignore_case=True) for i in items if i
            )
            if (points & POINTING_PRONOUNS or denied) and any(
                find_words(normalise(name), first.text, ignore_case=True) for name in parties if name
            ):
                # read for the listed words only: a party's verb of getting or giving negated ("Estria never got
                # it."), a denial or a falsity, an undoing
                gets = any(set(lexicon.lemmas(w, "VERB")) & GIVING_OR_GETTING for w in words if w)
                listed = [*FALSITY_WORDS, *UNDOING_NEXT, *((*NEGATIONS, *NONE_WORDS) if gets else ())]
                undoing = [w for w in listed if find_words(w, first.text, ignore_case=True)]
                undoing += particle_undoings(first.text)
                if undoing and done:
                    return first.text, f"“{undoing[0]}”"
    for number, sentence in enumerate(following):
        if _attributed(sentence.text, attributed):
            undone = _attributed_doubt(sentence.text, items, parties)
            if undone is not None:
                return sentence.text, undone
            continue
        found = _doubting_sentence(
            sentence.text,
            items,
            next_one=number == 0,
            done=done,
            parties=parties,
            giving=giving,
            given=_sentence_before(paragraph, sentence_end - 1),
        )
        if found is not None:
            return sentence.text, found
    if paragraphs:
        return _taken_back_later(
            paragraphs,
            paragraph,
            sentence_end,
            items,
            done=done,
            parties=parties,
            verb=verb,
            attributed=attributed,
        )
    return None


# Nouns that refer back to a giving or a report of it after a determiner ("the shipment", "the report", "the money").
_BACK_NOUNS: Final = POINTING_BACK_WORDS - POINTING_PRONOUNS - {"such", "none", "neither", "or", "so"}
# Determiners before a word of an item or a noun of the giving that point back to it ("the fuel", "none of the
# fuel", "that shipment"); "no" denies it ("No fuel reached Estria.").
_BACK_DETERMINERS: Final = ("the", "this", "that", "these", "those", "its", "their", "no")
# A line that labels itself a correction or an update ("Correction: …", "UPDATE — …", "Editor's note: …").
_LABELLED_LINE = re.compile(r"^\W*((?:editor['’]s\s+)?[a-z]+)\s*[:—–-]", re.IGNORECASE)
# Small words that open a sentence, which the lexicon does not hold: a capitalised first word that is none of these
# nor a word it knows is a name ("Norland has not provided the money.").
_CLOSED_OPENINGS: Final = (
    HEADING_SMALL_WORDS
    | POINTING_PRONOUNS
    | NONE_WORDS
    | set(PRONOUNS)
    | {
        "every",
        "but",
        "if",
        "though",
        "although",
        "because",
        "unless",
        "whether",
        "or",
        "so",
        "not",
        "who",
        "what",
    }
)
# Verbs of receiving (base forms): a party named with one of these negated has not got the giving.
_RECEIVING_BASES: Final = frozenset({"receive", "get", "obtain"})


def _line_label(text: str) -> str | None:
    """The kind of label `text` opens with, "correction" or "update" (`CORRECTION_LABELS`, `UPDATE_LABELS`), or
    None."""
    found = _LABELLED_LINE.match(text)
    label = found[1].casefold() if found is not None else ""
    if label in CORRECTION_LABELS:
        return "correction"
    return "update" if label in UPDATE_LABELS else None


def _item_words(items: Sequence[str]) -> list[str]:
    """The words of `items` that may name them alone ("fuel", "vests" of "protective vests", "aid" of "several
    planeloads of humanitarian aid"): nouns the lexicon knows, of three letters or more."""
    words = {lexicon.bare(w).casefold() for item in items for w in normalise(item).split()}
    return sorted(
        w for w in words if len(w) > 2 and lexicon.may_be(w, "NOUN") and w not in HEADING_SMALL_WORDS
    )


def _takes_back(
    text: str,
    nouns: Sequence[str],
    parties: Sequence[str],
    verb: str,
    *,
    done: bool,
    wide: bool = False,
    pointing: bool = True,
    own_nouns: Sequence[str] = (),
) -> str | None:
    """The words by which `text`, a sentence anywhere after a giving (or an update line anywhere), refers to it
    and takes it back, or None. It refers by a determiner and one of `nouns` (the item's words, a giving noun,
    "the report": "the fuel", "none of the fuel", "the shipment"), a pointing pronoun ("it", "that" opening a
    clause), the giving's status `verb` ("sent back") or, for waiting and receiving only, a party's name; with
    `wide` (an update line) a bare noun or a party's name refers too; without `pointing` (another giving told
    since) a pronoun or a party's name does not. It takes back with a word of `UNDONE_LATER_WORDS` or
    `WAITING_WORDS` (`done`), else of `RETRACTING_WORDS`; a negation or none word only where it denies a verb of
    giving or getting (`_negated_giving`), and said of a noun, or of a pronoun or a party only with "none" or
    "nothing" for the item ("It sent none."; not "It did not get easier."), or of a pronoun that never arrives
    (`ARRIVING_VERBS`: "It never arrived."). A sentence telling a giving or getting
    of a name the giving does not have is another giving's, unless it names this one's item after a determiner
    (`own_nouns`)."""
    raw = text.split()
    words = [w.strip(_PUNCTUATION).casefold() for w in raw]
    if not words:
        return None
    read = text
    for phrase in NEGATING_OTHERS:
        read = re.sub(rf"\b{re.escape(phrase)}\b", " ", read, flags=re.IGNORECASE)

    def has(phrase: str) -> bool:
        return bool(find_words(phrase, read, ignore_case=True))

    lemmas = _verb_lemmas(words)
    # a sentence that tells a giving or getting of a name the giving does not have ("Norland sent fuel to Vesta
    # after Estria refused it.", "Norland has not provided the money.") tells another giving: its pronouns and
    # nouns are its own
    own = {w.casefold() for p in parties for w in normalise(p).split()}
    others = [
        w
        for i, w in enumerate(lexicon.bare(r) for r in raw)
        if w[:1].isupper()
        and (i > 0 or not (lexicon.word_classes(w.casefold()) or w.casefold() in _CLOSED_OPENINGS))
        and w.casefold() not in own
        and w.casefold() not in _TIME_NAMES
    ]
    # … unless it names this giving's item ("Officials in Vesta said Norland never sent the fuel.") or tells a party
    # gave or got nothing ("Vesta said Norland sent nothing.")
    named_any = any(has(normalise(p)) for p in parties if p)
    nothing = named_any and _NOTHING_GIVEN.search(read) is not None
    mine = any(has(f"{d} {n}") for n in own_nouns for d in _BACK_DETERMINERS) or nothing
    if others and lemmas & GIVING_OR_GETTING and not mine:
        return None
    noun = any(has(f"{d} {n}") for n in nouns for d in _BACK_DETERMINERS) or (wide and any(map(has, nouns)))
    named = pointing and any(has(normalise(p)) for p in parties if p)
    noun = noun or (wide and named)
    # a pronoun points back where it opens the sentence or is an object ("Officials later retracted it."), not as
    # the subject of a clause of its own ("Vesta denied it had closed the border.")
    pronoun = pointing and any(
        w in POINTING_PRONOUNS
        and (i == 0 or not (w == "that" and not raw[i - 1].endswith(",")))
        and (i == 0 or i + 1 >= len(words) or not _opens_a_clause(words[i + 1]))
        for i, w in enumerate(words)
    )
    by_verb = bool(verb) and has(verb)
    # waiting for what is still to come ("Estria is still waiting.", "… has yet to receive any", "… is still
    # awaiting the fuel"), not for something else ("Estria is still waiting for the talks to resume.")
    waiting = [w for w in WAITING_WORDS if done and _waits_for_it(read, w, nouns, pointing)]
    strong = [
        w
        for w in (UNDONE_LATER_WORDS if done else RETRACTING_WORDS)
        if has(w) and not _returned_elsewhere(w, read, parties) and not _done_by_item(w, read, nouns)
    ] + waiting
    # … or a verb that means an undoing ("The delivery has been delayed.", "The shipment was held up."), said of
    # the giving or of what carries it ("Vesta intercepted the tankers.")
    meant = _undone_by_sense(read, parties) if done else None
    strong += [meant] if meant is not None else []
    means = pointing and meant is not None and _names_means(read) is not None
    if strong and (noun or pronoun or by_verb or means):
        return f"“{strong[0]}”"
    if not done:
        return None
    elsewhere = {w.casefold() for w in others}
    denied = _negated_giving(words, GIVING_OR_GETTING, elsewhere)
    if denied is not None and (noun or ((pronoun or named) and _NOTHING_GIVEN.search(read))):
        return denied
    never_arrived = _negated_giving(words, ARRIVING_VERBS, elsewhere)
    if never_arrived is not None and pronoun:
        return never_arrived
    if named and waiting:
        return f"“{waiting[0]}”, said of a party of the giving"
    received = _negated_giving(words, _RECEIVING_BASES, elsewhere)
    if named and received is not None:
        return received
    return None


# "none" or "nothing" as what a verb of giving or getting takes: it stands for the item ("It sent none.").
_NOTHING_GIVEN: Final = re.compile(r"\b\w+\s+(?:none|nothing)\b", re.IGNORECASE)
# Names of time, capitalised but no party's ("in March", "on Monday").
_TIME_NAMES: Final = frozenset(w.casefold() for w in TIME_WORDS if w[:1].isalpha() and " " not in w)


def _opens_a_clause(word: str) -> bool:
    """Whether `word`, after a pronoun, makes the pronoun a clause's subject ("it had closed", "it sank"): a word
    the lexicon knows only as a verb or an auxiliary."""
    classes = lexicon.word_classes(word)
    return bool(classes) and classes <= {"VERB", "AUX"}


def _verb_lemmas(words: Sequence[str]) -> set[str]:
    """The base forms of `words` (case-folded) as verbs, but of a word just after a determiner, which is a noun
    there ("the loan", "a transfer")."""
    return {
        lemma
        for i, w in enumerate(words)
        if w and not (i > 0 and words[i - 1] in {*_BACK_DETERMINERS, "a", "an", "any", "every"})
        for lemma in lexicon.lemmas(w, "VERB")
    }


def _undone_by_sense(
    text: str, parties: Sequence[str], kinds: Collection[str] = tuple(UNDOING_SENSES)
) -> str | None:
    """The verb of `text` (with its particle: "held up") that tells a giving told before intercepted, seized,
    blocked, diverted, delayed or given back by what it means (`UNDOING_SENSES` of `kinds`), or None: not a noun
    after a determiner ("the delay"), nor a giving back to somewhere no party of the giving is ("It was returned
    to service in May.", "Norland returned to the talks."; "The fuel was returned to Norland." is undone)."""
    raw = text.split()
    words = [lexicon.bare(w).casefold() for w in raw]
    roots = {root: kind for kind in kinds for root in UNDOING_SENSES[kind]}
    own = {w.casefold() for p in parties for w in normalise(p).split()}
    for at, word in enumerate(words):
        if not word or (at > 0 and words[at - 1] in {*_BACK_DETERMINERS, "a", "an", "any", "every"}):
            continue
        if at > 0 and words[at - 1] in _NOUN_PREPOSITIONS:  # a noun after a preposition ("kept in reserve")
            continue
        if not lexicon.may_be(word, "VERB") or lexicon.word_classes(word) <= {"AUX"}:
            continue
        # an undoing denied undoes nothing ("The aid did not stop the protests.")
        if any(w in ("not", "never") or w.endswith("n't") for w in words[max(0, at - 3) : at]):
            continue
        particle = next((w for w in words[at + 1 : at + 3] if w in SENSE_PARTICLES), "")
        # a verb of giving with "back" after its object ("Estria sent the fuel back."), not "paid it back"
        back = "back" in words[at + 1 : at + 4] and set(lexicon.lemmas(word, "VERB")) & _GIVING_BACK
        if back and "returning" in kinds:
            return f"{lexicon.bare(raw[at])} … back"
        root = (particle and lexicon.sense_under(word, roots, particle=particle)) or lexicon.sense_under(
            word, roots
        )
        if root is None:
            continue
        # taking, blocking and giving back take an object, or are told in the passive: said of a thing with none
        # it goes or halts itself ("The convoy stopped in Mirren overnight.", "The tankers returned to Norland
        # empty."), as "Vesta stopped the convoy." and "The fuel was returned." do not
        if roots[root] in ("taking", "blocking", "returning") and not _takes_an_object(raw, words, at):
            continue
        if roots[root] == "returning":
            after = [w for w in words[at + 1 : at + 6] if w not in ("the", "its", "their", "his", "her")]
            if "to" in after[:2]:
                whom = after[after.index("to") + 1 : after.index("to") + 2]
                if not (whom and whom[0] in own):
                    continue
        shown = lexicon.bare(raw[at])
        return (
            f"{shown} {particle}"
            if particle and lexicon.sense_under(word, roots, particle=particle)
            else shown
        )
    return None


# Prepositions a noun stands after ("in reserve", "on hold"): a word there is no verb.
_NOUN_PREPOSITIONS: Final = frozenset({"in", "on", "at", "of", "for", "into", "from", "by", "with", "under"})
# Forms of "be" and "get" that make the participle after them a passive ("was stopped", "got held up").
_PASSIVE_BE: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "got", "get", "gets"})


def _takes_an_object(raw: Sequence[str], words: Sequence[str], at: int) -> bool:
    """Whether the verb at `at` of a sentence (`raw` its words, `words` those bare and case-folded) is told in the
    passive ("was stopped", "were later seized") or goes on to an object ("stopped the convoy", "seized it",
    "returned fuel"), not to a preposition, an adverb or the sentence's end ("stopped in Mirren", "returned to
    Norland", "stopped.")."""
    before = [w for w in words[max(0, at - 3) : at] if not lexicon.may_be(w, "ADV") or w in _PASSIVE_BE]
    if before and before[-1] in _PASSIVE_BE:
        return True
    after = words[at + 1] if at + 1 < len(words) else ""
    if raw[at].endswith((",", ";", ":")) or not after:
        return False
    return (
        after
        in {*_BACK_DETERMINERS, "a", "an", "any", "all", "some", "every", "it", "them", "him", "her", "us"}
        or raw[at + 1][:1].isupper()
        or lexicon.may_be(after, "NOUN")
    )


# Verbs (base forms) that give back with "back" after their object ("sent the fuel back", "handed it back").
_GIVING_BACK: Final = frozenset({"send", "ship", "give", "hand", "turn", "take", "bring", "fly"})


def _names_means(text: str) -> str | None:
    """The noun of `text` after a determiner that names what carries a giving ("the tankers", "its convoy", "the
    cargo": `MEANS_SENSES`), or None."""
    words = [lexicon.bare(w).casefold() for w in text.split()]
    return next(
        (
            w
            for i, w in enumerate(words)
            if i > 0
            and words[i - 1] in _BACK_DETERMINERS
            and lexicon.sense_under(w, MEANS_SENSES) is not None
        ),
        None,
    )


def _attributed(text: str, attributed: Sequence[str]) -> bool:
    """Whether `text`, a sentence after a giving, holds one of `attributed` (the fact's attributions, of two words
    or more): the editor gives its words with the fact, as its hedge or who says so."""
    folded = normalise(text).casefold()
    return any(len(a.split()) >= 2 and normalise(a).casefold().strip(" .") in folded for a in attributed)


def _attributed_doubt(text: str, items: Sequence[str], parties: Sequence[str]) -> str | None:
    """What tells the giving undone, false or denied in `text`, a sentence after it that the fact gives as its
    attribution, or None: an attribution shows a hedge or who says so with the fact ("The claim could not be
    independently verified."), never makes a giving denied, called untrue or undone its plain claim ("That is
    false.", "Norland denies it.", "The fuel never arrived.", "Vesta seized it at sea.")."""
    words = {lexicon.bare(w).casefold() for w in text.split()}
    false = sorted(words & (_STRICT_FALSITY | set(DENIAL_WORDS) | {"deny", "denial"}))
    if false:
        return f"“{false[0]}”, which an attribution does not make anyone's plain claim"
    denied = _denied_giving(text, items, parties)
    if denied is not None:
        return denied
    listed = (*(w for w in UNDONE_LATER_WORDS if w not in HEDGED_DOUBTS), *UNDOING_AFTER, *UNDOING_LATER)
    undone = [w for w in listed if w not in NEGATIONS and find_words(w, text, ignore_case=True)]
    undone += [w for w in (_undone_by_sense(text, parties),) if w is not None]
    undone += particle_undoings(text)
    return f"“{undone[0]}”" if undone else None


def _returned_elsewhere(word: str, text: str, parties: Sequence[str]) -> bool:
    """Whether `word`, an undoing word of a list found in `text`, is a verb of giving back ("returned") that gives
    back to somewhere no party of the giving is ("It was returned to service in May."): no undoing there."""
    return (
        " " not in word
        and lexicon.sense_under(word, UNDOING_SENSES["returning"]) is not None
        and _undone_by_sense(text, parties, ("returning",)) is None
    )


def _denies_another(word: str, text: str, items: Sequence[str]) -> bool:
    """Whether `word`, a word of denial or dispute (`DENIAL_WORDS`, "deny") in `text`, denies a thing a determiner
    names that is neither the giving's item nor a noun of the giving ("Estria's mayor denied any wrongdoing."), not
    the giving ("Norland denied it.", "Estria denies receiving any fuel.", "Vesta disputes the figure.")."""
    if word not in (*DENIAL_WORDS, "deny"):
        return False
    nouns = {*_item_words(items), *_BACK_NOUNS}
    for at in find_words(word, text, ignore_case=True):
        after = [lexicon.bare(w).casefold() for w in text[at + len(word) :].split()[:3]]
        if not (after and after[0] in ("any", "a", "an", "all", "the", "his", "her", "their", "its")):
            return False
        if any(w in nouns or w in POINTING_PRONOUNS for w in after[1:]):
            return False
    return True


def _denied_giving(text: str, items: Sequence[str], parties: Sequence[str]) -> str | None:
    """The negation of `text` (a sentence after a giving) that denies it, or None: one that governs a verb of
    giving, getting or arriving (`_negated_giving`: "The fuel never arrived.", "No fuel reached Estria.", "It was
    not sent."), or one with no verb after it in its clause ("It did not.", "Norland never did."); not one of
    something else ("The fuel was not cheap.", "No one was hurt.", "None of the crews were paid."). A negation
    that goes on to a name none of `parties` is tells of somewhere else ("The fuel did not reach Mirren.")."""
    raw = text.split()
    words = [lexicon.bare(w).casefold() for w in raw]
    own = {w.casefold() for p in parties for w in normalise(p).split()}
    nouns = {*_item_words(items), *_BACK_NOUNS}
    # names none of the giving's parties ("Vesta has never sent aid to Estria." tells of Vesta's giving), unless
    # the sentence names the item after a determiner ("Vesta said Norland never sent the fuel.")
    elsewhere = {
        lexicon.bare(w).casefold()
        for i, w in enumerate(raw)
        if w[:1].isupper()
        and (i > 0 or not (lexicon.word_classes(words[0]) or words[0] in _CLOSED_OPENINGS))
        and lexicon.bare(w).casefold() not in own
        and lexicon.bare(w).casefold() not in _TIME_NAMES
    }
    mine = any(words[i - 1] in _BACK_DETERMINERS and w in nouns for i, w in enumerate(words) if i > 0)
    found = _negated_giving(words, GIVING_OR_GETTING | ARRIVING_VERBS | DEPARTING_VERBS, elsewhere)
    if found is not None and not (elsewhere and not mine) and _none_of_it(words, nouns):
        return found
    # "none" or "nothing" a verb takes for the item ("Norland handed none of it over.")
    for at, word in enumerate(words[1:], 1):
        if word in ("none", "nothing") and lexicon.may_be(words[at - 1], "VERB"):
            rest = words[at + 1 : at + 3]
            if not rest or rest[0] != "of" or (rest[1:] and rest[1] in POINTING_PRONOUNS):
                return f"“{raw[at].strip(_PUNCTUATION)}”, what “{raw[at - 1].strip(_PUNCTUATION)}” takes"
    for at, word in enumerate(words):
        if word in ("not", "never") or word.endswith("n't"):
            # the clause after it, up to its end ("Never, said Estria." has none)
            ended = raw[at].rstrip(_PUNCTUATION.replace(",", "").replace(";", "")).endswith((",", ";"))
            clause = [] if ended else re.split(r"[,;:—–]", " ".join(raw[at + 1 :]), maxsplit=1)[0].split()
            if all(
                lexicon.word_classes(w) <= {"AUX"} or lexicon.bare(w).casefold() in _ELLIPSIS_WORDS
                for w in clause
            ):
                return f"“{raw[at].strip(_PUNCTUATION)}”"
    return None


# Words that may close a negation with no verb of its own after it: "It did not.", "That is not so."
_ELLIPSIS_WORDS: Final = frozenset(
    {"so", "yet", "either", "really", "at", "all", "quite", "entirely", "even"}
)


def _none_of_it(words: Sequence[str], nouns: Collection[str]) -> bool:
    """Whether every none word of `words` (a sentence's, case-folded) stands for the giving: alone ("None
    arrived."), of what points back ("none of it", "none of the fuel") or before one of `nouns` ("No fuel
    reached Estria."); not "No one was hurt." nor "None of the crews were paid."; True when it holds none."""
    for at, word in enumerate(words):
        if word not in NONE_WORDS:
            continue
        after = [w for w in words[at + 1 : at + 4] if w not in ("of", *_BACK_DETERMINERS)]
        head = after[0] if after else ""
        if (words[at + 1 : at + 2] == ["of"] or word == "no") and not (
            head in nouns or head in POINTING_PRONOUNS
        ):
            return False
    return True


def _negated_giving(
    words: Sequence[str], verbs: Collection[str], elsewhere: Collection[str] = ()
) -> str | None:
    """The negation and the verb of `verbs` (base forms) it denies in `words` (a sentence's, case-folded), or
    None: "not", "never" or "n't" at most three words before the verb ("was never sent", "did not arrive"), a none
    word anywhere before it ("None of the fuel was ever sent.", "No fuel reached Estria."); not a negation after
    it or of another verb ("The fuel that reached Estria was never taxed."), nor one of a verb that goes on to a
    name of `elsewhere` (case-folded: names none of the giving's parties), which tells of somewhere else ("The fuel
    did not reach Mirren.")."""
    for at, word in enumerate(words):
        bases = set(lexicon.lemmas(word, "VERB")) & set(verbs) if word else set()
        if not bases:
            continue
        going = [w for w in words[at + 1 : at + 3] if w not in ("to", "in", "at", "into")][:1]
        if going and going[0] in elsewhere:
            continue
        near = [w for w in words[max(0, at - 3) : at] if w in ("not", "never") or w.endswith("n't")]
        # … or "none", "nothing" just after it: "It sent none.", "Estria says it got nothing."
        none = [w for w in [*words[:at], *words[at + 1 : at + 2]] if w in NONE_WORDS]
        if near or none:
            return f"“{(near or none)[0]}”, beside “{word}”"
    return None


def _waits_for_it(text: str, words: str, nouns: Sequence[str], pointing: bool) -> bool:
    """Whether `words` (one of `WAITING_WORDS`) in `text` wait for the giving: closing the sentence ("Estria is
    still waiting."), before a verb of giving or getting within two words ("has yet to receive any", "not yet
    arrived"), or before what points back to it ("… still awaiting the fuel", "… waiting for it")."""
    for at in find_words(words, text, ignore_case=True):
        after = [w.strip(_PUNCTUATION).casefold() for w in text[at + len(words) :].split()]
        if not [w for w in after if w]:
            return True
        if any(set(lexicon.lemmas(w, "VERB")) & GIVING_OR_GETTING for w in after[:2] if w):
            return True
        rest = " ".join(after[1:3] if after[0] == "for" else after[:2])
        if (pointing and rest.split()[:1] and rest.split()[0] in POINTING_PRONOUNS) or any(
            find_words(f"{d} {n}", rest) for n in nouns for d in _BACK_DETERMINERS
        ):
            return True
    return False


def _taken_back_later(
    paragraphs: Sequence[Paragraph],
    paragraph: Paragraph,
    sentence_end: int,
    items: Sequence[str],
    *,
    done: bool = True,
    parties: Sequence[str] = (),
    verb: str = "",
    attributed: Sequence[str] = (),
) -> tuple[str, str] | None:
    """The first sentence of the rest of the article after a giving's (its paragraph on, every later paragraph),
    or of a correction or update line anywhere in it (even before), that refers to the giving and takes it back
    (`_takes_back`: "Officials said the shipment was cancelled.", "None of the fuel was ever sent.", "Estria is
    still waiting.", "Officials later retracted it."); None when there is none. A correction that names the
    giving (a party, an item's word, a giving noun or its verb) takes it back by its label alone ("Correction: an
    earlier version said Norland sent fuel."). Read past the sentences `_doubted_after` reads closely, and more
    narrowly: a far sentence mostly tells other news ("The port was busy.", "A second shipment is expected next
    week."). Returns the sentence and the words that read so, with where they stand."""
    own_nouns = _item_words(items)
    nouns = [*own_nouns, *sorted(_BACK_NOUNS)]
    folded_verb = verb.split()[-1].casefold() if verb.split() else ""
    for other in paragraphs:
        label = _line_label(other.text)
        if label is None or other.number == paragraph.number:
            continue
        # a correction names the giving by its item's words, a giving noun, a party or its verb ("an earlier
        # version misspelled the mayor's name" names none)
        names = [*own_nouns, *GIVING_NOUNS, *parties, *([folded_verb] if folded_verb else [])]
        if label == "correction":
            if any(find_words(normalise(n), other.text, ignore_case=True) for n in names if n):
                return other.text, f"a correction, in {other.label}, that names it"
            continue
        for sentence in other.sentences:
            found = _takes_back(
                sentence.text, [*own_nouns, *GIVING_NOUNS], parties, folded_verb, done=done, wide=True
            )
            if found is not None:
                return sentence.text, f"{found}, in an update in {other.label}"
    later = [s for s in paragraph.sentences if s.start >= sentence_end]
    rest = [(paragraph, s) for s in later] + [
        (p, s)
        for p in paragraphs
        if p.number > paragraph.number and p.kind not in ("credit", "headline") and not credit_line(p.text)
        for s in p.sentences
        if not credit_line(s.text)  # a caption's closing credit, "(photo credit: …)"
    ]
    pointing = True
    for where, sentence in rest:
        if _attributed(sentence.text, attributed):
            # a sentence the fact gives as its attribution ("The claim could not be independently verified.")
            undone = _attributed_doubt(sentence.text, items, parties)
            if undone is not None:
                return sentence.text, f"{undone}, in {where.label}, after it"
            continue
        found = (
            _takes_back(sentence.text, nouns, parties, folded_verb, done=done, own_nouns=own_nouns)
            if pointing
            else _takes_back(
                sentence.text, own_nouns, parties, "", done=done, pointing=False, own_nouns=own_nouns
            )
        )
        if found is not None:
            return sentence.text, f"{found}, in {where.label}, after it"
        # once another giving is told ("Estria asked Norland for a loan.", "A second shipment is expected."), a
        # pronoun, a giving noun or the verb points back to that one: only the item's own words go on naming this
        pointing = pointing and not _tells_a_giving(sentence.text)
    return None


def _tells_a_giving(text: str) -> bool:
    """Whether `text` tells a giving of its own: a verb of giving, getting or asking (`GIVING_OR_GETTING`,
    `ASKING_VERBS`), or a giving noun not pointed back to by a determiner ("a second shipment", "a loan")."""
    words = [w.strip(_PUNCTUATION).casefold() for w in text.split()]
    lemmas = _verb_lemmas(words)
    if lemmas & GIVING_OR_GETTING or set(words) & set(ASKING_VERBS):
        return True
    return any(
        w in GIVING_NOUNS and (i == 0 or words[i - 1] not in _BACK_DETERMINERS) for i, w in enumerate(words)
    )


# Words that call a thing untrue outright, read in a next paragraph that opens on another subject.
_STRICT_FALSITY: Final = frozenset(
    {"true", "false", "untrue", "lie", "lies", "fake", "hoax", "myth", "wrong", "incorrect", "fabricated"}
)


def _beyond_reporting(markers: Sequence[tuple[str, int, int]], text: str) -> list[tuple[str, int, int]]:
    """The markers of `text`, a sentence after a fact, that say more than that someone spoke: every one but a verb
    that only reports speech (`REPORTING_VERBS`: "Quill told reporters after the reopening that it went well."),
    when the sentence reports a clause of its own, with a verb of its own. What such a sentence reports is read as
    it would be told plainly (a denial, an undoing, what it was), so saying alone takes nothing back
    (REPORT-reader17 finding 4). A sentence that says nothing but who tells the fact ("Or so Vesta says.", "Vesta
    announced it.", "It was a drill, officials said.") keeps its markers: it hands the fact to a speaker."""
    marked = {m[1] for m in markers}
    own = [
        w
        for w in re.finditer(r"[A-Za-z][A-Za-z'’]*", text)
        if w.start() not in marked
        and w[0].islower()
        and lexicon.may_be(w[0], "VERB")
        and not lexicon.may_be(w[0], "AUX")
        and not set(lexicon.lemmas(w[0], "VERB")) & REPORTING_VERBS
        and not lexicon.only(w[0], "ADV")
    ]
    if not own:
        return list(markers)
    return [
        m for m in markers if not set(lexicon.lemmas(m[0], "VERB")) & REPORTING_VERBS or " " in m[0].strip()
    ]


def _done_by_item(word: str, text: str, items: Sequence[str]) -> bool:
    """Whether the undoing `word` of `text` (a sentence after an event) is something the event's own noun did:
    its subject, pointed back to ("the storm", "this storm"), with an object after it, in the active ("Officials
    said the storm sank three ferries.", "… the storm destroyed most of the quay and sank three ferries."); then it
    tells what the event did, not the event undone. "The storm was stopped by …", "… the storm stopped." and
    "Vesta stopped the storm." are not."""
    for item in items:
        for subject in re.finditer(
            rf"\b(?:the|this|that|its)\s+{re.escape(normalise(item))}\s+(?P<rest>[^,;:]*)",
            text,
            re.IGNORECASE,
        ):
            rest = subject["rest"]
            verb = re.search(rf"\b{re.escape(word)}\s+(?P<object>[A-Za-z0-9]+)", rest, re.IGNORECASE)
            if verb is None or verb["object"].casefold() in {"by", "it", "them", "itself", "off", "back"}:
                continue
            between = {w.casefold() for w in re.findall(r"[A-Za-z']+", rest[: verb.start()])}
            if between & {"was", "were", "been", "is", "are", "be", "being"}:
                continue  # a passive: "the storm was stopped …"
            return True
    return False


def _back_of_another(text: str, items: Sequence[str]) -> bool:
    """Whether every "back" of `text` (a sentence after an event) is said of something else: no pointing pronoun
    or word of the event's `items` in the three words before it or the two after ("“This money will put our
    ferries back on the water,” Vey told reporters after the signing."), where "Vesta called it back" and "took
    back the loan" take the event back."""
    words = [w.strip(_PUNCTUATION).casefold() for w in text.split()]
    own = POINTING_PRONOUNS | {w.casefold() for item in items for w in normalise(item).split()}
    return all(
        not (set(words[max(0, i - 3) : i + 3]) - {"back"}) & own for i, w in enumerate(words) if w == "back"
    )


def _doubting_sentence(
    text: str,
    items: Sequence[str],
    *,
    next_one: bool,
    done: bool,
    parties: Sequence[str],
    giving: str,
    given: str,
) -> str | None:
    """The words by which `text`, a sentence after a giving's, denies, doubts, asks, corrects or undoes it, or None
    (issue 10, HOSTILE-14 B, D, L). Two depths of reading, so that readable prose passes:

    - a sentence that points back (`POINTING_BACK_WORDS`, "the <item>", an item opening it) or corrects
      (`CORRECTING_WORDS`) is read whole: a question, a fragment with no verb of its own, a hedge or saying, a
      copula that says what the giving was (`_what_it_was`), another receiver or destination, and, failing
      closed, any verb the check has no meaning for (`undoing_words`);
    - a sentence that only names a party or an item, or opens with "The …" or a none word ("Nothing arrived.",
      "The tankers never arrived.", "Vesta received the fuel.") is read for the listed words only: negations,
      none words, falsity, undoing (`UNDOING_AFTER`, `UNDOING_LATER`, `UNDOING_NEXT`) and another receiver. An
      unread verb there is not failed on: such a sentence mostly tells something else ("Estria has suffered
      shortages.").

    A correction corrects what was just told: it is read in the next sentence only (`next_one`), not two on
    ("Vesta sent water. Oster would rather wait."). Negations of something else ("no other country", "not the
    first time": `NEGATING_OTHERS`) are not read."""
    raw = text.split()
    words = [w.strip(_PUNCTUATION).casefold() for w in raw]
    if not words:
        return None
    correcting = [w for w in CORRECTING_WORDS if next_one and find_words(w, text, ignore_case=True)]
    opening = _BEFORE_ITEM.sub("", text).casefold()
    # "that" points back only where a clause opens ("That is false.", "At least, that is …"); after a verb it
    # is mostly a conjunction ("Officials said that the port is not open."); "So far, …" joins, it does not point
    joining = any(text.casefold().startswith(o) for o in NOT_POINTING_OPENINGS)
    pointing = bool(
        {
            w
            for i, w in enumerate(words)
            if (w != "that" or i == 0 or raw[i - 1].endswith(",")) and not (joining and i == 0)
        }
        & POINTING_BACK_WORDS
    )
    # an item points back when it opens the sentence ("The fuel never arrived.") or stands after a determiner
    # ("Vesta received the fuel."), not when another giving names it ("Will Vesta send fuel too?")
    item_first = _opens_with_item(text, items)
    the_item = any(
        find_words(f"{det} {normalise(item)}", text, ignore_case=True)
        for item in items
        for det in ("the", "this", "that", "its", "these", "those")
    )
    # a party named anywhere; an item named bare may be another giving's ("Vesta did not send fuel.")
    named = any(find_words(normalise(n), text, ignore_case=True) for n in parties if n)
    party_first = any(opening.startswith(p.casefold()) for p in parties if p)
    denying_opening = words[0] in {*NONE_WORDS, "not", "never"} and not any(
        text.casefold().startswith(o) for o in NEGATING_OTHERS
    )
    verbless = not any(lexicon.may_be(w, "VERB") or lexicon.may_be(w, "AUX") for w in words if w)
    falsity = [w for w in FALSITY_WORDS if find_words(w, text, ignore_case=True)]
    if verbless and (set(words) & {*NEGATIONS, *NONE_WORDS} or falsity):
        # "Not.", "Rating: false.": a fragment that denies goes on with the giving's sentence, pointing or not
        return "no verb of its own, and a denial: it goes on with the giving's sentence"
    labelled = re.search(r":\s*(\w+)\W*$", text)
    if labelled is not None and labelled[1].casefold() in FALSITY_WORDS:
        return f"“{labelled.group().strip(' :.!')}”, a verdict that calls it untrue"  # "Rating: false."
    whole = pointing or item_first or the_item or bool(correcting)
    listed = whole or named or party_first or denying_opening or words[0] == "the"
    if not listed:
        # "Vesta seized the cargo.": a definite noun may name the giving's goods or means; only an undoing verb
        # is read there ("Officials said that the port is not open." tells of something else)
        if re.search(r"\b(?:the|its)\s+[a-z]", text):
            undone = [
                w
                for w in (*UNDOING_LATER, *UNDOING_NEXT)
                if find_words(w, text, ignore_case=True) and not _returned_elsewhere(w, text, parties)
            ]
            # … or a verb that means so ("Vesta commandeered the tankers."); a delay of what the giving does not
            # name is another story's ("Vesta delayed the vote."), not of what carries it ("Vesta detained the
            # convoy.")
            means = _names_means(text)
            meant = _undone_by_sense(text, parties, [k for k in UNDOING_SENSES if means or k != "delaying"])
            undone += [meant] if meant is not None else []
            return f"“{undone[0]}”" if undone and done else None
        return None
    if whole and text.rstrip(" \"')]").endswith("?"):
        return "asks"
    if correcting:
        return f"“{correcting[0]}”, which corrects what was just told"
    if whole and verbless:
        return "no verb of its own: it goes on with the giving's sentence"
    if not done:
        # a pledge, a plan or a request is still made though what follows doubts or undoes its giving ("It never
        # arrived.", "Vesta said it was welcome."); only a sentence calling it untrue takes it back
        return f"“{falsity[0]}”" if falsity and whole else None
    marker = _beyond_reporting(_markers_needing_attribution(text), text) if whole else []
    if marker:
        # a hedge or who says so of the giving: the editor may show it with the fact (README's "The claim could not
        # be independently verified", role hedge)
        return f"“{marker[0][0]}”"
    # "no other country", "not the first time" deny something else
    read = text
    for phrase in NEGATING_OTHERS:
        read = re.sub(rf"\b{re.escape(phrase)}\b", " ", read, flags=re.IGNORECASE)
    # a sentence read only for naming a party denies the giving only with a verb of giving or getting ("Estria
    # never got any."), not "Estria's winter has not been easy." nor "Estria has no refinery."
    # … and any sentence denies it with a negation only where the negation governs a verb of giving, getting or
    # arriving ("The fuel never arrived.", "No fuel reached Estria.") or stands with no verb after it ("It did
    # not."), not one of something else ("The fuel was not cheap.", "No one was hurt.")
    denied = _denied_giving(read, items, parties)
    if denied is not None:
        return denied
    for word in (
        *FALSITY_WORDS,
        *(w for w in UNDOING_AFTER if w not in NEGATIONS),
        *CONDITION_CONJUNCTIONS,
        *UNDOING_LATER,
        *UNDOING_NEXT,
    ):
        if (
            find_words(word, read, ignore_case=True)
            and not _returned_elsewhere(word, read, parties)
            and not _denies_another(word, read, items)
            and not (
                not giving
                and (
                    (word in UNDOING_NEXT and _done_by_item(word, read, items))
                    or (word == "back" and _back_of_another(read, items))
                )
            )
        ):
            return f"“{word}”"
    # a verb that means an undoing ("The delivery has been delayed.", "The shipment was held up."): of the giving
    # where the sentence points back to it, else of its goods or means by taking, blocking, diverting or giving back
    meant = _undone_by_sense(read, parties, [k for k in UNDOING_SENSES if whole or k != "delaying"])
    if meant is not None and not _denies_another(meant, read, items):
        return f"“{meant}”"
    particles = particle_undoings(read)  # "Norland called the whole thing off."
    if particles:
        return f"“{particles[0]}”"
    receiver = _other_receiver(text, parties, given)
    if receiver is not None:
        return f"“{receiver}”, which tells someone else got it"
    if not whole:
        return None
    what_it_was = _what_it_was(text, giving)
    if what_it_was is not None:
        return f"“{what_it_was}”, which says what the giving was"
    elsewhere = re.search(r"\bto\s+((?:[A-Z][\w'’-]*\s*)+)", text)
    if elsewhere is not None and not any(
        elsewhere[1].strip().casefold().startswith(p.casefold()) for p in parties if p
    ):
        sent_on = [w for w in GOING_TO_VERBS if find_words(w, text[: elsewhere.start()], ignore_case=True)]
        if sent_on:
            return f"“{sent_on[-1]} to {elsewhere[1].strip()}”, which tells it went elsewhere"
    # failing closed on a verb the check has no meaning for whose object points back ("Nobody believes it.",
    # "Vesta questioned the report."); one the giving is the subject of tells what it did or was ("The fuel kept
    # hospitals running.", "The report was published on Monday."); not what an event did ("Officials said the
    # storm destroyed most of the quay.")
    unread = [
        w
        for w in undoing_words(text, 0)
        if _object_points_back(w, text, items, passive=not giving)
        and (giving or not _done_by_item(w, read, items))
    ]
    if unread:
        _log.info("unread words in a sentence after a fact (PLAIN_VERBS may need them): %s", unread)
        shown = "”, “".join(dict.fromkeys(unread))
        return (
            f"“{shown}”, which the check has no meaning for as verbs, whose object points back to the giving "
            "(if none undoes it, tell it as a key point in the article's words)"
        )
    return None


def _object_points_back(verb: str, text: str, items: Sequence[str], *, passive: bool = False) -> bool:
    """Whether `verb` of `text` has an object within three words after it that points back to the giving: a
    pointing pronoun ("believes it"; "that" only closing its clause, not opening one) or a determiner and a word
    of an item or a noun of the giving ("questioned the report"); with `passive` (an event's), also a passive
    whose subject points back ("The talks were later scuppered."); a giving's own passives are read by sense
    ("The fuel was seized.", not "The fuel was kept in reserve.")."""
    words = [lexicon.bare(w).casefold() for w in text.split()]
    nouns = {*_item_words(items), *_BACK_NOUNS}
    for at in (i for i, w in enumerate(words) if w == lexicon.bare(verb).casefold()):
        after = words[at + 1 : at + 4]
        for i, w in enumerate(after):
            if w in POINTING_PRONOUNS and (w != "that" or i + 1 == len(after) or at + i + 2 >= len(words)):
                return True
            if i > 0 and after[i - 1] in _BACK_DETERMINERS and w in nouns:
                return True
        # a passive's subject is what the verb is done to ("The talks were later scuppered.")
        auxiliary = at - 1 if passive else 0
        while auxiliary > 0 and (
            words[auxiliary] in VERB_ADVERBS or words[auxiliary] in {"later", "then", "since"}
        ):
            auxiliary -= 1
        if auxiliary > 0 and words[auxiliary] in PASSIVE_AUXILIARIES:
            subject = words[:auxiliary]
            if any(w in POINTING_PRONOUNS for w in subject) or any(
                i > 0 and subject[i - 1] in _BACK_DETERMINERS and w in nouns for i, w in enumerate(subject)
            ):
                return True
    return False


def _other_receiver(text: str, parties: Sequence[str], given: str) -> str | None:
    """The receiving verb of `text` with the name it stands after, when the name is none of the giving's
    `parties` ("Vesta received the fuel."), or with the sum it gets when `given` (the giving's sentence) does not
    write that sum ("Estria received $2 million."); else None."""
    for verb in RECEIVING_VERBS:
        for at in find_words(verb, text, ignore_case=True):
            before = text[:at].split()
            # the name nearest the verb, past a sentence's capitalised first word ("The fuel is the first Estria
            # has received")
            names = [w.strip(_PUNCTUATION) for i, w in enumerate(before) if w[:1].isupper() and i > 0]
            if not names and before and not lexicon.word_classes(before[0].strip(_PUNCTUATION).casefold()):
                names = [before[0].strip(_PUNCTUATION)]
            if names and not any(
                names[-1].casefold().startswith(p.casefold()) or p.casefold().startswith(names[-1].casefold())
                for p in parties
                if p
            ):
                return f"{' '.join(before).strip()} {verb}"
            sums = re.findall(r"[$€£]\s?\d[\d,.]*(?:\s*(?:million|billion|bn|m)\b)?", text[at:])
            if sums and not find_words(normalise(sums[0]), given, ignore_case=True):
                return f"{verb} {sums[0]}"
    return None


# Words a sentence may open with before the item it points back with: "But the fuel never arrived."
_BEFORE_ITEM = re.compile(r"^(?:(?:but|yet|however|the|this|that|its)[\s,]+)+", re.IGNORECASE)


def _opens_with_item(text: str, items: Sequence[str]) -> bool:
    """Whether `text` opens with one of `items`, past a contrast or a determiner ("The fuel never arrived.",
    "But the fuel …"): the item points back, where another giving naming it later ("Will Vesta send fuel
    too?") does not."""
    opening = _BEFORE_ITEM.sub("", text).casefold()
    return any(opening.startswith(normalise(item).casefold()) for item in items)


# A denial set off by a dash, a colon or a comma that closes a giving's sentence: "… — not.", "…: false."
_DENIED_AFTER = re.compile(
    r"[—–:,]\s*(?:-\s*)?(?:not|no|false|untrue|wrong|fake|never)\s*[.!]*\s*$", flags=re.IGNORECASE
)
# A clause set off by a dash or a colon after a giving that calls it untrue: "… — that much is false."
_SET_OFF_FALSITY = re.compile(
    r"[—–:]\s*[^—–:]*?\b(false|untrue|not true|wrong|fake|a lie|a hoax|nonsense)\b[^—–:]*$",
    flags=re.IGNORECASE,
)
# Words after a copula that leave its complement to come: "It was all a drill.", "That was just the plan."
_BEFORE_COMPLEMENT: Final = frozenset({"all", "just", "only", "merely", "simply", "then", "still", "also"})
_DETERMINERS_OF_COMPLEMENT: Final = frozenset(
    {"a", "an", "the", "one", "another", "part", "nothing", "something"}
)


def _what_it_was(text: str, giving: str = "") -> str | None:
    """The complement of the first copula in `text` when it says what its subject was rather than how it was: a
    noun phrase or a name ("It was all a drill.", "That was the plan.", "It was Vesta."), not an adjective ("It
    was late.") nor a passive ("It was sent by sea."), not a phrase naming a giving ("It was the third shipment
    this year.", `GIVING_NOUNS`) unless it names the other kind than `giving` ("It was a loan." after aid,
    `OTHER_KIND_WORDS`), and not one whose head is an ordinal, a superlative or a plain complement ("It was the
    largest yet.", "It was a gesture of goodwill.", `PLAIN_COMPLEMENTS`). None otherwise."""
    copula = _COPULA.search(text)
    if copula is None:
        return None
    rest = text[copula.end() :].split()
    words = [w.strip(_PUNCTUATION) for w in rest]
    if {w.casefold() for w in words} & OTHER_KIND_WORDS.get(giving, frozenset()):
        return " ".join(rest).strip(" .!")  # "It was a loan." after aid, "It was aid." after a loan
    start = 0
    while start < len(words) and words[start].casefold() in _BEFORE_COMPLEMENT:
        start += 1
    if start >= len(words) or not words[start]:
        return None
    head = words[start]
    folded = head.casefold()
    names = head[:1].isupper()
    noun = folded in _DETERMINERS_OF_COMPLEMENT or (
        lexicon.may_be(folded, "NOUN")
        and not lexicon.may_be(folded, "ADJ")
        and not lexicon.may_be(folded, "VERB")
    )
    if not (names or noun):
        return None
    if {w.casefold() for w in words[start:]} & GIVING_NOUNS:
        return None
    # the head past its determiners: "a gesture of …", "the first time …", "the largest yet"
    inner = start
    while inner < len(words) and words[inner].casefold() in {"a", "an", "the", "one", "another"}:
        inner += 1
    inner_head = words[inner].casefold() if inner < len(words) else ""
    if inner_head in ORDINAL_WORDS or inner_head in PLAIN_COMPLEMENTS:
        return None
    if inner_head.endswith("est") and lexicon.may_be(inner_head, "ADJ"):
        return None  # a superlative: "the cheapest so far"
    return " ".join(rest).strip(" .!")


def _framing_sentence(prior: str, *, onward: bool = False) -> str | None:
    """The words by which `prior`, a sentence before a giving, may hand what follows to someone's story, a
    supposition or a genre, or None. What frames is what the sentence ends on, where it hands on to the next: a
    colon after someone's words (a name, a possessive, a framing noun or a verb: not a label of the article's own,
    "Background:"), one of `FRAMING_NOUNS` among its last two words ("… a different story."; not "a story
    repeated across the region"), a word pointing forward at its end or opening ("… the following.", "Here is
    …", "… put it this way.", `FORWARD_WORDS`, `FORWARD_ENDINGS`; not "the following week"), or a command opening
    it ("Suppose …", "Picture this.", `IMAGINING_VERBS`). Anywhere in it: a telling otherwise ("Vesta tells it
    differently.", `OTHERWISE_WORDS` at its end or beside one of `TELLING_VERBS`), someone's account after a
    possessive or a pointing "this" in a sentence that tells or gives it ("Vesta gave its side", "Vesta gave this
    account", `ACCOUNT_NOUNS`), an opening that points at someone's telling ("This is how Vesta tells it.",
    `POINTING_ON_OPENINGS`), a supposition ("Hypothetically speaking.",
    `SUPPOSING_WORDS`), or a question that supposes or holds no verb ("What if?", "True or false?").

    With `onward`, only what hands on by its form, and so reaches past its paragraph (`_framed_before`): not a
    framing noun at its end, which may name what went before ("Norland rejects the claim."), nor a question."""
    raw = prior.split()
    words = [w.strip(_PUNCTUATION).casefold() for w in raw]
    said = " ".join(words)
    if prior.rstrip(" \"'”’)]").endswith(":"):
        named = any(w[:1].isupper() for w in raw[1:]) or any(w.endswith(("'s", "’s")) for w in raw)
        if named or set(words) & FRAMING_NOUNS or telling(prior.rstrip(" :")):
            return "its colon, which hands what follows to it"
    # "…, by all accounts.", "…, in Vesta's account.": a framing noun after a preposition is that sentence's own
    # source, not a frame handed on to the next
    own_source = any(w in PLACE_PREPOSITIONS or w in ("by", "per") for w in words[-4:-1])
    framing = [] if own_source or onward else sorted(set(words[-2:]) & FRAMING_NOUNS)
    if framing:
        return f"“{framing[0]}”"
    ending = " ".join(words[-2:])
    forward = [w for w in FORWARD_WORDS if ending == w or ending.endswith(" " + w) or said.startswith(w)]
    forward += [w for w in FORWARD_ENDINGS if said == w or said.endswith(" " + w)]
    if forward or ending == "what follows" or " ".join(words[:2]) == "what follows":
        return f"“{forward[0] if forward else 'what follows'}”, which points to what follows"
    first = lexicon.bare(raw[0]) if raw else ""
    if first and lexicon.only(first, "VERB") and first.casefold() in lexicon.lemmas(first, "VERB"):
        return f"“{first}”, a command to the reader"
    base = first.casefold()
    then = lexicon.bare(raw[1]) if len(raw) > 1 else ""
    bids = not then or then.casefold() in IMAGINING_OBJECTS or then[:1].isupper()
    if (base in IMAGINING_VERBS and base in lexicon.lemmas(first, "VERB") and bids) or (
        base == "let's" or (base == "let" and then.casefold() == "us")
    ):
        return f"“{first}”, which bids the reader imagine what follows"
    tail = " ".join(words[-3:])
    told = any(set(lexicon.lemmas(w, "VERB")) & TELLING_VERBS for w in words)
    for word in OTHERWISE_WORDS:
        if find_words(word, said) and (told or tail == word or tail.endswith(" " + word)):
            return f"“{word}”, which tells it as another account"
    gives = told or any(set(lexicon.lemmas(w, "VERB")) & ACCOUNT_GIVING_VERBS for w in words)
    # "this account" is someone's only as given or told by another word: "Estria has this view of the harbour."
    # is a landscape
    telling_this = TELLING_VERBS | (ACCOUNT_GIVING_VERBS - {"have"})
    for at, (before, after) in enumerate(itertools.pairwise(words)):
        gives_this = any(
            set(lexicon.lemmas(w, "VERB")) & telling_this for j, w in enumerate(words) if j != at + 1
        )
        # "In Vesta's view, the port is shut.": an account after a preposition is that sentence's own source
        own = at > 0 and words[at - 1] in ("in", "by", "per", "from", "to")
        whose = before in _POSSESSIVES or before.endswith(("'s", "’s"))
        if (
            not own
            and after in ACCOUNT_NOUNS
            and ((gives and whose) or (gives_this and before in POINTING_ON_DETERMINERS))
        ):
            return f"“{before} {after}”, someone's account"
    described = _described_account(words)
    if described:
        return f"“{described}”, someone's account, described before it is told"
    opening = next((o for o in POINTING_ON_OPENINGS if said.startswith(o + " ")), None)
    tellers = TELLING_VERBS | CLAIMING_VERBS
    if opening and any(set(lexicon.lemmas(w, "VERB")) & tellers for w in words[len(opening.split()) :]):
        return f"“{opening}”, which points to someone's telling of what follows"
    supposing = [w for w in SUPPOSING_WORDS if find_words(w, said.replace("’", "'"))]
    if supposing:
        return f"“{supposing[0]}”, a supposition"
    if asks(prior) and not onward:
        verbless = not telling(prior) and not any("AUX" in lexicon.word_classes(w) for w in words)
        supposes = sorted(set(words) & SUPPOSING_QUESTION_WORDS)
        if verbless or supposes:
            return f"“{prior}”, a question that " + (
                f"supposes (“{supposes[0]}”)" if supposes else "tells nothing"
            )
    return None


def _described_account(words: Sequence[str]) -> str | None:
    """Whose account a short sentence describes, or None: a possessive, one of `DESCRIBED_ACCOUNT_NOUNS`, "is" or
    "was" and a short description that is no participle ("Vesta's version is simple.", "Their account was brief.";
    not "Vesta's account was frozen.", "Vesta's story is told in May."). `words` are case-folded, bare."""
    for at in range(1, len(words) - 2):
        before, noun, verb, rest = words[at - 1], words[at], words[at + 1], words[at + 2 :]
        whose = before in _POSSESSIVES or before.endswith(("'s", "’s"))
        if not whose or noun not in DESCRIBED_ACCOUNT_NOUNS or verb not in ("is", "was") or len(rest) > 4:
            continue
        if at > 1 and words[at - 2] in ("in", "by", "per", "from", "to", "of"):
            continue  # "In Vesta's version is …": that sentence's own source
        participle = any(
            lexicon.only(w, "VERB") or (w.endswith(("ed", "en", "wn")) and lexicon.may_be(w, "VERB"))
            for w in rest
        )
        if rest and not participle and all(lexicon.word_classes(w) for w in rest):
            return f"{before} {noun} {verb}"
    return None


# Possessive pronouns before a noun of account ("its side", "their version").
_POSSESSIVES: Final = frozenset({"its", "his", "her", "their", "our", "my", "your"})


def _is_heading(paragraph: Paragraph) -> bool:
    """Whether a paragraph heads those under it: a subheading (a short line with no closing punctuation, "Fuel
    deliveries"), or a short line of one sentence that ends on a colon or a question ("Background:", "What
    if?")."""
    if paragraph.kind == "subheading":
        return True
    text = paragraph.text.rstrip(" \"'”’)]")
    return (
        paragraph.kind == "body"
        and len(paragraph.sentences) == 1
        and len(text.split()) <= _HEADING_WORDS
        and (text.endswith(":") or asks(text))
    )


_HEADING_WORDS: Final = 12


def _heading_frame(heading: str, names: Collection[str]) -> str | None:
    """The words by which a heading may hand what it heads to something other than the article's own telling, or
    None when it names a topic ("Fuel deliveries", "Rising prices", "What comes next", "The view from the port",
    "Talks in Vesta"): what frames is a word that names a genre, a falsity, a supposition, a text of what is not
    yet done, someone's account or someone else's words (`HEADING_FALSITY` … `HEADING_OTHERS_WORDS`,
    `HEADING_OTHERS_PHRASES`), a name's possessive ("Vesta's side"), an account noun that says whose it is ("Your
    views", "The view from Vesta", `HEADING_WHOSE_ACCOUNT`), a verb of telling after who tells ("Vesta recalls",
    "Officials insist"), a question, a colon after someone's words ("Oster on the blockade:"), or a word the check
    cannot read: neither known to the lexicon, nor a small word (`HEADING_SMALL_WORDS`), a number, nor a name (one
    the article writes, `names`, case-folded, or a capitalised word past the heading's first; an ALL-CAPS heading
    shows no name by its case). It fails closed on that last. Other verbs do not frame: a heading that tells
    ("Shipping resumes", "Winter deepens") is the article's own."""
    words = [w for w in (lexicon.bare(w) for w in heading.split()) if w]
    folded = [w.casefold() for w in words]
    cased = heading.upper() != heading

    def named(at: int) -> bool:  # "The" opening a line is no name, though the lexicon does not know it
        if folded[at] in HEADING_SMALL_WORDS:
            return False
        return folded[at].removesuffix("'s") in names or (cased and at > 0 and words[at][:1].isupper())

    for group, kind in (
        (HEADING_FALSITY, "a word of falsity"),
        (HEADING_GENRES, "a word of genre"),
        (HEADING_SUPPOSING, "a word of supposition"),
        (HEADING_COMING, "a word of what is not yet done"),
        (HEADING_ACCOUNT, "a word of someone's account"),
        (HEADING_OTHERS_WORDS, "a word that names someone else's words or an earlier text"),
    ):
        found = [
            w
            for at, w in enumerate(folded)
            if (w in group or lexicon.bare(w.replace("-", " ")) in group)
            and not (group is HEADING_OTHERS_WORDS and _others_word_in_topic(folded, at))
        ]
        if found:
            return f"“{found[0]}”, {kind}"
    said = " ".join(folded)
    phrases = [p for p in HEADING_OTHERS_PHRASES if find_words(p, said)]
    if phrases:
        return f"“{phrases[0]}”, words that name someone else's words"
    possessive = [w for w in words if w.endswith("'s") and w[:1].isupper()]
    if possessive:
        return f"“{possessive[0]}”, someone's (a heading that names whose it is may be their account)"
    for at, word in enumerate(folded):
        if word not in HEADING_WHOSE_ACCOUNT:
            continue
        if at and folded[at - 1] in _POSSESSIVES:
            return f"“{folded[at - 1]} {word}”, someone's account"
        if (
            at + 2 < len(folded)
            and folded[at + 1] in ("from", "of")
            and any(named(j) for j in range(at + 2, len(folded)))
        ):
            return f"“{' '.join(words[at:])}”, someone's account"
    for at, word in enumerate(folded[1:], 1):
        telling_verbs = set(lexicon.lemmas(word, "VERB")) & (CLAIMING_VERBS | HEADING_TELLING_VERBS)
        after_teller = named(at - 1) or folded[at - 1] in SPEAKING_PRONOUNS or lexicon.only(word, "VERB")
        if telling_verbs and after_teller and not word.endswith("ing"):
            return f"“{' '.join(words[at - 1 : at + 1])}”, a verb of telling: what it heads is their words"
    if asks(heading):
        return "a question, which asks and does not tell what it heads"
    # a colon after someone's words: a name, a framing noun or a verb of telling ("Oster on the blockade:", "Oster
    # put it so:"), not a label of the article's own ("Background:", "The numbers:")
    tellers = CLAIMING_VERBS | HEADING_TELLING_VERBS | TELLING_VERBS
    if heading.rstrip(" \"'”’)]").endswith(":") and any(
        named(at) or word in FRAMING_NOUNS or set(lexicon.lemmas(word, "VERB")) & tellers
        for at, word in enumerate(folded)
    ):
        return "its colon, which hands what it heads to the words before it"
    for at, word in enumerate(folded):
        parts = [p for p in word.split("-") if p]
        if word in HEADING_SMALL_WORDS or named(at) or all(p.isdigit() or p in names for p in parts):
            continue
        if not lexicon.word_classes(word) and not all(lexicon.word_classes(p) or p in names for p in parts):
            return f"“{word}”, a word the check cannot read in a heading"
    return None


def _others_word_in_topic(folded: Sequence[str], at: int) -> bool:
    """Whether the word of someone else's words at `at` of a heading (`HEADING_OTHERS_WORDS`) names a topic, not the
    text the heading hands on to: the object of "of" after a noun that is no text ("Freedom of speech"; not
    "Transcript of the interview"), or the subject of the heading's own verb ("Job interviews resume", "The
    archive burns"; not "Reader comments", where the next word is a text too). A heading that tells is the
    article's own."""
    if at > 1 and folded[at - 1] == "of" and folded[at - 2] not in HEADING_OTHERS_WORDS:
        return folded[at - 2] not in (
            "text",
            "full",
            "copy",
            "record",
            "extract",
            "extracts",
            "words",
            "part",
        )
    if at + 1 >= len(folded) or folded[at + 1] in HEADING_OTHERS_WORDS:
        return False
    verb = folded[at + 1]
    if _tense_of(verb, folded[at]) is not None:
        return True
    bases = set(lexicon.lemmas(verb, "VERB"))
    return folded[at].endswith("s") and verb in bases and at + 2 == len(folded)


def _headline_frame(headline: str, sentence: str, items: Sequence[str]) -> str | None:
    """The words by which the headline frames a giving, or None: a genre or a supposition anywhere in it frames
    the whole article ("SATIRE: …", "What if …", `HEADING_GENRES`, `HEADLINE_SUPPOSING`); a denial or a word of
    falsity frames the givings it names, by an item or a name of the giving's sentence ("Norland denies sending
    fuel to Estria", `HEADLINE_DENIALS`); a question of yes or no ("Did Norland send fuel?"; not one opening on
    `WH_WORDS`) those it names by an item or by two names of their sentence. Its account words are not read:
    headlines tell whose words the article then gives ("Vesta says …")."""
    words = [lexicon.bare(w).casefold() for w in headline.split()]
    genre = [w for w in words if w in HEADING_GENRES or w in HEADLINE_SUPPOSING]
    if genre:
        return f"“{genre[0]}” in the headline, which frames the whole article"
    named = {lexicon.bare(w).casefold() for w in sentence.split() if lexicon.bare(w)[:1].isupper()}
    names_it = bool(named & set(words)) or any(
        find_words(normalise(i), headline, ignore_case=True) for i in items
    )
    denial = [w for w in words if w in HEADLINE_DENIALS]
    if denial and names_it:
        return f"“{denial[0]}” in the headline, which names the giving"
    # "Did Norland send fuel?", "Norland sent fuel?": a question of yes or no asks whether the giving it names was
    # so; one that opens on a question word supposes it ("Why did Norland send fuel?", "Who pays?")
    asked_of = (
        len(named & set(words)) > 1
        or any(find_words(normalise(i), headline, ignore_case=True) for i in items)
    )  # an item or two of the giving's names: "Will Estria survive the winter?" asks of Estria, not of the giving
    if asked_of and asks(headline) and words and words[0] not in WH_WORDS:
        return "the headline's question, which asks whether the giving it names was so and does not tell it"
    return None


def _framed_before(
    paragraph: Paragraph, sentence_start: int, paragraphs: Sequence[Paragraph], items: Sequence[str]
) -> tuple[str, str] | None:
    """What may hand the giving whose sentence starts at `sentence_start` of `paragraph` to someone's story, a
    supposition or a genre ("Vesta tells a different story.", "Imagine the following.", "Vesta's claim was
    simple:", "RUMOURS"), as the sentence, heading or headline that does and the words that read so; None
    otherwise (HOSTILE-13 N4–N9, N18; HOSTILE-14 C, D).

    Read, nearest first: every sentence before it in its paragraph (`_framing_sentence`; nothing within a
    paragraph closes a frame its sentence opened: "Vesta tells a different story. Estria was cold. Norland sent
    …"), the last sentence of the paragraph above (captions and credits are not read; above the first paragraph,
    the headline), the last sentence of each paragraph further up, up to the nearest heading, for a frame that
    hands on by its form (a colon, "… put it this way.", "tells a different story", "Picture this.":
    `_framing_sentence` with `onward`); then the nearest heading
    above (`_heading_frame`), which frames every paragraph under it until the next; then the headline
    (`_headline_frame`), which frames the article."""
    number = paragraph.number
    # a line in a credit's shape ("Reporting by Ada Quill", "Image via Norland Press") is no sentence of the
    # story, nor a heading (a heading in capitals, "FAKE NEWS", is no credit for its capitals)
    above = [
        p
        for p in paragraphs[1 : number - 1]
        if p.kind in ("body", "standfirst", "subheading")
        and not any(shape.search(normalise(p.text)) for shape in _CREDIT_SHAPES)
    ]
    read = [s.text for s in paragraph.sentences if s.end <= sentence_start][::-1]
    if above and not _is_heading(above[-1]) and above[-1].sentences:
        read.append(above[-1].sentences[-1].text)
    elif not above and paragraphs and paragraphs[0].kind == "headline" and paragraphs[0] is not paragraph:
        read.append(paragraphs[0].text)  # the first paragraph's line before is the headline
    for prior in read:
        words = _framing_sentence(prior)
        if words is not None:
            return prior, words
    # a paragraph that ends on a frame handing on by its form ("Vesta put it this way:", "Vesta tells a different
    # story.", "Picture this.") heads every paragraph under it until the next heading, as a heading does: the
    # paragraphs between may be the story it hands on to
    for further in reversed(above[:-1] if above and not _is_heading(above[-1]) else []):
        if _is_heading(further):
            break
        last = further.sentences[-1].text if further.sentences else ""
        words = _framing_sentence(last, onward=True) if last else None
        if words is not None:
            return last, words + " (a paragraph above it, which hands on to what follows)"
    heading = next((p for p in reversed(above) if _is_heading(p)), None)
    if heading is not None:
        names = _article_names(paragraphs)
        words = _heading_frame(heading.text, names)
        if words is not None:
            return heading.text, words + " (the heading above it)"
    if paragraphs and paragraphs[0].kind == "headline" and paragraphs[0] is not paragraph:
        sentence = next((s.text for s in paragraph.sentences if s.start >= sentence_start), paragraph.text)
        words = _headline_frame(paragraphs[0].text, sentence, items)
        if words is not None:
            return paragraphs[0].text, words
    return None


def _article_names(paragraphs: Sequence[Paragraph]) -> frozenset[str]:
    """The names an article writes, case-folded: a capitalised word of a body paragraph that does not open its
    sentence ("… to Estria") or that the lexicon does not know ("Norland sent …"), each part of a hyphened one
    ("Norland-Estria")."""
    names: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.kind not in ("body", "standfirst"):
            continue
        for sentence in paragraph.sentences:
            for index, word in enumerate(sentence.text.split()):
                for part in lexicon.bare(word).split("-"):
                    part = part.removesuffix("'s")
                    if part[:1].isupper() and (index or not lexicon.word_classes(part)):
                        names.add(part.casefold())
    return frozenset(names)


def _contrast_pointing_back(after: str, items: Sequence[str]) -> list[str]:
    """The contrast that opens a clause after a giving and points back to it ("…, but the navy stopped it",
    "…, yet the fuel sank"): it may undo the giving whatever its verb, so a done status fails closed on it."""
    for word in CONTRAST_WORDS:
        for at in find_words(word, after, ignore_case=True):
            rest = after[at + len(word) :]
            if word.casefold() == "but" and _affirming_but(after[: at + len(word)]):
                continue  # "sent Estria nothing but fuel": no contrast, the item itself
            if _markers_needing_attribution(rest) or any(find_words(w, rest) for w in DENIAL_WORDS):
                continue  # "…, but Oster denies it": a dispute, which the hedge rules ask to be shown
            back = {w.strip(_PUNCTUATION).casefold() for w in rest.split()} & CONTRAST_POINTING_BACK
            if back or any(find_words(normalise(item), rest) for item in items):
                return [f"{word} … {sorted(back)[0] if back else 'the item'}"]
    return []


def _adjuncts(deal: Dealing) -> list[tuple[str, str]]:
    """The deal's where and how, as given: a place or a means the article names only to deny it ("at Mirren,
    not at Dunmore", "by air, not by sea") is not where or how it was done, as a party or a sum is not."""
    return [(field, value) for field in ("where", "how") if (value := getattr(deal, field)) is not None]


def _denied_place(before: Sequence[str]) -> bool:
    """Whether the words before a place (case-folded) deny it: "not in", "rather than in", "instead of"."""
    tail = " ".join(before[-3:])
    words = tail.split()
    if words and words[-1] in PLACE_PREPOSITIONS:
        tail = " ".join(words[:-1])
    return any(tail == d or tail.endswith(" " + d) for d in DENYING_WORDS) or tail.endswith("instead of")


def _places_it(before: Sequence[str]) -> bool:
    """Whether the words before a place (case-folded) put something in it: a place preposition, not denied
    ("in Estria, not in Vesta"), and "from" not after a noun it would qualify ("envoys from Vesta")."""
    if not before or before[-1] not in PLACE_PREPOSITIONS or _denied_place(before):
        return False
    if before[-1] == "from" and len(before) > 1:
        # "sailed from Vesta": a verb's; "envoys from Vesta", "Estrians from Vesta": a noun's, and a word the
        # lexicon does not know may be one (REPORT-reader15 finding 2): fails closed
        return lexicon.may_be(before[-2], "VERB")
    return True


def _taker_first(verb: str) -> bool:
    """Whether the status verb's subject is who receives or asks ("Ukraine asked Israel", "Estria borrowed
    … from Norland"), not who gives."""
    return kinds.takes_from(verb) or any(find_words(w, verb, ignore_case=True) for w in ASKING_VERBS)


def _loan_words(text: str) -> list[int]:
    """Where `text` names a loan and does not deny it: "a $40 million loan", "lent", but not "not as a loan",
    "rather than a loan", "instead of loans" (DENYING_WORDS just before it, through "as", "a", "any" …)."""
    found: list[int] = []
    for word in LOAN_WORDS:
        for at in find_words(word, text, ignore_case=True):
            before = [w.strip(_PUNCTUATION).casefold() for w in text[:at].split()]
            while before and before[-1] in _DENIED_THROUGH:
                before.pop()
            tail = " ".join(before[-2:])
            if not any(tail == d or tail.endswith(" " + d) for d in DENYING_WORDS):
                found.append(at)
    return found


# "but" after NONE_BUT_WORDS ("no one but", "nothing but", "no country but", "no other lender but"): it affirms
# what follows, where after the other ALL_OR_NONE_WORDS it leaves it out (HOSTILE-16 W4).
_AFFIRMING_BUT = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in NONE_BUT_WORDS) + r")\b"
    r"(?:\s+(?!but\b)\w+){0,2}\s+but\s*$",
    re.IGNORECASE,
)


def _affirming_but(before: str) -> bool:
    """Whether the "but" that `before` ends with follows one of NONE_BUT_WORDS and so affirms what follows it."""
    return _AFFIRMING_BUT.search(before) is not None


def _without_affirming_but(text: str) -> str:
    """`text` with each "nothing but", "none but", "no one but" … left out, so that what it affirms stands as the
    verb's own object ("sent Estria nothing but fuel": "sent Estria fuel")."""
    for found in reversed(list(re.finditer(r"\bbut\b", text, re.IGNORECASE))):
        opening = _AFFIRMING_BUT.search(text[: found.end()])
        if opening is not None:
            text = text[: opening.start()] + " " * (found.end() - opening.start()) + text[found.end() :]
    return text


# Where a party is the one left out: after EXCEPTING_WORDS, or after "but" following ALL_OR_NONE_WORDS.
_EXCEPTED_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in EXCEPTING_WORDS) + ")"
    r"|\b(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in ALL_OR_NONE_WORDS) + r")\b"
    r"(?:\s+\w+){0,2}\s+but)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _VerbPlace:
    """Where a status verb stands: its passage, its offset in the paragraph, its clause, the clause before."""

    place: Located
    at: int
    clause: Span
    previous: Span | None


_ALL_STATUS_VERBS = tuple(verb for verbs in STATUS_VERBS.values() for verb in verbs)
_FOLDED_ALL_STATUS_VERBS = tuple((verb, verb.casefold()) for verb in _ALL_STATUS_VERBS)
_FOLDED_NEGATION_EXCEPTIONS = tuple((word, word.casefold()) for word in NEGATION_EXCEPTIONS)


def _status_verbs_in(text: str) -> list[str]:
    """The status verbs whose case-folded words stand in `text` at all, in the vocabulary's order: the only
    ones `find_words(verb, text, ignore_case=True)` can find (most texts hold one or two of the thirty)."""
    folded = text.casefold()
    return [verb for verb, folded_verb in _FOLDED_ALL_STATUS_VERBS if folded_verb in folded]


@dataclass(frozen=True)
class Problem:
    item: str  # "loans[2].lender"
    message: str
    closest: str | None = None


def content_version(text: str) -> str:
    """A short digest of a brief file's text: changes whenever its content does."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def check_brief(brief: Brief, article: Article, version: str = "") -> tuple[list[Problem], BriefProof]:
    """Every problem of `brief` against `article`, and what was proved."""
    checker = _Checker(brief, article)
    # one line per problem: a rule read once per sentence of an item's evidence can find the same problem in two
    # (a closing attribution that governs both sentences, given with the wrong role: REPORT-reader17 finding 8)
    problems = list(dict.fromkeys(checker.run()))
    if problems:
        problems = _quoted_as_written(problems, brief, article)
    used = checker.used_sentences
    used_texts = {s.text for p, s in article.sentences if (p.number, s.start) in used}
    unused = tuple(  # a caption the article repeats is used when one of its copies is
        (paragraph.located, paragraph.written(sentence.start, sentence.end))
        for paragraph, sentence in article.sentences
        if sentence.text not in used_texts and paragraph.number > 1
    )
    below_headline = sum(1 for paragraph, _ in article.sentences if paragraph.number > 1)
    paragraphs = tuple((paragraph.text, paragraph.raw) for paragraph in article.paragraphs)
    return problems, BriefProof(version, article.name, checker.proofs, unused, below_headline, paragraphs)


_QUOTED = re.compile(r"“([^“”…]+)”")


def _quoted_as_written(problems: list[Problem], brief: Brief, article: Article) -> list[Problem]:
    """Messages quote the article's words as it writes them: words a rule read case-folded or from its vocabulary
    (“never” of "Never, Vesta said.") take the article's capitals back. A quotation the article writes as it
    stands is left, and so is one it does not write (an example, advice), a vocabulary's list (“in”, “at”, …) and
    the editor's own values, quoted as the editor wrote them (a value in the wrong case is refused as such); a word
    the article sets in capitals only (a heading's "FAKE NEWS", quoted whole beside it) is named as a word (“fake”)."""
    values = {normalise(value) for value in _strings(brief.model_dump())}
    paragraphs = article.paragraphs

    def written(found: re.Match[str]) -> str:
        words, message = normalise(found[1]), found.string
        listed = message[: found.start()].endswith(("”, ", "” or ", "” and ")) or message[
            found.end() :
        ].startswith((", “", " or “", " and “"))
        if listed or words in values or any(find_words(words, paragraph.text) for paragraph in paragraphs):
            return found[0]
        for paragraph in paragraphs:
            at = find_words(words, paragraph.text, ignore_case=True)
            form = paragraph.written(at[0], at[0] + len(words)) if at else ""
            if form.casefold() == words.casefold() and not form.isupper():
                return f"“{form}”"
        return found[0]

    return [dataclasses.replace(p, message=_QUOTED.sub(written, p.message)) for p in problems]


def _strings(value: object) -> Iterator[str]:
    """Every string a brief holds (its values, as the editor wrote them)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _strings(inner)


def pronoun_subject(sentence: str) -> str | None:
    """The pronoun for someone named elsewhere that is `sentence`'s subject, as written ("He" of "He can be seen
    …", "she" of "On Monday, she sent …"; SPEAKING_PRONOUNS), or None. Read after the words that
    open a sentence before its subject (KEY_POINT_OPENERS: "But he …") and a setting closed by a comma ("In
    Mirren, they …", SETTING_PREPOSITIONS); a quotation's first word counts too ("“He sent it,” Oster said.")."""
    words = [w.strip(_PUNCTUATION) for w in normalise(sentence).split()]
    raw = normalise(sentence).split()
    at = 0
    while at < len(words) and words[at].casefold() in KEY_POINT_OPENERS:
        at += 1
    if at < len(words) and words[at].casefold() in SETTING_PREPOSITIONS:
        comma = next((i for i in range(at, min(len(raw), at + 8)) if raw[i].endswith(",")), None)
        if comma is not None:
            at = comma + 1
    word = words[at] if at < len(words) else ""
    return word if word.casefold() in SPEAKING_PRONOUNS else None


def opening_pronoun(text: str) -> str | None:
    """The pronoun (PRONOUNS) `text` opens with, as written, or None; a demonstrative before a noun or an
    adjective opens a noun phrase, not a pronoun ("This money will …", "These cranes …"; not "This is …", "This
    means …": a modal, an auxiliary or, after "this" or "that", a verb's -s form follows the pronoun)."""
    words = normalise(text).split()
    first = words[0].strip(_PUNCTUATION) if words else ""
    if first.casefold() not in PRONOUNS:
        return None
    if first.casefold() in DEMONSTRATIVES and len(words) > 1:
        after = words[1].strip(_PUNCTUATION)
        classes = lexicon.word_classes(after)
        agrees = first.casefold() in ("this", "that") and after.endswith("s") and "VERB" in classes
        if after[:1].isupper() or (
            classes & {"NOUN", "ADJ"}
            and not classes & {"AUX"}
            and after.casefold() not in MODAL_WORDS
            and not agrees
        ):
            return None
    return first


@dataclass(frozen=True)
class _Referent:
    """Whom a pronoun stands for (`name`), or the people it could equally stand for (`could_be`), with those of
    the sentence before that it cannot: named together (`paired`), or titled for the other pronoun (`titled`)."""

    name: str | None
    could_be: tuple[str, ...]
    paired: tuple[str, ...]
    titled: dict[str, str]

    def shown(self, pronoun: str) -> str:
        """How the proof says it: "“He” is Bennett, named in the sentence before (not …: named together, …)"."""
        nots = []
        if self.paired:
            nots.append(f"{' or '.join(self.paired)}: named together, “they”")
        nots += [f"{name}: “{title}” in the article" for name, title in self.titled.items()]
        return f"“{pronoun}” is {self.name}, named in the sentence before" + (
            f" (not {'; not '.join(nots)})" if nots else ""
        )


# A name after a person's title ("Mayor Ben Oster", "Mr Ben Oster"): a person, whether or not the brief lists them.
_TITLED_NAME = re.compile(
    r"\b(?P<title>[A-Z][a-z]+\.?)\s+(?P<name>[A-Z][\w-]*(?:\s+(?:(?:"
    + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
    + r")\s+)?[A-Z][\w-]*){0,3})"
)
# a titled name at every word ("Prime Minister Naftali Bennett": "Minister" titles "Naftali Bennett")
_TITLED_AT = re.compile(r"(?=\b(?P<title>[A-Z][a-z]+\.?)\s+(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))")
_PERSON_TITLE_WORDS = frozenset(
    {*PERSON_TITLES, *(t for titles in PRONOUN_TITLES.values() for t in titles), "Dr", "Dr."}
)
_WORD = re.compile(r"[\w’'-]+")


def _person_noun(word: str) -> tuple[str, bool] | None:
    """The singular of PERSON_NOUNS that `word` is, any case ("officials" → ("official", True): a plural); None."""
    folded = word.casefold()
    if folded in PERSON_NOUNS:
        return folded, False
    singular = PERSON_NOUN_PLURALS.get(folded)
    if singular is None and folded.endswith("s") and folded[:-1] in PERSON_NOUNS:
        singular = folded[:-1]
    return (singular, True) if singular is not None else None


def _possessive(word: str) -> str:
    return word.removesuffix("’s").removesuffix("'s")


# What may close an apposition after its noun: "Tom Berg, the harbour master, …", "…, the head of the port, …".
_APPOSITION_CLOSE = re.compile(r"(?:\s+(?:of|for|at|in|from|on|to|with)\s+[^,.;:!?]*)?\s*(?:[,.;:)!?]|$)")


def _quoted_at(text: str, at: int) -> bool:
    """Whether the word at `at` stands inside quotation marks of `text` (normalised: '"')."""
    return text.count('"', 0, at) % 2 == 1


class _Checker:
    def __init__(self, brief: Brief, article: Article) -> None:
        self.brief = brief
        self.article = article
        self.aliases: dict[str, list[str]] = {}
        for alias in brief.aliases:
            self.aliases.setdefault(normalise(alias.name), []).extend(normalise(w) for w in alias.as_written)
        self.proofs: dict[str, ItemProof] = {}
        self.used_sentences: set[tuple[int, int]] = set()
        # worked out once per brief for `_proper_name`
        self._parties = frozenset(v for deal in (*brief.aid, *brief.loans) for v in _parties(deal))
        self._people_names = tuple(normalise(person.name) for person in brief.people)

    def run(self) -> Iterator[Problem]:
        yield from self._source()
        for index, alias in enumerate(self.brief.aliases):
            yield from self._alias(f"aliases[{index}]", alias)
        for index, credit in enumerate(self.brief.credits):
            yield from self._credit(f"credits[{index}]", credit)
        checks: dict[str, Callable[[str, Any, list[Located]], Iterator[Problem]]] = {
            "key_points": self._key_point,
            "people": self._person,
            "aid": self._aid,
            "loans": self._loan,
            "events": self._event,
            "quotes": self._quote,
        }
        for section, check in checks.items():
            for index, item in enumerate(getattr(self.brief, section)):
                where = f"{section}[{index}]"
                located = yield from self._passages(where, item)
                if located:
                    yield from self._attribution(where, item, located)
                told = list(check(where, item, located))
                yield from told
                # what each field's words must be, where no other rule has refused that field already
                refused = {problem.item for problem in told}
                for path, why in kinds.problems(where, item, located, self._forms):
                    if path not in refused:
                        yield Problem(path, why)
        yield from self._headings()

    def _headings(self) -> Iterator[Problem]:
        """No two items of a section are headed alike: an answer and its Quote view name each fact by its
        heading, and two "Not given · Israel → Ukraine: military aid" cannot be told apart."""
        brief = self.brief
        headed: dict[str, tuple[str, list[str]]] = {
            "aid": ("items", [facts.aid_heading(brief, f, f"aid[{i}]") for i, f in enumerate(brief.aid)]),
            "loans": ("as_written", [facts.loan_heading(brief, loan) for loan in brief.loans]),
            "events": ("what", [event.what or event.evidence[0] for event in brief.events]),
            "people": ("name", [person.name for person in brief.people]),
        }
        for section, (field, headings) in headed.items():
            seen: dict[str, int] = {}
            for index, heading in enumerate(headings):
                folded = normalise(heading).casefold()
                if folded in seen:
                    yield Problem(
                        f"{section}[{index}].{field}",
                        f"is headed like {section}[{seen[folded]}] (“{heading}”): a reader could not tell them "
                        "apart in an answer or its Quote view; say what differs in the article's words (the "
                        "items as its clause names them, who did it: `by`)",
                    )
                seen.setdefault(folded, index)

    # ------------------------------------------------------------------ passages and attribution

    def _passages(self, where: str, item: Fact) -> Generator[Problem, None, list[Located]]:
        """Yields each passage's problem; returns the passages it found."""
        problems, located = self._locate(
            where,
            item.evidence,
            [normalise(a.text) for a in item.attributed],
            quoting=isinstance(item, Quote),
        )
        yield from problems
        return located

    def _locate(
        self,
        where: str,
        passages: Sequence[str],
        attributions: Sequence[str] | None = None,
        *,
        quoting: bool = False,
    ) -> tuple[list[Problem], list[Located]]:
        """Each passage found in the article, and the problems of where it starts; a fact's passage (one given
        `attributions`) that is wholly a quotation its paragraph attributes to no one is refused, but a
        quote's (`quoting`), whose speaker `_continued` reads across paragraphs."""
        problems: list[Problem] = []
        located: list[Located] = []
        for index, passage in enumerate(passages):
            found = self.article.locate(passage)
            if found is None:
                diagnosis = self.article.diagnose(passage)
                problems.append(Problem(f"{where}.evidence[{index}]", diagnosis.message, diagnosis.closest))
                continue
            located.append(found)
            negation = _negation_before(found.paragraph.text, found.sentences[0].start, found.start)
            if negation is not None:
                problems.append(
                    Problem(
                        f"{where}.evidence[{index}]",
                        f"starts just after “{negation}”, which it leaves out: cut there, it says the opposite "
                        "of the article; start the passage before the negation",
                    )
                )
            unreal = (
                None
                if negation is not None
                else _unreal_before(found.paragraph.text, found.sentences[0].start, found.start)
            )
            if unreal is not None:
                problems.append(
                    Problem(
                        f"{where}.evidence[{index}]",
                        f"starts just after “{unreal}”, which it leaves out: cut there, it tells as done what the "
                        "article tells as unreal, avoided or not done; start the passage before those words",
                    )
                )
            saying = _word_before(found.paragraph.text, found.sentences[0].start, found.start)
            if saying.casefold() in ("saying", "claiming", "arguing", "adding", "warning"):
                problems.append(
                    Problem(
                        f"{where}.evidence[{index}]",
                        f"starts just after “{saying}”, which it leaves out: cut there, someone's words read as "
                        "the article's own; start the passage with who says them",
                    )
                )
            unsaid = None if attributions is None or quoting else _unattributed_quotation(found)
            if unsaid is not None:
                problems.append(
                    Problem(
                        f"{where}.evidence[{index}]",
                        f"is a quotation (“{unsaid.strip(' “”')}”), and its paragraph names no one who says it: a quotation "
                        "is someone's words, not the article's own fact, and the check cannot tell whose claim it "
                        "is; take the fact from a sentence the article tells as its own, or leave it out",
                    )
                )
            speaker = None if attributions is None else _cut_from_speaker(found, attributions)
            if speaker is not None:
                problems.append(
                    Problem(
                        f"{where}.evidence[{index}]",
                        f"starts just after “{speaker}”, which it leaves out: cut there, what was said reads as "
                        "the article's own or as another source's; start the passage with who says it, or give "
                        "the words that say it as its attribution",
                    )
                )
            for sentence in found.sentences:
                self.used_sentences.add((found.paragraph.number, sentence.start))
        return problems, located

    def _attribution(self, where: str, item: Fact, located: list[Located]) -> Iterator[Problem]:
        roles: dict[str, AttributionRole] = {normalise(a.text): a.role for a in item.attributed}
        given = list(roles)
        sentences = {(place.paragraph.number, s.start): s for place in located for s in place.sentences}
        for text, role in roles.items():
            problem = _role_problem(text, role)
            if problem is not None and role in ("source", "response", "caveat", "mention"):
                # a source named with no verb (", per Vesta.", " (Vesta Herald)."): the attribution holds it
                problem = None if _holds_unmarked_source(text, sentences.values()) else problem
            problem = problem or _role_use_problem(text, role, item)
            if problem is not None:
                yield Problem(f"{where}.attribution", problem)
        placed: set[str] = set()
        ending = [text for text, role in roles.items() if role == "account ended"]
        for (number, _), sentence in sorted(sentences.items()):
            paragraph = self.article.paragraphs[number - 1]
            spans = _spans(given, sentence.text)
            placed.update(text for text, _, _ in spans)
            for text in dict.fromkeys(text for text, _, _ in spans if roles[text] == "account ended"):
                yield Problem(
                    f"{where}.attribution",
                    f"“{text}” stands in the passage's own sentence (“{sentence.text}”): there it says who says "
                    "so (give it the role `source`), not whose account has ended",
                )
            spans = [span for span in spans if roles[span[0]] != "account ended"]
            governing = governing_attribution(paragraph, sentence)
            ended = _ended_by(ending, sentence, governing)
            if ended is not None:
                placed.add(ended)
                lead = sentence.text.split()[0].strip(_PUNCTUATION) if sentence.text.split() else ""
                if lead.casefold() in PRONOUNS:
                    yield Problem(
                        f"{where}.attribution",
                        f"“{sentence.text}” is led by “{lead}”, a word for someone of the account “{ended}” "
                        "opens: it goes on with that account, which cannot be read as ended before it",
                    )
                governing = None
            if governing is None:
                needed = _markers_needing_attribution(sentence.text)
                own = _clause_source(item, paragraph, sentence)
                if own is not None:  # "Oster said Vesta sent …, and Quill said …": Vesta's is Oster's claim
                    said = set(_said_markers(sentence.text))
                    needed = (*(m for m in needed if m not in said), own)
                yield from _framing_problems(where, paragraph, sentence, needed, spans)
            else:
                needed = _hedges(sentence.text)
                speaker = item.speaker if isinstance(item, Quote) else None
                yield from self._governed(
                    where, paragraph, sentence, governing, given, roles, spans, placed, speaker
                )
            told = _told_by_status(item, sentence.text)
            for marker, start, end in needed:
                if (marker, start, end) in told:
                    continue
                if not any(a <= start and end <= b for _, a, b in spans):
                    yield Problem(
                        f"{where}.attribution",
                        f"{paragraph.located} says who says so or hedges (“{marker}”) in “{sentence.text}”; "
                        + (
                            f'add attribution = {{ text = "…{marker}…", role = "hedge" }} with the words of that '
                            "sentence that carry it (a hedge, shown as one: it does not say who says so)"
                            if _hedging_words(marker) and not saying_verbs(marker)
                            else f"add attribution = “…{marker}…” with the words of that sentence that carry it"
                        ),
                    )
                else:
                    yield from _cut_speaker(where, sentence.text, marker, start, end, spans)
            yield from _doubts_beside(where, sentence.text, spans, roles)
            for word, start, end in (
                *unread_words(sentence.text),
                *_content_clause_heads(item, sentence.text),
            ):
                reported = any(
                    a <= start and end <= b for _, a, b in needed
                )  # "believed" of "is believed to"
                if not reported and not any(a <= start and end <= b for _, a, b in spans):
                    yield Problem(
                        f"{where}.attribution",
                        f"{paragraph.located} holds “{word}” in “{sentence.text}”, a word the check has no "
                        "meaning for and that can say who says so or hedge: if it does, add attribution = "
                        f"“…{word}…” with the words of that sentence that carry it; if the article tells the fact "
                        "as its own all the same, give as evidence a sentence that tells it without the word, or "
                        "tell it as a key point in the article's words",
                    )
                    _log.info(
                        "unread word %r in %r (PLAIN_VERBS, PLAIN_ADVERBS or PLAIN_OPENING_NOUNS may need it)",
                        word,
                        sentence.text,
                    )
                elif not reported:  # ", critics of Vesta reported.": cut to "Vesta reported"
                    yield from _cut_speaker(where, sentence.text, word, start, end, spans, verb=True)
            for text, _, end in spans:
                cut = cut_mid_clause(sentence.text, text, end)
                if cut is not None:
                    yield Problem(
                        f"{where}.attribution",
                        f"“{text}” stops mid-clause at “{cut[0]}”: what it says follows (“{cut[1]}”); "
                        "an attribution, a hedge or a reason runs to the end of the words it qualifies",
                    )
                dated = undated_saying(sentence.text, text, end)
                if dated is not None:
                    yield Problem(
                        f"{where}.attribution",
                        f"“{text}” leaves out when it was said: the article writes “{text} {dated}” in "
                        f"“{sentence.text}”; a claim is shown with its time, so that an old claim never reads "
                        f"as one of now: write attribution = “{text} {dated}”",
                    )
        for text in given:
            if text not in placed and roles[text] == "account ended":
                yield Problem(
                    f"{where}.attribution",
                    f"“{text}” is given as the words whose account has ended (`account ended`), but no "
                    "sentence of the evidence is told in an account they open: the role reads a sentence after "
                    "an account opened by its source (“X said …”) as the article's own; leave it out",
                )
            elif text not in placed:
                yield Problem(
                    f"{where}.attribution",
                    f"“{text}” is not written in the sentences of its evidence",
                )
        self.proofs[where] = ItemProof(
            tuple(
                PassageProof(
                    place.written,
                    place.paragraph.label,
                    place.sentence_written,
                    _written_in(given, roles, place),
                    place.paragraph.kind,
                    _account_written(place),
                    None,
                    *_opening_written(given, place, ending),
                )
                for place in located
            ),
            self.proofs[where].reading_from if where in self.proofs else None,
        )

    def _governed(
        self,
        where: str,
        paragraph: Paragraph,
        sentence: Span,
        governing: Governing,
        given: Sequence[str],
        roles: dict[str, AttributionRole],
        spans: Sequence[tuple[str, int, int]],
        placed: set[str],
        speaker: str | None,
    ) -> Iterator[Problem]:
        """A sentence told as the account of a closing attribution (", a senior diplomatic source said."):
        that attribution must be given, and no other words of the account may be given as who says so, but
        the words naming a quote's own speaker inside it (“Ada Quill told reporters “…”, according to …”)."""
        closing, marker, start, end = governing
        told, closed = (
            paragraph.written(sentence.start, sentence.end),
            paragraph.written(closing.start, closing.end),
        )
        opens = closing.start < sentence.start
        closing_spans = spans if closing is sentence else _spans(given, closing.text)
        covering = [text for text, a, b in closing_spans if a <= start and end <= b]
        placed.update(covering)
        yield from _cut_speaker(where, closing.text, marker, start, end, closing_spans)
        if covering and not any(roles[text] == "source" for text in covering):
            yield Problem(
                f"{where}.attribution",
                f"“{covering[0]}” is who says so for the account {paragraph.label} tells (“{closed}”): give it "
                f"the role `source` (it is given as a {roles[covering[0]]}), so that answers say who says so",
            )
        if not covering and closing is not sentence and wholly_quoted(paragraph, sentence):
            yield Problem(
                f"{where}.attribution",
                f"{paragraph.located} quotes “{told.strip(' “”')}”: someone's words, not the article's own, and its "
                f"quotation's speaker is named in “{closed}”; add attribution = "
                f"“{_speaker_words(closing.text, start, end)}”, the words there that say who says it (a "
                "speaker's claim is told as theirs)",
            )
        elif not covering:
            where_it_stands = (
                ""
                if closing is sentence
                else f", though they stand in {'an earlier' if opens else 'a later'} sentence of the paragraph"
            )
            yield Problem(
                f"{where}.attribution",
                f"{paragraph.located} tells “{told}” as the account of the words that "
                f"{'open' if opens else 'close'} it, “{closed}”; add attribution = “…{marker}…” with the "
                f"words that carry “{marker}”" + where_it_stands + (OPENED_RULE if opens else ""),
            )
        for text, a, b in spans:
            if roles[text] != "source" or (closing is sentence and a <= start and end <= b):
                continue
            if speaker is not None and self._written(speaker, [text]):
                continue  # who spoke the quoted words, as the account tells it
            yield Problem(
                f"{where}.attribution",
                f"“{text}” is not who says so: it stands inside the account that “{closed}” "
                f"{'opens' if opens else 'closes'} {paragraph.label} with, so it tells what the account's people say or do; the source is "
                f"the words that carry “{marker}”. Give “{text}” the role it has (`reason`, `mention`, …) "
                "or leave it to the evidence",
            )

    # ------------------------------------------------------------------ values

    def _written(self, value: str, texts: Sequence[str]) -> bool:
        wanted = normalise(value)
        forms = [wanted, *self.aliases.get(wanted, [])]
        return any(find_words(form, normalise(text)) for form in forms for text in texts)

    def _value(
        self, field: str, value: str | None, texts: Sequence[str], what: str = "its evidence"
    ) -> Iterator[Problem]:
        if value is None or not texts or self._written(value, texts):
            return  # no passage found: its own error says so, and there is nothing to read a value in
        hint = " (or declare an alias whose as_written is)" if field.split(".")[-1] in _PARTY_FIELDS else ""
        near = nearest_words(value, texts)
        support = f"; the nearest words there are “{near}”" if near else ""
        shown = " ".join(texts[0].split())
        passage = (
            f"; it reads “{shown[:200]}{'…' if len(shown) > 200 else ''}”" if what == "its evidence" else ""
        )
        yield Problem(field, f"“{value}” is not written in {what}{hint}{support}{passage}")

    # ------------------------------------------------------------------ items

    def _source(self) -> Iterator[Problem]:
        source = self.brief.source
        if normalise(source.headline) != self.article.headline:
            yield Problem(
                "source.headline",
                f"is not the article's headline; the article's first line is “{self.article.headline}”",
            )
        problems, located = self._locate("source", source.evidence)
        yield from problems
        yield from self._value("source.publisher", source.publisher, [p.passage for p in located])
        yield from self._publisher_named(source.publisher, located)

    def _publisher_named(self, publisher: str, located: list[Located]) -> Iterator[Problem]:
        """The publisher is the publication as the article names itself (REPORT-reader16 finding 4): not the
        people a credit names after its name ("Jerusalem Post Staff", CREDIT_STAFF_WORDS), and not a name that
        stands only in a photo or image credit ("(photo credit: AMMAR AWAD/REUTERS)"), which names who took
        the picture. A "… contributed to this report." line or a byline ("By …") names the report's makers."""
        words = normalise(publisher).split()
        last = words[-1].strip(_PUNCTUATION) if words else ""
        if last.casefold() in CREDIT_STAFF_WORDS and len(words) > 1:
            yield Problem(
                "source.publisher",
                f"“{publisher}” names who made the report (“{last}”), not the publication: give the "
                f"publication's name (“{' '.join(words[:-1])}”)",
            )
            return
        reporter, comma, publication = normalise(publisher).partition(",")
        if comma and publication.strip() and any(_names_its_makers(p.sentence_text) for p in located):
            yield Problem(
                "source.publisher",
                f"“{publisher}” names the byline's reporter (“{reporter.strip()}”) with the publication: a "
                f"publisher is the organisation; give “{publication.strip()}”, and the reporter as a byline "
                "under [[credits]]",
            )
            return
        wanted = normalise(publisher)
        credits: list[str] = []
        for place in located:
            if not find_words(wanted, place.passage):
                continue
            if _names_its_makers(place.sentence_text) or not (
                all(credit_line(x.text) for x in place.sentences)
                or any(find_words(w, place.sentence_text, ignore_case=True) for w in CREDIT_LINE_WORDS)
            ):
                return  # named as the report's maker, or in the story's own words
            credits.append(place.paragraph.written(place.start, place.end))
        # a picture's credit names who took it, never who published the article; where the article names the
        # report's makers, that is the publisher's evidence
        makers = [p.text for p in self.article.paragraphs if _names_its_makers(p.text)]
        if credits and makers:
            yield Problem(
                "source.publisher",
                f"“{publisher}” stands only in a credit (“{credits[0]}”), which names who took or made a "
                f"picture, not who published the article: the article names its makers in “{makers[0]}”; give "
                "the publication named there, with that line as evidence, and list the credit under [[credits]]",
            )
        elif credits:
            yield Problem(
                "source.publisher",
                f"“{publisher}” stands only in a credit (“{credits[0]}”), which names who took or made a "
                "picture, not who published the article, and the article has no byline nor “… contributed to "
                "this report.” line: give the publication as the article names itself, with those words as "
                "evidence, and list the credit under [[credits]]",
            )

    def _alias(self, where: str, alias: Alias) -> Iterator[Problem]:
        for index, written in enumerate([alias.name, *alias.as_written]):
            field = f"{where}.name" if index == 0 else f"{where}.as_written[{index - 1}]"
            if not any(find_words(normalise(written), p.text) for p in self.article.paragraphs):
                yield Problem(field, f"“{written}” is not written in the article")
        yield from _alias_problems(where, alias, self.brief.aliases)
        yield from _alias_person_problems(where, alias, self.brief.people)
        yield from _alias_unevidenced(where, alias, [p.text for p in self.article.paragraphs])

    def _credit(self, where: str, credit: Credit) -> Iterator[Problem]:
        problems, _ = self._locate(where, [credit.as_written])
        yield from (Problem(f"{where}.as_written", p.message, p.closest) for p in problems)
        line = normalise(credit.as_written)
        yield from self._value(f"{where}.name", credit.name, [line], "the credit line")
        yield from self._value(f"{where}.organisation", credit.organisation, [line], "the credit line")
        if "/" in line:  # "(photo credit: AMMAR AWAD/REUTERS)": who took it, then for whom
            person, organisation = line.rsplit("/", 1)
            for field, value, side, told in (
                ("organisation", credit.organisation, organisation, "after"),
                ("name", credit.name, person, "before"),
            ):
                if (
                    value is not None
                    and find_words(normalise(value), line)
                    and not find_words(normalise(value), side)
                ):
                    yield Problem(
                        f"{where}.{field}",
                        f"“{value}” does not stand {told} the “/” of “{credit.as_written}”: a credit names who "
                        "took it before the “/” and the organisation after it",
                    )
        name, comma, organisation = normalise(credit.name).partition(",")
        if credit.kind == "byline" and comma and organisation.strip():
            yield Problem(
                f"{where}.name",
                f"“{credit.name}” names the reporter and, after the comma, the organisation: give name = "
                f"“{name.strip()}” and organisation = “{organisation.strip()}”",
            )
        if not any(find_words(word, line, ignore_case=True) for word in CREDIT_WORDS[credit.kind]):
            yield Problem(
                f"{where}.kind", f"a {credit.kind} credit says so: “{'”, “'.join(CREDIT_WORDS[credit.kind])}”"
            )

    def _key_point(self, where: str, item: KeyPoint, located: list[Located]) -> Iterator[Problem]:
        """A key point is shown as the article's own words, so what frames them is shown with them (HOSTILE-14
        N, A): each passage runs from where its sentence starts to where it ends (cut out of "It is untrue that
        Oster shut the port.", "Oster shut the port" says the opposite), and takes in the sentence before that
        may hand it to a story, a supposition or a genre, and the sentence after that calls it untrue, corrects
        or questions it (the readings a pledge's frame has: `_framed_before`, `_doubted_after`). A next sentence
        that opens on the point (`_ON_THE_POINT`: "Or so Vesta says.", "It did not.") is read as a done
        giving's next sentence is (`_doubting_sentence` with `done=True`)."""
        shown = {s.text for place in located for s in place.sentences}
        attributions = [normalise(a.text) for a in item.attributed]

        def shown_with_it(sentence: str) -> bool:  # in the passage, or carrying the words of who says so
            return sentence in shown or any(find_words(a, sentence) for a in attributions)

        paragraphs = self.article.paragraphs
        for place in located:
            index = next(
                (i for i, p in enumerate(item.evidence) if normalise(p) == normalise(place.passage)), 0
            )
            field = f"{where}.evidence[{index}]"
            first, last = place.sentences[0], place.sentences[-1]
            text = place.paragraph.text
            left_out = [
                words
                for words in (text[first.start : place.start], text[place.end : last.end])
                if words.strip(_SENTENCE_EDGE)
            ]
            if left_out:
                yield Problem(
                    field,
                    f"is cut from its sentence (“{place.sentence_text}”), leaving out “{left_out[0].strip()}”: "
                    "a key point is shown as the article's words, and what it leaves out may frame or take back "
                    "what it says; give the whole sentence",
                )
                continue
            if place.paragraph.kind == "credit" or credit_line(place.paragraph.text):
                continue  # a credit is not told by the story around it
            pronoun = pronoun_subject(first.text)
            if pronoun is not None:
                before = [s for s in place.paragraph.sentences if s.end <= first.start]
                referent = self._pronoun_referent(
                    pronoun, before[-1].text if before else "", self._speakers("")
                )
                whom = (
                    f"{referent.name}, named in the sentence before"
                    if referent.name is not None and pronoun.casefold() in ("he", "she")
                    else "someone named before it"
                )
                take = (
                    "take the sentence that names them into the passage"
                    if before
                    else "give a passage that names them"
                )
                yield Problem(
                    field,
                    f"opens on “{pronoun}” (“{' '.join(first.text.split()[:8])} …”), which stands for {whom}: a key "
                    f"point is shown alone, and readers would see no one named; {take}",
                )
            number = place.paragraph.number
            framed = _framed_before(place.paragraph, first.start, paragraphs, ())
            if framed is not None and not shown_with_it(framed[0]):
                # a frame in another paragraph, a heading or the headline cannot open the passage: it can stand
                # beside it as a passage of its own, if it is long enough to be one
                own = any(s.text == framed[0] for s in place.paragraph.sentences)
                take = (
                    "so start the passage with that sentence"
                    if own
                    else "so give those words as a passage of its evidence too"
                    if word_count(framed[0]) >= MIN_PASSAGE_WORDS
                    else f"and those words are too short to stand as evidence (fewer than {MIN_PASSAGE_WORDS}), so "
                    "the article does not tell the point as its own: drop it, or give a passage that tells it plainly"
                )
                yield Problem(
                    field,
                    f"follows words (“{framed[0]}”) that may hand it to someone's story, a supposition or a "
                    f"genre ({framed[1]}): a key point is shown as the article's words, {take}",
                )
            following = paragraphs[number] if number < len(paragraphs) else None
            # the sentence just after, when it opens on the point ("Or so Vesta says.", "It did not.", "Nobody
            # believes it."), is read as a done giving's is: a key point is told as the article's fact; the rest of
            # the paragraph only for what calls it untrue ("The crews have not been paid." tells other news)
            after = next((x for x in place.paragraph.sentences if x.start >= last.end), None)
            opening = (
                after.text.split()[0].strip(_PUNCTUATION).casefold() if after and after.text.split() else ""
            )
            reading = (
                _doubting_sentence(
                    after.text,
                    (),
                    next_one=True,
                    done=True,
                    parties=(),
                    giving="",
                    given=_sentence_before(place.paragraph, last.end - 1),
                )
                if after is not None and opening in _ON_THE_POINT
                else None
            )
            doubted = (
                (after.text, reading)
                if after is not None and reading is not None
                else _doubted_after(place.paragraph, last.end, (), following, done=False)
            )
            if doubted is None:
                # the rest of the article, read as after a pledge, for what retracts, corrects or denies it
                # ("Officials later retracted it.", "Correction: an earlier version said Oster shut the port."):
                # the point's nouns and names refer to it
                told = " ".join(s.text for s in place.sentences).split()
                nouns = [w for w in told if w.islower()]
                names = [lexicon.bare(w) for w in told[1:] if w[:1].isupper()]
                doubted = _taken_back_later(
                    paragraphs, place.paragraph, last.end, nouns, done=False, parties=names
                )
            if doubted is not None and not shown_with_it(doubted[0]):
                yield Problem(
                    field,
                    f"is taken back by a sentence of the article (“{doubted[0]}”: {doubted[1]}): a key point is "
                    "shown as the article's words, so take that sentence into the passage too (or, in another "
                    "paragraph, into its evidence)",
                )

    def _person(self, where: str, person: Person, located: list[Located]) -> Iterator[Problem]:
        texts = [p.passage for p in located]
        for index, passage in enumerate(person.evidence):
            if any(find_words(word, normalise(passage), ignore_case=True) for word in CREDIT_LINE_WORDS):
                yield Problem(
                    f"{where}.evidence[{index}]",
                    "is a credit line: bylines and photo credits are credits, listed under [[credits]], not people",
                )
                continue
            place = next((p for p in located if normalise(passage) == normalise(p.passage)), None)
            # read sentence by sentence: a caption's closing credit ("… (credit: KAY LIN/REUTERS)") is its own
            line = place.sentence_text if place is not None else normalise(passage)
            if place is not None and all(credit_line(s.text) for s in place.sentences):
                yield Problem(
                    f"{where}.evidence[{index}]",
                    f"stands in “{line}”, which is a credit, not a sentence of the story: people involved are "
                    "the people the story is about; list who made or took it under [[credits]]",
                )
        yield from self._value(f"{where}.as_written", person.as_written, texts)
        if person.role is not None or normalise(person.as_written) != normalise(person.name):
            # a phrase that gives a title is whole; a name alone claims none ("Ada Quill" of "Librarian Ada Quill")
            yield from self._whole_phrase(f"{where}.as_written", person.as_written, located)
        yield from self._lead(where, person)
        yield from self._referents(where, located)
        yield from self._mentioned(where, person, located)
        phrase = [normalise(person.as_written)]
        what = f"the phrase that names them (“{person.as_written}”)"
        yield from self._value(f"{where}.name", person.name, phrase, what)
        named = list(self._proper_name(f"{where}.name", person.name))
        yield from named or self._not_a_person(f"{where}.name", person)
        yield from self._value(f"{where}.role", person.role, phrase, what)
        yield from _role_fragment(f"{where}.role", person)
        yield from self._value(f"{where}.affiliation", person.affiliation, phrase, what)
        yield from self._of_another(where, person)
        if person.role is not None:
            yield from self._role_undone_after(f"{where}.role", person, located)
            yield from self._role_undone_within(f"{where}.role", person, located)

    def _of_another(self, where: str, person: Person) -> Iterator[Problem]:
        """A role or an affiliation is the person's own: in "Estrian Mayor Ben Oster's Norland-born wife Ada
        Quill" a possessive that names another person ends that person's phrase, and "Estrian" and "Mayor" are
        Ben Oster's, not Ada Quill's (HOSTILE-16 F12). A possessive of a place or a body ("Norland's
        Harbourmaster Ada Quill") is the person's own affiliation."""
        phrase = normalise(person.as_written)
        split = self._possessor_split(phrase, normalise(person.name))
        if split is None:
            return
        other, own = phrase[:split].strip(), phrase[split:].strip()
        for field, value in (("affiliation", person.affiliation), ("role", person.role)):
            if value and find_words(normalise(value), other) and not find_words(normalise(value), own):
                yield Problem(
                    f"{where}.{field}",
                    f"“{value}” stands in “{other}”, which names another person: a possessive ends their "
                    f"phrase, and {person.name}'s own is “{own}”; give the {field} from it, or leave it out",
                )

    def _possessor_split(self, phrase: str, name: str) -> int | None:
        """Where the person's own phrase opens, after the last possessive before their name that names another
        person ("Ben Oster's" of "Estrian Mayor Ben Oster's Norland-born wife Ada Quill"); None when none does."""
        at = next(iter(find_words(name, phrase)), None)
        if at is None:
            return None
        split = None
        for match in re.finditer(r"\S+(?:'s|s')(?=\s)", phrase[:at]):
            if self._names_a_person(phrase[: match.end()]):
                split = match.end()
        return split

    def _names_a_person(self, possessor: str) -> bool:
        """Whether the capitalised words closing `possessor` (its last word a possessive: "Estrian Mayor Ben
        Oster's") name a person: one of the brief's people, a titled name, or a run of two or more capitalised
        words none of which is a place, a body, a party or an alias of the brief ("Ben Oster's"); not "Norland's"
        nor "the Norland Navy's"."""
        words = possessor.split()
        words[-1] = words[-1].removesuffix("'s").removesuffix("'")
        run: list[str] = []
        for word in reversed(words):
            if not word[:1].isupper():
                break
            run.insert(0, word)
        if not run:
            return False
        last = " ".join(run)
        if any(
            find_words(form, last)
            for p in self.brief.people
            for form in (normalise(p.name), normalise(p.name).split()[-1])
        ):
            return True
        while run and (
            run[0] in _PERSON_TITLE_WORDS or run[0] in _PLACES or normalise(run[0]) in self.aliases
        ):
            titled = run[0] in _PERSON_TITLE_WORDS
            run = run[1:]
            if titled and run:
                return True  # "Mayor Ben Oster's"
        return len(run) >= 2 and not any(
            w in _PLACES
            or w.casefold() in _NOT_A_NAME
            or normalise(w) in self.aliases
            or w in self._parties
            or w == w.upper()
            for w in run
        )

    def _mentioned(self, where: str, person: Person, located: list[Located]) -> Iterator[Problem]:
        """Who says so for a person is their own words or the source of the account they are told in; words of
        another person's claim that only names them ("Prime Minister Naftali Bennett has also argued", on
        Putin) are a `mention` (README's roles), shown as "Mentioned in a claim", not as who says who they
        are (REPORT-reader16 finding 4)."""
        own = [person.as_written, person.name, person.name.split()[-1]]
        others = [(name, forms) for name, forms in self._speakers("") if name != person.name]
        told_in = [(place.paragraph, sentence) for place in located for sentence in place.sentences]
        for said in person.attributed:
            if said.role != "source":
                continue
            named = claim_naming_another(said.text, own, others, told_in)
            if named is not None:
                yield Problem(
                    f"{where}.attribution",
                    f"“{said.text}” is {named}'s claim, in which {person.name} is only named: it does not say "
                    f"who {person.name} is; give it the role `mention` "
                    f'(attribution = {{ text = "{said.text}", role = "mention" }}), shown as “Mentioned in a '
                    "claim”",
                )

    def _role_undone_after(self, field: str, person: Person, located: list[Located]) -> Iterator[Problem]:
        """A role is the person's as the article tells it (HOSTILE-13 p-next): the sentence after the one that
        names them, when it points back to them ("She …", "The mayor …", "Vos …"), must not undo or doubt it
        ("She was sacked last year.", "She is an impostor."). Fails closed: a verb the check has no meaning for,
        a negation or a falsity there, or a saying of what they are ("is a …"), refuses."""
        wanted = normalise(person.as_written)
        backs = {w.casefold() for w in PRONOUNS if w != "it"} | {"they"}
        names = {w.casefold() for w in person.name.split()}
        role = person.role.casefold() if person.role else ""
        for place in located:
            for at in find_words(wanted, place.paragraph.text):
                sentence = next((x for x in place.paragraph.sentences if x.start <= at < x.end), None)
                following = next(
                    (
                        x
                        for x in place.paragraph.sentences
                        if sentence is not None and x.start >= sentence.end
                    ),
                    None,
                )
                if following is None:
                    continue
                text = following.text.strip()
                words = [w.strip(_PUNCTUATION).casefold() for w in text.split()]
                opening = " ".join(words[: 1 + len(role.split())])
                if not words or not (words[0] in backs or words[0] in names or opening == f"the {role}"):
                    continue
                said = _role_undoing(text)
                if said:
                    yield Problem(
                        field,
                        f"“{person.role}” may be undone by the sentence after it (“{text}”), which points back to "
                        f"{person.name} with “{said[0]}”: the check cannot read it as leaving the role theirs; if "
                        "the article still gives them the role, quote a sentence that does, else drop the role",
                    )
                    return

    def _role_undone_within(self, field: str, person: Person, located: list[Located]) -> Iterator[Problem]:
        """A role is not undone by a clause about the person in the sentence that names them (REPORT-hostile17
        G3): "Mayor Ben Oster, who was sacked on Monday, met Vesta." does not show Oster as mayor. The clause is
        a relative one just after the person's phrase (", who …", "who …"), read as the sentence after is
        (`_role_undoing`)."""
        wanted = normalise(person.as_written)
        for place in located:
            text = place.paragraph.text
            for at in find_words(wanted, text):
                found = _RELATIVE_AFTER.match(text, at + len(wanted))
                if found is None:
                    continue
                clause = found["clause"].strip()
                said = _role_undoing(clause)
                if said:
                    yield Problem(
                        field,
                        f"“{person.role}” may be undone in the sentence that names {person.name}: “{clause}” "
                        f"says of them “{said[0]}”, which the check cannot read as leaving the role theirs; if "
                        "the article still gives them the role, quote a sentence that does, else drop the role "
                        "or give it with those words",
                    )
                    return

    def _proper_name(self, field: str, name: str) -> Iterator[Problem]:
        """A person is named by a proper name, as the article writes one in running text: each word starts with
        a capital (but particles: "de", "van", "bin"), some word in capitals and small letters ("Ilan
        Mezushan"), and a one-word name capitalised only at sentences' starts is not also written in small
        letters. Words in capitals only are a caption's or a credit's lead ("WORKERS LOAD packages …"), and a
        word capitalised by its place that the article writes small elsewhere ("Workers load … . The workers
        …") is a common noun: neither shows that it names someone (REVIEW-4 #13)."""
        wanted = normalise(name)
        words = wanted.split()
        parts = wanted.split("-")
        if (
            wanted in _PLACES
            or wanted in self.aliases
            or wanted in self._parties
            or (len(parts) > 1 and all(part in _PLACES or part in self.aliases for part in parts))
        ):  # "Russia-Ukraine": a compound of places is a place
            yield Problem(field, f"“{name}” is a place or a country of the brief, not a person")
            return
        body = next((w for w in words if w.strip(_PUNCTUATION).casefold() in ORGANISATION_WORDS), None)
        if body is not None:  # "Defense Ministry Policy": a word of a body's name in it
            yield Problem(
                field,
                f"“{name}” names an organisation (“{body}”), not a person: people are the persons the "
                "story is about; what a body did is told by aid, loans, events or key points",
            )
            return
        within = [
            other
            for other in self._people_names
            if len(other.split()) > len(words) and find_words(wanted, other)
        ]
        if within:
            yield Problem(
                field,
                f"“{name}” is part of the name of {within[0]}, another person of the brief: one person, one "
                "entry; give this passage to theirs",
            )
            return
        # "al-Assad", "d'Estaing": a particle joined to the capitalised name
        lower = [w for w in words if not any(c.isupper() for c in w) and w.casefold() not in NAME_PARTICLES]
        if lower:
            yield Problem(field, f"“{name}” is no person's name: “{lower[0]}” does not start with a capital")
        elif not any(any(c.islower() for c in w) for w in words):
            yield Problem(
                field,
                f"“{name}” is written in capitals only, as a caption's or a credit's first words are: it does "
                "not show that it names someone; name the person as the article writes their name in its "
                "running text",
            )
        elif len(words) == 1 and not self._named_mid_sentence(words[0]) and self._written_small(words[0]):
            yield Problem(
                field,
                f"“{name}” has its capital only at the start of sentences, and the article writes it in small "
                f"letters too (“{words[0].casefold()}”): a common word, not a name; name the person by the words "
                "the article names them with",
            )

    def _whole_phrase(self, field: str, as_written: str, located: list[Located]) -> Iterator[Problem]:
        """The phrase that names a person is whole: not cut after a word that qualifies its title ("Former |
        Mayor Ben Oster", "the late | envoy Tess Marr", "would-be | mayor Ivo Renn"), after a capitalised word
        of a longer title ("Prime | Minister Naftali Bennett") or after a small word that joins a title's words
        ("Ukrainian Ambassador to | Israel Yevgen Korniychuk", "US Secretary of | Defense Lloyd Austin"), in
        every place its passages write it. The title phrase runs back over capitalised words and the small words
        that join them (`kinds.title_start`), and the message gives it whole."""
        wanted = normalise(as_written)
        cuts: list[str] = []
        for place in located:
            text = place.paragraph.text
            sentence_start = place.sentences[0].start
            for at in find_words(wanted, place.passage):
                start = place.start + at
                before = list(re.finditer(r"\S+", text[sentence_start:start]))
                words = [m.group() for m in before] + wanted.split()
                first = kinds.title_start(words, len(before), self._small_at_start)
                if first == len(before) or any(
                    re.search(r"(?:'s|s')$", words[k])
                    and self._names_a_person(" ".join(words[first : k + 1]))
                    for k in range(first, len(before))
                ):
                    return  # whole here, or opened after another person's possessive ("Ben Oster's | wife Ada")
                cuts.append(
                    place.paragraph.written(sentence_start + before[first].start(), start + len(wanted))
                )
        if cuts:
            yield Problem(
                field,
                f"“{as_written}” is cut from the words that title the person: the article writes “{cuts[0]}”; "
                "write that phrase whole, from the word that qualifies or begins the title",
            )

    def _small_at_start(self, word: str) -> bool:
        """A sentence's first word that the article writes in small letters, and capitalised only where a
        sentence opens ("Workers load …": a common word, no title's; not "Defense", which it writes
        capitalised mid-sentence too)."""
        return self._written_small(word) and not self._named_mid_sentence(word)

    def _not_a_person(self, field: str, person: Person) -> Iterator[Problem]:
        """A name the article itself shows to be a body or a place is no person: beside it a member's noun
        ("Korvan militants"), a body's noun before it ("the movement Selvar"), "which" after it ("Korvan,
        which controls …") or a place's preposition before it ("held in Mirren"); unless a person's title
        stands in its role or just before it somewhere in the article ("Envoy Sarn" beside "Sarn fighters").
        The hand lists (ORGANISATION_WORDS, PLACE_NAMES) know only the bodies and places named beforehand."""
        name = normalise(person.name)
        if any(word in _PERSON_TITLE_WORDS for word in normalise(person.role or "").split()):
            return
        signals: list[str] = []
        for paragraph in self.article.paragraphs:
            text = paragraph.text
            for at in find_words(name, text):
                before = text[:at].split()
                after_text = text[at + len(name) :]
                after = after_text.split()
                previous = before[-1] if before else ""
                if previous in _PERSON_TITLE_WORDS:
                    return  # "Envoy Sarn": the article titles them as a person
                following = after[0].strip(_PUNCTUATION) if after else ""
                run = _name_run(after)
                if run is not None:  # "Ben-Gurion Airport", "the Boryspil International Airport"
                    signals.append(f"“{paragraph.written(at, at + len(name))} {run}”")
                    continue
                if following[:1].isupper() or after_text.startswith("-"):
                    continue  # part of a longer name ("Mirren Harbour"), a name of its own
                possessive = after_text.startswith(("’s", "'s"))
                owned = _name_run(after[1:]) if possessive else None
                if owned is not None:  # "Mariupol’s Azovstal Iron and Steelworks": a place's or a body's own
                    signals.append(f"“{paragraph.written(at, at + len(name))}’s {owned}”")
                    continue
                member = (after[1] if possessive and len(after) > 1 else following).strip(_PUNCTUATION)
                if member.casefold() in MEMBER_NOUNS and (possessive or not after_text.startswith(",")):
                    signals.append(f"“{paragraph.written(at, at + len(name))} {member}”")
                elif after_text.startswith(", which"):
                    signals.append(f"“{paragraph.written(at, at + len(name))}, which”")
                elif previous.casefold() in BODY_NOUNS or (
                    previous.casefold() in PLACE_SIGNALS and not possessive
                ):
                    signals.append(f"“{previous} {paragraph.written(at, at + len(name))}”")
        if signals:
            yield Problem(
                field,
                f"“{person.name}” is a body or a place, as the article writes it ({', '.join(dict.fromkeys(signals))}), "
                "and the article gives it no person's title or role: people are the persons the story is about; "
                "what a body did is told by aid, loans, events or key points",
            )

    def _written_small(self, word: str) -> bool:
        small = word.casefold()
        return any(find_words(small, paragraph.text) for paragraph in self.article.paragraphs)

    def _named_mid_sentence(self, word: str) -> bool:
        for paragraph in self.article.paragraphs:
            for at in find_words(word, paragraph.text):
                opening = next((s for s in paragraph.sentences if s.start <= at < s.end), None)
                if opening is None or paragraph.text[opening.start : at].strip(" “‘\"'(—–-"):
                    return True
        return False

    def _referents(self, where: str, located: list[Located]) -> Iterator[Problem]:
        """A person's passage that opens with a pronoun says whom it stands for: the one person of its kind the
        sentence before it names (`_pronoun_referent`: "Ilan Mezushan participated … . He can be seen …"),
        shown beside it; a passage whose pronoun points to no one, or to two people it could equally stand
        for, is refused: a reader cannot tell whom it means, and the brief does not guess."""
        proof = self.proofs.get(where)
        if proof is None or len(proof.passages) != len(located):
            return
        shown = list(proof.passages)
        for index, place in enumerate(located):
            pronoun = opening_pronoun(place.passage) or ""
            if index == 0 or not pronoun:  # a lead never opens with one (`_lead`)
                continue
            sentence = self._sentence_before(place)
            referent = self._pronoun_referent(pronoun, sentence, self._speakers(""))
            if referent.name is None:
                yield Problem(
                    f"{where}.evidence[{index}]",
                    f"opens with “{pronoun}”, and the sentence before it "
                    + (
                        "names no one of [[people]]"
                        if not referent.could_be
                        else f"could stand for {' or '.join(referent.could_be)}"
                    )
                    + ": a reader cannot tell whom it stands for; quote words that name them",
                )
                continue
            shown[index] = dataclasses.replace(shown[index], referent=referent.shown(pronoun))
        self.proofs[where] = dataclasses.replace(proof, passages=tuple(shown))

    def _pronoun_referent(
        self, pronoun: str, before: str, candidates: Sequence[tuple[str, list[str]]]
    ) -> _Referent:
        """Whom `pronoun` stands for after the sentence `before`: the one person of its kind that sentence names,
        among `candidates` (the brief's people, each by the forms that name them) and anyone else it names by a
        person's title ("Mayor Ben Oster"). Not of its kind: for "he" or "she", people named together ("Ada
        Quill and Ben Oster": "they"), and anyone a title in the article gives the other pronoun ("Mrs Ada
        Quill" is no "he"). Two or more left, or none, and it stands for no one the article settles."""
        mentions: list[tuple[int, int, str]] = []
        for name, forms in candidates:
            for form in forms:
                for at in find_words(form, before) if form else []:
                    mentions.append((at, at + len(form), name))
        mentions.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept: list[tuple[int, int, str]] = []
        for (
            mention
        ) in mentions:  # the longest form at each place; a shorter form inside it is the same person
            if not any(k[0] <= mention[0] < k[1] for k in kept):
                kept.append(mention)
        for match in _TITLED_NAME.finditer(before):
            start, end = match.span("name")
            name = match.group("name")
            if match.group("title") not in _PERSON_TITLE_WORDS or name in _PLACES:
                continue
            if name.split()[-1].casefold() in ORGANISATION_WORDS or any(
                k[0] < end and start < k[1] for k in kept
            ):
                continue
            kept.append((match.start(), end, name))
        folded = pronoun.casefold()
        takes: dict[str, str] = {}  # a described person's pronoun, from their noun ("the spokeswoman": "she")
        for start, end, name, noun, plural in [
            *self._described(before, kept, candidates),
            *self._lone_names(before, kept),
        ]:
            if any(k[0] < end and start < k[1] for k in kept) or (plural and folded != "they"):
                continue  # "officials" may be "they", never "he"
            kept.append((start, end, name))
            for gendered, nouns in PERSON_NOUN_PRONOUNS.items():
                if noun in nouns:
                    takes[name] = gendered
        kept.sort()
        paired = {
            name
            for first, second in itertools.pairwise(kept)
            if before[first[1] : second[0]].strip().casefold() == "and"
            for name in (first[2], second[2])
        }
        named = list(dict.fromkeys(name for _, _, name in kept))
        other = {"he": "she", "she": "he"}.get(folded)
        titled = {
            name: title
            for name in named
            if other is not None
            for title in [self._pronoun_title(name, candidates, other) if takes.get(name) != other else name]
            if title is not None
        }
        if folded not in ("he", "she", "his", "her", "him"):
            paired = set()
        singles = [name for name in named if name not in paired and name not in titled]
        if len(singles) == 1:
            return _Referent(singles[0], (), tuple(n for n in named if n in paired), titled)
        could_be = tuple(singles) if singles else tuple(named) if len(named) > 1 else ()
        return _Referent(None, could_be, (), {})

    def _described(
        self,
        before: str,
        named: Sequence[tuple[int, int, str]],
        candidates: Sequence[tuple[str, list[str]]],
    ) -> Iterator[tuple[int, int, str, str, bool]]:
        """The people `before` describes by a person noun (PERSON_NOUNS), whom a pronoun may stand for as well
        as anyone it names: after a determiner or a possessive ("the harbour master", "her deputy", "Lina Vos's
        deputy"), or a plural with none ("officials"). Each as (start, end, the article's words, its noun,
        plural). Not one that says who someone named is: a title before their name ("harbour master Tom
        Berg"), next to it ("Tom Berg, the harbour master,", "the minister, Tom Berg,") or after a copula
        ("Tom Berg is the minister"), nor a noun that qualifies the next ("a worker protest"). A "the"
        description the article gives someone beside their name elsewhere is that person (`_described_as`)."""
        words = list(_WORD.finditer(before))

        def joined(left: int, right: int) -> bool:  # only spaces between two words
            return not before[words[left].end() : words[right].start()].strip()

        for index, word in enumerate(words):
            found = _person_noun(word.group())
            if found is None or _quoted_at(before, word.start()):
                continue
            noun, plural = found
            after = words[index + 1] if index + 1 < len(words) and joined(index, index + 1) else None
            then = words[index + 2].group().casefold() if after is not None and index + 2 < len(words) else ""
            if after is not None and (
                (word.group()[:1].isupper() and after.group()[:1].isupper())
                or (
                    after.group()[:1].islower()
                    and after.group().casefold() not in (*RELATIVE_OPENERS, "that")
                    and lexicon.may_be(after.group(), "NOUN")
                    and (lexicon.only(after.group(), "NOUN") or then in INVERTED_AUXILIARIES)
                )
            ):
                continue  # "Minister Berg" (a title, read with the name), "a worker strike", "worker protests were"
            apposed = re.match(r",\s+", before[word.end() :])
            if apposed is not None and (
                any(
                    start == word.end() + apposed.end() and re.match(r"\s*(?:[,.;:)!?]|$)", before[end:])
                    for start, end, _ in named
                )
                or re.match(r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*,", before[word.end() + apposed.end() :])
            ):
                continue  # "the minister, Tom Berg, …"
            first = index
            while first > 0 and index - first < 3 and joined(first - 1, first):
                previous = words[first - 1].group()
                if previous.casefold() in PERSON_NOUN_DETERMINERS or previous != _possessive(previous):
                    break
                if previous.casefold() in SAME_PERSON_WORDS or (
                    lexicon.may_be(previous, "VERB")
                    and not (lexicon.may_be(previous, "NOUN") or lexicon.may_be(previous, "ADJ"))
                ):
                    break
                first -= 1
            opener = words[first - 1] if first > 0 and joined(first - 1, first) else None
            owner = opener is not None and opener.group() != _possessive(opener.group())
            if opener is None or not (owner or opener.group().casefold() in PERSON_NOUN_DETERMINERS):
                if (plural and not lexicon.may_be(word.group(), "VERB")) or noun in DETERMINED_PERSON_NOUNS:
                    yield (
                        words[first].start(),
                        word.end(),
                        before[words[first].start() : word.end()],
                        noun,
                        plural,
                    )
                continue  # "became minister": a bare singular is no one of its own
            start = words[first].start() if owner and opener.group()[:1].isupper() else opener.start()
            shown_from = opener.start()
            if owner and opener.group()[:1].isupper():  # "Lina Vos's deputy": shown with its owner's name
                at = first - 1
                while at > 0 and joined(at - 1, at) and words[at - 1].group()[:1].isupper():
                    at -= 1
                shown_from = words[at].start()
            elif (
                owner
                and first > 1
                and joined(first - 2, first - 1)
                and words[first - 2].group().casefold() in PERSON_NOUN_DETERMINERS
            ):  # "the harbour's master"
                shown_from = words[first - 2].start()
            ahead = before[:shown_from].rstrip()
            previous_word = ahead.split()[-1].casefold() if ahead.split() else ""
            closed = _APPOSITION_CLOSE.match(before[word.end() :]) is not None
            if previous_word in SAME_PERSON_WORDS or any(
                ahead.endswith(",") and end == len(ahead) - 1 and closed for _, end, _ in named
            ):
                continue  # "Tom Berg is the minister", "Tom Berg, the harbour master, …" (not "After meeting
                # Tom Vos, the minister spoke")
            shown = before[shown_from : word.end()]
            if opener.group().casefold() == "the" and not plural:
                shown = self._described_as(before[words[first].start() : word.end()], candidates) or shown
            yield start, word.end(), shown, noun, plural

    def _described_as(self, description: str, candidates: Sequence[tuple[str, list[str]]]) -> str | None:
        """The one person whom the article calls by `description` beside their name ("the harbour master" after
        "Tom Berg, the harbour master," or "Harbour master Tom Berg"): a later "the harbour master" is them."""
        core = r"\s+".join(re.escape(w) for w in description.split())
        found = set()
        for name, forms in candidates:
            for form in forms:
                if not form:
                    continue
                named = re.escape(form)
                patterns = (
                    # an apposition closes: "Tom Berg, the minister, spoke", not "After meeting Tom Berg, the
                    # minister spoke"
                    rf"\b{named},\s+the\s+(?:[\w’'-]+\s+){{0,2}}{core}(?={_APPOSITION_CLOSE.pattern})",
                    rf"\b{core},\s+{named}(?=\s*(?:[,.;:)!?]|$))",
                    rf"\b{core}\s+{named}\b",
                    rf"\b{named}\s+(?:is|was|became)\s+the\s+(?:[\w’'-]+\s+){{0,2}}{core}\b",
                )
                if any(
                    re.search(pattern, paragraph.text, re.IGNORECASE)
                    for pattern in patterns
                    for paragraph in self.article.paragraphs
                ):
                    found.add(name)
        return next(iter(found)) if len(found) == 1 else None

    def _lone_names(
        self, before: str, named: Sequence[tuple[int, int, str]]
    ) -> Iterator[tuple[int, int, str, str, bool]]:
        """The one-word names `before` writes that stand for a person ("Tom Vos met Berg on Monday."), whom a
        pronoun may stand for as well: a capitalised word on its own (not in a run of them), outside quotation
        marks, that is no one's name already read, no place, body, party, alias, agency, month or day and no word
        the article writes small; the article gives it no sign of a place or a body (`_place_or_body`), and one
        of a person: a title, a saying ("Berg said", "said Berg") or a person's place in its sentence (after
        PERSON_SLOT_WORDS, or joined by "and" to someone named). A capitalised word with neither ("Tom Berg said
        Vesta had shut the port") is left unread: a name of a place and a person's look alike."""
        words = list(_WORD.finditer(before))
        for index, word in enumerate(words):
            name = _possessive(word.group())
            if not name[:1].isupper() or _quoted_at(before, word.start()):
                continue
            if any(start <= word.start() < end for start, end, _ in named):
                continue
            neighbours = [words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
            if any(
                n.group()[:1].isupper()
                and not before[min(n.end(), word.end()) : max(n.start(), word.start())].strip()
                and n.group().rstrip(".") not in _PERSON_TITLE_WORDS
                for n in neighbours
            ):
                continue  # a run of capitals: a name `_article_names` reads, or a body's or a place's
            if (
                name in _PLACES
                or name in self._parties
                or name in _PERSON_TITLE_WORDS
                or name == name.upper()
                or _person_noun(name) is not None
                or name.casefold() in (*_NOT_A_NAME, *PRONOUNS, *_RUN_OPENERS, *QUANTIFIER_SUBJECTS)
                or name.casefold() in NOBODY_SUBJECTS
                or normalise(name) in self.aliases
                or name in NEWS_AGENCY_NAMES
                or find_words(name, self.brief.source.publisher)
                or self._written_small(name)
                or any(find_words(name, n) for _, _, n in named)
                or self._place_or_body(name)
            ):
                continue
            ahead = [w.casefold() for w in before[: word.start()].split()[-2:]]
            joined_to = any(
                re.fullmatch(r"\s+(?:and|or)\s+", gap)
                for start, end, _ in named
                for gap in (before[end : word.start()], before[word.end() : start])
            )
            if (
                (ahead and (ahead[-1] in PERSON_SLOT_WORDS or " ".join(ahead) in PERSON_SLOT_WORDS))
                or joined_to
                or self._person_signal(name)
            ):
                yield word.start(), word.start() + len(name), name, "", False

    def _place_or_body(self, name: str) -> bool:
        """Whether the article writes `name` as a place's or a body's: after a place's preposition ("in Vesta"),
        before a body's, an organ's or a place's noun ("Vesta police", "Vesta's port"), or saying of itself
        ("Vesta said it …")."""
        nouns = "|".join(
            sorted(
                {
                    *PLACE_NAME_WORDS,
                    *ORGANISATION_WORDS,
                    *STATE_ORGAN_NOUNS,
                    *MEMBER_NOUNS,
                    *PLACE_OWNED_NOUNS,
                },
                key=len,
                reverse=True,
            )
        )
        places = "|".join(sorted({*PLACE_SIGNALS, *PLACE_PREPOSITIONS}, key=len, reverse=True))
        says = "|".join(SAYING_VERBS)
        patterns = (
            rf"\b(?:{places})\s+{re.escape(name)}\b",
            rf"\b{re.escape(name)}(?:'s|’s)?\s+(?:{nouns})\b",
            rf"\b{re.escape(name)}\s+(?:{says})\s+(?:that\s+)?(?:it|its)\b",
        )
        return any(
            re.search(pattern, paragraph.text, re.IGNORECASE if index == 0 else 0)
            for paragraph in self.article.paragraphs
            for index, pattern in enumerate(patterns)
        )

    def _person_signal(self, name: str) -> bool:
        """Whether the article writes `name` as a person's: after a person's title ("Mr Berg", "minister
        Berg"), or as who says something ("Berg said", "Berg spoke", "said Berg")."""
        titles = "|".join(re.escape(t.rstrip(".")) for t in _PERSON_TITLE_WORDS)
        says = "|".join((*SAYING_VERBS, "spoke"))
        patterns = (
            rf"\b(?:{titles})\.?\s+{re.escape(name)}\b",
            rf"\b{re.escape(name)}\s+(?:{says})\b",
            rf"\b(?:{says})\s+{re.escape(name)}(?=\s*[,.;:!?]|\s*$)",  # '", said Berg.', not "said Berg had"
        )
        return (
            any(
                re.search(pattern, paragraph.text)
                for paragraph in self.article.paragraphs
                for pattern in patterns
            )
            or any(
                found is not None and not found[1]  # "minister Berg"
                for paragraph in self.article.paragraphs
                for at in find_words(name, paragraph.text)
                for found in [_person_noun(w) for w in paragraph.text[:at].split()[-1:]]
            )
        )

    def _pronoun_title(
        self, name: str, candidates: Sequence[tuple[str, list[str]]], pronoun: str
    ) -> str | None:
        """A title the article writes just before `name` (or its surname) that takes `pronoun` ("Mrs"); None."""
        forms = next((forms for n, forms in candidates if n == name), [normalise(name)])
        surname = normalise(name).split()[-1] if name.split() else ""
        for paragraph in self.article.paragraphs:
            for form in {*forms, surname}:
                for at in find_words(form, paragraph.text) if form else []:
                    words = paragraph.text[:at].split()
                    if words and words[-1] in PRONOUN_TITLES[pronoun]:
                        return words[-1]
        return None

    def _at_person(self, person: Person, text: str) -> list[int]:
        """Where `text` names `person`: by the phrase that names them, their name, or their surname."""
        surname = normalise(person.name).split()[-1]
        return [
            at
            for form in (person.as_written, person.name, surname)
            for at in find_words(normalise(form), text)
        ]

    def _lead(self, where: str, person: Person) -> Iterator[Problem]:
        """An entry about a person is led by a passage that names them as whom it tells of: not one whose
        subject is a pronoun for someone named before ("He can be seen in a video posted to the Twitter
        account of … Lloyd Austin": "He" is Mezushan), and not one that does not name them at all."""
        lead = normalise(person.evidence[0])
        first = opening_pronoun(lead) or ""
        surname = normalise(person.name).split()[-1]
        if first:
            yield Problem(
                f"{where}.evidence[0]",
                f"leads the entry with “{' '.join(lead.split()[:8])} …”, whose subject “{first}” stands for "
                f"someone named before it: lead with a passage that names {person.name} as whom it tells of",
            )
        elif not any(self._written(name, [lead]) for name in (person.name, person.as_written, surname)):
            yield Problem(
                f"{where}.evidence[0]",
                f"leads the entry with a passage that does not name {person.name}: lead with one that does",
            )

    def _deal_sources(self, where: str, deal: Dealing, located: list[Located]) -> Iterator[Problem]:
        """Who says so for a deal stands in the sentence of its status verb, or closes or opens the account
        that sentence is told in: "The Prime Minister’s Office said it is checking the possibility" answers
        Ukraine's request, it is not who says Ukraine asked."""
        verb = normalise(deal.status_as_written)
        told = [(p, s) for p in located for s in p.sentences if find_words(verb, s.text)]
        if not told:
            return  # the verb is not in the evidence: its own error says so
        for said in deal.attributed:
            if said.role != "source":
                continue
            text = normalise(said.text)
            for place, sentence in told:
                own = _clause_source(deal, place.paragraph, sentence)
                spans = [(a, a + len(text)) for a in find_words(text, sentence.text)]
                if own is not None and spans and not any(a <= own[1] and own[2] <= b for a, b in spans):
                    yield Problem(
                        f"{where}.attribution",
                        f"“{said.text}” tells another clause of “{sentence.text}”: “{deal.status_as_written}” is "
                        f"told by “{sentence.text[: own[2]].split(',')[-1].strip()}”, in its own clause",
                    )
                    break
                if find_words(text, sentence.text):
                    break
                governing = governing_attribution(place.paragraph, sentence)
                if governing is not None and find_words(text, governing[0].text):
                    break
            else:
                yield Problem(
                    f"{where}.attribution",
                    f"“{said.text}” does not say who tells “{deal.status_as_written}”: it stands in another "
                    f"sentence than “{told[0][1].text}”, and no account that sentence is told in; give it its "
                    "role (`response`, `caveat`, …)",
                )

    def _aid(self, where: str, flow: AidFlow, located: list[Located]) -> Iterator[Problem]:
        texts = [p.passage for p in located]
        yield from self._deal_sources(where, flow, located)
        yield from self._value(f"{where}.donor", flow.donor, texts)
        yield from self._value(f"{where}.recipient", flow.recipient, texts)
        for index, item in enumerate(flow.items):
            yield from self._value(f"{where}.items[{index}]", item, texts)
            yield from _item_whole(f"{where}.items[{index}]", item, located)
            first = normalise(item).split()[0].casefold() if item.split() else ""
            if first in NONE_WORDS and flow.status not in _NOT_DONE:
                yield Problem(
                    f"{where}.items[{index}]",
                    f"“{item}” names what was not given (“{first} …”): status “{flow.status}” cannot be said of it; "
                    "tell it as a key point in the article's words",
                )
        named_to_deny = list(
            self._denied(
                where,
                flow,
                [("donor", flow.donor), ("recipient", flow.recipient)]
                + [(f"items[{i}]", item) for i, item in enumerate(flow.items)]
                + _adjuncts(flow),
                located,
            )
        )
        yield from named_to_deny
        cues = AID_KIND_WORDS[flow.kind]
        # "has not provided military aid to Kyiv beyond helmets": a phrase that excepts the items says what they are
        naming = [*flow.items, *([flow.status_as_written] if _excepting(flow.status_as_written) else [])]
        if cues and not any(find_words(cue, normalise(i), ignore_case=True) for cue in cues for i in naming):
            yield Problem(
                f"{where}.kind",
                f"“{flow.kind}” aid names what it is: its items say none of “{'”, “'.join(cues)}”",
            )
        sentences = [s for place in located for s in place.sentences]
        with_items = [s.text for s in sentences if any(self._written(i, [s.text]) for i in flow.items)]
        yield from self._status(
            where,
            flow.status,
            flow.status_as_written,
            located,
            with_items,
            "an item",
            flow.items,
            parties=(*self._forms(flow.donor), *self._forms(flow.recipient)),
            giving="aid",
            attributed=flow.attributions,
        )
        places = self._verb_clauses(flow.status_as_written, located)
        parties = self._forms(flow.donor) + self._forms(flow.recipient)
        telling = [verb for verb in places if self._said_of(flow, verb, parties)]
        if with_items and places and not telling:
            clause = places[0].clause
            yield Problem(
                f"{where}.status_as_written",
                f"“{flow.status_as_written}” is not said of an item: in its clause “{clause.text}” none of "
                f"“{'”, “'.join(flow.items)}” is what it tells of (its object, its subject, or what “the "
                "possibility” points back to), so it may tell of something else",
            )
        yield from self._items_aside(where, flow, places)
        if telling:
            yield from self._items_told(where, flow, telling)
        yield from self._lent_as_aid(where, flow, telling or places)
        yield from self._dealing(where, flow, located, telling or places)
        yield from (
            problem
            for problem in self._doer_problems(
                where, flow, telling or places, [("donor", flow.donor), ("recipient", flow.recipient)]
            )
            if problem.item not in {denied.item for denied in named_to_deny}  # said once, as denied
        )
        yield from self._aid_parties(where, flow, telling or places)
        yield from self._relative_parties(
            where,
            flow.status_as_written,
            [(at.place.paragraph, at.at) for at in telling or places],
            ("donor", flow.donor),
            ("recipient", flow.recipient),
        )
        placed = [
            place for verb in telling if (place := self._only_as_place(flow.recipient, verb)) is not None
        ]
        yield from self._aid_reading(where, flow, placed if telling and len(placed) == len(telling) else [])
        judged = [
            self._direction(flow.status, flow.status_as_written, flow.donor, flow.recipient, _told_span(verb))
            for verb in telling
        ]
        if judged and not any(ok is not False for ok in judged):
            yield _direction_problem(f"{where}.donor", "donor", flow.donor, "recipient", flow.recipient)
        yield from self._one_side(where, "donor", flow.donor, "recipient", flow.recipient)
        asking = _taker_first(normalise(flow.status_as_written))
        verb = normalise(flow.status_as_written)
        doers = [found for at in (telling or places) for found in self._verb_doers(at, verb)]
        read = [found for found in doers if found[2] is not None and not found[2].passive]
        if (
            not asking
            and read
            and len(read) == len(doers)
            and all(self._does_it(self._forms(flow.recipient), verb, found) for found in read)
            and not any(self._does_it(self._forms(flow.donor), verb, found) for found in read)
            and not (judged and not any(ok is not False for ok in judged))
        ):
            yield Problem(
                f"{where}.recipient",
                f"“{flow.recipient}” is who does “{flow.status_as_written}” (“{_doer_clause(read[0])}”), not "
                "who receives: the recipient is whom the verb's words give to",
            )

    def _one_side(
        self, where: str, field: str, giver: str, taker_field: str, taker: str
    ) -> Iterator[Problem]:
        """A deal is between two: its giver is not its receiver, by name or by alias ("Ukraine" and "Kyiv")."""
        if set(self._forms(giver)) & set(self._forms(taker)) or normalise(giver) in self.aliases.get(
            normalise(taker), []
        ):
            yield Problem(
                f"{where}.{field}",
                f"“{giver}” is also the {taker_field} (“{taker}”): a deal is between two parties; name the "
                f"{field} as the article names who gives",
            )

    def _lent_as_aid(self, where: str, flow: AidFlow, verbs: Sequence[_VerbPlace]) -> Iterator[Problem]:
        """A giving the article tells as lent ("lent Estria $40 million", "a $40 million loan", "$40 million as a
        loan") is a loan: under /aid it would read as a gift, never to be paid back."""
        lending = _loan_words(normalise(flow.status_as_written))
        for verb in verbs:
            text = verb.clause.text
            near = [
                text[max(0, at - 24) : at + len(form) + 16]
                for item in flow.items
                for form in self._forms(item)
                for at in find_words(form, text)
            ]
            told = [w for w in LOAN_WORDS if find_words(w, " ".join(near), ignore_case=True)]
            if lending or (told and any(_loan_words(n) for n in near)):
                said = flow.status_as_written if lending else told[0]
                yield Problem(
                    f"{where}.kind",
                    f"“{said}” tells it as a loan, money to be paid back (“{text}”): enter it under loans, "
                    "with the amount as written, not as aid",
                )
                return

    def _denied(
        self, where: str, deal: Dealing, values: Sequence[tuple[str, str]], located: list[Located]
    ) -> Iterator[Problem]:
        """A value the sentences of the deal's verb name only to deny it ("Norland lent Estria $50 million, not
        $90 million.": not $90 million; "Oster, rather than Vesta, has sent pilots": not Vesta) is not what was
        done, promised or planned: refused unless the deal is told as not done."""
        if deal.status in _NOT_DONE:
            return
        verb = normalise(deal.status_as_written)
        sentences = {
            (place.paragraph.number, s.start): s
            for place in located
            for s in place.sentences
            if find_words(verb, s.text)
        }
        for field, value in values:
            found: list[str | None] = []
            for sentence in sentences.values():
                for form in self._forms(value):
                    for at in find_words(form, sentence.text):
                        before = " ".join(w.strip(_PUNCTUATION) for w in sentence.text[:at].split()[-2:])
                        denying = next((w for w in DENYING_WORDS if before.casefold().endswith(w)), None)
                        excepted = _EXCEPTED_BEFORE.search(sentence.text[:at])
                        if excepted is not None and _affirming_but(excepted.group()):
                            excepted = None  # "No country but Norland sent …": Norland sent it
                        if denying is None and excepted is not None and field in _PARTY_FIELDS:
                            denying = excepted.group().strip()  # "every country but Norland sent …"
                        found.append(denying)
            if found and all(word is not None for word in found):
                yield Problem(
                    f"{where}.{field}",
                    f"“{value}” stands just after “{found[0]}”: the article names it to deny it, not as what was "
                    "done; name the value the article says was",
                )

    def _only_as_place(self, recipient: str, verb: _VerbPlace) -> tuple[str, str] | None:
        """(the words, the told span), as written, when the verb's words name `recipient` only as where it
        happened, after "in", "at", …: "built a field hospital in Ukraine" says where, not who received it."""
        text = _told_span(verb)
        found = self._at(recipient, text)
        if not found or not all(_word_before(text, 0, at).casefold() in PLACE_PREPOSITIONS for at in found):
            return None
        at = found[0]
        start = text.rfind(" ", 0, at - 1) + 1
        offset = verb.previous.start if verb.previous is not None else verb.clause.start
        paragraph = verb.place.paragraph
        form = next(f for f in self._forms(recipient) if text.startswith(f, at))
        return (
            paragraph.written(offset + start, offset + at + len(form)),
            paragraph.written(offset, offset + len(text.rstrip(" .;,!?"))),
        )

    def _aid_reading(self, where: str, flow: AidFlow, placed: list[tuple[str, str]]) -> Iterator[Problem]:
        """What a negated verb excepts ("has not provided military aid to Kyiv beyond helmets and protective
        vests") is given by inference, not in the article's words; so is a recipient the verb's words name only
        as where it happened (`placed`: "built a field hospital in Ukraine"). Such a flow says reading = true,
        and only such a flow does."""
        phrase = normalise(flow.status_as_written)
        excepting = _excepting(phrase)
        inferred = (
            flow.status == "provided"
            and bool(excepting)
            and read_status(phrase.split(" " + excepting[0][0])[0], "") == "not provided"
        )
        if placed and flow.status in ("provided", "delivered"):
            words, told = placed[0]
            if flow.reading:
                proof = self.proofs.get(where)
                self.proofs[where] = ItemProof(proof.passages if proof else (), words, told)
                return
            yield Problem(
                f"{where}.reading",
                f"“{flow.recipient}” stands in “{told}” only as where it happened (“{words}”): that "
                f"{flow.recipient} received the items is a reading, so say reading = true and every answer shows "
                "it as one",
            )
            return
        if inferred and not flow.reading:
            yield Problem(
                f"{where}.reading",
                f"is given only by what “{flow.status_as_written}” excepts: the article says what was not given; "
                "that these items were is a reading, so say reading = true and every answer shows it as one",
            )
        elif flow.reading and not inferred:
            yield Problem(
                f"{where}.reading",
                "says reading = true, but the article tells this flow in its own words: leave it out",
            )

    def _direction(self, status: Status, as_written: str, giver: str, taker: str, text: str) -> bool | None:
        """Whether `text` tells `giver` giving to `taker`: the giver stands before the taker ("Israel has sent
        … in Ukraine", "the United States' security assistance to Ukraine", "called for Israel to send military
        aid to Ukraine"); for a request the asker stands before the verb and the asked after it ("Ukraine also
        asked Israel for a loan"). None when the text does not name both."""
        given, taken = self._at(giver, text), self._at(taker, text)
        if not given or not taken:
            return None
        verb = normalise(as_written)
        at = find_words(verb, text)
        asking = _taker_first(verb)
        if at and not asking:  # "…, and so did Vesta": who does the verb again stands where its subject does
            again = repeated_subjects(text, at[0], len(text))
            given = [at[0] if any(start <= g < end for start, end in again) else g for g in given]
            if all(any(start <= t < end for start, end in again) for t in taken):
                return False  # "Norland lent Estria …, and so did Vesta": Vesta lends, it does not borrow
        agent = passive_agent(text, at[0], at[0] + len(verb)) if at else None
        if agent is not None:  # "a loan was provided to Ukraine by Japan": who does it follows "by"
            doer, done_to = (taken, given) if asking else (given, taken)
            if agent in doer:
                return True
            return False if agent in done_to else None
        if asking:
            if not at:
                return None
            return any(t < at[0] for t in taken) and any(g > at[0] for g in given)
        return any(g < t for g in given for t in taken)

    def _at(self, value: str, text: str) -> list[int]:
        return sorted(at for form in self._forms(value) for at in find_words(form, text))

    def _forms(self, value: str) -> list[str]:
        """`value` and the words its declared alias writes for it."""
        wanted = normalise(value)
        return [wanted, *self.aliases.get(wanted, [])]

    def _verb_clauses(self, as_written: str, located: list[Located]) -> list[_VerbPlace]:
        """Each place the status verb stands in the evidence, with the clause it stands in
        (`Paragraph.clauses`) and the clause before that in its sentence, when the passage shows it."""
        verb = normalise(as_written)
        found: list[_VerbPlace] = []
        for place in located:
            for at in place.places_of(verb):
                sentence = next(s for s in place.paragraph.sentences if s.start <= at < s.end)
                clauses = place.paragraph.clauses(sentence)
                index = next((i for i, c in enumerate(clauses) if c.start <= at < c.end), 0)
                previous = clauses[index - 1] if index > 0 else None
                shown = previous if previous is not None and place.start <= previous.start else None
                found.append(_VerbPlace(place, at, clauses[index], shown))
        return found

    def _items_told(self, where: str, flow: AidFlow, telling: Sequence[_VerbPlace]) -> Iterator[Problem]:
        """Every item is what the verb tells of (REVIEW-7 C1), not only one: its object, listed with the other
        items after it ("sent fuel, nets and rope to Estria"), its subject, or what its object points back to;
        "Refused by Bennett · … military aid, Israel Air Force planes" named planes of the reason as refused."""
        if len(flow.items) < 2:
            return
        parties = self._forms(flow.donor) + self._forms(flow.recipient)
        for index, item in enumerate(flow.items):
            others = [form for other in flow.items if other != item for form in self._forms(other)]
            single = flow.model_copy(update={"items": [item]})
            if any(self._said_of(single, verb, [*parties, *others], listing=True) for verb in telling):
                continue
            clause = telling[0].clause.text
            yield Problem(
                f"{where}.items[{index}]",
                f"“{item}” is not what “{flow.status_as_written}” tells of in “{clause}”: each item is the verb's "
                "object (or listed with the other items after it), its subject, or what its object points back to",
            )

    def _items_aside(self, where: str, flow: AidFlow, places: Sequence[_VerbPlace]) -> Iterator[Problem]:
        """An item written in the verb's sentence only inside a clause of its own that the verb is not in
        (HOSTILE-13 X5, X6: "Norland, from which Estria bought fuel, sent water …") is not what the verb gives:
        refused when every place the verb stands in reads it so."""
        for index, item in enumerate(flow.items):
            cut: list[str] = []
            for verb in places:
                text = verb.place.paragraph.text
                sentence = next(
                    (s for s in verb.place.paragraph.sentences if s.start <= verb.at < s.end), None
                )
                if sentence is None:
                    break
                found = [
                    at
                    for form in self._forms(item)
                    for at in find_words(form, text)
                    if sentence.start <= at < sentence.end
                ]
                if not found or any(own_clause(text, sentence, at, verb.at) for at in found):
                    break
                holding = [
                    span
                    for span in asides(text, sentence.start, sentence.end)
                    if span[0] <= found[0] < span[1]
                ]
                if not holding:
                    break  # the verb is in an aside, the item in the main clause: other rules read it
                cut.append(verb.place.paragraph.written(*holding[0]).strip(" ,"))
            else:
                if cut:
                    yield Problem(
                        f"{where}.items[{index}]",
                        f"“{item}” is told only in “{cut[0]}”, a clause of its own, not with “"
                        f"{flow.status_as_written}”: name the items the verb's own words give",
                    )

    def _said_of(self, flow: AidFlow, verb: _VerbPlace, parties: list[str], *, listing: bool = False) -> bool:
        """Whether the status verb, at this place, tells of one of the flow's items, read in its own clause:
        the item is its object or its subject, or its object points back ("rejected the possibility") to
        the clause just before, which tells of the item."""
        written = normalise(flow.status_as_written)
        items = [form for item in flow.items for form in self._forms(item)]
        if listing:  # the other items, and the "and" or "or" that lists them, may stand before this one
            parties = [*parties, "and", "or"]
        for _, excepted in _excepting(
            written
        ):  # "… beyond helmets and protective vests" says it of the items
            if _object_of(excepted, items, parties):
                return True
        inside = _after_status_verb(written)  # "has not provided military aid to Kyiv beyond …": its object
        if inside and _object_of(inside, items, parties):
            return True
        text = verb.place.paragraph.text
        after = text[verb.at + len(written) : verb.clause.end]
        before = text[verb.clause.start : verb.at]
        sentence = next((s for s in verb.place.paragraph.sentences if s.start <= verb.at < s.end), None)
        for low, high in asides(text, sentence.start, sentence.end) if sentence is not None else []:
            if verb.clause.start < low and high <= verb.at and not text[high : verb.at].strip(" ,"):
                before = text[verb.clause.start : low]  # "The fuel, bought in Vesta, was sent": the fuel was
        after = _past_request(after, parties, read_status(written, before)) or after
        if (
            _object_of(after, items, parties)
            or _subject_of(before, items)
            or (not listing and _listed_object_of(after, items, parties))
        ):
            return True
        if _object_of(_without_affirming_but(after), items, parties):
            return True  # "sent Estria nothing but fuel" (HOSTILE-16 W4)
        if _subject_of(_without_participle_phrase(before), items):
            return True  # "Fuel bought by Vesta was sent …": the item's own participle phrase (HOSTILE-16 W4)
        if verb.previous is None or not _object_of(after, BACK_REFERENCES, parties, ignore_case=True):
            return False
        told = text[verb.previous.start : verb.previous.end]
        return any(
            _object_of(told[at + len(said) :], items, parties)
            for said in _ALL_STATUS_VERBS
            for at in find_words(said, told, ignore_case=True)
        )

    def _dealing(
        self,
        where: str,
        deal: Dealing,
        located: list[Located],
        clauses: Sequence[_VerbPlace],
    ) -> Iterator[Problem]:
        """`by`, `when`, `how` and `where` stand in the status verb's clause, as shown; `by` just before the
        verb; `where` may also be the setting that opens the verb's sentence ("In Security Cabinet meetings, …")."""
        verb = normalise(deal.status_as_written)
        shown = [_reach(at, verb) for at in clauses]
        if not shown:  # the verb is not in the evidence (its own problem says so): each value must still be
            texts = [place.passage for place in located]
            for field in ("by", "when", "how", "where"):
                yield from self._value(f"{where}.{field}", getattr(deal, field), texts)
            return
        what = f"the clause of “{deal.status_as_written}” (“{shown[0]}”)"
        of_another = False
        for field in ("when", "how", "where"):
            for problem in self._of_the_verb(f"{where}.{field}", getattr(deal, field), clauses, verb, deal):
                of_another = of_another or field == "when"
                yield problem
        if not of_another:  # one fault told once: the time is already another verb's
            yield from self._time_of_another(f"{where}.when", deal, clauses, verb)
        times = [time for at in clauses for time in _time_setting(at)]
        yield from self._value(
            f"{where}.when",
            deal.when,
            [*shown, *times],
            what + (f" or the time that opens its sentence (“{times[0]}”)" if times else ""),
        )
        yield from _said_time(f"{where}.when", deal.when, [*shown, *times])
        yield from self._value(f"{where}.how", deal.how, shown, what)
        settings = [setting for at in clauses for setting in _setting(at)]
        yield from self._value(
            f"{where}.where",
            deal.where,
            [*shown, *settings],
            what + (f" or the setting that opens its sentence (“{settings[0]}”)" if settings else ""),
        )
        yield from self._placed(f"{where}.where", deal.where, [*shown, *settings])
        if deal.by is None:
            return
        forms = self._forms(deal.by)
        doers = [found for at in clauses for found in self._verb_doers(at, verb)]
        if any(self._does_it(forms, verb, found) for found in doers):
            return
        if not self._written(deal.by, shown):
            yield from self._value(f"{where}.by", deal.by, shown, what)
            return
        subjects = [_doer_words(found) for found in doers if found[2] is not None and not found[2].passive]
        yield Problem(
            f"{where}.by",
            f"“{deal.by}” is not who does “{deal.status_as_written}” in {what}"
            + (f": its subject is “{subjects[0]}”" if subjects else "")
            + "; `by` is the verb's subject (or the subject of the verb it is joined to by “and”: “Israel has "
            "sent … and built …”), or the agent after the “by” of a passive (“was provided to Ukraine by Japan”)",
        )

    def _of_the_verb(
        self, field: str, value: str | None, clauses: Sequence[_VerbPlace], verb: str, deal: Dealing
    ) -> Iterator[Problem]:
        """A deal's `when`, `how` or `where` is its verb's, read in the verb's own words (REVIEW-7 C13): not in an
        aside of another verb (", bought in Vesta,", ", which sent fuel in March,"), nor outside the aside the
        verb stands in (", delivered as part of …, is unloaded … yesterday"), nor before the verb with a
        conjunction or a comma between ("participated in a previous meeting …, but has not provided …")."""
        if value is None:
            return
        forms = self._forms(value)
        seen: list[str] = []
        for place in clauses:
            paragraph = place.place.paragraph
            text = paragraph.text
            low, high = _reach_span(place, verb)
            sentence = next((s for s in paragraph.sentences if s.start <= place.at < s.end), None)
            for form in forms:
                for at in find_words(form, text):
                    if not (low <= at and at + len(form) <= high):
                        continue  # not in the verb's clause (a setting that opens the sentence, …): other rules
                    between = text[at + len(form) : place.at]
                    before = at < place.at and bool(re.search(r"(?:^|\s)(?:and|but|or|while)\s|,", between))
                    if sentence is not None and own_clause(text, sentence, at, place.at) and not before:
                        return
                    seen.append(text[at : at + len(form)])
        if seen:
            yield Problem(
                field,
                f"“{value}” is not told of “{deal.status_as_written}”: in the article it belongs to another verb "
                "(a phrase set off by commas, “, which …”, “, bought in …,”, or a verb before it joined by "
                "“and”, “but”, …); give only what the verb's own words say",
            )

    def _time_of_another(
        self, field: str, deal: Dealing, clauses: Sequence[_VerbPlace], verb: str
    ) -> Iterator[Problem]:
        """A deal's `when` told after its verb is the verb's own time (TASK-when B, REPORT-hostile16 F8): not the
        time of a verb of its own between them ("sent Estria the fuel it had promised on Monday", "the fuel
        promised on Monday", "in a deal signed in 2019", "after Vesta did on Monday"), nor of another sum or thing
        joined after the verb's own object and time ("lent Estria $90 million last year and $20 million this
        year", "fuel on Monday and food to Vesta on Tuesday"): `_another_owner`. Refused only when every place
        the time stands after the verb reads so."""
        if deal.when is None:
            return
        if isinstance(deal, Loan):
            own = [normalise(deal.as_written)]
        else:
            own = [normalise(i) for i in deal.items] if isinstance(deal, AidFlow) else []
        owners: list[str] = []
        for place in clauses:
            text = place.place.paragraph.text
            start = place.at + len(verb)
            high = _reach_span(place, verb)[1]
            for form in self._forms(deal.when):
                for at in find_words(form, text):
                    if not (start <= at and at + len(form) <= high):
                        continue
                    owner = _another_owner(text[start:at], own)
                    if owner is None:
                        return
                    owners.append(owner)
        if owners:
            yield Problem(
                field,
                f"“{deal.when}” is not the time of “{deal.status_as_written}”: between them the article writes "
                f"“{owners[0]}”, and the time is that one's (a verb of its own, or another sum or thing joined "
                "by “and”); give only the time the verb's own words tell, or leave `when` out",
            )

    def _aid_parties(self, where: str, flow: AidFlow, verbs: Sequence[_VerbPlace]) -> Iterator[Problem]:
        """An aid flow's donor and recipient are its verb's (REVIEW-7 C6): the donor stands in the clause the
        verb tells its item in and is no other than a passive's agent; the recipient stands after the verb, in
        its own predicate (up to a verb joined to it), not in a clause of its own ("after Estria refused it",
        "that Estria had requested", ", which Estria backs"); a request's asker is its subject instead, and a
        verb whose object points back ("rejected the possibility") takes its parties from the clause before."""
        if not verbs:
            return
        verb = normalise(flow.status_as_written)
        told = [_told_span(at) for at in verbs]
        if self._written(flow.donor, told):
            agents = [
                (at.place.paragraph.text, agent)
                for at in verbs
                if (agent := passive_agent(at.place.paragraph.text, at.at, at.at + len(verb))) is not None
            ]
            forms = self._forms(flow.donor)
            if (
                agents
                and len(agents) == len(verbs)
                and not any(any(text.startswith(form, agent) for form in forms) for text, agent in agents)
            ):
                text, agent = agents[0]
                yield Problem(
                    f"{where}.donor",
                    f"“{flow.donor}” is not who does “{flow.status_as_written}”: the passive's agent is "
                    f"“{_agent_shown(text, agent)}”",
                )
        else:
            yield Problem(
                f"{where}.donor",
                f"“{flow.donor}” is not in the clause that tells “{flow.status_as_written}” (“{told[0].strip()}”): "
                "the donor is who does the verb, in its own clause",
            )
        if _taker_first(verb):
            return  # the asker or taker is the verb's subject: `_doer_problems` reads it
        if any(self._receives(flow, at, verb) for at in verbs):
            return
        recipient = self._forms(flow.recipient)
        if any(self._does_it(recipient, verb, found) for at in verbs for found in self._verb_doers(at, verb)):
            return  # the parties turned round: the direction's own rule says so
        if flow.reading and self._written(flow.recipient, told):
            return  # "sent several planeloads … and built a field hospital in Ukraine": told as a reading
        shown = told[0].strip()
        yield Problem(
            f"{where}.recipient",
            f"“{flow.recipient}” is not who receives in “{shown}”: the recipient stands after “{flow.status_as_written}”, "
            "in its own words (“to …”, “… with”), not in a clause of its own (“after …”, “that …”, “, which …”), "
            "nor with another verb, nor as a target, a place or someone related to it (“to attack …”, "
            "“against …”, “over …”, “the enemies of …”); else tell it as a key point in the article's words",
        )

    def _relative_parties(
        self,
        where: str,
        as_written: str,
        places: Sequence[tuple[Paragraph, int]],
        giver: tuple[str, str],
        taker: tuple[str, str],
    ) -> Iterator[Problem]:
        """A giving told inside a relative clause after a name is read as a clause of its own (HOSTILE-13
        X1–X7): with a subject of its own ("Norland, which Estria sent fuel, …") that subject gives, and the name
        the relative word stands for receives ("which", "to which", "whom", "where", "to whose port"), perhaps
        gives ("from which") or is something the check cannot read ("for which", "with which"): refused then,
        failing closed. Without a subject of its own ("Norland, which sent fuel to Estria, …") the name gives.
        Refused only when every place the verb stands in is read so; one in the main clause is other rules'."""
        verb = normalise(as_written)
        taking = _taker_first(verb)
        doer, done_to = (taker, giver) if taking else (giver, taker)
        done_to_prepositions = {"", "from"} if taking else RELATIVE_TAKING_PREPOSITIONS
        found: list[Problem] = []
        for paragraph, at in places:
            text = paragraph.text
            sentence = next((s for s in paragraph.sentences if s.start <= at < s.end), None)
            relative = None if sentence is None else relative_around(text, sentence, at)
            if sentence is None or relative is None:
                return
            named = text[sentence.start : relative.comma].rstrip()
            shown = paragraph.written(sentence.start, relative.end).rstrip(" .;,!?")
            words = text[relative.start : at].split()
            while words and words[-1].strip(_PUNCTUATION).casefold() in _VERB_CHAIN:
                words.pop()
            subject = " ".join(words)
            problems: list[Problem] = []
            if not subject:
                if relative.preposition or relative.opener not in ("which", "who"):
                    return  # no reading of its own: other rules read it
                if not any(named.endswith(form) for form in self._forms(doer[1])):
                    problems.append(
                        Problem(
                            f"{where}.{doer[0]}",
                            f"“{doer[1]}” is not who does “{as_written}” in “{shown}”: “{relative.opener}” "
                            f"stands for the name before it, who does it",
                        )
                    )
            else:
                if not self._at(doer[1], subject):
                    problems.append(
                        Problem(
                            f"{where}.{doer[0]}",
                            f"“{doer[1]}” is not who does “{as_written}” in “{shown}”: told inside a relative "
                            f"clause, the verb's subject is the name after “{relative.opener}” (“{subject}”), not "
                            f"the one “{relative.opener}” stands for; name the {doer[0]} as that clause tells it",
                        )
                    )
                rest = text[at + len(verb) : relative.end]
                if relative.preposition in done_to_prepositions:
                    if not any(named.endswith(form) for form in self._forms(done_to[1])) and not self._at(
                        done_to[1], rest
                    ):
                        problems.append(
                            Problem(
                                f"{where}.{done_to[0]}",
                                f"“{done_to[1]}” is not the {done_to[0]} in “{shown}”: told inside a relative "
                                f"clause, “{as_written}” is done to the name “{relative.opener}” stands for",
                            )
                        )
                else:
                    field = giver[0] if relative.preposition in RELATIVE_GIVING_PREPOSITIONS else done_to[0]
                    problems.append(
                        Problem(
                            f"{where}.{field}",
                            f"“{as_written}” is told inside “{shown}”, a relative clause opened by "
                            f"“{relative.opener}”: what the name before it is to the giving (who it is for, from, "
                            "with …) the check cannot read; give evidence that tells the giving plainly, or tell "
                            "it as a key point in the article's words",
                        )
                    )
            if not problems:
                return
            found = found or problems
        yield from found

    def _receives(self, flow: AidFlow, verb: _VerbPlace, as_written: str) -> bool:
        text = verb.place.paragraph.text
        low, high = _reach_span(verb, as_written)
        # after the status verb itself: "has not provided military aid to Kyiv beyond …" names its receiver
        end = verb.at + len(as_written) - len(_after_status_verb(as_written))
        for joint in re.finditer(r"\s(?:and|or|but|then)\s+(?:\w+\s+)??(\S+)", text[end:high]):
            if _verb_like(joint.group(1)):  # "… and thanked Estria": another verb's object
                high = end + joint.start()
                break
        forms = self._forms(flow.recipient)
        request = _REQUEST_OBJECT.match(text[end:high])
        owner = (request["owner"] or "") if request is not None else ""
        if owner[:-2] in forms and read_status(as_written, text[low : verb.at]) in DECIDING_STATUSES:
            return True  # "turned down Estria's request for fuel": the one who asked is who would receive
        first_to = re.search(r"(?:^|\s)to\s+(?=[A-Z])", text[end:high])
        listed = None if first_to is None else _NAME_LIST.match(text, end + first_to.end(), high)
        if listed is not None and any(find_words(f, listed.group()) for f in forms):
            pass  # "sent fuel to Vesta and Estria": a list of receivers after one "to" (HOSTILE-16 W4)
        elif first_to is not None and not any(text.startswith(f, end + first_to.end()) for f in forms):
            # the item's own "to …" names another receiver (HOSTILE-12 R1, S7): "sent fuel to Vesta and water
            # to Estria", "Norland, which sent fuel to Vesta, sent water to Estria": a later "to Estria" is
            # another object's
            high = end + first_to.end()
        for form in forms:
            for at in find_words(form, text[end:high]):
                between = text[end : end + at].split()
                if any(w.strip(_PUNCTUATION).casefold() in _SUBORDINATORS for w in between):
                    continue
                if not _receiver_at(text, end + at, end + at + len(form)):
                    continue
                if not _handed_to(_without_affirming_but(text[end : end + at])):
                    continue  # "to no one but Estria": Estria receives (HOSTILE-16 W4)
                return True
        doer = read_doer(text, low, verb.at, as_written)
        if (
            doer is not None
            and doer.passive
            and any(
                not _relating(text[doer.start : doer.start + at], at_end=True)
                for f in forms
                for at in find_words(f, text[doer.start : doer.end])
            )
        ):
            return True  # "Estria was sent fuel by Norland"; not "Fuel bought by Vesta was sent …" (Vesta's)
        after = text[end : verb.clause.end]
        if verb.previous is not None and _object_of(after, BACK_REFERENCES, ignore_case=True):
            return self._written(flow.recipient, [text[verb.previous.start : verb.previous.end]])
        return False

    def _verb_doers(self, verb: _VerbPlace, as_written: str) -> list[tuple[Paragraph, int, Doer | None, int]]:
        """Each place the status verb stands in `verb`'s clause, as its passage shows it, with who does it there
        (`read_doer`) and where the clause starts: (paragraph, offset, doer, clause start)."""
        paragraph, place = verb.place.paragraph, verb.place
        low, high = max(verb.clause.start, place.start), min(verb.clause.end, place.end)
        wanted = normalise(as_written)
        if paragraph.text.startswith(wanted, verb.at):  # an aid's place is its verb's; a loan's, its amount's
            places = [verb.at]
        else:
            places = [
                at for at in find_words(wanted, paragraph.text) if low <= at and at + len(wanted) <= high
            ]
        return [(paragraph, at, read_doer(paragraph.text, low, at, wanted), low) for at in places]

    def _does_it(
        self, forms: Sequence[str], verb: str, found: tuple[Paragraph, int, Doer | None, int]
    ) -> bool:
        """Whether one of `forms` does the verb at that place: stands in its subject, or is its passive agent."""
        paragraph, at, doer, low = found
        text = paragraph.text
        if _agent_is(text, at, at + len(verb), forms):
            return True
        sentence = next((s for s in paragraph.sentences if s.start <= at < s.end), None)
        if sentence is not None and any(
            find_words(form, text[start:end])
            for start, end in repeated_subjects(text, at, sentence.end)
            for form in forms
        ):
            return True  # "Norland sent fuel to Estria, and so did Vesta": the verb again, Vesta doing it
        if doer is None:
            return _subject_of(text[low:at], forms) or _antecedent_of(text[low:at], forms)
        subject = text[doer.start : doer.end]
        # "Norland and Vesta sent", "Norland, with Vesta, sent": both gave, and the brief names the group
        joint = re.search(r"\s(?:and|or)\s", subject) is not None or _co_party(subject) is not None
        return not doer.passive and any(
            _heads(form, subject, at)
            and (not joint or re.search(r"\s(?:and|or)\s", form) or _co_party(form) is not None)
            for form in forms
            for at in find_words(form, subject)
        )

    def _doer_problems(
        self, where: str, deal: Dealing, clauses: Sequence[_VerbPlace], fields: Sequence[tuple[str, str]]
    ) -> Iterator[Problem]:
        """Without `by`, the party a done, promised or planned verb's subject must be (the donor, the lender;
        the recipient or the borrower of "asked"): refused when every place the verb stands in reads another
        subject ("Norland sent fuel … and Vesta built a dock": not Norland's dock)."""
        if deal.by is not None:
            return
        verb = normalise(deal.status_as_written)
        asking = any(find_words(w, verb, ignore_case=True) for w in ASKING_VERBS)
        taking = kinds.takes_from(verb)
        if deal.status in _DOER_STATUSES and not asking and not taking:
            field, value = fields[0]
        elif (deal.status == "requested" and asking) or (deal.status in _DOER_STATUSES and taking):
            field, value = fields[1]
        else:
            return
        doers = [found for at in clauses for found in self._verb_doers(at, verb)]
        if not doers or any(found[2] is not None and found[2].passive for found in doers):
            return  # a passive's agent is read by its own rule
        forms = self._forms(value)
        if any(
            found[2] is None
            and found[0].text[: found[1]].rstrip().endswith(",")
            and not any(find_words(form, _sentence_before(found[0], found[1])) for form in forms)
            for found in doers
        ):
            # a caption's participle ("MILITARY AID, delivered as part of …") has no subject to read; a party
            # named before it ("Norland's rival, Vesta, sent …") is still read against the verb
            return
        # fails closed (HOSTILE-12 C5): where no subject is read ("Norland blocked fuel sent to Estria"), the
        # party must stand just before the verb (`_does_it`), as a caption's does ("MILITARY AID, delivered")
        if any(self._does_it(forms, verb, found) for found in doers):
            return
        if not any(self._written(value, [_told_span(at)]) for at in clauses):
            return  # not in the verb's words at all: the clause's own rule says so
        other = fields[1][1] if field == fields[0][0] else fields[0][1]
        if any(self._does_it(self._forms(other), verb, found) for found in doers):
            return  # the parties turned round: the direction's own rule says so
        read = [found for found in doers if found[2] is not None]
        yield Problem(
            f"{where}.{field}",
            f"“{value}” is not who does “{deal.status_as_written}”: "
            + (
                f"its subject is “{_doer_words(read[0])}” (“{_doer_clause(read[0])}”)"
                if read
                else f"it does not stand as its subject in “{_doer_clause(doers[0])}”"
            )
            + (
                ", a group joined by “with”, “along with”, “and its allies” …: one of it alone is not the "
                f"{field}, so tell it as a key point in the article's words"
                if read and _co_party(_doer_words(read[0])) is not None
                else ""
            )
            + f"; the {field} is who the verb tells does it, or say who does (`by`)",
        )

    def _status(
        self,
        where: str,
        status: Status,
        as_written: str,
        located: list[Located],
        scope: list[str],
        scope_name: str,
        items: Sequence[str] = (),
        *,
        parties: Sequence[str] = (),
        giving: str = "",
        attributed: Sequence[str] = (),
    ) -> Iterator[Problem]:
        verb = normalise(as_written)
        if not located:
            return
        places = [(place, at) for place in located for at in place.places_of(verb)]
        if not places:
            yield Problem(f"{where}.status_as_written", f"“{as_written}” is not written in its evidence")
            return
        if not any(find_words(verb, text) for text in scope):
            yield Problem(
                f"{where}.status_as_written",
                f"“{as_written}” does not stand in the same {'clause' if scope_name == 'the amount' else 'sentence'} "
                f"as {scope_name}",
            )
            return
        light = _light_verb(verb)
        for place, at in places if light is not None else ():
            after = place.paragraph.text[at + (light[1] if light is not None else 0) :]
            if giving != "loan" or not _lends_a_loan(after, parties):
                told = _clause_rest(after).strip()
                yield Problem(
                    f"{where}.status_as_written",
                    f"“{as_written}” tells a giving only with a loan for its object (“made a $9 million loan to "
                    f"Estria”, “extended Estria a loan”, “received a loan from Norland”), and after it the article "
                    f"writes “{' '.join(told.split()[:6])}”: give the verb that tells the giving, or change the "
                    "status",
                )
                return
        for place, at in places:
            reading = read_status(verb, place.paragraph.text[:at])
            rest = _clause_rest(place.paragraph.text[at + len(verb) :])
            excepting = [w for w in NEGATION_EXCEPTIONS if find_words(w, rest, ignore_case=True)]
            if reading == "not provided" and excepting and not _excepting(verb):
                yield Problem(
                    f"{where}.status_as_written",
                    f"“{as_written}” stops short of what its clause excepts: it goes on “{place.paragraph.written(at + len(verb), at + len(verb) + len(rest)).strip()}”, "
                    f"so not all was withheld; write status_as_written to the end of its “{excepting[0]}” clause "
                    f"and name the items as the clause does (what follows “{excepting[0]}” was given; what was "
                    f"not given is told with its “{excepting[0]} …”)",
                )
                break
        readings = {
            _read_whole(place.paragraph, at, verb, _read_for_items(verb, place.paragraph.text[:at], items))
            for place, at in places
        }
        # a question tells no status, done, promised or refused ("Has Norland sent …?", "Will Norland pledge …,
        # Vesta asked."), but the asking it is ("Will Norland send fuel?" Estria asked: requested)
        for place, at in places if status != "requested" else ():
            sentences = place.paragraph.sentences_over(at, at + len(verb))
            asked = [s.text for s in sentences if asks(s.text)]
            if asked:
                yield Problem(
                    f"{where}.status",
                    f"status “{status}” cannot be read: “{as_written}” stands in a question (“{asked[0]}”), "
                    "which asks whether it was so and never tells it; give a sentence that tells it, else drop "
                    "the item",
                )
                return
        if status in ("pledged", "planned", "requested"):
            for place, at in places:
                found = self._not_told_at_all(
                    place, at, at + len(verb), items, parties=parties, giving=giving
                )
                if found is not None:
                    told = {
                        "inside": f"is told {found.words}",
                        "doubted": f"is taken back by a sentence of the article (“{found.sentence}”: "
                        f"{found.words})",
                        "framed": f"follows words (“{found.sentence}”) that may hand it to someone's story, "
                        f"a supposition or a genre ({found.words})",
                    }[found.kind]
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: “{as_written}” {told}, so the article does not tell it "
                        "as its own; tell it as a key point in the article's words, with who says so",
                    )
                    return
        if status in ("delivered", "provided", "approved"):
            for place, at in places:
                found = self._not_told_done(
                    place,
                    at,
                    at + len(verb),
                    items,
                    verb.split(),
                    parties=parties,
                    giving=giving,
                    attributed=attributed,
                )
                if found is None:
                    continue
                if found.kind == "inside":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: “{as_written}” is told {found.words}, not as done; "
                        "change the status, or tell it as a key point in the article's words",
                    )
                elif found.kind == "doubted":
                    # a hedge or who says so of the giving may be shown with it (README's "The claim could not be
                    # independently verified", role hedge)
                    hedged = found.words.strip("“”") in {
                        m for m, _, _ in _markers_needing_attribution(found.sentence)
                    }
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: a sentence of the article (“{found.sentence}”) points "
                        f"back to the giving and may deny, doubt, ask or undo it ({found.words}); if so, the article "
                        "does not tell it done: change the status, or tell it as a key point in the article's "
                        "words"
                        + (
                            "; if it only hedges the giving or says who says so, take the sentence into the "
                            "evidence and give its words as the attribution"
                            if hedged
                            else ""
                        ),
                    )
                elif found.kind == "framed":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: the words before it (“{found.sentence}”) may hand "
                        f"what follows to someone's story, a supposition or a genre ({found.words}); if so, the "
                        "article does not tell the giving as its own: change the status, or tell it as a key "
                        "point in the article's words",
                    )
                elif found.kind == "planned":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: “{as_written}” is told under “{found.words}”, which "
                        "makes the giving a plan's, not one done; give the status the plan has (`pledged`, "
                        "`planned`), or a sentence that tells it done",
                    )
                elif found.kind == "negated":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: “{as_written}” is negated in its own sentence by "
                        f"“{found.words}”, so the article does not tell it done, whatever attribution covers the "
                        "words; change the status, or tell it as a key point in the article's words",
                    )
                elif found.kind == "staged":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: its sentence sets “{as_written}” “{found.words}”, "
                        "a drill, an exercise, a film, a game or a scenario, where nothing told is done; change "
                        "the status, or tell it as a key point in the article's words",
                    )
                elif found.kind == "false":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: its sentence holds “{found.words}”, which tells "
                        f"“{as_written}” as false, a joke or a fiction, so the article does not tell it done, and "
                        "an attribution does not make it anyone's plain claim; change the status, or tell it as a "
                        "key point in the article's words",
                    )
                elif found.kind == "conditional":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: “{as_written}” is told under “{found.words}”, a "
                        "condition or a deal not yet made, so the article does not tell it done; give the status "
                        "its verb tells (`planned`, `possible`, `requested`), else tell it as a key point in the "
                        "article's words, with its condition, or give a sentence that tells it done",
                    )
                elif found.kind == "part":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: its sentence goes on with “{found.words}”, which tells "
                        f"only a part of “{as_written}” paid, sent or arrived, so the article does not tell the "
                        "whole given; change the status (`pledged`, `approved`), or tell the part as a key point "
                        "in the article's words",
                    )
                elif found.kind == "coming":
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: “{as_written}” is told in the present with "
                        f"“{found.words}”, a time still to come, so the giving is not done yet; give the status it "
                        "tells (`pledged`, `planned`), or a sentence that tells it done",
                    )
                else:
                    yield Problem(
                        f"{where}.status",
                        f"status “{status}” cannot be read: after “{as_written}” its sentence goes on with "
                        + (
                            f"“{found.words}”, which can undo, deny or condition the giving; if the article "
                            "tells it done all the same, give the sentence's words that say so, else change the "
                            "status"
                            if found.kind == "undoing"
                            else f"“{found.words}”, which the check has no meaning for as verbs, and which may "
                            "undo the giving (“…, which was later seized”); if one does, change the status; if the "
                            "article tells the giving done all the same, give as evidence a sentence that tells it "
                            "done without them, or tell it as a key point in the article's words"
                        ),
                    )
                return
        if status not in readings:
            read = " or ".join(f"“{r}”" for r in sorted(r or "no status" for r in readings))
            yield Problem(
                f"{where}.status",
                f"status “{status}” does not agree with its evidence: “{as_written}” reads as {read}",
            )

    def _not_told_at_all(
        self,
        place: Located,
        start: int,
        end: int,
        items: Sequence[str],
        *,
        done: bool = False,
        parties: Sequence[str] = (),
        giving: str = "",
        attributed: Sequence[str] = (),
    ) -> _NotDone | None:
        """How the article's frame takes back the words at `start`–`end` of `place` (a pledge's, a plan's or a
        request's verb) whatever their status, or None: inside another statement ("That Norland pledged … is
        false"), called untrue or corrected by the next sentence ("That is false.", "Or rather, Vesta did."), or
        handed to a story by the sentence before (HOSTILE-14 A). With `done` (a done status, an event) the next
        sentence is read for any doubt or undoing as well (`_doubted_after`), and `_not_told_done` goes on from
        here."""
        sentences = place.paragraph.sentences_over(start, end)
        sentence_end = max(s.end for s in sentences)
        paragraphs = self.article.paragraphs
        number = place.paragraph.number
        inside = _inside_statement(place.paragraph.text[:sentence_end], sentences[0].start, start, end)
        if inside is not None:
            return _NotDone("inside", inside)
        following = paragraphs[number] if number < len(paragraphs) else None
        doubted = _doubted_after(
            place.paragraph,
            sentence_end,
            items,
            following,
            done=done,
            parties=parties,
            giving=giving,
            paragraphs=paragraphs,
            verb=place.paragraph.text[start:end] if giving else "",
            attributed=attributed,
        )
        if doubted is not None:
            return _NotDone("doubted", doubted[1], doubted[0])
        framed = _framed_before(place.paragraph, sentences[0].start, paragraphs, items)
        if framed is not None:
            return _NotDone("framed", framed[1], framed[0])
        return None

    def _not_told_done(
        self,
        place: Located,
        start: int,
        end: int,
        items: Sequence[str],
        told: Sequence[str],
        *,
        parties: Sequence[str] = (),
        giving: str = "",
        attributed: Sequence[str] = (),
    ) -> _NotDone | None:
        """How the article's frame tells the words at `start`–`end` of `place` (a giving's status verb, an
        event's what) as other than done, or None: one reading for every section, so that a giving and an event
        read the same frames. Inside another statement ("That … is false", "It is possible …", "ought to have"),
        a next sentence pointing back to doubt or undo it, a plan's opening, the present (`told`, its words)
        with a time to come, or an undoing, a contrast or an unread verb after it in its sentence."""
        # read to the sentence's full stop, not the passage's end: a passage cut before "…, a pledge later
        # cancelled" must not leave it done
        taken_back = self._not_told_at_all(
            place, start, end, items, done=True, parties=parties, giving=giving, attributed=attributed
        )
        if taken_back is not None:
            return taken_back
        sentences = place.paragraph.sentences_over(start, end)
        sentence_end = max(s.end for s in sentences)
        after = place.paragraph.text[end : max(sentence_end, place.end)]
        against = _told_against(place.paragraph, start, end, after)
        if against is not None:
            return against
        planned = [p for p in (plan_opening(s.text) for s in sentences) if p is not None]
        if planned:
            return _NotDone("planned", planned[0])
        present = [w for w in told if w.casefold() in PRESENT_DONE_FORMS]
        coming = [_time_to_come(s.text, m) for s in sentences for m in _FUTURE_TIME.finditer(s.text)]
        if present and coming:
            return _NotDone("coming", coming[0])
        later = _LATER_CLAUSE.split(after, maxsplit=1)[1:]
        undoing = [w for w in UNDOING_AFTER if find_words(w, after, ignore_case=True)] + [
            w for rest in later for w in _undoing_later(rest)
        ]
        undoing += _contrast_pointing_back(place.paragraph.text[end:sentence_end], items)
        # "… to Estria — not.", "…: false.": a denial set off after the giving, closing its sentence
        denied = _DENIED_AFTER.search(place.paragraph.text[end:sentence_end])
        undoing += [denied.group().strip(" —–-:,.!")] if denied else []
        # "… — that much is false.", "…, sort of.", "… in name only.": a clause set off after it that calls it
        # untrue, or a phrase that weakens it (HOSTILE-14 L1, L2)
        set_off = _SET_OFF_FALSITY.search(place.paragraph.text[end:sentence_end])
        undoing += [set_off[1]] if set_off else []
        undoing += [w for w in WEAKENING_TAILS if find_words(w, after, ignore_case=True)]
        if undoing:
            return _NotDone("undoing", undoing[0])
        own_verb = place.paragraph.text[start:end].split()[-1:]
        part = next(
            (p for rest in later for p in [_part_told_paid(rest, parties, own_verb)] if p is not None), None
        )
        if part is not None:
            return _NotDone("part", part)
        unread = [
            w
            for s in sentences
            for w in undoing_words(s.text, end - s.start, _purpose_spans(s.text, end - s.start, items))
        ]
        if unread:
            _log.info("unread words after a giving or an event (PLAIN_VERBS may need them): %s", unread)
            return _NotDone("unread", "”, “".join(dict.fromkeys(unread)))
        return None

    def _loan(self, where: str, loan: Loan, located: list[Located]) -> Iterator[Problem]:
        yield from self._deal_sources(where, loan, located)
        try:
            money = parse_money(loan.as_written)
        except MoneyError as exc:
            yield Problem(f"{where}.as_written", str(exc))
            return
        if loan.amount is not None and loan.amount != money.amount:
            yield Problem(
                f"{where}.amount",
                f"amount {format_number(loan.amount)} is not what “{loan.as_written}” says "
                f"({format_number(money.amount)})",
            )
        if loan.currency is not None and loan.currency != money.currency:
            yield Problem(
                f"{where}.currency",
                f"currency “{loan.currency}” is not what “{loan.as_written}” writes: it reads as "
                f"“{money.currency}” ({money.currency_name})"
                + ("; “$” alone never says which dollar" if money.currency == DOLLARS else "")
                + ("; “£” alone never says which pound" if money.currency == "pounds" else ""),
            )
        wanted = normalise(loan.as_written)
        places = [(place, at) for place in located for at in find_words(wanted, place.passage)]
        if not located:
            return
        if not places:
            yield Problem(f"{where}.as_written", f"“{loan.as_written}” is not written in its evidence")
            texts = [p.passage for p in located]  # no clause to read: at least each value must be written
            yield from self._value(f"{where}.lender", loan.lender, texts)
            yield from self._value(f"{where}.borrower", loan.borrower, texts)
            yield from self._value(f"{where}.status_as_written", loan.status_as_written, texts)
            yield from self._dealing(where, loan, located, [])
            return
        named_to_deny = list(
            self._denied(
                where,
                loan,
                [
                    ("as_written", loan.as_written),
                    ("lender", loan.lender),
                    ("borrower", loan.borrower),
                    *_adjuncts(loan),
                ],
                located,
            )
        )
        yield from named_to_deny
        place, at = places[0]
        position = place.start + at
        whole = amount_cut(place.paragraph.text, position, position + len(wanted))
        if whole is not None:
            yield Problem(
                f"{where}.as_written",
                f"“{loan.as_written}” cuts its amount: the article writes “{place.paragraph.written(*whole)}”; "
                "write as_written whole, with its scale and currency",
            )
        left_out = amount_left_out(place.paragraph.text, position, position + len(wanted), loan.as_written)
        if whole is None and left_out is not None:
            yield Problem(
                f"{where}.as_written",
                f"“{loan.as_written}” leaves out “{left_out}”, which the article writes with it: told without it, "
                "the sum reads as exact and whole; write as_written with its qualifier or rate (“up to $90 "
                "million”, “$90 million a year”: the parser reads them), or, for a range, a count of loans or a "
                "comparison, tell it as a key point in the article's words",
            )
        sentence = next(s for s in place.paragraph.sentences if s.start <= position < s.end)
        clauses = place.paragraph.clauses(sentence)
        own = next((c for c in clauses if c.start <= position < c.end), clauses[0])
        first = clauses[0]
        own = _part_of(place.paragraph.text, own, position)  # "… and Vesta guaranteed $9 million": Vesta's
        # What the evidence shows of the amount's clause: a value the passage leaves out is not evidenced.
        shown = place.paragraph.text[max(own.start, place.start) : min(own.end, place.end)]
        values = [loan.lender, loan.borrower, loan.as_written, loan.status_as_written]
        others = _other_names(
            own.text, [v for value in values for v in [value, *self.aliases.get(value, [])]]
        )
        used_reading = missing = False
        for field, value in (("lender", loan.lender), ("borrower", loan.borrower), ("as_written", "loan")):
            words = LOAN_WORDS if field == "as_written" else (value,)
            if field == "as_written" and _loan_words(shown):
                continue
            if field != "as_written" and any(self._written(w, [shown]) for w in words):
                continue
            named_first = own is not first and any(self._written(w, [first.text]) for w in words)
            shown_first = any(first.text in p.passage for p in located)
            if named_first and shown_first and loan.reading and not others:
                used_reading = True
                continue
            missing = True
            what = "the word “loan”" if field == "as_written" else f"“{value}”"
            if not named_first:
                hint = ""
            elif field != "as_written" and not self._on_its_side(field, value, first.text):
                # no advice to say reading = true when the reading would be refused in turn
                other, side = ("borrower", "after") if field == "lender" else ("lender", "before")
                hint = (
                    f"; the sentence's first clause names it (“{first.text}”), but {side} its verb, where the "
                    f"{other} stands: a reading cannot make it the {field}"
                )
            elif not shown_first:
                hint = (
                    f"; the sentence's first clause names it (“{first.text}”): put that clause in the "
                    "evidence and say reading = true"
                )
            elif not loan.reading:
                hint = f"; it is in the sentence's first clause (“{first.text}”): say reading = true to show it as a reading"
            else:
                hint = f"; a reading is refused because that clause names {', '.join(others)}"
            field_name = "reading" if field == "as_written" else field
            yield Problem(
                f"{where}.{field_name}",
                f"{what} is not in the clause of “{loan.as_written}”: “{own.text}”{hint}",
            )
        no_loan = [w for w in NOT_LOAN_WORDS if find_words(w, own.text, ignore_case=True)]
        denied = [w for w in LOAN_WORDS if find_words(w, own.text, ignore_case=True)] and not _loan_words(
            own.text
        )
        if no_loan or denied:
            why = f"names it “{no_loan[0]}”" if no_loan else "names a loan only to deny it"
            yield Problem(
                f"{where}.as_written",
                f"the clause of “{loan.as_written}” {why} (“{own.text}”): it does not tell a loan, money to be "
                "paid back; if it was given, enter it under aid (kind financial), else leave it out",
            )
        yield from self._status(
            where,
            loan.status,
            loan.status_as_written,
            located,
            [shown],
            "the amount",
            parties=(*self._forms(loan.lender), *self._forms(loan.borrower)),
            giving="loan",
            attributed=loan.attributions,
        )
        yield from self._dealing(where, loan, located, [_VerbPlace(place, position, own, None)])
        lent_at, lent = self._amount_of_verb(where, loan, place.paragraph.text, position, sentence)
        if not (no_loan or denied or named_to_deny):  # a grant or a denied value is refused for what it is
            yield from lent
        yield from (
            problem
            for problem in self._doer_problems(
                where,
                loan,
                [_VerbPlace(place, position if lent_at is None else lent_at, own, None)],
                [("lender", loan.lender), ("borrower", loan.borrower)],
            )
            if problem.item not in {denied.item for denied in named_to_deny}  # said once, as denied
        )
        yield from self._loan_direction(where, loan, shown, first.text, used_reading)
        yield from self._relative_parties(
            where,
            loan.status_as_written,
            [(place.paragraph, position if lent_at is None else lent_at)],
            ("lender", loan.lender),
            ("borrower", loan.borrower),
        )
        yield from self._one_side(where, "lender", loan.lender, "borrower", loan.borrower)
        if loan.reading and not used_reading and not missing:
            yield Problem(
                f"{where}.reading",
                f"the clause of “{loan.as_written}” names the loan and its parties itself (“{own.text}”): "
                "it is the article's words, not a reading; leave reading out",
            )
        if used_reading:
            proof = self.proofs.get(where)
            self.proofs[where] = ItemProof(
                proof.passages if proof else (), _clause_words(first.text), _clause_words(own.text)
            )

    def _amount_of_verb(
        self, where: str, loan: Loan, text: str, position: int, sentence: Span
    ) -> tuple[int | None, list[Problem]]:
        """Where the status verb that lends the amount stands, and why the amount is not what it lends
        (HOSTILE-12 A1–A4): the amount is the verb's own object ("lent Estria $9 million", "has provided
        Ukraine with a $600 million loan", "asked Israel for a loan of …"), or the subject of its passive ("a $9
        million loan was lent to Estria"), with only the deal's parties and linking words between; not another
        figure of its sentence ("lent Estria $2 million, down from $9 million", "… after Vesta lent it $9
        million", "… of a $9 million package"). A "to …" just after the amount names the borrower ("lent $9
        million to Vesta, and $2 million to Estria": Vesta's), a "from …" after a taking verb the lender."""
        verb = normalise(loan.status_as_written)
        end = position + len(normalise(loan.as_written))
        parties = [*self._forms(loan.lender), *self._forms(loan.borrower)]
        verbs = [at for at in find_words(verb, text) if sentence.start <= at < sentence.end]
        before = [at for at in verbs if at + len(verb) <= position]
        after = [at for at in verbs if at >= end]
        if not before and not after:
            return None, []  # the status rule says the verb is not in the amount's clause
        problems: list[Problem] = []
        if before:
            lent_at = before[-1]
            between = text[lent_at + len(verb) : position]
            deciding = read_status(verb, text[sentence.start : lent_at])
            between = _past_request(between, parties, deciding) or between
            focus = between.split()[-1:]
            focused = focus[0].casefold() in SUM_FOCUS_WORDS and between.endswith(" ") if focus else False
            kept = between[: between.rstrip().rfind(" ") + 1] if focused else between
            stray = _not_links(kept, parties, {*LINK_WORDS, *LOAN_OBJECT_WORDS})
        else:
            lent_at = after[0]
            between = text[end:lent_at]
            stray = _not_links(between, parties, LOAN_SUBJECT_WORDS)
        taking = _taker_first(verb)
        field, value, preposition = (
            ("lender", loan.lender, "from") if taking else ("borrower", loan.borrower, "to")
        )
        if before and stray and all(word[:1].isupper() for word in stray):
            # a name between the verb and its amount is whom it lends to ("Norland, which lent Vesta $9
            # million, lent Estria …": Vesta's loan); with a party the sentence never names, that party's
            # own rule says so
            if self._at(value, text[sentence.start : sentence.end]):
                problems.append(
                    Problem(
                        f"{where}.{field}",
                        f"“{loan.as_written}” is lent {'by' if taking else 'to'} “{' '.join(stray)}”, not "
                        f"“{value}”: “{text[lent_at:end]}”",
                    )
                )
            return lent_at, problems
        if stray:
            problems.append(
                Problem(
                    f"{where}.as_written",
                    f"“{loan.as_written}” is not what “{loan.status_as_written}” lends: between them the "
                    f"article writes “{between.strip()}”, so the amount is another figure of the sentence (a "
                    "total, a fund, an earlier sum, another party's loan); the amount is the verb's own object "
                    "(“lent Estria $9 million”, “lent $9 million to Estria”, “a loan of $9 million”)",
                )
            )
            return lent_at, problems
        tail = re.match(
            rf"\s*(?:(?:in\s+)?(?:loans?|credits?)\s+)?{preposition}\s+(?=[A-Z])", text[end : sentence.end]
        )
        if before and tail is not None:
            named = end + tail.end()
            forms = self._forms(value)
            if not any(
                text.startswith(form, named) and _receiver_at(text, named, named + len(form))
                for form in forms
            ):
                written = " ".join(text[named : sentence.end].split()[:3]).rstrip(_PUNCTUATION)
                problems.append(
                    Problem(
                        f"{where}.{field}",
                        f"“{loan.as_written}” is lent {preposition} “{written}”, not “{value}”: the "
                        f"“{preposition} …” just after the amount names the {field}",
                    )
                )
        return lent_at, problems

    def _on_its_side(self, field: str, value: str, text: str) -> bool:
        """Whether a loan's party stands on its side of the first status verb of `text`: the lender before it,
        the borrower after it (true when `text` has no such verb or does not name the party)."""
        verbs = [at for verb in _status_verbs_in(text) for at in find_words(verb, text, ignore_case=True)]
        found = self._at(value, text)
        return not verbs or not found or (min(found) < min(verbs)) == (field == "lender")

    def _loan_direction(
        self, where: str, loan: Loan, own: str, first: str, reading: bool
    ) -> Iterator[Problem]:
        """Who lends to whom, read in the amount's clause; for a reading, each party on its side of the
        status verb of the clause that names it ("Japan has provided Ukraine …", "Germany provided …")."""
        if not reading:
            ok = self._direction(loan.status, loan.status_as_written, loan.lender, loan.borrower, own)
            if ok is False:
                yield _direction_problem(f"{where}.lender", "lender", loan.lender, "borrower", loan.borrower)
            return
        for field, value, before in (("lender", loan.lender, True), ("borrower", loan.borrower, False)):
            text = own if self._at(value, own) else first
            if not self._on_its_side(field, value, text):
                side = "before" if before else "after"
                yield Problem(
                    f"{where}.{field}",
                    f"“{value}” does not stand {side} the verb of “{text}”: the lender gives (before it), the "
                    "borrower receives (after it)",
                )

    def _event(self, where: str, event: Event, located: list[Located]) -> Iterator[Problem]:
        texts = [p.passage for p in located]
        yield from self._value(f"{where}.what", event.what, texts)
        # what heads the event as a reader sees it: its `what`, else its first passage (README), read alike
        headed = _event_heading(where, event, located)
        if headed is not None:
            field, heading = headed
            yield from _headless_hint(
                event,
                (
                    *_heading_problems(field, heading, "an event is headed by what happened"),
                    *_event_noun_giving(field, heading),
                    *self._event_what(field, heading, located),
                    *self._event_done(field, heading, located),
                ),
            )
        yield from self._value(f"{where}.where", event.where, texts)
        placed = list(self._placed(f"{where}.where", event.where, texts, event_only=True))
        yield from placed
        yield from self._value(f"{where}.when", event.when, texts)
        yield from _said_time(f"{where}.when", event.when, texts)
        yield from self._when_after_what(where, event, located)
        reached = [
            problem
            for field in ("when", "where")
            for problem in self._within_reach(f"{where}.{field}", event.what, getattr(event, field), located)
        ]
        yield from reached
        # one refusal a field: a clause of its own that `_within_reach` found is the one `_adjunct_run` finds too
        refused = {problem.item for problem in (*reached, *placed)}
        yield from _headless_hint(
            event, [p for p in self._adjunct_run(where, event, located) if p.item not in refused]
        )
        yield from self._one_paragraph(where, event, located)

    def _within_reach(
        self, field: str, what: str | None, value: str | None, located: list[Located]
    ) -> Iterator[Problem]:
        """An event's time or place told after what happened belongs to it only up to a new clause joined by
        "and", "but", "or" or "while" with a subject of its own ("The ferry sank in Mirren and the crew swam to
        Estria on Sunday.": Sunday is the swim's, Mirren the sinking's; "strikes on Iranian targets and weapons
        convoys in Syria" joins two objects, no clause)."""
        if what is None or value is None:
            return
        wanted, heading = normalise(value), normalise(what)
        beyond: list[str] = []
        apart: list[str] = []
        for place in located:
            for sentence in place.sentences:
                whats, values = find_words(heading, sentence.text), find_words(wanted, sentence.text)
                if not whats or not values:
                    continue
                for start in whats:
                    end = start + len(heading)
                    joint = _NEW_CLAUSE.search(sentence.text, end)
                    reach = joint.start() if joint else len(sentence.text)
                    verb = _OTHER_VERB.search(
                        sentence.text, end
                    )  # "… over how to support Ukraine in its war"
                    if verb is not None and verb.start() < reach:
                        reach = verb.start()
                        joint = verb
                    inside = asides(sentence.text, 0, len(sentence.text))
                    if any(
                        (
                            start <= at < reach
                            or (at < start and not _joined_between(sentence.text, at, start))
                        )
                        and own_clause(sentence.text, Span(0, len(sentence.text), sentence.text), at, start)
                        for at in values
                    ):
                        return  # in its own clause: a setting before it, inside it, or after it
                    aside = next(
                        (
                            (low, high)
                            for low, high in inside
                            for at in values
                            if (low <= at < high) != (low <= start < high)
                        ),
                        None,
                    )
                    if aside is not None:
                        apart.append(sentence.text[aside[0] : aside[1]].strip())
                        continue
                    joined = [
                        j
                        for j in _NEW_CLAUSE.finditer(sentence.text)
                        if j.start() < end or j.start() >= reach
                    ]
                    beyond.append(sentence.text[joined[0].start() :].strip() if joined else sentence.text)
        if apart:
            yield Problem(
                field,
                f"“{value}” and “{what}” are told apart by a phrase of its own set off by commas (“{apart[0]}”, "
                "a relative clause or a participle's phrase): what that phrase dates or places is its own verb's, "
                "not this event's",
            )
        elif beyond:
            yield Problem(
                field,
                f"“{value}” stands in another clause than “{what}”, joined to it by “and”, “but”, … with a "
                f"subject of its own, or by a verb of its own (“{beyond[0]}”): it is that clause's, not this event's",
            )

    def _adjunct_run(self, where: str, event: Event, located: list[Located]) -> Iterator[Problem]:
        """A time or place told after what happened is the event's only as its verb's own adjunct (HOSTILE-13
        E5–E9): read from the what up to the first word that opens another phrase (`EVENT_PHRASE_STOPS`: "ahead
        of a vote on Monday", "; Estria did so on Monday"), not a noun's ("Vesta's embassy"), not a place it was
        away from (`EVENT_AWAY_WORDS`), with the alternative or bound after it held in the value
        (`EVENT_VALUE_QUALIFIERS`), and a time and a place of one run of adjuncts, not of two joined by "and"
        ("in Vesta on Monday and in Estria on Friday"). Fails closed: a value the check cannot tie so refuses."""
        heading = normalise(event.what) if event.what is not None else ""
        nominal = heading.split()[0].casefold() in _DETERMINERS if heading.split() else True
        values = [(f, normalise(v)) for f, v in (("where", event.where), ("when", event.when)) if v]
        stops = re.compile(
            "|".join(
                re.escape(w) if not w[0].isalpha() else rf"(?<![\w’'-]){re.escape(w)}(?![\w’'-])"
                for w in EVENT_PHRASE_STOPS
            ),
            re.IGNORECASE,
        )
        joint = re.compile(r",?\s+(?:and|or|but)\s+(?=(?:in|on|at|near|from|to|during|by|outside|inside)\b)")
        # what each value's run of adjuncts is, and the problems of its occurrences, field by field
        runs: dict[str, set[tuple[int, int, int]]] = {}
        refusals: dict[str, list[str]] = {}
        told: list[str] = []
        for place in located[: None if event.what is not None else 1]:
            # with no what, the heading's first sentence is the event's: another's time or place is its own
            for sentence in place.sentences[: None if event.what is not None else 1]:
                text = sentence.text
                # with no what, the heading is the first passage: its run is read from its first word
                starts = (
                    find_words(heading, text)
                    if event.what is not None
                    else [max(place.start - sentence.start, 0)]
                )
                if event.what is None:  # the heading is the passage: what follows it is not the heading's
                    text = text[: max(place.end - sentence.start, 0)]
                for start in starts:
                    end = start + len(heading)
                    stop = stops.search(text, end)
                    # a what told as a verb's ("Oster held talks"), not a noun's ("the exchange … said it took
                    # place three months ago", whose time a clause of its own tells by nature)
                    clause = None if nominal else _clause_opening(text, end)
                    if clause is not None and (stop is None or clause.start() < stop.start()):
                        stop = clause  # "… in Vesta and will do so again on Monday": another verb's time
                    told.append(text.strip())
                    for field, value in values:
                        for at in find_words(value, text):
                            if at < end:
                                continue  # before the what, or inside it: the other rules read that
                            if event.what is None:
                                stop = _heading_stop(text, start, at, stops)
                            reach = stop.start() if stop else len(text)
                            cuts = [end, *(j.start() for j in joint.finditer(text, end, reach)), reach]
                            problem = self._adjunct_problem(field, value, text, at, reach, stop)
                            if problem is not None:
                                refusals.setdefault(field, []).append(problem)
                                continue
                            run = max(i for i, c in enumerate(cuts[:-1]) if c <= at)
                            runs.setdefault(field, set()).add((place.paragraph.number, start, run))
        if event.what is None and located:
            first = located[0].sentences[0].text.strip()
            for field, value in values:
                elsewhere = [
                    sentence.text.strip()
                    for place in located
                    for sentence in place.sentences
                    if sentence.text.strip() != first and find_words(value, sentence.text)
                ]
                if field not in runs and field not in refusals and elsewhere:
                    refusals[field] = [
                        f"“{value}” is told in another sentence (“{elsewhere[0]}”) than the one that heads the "
                        f"event (“{first}”): what it dates or places is that sentence's"
                    ]
        for field in refusals:
            if field not in runs:
                yield Problem(f"{where}.{field}", refusals[field][0])
        if len(runs) == 2 and not runs["where"] & runs["when"]:
            yield Problem(
                f"{where}.when",
                f"“{event.when}” and “{event.where}” are told in two different runs of time and place, joined by "
                f"“and” or “or” (“{told[0]}”): the time is the other place's; give the time and place the "
                "sentence tells together",
            )

    @staticmethod
    def _adjunct_problem(
        field: str, value: str, text: str, at: int, reach: int, stop: re.Match[str] | None
    ) -> str | None:
        """Why the `field` value at `at` in `text`, after the event's what, is not its verb's own adjunct."""
        shown = f"“{value}”"
        if at >= reach and stop is not None:
            return (
                f"{shown} stands after “{stop.group().strip()}”, which opens another phrase (“"
                f"{text[stop.start() :].strip()}”): what it dates or places is that phrase's, not this event's"
            )
        rest = text[at + len(value) :]
        bound = re.match(
            r"\s*,?\s*("
            + "|".join(re.escape(w) for w in sorted(EVENT_VALUE_QUALIFIERS, key=len, reverse=True))
            + r")\b",
            rest,
            re.IGNORECASE,
        )
        if bound is not None:
            tail = _clause_rest(rest).strip(" ,.")
            return (
                f"{shown} is told with “{tail}” after it, an alternative or a bound: the article does not "
                "give it alone; write the value with those words"
            )
        if field != "where":
            return None
        if rest.startswith(("'s", "’s")):
            return (
                f"{shown} names whose “{_clause_rest(rest[2:]).strip(' ,.')}” it is, not where it happened; give "
                "the place the sentence puts the event in, whole"
            )
        before = text[:at].casefold().rstrip()
        away = next((w for w in EVENT_AWAY_WORDS if before.endswith(" " + w)), None)
        if away is not None:
            return (
                f"{shown} stands after “{away}”: the event was told from or away from it, not in it; give the "
                "place the sentence puts the event in"
            )
        return None

    def _event_what(self, field: str, what: str, located: list[Located]) -> Iterator[Problem]:
        """An event is what happened: not an expectation ("the IAF should find a solution"), and not words
        whose negation stands just before them ("has not | provided military aid to Kyiv")."""
        heading = normalise(what)
        expecting = [  # "in May" is the month, not the modal: a capital inside the heading is a name's
            w
            for w in EXPECTATION_WORDS
            if any(at == 0 or not heading[at].isupper() for at in find_words(w, heading, ignore_case=True))
        ]
        if expecting:
            yield Problem(
                field,
                f"“{what}” holds “{expecting[0]}”: an expectation, an intention or a possibility is not an "
                "event (nothing happened yet); tell it as a key point, with who says so",
            )
        wanted = normalise(what)
        for place in located:
            for at in find_words(wanted, place.paragraph.text):
                if not place.start <= at < place.end:
                    continue
                sentence = next((s for s in place.paragraph.sentences if s.start <= at < s.end), None)
                negation = _negation_before(place.paragraph.text, sentence.start if sentence else 0, at)
                unreal = _unreal_before(place.paragraph.text, sentence.start if sentence else 0, at)
                if negation is None and unreal is not None:
                    yield Problem(
                        field,
                        f"“{what}” leaves out “{unreal}” just before it in the article: headed so, the event "
                        "tells as done what the article tells as unreal, avoided or not done; head it with those "
                        "words, or tell it as a key point",
                    )
                if negation is not None:
                    yield Problem(
                        field,
                        f"“{what}” leaves out the “{negation}” just before it in the article: headed so, the "
                        "event says the opposite; head it with the negation, or not at all",
                    )
                    return
                part = _subject_cut(place.paragraph.text, sentence.start if sentence else 0, at)
                if part is not None:
                    yield Problem(
                        field,
                        f"“{what}” leaves out “{part}” just before it in the article: headed so, the event tells "
                        "a part, a bound or a range as the whole; head it from the start of its subject "
                        f"(“{part} {what}”)",
                    )
                    return

    def _event_done(self, field: str, what: str, located: list[Located]) -> Iterator[Problem]:
        """An event is told as done by the same reading of its frame as a giving (`_not_told_done`): not inside
        another statement ("That Oster held talks … is false", "It is possible …"), not what was to have been
        done ("Oster was to have held talks"), not undone or doubted by the sentence after it ("The talks were
        later called off."). Its last word stands for the giving's verb: the words before it are its frame's."""
        heading = normalise(what)
        words = heading.split()
        if not words:
            return
        # the head nouns of what happened ("talks") are what the next sentence points back with
        items = [w for w in words[1:] if w.islower() and lexicon.may_be(w, "NOUN")]
        last = len(heading) - len(words[-1])
        for place in located:
            for at in find_words(heading, place.paragraph.text):
                if not place.start <= at < place.end:
                    continue
                found = self._not_told_done(place, at + last, at + len(heading), items, words)
                if found is None:
                    continue
                frame = {
                    "inside": f"is told {found.words}",
                    "doubted": f"is pointed back to by a sentence of the article (“{found.sentence}”), which "
                    f"may deny, doubt, ask or undo it ({found.words})",
                    "framed": f"follows words (“{found.sentence}”) that may hand it to someone's story, a "
                    f"supposition or a genre ({found.words})",
                    "planned": f"is told under “{found.words}”, a plan's opening",
                    "coming": f"is told in the present with “{found.words}”, a time still to come",
                    "negated": f"is negated in its own sentence by “{found.words}”",
                    "false": f"is told as false, a joke or a fiction by “{found.words}” in its sentence",
                    "staged": f"is set “{found.words}”, a drill, an exercise, a film, a game or a scenario, "
                    "where nothing told happened",
                    "conditional": f"is told under “{found.words}”, a condition or a deal not yet made",
                    "undoing": f"is followed in its sentence by “{found.words}”, which can undo, deny or "
                    "condition it",
                    "part": f"is followed in its sentence by “{found.words}”, which tells only a part of it done",
                    "unread": f"is followed in its sentence by “{found.words}”, which the check has no meaning "
                    "for as verbs and which may undo it (if none does, give as evidence a sentence that tells it "
                    "without them)",
                }[found.kind]
                yield Problem(
                    field,
                    f"“{what}” {frame}: the article does not tell it as done, so it is not an event; tell it as "
                    "a key point in the article's words, with who says so",
                )
                return

    def _when_after_what(self, where: str, event: Event, located: list[Located]) -> Iterator[Problem]:
        """Told in one sentence, an event's time follows what happened ("Moscow reprimanded … on Wednesday
        for an Israeli strike …": Wednesday is the reprimand's, not the strike's), or opens the sentence."""
        if event.what is None or event.when is None:
            return
        what, when = normalise(event.what), normalise(event.when)
        together = False
        for place in located:
            for sentence in place.sentences:
                whats, whens = find_words(what, sentence.text), find_words(when, sentence.text)
                if not whats or not whens:
                    continue
                together = True
                opening = sentence.text[: min(whens)].strip(' ,“"').casefold() in ("", "on")
                if max(whens) > min(whats) or opening:
                    return
        if together:
            yield Problem(
                f"{where}.when",
                f"“{event.when}” stands before “{event.what}” in its sentence: it is the time of what the "
                "sentence tells before it, not of this; head the event with the words the time follows",
            )

    def _placed(
        self, field: str, value: str | None, texts: Sequence[str], *, event_only: bool = False
    ) -> Iterator[Problem]:
        """A `where` is a place the article puts something in: after "in", "at", "from" … or opening with
        its own preposition ("In Security Cabinet meetings", "outside Kyiv"); "asked Israel", "support
        Ukraine", "aid to Kyiv" name no place."""
        if value is None or not self._written(value, texts):
            return  # not written at all: its own error says so
        wanted = normalise(value)
        first = wanted.split()[0].casefold() if wanted.split() else ""
        written = [  # the words before each place, as the article writes them (the messages quote them)
            text[:at].split()
            for text in (normalise(t) for t in texts)
            for form in [wanted, *self.aliases.get(wanted, [])]
            for at in find_words(form, text)
        ]
        befores = [[w.strip(_PUNCTUATION).casefold() for w in words] for words in written]

        def as_written(words: Sequence[str]) -> str:
            return " ".join(words).strip(_PUNCTUATION)

        denied = [words for words, before in zip(written, befores, strict=True) if _denied_place(before)]
        if any(wanted.casefold().startswith(p + " ") for p in PLACE_OPENINGS) or first in PLACE_OPENINGS:
            # with its own preposition, the words before it may still deny it ("sank in Mirren, not in Dunmore":
            # HOSTILE-16 F7); a deal's `where` is read so by `_denied`, with its parties and sum
            if event_only and befores and len(denied) == len(befores):
                yield Problem(
                    field,
                    f"“{value}” is named only to be denied (“{as_written(denied[0][-3:])} {value}”): it is not "
                    "where it happened; give the place the article says",
                )
            return
        before_words = [before[-1] if before else "" for before in befores]
        if any(_places_it(before) for before in befores):
            return
        if denied:
            yield Problem(
                field,
                f"“{value}” is named only to be denied (“{as_written(denied[0][-3:])} {value}”): it is not "
                "where it happened; give the place the article says",
            )
            return
        shown = "”, “".join(dict.fromkeys(as_written(words[-1:]) for words in written if words))
        if before_words and all(w == "from" for w in before_words):
            owners = sorted({as_written(words[-2:]) for words in written if len(words) > 1})
            yield Problem(
                field,
                f"“{value}” stands after “{'”, “'.join(owners) or 'from'}”, which may say where "
                "someone or something came from, not where it happened; where something happened is where the "
                "article puts it (“in Brussels”, “at Ben-Gurion Airport”); else leave `where` out",
            )
            return
        yield Problem(
            field,
            f"“{value}” is not placed by its evidence: the word before it is “{shown}”, not a place preposition "
            f"(“{'”, “'.join(PLACE_PREPOSITIONS)}”); where something happened is where the article puts it "
            "(“in Brussels”, “at Ben-Gurion Airport”), written with its own preposition when it is another "
            "(“outside Kyiv”)",
        )

    def _frame(self, where: str, text: Located, located: list[Located]) -> Iterator[Problem]:
        """A quote is a quotation: its words open after a quotation mark of their sentence, and the words of
        the sentence before that mark are its frame ("Austin said the participants discussed"), which the
        evidence must show and every answer shows with it."""
        paragraph = text.paragraph
        sentence = next((s for s in paragraph.sentences if s.start <= text.start < s.end), None)
        opening = paragraph.text.rfind('"', sentence.start if sentence else 0, text.start + 1)
        if sentence is None or opening == -1 or paragraph.text[opening + 1 : text.start].strip():
            yield Problem(
                f"{where}.text",
                "is not a quotation: the article does not open quotation marks just before these words; a quote "
                "is the article's quotation, from its opening mark",
            )
            return
        after, last = paragraph.text[text.end : text.end + 2], paragraph.text[text.end - 1 : text.end]
        if after.strip() and after[:1] not in "\"'.!?" and last not in ".!?" and after[1:2] not in "\"'":
            rest = _clause_rest(paragraph.text[text.end :])
            yield Problem(
                f"{where}.text",
                f"stops inside the quotation, which goes on “{rest.strip(' ,')[:80]}”: a quote runs to its "
                "closing mark, so that it is not shown as the whole",
            )
        else:
            yield from _quotation_left_out(where, paragraph.text[text.end :])
        frame = paragraph.text[sentence.start : opening].strip()
        shown = any(
            p.paragraph.number == paragraph.number and p.start <= sentence.start and opening <= p.end
            for p in located
        )
        if frame and not shown:
            yield Problem(
                f"{where}.evidence",
                f"does not show the quote's frame, “{paragraph.written(sentence.start, opening).strip()}”: "
                "the words that say what the quotation is; quote its sentence from its start",
            )
            return
        proof = self.proofs.get(where)
        if proof is not None and frame:
            self.proofs[where] = dataclasses.replace(
                proof, frame=paragraph.written(sentence.start, opening).strip()
            )

    def _one_paragraph(self, where: str, event: Event, located: list[Located]) -> Iterator[Problem]:
        """An event's what, where and when are told in one paragraph: "Wednesday" of one paragraph and
        "Brussels" of the next may be two events."""
        told = [(f, v) for f, v in (("what", event.what), ("where", event.where), ("when", event.when)) if v]
        found = {f: {p.paragraph.number for p in located if self._written(v, [p.passage])} for f, v in told}
        if len(told) < 2 or not all(found.values()):
            return  # a value not written at all has its own error
        first, value = told[0]
        common = found[first]

        def labels(numbers: set[int]) -> str:
            return ", ".join(self.article.paragraphs[n - 1].label for n in sorted(numbers))

        for field, other in told[1:]:
            if common & found[field]:
                common = common & found[field]
                continue
            yield Problem(
                f"{where}.{field}",
                f"“{other}” ({labels(found[field])}) stands in another paragraph than “{value}” ({labels(common)}): "
                "an event's what, where and when are told in one paragraph; make it an event of its own",
            )

    def _quote(self, where: str, quote: Quote, located: list[Located]) -> Iterator[Problem]:
        text = self.article.locate(quote.text)
        if text is None:
            diagnosis = self.article.diagnose(quote.text)
            yield Problem(f"{where}.text", f"the quoted words: {diagnosis.message}", diagnosis.closest)
        elif located and all(place.paragraph.number != text.paragraph.number for place in located):
            yield Problem(f"{where}.text", "the quoted words stand in another paragraph than their evidence")
        else:
            yield from self._frame(where, text, located)
            yield from self._continued(where, quote, text, located)
        named = _people_named(self.brief, quote.speaker)
        if len(named) > 1:
            yield Problem(
                f"{where}.speaker",
                f"“{quote.speaker}” could be {' or '.join(named)}: a quote's heading says who spoke; write the "
                "name as [[people]] gives it",
            )
        if not quote.attributions:
            yield Problem(
                f"{where}.attribution", "a quote needs the words that attribute it, e.g. “Austin said”"
            )
            return
        if not self._written(quote.speaker, quote.attributions):
            pronoun = self._pronoun_speaker(where, quote, located)
            if pronoun is not None:
                yield from pronoun
                return
        speaker = list(
            self._value(f"{where}.speaker", quote.speaker, quote.attributions, "the quote's attribution")
        )
        yield from speaker or self._says_it(f"{where}.speaker", quote)

    def _continued(
        self, where: str, quote: Quote, text: Located, located: list[Located]
    ) -> Iterator[Problem]:
        """A quotation whose own sentence holds no attribution goes on the one its attribution's sentence
        gives only while nothing but quotation stands between them ('"…," Oster said. "…"'): a sentence of the
        article's own between ('… Oster said. Vesta disagreed. "…"', HOSTILE-13 Q5) may change who speaks, so
        the quotation's speaker is not settled (fail closed)."""
        order = {(p.number, s.start): i for i, (p, s) in enumerate(self.article.sentences)}
        quoted = [order[(text.paragraph.number, s.start)] for s in text.sentences]
        told: list[int] = []
        for attribution in quote.attributions:
            wanted = normalise(attribution)
            for place in located:
                for sentence in place.sentences:
                    if find_words(wanted, sentence.text):
                        told.append(order[(place.paragraph.number, sentence.start)])
        if not told or any(quoted[0] <= at <= quoted[-1] for at in told):
            return
        nearest = min(told, key=lambda at: min(abs(at - quoted[0]), abs(at - quoted[-1])))
        low, high = (nearest, quoted[0]) if nearest < quoted[0] else (quoted[-1], nearest)
        # the quotation's own sentences too: '"…" Vesta spoke first.' tells of someone else in them
        for paragraph, sentence in self.article.sentences[
            min(low + 1, quoted[0]) : max(high, quoted[-1] + 1)
        ]:
            outside = _outside_quotation(paragraph.text, sentence.start, sentence.end)
            if re.search(r"\w", outside):
                shown = paragraph.written(sentence.start, sentence.end).strip()
                yield Problem(
                    f"{where}.speaker",
                    f"the quoted words stand apart from their attribution (“{'”, “'.join(quote.attributions)}”), "
                    f"with “{shown}” told between or beside them: the article may have changed who speaks, so the words "
                    "are not shown as theirs; quote a quotation its own sentence attributes",
                )
                return

    def _named_together(self, before: str, speaker: str) -> bool:
        """Whether the words before the speaker in an attribution join another person to them ("Harbourmaster
        Ada Quill and Mayor | Ben Oster said"): one of the brief's people, or a titled name, then "and"."""
        joint = re.search(r"\b(?:and|&)\s+(?:\S+\s+){0,3}$", before)
        if joint is None:
            return False
        first = before[: joint.start()]
        others = [
            p
            for p in self.brief.people
            if p.name != speaker and speaker not in _people_named(self.brief, p.name)
        ]
        return any(
            find_words(normalise(form), first)
            for person in others
            for form in (person.name, person.name.split()[-1])
        ) or any(m.group("title") in _PERSON_TITLE_WORDS for m in _TITLED_NAME.finditer(first))

    def _says_it(self, field: str, quote: Quote) -> Iterator[Problem]:
        """The speaker is who says the quote in its attribution: the words just before its saying word ("Austin
        said", "Harbourmaster Ada Quill told"; "has also" between), or just after it when the attribution opens
        with it (", said a harbour official", "according to …"); not another name in it ("Austin said the
        participants discussed", "Ada Quill told Mayor Ben Oster")."""
        for text in quote.attributions:
            attribution = normalise(text)
            evidenced = [normalise(e) for e in quote.evidence]
            closing = any(-1 < e.find(normalise(quote.text)) < e.find(attribution) for e in evidenced)
            markers = _speaking_markers(attribution, closing=closing)
            for form in self._forms(quote.speaker):
                for at in find_words(form, attribution):
                    end = at + len(form)
                    ahead = attribution[:at].split()
                    if (
                        ahead
                        and ahead[-1].strip(_PUNCTUATION).casefold() in _OF_ANOTHER
                        and not any(stop == at - 1 for _, _, stop in markers)  # "according to Oster" (W1)
                    ):
                        continue  # "An aide to Oster said": the aide said it, not Oster (REVIEW-7 C12)
                    together = self._named_together(attribution[:at], quote.speaker)
                    for _, start, stop in markers:
                        between = attribution[end:start].split()
                        if together:
                            break  # "Quill and Oster said": the pair said it, not Oster alone
                        told = _telling_agent(attribution, start, stop)
                        if (
                            told is not None
                        ):  # "Oster was told by Vesta": Vesta said it, Oster heard it (Q3, Q4)
                            if told[0] == at:
                                return
                            continue
                        if start >= end and all(w.casefold() in _BETWEEN_SPEAKER_AND_VERB for w in between):
                            if between and between[-1].casefold() in PASSIVE_AUXILIARIES:
                                continue  # '"…," Oster was told.': whom it was told, no teller named
                            return
                        between = attribution[stop:at].split()
                        if (
                            not attribution[:start].strip()
                            and at >= stop
                            and "," not in attribution[stop:at]
                            and all(w[:1].isupper() or w.casefold() in _DETERMINERS for w in between)
                        ):
                            return  # "said Harbourmaster Ada Quill": the first name after the marker
        joint = self._joint_speaker(quote)
        if joint is not None:
            yield Problem(
                field,
                f"“{quote.speaker}” is one of two named together as saying the quote (“{joint}”): the pair said "
                f"it, not {quote.speaker} alone; give speaker = “{joint}”",
            )
            return
        yield Problem(
            field,
            f"“{quote.speaker}” is not who says the quote in its attribution "
            f"(“{'”, “'.join(quote.attributions)}”): the speaker stands just before the saying word "
            "(“Austin said”) or, in “said X” and “according to X”, just after it",
        )

    def _joint_speaker(self, quote: Quote) -> str | None:
        """The two names an attribution joins by "and" as saying the quote, when the speaker is one of them ("Oster
        and Vesta said"): the joint speaker to give; None otherwise."""
        wanted = re.escape(normalise(quote.speaker))
        name = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
        for text in quote.attributions:
            attribution = normalise(text)
            for match in re.finditer(
                rf"\b(?:{wanted}\s+and\s+{name}|{name}\s+and\s+{wanted})\b", attribution
            ):
                if any(start == match.end() + 1 for _, start, _ in _speaking_markers(attribution)):
                    return match.group()
        return None

    def _pronoun_speaker(self, where: str, quote: Quote, located: list[Located]) -> list[Problem] | None:
        """A quote attributed by a pronoun ("“We open on Monday,” she added.", a quotation continued in its own
        paragraph) names its speaker as the sentence before it does: the one it names last, in its paragraph or
        as the paragraph before ends. The proof shows whom the pronoun stands for. None when no attribution
        opens with a pronoun for a speaker."""
        for text in quote.attributions:
            words = normalise(text).split()
            if not words or words[0].casefold() not in SPEAKING_PRONOUNS:
                continue
            for index, place in enumerate(located):
                at = find_words(normalise(text), place.sentence_text)
                if not at:
                    continue
                before = self._sentence_before(place)
                candidates = [*self._speakers(quote.speaker), *self._article_names(quote.speaker)]
                referent = self._pronoun_referent(words[0], before, candidates)
                if referent.name is not None:
                    # the nearest naming settles it only when no one else named before it could be meant
                    scope = self._named_before(place)
                    wider = self._pronoun_referent(words[0], scope, candidates)
                    if wider.name is None and len(wider.could_be) > 1:
                        return [
                            Problem(
                                f"{where}.speaker",
                                f"“{words[0]}” of “{text}” could stand for {' or '.join(wider.could_be)}, all "
                                "named before it in its paragraph or the one before: the article does not settle "
                                "which, so the quote names no speaker; attribute it by words that name its speaker",
                            )
                        ]
                if referent.name is None and referent.could_be:
                    return [
                        Problem(
                            f"{where}.speaker",
                            f"“{words[0]}” of “{text}” could stand for {' or '.join(referent.could_be)}, named in "
                            f"the sentence before it (“{before}”): the article does not settle which, so the quote "
                            "names no speaker; attribute it by words that name its speaker",
                        )
                    ]
                if referent.name is None:
                    return [
                        Problem(
                            f"{where}.attribution",
                            f"“{text}” names its speaker by “{words[0]}”, and the sentence before it names no "
                            f"one it could stand for (“{before}”): attribute the quote by words that name "
                            f"{quote.speaker}",
                        )
                    ]
                if referent.name != quote.speaker and _people_named(self.brief, quote.speaker) != [
                    referent.name
                ]:
                    return [
                        Problem(
                            f"{where}.speaker",
                            f"“{words[0]}” of “{text}” stands for {referent.name}, the one of its kind the "
                            f"sentence before it names, not {quote.speaker}",
                        )
                    ]
                proof = self.proofs.get(where)
                if proof is not None and index < len(proof.passages):
                    shown = list(proof.passages)
                    shown[index] = dataclasses.replace(shown[index], referent=referent.shown(words[0]))
                    self.proofs[where] = dataclasses.replace(proof, passages=tuple(shown))
                return []
        return None

    def _sentence_before(self, place: Located) -> str:
        """The sentence before a passage's first sentence: in its paragraph, or the last of the paragraph before."""
        paragraph, first = place.paragraph, place.sentences[0]
        earlier = [s for s in paragraph.sentences if s.end <= first.start]
        if earlier:
            return earlier[-1].text
        number = paragraph.number
        return self.article.paragraphs[number - 2].sentences[-1].text if number > 1 else ""

    def _named_before(self, place: Located) -> str:
        """The article's words a pronoun of a passage may look back to: its paragraph up to the passage's first
        sentence, after the whole paragraph before it (I1: not the sentence before only) unless that is the
        headline, a title no pronoun of the story looks back to."""
        paragraph, first = place.paragraph, place.sentences[0]
        earlier = [s.text for s in paragraph.sentences if s.end <= first.start]
        number = paragraph.number
        if number > 1 and self.article.paragraphs[number - 2].kind not in ("credit", "headline"):
            earlier = [s.text for s in self.article.paragraphs[number - 2].sentences] + earlier
        return " ".join(earlier)

    def _article_names(self, speaker: str) -> list[tuple[str, list[str]]]:
        """Whom else a pronoun may stand for: every person's name the article writes (HOSTILE-14 I1), not only
        the brief's people: a run of two or more capitalised words ("Jon Berg"), its leading title or a
        sentence's opening word dropped, by the whole name and the surname; not a place, a body (a word of
        ORGANISATION_WORDS), a month or a day, a party or an alias of the brief, nor a run with a word the
        article writes small ("Harbour Street" beside "the harbour"). A name the brief gives already is left
        to `_speakers`."""
        known = {normalise(p.name) for p in self.brief.people} | {normalise(speaker)}
        found: dict[str, list[str]] = {}
        for paragraph in self.article.paragraphs:
            if paragraph.kind == "credit":
                continue
            for match in _PROPER_RUN.finditer(paragraph.text):
                words = [w.removesuffix("’s").removesuffix("'s") for w in match.group().split()]
                while words and (
                    words[0] in _PERSON_TITLE_WORDS
                    or words[0].casefold() in _RUN_OPENERS
                    or (words[0] != words[0].upper() and self._written_small(words[0]))
                ):
                    words = words[1:]
                name = " ".join(words)
                if len(words) < 2 or name in found or name in self._parties:
                    continue
                if any(find_words(person, name) for person in known):
                    continue  # "Harbourmaster Lina Vos": a name of the brief's, with its title
                if any(
                    w in _PLACES
                    or w.casefold() in _NOT_A_NAME
                    or w == w.upper()
                    or normalise(w) in self.aliases
                    or (w.casefold() not in NAME_PARTICLES and self._written_small(w))
                    for w in words
                ):
                    continue
                found[name] = [name, words[-1]]
        return list(found.items())

    def _speakers(self, speaker: str) -> list[tuple[str, list[str]]]:
        """Whom a pronoun may stand for: the brief's people and the quote's own speaker, each by the forms that
        name them (the phrase, the name, the surname)."""
        people = [
            (person.name, [normalise(f) for f in (person.as_written, person.name, person.name.split()[-1])])
            for person in self.brief.people
        ]
        if speaker.split() and not any(name == speaker for name, _ in people):
            people.append((speaker, [normalise(speaker), normalise(speaker).split()[-1]]))
        return people


def _quotation_left_out(where: str, rest: str) -> Iterator[Problem]:
    """A quote is its whole quotation (HOSTILE-16 F5): what its speaker goes on to say after a sentence end inside
    it can take the words back, deny or frame them ("We sank the ferry. That is what Vesta wants you to think."),
    so `text` runs to the closing mark, or, for a quotation going on in the next paragraph, to its paragraph's
    end. `rest` is the paragraph after the quote's text (normalised: '"' for every quotation mark)."""
    close = rest.find('"')
    inner = rest if close == -1 else rest[:close]
    if re.search(r"\w", inner):
        yield Problem(
            f"{where}.text",
            f"stops inside its quotation, which goes on “{inner.strip(' ,')[:100]}” before its closing mark: "
            "what the speaker goes on to say can take the words back, deny or frame them, so a quote runs to its "
            "closing mark; quote the quotation whole",
        )


def _clause_opening(text: str, end: int) -> re.Match[str] | None:
    """The first word after an event's what (ending at `end`) that tells a clause of its own, whose time or place
    is its verb's, not the event's (HOSTILE-14 J1, J2): a subject pronoun, an auxiliary or a modal ("…, like he
    did on Monday", "… and will do so again on Monday"), or a word that can be nothing but a verb. A name's
    capital ("in May") is no auxiliary. None when every word may stand in the event's run of adjuncts."""
    for match in re.finditer(r"[\w’'-]+", text[end:]):
        word = match.group()
        folded = word.casefold()
        if word[:1].isupper():
            continue
        classes = lexicon.word_classes(folded)
        if (
            folded in EVENT_CLAUSE_SUBJECTS
            or folded in INVERTED_AUXILIARIES
            or folded in MODAL_WORDS
            or (classes and classes <= {"VERB", "AUX"})
        ):
            return re.compile(re.escape(word)).search(text, end + match.start())
    return None


def _outside_quotation(text: str, start: int, end: int) -> str:
    """The words of `text[start:end]` outside quotation marks, counted from the paragraph's start (a quotation
    left open runs to the paragraph's end, as a quotation continued in the next paragraph does)."""
    inside = text.count('"', 0, start) % 2 == 1
    kept: list[str] = []
    for char in text[start:end]:
        if char == '"':
            inside = not inside
        elif not inside:
            kept.append(char)
    return "".join(kept)


def _speaking_markers(attribution: str, *, closing: bool = False) -> tuple[tuple[str, int, int], ...]:
    """The words of a quote's attribution that say who speaks it: the who-says-so markers, and the verbs that say
    so closing a quotation (`CLOSING_SAYING_VERBS`: '"Is the port shut?" Oster asked.', HOSTILE-13 W2; with
    `closing`, an attribution after its quotation, any verb of communication: '"…," Oster joked.')."""
    verbs = set(saying_verbs(attribution))
    if closing:  # '"…," Oster joked.', not the frame of "Austin said the participants discussed “…”"
        verbs |= set(_communicating_verbs(attribution))
    return (
        *_said_markers(attribution),
        *((word, at, at + len(word)) for word in verbs for at in find_words(word, attribution)),
    )


def _communicating_verbs(attribution: str) -> tuple[str, ...]:
    """The words of a quote's attribution that are a verb's inflected form with a communication sense in WordNet
    ("joked", "quipped", "warned": HOSTILE-16 W5), which say who speaks a quotation they close as a saying verb
    does; not a verb with none ("walked", "laughed", "shrugged"), nor a word in capitals (a name)."""
    found = []
    for match in re.finditer(r"[A-Za-z]+", attribution):
        word = match.group()
        if word[:1].isupper() or not lexicon.may_be(word, "VERB"):
            continue
        if word.casefold() in lexicon.lemmas(word, "VERB"):
            continue  # a base form ("talk") may be a noun's or an order's, not the closing verb
        if "verb.communication" in lexicon.verb_senses(word):
            found.append(word)
    return tuple(found)


# A run of capitalised words (with a name's particles inside it: "Ana de Vos"), read by `_article_names`.
_PROPER_RUN = re.compile(
    r"\b[A-Z][\w’'-]*(?:\s+(?:(?:de|van|von|der|den|bin|al|da|del|le|la)\s+)?[A-Z][\w’'-]*)+"
)
# A capitalised run's first word that opens its sentence, not a name ("But Jon Berg", "On Monday Lina Vos").
_RUN_OPENERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "or",
        "on",
        "in",
        "at",
        "as",
        "if",
        "when",
    }
    | {"then", "so", "yet", "for", "after", "before", "since", "while", "with", "by", "from", "to", "of"}
)
# Words of a capitalised run that show it names no person: a body, a month, a day.
_NOT_A_NAME = frozenset(
    {*ORGANISATION_WORDS, *BODY_NOUNS, *PLACE_NAME_WORDS, *NAME_RUN_BODY_WORDS}
    | {w for w in RELATIVE_TIME_WORDS if " " not in w and w not in ("ago", "today")}
)
_PARTY_FIELDS = {"donor", "recipient", "lender", "borrower"}
_NOT_DONE: tuple[Status, ...] = ("not provided", "declined")  # a value told with its denial agrees with these
# Words that may stand between a speaker and their saying word: "Bennett has also argued", "Oster later said".
_BETWEEN_SPEAKER_AND_VERB = frozenset({*NAMING_NO_ONE, *VERB_ADVERBS})
# A name after one of these in a saying verb's subject is whom the speaker is tied to, not the speaker: "An aide
# to Oster said", "a spokesman for Oster said", "a friend of Oster said" (REVIEW-7 C12).
_OF_ANOTHER = frozenset(
    {"to", "for", "of", "with", "from", "near", "behind", "like", "than", "about", "against"}
)
_PLACES = frozenset({*PLACE_NAMES, *(name for names in PLACE_NAMES.values() for name in names)})
_PLACE_WORDS = frozenset(name.casefold() for name in _PLACES)  # "Beijing, …" is no participle


# A clause joined to the one before it, with a subject of its own: "and the crew swam …", "and Vesta sent …".
# … or a verb of its own, sharing the subject: "… sent several planeloads of humanitarian aid and built a field
# hospital in Ukraine" (a past tense: "-ed", or one of the status verbs).
_NEW_CLAUSE = re.compile(
    r"\s(?:and|but|or|while)\s+(?=[A-Z]|(?:the|a|an|its|his|her|their|this|these)\s|\w+ed\b|(?:"
    + "|".join(
        re.escape(v) for v in sorted({v for v in _ALL_STATUS_VERBS if " " not in v}, key=len, reverse=True)
    )
    + r")\b)"
)


# Words after what happened that open a verb of their own: an infinitive ("over how to support Ukraine in its
# war", "a corridor to evacuate …"), a subordinate clause ("despite Jerusalem not providing …", "after …"),
# or a participle after a comma (", saying …").
_OPENS_CLAUSE = (
    r"(?:despite|because|although|though|unless|until|whereas|which|who|whom|whose|that)\b|,\s+[a-z]+ing\b"
)
_OTHER_VERB = re.compile(
    r"\b(?:to\s+(?!the\b|a\b|an\b|its\b|his\b|her\b|their\b)[a-z]+\b|" + _OPENS_CLAUSE + ")"
)
# A conjunction, a relative or a participle after a comma: a clause of its own ("…, arriving on Monday", "talks
# that ended on Monday"), as `_OTHER_VERB` reads it, but for an infinitive, which may go on with the heading's
# own object ("a corridor to evacuate Ukrainians from … in May")
_CLAUSE_OPENER = re.compile(r"\b(?:" + _OPENS_CLAUSE + ")")


_CREDIT_SHAPES = tuple(
    re.compile(shape, flags=re.IGNORECASE if i < 4 else 0) for i, shape in enumerate(CREDIT_SHAPES)
)


def credit_line(line: str) -> bool:
    """Whether a line of the article is a credit, not a sentence of the story (REVIEW-7 C23): one of
    `CREDIT_SHAPES`, or names alone ("Ivo Renn, Norland Press"): no word in small letters but small words, so
    no verb and nothing that happened. Fails closed: a line the check cannot read as a sentence is no
    person's evidence."""
    text = normalise(line).strip()
    if any(shape.search(text) for shape in _CREDIT_SHAPES):
        return True
    words = [w.strip(_PUNCTUATION) for w in text.split()]
    words = [w for w in words if w]
    return (
        bool(words)
        and len(words) <= 8
        and all(w[:1].isupper() or w.casefold() in CREDIT_SMALL_WORDS for w in words)
    )


def _joined_between(text: str, start: int, end: int) -> bool:
    """Whether a new clause (`_NEW_CLAUSE`) is joined on between `start` and `end` of `text`."""
    joint = _NEW_CLAUSE.search(text, start)
    return joint is not None and joint.start() < end


def _reach(verb: _VerbPlace, as_written: str) -> str:
    low, high = _reach_span(verb, as_written)
    return verb.place.paragraph.text[low:high]


def _reach_span(verb: _VerbPlace, as_written: str) -> tuple[int, int]:
    """The words of the verb's clause, as its passage shows them, that its `by`, `when`, `how` and `where` may
    come from: not those of another status verb joined to it by "and", "but", "or" or "while" without a comma
    ("Norland sent cranes to Estria on Monday and Vesta sent nets to Estria on Friday": Friday is Vesta's,
    Monday Norland's), nor who does that other verb."""
    text = verb.place.paragraph.text
    low = max(verb.clause.start, verb.place.start)
    high = min(verb.clause.end, verb.place.end)
    end = verb.at + len(as_written)
    others = sorted(
        (at, at + len(other))
        for other in _status_verbs_in(text[low:high])
        for at in find_words(other, text)
        if low <= at < high and not (verb.at <= at < end) and not (at <= verb.at < at + len(other))
    )
    before = [o for o in others if o[1] <= verb.at]
    after = [o for o in others if o[0] >= end]
    if before:
        joint = _last_conjunction(text[before[-1][1] : verb.at])
        if joint is not None:
            low = before[-1][1] + joint
    if after:
        joint = _last_conjunction(text[end : after[0][0]])
        if joint is not None:
            high = end + joint
    # a conjunction that opens a subject of its own ends the reach, whatever its verb ("Vesta sent nets to
    # Estria and Norland paid for them on Monday": Monday is Norland's paying)
    for joint in new_subject_joints(text, verb.clause.start, verb.clause.end):
        if joint < verb.at:
            low = max(low, joint)
        elif joint >= end:
            high = min(high, joint)
    return low, high


_ASIDE_RELATIVES = frozenset({"which", "who", "whom", "whose", "where", "when"})


def asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The phrases of a clause of their own inside `text[start:end]` (a sentence), set off by commas: a relative
    clause (", which sent fuel in March,", ", who …") or a participle's phrase (", bought in Vesta,", ",
    delivered as part of …,"), between two commas or a comma and the sentence's end, and a participle's phrase
    that opens the sentence ("Bought in Vesta, the fuel …"). Their time, place and manner are their own verb's,
    not the sentence's (REVIEW-7 C13)."""
    found: list[tuple[int, int]] = []
    commas = [m.start() for m in re.finditer(r",", text[start:end])]
    bounds = [start - 1, *(start + c for c in commas), end]
    for index, (left, right) in enumerate(itertools.pairwise(bounds)):
        segment = text[left + 1 : right]
        words = segment.split()
        if not words:
            continue
        lead = words[0].strip(_PUNCTUATION)
        # ", which sent …", and one opened by a preposition (", from which Estria bought fuel,": HOSTILE-13 X5)
        relative = index > 0 and (
            lead in _ASIDE_RELATIVES
            or (
                lead in RELATIVE_PREPOSITIONS
                and len(words) > 1
                and words[1].strip(_PUNCTUATION) in _ASIDE_RELATIVES
            )
        )
        # between two commas, a participle's phrase ("…, bought in Vesta, …"), but not the verb that goes on
        # after a relative clause ("Norland, which sent fuel in March, opened the quay, …")
        after_aside = bool(found) and found[-1][1] == left
        participle = (
            index > 0
            and right < end
            and not after_aside
            and lead.isalpha()
            and lead.islower()
            and _participle(lead)
            and lead not in PASSIVE_AUXILIARIES
        ) or (index == 0 and right < end and lead[:1].isupper() and _participle(lead.casefold()))
        if relative or participle:
            found.append((left + 1, right))
    return found


@dataclass(frozen=True)
class Relative:
    """A relative clause set off by a comma after a name ("Norland, to which Estria sent fuel, …"): where the
    name it stands for ends (`comma`, the comma after it), the preposition that opens it ("" for none), where
    its own words begin (`start`, after "to which", "to whose port") and end (`end`, its next comma or its
    sentence's end)."""

    comma: int
    preposition: str
    opener: str
    start: int
    end: int


_RELATIVE_OPENING = re.compile(
    r",\s+(?:(?P<preposition>[a-z]+)\s+)?(?P<relative>" + "|".join(sorted(RELATIVE_OPENERS)) + r")\b"
)


def relative_around(text: str, sentence: Span, at: int) -> Relative | None:
    """The relative clause after a name that the word at `text[at]` stands in (HOSTILE-13 X1–X7), or None."""
    for found in _RELATIVE_OPENING.finditer(text, sentence.start, sentence.end):
        preposition = found["preposition"] or ""
        if preposition and preposition not in RELATIVE_PREPOSITIONS:
            continue
        before = text[sentence.start : found.start()].split()
        if not before or not before[-1].strip(_PUNCTUATION)[:1].isupper():
            continue  # "the fuel, which …": not a name
        start = found.end()
        if found["relative"] == "whose":  # "to whose port Estria sent": the noun it owns is no subject
            owned = re.match(r"(?:\s+[a-z][\w'’-]*)+?(?=\s+[A-Z])", text[start : sentence.end])
            if owned is None:
                continue
            start += owned.end()
        closing = re.search(r"[,;:()—–]", text[start : sentence.end])
        end = start + closing.start() if closing is not None else sentence.end
        if start <= at < end:
            return Relative(found.start(), preposition, text[found.start() + 1 : start].strip(), start, end)
    return None


def _participle(word: str) -> bool:
    """Whether a word may be a verb's participle ("bought", "delivered", "including"): a form of a verb that is
    not its base (`lexicon`), or, for a word the lexicon does not hold, one ending in "-ed" or "-en". Fails
    closed: a verb form the check has no list for still opens a phrase of its own."""
    if lexicon.word_classes(word):
        return lexicon.may_be(word, "VERB") and word not in lexicon.lemmas(word, "VERB")
    return word.endswith(("ed", "en")) and len(word) > 4


def _event_heading(where: str, event: Event, located: list[Located]) -> tuple[str, str] | None:
    """The field and words that head an event as a reader sees it: its `what`, else its first passage (as
    /events heads it), or None when that passage was not found (its own problem says so)."""
    if event.what is not None:
        return f"{where}.what", event.what
    if not located or located[0].passage != normalise(event.evidence[0]):
        return None
    return f"{where}.evidence[0]", event.evidence[0]


def _headless_hint(event: Event, problems: Iterable[Problem]) -> Iterator[Problem]:
    """The problems of an event's heading, saying what the editor can do when the heading is its first passage
    (no `what`): give the words of what happened as its `what`."""
    for problem in problems:
        if event.what is not None:
            yield problem
        else:
            yield dataclasses.replace(
                problem,
                message=f"{problem.message} (with no `what`, the event is headed by its first passage: give "
                "`what`, the article's words for what happened, that its `when` and `where` follow)",
            )


# In a first passage that heads an event, words that open a clause of their own after its first word: a subject
# pronoun or a modal ("… said it took place three months ago", "… he would …"); the heading's own subject and
# verb come before, so a word that can only be a verb is no sign here, as it is after a `what`.
_HEADING_CLAUSE = re.compile(
    r"(?<![\w’'-])(?:"
    + "|".join(re.escape(w) for w in sorted(EVENT_CLAUSE_SUBJECTS | MODAL_WORDS, key=len, reverse=True))
    + r")(?![\w’'-])"
)


def _heading_stop(text: str, start: int, at: int, stops: re.Pattern[str]) -> re.Match[str] | None:
    """Where the run of the heading's own clause ends, for a time or place at `at` of a sentence whose first
    passage heads an event (no `what`; REPORT-reader16 finding 2): the first word from `start` that opens
    another phrase (`EVENT_PHRASE_STOPS`), a clause joined by "and", "but", … with a subject of its own (not
    "Iron and Steelworks": `_in_name`), a conjunction, relative or participle that opens a clause of its own
    (`_CLAUSE_OPENER`), or a subject pronoun or modal after the first word, outside the phrases
    set off by commas (`asides`), whose own words are theirs. A phrase that opens the heading ("Since the talks
    on Monday, …") runs to its comma: what stands in it is its own, what follows the comma is read from there; a
    heading that is that phrase alone is its own clause."""
    inside = asides(text, 0, len(text))
    for low, high in inside:
        if low <= at < high and not low <= start < high:  # "The harbour, which Norland built in May, …"
            return re.compile(r"[\w’'-]+").search(text, low)

    def first(after: int) -> re.Match[str] | None:
        found = [
            match
            for pattern in (stops, _NEW_CLAUSE, _HEADING_CLAUSE, _CLAUSE_OPENER)
            for match in pattern.finditer(text, after)
            if (match.start() > start or pattern is stops)
            and not any(low <= match.start() < high for low, high in inside)
            and not (pattern is _NEW_CLAUSE and _in_name(text, match))
        ]
        return min(found, key=lambda match: match.start(), default=None)

    stop = first(start)
    if stop is None or text[start : stop.start()].strip():
        return stop
    comma = text.find(",", stop.end())
    if comma == -1:
        return first(stop.end())  # the heading is the phrase its first word opens
    return stop if at < comma else first(comma + 1)


def _in_name(text: str, joint: re.Match[str]) -> bool:
    """Whether "and", "or", … joins two capitalised words, as inside a name ("Iron and Steelworks", "Policy and
    Political-Military Bureau") or a pair of names ("Lapid and Gantz"): no clause of its own."""
    before = text[: joint.start()].split()
    after = text[joint.end() :].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def own_clause(text: str, sentence: Span, at: int, verb_at: int) -> bool:
    """Whether the words at `at` of a sentence are told in the same clause as the verb at `verb_at`: not one in
    an aside (`asides`) and the other outside it."""
    for low, high in asides(text, sentence.start, sentence.end):
        if (low <= at < high) != (low <= verb_at < high):
            return False
    return True


# A sum of money ("$20 million", "20 million", "EUR 5 million"): after a conjunction, another sum than the deal's.
_A_SUM = re.compile(
    r"[$€£¥]\s?\d|\b[A-Z]{3}\s\d|\b\d[\d,.]*\s*(?:thousand|million|billion|trillion|bn|mn|m)\b"
    r"|\b(?:million|billion|trillion)\b"
)
# Words the lexicon holds only as verbs that stand between a verb and its object's words as prepositions.
_VERB_PREPOSITIONS: Final = frozenset(
    {"including", "according", "following", "regarding", "concerning", "excluding", "during", "pending"}
)


def _another_owner(between: str, own: Sequence[str]) -> str | None:
    """The words of `between` (from a deal's verb to a time after it) that the time belongs to when it is not
    the verb's: a conjunction or a comma after a time already told, or before another sum than the deal's own
    (`own`: "and $20 million"); or a verb of its own, a word the lexicon holds only as a verb or "did" ("the
    fuel it had promised", "a deal signed", "after Vesta did"), not one after "as" ("as promised"). None when
    the time is the verb's."""
    for joint in re.finditer(r",|\s(?:and|but|while|whereas|then|plus)\s", between):
        before, after = between[: joint.start()], between[joint.end() :]
        other_sum = _A_SUM.search(after) is not None and not any(find_words(o, after) for o in own)
        if kinds.has_time(before) or other_sum:
            return " ".join(between[joint.start() :].split()).strip(" ,")
    masked = between
    for value in sorted(own, key=len, reverse=True):
        for at in reversed(find_words(value, masked)):
            masked = masked[:at] + " " * len(value) + masked[at + len(value) :]
    previous = ""
    for word in re.finditer(r"\S+", masked):
        bare = word.group().strip(_PUNCTUATION)
        folded, after_as = bare.casefold(), previous == "as"
        previous = folded
        next_word = re.match(r"\s*(\S+)", between[word.end() :])  # the deal's own item, too
        following = next_word[1] if next_word else ""
        # before a noun or a name, a participle is the noun's adjective ("the requested fuel", "to besieged
        # Estria", "Estria's damaged port"); a verb of its own ends the words or goes on with a preposition
        attributive = bool(following) and following.casefold().strip(_PUNCTUATION) not in PARTY_EDGE_WORDS
        if not bare or bare[:1].isupper() or folded in _VERB_PREPOSITIONS or after_as or attributive:
            continue  # a name; a preposition; "as promised", "as agreed": the deal's own
        if folded in ("did", "does", "done") or lexicon.word_classes(bare) == {"VERB"}:
            return " ".join(between[: word.end()].split()).strip(" ,")
    return None


def _last_conjunction(between: str) -> int | None:
    """Where the last " and ", " but ", " or " or " while " of `between` starts; None when it has none."""
    found = [m.start() for m in re.finditer(r"\s(?:and|but|or|while)\s", between)]
    return found[-1] if found else None


def _clause_source(item: Fact, paragraph: Paragraph, sentence: Span) -> tuple[str, int, int] | None:
    """The who-says-so marker in a deal's own clause, before its status verb, with its offsets in the sentence:
    "said" of "Oster said" in "Oster said Vesta sent ferries to Estria, and Quill said Norland sent tugs …"
    for Vesta's ferries (Quill's "said", the sentence's last, tells Norland's). None for other facts, when the
    verb is not in the sentence or its clause says no who-says-so before it."""
    if not isinstance(item, AidFlow | Loan):
        return None
    verb = normalise(item.status_as_written)
    values = [normalise(i) for i in item.items] if isinstance(item, AidFlow) else [normalise(item.as_written)]
    for at in find_words(verb, sentence.text):
        clause = next(
            (c for c in paragraph.clauses(sentence) if c.start <= sentence.start + at < c.end), None
        )
        if clause is None or not any(find_words(value, clause.text) for value in values):
            continue  # the verb of another clause ("… and Quill said Norland sent tugs"): not this deal's
        offset = clause.start - sentence.start
        before = [
            (marker, offset + start, offset + end)
            for marker, start, end in _said_markers(clause.text)
            if offset + end <= at
        ]
        if before:
            return max(before, key=lambda found: found[1])
    return None


def _told_by_status(item: Fact, sentence: str) -> set[tuple[str, int, int]]:
    """The hedges of `sentence` that a deal's status tells already: a plan's or a possibility's own words ("plans
    to provide", "could provide"), inside its `status_as_written`, when its status is `planned` or `possible`:
    every answer heads it "Planned (not given)" or "Possible (not given)", so it is never told as done."""
    if not isinstance(item, AidFlow | Loan) or item.status not in ("planned", "possible"):
        return set()
    verb = normalise(item.status_as_written)
    spans = [(at, at + len(verb)) for at in find_words(verb, sentence)]
    return {
        (marker, start, end)
        for marker, start, end in _hedges(sentence)
        if any(a <= start and end <= b for a, b in spans)
    }


def _content_clause_heads(item: Fact, sentence: str) -> list[tuple[str, int, int]]:
    """The noun of "<noun> that <giver> …" when it is not the thing given: "The claim that Norland sent fuel …" puts
    the giving in a claim, where "the fuel that Norland sent" is a relative clause about what was given. Fail
    closed: any noun but the deal's own items or amount heads a clause someone holds, and needs an attribution."""
    parties = _parties(item) if isinstance(item, Dealing) else ()
    if not parties or not isinstance(item, AidFlow | Loan):
        return []
    own = " ".join(normalise(x) for x in (item.items if isinstance(item, AidFlow) else [item.as_written]))
    own_words = {w.strip(_PUNCTUATION).casefold() for w in own.split()} | {"loan", "loans", "aid"}
    heads: list[tuple[str, int, int]] = []
    for at in find_words(parties[0], sentence):
        match = re.search(r"([A-Za-z]+)\s+that\s+(?:the\s+)?$", sentence[:at])
        if match and match.group(1).casefold() not in own_words and not lexicon.only(match.group(1), "VERB"):
            heads.append((match.group(1), match.start(1), match.end(1)))  # a verb's "that" is read as a verb
    return heads


def _parties(deal: Dealing) -> tuple[str, ...]:
    """The countries or bodies a deal is between, normalised: its donor and recipient, or lender and borrower."""
    if isinstance(deal, AidFlow):
        return normalise(deal.donor), normalise(deal.recipient)
    if isinstance(deal, Loan):
        return normalise(deal.lender), normalise(deal.borrower)
    return ()


def _written_in(
    given: Sequence[str], roles: dict[str, AttributionRole], place: Located
) -> tuple[tuple[str, AttributionRole], ...]:
    """The attributions that stand in the passage's sentences, in the article's own characters, with their
    roles; then those of the account's closing words that its sentences are told under, wherever they stand."""
    found: list[tuple[str, AttributionRole]] = []
    for text in given:
        for sentence in place.sentences:
            at = find_words(text, sentence.text)
            if at:
                start = sentence.start + at[0]
                found.append((place.paragraph.written(start, start + len(text)), roles[text]))
                break
    for sentence in place.sentences:
        governing = governing_attribution(place.paragraph, sentence)
        if governing is None:
            continue
        closing, _, start, end = governing
        for text, a, b in _spans(given, closing.text):
            shown = (place.paragraph.written(closing.start + a, closing.start + b), roles[text])
            if a <= start and end <= b and shown not in found:
                found.append(shown)
    return tuple(found)


def _event_noun_giving(field: str, heading: str) -> Iterator[Problem]:
    """An event's heading whose subject is itself an event (`EVENT_SUBJECT_NOUNS`: talks, a meeting, a summit) and
    whose first verb is a giving (`GIVING_ACT_VERBS`): "Talks in Vesta and Estria sent ferries on Monday." Talks
    send nothing: the giver is in another clause, or the sentence is misread. Not "Talks in Vesta ended on
    Monday.", nor "Talks ended and Norland sent ferries." (its first verb is the talks')."""
    words = [lexicon.bare(w).casefold() for w in normalise(heading).split()]
    at = 0
    while at < len(words) and words[at] in ("the", "a", "an", "this", "that", "last", "new", "further"):
        at += 1
    if at >= len(words) or words[at] not in EVENT_SUBJECT_NOUNS:
        return
    for word in words[at + 1 :]:
        if not word:
            continue
        bases = set(lexicon.lemmas(word, "VERB"))
        if bases & GIVING_ACT_VERBS and not (word.endswith("s") and lexicon.may_be(word, "NOUN")):
            yield Problem(
                field,
                f"“{heading}” makes “{words[at]}”, an event, the subject of “{word}”: an event gives or sends "
                "nothing, so whoever did it is named in another clause, or the sentence is not what happened; "
                "give `what`, the article's words for what happened with who did it, or tell it as a key point",
            )
            return
        if "AUX" in lexicon.word_classes(word) or lexicon.only(word, "VERB") or word.endswith("ed"):
            return  # the event's own verb: "Talks in Vesta ended and Norland sent ferries"


def _heading_problems(field: str, heading: str, what: str) -> Iterator[Problem]:
    """A heading says what it heads in its own words: not who says so ("A source familiar with the exchange
    said it took place"), and not a pronoun for something named elsewhere ("He can be seen …")."""
    text = normalise(heading)
    said = _said_markers(text)
    if said:
        yield Problem(
            field,
            f"“{heading}” holds who says so (“{said[0][0]}”): {what}; who says so is its attribution",
        )
    back = [word for word in POINTING_BACK if find_words(word, text, ignore_case=True)]
    if back:
        yield Problem(
            field,
            f"“{heading}” holds “{back[0]}”, which points back to something it does not show: {what}, in words "
            "that stand alone",
        )
    first = text.split()[0].strip(_PUNCTUATION).casefold() if text.split() else ""
    first = re.split(r"['’]", first)[0]  # "we’ve", "they're"
    if first in PRONOUNS or first in SPEAKER_PRONOUNS:
        yield Problem(
            field,
            f"“{heading}” begins with “{text.split()[0]}”, a word for someone or something named elsewhere: "
            f"{what}, in words that name it",
        )


# Words the lexicon may call nouns that, just after an item, go on with the sentence rather than name what the
# item modifies ("sent fuel this week", "sent fuel months ago").
_NOT_HEAD_NOUNS = frozenset({"this", "that", "these", "those", "each", "every", "all", "both", "some", "per"})
_TIME_NOUNS = frozenset({"days", "weeks", "months", "years", "hours", "decades", "minutes", "times"})


def _head_after(text: str, end: int) -> str | None:
    """The noun an item ending at `end` modifies, if the next word is one: "tankers" of "fuel tankers", "boats" of
    "patrol boats". None when the next word goes on with the sentence: a preposition, an adverb, a name, a time
    ("months ago"), a clause's verb ("the fuel farmers needed": "farmers" is a subject)."""
    after = re.match(r" ([a-z][a-z'-]*)(?: ([A-Za-z][a-z'-]*))?", text[end:])
    if after is None:
        return None
    word, then = after[1], after[2] or ""
    classes = lexicon.word_classes(word)
    if "NOUN" not in classes or not classes <= {"NOUN", "VERB"} or word in _NOT_HEAD_NOUNS | _TIME_NOUNS:
        return None
    if "VERB" in classes and word.endswith(("ed", "ing")):
        return None  # "fuel costing $9 million", "fuel bound for Estria"
    if then and lexicon.may_be(then, "VERB") and not lexicon.may_be(then, "NOUN"):
        return None  # "the fuel farmers needed": a clause about the fuel, not a compound
    return word


def _item_whole(where: str, item: str, located: list[Located]) -> Iterator[Problem]:
    """An item is the whole of what the article says was given (HOSTILE-11 B2, B4): not the first word of a
    compound ("fuel" of "fuel tankers": tankers were sent), and not a word the article sets apart in quotation marks
    ("sent “fuel”": someone else's word, or the article's doubt of it). Refused only where no place of its
    evidence tells it whole."""
    wanted = normalise(item)
    faults: list[str] = []
    for place in located:
        text = place.paragraph.text
        for at in place.places_of(wanted):
            end = at + len(wanted)
            head = _head_after(text, end)
            if text[at - 1 : at] == '"' and text[end : end + 1] == '"':
                faults.append(
                    f"“{item}” stands in quotation marks in “{place.paragraph.written(at - 1, end + 1)}”: the "
                    "article sets the word apart (someone else's word, or its own doubt of it), so it is not told "
                    "as given; tell it as a quote with its speaker, or as a key point in the article's words"
                )
            elif head is not None:
                faults.append(
                    f"“{item}” stops short of “{place.paragraph.written(at, end)} {head}”: what the article says "
                    f"was given is the {head}, not the {item}; write the item whole"
                )
            elif (of := re.match(r"\s+of\s+(?:(?:a|an|the|its|their)\s+)?[\w'’-]+", text[end:])) is not None:
                # "500 tonnes of fuel": a measure, a share or a kind is of something, and the item is both
                faults.append(
                    f"“{item}” stops short of “{place.paragraph.written(at, end + of.end())}”: what the article "
                    "says was given is the whole phrase, not its first words; write the item whole"
                )
            else:
                return
    if faults:
        yield Problem(where, faults[0])


def _clause_rest(after: str) -> str:
    """What follows a word to the end of its clause: up to a sentence end, a semicolon, or a comma before
    a new subject."""
    return re.split(r"[;.!?](?:\s|$)|, (?=(?:and |but |or |while )?[A-Z])", after, maxsplit=1)[0]


@lru_cache(maxsize=4096)
def _after_status_verb(phrase: str) -> str:
    """The words of a status phrase after its first status verb ("has not provided military aid" ->
    " military aid"); "" when the verb ends it."""
    found = [
        (at, len(verb))
        for verb in _status_verbs_in(phrase)
        for at in find_words(verb, phrase, ignore_case=True)
    ]
    if not found:
        return ""
    at, size = min(found)
    return phrase[at + size :]


def _read_for_items(verb: str, before: str, items: Sequence[str]) -> Status | None:
    """`read_status`, read for the items it is said of: "has not provided military aid to Kyiv beyond
    helmets and protective vests" gives the helmets (after "beyond") `provided`, and "military aid to Kyiv
    beyond helmets and protective vests" (the exception told with it) `not provided`."""
    reading = read_status(verb, before)
    excepting = _excepting(verb)
    if reading != "provided" or not items or not excepting:
        return reading
    word, excepted = excepting[0]
    holding = [any(find_words(w, normalise(i), ignore_case=True) for w in NEGATION_EXCEPTIONS) for i in items]
    following = [bool(find_words(normalise(i), excepted)) for i in items]
    if all(holding) and read_status(verb.split(" " + word)[0], before) == "not provided":
        return "not provided"
    # what follows the exception was given; what it is excepted from, told without it, reads as neither
    return reading if all(following) else None


def _setting(verb: _VerbPlace) -> list[str]:
    """The setting that opens the verb's sentence before the verb's clause, as shown by its passage: a first
    clause opening with a preposition ("In Security Cabinet meetings"), which tells where all of it happened."""
    paragraph, place = verb.place.paragraph, verb.place
    sentence = next((s for s in paragraph.sentences if s.start <= verb.at < s.end), None)
    if sentence is None:
        return []
    first = paragraph.clauses(sentence)[0]
    opening = first.text.split()[0].casefold() if first.text.split() else ""
    if opening not in SETTING_PREPOSITIONS or first.end > verb.clause.start or first.start < place.start:
        return []
    return [first.text]


def _time_setting(verb: _VerbPlace) -> list[str]:
    """The time that opens the verb's sentence just before the verb's clause, as shown by its passage ("On
    Monday, Norland lent …", "Last year, …": news's commonest way to date what its sentence tells): a first
    clause that is a time, whole (`kinds.when_problem`), with no one's saying between it and the verb ("On
    Monday, Vesta said Norland sent …" dates the saying)."""
    paragraph, place = verb.place.paragraph, verb.place
    sentence = next((s for s in paragraph.sentences if s.start <= verb.at < s.end), None)
    if sentence is None:
        return []
    clauses = paragraph.clauses(sentence)
    if len(clauses) < 2 or clauses[0].start < place.start or clauses[1].start != verb.clause.start:
        return []
    first = clauses[0].text.strip(" ,")
    if not first or kinds.when_problem(first) is not None:
        return []
    # a time told by an event ("Before the vote on Monday", "At the end of the war") dates that event: the
    # giving's `when` is then the whole phrase or nothing, which the verb's own clause does not show; an opening
    # word before a time alone ("Since March", "Until May") bounds the verb's own time (TASK-when B)
    opening, *rest = first.split()
    bounded = (
        opening.casefold() in TIME_OPENINGS and bool(rest) and kinds.when_problem(" ".join(rest)) is None
    )
    if bounded and any(w.casefold() in TIME_OPENINGS or w.casefold() == "of" for w in rest):
        bounded = False
    if not bounded and any(
        word.casefold() in TIME_OPENINGS or word.casefold() == "of" for word in first.split()
    ):
        return []
    if _markers_needing_attribution(paragraph.text[verb.clause.start : verb.at]):
        return []
    return [first]


def _people_named(brief: Brief, speaker: str) -> list[str]:
    """The people of the brief `speaker` names: by their name, or by their surname alone ("Austin")."""
    wanted = normalise(speaker).casefold()
    return [
        person.name
        for person in brief.people
        if normalise(person.name).casefold() == wanted
        or normalise(person.name).split()[-1].casefold() == wanted
    ]


def passive_agent(text: str, start: int, end: int) -> int | None:
    """Where the agent of a passive verb standing at `text[start:end]` begins ("a loan was provided to Ukraine
    by Japan", "aid was given to Israel by the United States": at "Japan", at "United States"): the verb
    follows a form of "be" (`PASSIVE_AUXILIARIES`), in its own words or just before them, and "by" follows it
    in its clause. None when the verb is not passive or names no agent."""
    verb = text[start:end].split()
    if not verb or verb[-1].casefold().endswith("ing"):  # "is providing ferries … by sea" is active
        return None
    words = text[:start].split()[-_AUXILIARY_REACH:] + verb[:-1]
    # "Norland, lent $90 million by Estria, paid it back.": a participle just after a comma, its own clause's
    # first word, is a passive with no auxiliary (a reduced relative: HOSTILE-16 F2)
    # ; not a verb of a list after a clause of its own ("Norland thanked Vesta, sent fuel … by sea"): only what
    # stands before the comma is a subject with no verb
    head = re.split(r"[.;:!?]", text[:start].rstrip().removesuffix(","))[-1].split()
    reduced = (
        len(verb) == 1
        and text[:start].rstrip().endswith(",")
        and not verb[0].casefold().endswith("s")
        and bool(head)
        and not any(
            lexicon.only(w, "VERB") or (w.casefold().endswith("ed") and lexicon.may_be(w, "VERB"))
            for w in (word.strip(_PUNCTUATION) for word in head)
            if w[:1].islower()
        )
    )
    rest = _clause_rest(text[end:])
    found = find_words("by", rest, ignore_case=True)
    # "Fuel sent to Norland by Estria arrived …": a participle inside the subject, its agent before its verb
    inside = len(verb) == 1 and bool(found) and _verb_after_agent(rest[found[0] + len("by") :])
    if not reduced and not inside and not any(word.casefold() in PASSIVE_AUXILIARIES for word in words):
        return None
    if not found:
        return None
    at = end + found[0] + len("by")
    while at < len(text) and text[at] == " ":
        at += 1
    for determiner in ("the ", "The "):
        if text.startswith(determiner, at):
            at += len(determiner)
    return at


_AUXILIARY_REACH = 2  # words before the verb in which its "was" stands: "was also provided"


def _agent_shown(text: str, agent: int) -> str:
    """A passive's agent as its clause shows it, up to the clause's own verb after it ("Fuel sent to Norland by
    Estria arrived …": “Estria”)."""
    rest = _clause_rest(text[agent:]).strip()
    words = rest.split()
    for index, word in enumerate(words[1:], 1):
        bare = word.strip(_PUNCTUATION)
        if bare.casefold() in PASSIVE_AUXILIARIES or (bare.isalpha() and bare.islower() and _verb_like(bare)):
            return " ".join(words[:index])
    return rest


def _verb_after_agent(after_by: str) -> bool:
    """Whether the agent after a participle's "by" is followed, in the same clause, by a verb of the clause's
    own: then the participle is a reduced passive inside the subject (HOSTILE-16 W4: "Fuel sent to Norland by
    Estria arrived on Monday": Estria sent it), not an active verb with "by" of a means ("Norland sent fuel to
    Estria by sea and left"). The agent is a name; the verb stands just after it, with no joining word."""
    words = after_by.split()
    index = 0
    if index < len(words) and words[index].casefold() == "the":
        index += 1
    named = index
    while index < len(words) and words[index][:1].isupper() and not words[index].endswith((",", ";", ":")):
        index += 1
    if index == named or index >= len(words) or words[index - 1].endswith((",", ";", ":")):
        return False
    following = words[index].strip(_PUNCTUATION)
    return following.casefold() in PASSIVE_AUXILIARIES or (
        following.isalpha() and following.islower() and _verb_like(following)
    )


def _agent_is(text: str, start: int, end: int, forms: Sequence[str]) -> bool:
    """Whether one of `forms` is the agent of the passive verb at `text[start:end]`."""
    agent = passive_agent(text, start, end)
    return agent is not None and any(at == agent for form in forms for at in find_words(form, text))


def _told_span(verb: _VerbPlace) -> str:
    """The words a status verb tells its item in: its clause, from the clause before it when the passage shows
    that ("… have called for Israel to send military aid to Ukraine, but Bennett rejected the possibility")."""
    start = verb.previous.start if verb.previous is not None else verb.clause.start
    return verb.place.paragraph.text[start : verb.clause.end]


def _direction_problem(field: str, giver_field: str, giver: str, taker_field: str, taker: str) -> Problem:
    return Problem(
        field,
        f"“{giver}” as {giver_field} and “{taker}” as {taker_field} turn round what the article tells: the one who "
        f"gives stands before the one who receives (“Japan has provided Ukraine …”, “the United States' security "
        "assistance to Ukraine”), and who asks stands before the verb, the one asked after it (“Ukraine also asked "
        f"Israel for a loan”); swap {giver_field} and {taker_field}",
    )


def _spans(given: Sequence[str], sentence: str) -> list[tuple[str, int, int]]:
    """Where each given attribution stands in `sentence`, at word boundaries."""
    return [(text, at, at + len(text)) for text in given for at in find_words(text, sentence)]


def _account_written(place: Located) -> str | None:
    """The closing sentence of the account a passage is told in, as the article writes it, when it is not
    one of the passage's own sentences: where its who-says-so stands. An account opened by its source
    ("Another official said that …") is shown by the opening words among the passage's attributions."""
    for sentence in place.sentences:
        governing = governing_attribution(place.paragraph, sentence)
        if (
            governing is not None
            and governing[0].start > sentence.start
            and governing[0] not in place.sentences
        ):
            closing = governing[0]
            return place.paragraph.written(closing.start, closing.end)
    return None


def _opening_written(
    given: Sequence[str], place: Located, ending: Sequence[str] = ()
) -> tuple[str | None, str | None]:
    """(the words that open the account a passage is told in, its opening sentence), as the article writes
    them, when that sentence is not one of the passage's own ("His answer was no one." after "Another
    official said that …"): the Quote view says whose account it is. (None, None) otherwise."""
    for sentence in place.sentences:
        governing = governing_attribution(place.paragraph, sentence)
        if governing is None or governing[0].start > sentence.start or governing[0] in place.sentences:
            continue
        if _ended_by(ending, sentence, governing) is not None:  # the editor reads it as the article's own
            continue
        opening, _, start, end = governing
        covering = [(a, b) for _, a, b in _spans(given, opening.text) if a <= start and end <= b]
        a, b = covering[0] if covering else (start, end)
        written = place.paragraph.written
        return written(opening.start + a, opening.start + b), written(opening.start, opening.end)
    return None, None


Governing = tuple[Span, str, int, int]  # the closing sentence, its marker, and the marker's offsets in it


def _ended_by(ending: Sequence[str], sentence: Span, governing: Governing | None) -> str | None:
    """Which of `ending` (attributions given the role `account ended`) ends the account that `governing` opens
    before `sentence`: words of the opening sentence covering its marker. None when none does, or when the
    sentence is not told in an opened account (its own marker, or an account closed by its source, stands)."""
    if not ending or governing is None or governing[0].start >= sentence.start:
        return None
    opening, _, start, end = governing
    if _closing_marker(opening.text) is not None:  # the paragraph's closing account governs it
        return None
    return next((text for text, a, b in _spans(ending, opening.text) if a <= start and end <= b), None)


def _names_its_makers(line: str) -> bool:
    """Whether a line names who made the report: a "… contributed to this report." line or a byline ("By …")."""
    folded = normalise(line).strip().casefold()
    return "contributed to this report" in folded or folded.startswith("by ")


def claim_naming_another(
    text: str,
    own: Sequence[str],
    others: Sequence[tuple[str, Sequence[str]]],
    told_in: Sequence[tuple[Paragraph, Span]],
) -> str | None:
    """Whom `text`, given as who says so for a person named by the forms `own`, names as its source when that is
    someone else: one of `others` (a name and the forms that name them) or anyone it names after a person's
    title ("Prime Minister Naftali Bennett has also argued", on Putin). Then the person is only named in that
    one's claim: the README's `mention`. None when `text` names the person themselves ("Austin said" on Austin),
    names no one, or is the source of an account the person's sentences `told_in` are told in (opened or closed
    by it: an account's source is always a `source`)."""
    text = normalise(text)
    if any(find_words(normalise(form), text) for form in own if form):
        return None
    named = next(
        (name for name, forms in others if any(find_words(normalise(f), text) for f in forms if f)), None
    )
    if named is None:
        titled = next(
            (
                m.group("name")
                for m in _TITLED_AT.finditer(text)
                if m.group("title") in _PERSON_TITLE_WORDS and m.group("name") not in _PLACES
            ),
            None,
        )
        named = titled
    if named is None:
        return None
    for paragraph, sentence in told_in:
        governing = governing_attribution(paragraph, sentence)
        opening = _opening_marker(sentence.text)
        marks = [(governing[0].text, governing[2], governing[3])] if governing is not None else []
        marks += [(sentence.text, opening[1], opening[2])] if opening is not None else []
        for where, start, end in marks:
            if any(a <= start and end <= a + len(text) for a in find_words(text, where)):
                return None
    return named


# governing_attribution's answers, by what it reads: the paragraph's text, the sentence's start and text. The
# governing sentence is kept as where it stands (None: the sentence asked about; else its index among the
# paragraph's sentences), so that a caller is given its own Span objects (the rules compare them by identity).
_GoverningAt = tuple[int | None, str, int, int]
_governing_seen: dict[tuple[str, int, str], _GoverningAt | None] = {}
_GOVERNING_SEEN_MAX = 4096


def governing_attribution(paragraph: Paragraph, sentence: Span) -> Governing | None:
    """`_governing_attribution`, kept for each sentence: every rule of every item of a brief asks it again of
    the sentences of its evidence."""
    key = (paragraph.text, sentence.start, sentence.text)
    if key in _governing_seen:
        found = _governing_seen[key]
    else:
        governing = _governing_attribution(paragraph, sentence)
        found = None
        if governing is not None:
            span, marker, start, end = governing
            index = (
                None if span is sentence else next(i for i, s in enumerate(paragraph.sentences) if s is span)
            )
            found = (index, marker, start, end)
        if len(_governing_seen) >= _GOVERNING_SEEN_MAX:
            _governing_seen.clear()
        _governing_seen[key] = found
    if found is None:
        return None
    index, marker, start, end = found
    return (sentence if index is None else paragraph.sentences[index], marker, start, end)


def _governing_attribution(paragraph: Paragraph, sentence: Span) -> Governing | None:
    """The attribution a sentence is told under when it closes a sentence (", a senior diplomatic source
    said."): the sentence's own, else the one closing its paragraph, which makes the whole paragraph that
    source's account ("In Security Cabinet meetings, … Bennett rejected the possibility. He told the
    ministers … , a senior diplomatic source said."). A quotation's closing attribution (“…,” Austin said.)
    governs only its own sentence. None when neither holds."""
    own = _closing_marker(sentence.text)
    if own is not None:
        return (sentence, own[0], own[1], own[2])
    quoted = _quotation_attribution(paragraph, sentence)
    if quoted is not None:
        return quoted
    last = paragraph.sentences[-1]
    closing = _closing_marker(last.text) if sentence.start < last.start else None
    if closing is not None and not closing[3]:
        return (last, closing[0], closing[1], closing[2])
    return _opened_by(paragraph, sentence)


def wholly_quoted(paragraph: Paragraph, sentence: Span) -> bool:
    """Whether every word of `sentence` stands inside quotation marks: someone's words, never the article's own
    (REPORT-reader17 finding 1)."""
    return '"' in paragraph.text and not re.search(
        r"\w", _outside_quotation(paragraph.text, sentence.start, sentence.end)
    )


def _quotation_attribution(paragraph: Paragraph, sentence: Span) -> Governing | None:
    """The attribution a sentence wholly inside quotation marks is told under: its quotation's, in the nearest
    sentence of its paragraph that quotes too and says who says so outside its marks, with only quoted sentences
    between ('"…," said Mayor Ben Oster. "…"'; '"… . …," Oster said.'; 'Quill said: "… . …"'). A quotation
    still open at the sentence's end goes on to its closing words, so those come first; else the words before
    it. None when the paragraph names no one who says it."""
    if not wholly_quoted(paragraph, sentence):
        return None
    sentences = paragraph.sentences
    index = next(i for i, s in enumerate(sentences) if s is sentence)
    still_open = paragraph.text.count('"', 0, sentence.end) % 2 == 1
    for step in (1, -1) if still_open else (-1, 1):
        at = index + step
        while 0 <= at < len(sentences) and wholly_quoted(paragraph, sentences[at]):
            at += step
        if not 0 <= at < len(sentences) or '"' not in sentences[at].text:
            continue
        near = sentences[at]
        closing = _closing_marker(near.text)
        marker = (closing[0], closing[1], closing[2]) if closing is not None else _opening_marker(near.text)
        # 'Quill said: "…' opens a quotation, and _opening_marker reads none
        if marker is None and step == -1:
            said = [m for m in _said_markers(near.text) if '"' not in near.text[: m[1]]]
            marker = min(said, key=lambda m: m[1]) if said else None
        if marker is not None:
            return (near, *marker)
    return None


def _speaker_words(sentence: str, start: int, end: int) -> str:
    """The words of `sentence` that say who says its quotation, around its marker at `start`-`end`: after the
    quotation's closing comma ('"…," said Mayor Ben Oster.'), else from the sentence's start ('Quill said: "…"')."""
    comma = sentence.rfind(",", 0, start)
    if comma != -1:
        return sentence[comma + 1 :].strip(" .!?\"'’”)]")
    return sentence[:end].strip(" \"'“")


def _unattributed_quotation(place: Located) -> str | None:
    """The first sentence of a passage that is wholly a quotation no words of its paragraph attribute (probe h of
    REPORT-reader17: '"Vesta sent two cranes to Estria on Tuesday."' alone), as the article writes it."""
    for sentence in place.sentences:
        if (
            wholly_quoted(place.paragraph, sentence)
            and governing_attribution(place.paragraph, sentence) is None
        ):
            return place.paragraph.written(sentence.start, sentence.end).strip()
    return None


def _opened_by(paragraph: Paragraph, sentence: Span) -> Governing | None:
    """The attribution opening the account a sentence with none of its own is told in: the nearest earlier
    sentence of its paragraph that says who says so, when it opens with it ("Another official said that
    Bennett has asked … . His answer was no one."; "Oster said it would wait.", "Oster told reporters the …",
    "Oster said: …", "According to officials, …"). The account runs to the next sentence that says who says
    so itself, and stops at the first sentence that is the article's own (`article_own`). None otherwise."""
    if _said_markers(sentence.text):
        return None
    earlier = [s for s in paragraph.sentences if s.start < sentence.start]
    for index in range(len(earlier) - 1, -1, -1):
        before = earlier[index]
        if not _said_markers(before.text):
            continue
        opening = _opening_marker(before.text)
        if opening is None:
            return None
        told = [*earlier[index + 1 :], sentence]
        if any(article_own(before.text, opening[1], s.text) for s in told):
            return None
        return (before, *opening)
    return None


@lru_cache(maxsize=4096)
def article_own(opening: str, marker_at: int, sentence: str) -> bool:
    """Whether `sentence`, after the sentence `opening` that opens an account with its marker at `marker_at`,
    is the article's own rather than more of that account: it names the account's source again as whom it
    tells of ("The mayor said the lighthouse would open next year. The mayor spoke at the quay."), or it
    speaks of the claim itself ("The claim could not be independently verified.", "Those figures …"): the
    account's own words would not. A sentence led by a pronoun ("His answer was no one.") goes on with it."""
    words = [word.strip(_PUNCTUATION).casefold() for word in sentence.split()]
    if any(word in ABOUT_THE_ACCOUNT for word in words[:_ABOUT_WITHIN]):
        return True
    source = opening[:marker_at].rsplit(",", 1)[-1].split()  # after a setting: "On Monday, Oster said …"
    while source and source[0].casefold() in _DETERMINERS:
        source = source[1:]
    if not source:  # "According to officials, …": its source follows the marker
        return False
    leading = [w for w in words if w not in _DETERMINERS][: len(source)]
    return leading == [word.strip(_PUNCTUATION).casefold() for word in source]


OPENED_RULE = (
    ". An account opened by its source (“X said …”, “X told reporters …”, “X said: …”, “According to X, …”) "
    "goes on in the sentences after it in its paragraph, up to a sentence that says who says so itself; a "
    "sentence that names that source again as whom it tells of (“X spoke …”) or speaks of the claim itself "
    "(“The claim could not be independently verified.”) is the article's own"
)
_ABOUT_WITHIN = 3  # words in which a sentence names the claim it speaks of: "The mayor's claim …"
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another"})


@lru_cache(maxsize=4096)
def _opening_marker(sentence: str) -> tuple[str, int, int] | None:
    """The who-says-so marker that opens `sentence` ("Another official said that …", "Oster said it …",
    "Oster told reporters the …", "Oster said: …", "According to X, …"), with its offsets; None when the
    sentence does not open with one (more than `_CLOSING_RUN` words or a comma before it), reports nothing
    after it ("Oster said."), closes with it, or quotes."""
    said = _said_markers(sentence)
    if not said or sentence.lstrip().startswith(('"', "'", "“", "‘")):
        return None
    marker, start, end = min(said, key=lambda found: found[1])
    before = sentence[:start]
    setting, comma, subject = before.rpartition(",")
    if comma and _leading_setting(setting):  # "On Monday, Oster said …": the source follows the setting
        before = subject
    if "," in before or any(q in before for q in '"“”') or len(before.split()) > _CLOSING_RUN:
        return None
    if marker.casefold() == "according to":
        if before.strip() or "," not in sentence[end:]:
            return None
    elif not sentence[end:].strip(_AFTER_MARKER + ":"):  # the account is what it reports after the marker
        return None
    if marker.casefold() not in OPENING_MARKERS or _closing_marker(sentence) is not None:
        return None
    return marker, start, end


_CLOSING_RUN = 8  # words between the comma and the marker: "a senior diplomatic source"
_AFTER_MARKER = " .!?\"'’)]"


@lru_cache(maxsize=4096)
def _closing_marker(sentence: str) -> tuple[str, int, int, bool] | None:
    """The who-says-so marker that closes `sentence` after a comma, its offsets, and whether it closes a
    quotation; None when none does. The closing shapes (`_closing_tail`): the source then the marker (",
    a senior diplomatic source said.", ", he said."), with what the marker's verb takes after it (", Oster
    told reporters on Tuesday.", ", Oster said in a statement."); the marker then the source, with what is
    said of them (", said a harbour official, who asked not to be named."); and ", according to …" with its
    source whole (", according to a statement the harbour council released on Tuesday.")."""
    said = _said_markers(sentence)
    if not said:
        return None
    marker, start, end = max(said, key=lambda found: found[1])
    comma = sentence.rfind(",", 0, start)
    if comma == -1 or _leading_setting(sentence[:comma]):  # "On Monday, Oster said …" opens, not closes
        return None
    between = sentence[comma + 1 : start].strip(" \"'“”‘’")
    if between.split() and between.split()[0].casefold() in _CONJUNCTIONS:  # ", and Oster said the …"
        return None
    if not _closing_tail(marker, between, sentence[end:]):
        return None
    quoting = sentence[comma + 1 : start].lstrip().startswith(('"', "'")) or sentence[:comma].endswith(
        ('"', "'")
    )
    return marker, start, end, quoting


_CLOSING_RUN = 8  # words between the comma and the marker: "a senior diplomatic source"
_AFTER_MARKER = " .!?\"'’)]"
_TAIL_RUN = 6  # words of one phrase of where or when a saying verb takes: "on a windy Tuesday morning"
_ADDRESSEE_RUN = 3  # whom a source tells: "reporters", "the harbour council"
_SOURCE_RUN = 30  # words of a source named after its marker, with what is said of them


def _closing_tail(marker: str, between: str, rest: str) -> bool:
    """Whether a marker with `between` (the words from the comma before it) and `rest` (the words after it,
    to the full stop) closes its sentence: see `_closing_marker`."""
    rest = rest.strip(_AFTER_MARKER)
    words = [word.strip(_PUNCTUATION).casefold() for word in rest.split()]
    folded = marker.casefold()
    if folded == "according to":  # the source follows: a noun phrase, then what is said of it
        return not between and len(words) <= _SOURCE_RUN and _named_after(rest, relative_only=True)
    if len(between.split()) > _CLOSING_RUN or folded not in _VERB_MARKERS:
        return False
    if not between:  # ", said a harbour official, who asked not to be named."
        return bool(words) and len(words) <= _SOURCE_RUN and _named_after(rest, relative_only=False)
    if not words:  # ", a senior diplomatic source said."
        return True
    if "," in rest or any(word in CLAUSE_WORDS for word in words):
        return False
    if folded == "told":  # whom it was told, then when or where: ", Oster told reporters on Tuesday."
        addressee = next((i for i, word in enumerate(words) if word in TAIL_WORDS), len(words))
        return 1 <= addressee <= _ADDRESSEE_RUN and _where_and_when(words[addressee:])
    return words[0] in TAIL_WORDS and _where_and_when(words)  # ", Oster said on Tuesday."


def _where_and_when(words: Sequence[str]) -> bool:
    """Whether `words` (folded) are only where and when a saying took place: phrases each opened by a
    preposition or a word of time ("at the quay of the old harbour town on Tuesday", "in a statement", "last
    week"), each at most `_TAIL_RUN` words with its determiner only just after the preposition; not what was
    said ("in a statement the ferries sank": a second noun phrase, opened by "the", is a report)."""
    phrases: list[list[str]] = []
    for word in words:
        if word in TAIL_WORDS or word in _CHAIN_PREPOSITIONS or not phrases:
            phrases.append([word])
        else:
            phrases[-1].append(word)
    return len(words) <= _TAIL_WORDS_RUN and all(
        len(phrase) <= _TAIL_RUN and not any(word in _DETERMINERS for word in phrase[2:])
        for phrase in phrases
    )


def _leading_setting(text: str) -> bool:
    """Whether `text`, before a sentence's first comma, is a setting that opens it ("On Monday", "Later on
    Tuesday", "In a statement"): a phrase led by a preposition or a word of time, with no clause of its own;
    or a participle's phrase of the circumstance the source speaks in ("Asked about the delay", "Speaking at
    the quay on Tuesday", "When asked about fuel": `_participle_setting`)."""
    words = [word.strip(_PUNCTUATION).casefold() for word in text.split()]
    if not words or "," in text:
        return False
    if words[0] in TAIL_WORDS and words[0] not in ("while", "when") and _where_and_when(words):
        return True
    return _participle_setting(words)


def _participle_setting(words: Sequence[str]) -> bool:
    """Whether `words` (folded, before a sentence's first comma) are a participle's phrase with no clause of
    its own: an "-ed" or "-ing" word (after "when", "while", … at most), then a preposition ("Asked about the
    delay", "Speaking at the quay", "When asked about fuel", "Reached by telephone"), at most
    `_TAIL_WORDS_RUN` words and none that makes a clause ("Sent by sea, the ferries arrived late" has one after
    the comma, not before it: what closes on its source there is the whole sentence)."""
    if words and words[0] in _PARTICIPLE_LEADS:
        words = words[1:]
    if len(words) < 2 or len(words) > _TAIL_WORDS_RUN or words[0] in _PLACE_WORDS:
        return False
    participle, after = words[0], words[1]
    if not (participle.endswith(("ed", "ing")) or participle in _IRREGULAR_PARTICIPLES):
        return False
    if after in _QUESTION_WORDS and participle in _ASKING_PARTICIPLES:
        return True  # "Asked whether the ferries would sail": the question put, a clause of its own
    return (
        after in TAIL_WORDS or after in _CHAIN_PREPOSITIONS or after in _PARTICIPLE_PREPOSITIONS
    ) and not any(word in CLAUSE_WORDS for word in words)


_PARTICIPLE_LEADS = frozenset({"when", "while", "after", "before", "once", "since"})
_ASKING_PARTICIPLES = frozenset({"asked", "pressed", "questioned", "challenged", "quizzed"})
_QUESTION_WORDS = frozenset({"whether", "if", "what", "why", "how", "who", "when", "where", "which"})
_IRREGULAR_PARTICIPLES = frozenset({"told", "shown", "seen", "given", "taken", "caught", "met", "sent"})
_PARTICIPLE_PREPOSITIONS = frozenset({"about", "on", "by", "at", "after", "against", "outside", "alongside"})


_CHAIN_PREPOSITIONS = frozenset({"of", "near", "outside", "inside", "with", "to", "for", "into"})
_TAIL_WORDS_RUN = 16  # words of where and when a saying verb takes in all


_VERB_MARKERS = frozenset(
    m for m in ATTRIBUTION_MARKERS if " " not in m and m not in ("reportedly",)
)  # the markers that are a saying verb: "said", "told", "added", …


def _named_after(rest: str, *, relative_only: bool) -> bool:
    """Whether `rest`, after a marker, is a source and what is said of it, to the full stop: a first part with
    no clause of its own ("a harbour official", "officials familiar with the talks"), then parts that each
    open with "who", "which", … ("who asked not to be named") or, unless `relative_only`, are another name
    for it ("the harbourmaster")."""
    parts = [part.split() for part in rest.split(",")]
    if not parts or not parts[0]:
        return False

    def plain(part: list[str]) -> bool:
        return not any(word.strip(_PUNCTUATION).casefold() in CLAUSE_WORDS for word in part)

    if not plain(parts[0]) or parts[0][0].strip(_PUNCTUATION).casefold() in PRONOUNS:
        return False
    for part in parts[1:]:
        first = part[0].strip(_PUNCTUATION).casefold() if part else ""
        if first in RELATIVE_WORDS or (not relative_only and first in ("a", "an", "the") and plain(part)):
            continue
        return False
    return True


def cut_mid_clause(sentence: str, text: str, end: int) -> tuple[str, str] | None:
    """(the word it stops at, the words that follow) when `text`, ending at `end` of `sentence`, stops on
    a word that needs what follows ("would", "that", "to") while its clause goes on; else None."""
    words = text.split()
    last = words[-1].casefold() if words else ""
    if last not in CUT_ENDINGS:
        return None
    clause = re.split(r"[;.!?]|, (?=(?:and |but |or |while )?[A-Z])", sentence[end:], maxsplit=1)[0]
    follows = clause.strip(" ,")
    return (words[-1], follows) if follows else None


# Words that end the phrase after a saying verb in which the time of the saying may stand: "Oster said on Monday
# that …", "Oster said in 2019, …", "Oster said in a statement on Monday “…”".
_SAYING_TIME_END = re.compile(r"[;.!?,“”\"(]|\s(?:that|whether|if|as)\s", re.IGNORECASE)


def undated_saying(sentence: str, text: str, end: int) -> str | None:
    """The words that date the saying when `text`, an attribution ending at `end` of `sentence` with a verb of
    saying, stops just before them ("Oster said | in 2019.", "Oster wrote | in his 2019 memoir.", "Oster said |
    on Monday that …"); else None. A claim told without its time reads as one of now."""
    if not (_said_markers(text) or saying_verbs(text)):
        return None
    phrase = _SAYING_TIME_END.split(sentence[end:], maxsplit=1)[0].strip()
    words = phrase.split()
    if not words or not kinds.has_time(phrase):
        return None
    dated = next(n for n in range(1, len(words) + 1) if kinds.has_time(" ".join(words[:n])))
    first = words[0].casefold()
    if not (
        first in SETTING_PREPOSITIONS
        or first in TIME_OPENINGS
        or kinds.when_problem(" ".join(words[:dated])) is None
    ):
        return None  # "Oster said Norland sent fuel on Monday": the claim's own time
    # the phrase the time stands in, whole ("in his 2019 memoir", "in May 2019"), up to a name or a verb, which
    # begin the claim ("Oster said on Monday Norland sent …")
    while dated < len(words) and (
        kinds.has_time(words[dated])
        or (words[dated][:1].islower() and not lexicon.may_be(lexicon.bare(words[dated]), "VERB"))
    ):
        dated += 1
    return " ".join(words[:dated]).rstrip(_PUNCTUATION)


@lru_cache(maxsize=4096)
def read_status(as_written: str, before: str) -> Status | None:
    """The status a verb phrase carries, read with the words just before it in the article.

    "has provided" -> provided; "has not provided" -> not provided; "has not provided military aid to
    Kyiv beyond" -> provided (what follows "beyond" was given); "asked" -> requested.
    """
    phrase = normalise(as_written)
    found: list[tuple[int, Status]] = []
    folded = phrase.casefold()
    for status, verbs in _FOLDED_STATUS_VERBS:
        for verb, folded_verb in verbs:
            if folded_verb in folded:  # the verbs it holds at all, then at word boundaries
                found += [(at, status) for at in find_words(verb, phrase, ignore_case=True)]
    if not found:
        return None
    at, status = min(found)
    context = " ".join(normalise(before).split()[-NEGATION_REACH:]) + " " + phrase[:at]
    if any(word.strip(_PUNCTUATION).casefold() in DENIAL_WORDS for word in context.split()):
        return None  # "Vesta denied that Oster sent tugs": someone's denial, nothing certain
    negated = any(find_words(word, context, ignore_case=True) for word in NEGATIONS) or "n't " in context
    if status in ("provided", "delivered"):
        undone = _not_done(context, phrase[at:].split()[0] if phrase[at:].split() else "")
        if undone in ("not provided", "planned", "possible", "pledged"):
            return None if negated else undone  # "has not yet to …" reads as nothing certain
        if undone is not None:
            return None
    if not negated:
        return status
    excepted = any(find_words(word, phrase[at:], ignore_case=True) for word in NEGATION_EXCEPTIONS)
    if status in ("provided", "delivered"):
        return "provided" if excepted else "not provided"
    return None


def _not_done(context: str, verb: str) -> Status | Literal["undone"] | None:
    """Why a done verb (`verb`, after the words `context`) tells nothing done: "not provided" when the words
    before it say it has not happened ("has yet to provide", "failed to deliver"); "planned" after a plan's
    "to" ("is set to provide", "intends to lend"); "possible" after a modal of possibility ("could provide",
    "may lend"); "undone" after another modal or "to" ("would provide", "wants to provide") or as the "-ing"
    complement of another verb ("stopped providing", "pulled out of providing"); None when it is done."""
    words = [word.strip(_PUNCTUATION).casefold() for word in context.split()]
    while words and words[-1] in VERB_ADVERBS:
        words.pop()
    previous = words[-1] if words else ""
    if previous in ALMOST_WORDS or " ".join(words[-2:]) in ALMOST_WORDS:
        return "undone"  # "Norland nearly sent fuel": it was not sent
    if previous in ("have", "be", "been") and len(words) > 1 and words[-2] in MODAL_WORDS:
        return "undone"  # "would have provided … had it been asked", "could have sent": it was not done
    if previous == "to":
        if any(word in NOT_YET_WORDS for word in words[-3:-1]):
            return "not provided"
        if words[-2:-1] and set(lexicon.lemmas(words[-2], "VERB")) & PLEDGE_LEMMAS:
            return "pledged"  # "agreed to lend", "has vowed to send": a promise, not yet done
        return "planned" if words[-2:-1] and words[-2] in PLAN_WORDS else "undone"
    if previous in MODAL_WORDS:
        return "possible" if previous in POSSIBLE_MODALS else "undone"
    if verb.casefold().endswith("ing") and previous not in ("", *PASSIVE_AUXILIARIES, *NEGATIONS, *GOING_ON):
        return "undone"  # "is providing" goes on; "stopped providing", "considering providing" do not tell it done
    return None


def nearest_words(value: str, texts: Sequence[str]) -> str | None:
    """The run of as many words in `texts` most like `value`, if any is close."""
    wanted = normalise(value)
    size = len(wanted.split())
    best, best_ratio = None, 0.6
    matcher = difflib.SequenceMatcher(None, "", wanted.casefold())  # the value is analysed once
    for text in texts:
        words = normalise(text).split()
        for length in (size,):
            for start in range(max(len(words) - length + 1, 0)):
                candidate = " ".join(words[start : start + length]).strip(".,;:")
                matcher.set_seq1(candidate.casefold())
                if matcher.real_quick_ratio() > best_ratio and matcher.quick_ratio() > best_ratio:
                    ratio = matcher.ratio()
                    if ratio > best_ratio:
                        best, best_ratio = candidate, ratio
    return best


# The vocabulary with each word's folded form, folded once: a sentence is asked for the words it holds at all
# before any is looked for at word boundaries.
_FOLDED_ATTRIBUTION_MARKERS = tuple((m, m.casefold()) for m in ATTRIBUTION_MARKERS)
_FOLDED_HEDGE_MARKERS = tuple((m, m.casefold()) for m in HEDGE_MARKERS)
_FOLDED_STATUS_VERBS = tuple(
    (status, tuple((verb, verb.casefold()) for verb in verbs)) for status, verbs in STATUS_VERBS.items()
)


@lru_cache(maxsize=4096)
def _said_markers(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """Every who-says-so marker of `sentence`, with its offsets."""
    # Only the markers the sentence holds at all are looked for at word boundaries: most hold two or three of
    # the vocabulary's thirty, and a library of a thousand briefs reads some thousands of sentences.
    folded = sentence.casefold()
    return tuple(
        (m, at, at + len(m))
        for m, folded_marker in _FOLDED_ATTRIBUTION_MARKERS
        if folded_marker in folded
        for at in find_words(m, sentence, ignore_case=True)
    )


@lru_cache(maxsize=4096)
def _hedges(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """Every hedge of `sentence`, with its offsets; "could not be independently verified" is one, not two."""
    folded = sentence.casefold()
    hedges = [
        (m, at, at + len(m))
        for m, folded_marker in _FOLDED_HEDGE_MARKERS
        if folded_marker in folded
        for at in find_words(m, sentence, ignore_case=True)
    ]
    hedges += [(m[1], m.start(1), m.end(1)) for m in _DOUBTING_BEFORE.finditer(sentence)]
    # one hedge, not two: "could not be independently verified" holds "could"; "is believed to have" holds both
    # "is believed to" and "believed to have", and is read as the one that starts first
    return tuple(
        h
        for h in hedges
        if not any(o != h and ((o[1] <= h[1] and h[2] <= o[2]) or o[1] < h[1] < o[2]) for o in hedges)
    )


# An adjective of doubt just before what it qualifies (a word in small letters, an amount), not before "to",
# "that" … where it is a verb of saying or believing that other rules read.
_DOUBTING_BEFORE = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(word) for word in DOUBTING_ADJECTIVES)
    + r")\s+(?!(?:to|that|whether|if|by|on|in|at|of|as|and|or)\b)(?=[a-z$€£¥\d])",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _markers_needing_attribution(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """The markers an attribution must cover: the last who-says-so marker, and every hedge."""
    # who says so named with no verb (", per Vesta.", "(source: Vesta)", HOSTILE-12 H6) is a marker as "said" is
    said = (*_said_markers(sentence), *unmarked_sources(sentence))
    needed = [max(said, key=lambda marker: marker[1])] if said else []
    return (*needed, *_hedges(sentence))


def _excepting(phrase: str) -> list[tuple[str, str]]:
    """Each exception word of a status phrase ("beyond"), with the words after it."""
    text = normalise(phrase)
    folded = text.casefold()
    return [
        (word, text[at + len(word) :])
        for word, folded_word in _FOLDED_NEGATION_EXCEPTIONS
        if folded_word in folded  # the words it holds at all, then at word boundaries
        for at in find_words(word, text, ignore_case=True)
    ]


def _other_names(clause: str, own_values: Sequence[str]) -> list[str]:
    """Capitalised words of `clause` that none of the item's values accounts for: another party."""
    covered = [(at, at + len(value)) for value in own_values for at in find_words(normalise(value), clause)]
    others: list[str] = []
    for index, word in enumerate(clause.split()):
        bare = word.strip(".,;:“”\"'’()")
        if not bare or not bare[0].isupper() or (index == 0 and bare in ("And", "But", "Or", "While")):
            continue
        at = clause.find(word)
        if not any(a <= at < b for a, b in covered):
            others.append(bare)
    return others


def hedge_markers(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """Every hedge of `sentence`, with its offsets: what an attribution of a sentence told in an account must
    still cover."""
    return _hedges(normalise(sentence))


def attribution_markers(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """The markers an attribution of `sentence` must cover (the last who-says-so marker and every hedge),
    each with its offsets in the sentence: what `briefbot new` offers as an attribution."""
    return _markers_needing_attribution(normalise(sentence))


_CONJUNCTIONS = ("and", "but", "or", "while")


def _clause_words(clause: str) -> str:
    """A clause as quoted beside a reading: its own words, verbatim, without the conjunction that joins it to
    the clause before or the punctuation that ends it ("and Canada provided $800 million." -> "Canada
    provided $800 million")."""
    words = clause.split(" ")
    if len(words) > 1 and words[0].casefold() in _CONJUNCTIONS:
        words = words[1:]
    return " ".join(words).rstrip(".,;:!?")


_PUNCTUATION = ".,;:“”\"'’()—–"
# How a sentence after a key point opens when it goes on about it ("Or so Vesta says.", "It did not.", "Nobody
# believes it.", "Few believe this."): read as the sentence after a done giving is.
_ON_THE_POINT: Final = frozenset(
    {"or", "so", "that", "this", "it", "but", "yet", "in", *NONE_WORDS, *QUANTIFIER_SUBJECTS}
)
# What may stand outside a passage that is still its whole sentence: the closing stop, quotation marks, spaces
_SENTENCE_EDGE = " .!?“”\"'’‘)("


def _light_verb(phrase: str) -> tuple[str, int] | None:
    """The loan's light verb of a status phrase (`LOAN_LIGHT_VERBS`, by lemma: "has made", "extended") and where
    the phrase goes on after it; None when it holds none."""
    for found in re.finditer(r"\S+", phrase):
        if set(lexicon.lemmas(found.group(), "VERB")) & set(LOAN_LIGHT_VERBS):
            return found.group(), found.end()
    return None


def _lends_a_loan(after: str, parties: Sequence[str]) -> bool:
    """Whether a light verb's object, in the words `after` it, is a loan (`LOAN_NOUNS`): only the deal's
    parties, linking words and an amount stand before the loan's noun ("a $90 million loan to Estria",
    "Estria a loan of $9 million"), not "a $90 million profit" or "a deadline"."""
    clause = _clause_rest(after)
    nouns = [at for noun in LOAN_NOUNS for at in find_words(noun, clause, ignore_case=True)]
    if not nouns:
        return False
    stray = _not_links(clause[: min(nouns)], parties, {*LINK_WORDS, *LOAN_OBJECT_WORDS, *MONEY_WORDS})
    return all(re.search(r"[$€£¥\d]", word) for word in stray)


_REQUEST_OBJECT = re.compile(
    r"\s*(?:(?P<owner>a|an|the|its|their|[^\s,;]+?['’]s)\s+)?(?:" + "|".join(REQUEST_NOUNS) + r")\s+for\b",
    flags=re.IGNORECASE,
)


def _past_request(after: str, parties: Sequence[str], status: Status | None) -> str | None:
    """What a decision verb's request asks for: the words after "request for" when `after` (the words after a
    verb of `DECIDING_STATUSES`) opens with a request of the deal's own party or a determiner's ("rejected
    Estria's request for a $90 million loan", "turned down a request for fuel"); else None."""
    found = _REQUEST_OBJECT.match(after) if status in DECIDING_STATUSES else None
    if found is None:
        return None
    owner = found["owner"] or ""
    if owner[-2:-1] in ("'", "’") and not any(owner[:-2] == party for party in parties):
        return None  # another's request ("Vesta's request for fuel"): not told of this deal's party
    return after[found.end() :]


def _only_links(between: str, parties: Sequence[str] = (), links: Collection[str] = LINK_WORDS) -> bool:
    """Whether `between` holds only `links`, punctuation and the item's own parties: nothing the verb could
    tell of instead ("Israel to send" in "have called for Israel to send military aid")."""
    return not _not_links(between, parties, links)


def _not_links(between: str, parties: Sequence[str], links: Collection[str]) -> list[str]:
    """The words of `between` that are neither `links`, punctuation nor the item's own parties."""
    for party in sorted(parties, key=len, reverse=True):
        for at in reversed(find_words(party, between)):
            between = between[:at] + " " + between[at + len(party) :]
    words = [word.strip(_PUNCTUATION) for word in between.split()]
    return [word for word in words if word and word.casefold() not in links]


def _object_of(
    after: str, wanted: Sequence[str], parties: Sequence[str] = (), *, ignore_case: bool = False
) -> bool:
    """Whether one of `wanted` is the object of the verb that `after` follows: the first thing after it."""
    return any(
        _only_links(after[:at], parties)
        for form in wanted
        for at in find_words(form, after, ignore_case=ignore_case)[:1]
    )


# The words that join the members of a verb's listed object ("40 tonnes of fuel and 12 cranes", "fuel, food and …").
_LIST_JOINERS: Final = frozenset({"and", "or"})
# Words a member of a listed object holds besides its nouns: its numbers, quantities and "of" ("40 tonnes of fuel").
_MEMBER_LINKS: Final = frozenset(
    {"of", "a", "an", "the", "some", "more", "its", "their", "two", "three", "four"}
)


def _listed_object_of(after: str, wanted: Sequence[str], parties: Sequence[str] = ()) -> bool:
    """Whether one of `wanted` is a member, not the first, of the list that is the verb's object (REPORT-reader17
    finding 3, REPORT-hostile17 W1–W3): "sent 40 tonnes of fuel and 12 cranes to Estria", "sent fuel, food and 12
    cranes", "sent Estria fuel and two cranes" each say "sent" of the cranes. What stands between the verb (and its
    parties) and the item is members joined by commas, "and" or "or", each a noun phrase of nouns, numbers and
    "of", with no verb, preposition or name of its own: "sent fuel to Vesta and 12 cranes", "sent fuel and later
    sold 12 cranes" and "sent fuel, and Vesta 12 cranes" are not read as lists."""
    for form in wanted:
        for at in find_words(form, after)[:1]:
            if not re.search(r"(?:,|\b(?:and|or))\s*$", after[:at]):
                continue  # not after a joiner: the first member is `_object_of`'s
            members = [
                w
                for w in _not_links(after[:at], parties, ("a", "an", "the"))
                if w.casefold() not in _LIST_JOINERS
            ]
            if members and all(
                w.casefold() in _MEMBER_LINKS
                or w[:1].isdigit()
                or (w.islower() and lexicon.may_be(w, "NOUN") and not lexicon.only(w, "VERB"))
                for w in members
            ):
                return True
    return False


def _subject_of(before: str, wanted: Sequence[str]) -> bool:
    """Whether one of `wanted` stands just before the verb that `before` ends at ("MILITARY AID, delivered",
    "Bennett rejected"), with only auxiliaries and punctuation between."""
    for form in wanted:
        found = find_words(form, before)
        if (
            found
            and _only_links(before[found[-1] + len(form) :])
            and not _relating(before[: found[-1]], at_end=True)
        ):
            return True
    return False


# A verb told again with a new subject (HOSTILE-16 W4): "Norland sent fuel to Estria, and so did Vesta", "…, as
# did Vesta", "…, nor did Vesta": the new subject does the same verb to the same party.
_REPEATED_SUBJECT = re.compile(
    r"(?:,\s*|\s)(?:and\s+|but\s+)?(?:so|as|nor|neither)\s+(?:did|does|do|has|have|had|was|were|is|are|will|would)"
    r"\s+(?P<subject>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)


def repeated_subjects(text: str, at: int, end: int) -> list[tuple[int, int]]:
    """The spans of the new subjects that tell the verb at `text[at]` again, after it up to `end`
    (`_REPEATED_SUBJECT`: "…, and so did Vesta", "…, as did Vesta")."""
    return [found.span("subject") for found in _REPEATED_SUBJECT.finditer(text, at, end)]


# A list of names after one "to": "Vesta and Estria", "Vesta, Oster and Estria", "both Vesta and Estria".
_NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_NAME_LIST = re.compile(
    r"(?:(?:both|either)\s+)?"
    + _NAME
    + r"(?:\s*,\s*"
    + _NAME
    + r")*\s*,?\s+(?:and|or)\s+"
    + _NAME
    + r"(?![\w'’])"
)


_PARTICIPLE_PHRASE_END = re.compile(r"\s(?P<phrase>[a-z]+\s+(?:by|in|from|at)\s+(?:the\s+)?[A-Z][^,;:.]*)$")


def _without_participle_phrase(before: str) -> str:
    """`before` (the words of a clause before its verb) without a participle phrase it ends with, which is the
    subject's own and names another ("Fuel bought by Vesta was sent …": the fuel was sent): `_relating`."""
    found = _PARTICIPLE_PHRASE_END.search(before.rstrip())
    if found is None or not _relating(found["phrase"]):
        return before
    return before[: found.start()] + " "


def _co_party(subject: str) -> int | None:
    """Where a co-party joins the subject `subject` (`CO_PARTY_PHRASES`, HOSTILE-16 F10: "Norland, with Vesta",
    "Norland together with Vesta", "Norland and its allies"): the phrase must come before a name or a
    possessive and one of `CO_PARTY_NOUNS`. None when there is none ("Norland, with its reserves, …")."""
    for phrase in CO_PARTY_PHRASES:
        for at in find_words(phrase, subject, ignore_case=True):
            after = subject[at + len(phrase) :].split()
            first = after[0].strip(_PUNCTUATION) if after else ""
            second = after[1].strip(_PUNCTUATION).casefold() if len(after) > 1 else ""
            owner = after[0].endswith(("'s", "’s")) if after else False
            if owner and second not in CO_PARTY_NOUNS | STATE_ORGAN_NOUNS | BODY_NOUNS:
                continue  # "with Vesta's navy" adds a party; "with Vesta's help" does not
            if first[:1].isupper() and first.casefold() not in (
                "the",
                "its",
                "their",
                "his",
                "her",
                "a",
                "an",
            ):
                return at
            if first.casefold() in ("its", "their", "other", "the") and second in CO_PARTY_NOUNS:
                return at
    found = re.search(r"\sand\s+(?:its|their|other)\s+(\w+)", subject)
    if found is not None and found[1].casefold() in CO_PARTY_NOUNS:
        return found.start() + 1
    return None


def _relating(words: str, *, at_end: bool = False) -> bool:
    """Whether `words` open (or, `at_end`, end) with a participle relating a subject to a party after it
    (`RELATING_PARTICIPLES`, HOSTILE-16 F10): "owned by", "run by", "based in", "backed by", or "by" alone at
    the end: "A bank owned by Norland lent …" is the bank's loan, not Norland's."""
    split = [w.strip(_PUNCTUATION).casefold() for w in words.split()]
    pair = split[-2:] if at_end else split[:2]
    if at_end and split[-1:] == ["by"]:
        return True
    if len(pair) < 2 or pair[1] not in ("by", "in", "from", "at", "up"):
        return False
    return pair[0] in RELATING_PARTICIPLES or (pair[0].endswith("ed") and pair[0] not in _NOT_VERBS)


# Reading who does a verb (issue 10, seventh reading): coordinated verbs share their subject ("Israel has sent
# several planeloads … and built a field hospital": Israel built it); a conjunction followed by a subject of its
# own opens a clause of its own ("Norland sent fuel … and Vesta built a dock": Vesta built it).
_JOINING = frozenset({"and", "but", "or", "nor", "while", "then", "so", "yet"})
_VERB_CHAIN = frozenset(
    {
        "has",
        "have",
        "had",
        "having",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "be",
        "did",
        "does",
        "do",
        "to",
    }
    | MODAL_WORDS
    | VERB_ADVERBS
    | {"not", "never", "n't", "yet", "also", "both", "either"}
)
_VERB_WORDS = frozenset(
    {v.casefold() for v in _ALL_STATUS_VERBS if " " not in v}
    | {v.casefold() for v in SAYING_VERBS}
    | GOING_ON
    | {"has", "have", "had", "is", "are", "was", "were", "did", "does", "will", "would", "can", "could"}
    | {"may", "might", "must", "shall", "should"}
)
_NOT_VERBS = frozenset({"hundred", "kindred", "sacred", "naked", "wicked", "indeed", "speed", "seed", "need"})


def _antecedent_of(before: str, wanted: Sequence[str]) -> bool:
    """Whether the verb that `before` ends at is a relative clause's, and one of `wanted` what its "which" or
    "who" stands for ("Norland, which sent fuel to Vesta, …": Norland sent it)."""
    words = before.split()
    while words and words[-1].casefold() in _VERB_CHAIN:
        words.pop()
    if not words or words[-1].casefold() not in ("which", "who", "that"):
        return False
    named = " ".join(words[:-1]).rstrip(",")
    return any(named.endswith(form) and find_words(form, named) for form in wanted)


def _verb_like(word: str) -> bool:
    """Whether a word of running text is a verb the check can tell: a status or saying verb, an auxiliary, or a
    past form in "-ed" ("praised", "participated"; not "American-led", not "hundred")."""
    bare = word.strip(_PUNCTUATION)
    folded = bare.casefold()
    if folded in _VERB_WORDS:
        return True
    return (
        bare.isalpha()
        and bare.islower()
        and len(bare) > 4
        and folded.endswith("ed")
        and folded not in _NOT_VERBS
    )


@dataclass(frozen=True)
class Doer:
    """Who does a verb, as its clause tells: the span of its subject in the text (`start`, `end`), read through
    the verbs it is joined to; `passive` when the verb is passive (its doer is the agent after "by", if any)."""

    start: int
    end: int
    passive: bool = False
    shared: bool = False  # the subject of an earlier verb the verb is joined to by "and", "but", ","


def _words(text: str, low: int, high: int) -> list[tuple[int, int]]:
    return [(low + m.start(), low + m.end()) for m in re.finditer(r"\S+", text[low:high])]


def coordinated_with(text: str, low: int, at: int) -> tuple[str, int] | None:
    """For a verb at `text[at]` with no subject of its own, joined to an earlier verb of its clause (`low` on)
    by "and", "or", "but", … or a comma ("Israel has sent … and built …", "sent oil, built a pier and delivered
    rope"): the joining word and where that earlier verb stands. None when the verb has a subject of its own or
    no earlier verb."""
    words = _words(text, low, at)
    index = len(words) - 1
    while index >= 0 and text[slice(*words[index])].strip(_PUNCTUATION).casefold() in _VERB_CHAIN:
        if text[slice(*words[index])].endswith((",", ";")):
            break
        index -= 1
    if index < 0:
        return None
    word = text[slice(*words[index])]
    joint = word.strip(_PUNCTUATION).casefold()
    if joint in _JOINING:
        earlier = index - 1
    elif word.endswith(","):
        joint, earlier = ",", index
    else:
        return None
    while earlier >= 0 and not _verb_like(text[slice(*words[earlier])]):
        earlier -= 1
    return (joint, words[earlier][0]) if earlier >= 0 else None


# A phrase set off by commas just before a verb, ending in a verb of its own (", the Vesta Herald wrote,", ",
# officials said,", ", which Vesta backs,"): the verb after it takes its subject from before it.
_ASIDE_BEFORE = re.compile(r",(?P<aside>[^,;:()\"]{2,80}),\s*$")


def _aside_before(text: str, low: int, at: int) -> tuple[int, int] | None:
    """The span, commas included, of a phrase set off by commas just before the verb at `text[at]` whose last
    word may be a verb (`lexicon`), with words before it in the clause: None when there is none."""
    found = _ASIDE_BEFORE.search(text[low:at])
    if found is None or not text[low : low + found.start()].strip():
        return None
    words = found["aside"].split()
    last = words[-1].strip(_PUNCTUATION) if words else ""
    if len(words) > 8 or not last.isalpha() or not lexicon.may_be(last.casefold(), "VERB"):
        return None
    if _co_party(found["aside"].strip()) == 0:
        return None  # ", with its allies,": a co-party, no verb (`_comma_aside`)
    return low + found.start(), low + found.end()


def _comma_aside(text: str, low: int, at: int) -> tuple[int, int] | None:
    """The span, commas included, of any phrase set off by commas just before the verb at `text[at]` (and its
    auxiliaries), with words before it in the clause: None when there is none, or when the phrase opens with a
    verb, one of a list of verbs sharing a subject ("sent oil, built a pier, delivered rope")."""
    words = _words(text, low, at)
    index = len(words) - 1
    while index >= 0 and text[slice(*words[index])].casefold() in _VERB_CHAIN:
        index -= 1
    if index < 0 or not text[slice(*words[index])].endswith(","):
        return None
    found = _ASIDE_BEFORE.search(text[low : words[index][1]])
    if found is None or not text[low : low + found.start()].strip():
        return None
    opening = found["aside"].split()[0]
    if (_verb_like(opening) and not _relating(found["aside"])) or opening.casefold() in _JOINING:
        return None  # "…, built a pier, delivered rope", "…, and later Vesta, sent": not an aside
    return low + found.start(), low + found.end()


def read_doer(text: str, low: int, at: int, verb: str = "") -> Doer | None:
    """Who does the verb `verb` standing at `text[at]`, read in its clause from `low`: the words just before it
    and its auxiliaries ("Japan has provided", "but Bennett rejected", "Foreign Minister Yair Lapid and Defense
    Minister Benny Gantz have called for"), or, for a verb joined to an earlier one with no subject of its own,
    that verb's (`coordinated_with`). None when the clause gives no subject the check can read (a pronoun, a
    relative "which", a caption's "MILITARY AID, delivered")."""
    aside = _aside_before(text, low, at)
    if aside is not None:  # "Norland, the Vesta Herald wrote, sent …": the subject stands before the aside
        return read_doer(text[: aside[0]] + " " * (aside[1] - aside[0]) + text[aside[1] :], low, at, verb)
    aside = _comma_aside(text, low, at)
    if aside is not None:
        # "Vesta, as opposed to Norland, sent …": the subject stands before the aside (HOSTILE-12 C1); a name
        # alone between the commas is the subject's apposition and says who it is ("The Herald's rival,
        # Norland, sent …")
        start, end = aside
        if _co_party(text[start + 1 : end].strip(" ,")) == 0:
            # "Norland, with Vesta, lent …": the co-party is part of the subject, which is the group
            inner = read_doer(text[:start] + " " * (end - start) + text[end:], low, at, verb)
            stop = text.rindex(",", start, end)
            return None if inner is None else Doer(inner.start, stop, inner.passive, inner.shared)
        if all(w.strip(_PUNCTUATION)[:1].isupper() for w in text[start + 1 : end - 1].split()):
            named = text[start + 1 : end - 1]
            return Doer(start + 1 + len(named) - len(named.lstrip()), start + 1 + len(named.rstrip()))
        return read_doer(text[:start] + " " * (end - start) + text[end:], low, at, verb)
    joined = coordinated_with(text, low, at)
    if joined is not None:
        earlier = read_doer(text, low, joined[1])
        return None if earlier is None else dataclasses.replace(earlier, shared=True, passive=False)
    words = _words(text, low, at)
    chain = normalise(verb).split()[:-1]
    index, taking = len(words) - 1, False
    while index >= 0:
        bare = text[slice(*words[index])].strip(_PUNCTUATION).casefold()
        if bare not in _VERB_CHAIN:
            if index + 1 < len(words) and text[slice(*words[index + 1])].casefold() == "to":
                index -= 1  # "is known to have participated", "failed to deliver": the verb that takes "to"
                continue
            break
        taking = taking or bare == "to"  # past "to", the auxiliaries are the taking verb's, not this one's
        chain = chain if taking else [bare, *chain]
        index -= 1
    if index < 0 or text[slice(*words[index])].endswith((",", ";", ":")):
        return None  # "MILITARY AID, delivered as part of …": a participle after a comma has no subject here
    passive = any(w.casefold() in PASSIVE_AUXILIARIES for w in chain) and not verb.casefold().endswith("ing")
    first = index
    while first > 0:
        before = text[slice(*words[first - 1])]
        bare = before.strip(_PUNCTUATION).casefold()
        if before.endswith((",", ";", ":")):
            break
        if _verb_like(before) and not _relating(text[words[first - 1][0] : words[index][1]]):
            break  # "A bank owned by Norland lent …": the participle is the subject's own, not a verb before it
        if bare in _JOINING and any(_verb_like(text[slice(*w)]) for w in words[: first - 1]):
            break  # a clause before the conjunction: what follows it is a new subject
        first -= 1
    start, end = words[first][0], words[index][1]
    while end > start and text[end - 1] in ",;:":
        end -= 1
    phrase = text[start:end].split()
    opening = phrase[0].strip(_PUNCTUATION) if phrase else ""
    if opening.casefold() in _JOINING and len(phrase) > 1:
        start += len(phrase[0]) + 1
        phrase, opening = phrase[1:], phrase[1].strip(_PUNCTUATION)
    # "Norland said it lent Estria $9 million": the pronoun just after a name's saying is that name
    pronoun = phrase[-1].strip(_PUNCTUATION).casefold() if phrase else ""
    alone = len(phrase) == 1 or (len(phrase) == 2 and opening.casefold() == "that")
    speaker = _SAID_BEFORE_PRONOUN.search(text[: end - len(phrase[-1])]) if alone else None
    if speaker is not None and pronoun in _SAID_OF_ITSELF:
        return Doer(speaker.start("name"), speaker.end("name"), passive)
    if not (opening[:1].isupper() or opening.casefold() in _DETERMINERS):
        return None
    if all(
        w.strip(_PUNCTUATION).casefold() in (*PRONOUNS, *SPEAKER_PRONOUNS, *RELATIVE_WORDS) for w in phrase
    ):
        return None
    return Doer(start, end, passive)


# A name and its saying verb just before a pronoun subject ("Norland said it …", "Oster says she …").
# The name opens its clause ("An ally of Norland said it …" is the ally's), and only "it" is read: a country or
# a body tells of itself as "it", while "she", "he" or "they" may be anyone (HOSTILE-14 F1–F3).
_SAID_BEFORE_PRONOUN = re.compile(
    r"(?:^|(?<=[.;:,(\"“]\s)|(?<=[(\"“]))(?P<name>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+"
    r"(?:" + "|".join(SAYING_VERBS) + r")\s+(?:that\s+)?$"
)
_SAID_OF_ITSELF: Final = frozenset({"it"})


def _heads(form: str, subject: str, at: int) -> bool:
    """Whether the party named at `subject[at]` is who the subject is: the subject itself, or one of its
    organs ("Norland's navy", "the government of Norland", "Norland officials"); not another it owns, opposes
    or qualifies ("Norland's enemies", "Enemies of Norland", "Norland rebels", "a Norland firm")."""
    after = subject[at + len(form) :]
    before = subject[:at].split()
    following = re.match(r"\s+([a-z][\w-]*)", after)
    noun = (
        following is not None
        and following[1] not in ("itself", "themselves")
        and (not lexicon.word_classes(following[1]) or lexicon.may_be(following[1], "NOUN"))
    )  # "Norland rebels", not "Norland apparently" or "Norland itself"
    owned = after.startswith(("'s", "’s", "' ", "’ ")) or noun
    of = bool(before) and before[-1].casefold() == "of"
    if before and _relating(" ".join(before), at_end=True):
        return False  # "A fund run by Norland", "a company based in Norland": another body, related to it
    if not owned and not of:
        return True
    owner = before[-2].strip(_PUNCTUATION) if of and len(before) > 1 else ""
    if owner[:1].isupper() and (len(before) > 2 or not lexicon.word_classes(owner.casefold())):
        return True  # "the Republic of Norland": a name of its own (not "Enemies of …" opening the sentence)
    head = (before[-2] if of and len(before) > 1 else subject.split()[-1]).strip(_PUNCTUATION).casefold()
    return head in STATE_ORGAN_NOUNS


def _doer_words(found: tuple[Paragraph, int, Doer | None, int]) -> str:
    paragraph, _, doer, _ = found
    return "" if doer is None else paragraph.written(doer.start, doer.end)


def _doer_clause(found: tuple[Paragraph, int, Doer | None, int]) -> str:
    paragraph, at, doer, low = found
    start = low if doer is None else min(doer.start, at)
    sentence = next((s for s in paragraph.sentences if s.start <= at < s.end), None)
    end = sentence.end if sentence is not None else len(paragraph.text)
    return paragraph.written(start, end).rstrip(" .;,!?")


# Words that open a clause of its own after a verb's object ("sent fuel to Vesta after Estria refused it",
# "fuel that Estria had requested"): a party named after one is that clause's, not the verb's receiver.
_SUBORDINATORS = frozenset(
    {"after", "before", "because", "since", "when", "whenever", "while", "whereas", "although", "though"}
    | {"unless", "until", "once", "which", "that", "who", "whom", "whose", "where", "if"}
)


# Statuses whose verb's subject is the giver or the lender ("Japan has provided", "Norland could provide");
# a request's asker is who receives ("Ukraine also asked Israel"); who approves, considers or refuses may be
# a third party ("Bennett rejected the possibility"): told by `by`.
_DOER_STATUSES: tuple[Status, ...] = (
    "provided",
    "delivered",
    "pledged",
    "planned",
    "possible",
    "not provided",
)


def _part_of(text: str, clause: Span, at: int) -> Span:
    """The part of `clause` that `at` stands in, between conjunctions that open a subject of their own
    (`new_subject_joints`): the clause itself when it has none."""
    joints = new_subject_joints(text, clause.start, clause.end)
    start = max((j for j in joints if j <= at), default=clause.start)
    end = min((j for j in joints if j > at), default=clause.end)
    if (start, end) == (clause.start, clause.end):
        return clause
    return Span(start, end, text[start:end].strip())


def _read_whole(paragraph: Paragraph, at: int, verb: str, reading: Status | None) -> Status | None:
    """A done verb's status read with what its clause says around it: a verb joined by "and", "or" or a comma
    to a negated one, with no auxiliary of its own, shares its negation ("has not sent cranes … and built a
    quay": not built; after "but" it does not); a verb whose object is "nothing" or "none" ("has lent
    nothing", "sent no tugs") gave nothing."""
    if reading not in ("provided", "delivered"):
        return reading
    text = paragraph.text
    end = at + len(verb)
    following = text[end:].split()[:1]
    if (
        following
        and following[0].strip(_PUNCTUATION).casefold() in ("nothing", "none", "no")
        and _without_affirming_but(text[end : end + 40]) == text[end : end + 40]
    ):
        return "not provided"  # not "sent nothing but fuel" (HOSTILE-16 W4)
    sentence = next((s for s in paragraph.sentences if s.start <= at < s.end), None)
    if sentence is None:
        return reading
    clause = next((c for c in paragraph.clauses(sentence) if c.start <= at < c.end), sentence)
    joined = coordinated_with(text, clause.start, at)
    if joined is None or joined[0] not in ("and", "or", "nor", ","):
        return reading
    between = text[clause.start : at].split()
    own = [
        w
        for w in between[-3:]
        if w.strip(_PUNCTUATION).casefold()
        in {*PASSIVE_AUXILIARIES, "has", "have", "had", "did", "does", "do", *MODAL_WORDS}
    ]
    last = between[-1].strip(_PUNCTUATION).casefold() if between else ""
    if own and last not in _JOINING:
        return reading  # "… and has built": an auxiliary of its own
    # the earlier verb's group: the words before it and the two after ("did | not send", "has not | sent")
    context = text[clause.start : joined[1]].split()[-NEGATION_REACH:] + text[joined[1] : at].split()[1:3]
    negated = any(
        w.strip(_PUNCTUATION).casefold() in NEGATIONS or w.casefold().endswith("n't") for w in context
    )
    return "not provided" if negated or joined[0] == "nor" else reading


def _name_run(after: Sequence[str]) -> str | None:
    """The capitalised words that go on a name ("Airport" of "Ben-Gurion Airport", "Iron and Steelworks" of
    "Azovstal Iron and Steelworks", "International Airport"), when they end the name of a body or a place; None
    when the words after the name are no such run."""
    run: list[str] = []
    for word in after[:5]:
        bare = word.strip(_PUNCTUATION)
        if not bare or not (bare[:1].isupper() or bare in ("and", "of")):
            break
        run.append(bare)
        if word != bare:
            break  # punctuation ends the name
    while run and run[-1] in ("and", "of"):
        run.pop()
    if any(w.casefold() in ORGANISATION_WORDS or w.casefold() in PLACE_NAME_WORDS for w in run):
        return " ".join(run)
    return None


def _handed_to(between: str) -> bool:
    """Whether the words between a giving's verb and a name (`between`) hand the items to it: nothing ("sent
    Estria fuel", "provided Estria with"), a receiving preposition ("… to Estria", "… for Estria"), a list of
    names after one ("to Vesta and Estria", "to both Vesta and Estria"), or "of" after a noun that stands for the
    party itself ("to the government of Estria"). Anything else makes the name another's (REPORT-hostile16 F3):
    a target ("to attack Estria", "against Estria"), someone related to it ("to the enemies of Estria"), a place
    ("over Estria", "to the harbour of Estria") or a destination of other goods ("fuel bound for Vesta")."""
    written = [w.strip(_PUNCTUATION) for w in between.split()]
    words = [w for w in written if w]
    index = len(words) - 1
    if index < 0:
        return True
    if words[index].casefold() in ("and", "or"):  # a list: back over its names to what opens it
        index -= 1
        while index >= 0 and (words[index][:1].isupper() or words[index].casefold() in ("and", "or")):
            index -= 1
        if index >= 0 and words[index].casefold() in ("both", "either", "the"):
            index -= 1
    if index < 0:
        return False
    # what the name is called just before it, after a determiner ("to its ally Estria", "to the embattled
    # Estria") or as an adjective ("to neighbouring Estria"): the name itself, not another's
    opening = index
    while opening >= 0 and words[opening][:1].islower() and words[opening].casefold() not in _HANDING_WORDS:
        opening -= 1
    if 0 <= opening < index and words[opening].casefold() in _HANDING_WORDS:
        called = words[opening + 1 : index + 1]
        determined = called[0].casefold() in _DETERMINERS | {"its", "their", "his", "her", "our"}
        if determined:  # a noun phrase: "its ally", "the embattled"
            called = called[1:]
        plain = all(
            lexicon.may_be(w, "ADJ") or (lexicon.may_be(w, "NOUN") and not lexicon.may_be(w, "VERB"))
            for w in called
        )
        if called and (determined or plain) and words[opening].casefold() != "of":
            index = opening
    word = words[index].casefold()
    before = words[index - 1].casefold() if index > 0 else ""
    if word in ("the", "its", "their") and before in RECEIVING_PREPOSITIONS:
        word, before = before, words[index - 2].casefold() if index > 1 else ""
    if word in HELPING_VERBS and before == "to":  # "sent tanks to help Estria": the one helped receives
        return True
    if word in RECEIVING_PREPOSITIONS:
        return before not in ("bound", "destined", "meant", "intended", "headed")
    if word in PLACE_PREPOSITIONS and word not in ROUTE_WORDS | {"from"}:
        return (
            True  # "built a quay in Estria": where, which the place rules read (a reading, `_only_as_place`)
        )
    return word == "of" and before in PARTY_BODY_NOUNS


_HANDING_WORDS: Final = RECEIVING_PREPOSITIONS | {"of"}


def _receiver_at(text: str, start: int, end: int) -> bool:
    """Whether the name at `text[start:end]` is who receives, not someone else's ("to Estria's rival Vesta"), a
    route or a place passed ("through Estria", "via Estria", "near Estria", `ROUTE_WORDS`) or a word qualifying
    a noun after it ("the Estria border")."""
    after = text[end:]
    if after.startswith(("’s", "'s", "’ ", "' ")):
        return False
    before = text[:start].split()
    previous = before[-1].strip(_PUNCTUATION).casefold() if before else ""
    if previous in ROUTE_WORDS:
        return False
    following = after.split()[:1]
    noun = following[0].strip(_PUNCTUATION) if following and not after.startswith((",", ".", ";")) else ""
    return not (previous in ("the", "a", "an") and noun[:1].islower() and noun.isalpha())


def new_subject_joints(text: str, low: int, high: int) -> list[int]:
    """Where a conjunction of `text[low:high]` opens a clause with a subject of its own: a verb stands before it
    in the clause, and a subject, not a verb, after it ("Norland lent Estria $5 million | and Vesta guaranteed
    $9 million"; not "cranes and built a quay", not "Foreign Minister Yair Lapid and Defense Minister …")."""
    words = _words(text, low, high)
    joints: list[int] = []
    for index, (start, end) in enumerate(words):
        if text[start:end].casefold() not in _JOINING or index + 1 >= len(words):
            continue
        following = text[slice(*words[index + 1])].strip(_PUNCTUATION)
        subject = following[:1].isupper() or following.casefold() in _DETERMINERS | {
            "its",
            "his",
            "her",
            "their",
        }
        if subject and _listed_last(text, words, index + 1):
            continue  # "sent fuel to Vesta and Estria.": the last of a list of names, no subject
        if subject and any(_verb_like(text[slice(*w)]) for w in words[:index]):
            joints.append(start - 1 if start > 0 and text[start - 1] == " " else start)
    return joints


# Words that may follow the last name of a list ("… to Vesta and Estria on Monday"), where a subject would be
# followed by its verb.
_AFTER_A_LISTED_NAME = frozenset(
    {
        "on",
        "in",
        "at",
        "by",
        "from",
        "via",
        "during",
        "last",
        "this",
        "next",
        "early",
        "late",
        "yesterday",
        "today",
    }
)


def _listed_last(text: str, words: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether the name that opens at `words[index]` (after "and", "or") ends its clause, or is followed by a
    time or a place ("… to Vesta and Estria.", "… to Vesta and Estria on Monday"): the last of a list of names
    (HOSTILE-16 W4), not a subject of its own ("… and Estria thanked it")."""
    while index < len(words):
        word = text[slice(*words[index])]
        if not word[:1].isupper():
            return word.strip(_PUNCTUATION).casefold() in _AFTER_A_LISTED_NAME
        if word.endswith((".", ";", "!", "?")) or (word.endswith(",") and index + 1 >= len(words)):
            return True
        if word.endswith(("'s", "’s")) or word.endswith(","):
            return False
        index += 1
    return True


_SAYING_ROLES: dict[AttributionRole, tuple[tuple[str, ...], str]] = {
    "source": (ATTRIBUTION_MARKERS, "who says so"),
    "response": (ATTRIBUTION_MARKERS, "who responds"),
    "mention": (ATTRIBUTION_MARKERS, "whose claim it is"),
    "hedge": (HEDGE_MARKERS + DOUBTING_ADJECTIVES, "the hedge"),
    "reason": (REASON_MARKERS, "a reason"),
    "caveat": (ATTRIBUTION_MARKERS + HEDGE_MARKERS + DOUBTING_ADJECTIVES, "the caveat"),
    "account ended": (ATTRIBUTION_MARKERS, "who opens the account"),
}


@lru_cache(maxsize=4096)
def _names_someone(text: str) -> bool:
    """Whether `text` holds a word that can name who says so: a name (a capitalised word that is not only an
    adverb, a verb or an adjective: "Oster", not "Reportedly") or a noun ("officials", "the Vesta Herald");
    "reportedly", "is believed to have" name no one."""
    for word in (lexicon.bare(w) for w in text.split()):
        classes = lexicon.word_classes(word)
        if word[:1].isupper() and not (classes and classes <= {"ADV", "VERB", "AUX", "ADJ"}):
            return True
        if "NOUN" in classes and "AUX" not in classes:
            return True
    return False


def _hedging_words(text: str) -> list[str]:
    """The hedge markers `text` holds that are modals only ("would", "could"), which hedge what follows and can
    never say who says it ("alleged", "is supposed to" may: "Oster alleged")."""
    folded = text.casefold()
    return [
        marker
        for marker in _SAYING_ROLES["hedge"][0]
        if marker not in ATTRIBUTION_MARKERS
        and all(word in MODAL_WORDS for word in marker.casefold().split())
        and marker.casefold() in folded
        and find_words(marker, text, ignore_case=True)
    ]


def _role_problem(text: str, role: AttributionRole) -> str | None:
    """Why `text` cannot be an attribution of that role, or None: each role is told by its marker."""
    markers, what = _SAYING_ROLES[role]
    folded = text.casefold()
    if role in ("source", "response", "mention") and not _names_someone(text):
        # "reportedly", "is believed to have", "probably": a hedge, which says no one's words; shown as who says
        # so, the answer would print "Who says so: “reportedly”" (HOSTILE-15 3)
        return (
            f"“{text}” is given as a {role}, but it names no one who says so: if it hedges, give it as "
            f'{{ text = "{text}", role = "hedge" }}; else give the words that name the source'
        )
    if any(find_words(marker, text, ignore_case=True) for marker in markers if marker.casefold() in folded):
        return None
    if role in _FRAMING_ROLES and _frames(normalise(text)):  # "In the novel", "Rumour": see framing_opening
        return None
    hedging = _hedging_words(text)
    if role in ("source", "response", "mention") and hedging and not saying_verbs(text):
        # "would lend it $40 million": it hedges, it says no one's words; shown as who says so, the answer
        # would print the fact itself under "Who says so" (REPORT-reader15 finding 3)
        return (
            f"“{text}” is given as a {role}, but it hedges (“{hedging[0]}”) and holds no word that tells {what}: "
            f'give it as {{ text = "{text}", role = "hedge" }}'
        )
    if role not in ("reason", "account ended") and (unplain_words(text) or saying_verbs(text)):
        return None  # "the Vesta Herald reported", "Vesta asked", "Vesta's minister posted"
    shown = "”, “".join(markers[:4])
    return (
        f"“{text}” is given as a {role} but holds no word that tells {what} (“{shown}”, … in vocabulary.py)"
    )


_FUTURE_TIME = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in FUTURE_TIME_WORDS)
    + r")\b(?!\s+to\b)|\b(?:"
    + "|".join(re.escape(w) for w in FUTURE_FROM_WORDS)
    + r")\s+(?:(?:in|on|the)\s+)?(?:next|this|tomorrow|"
    + "|".join(w for w in RELATIVE_TIME_WORDS if " " not in w and w not in ("ago", "today", "yesterday"))
    + r"|\d{4})\b",
    re.IGNORECASE,
)  # "from next month", "next week", "starting in 2027", "from January": see PRESENT_DONE_FORMS


# Where the clause of a giving gives way to a later one in its sentence: "…, but Estria refused it", "…; then …",
# "… and then took it back".
_LATER_CLAUSE = re.compile(r"[,;:—–]|\s(?:and|but|then|or|yet|so|only for)\s", re.IGNORECASE)


_PART_SCALES: Final = frozenset(
    {"thousand", "million", "billion", "trillion", "bn", "m", "mn", "percent", "%"}
)
_PART_NOT_SHARES: Final = frozenset(
    {"tranches", "instalments", "installments", "payments", "parts", "stages", "rounds", "batches", "per"}
    | {w for phrase in TIME_WORDS for w in phrase.split()}
)


_OF_IT: Final = frozenset({"it", "which", "them", "that", "this", "these", "those"})
_THE_SUM: Final = frozenset({"money", "sum", "loan", "amount", "total", "credit", "aid", "funds"})


def _share_of_it(following: Sequence[str]) -> int | None:
    """How many of the words after a share word tell what it is a share of, when they leave it a share of the
    giving ("half", "a third was paid", "part of it", "a fraction of the money"); None when it is a share of
    something else ("some fuel", "part of its navy", "half as much")."""
    if not following:
        return 0
    if following[0] == "of":
        rest = following[1:3]
        if rest and rest[0] in _OF_IT:
            return 2
        return 3 if rest[:1] == ["the"] and rest[1:] and rest[1] in _THE_SUM else None
    return 0 if following[0] in PART_PAID_LINKS or following[0] in PART_PAID_VERBS else None


def _part_told_paid(rest: str, parties: Sequence[str], own_verb: Sequence[str] = ()) -> str | None:
    """The words of `rest`, a later clause of a giving's sentence, that tell only a part of it paid, sent or
    arrived (TASK-when A: "…, but paid out only $10 million", "…, of which only $10 million has been disbursed",
    "…, though just a third was paid", "…, but Estria has received only half"): a verb of PART_PAID_VERBS and a
    part (a sum, a number with its scale or after "only", or a share of PART_SHARES) with only the deal's parties
    and PART_PAID_LINKS between. None when there is none, or when the clause names someone else ("…, and Vesta
    sent half as much", "… and paid $10 million to Vesta"), or tells it with the giving's own verb (`own_verb`:
    "Japan has provided …, Germany provided €300 million"): that is another giving."""
    for clause in re.split(r"[,;:—–]", rest):
        for party in sorted(parties, key=len, reverse=True):
            for at in reversed(find_words(party, clause)):
                clause = clause[:at] + " " + clause[at + len(party) :]
        raw = [w.strip(_PUNCTUATION + '“”"') for w in clause.split()]
        raw = [w for w in raw if w]
        words = [w.casefold() for w in raw]
        if any(w[:1].isupper() for w in raw):
            continue
        parts: list[tuple[int, int]] = []
        for index, word in enumerate(words):
            for share in PART_SHARES:
                size = len(share.split())
                if " ".join(words[index : index + size]) != share:
                    continue
                of = _share_of_it(words[index + size :])
                if of is not None:
                    parts.append((index, index + size + of))
            number = bool(re.match(r"[$€£¥]?\d", word)) or word in NUMBER_WORDS or word in ("ten", "a")
            if not number or (word == "a" and words[index + 1 : index + 2] != ["million"]):
                continue
            end = index + 1
            while end < len(words) and end < index + 4 and words[end] not in PART_PAID_LINKS:
                if words[end] in PART_PAID_VERBS:
                    break
                end += 1
            unit = words[index + 1 : end]
            signed = word[:1] in "$€£¥" or bool(set(unit) & _PART_SCALES)
            after_only = index > 0 and words[index - 1] in ("only", "just", "merely", "barely")
            if (signed or after_only) and not set(unit) & _PART_NOT_SHARES:
                parts.append((index, end))
        own = {w.casefold() for w in own_verb}
        verbs = [index for index, word in enumerate(words) if word in PART_PAID_VERBS and word not in own]
        for start, end in parts:
            for verb in verbs:
                between = words[end:verb] if verb >= end else words[verb + 1 : start]
                if (verb < start or verb >= end) and all(w in PART_PAID_LINKS for w in between):
                    low, high = min(start, verb), max(end, verb + 1)
                    return " ".join(raw[low:high])
    return None


def _undoing_later(rest: str) -> list[str]:
    """The words of UNDOING_LATER in `rest`, a later clause of a giving's sentence; "back" after a repaying word
    ("…, and Estria paid it back") is the loan repaid, not the giving undone."""
    found = [w for w in UNDOING_LATER if find_words(w, rest, ignore_case=True)]
    if any(find_words(w, rest, ignore_case=True) for w in REPAYING_WORDS):
        found = [w for w in found if w != "back"]
    return found + particle_undoings(rest)


# Words of a time, which may follow a particle that has no object of its own ("called it off last week").
_PARTICLE_TIME_WORDS: Final = (
    frozenset(w for phrase in TIME_WORDS for w in phrase.split()) | TIME_GLUE | TIME_MODIFIERS
)


# Particles that are mostly prepositions ("turned round the corner"): read only with no object after them.
_MOSTLY_PREPOSITIONS: Final = frozenset({"around", "round"})


def particle_undoings(text: str) -> list[str]:
    """Each verb of UNDOING_PARTICLE_VERBS in `text` with the particle that turns it into an undoing, read after
    the verb up to its clause's end, past an object of any length ("called off the talks", "called them off",
    "called the whole thing off", "took the fuel away again"; HOSTILE-14 J5). Past the verb's next three words, a
    particle counts only where it has no object of its own: the clause ends there, or goes on with an adverb or
    a time ("… off again", "… off on Monday"), not with a noun ("put fuel on boats off the coast")."""
    found: list[str] = []
    for clause in _LATER_CLAUSE.split(text):
        raw = clause.split()
        words = [lexicon.bare(w).casefold() for w in raw]
        for index, word in enumerate(words):
            lemmas = set(lexicon.lemmas(word, "VERB"))
            for particle, verbs in UNDOING_PARTICLE_VERBS.items():
                if not lemmas & verbs:
                    continue
                at = next(
                    (
                        at
                        for at in range(index + 1, len(words))
                        if words[at] == particle
                        and (
                            (at <= index + 3 and particle not in _MOSTLY_PREPOSITIONS)
                            or _particle_closes(words[at + 1 :])
                        )
                    ),
                    None,
                )
                if at is not None:
                    found.append(f"{raw[index]} … {particle}")
    return found


def _particle_closes(rest: list[str]) -> bool:
    """Whether the words after a particle (to its clause's end) leave it no object: none, an adverb, or a time."""
    if not rest or not rest[0] or lexicon.only(rest[0], "ADV"):
        return True
    return all(w in _PARTICLE_TIME_WORDS or w.isdigit() for w in rest if w)


def _time_to_come(text: str, found: re.Match[str]) -> str:
    """The words of a time still to come that `found` matched in `text`, with the noun after "next", "this",
    "coming" … ("next month", "the coming weeks"), as the problem quotes them."""
    words = found.group().split()
    if words[-1].casefold() in ("next", "this", "coming", "upcoming"):
        after = text[found.end() :].split()
        return " ".join([*words, after[0].strip(_PUNCTUATION)]) if after else found.group()
    return found.group()


_FRAMING_ROLES = frozenset({"source", "hedge", "caveat"})


def _frames(text: str) -> bool:
    """Whether `text`, given as an attribution, is an opening that frames a fact (`framing_opening`): as the
    words before a comma ("In the novel", "Under the plan") or before a colon ("Rumour", "Vesta's version")."""
    return any(
        opening is not None and opening[0] == text.strip(" ,:")
        for opening in (
            framing_opening(f"{text.strip(' ,:')}, x"),
            framing_opening(f"{text.strip(' ,:')}: x"),
        )
    )


def _framing_problems(
    where: str,
    paragraph: Paragraph,
    sentence: Span,
    needed: Sequence[tuple[str, int, int]],
    spans: Sequence[tuple[str, int, int]],
) -> Iterator[Problem]:
    """A sentence told as the article's own that opens with words framing its fact (`framing_opening`: "In the
    novel, …", "Under the plan, …", "Rumour: …") needs an attribution covering them, unless a marker the other
    rules read stands inside them ("In theory", "In Vesta's view"): the check cannot tell a story's, a plan's or
    a label's fact from the article's own, and fails closed."""
    opened = framing_opening(sentence.text)
    inside = [*needed, *((w, a, b) for w, a, b in unread_words(sentence.text))]
    for opening, start, end in [*([opened] if opened is not None else []), *framing_asides(sentence.text)]:
        if any(start <= a and b <= end for _, a, b in inside):
            continue  # read, and asked for, by its own rule
        if any(a <= start and end <= b for _, a, b in spans):
            continue
        how = "opens" if opened is not None and start == opened[1] else "sets off"
        yield Problem(
            f"{where}.attribution",
            f"{paragraph.located} {how} “{sentence.text}” with “{opening}”, which the check cannot read as a "
            "place or a time: it may set the fact in a story, a plan, a label or someone's view. If it does, add "
            f"attribution = “{opening}” (role `hedge`, or `source` when it names who says so); if it is a "
            "place, give as evidence a sentence that tells the fact without it, or tell it as a key point in the "
            "article's words",
        )
        _log.info("unread opening %r (PLAIN_OPENING_NOUNS may need its noun)", opening)
        return


def _cut_speaker(
    where: str,
    sentence: str,
    marker: str,
    start: int,
    end: int,
    spans: Sequence[tuple[str, int, int]],
    *,
    verb: bool = False,
) -> Iterator[Problem]:
    """An attribution that holds a saying verb must start where its speaker starts (HOSTILE-12 H9): "Vesta said"
    cut from "…, critics of Vesta said." gives the claim to Vesta, whose critics made it. The speaker is the
    whole subject of the verb: the words before it back to the comma, semicolon, colon or dash that sets the
    saying off (or the sentence's start), when they are a few words with no verb among them. `verb` says the
    marker is a word the lists do not hold: it counts when it is a verb of saying or thinking ("reported")."""
    sayings = CLAIMING_VERBS | CLOSING_SAYING_VERBS
    if not (marker.casefold() in _VERB_MARKERS or (verb and set(lexicon.lemmas(marker, "VERB")) & sayings)):
        return
    covering = [(text, a) for text, a, b in spans if a <= start and end <= b]
    agent = _telling_agent(sentence, start, end)
    if agent is not None and covering and all(b < agent[1] for _, a, b in spans if a <= start and end <= b):
        # "…, Oster was told by Vesta." attributed "Oster was told": the listener stands as who says so
        yield Problem(
            f"{where}.attribution",
            f"“{covering[0][0]}” names whom it was told, not who told it: “{marker}” is told by "
            f"“{sentence[agent[0] : agent[1]]}” (“{sentence[start : agent[1]]}”); the attribution runs on to "
            "who told it, so that answers say who says so",
        )
    outer = _outer_report(sentence, start)
    if outer is not None and covering and all(a > outer[0] for _, a in covering):
        yield Problem(
            f"{where}.attribution",
            f"“{covering[0][0]}” is told inside another report: “{sentence[outer[0] : outer[1]]}” says so of "
            f"it, and the attribution keeps every reporter, starting where the outer one starts "
            f"(“{sentence[outer[0] : end]}”)",
        )
        return
    speaker = _speaker_of(sentence, start)
    if speaker is None:
        return
    if covering and all(a > speaker for _, a in covering):
        whole = sentence[speaker:end]
        yield Problem(
            f"{where}.attribution",
            f"“{covering[0][0]}” is cut from who says so: the speaker of “{marker}” is "
            f"“{sentence[speaker:start].strip()}”, and the attribution starts where that phrase starts "
            f"(“{whole}”)",
        )


def _doubts_beside(
    where: str, sentence: str, spans: Sequence[tuple[str, int, int]], roles: dict[str, AttributionRole]
) -> Iterator[Problem]:
    """Words around an attribution of who says so that tell the claim doubted fail closed (HOSTILE-13 S4, S5, K4):
    an adverb of falsity in it ("Norland wrongly believes"), a verb that rejects what is reported in it or
    before it as its object ("Oster rejected reports that …"), and a phrase set off after its saying verb that
    the check cannot read as when or where it was said (", Oster said, without evidence.")."""
    for text, a, b in spans:
        if roles[text] != "source":
            continue
        words = [w.strip(_PUNCTUATION).casefold() for w in sentence[a:b].split()]
        # a rejecting verb with its object inside ("Oster rejected reports"), not one closing a caveat ("a
        # figure Vesta disputes", read by the hedge rules)
        false = next(
            (
                w
                for i, w in enumerate(words)
                if w in FALSITY_ADVERBS or (w in REJECTING_VERBS and i < len(words) - 1)
            ),
            None,
        )
        before = sentence[:a].split()
        verb = before[-1] if before and not _SAYING_SET_OFF.search(before[-1]) else None
        bare = verb.strip(_PUNCTUATION) if verb is not None else ""
        if false is None and lexicon.only(bare, "VERB") and bare.casefold() not in _VERB_MARKERS:
            false = bare
        if false is not None:
            yield Problem(
                f"{where}.attribution",
                f"“{text}” tells who says so with “{false}”, which can call what they say false or reject it: the "
                "check cannot read the fact as their plain claim. If the article doubts or denies it, leave the "
                "fact out; if not, give the attribution from where its sentence names who says so",
            )
            continue
        markers = [
            m for m in _said_markers(sentence) if a < m[1] and m[2] <= b and m[0].casefold() in _VERB_MARKERS
        ]
        tail = _CAVEAT_AFTER.match(sentence, b)
        if not markers or tail is None:
            continue
        said = [w.strip(_PUNCTUATION).casefold() for w in tail["tail"].split()]
        if (said[:1] and said[0] in TAIL_WORDS and _where_and_when(said)) or any(
            lexicon.only(w, "VERB") for w in said
        ):
            continue  # ", Oster said, on Monday.", "Norland, Vesta said, sent …": read by the other rules
        yield Problem(
            f"{where}.attribution",
            f"“{text}” is followed by “{tail['tail']}”, set off after who says so, which the check cannot read as "
            "when or where it was said: it may qualify or doubt the claim. If it does, add it to the "
            f"attribution (“{sentence[a : tail.end('tail')]}”, role `caveat`) or leave the fact out",
        )


# A phrase set off by a comma after an attribution, to the sentence's end: ", without evidence."
_CAVEAT_AFTER = re.compile(r"\s*,\s*(?P<tail>[^,;:.!?\"“”]+?)\s*[.!?]?[\"”’)\]]*\s*$")


def _telling_agent(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the teller stands (start, end) when the saying verb at `sentence[start:end]` is passive with "by"
    just after it ("Oster was told by Vesta", HOSTILE-13 Q4, Q6): the one named before it heard the words, the
    one after "by" said them. None otherwise."""
    before = sentence[:start].split()
    if not before or before[-1].casefold() not in PASSIVE_AUXILIARIES:
        return None
    found = _AGENT_AFTER.match(sentence, end)
    if found is None:
        return None
    return found.start("agent"), found.end("agent")


# "by" just after a passive saying verb, then the teller: up to the punctuation that ends the phrase.
_AGENT_AFTER = re.compile(r"\s+by\s+(?P<agent>[^,;:.!?()\"“”—–]*[^,;:.!?()\"“”—–\s])")


def _outer_report(sentence: str, start: int) -> tuple[int, int] | None:
    """The report a saying verb at `start` is told inside, as (where its speaker starts, where its marker ends),
    outermost first: "Vesta said Oster said …", "…, Vesta said Oster told her." (HOSTILE-13 S1–S3, Q1): the
    words between the outer marker (and its "that") and the inner verb are the inner speaker alone. None when
    the verb is told in no other report."""
    found: tuple[int, int] | None = None
    at = start
    while True:
        earlier = [m for m in _said_markers(sentence) if m[2] <= at and m[0].casefold() in _VERB_MARKERS]
        if not earlier:
            return found
        _, outer_start, outer_end = max(earlier, key=lambda m: m[1])
        between = sentence[outer_end:at].split()
        if between and between[0].casefold() == "that":
            between = between[1:]
        bare = [w.strip(_PUNCTUATION) for w in between]
        if (
            not bare
            or len(bare) > _SPEAKER_RUN
            or _SAYING_SET_OFF.search(sentence, outer_end, at)
            or any(lexicon.only(w, "VERB") or w.casefold() in CLAUSE_WORDS - SPEAKING_PRONOUNS for w in bare)
        ):
            return found
        speaker = _speaker_of(sentence, outer_start)
        if speaker is None:
            return found
        found, at = (speaker, outer_end), outer_start


_SPEAKER_RUN = 8  # words of a speaker: "the deputy harbour master of Vesta"
_NOT_A_SPEAKER_OPENING = frozenset({"and", "but", "or", "as", "while"})
_SAYING_SET_OFF = re.compile(r"[,;:\u2014\u2013(\"]|\s-\s")


def _speaker_of(sentence: str, marker_start: int) -> int | None:
    """Where the subject of the saying verb at `marker_start` starts in `sentence`, or None when the words before
    it are not a speaker alone (a clause, a verb: "Norland sent fuel and Vesta said so")."""
    cuts = [m.end() for m in _SAYING_SET_OFF.finditer(sentence, 0, marker_start)]
    begin = cuts[-1] if cuts else 0
    words = list(re.finditer(r"\S+", sentence[begin:marker_start]))
    if not words or len(words) > 8:
        return None
    bare = [w.group().strip(_PUNCTUATION) for w in words]
    if any(lexicon.only(w, "VERB") for w in bare) or bare[0].casefold() in _NOT_A_SPEAKER_OPENING:
        return None  # a clause, or "…, as Vesta said"
    if bare[-1].casefold() in PASSIVE_AUXILIARIES:
        return None  # "Norland is feared to have sent …": a passive's subject is not who fears
    return begin + words[0].start()


def _holds_unmarked_source(text: str, sentences: Iterable[Span]) -> bool:
    """Whether `text`, where one of `sentences` writes it, holds a phrase that names who says so with no verb
    (`unmarked_sources`: ", per Vesta.", ", Vesta Herald."): such a text says who says so though no marker does."""
    return any(
        at <= start and end <= at + len(text)
        for sentence in sentences
        for _, start, end in unmarked_sources(sentence.text)
        for at in find_words(text, sentence.text)
    )


def _cut_from_speaker(found: Located, attributions: Sequence[str]) -> str | None:
    """The words of who says it, when a passage starts just after them in its sentence and no attribution of
    its fact holds them: after a saying or reason word ("Bennett said | there isn’t one yet", "he was concerned
    | Russia would …"), or after the "that" such a word takes within a few words ("Lapid responded that | the
    IAF …", "He told the ministers that | he was …"). What was said, cut from who said it, reads as the
    article's own words or as the account's source's; Putin's passage after "has also argued that" is held
    by its attribution ("Prime Minister Naftali Bennett has also argued", a mention). None otherwise."""
    text = found.paragraph.text
    sentence_start = found.sentences[0].start
    words = list(re.finditer(r"\S+", text[sentence_start : found.start]))
    if not words:
        return None
    folded = [word.group().strip(_PUNCTUATION).casefold() for word in words]
    if folded[-1] == "that":
        reach = range(len(words) - 2, max(len(words) - 2 - _THAT_REACH, -1), -1)
    else:
        reach = range(len(words) - 1, len(words) - 2, -1)
    for at in reach:
        if words[at].group().rstrip().endswith(","):
            break  # another clause's word
        if folded[at] in _VERB_MARKERS or folded[at] in _REASON_WORDS:
            start = sentence_start + words[at].start()
            sentence = found.sentences[0]
            held = any(
                sentence.start + a <= start < sentence.start + a + len(attribution)
                for attribution in attributions
                for a in find_words(attribution, sentence.text)
            )
            if held:
                return None
            first = max(0, at - 2)
            return " ".join(word.group() for word in words[first:])
    return None


_THAT_REACH = 4  # words between a saying word and its "that": "told the ministers that"
_REASON_WORDS = frozenset(m for m in REASON_MARKERS if " " not in m)  # "concerned", "fearing", …


def _word_before(text: str, sentence_start: int, start: int) -> str:
    """The word just before `start` in its sentence, without its punctuation; "" at the sentence's start."""
    before = text[sentence_start:start].split()
    return before[-1].strip(_PUNCTUATION) if before else ""


def _negation_before(text: str, sentence_start: int, start: int) -> str | None:
    """The negation that stands just before `start` in its sentence ("has not | provided …"), or None."""
    word = _word_before(text, sentence_start, start)
    if word.casefold() in NEGATIONS or word.casefold().endswith(("n't", "n’t")):
        return word
    return None


# Words after "to" that open a noun phrase, not an infinitive ("to the island", "to its farmers").
_NOT_A_VERB = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those"}
    | {"some", "several", "many", "all", "both", "each", "every", "any", "no", "one", "two", "three", "four"}
    | {"five", "six", "seven", "eight", "nine", "ten", "half", "about", "around", "nearly", "almost", "over"}
)


# Determiners that may stand between a part and the whole it is of ("Two of | the | 40 ferries", "Half | the fleet").
_WHOLE_DETERMINERS: Final = frozenset(
    {"the", "a", "an", "these", "those", "its", "their", "his", "her", "our"}
)
# Words that make what follows a part, a bound or a range of a number (after `money.QUALIFIERS`): "Some | 40
# tonnes", "Half | the ferries", "Most | ferries".
_PART_WORDS: Final = QUANTIFIER_SUBJECTS | {
    "half",
    "each",
    "both",
    "either",
    "neither",
    "only",
    "just",
    "all",
}


# A relative clause on a person just after the words that name them: ", who was sacked on Monday," (to its closing
# comma or the sentence's end).
_RELATIVE_AFTER = re.compile(r",?\s+(?P<clause>(?:who|whom|whose)\b[^,;.!?]*)")


def _role_undoing(text: str) -> list[str]:
    """The words of `text`, said of a person, that may undo or doubt the role the article gives them: a verb the
    check has no meaning for (`undoing_words`), a verb of leaving or losing a post (`ROLE_ENDING_VERBS`: "She
    resigned last year."), a negation or a falsity, or a saying of what they are ("is a …")."""
    words = [w.strip(_PUNCTUATION).casefold() for w in text.split()]
    said = [*undoing_words(text, 0)]
    said += [w for w in words if w and set(lexicon.lemmas(w, "VERB")) & ROLE_ENDING_VERBS]
    said += [w for w in (*NEGATIONS, *FALSITY_WORDS) if find_words(w, text, ignore_case=True)]
    said += [m.group() for m in re.finditer(r"\b(?:is|was|are|were)\s+(?:a|an|no)\b", text)]
    return said


def _subject_cut(text: str, sentence_start: int, start: int) -> str | None:
    """The words just before `start` in its sentence, inside its clause, that make the phrase at `start` a part,
    a bound or a range of what it numbers (REPORT-hostile17 G2), or None: a partitive ("Two of the | 40 ferries",
    "A third of | the fleet"), a qualifier of a number ("Up to | 40 ferries", "As many as", "Fewer than",
    "Some"), a range's first end ("Between 40 and | 400 tonnes") or a quantifier ("Half | the ferries")."""
    said = text[sentence_start:start]
    if not said.strip() or said.rstrip().endswith((",", ";", ":", "?", "!", "—", "–")):
        return None
    words = [w.strip(_PUNCTUATION) for w in said.split()]
    words = [w for w in words if w]
    folded = [w.casefold() for w in words]
    bare = len(folded)
    while bare and folded[bare - 1] in _WHOLE_DETERMINERS:
        bare -= 1
    if not bare:
        return None
    last = folded[bare - 1]
    spoken = " ".join(folded[:bare])
    for qualifier in sorted((*QUALIFIERS, "as many as", "as few as", "no fewer than"), key=len, reverse=True):
        if spoken == qualifier or spoken.endswith(" " + qualifier):
            return " ".join(words[bare - len(qualifier.split()) :])
    if last == "of" and bare > 1:
        opening = bare - 2
        while opening > 0 and (
            folded[opening - 1] in _WHOLE_DETERMINERS or folded[opening - 1] in NUMBER_WORDS
        ):
            opening -= 1
        return " ".join(words[opening:])
    if last == "and" and "between" in folded[:bare]:
        return " ".join(words[folded.index("between") :])
    if last in _PART_WORDS:
        return " ".join(words[bare - 1 :])
    return None


def _unreal_before(text: str, sentence_start: int, start: int) -> str | None:
    """The words just before `start` in its sentence that make what follows unreal or turn it (REVIEW-7 C2,
    C4), or None: a modal ("would | shoot down"), a verb of avoiding ("avoid | a confrontation"), an
    infinitive's "to" after a word that governs it ("reticence to | help", "going to | move", "called for
    Israel to | send"), or a done verb a negation turns ("has not provided | military aid")."""
    before = [w.strip(_PUNCTUATION) for w in text[sentence_start:start].split()]
    before = [w for w in before if w]
    if not before or text[sentence_start:start].rstrip().endswith((",", ";", ":", "?", "!")):
        return None
    last = before[-1].casefold()
    if last in MODAL_WORDS or last in AVOIDING_WORDS or last.endswith(("'ll", "’ll")):
        return before[-1]
    if last in ASKING_VERBS or (last == "for" and len(before) > 1 and before[-2].casefold() == "called"):
        return " ".join(before[-2:]) if last == "for" else before[-1]  # "called for | Israel to send …"
    if last == "to" and len(before) > 1:
        governor = before[-2].casefold()
        if governor in TO_GOVERNORS or governor in MODAL_WORDS:
            return " ".join(before[-2:])
        if len(before) > 2 and before[-3].casefold() in ASKING_TO:
            return " ".join(before[-3:])
        following = text[start:].split()
        first = following[0].strip(_PUNCTUATION) if following else ""
        # "a corridor to | evacuate …": an infinitive (a word in small letters, no determiner or number) is
        # what was meant to happen; "aid to | Kyiv", "fuel to | the island" name where it went
        if first and first.islower() and first.casefold() not in _NOT_A_VERB and not first[0].isdigit():
            return " ".join(before[-2:])
    if last in _ALL_STATUS_VERBS:
        at = text.rfind(before[-1], sentence_start, start)
        negation = _negation_before(text, sentence_start, at) if at != -1 else None
        if negation is not None:
            return f"{negation} {before[-1]}"
    return None


def _alias_problems(where: str, alias: Alias, aliases: Sequence[Alias]) -> Iterator[Problem]:
    """An alias gives a name to the article's words, and a word stands for one name only: not for another
    name of the brief ("Ukraine" as Israel), and not for a country whose name it is ("Kyiv" is Ukraine's,
    never Russia's; `vocabulary.PLACE_NAMES`)."""
    name = normalise(alias.name).casefold()
    others = {normalise(a.name).casefold() for a in aliases if a is not alias}
    others |= {
        normalise(w).casefold() for a in aliases if normalise(a.name).casefold() != name for w in a.as_written
    }
    for index, written in enumerate(alias.as_written):
        word = normalise(written).casefold()
        field = f"{where}.as_written[{index}]"
        if word in others:
            yield Problem(
                field,
                f"“{written}” stands for another name of the brief too: a word of the article names one thing",
            )
            continue
        owners = [
            country
            for country, forms in PLACE_NAMES.items()
            if word in {normalise(f).casefold() for f in (country, *forms)}
        ]
        if owners and name not in {normalise(c).casefold() for c in owners}:
            yield Problem(
                field,
                f"“{written}” is a name of {owners[0]}, not of {alias.name}: an alias names what the article's "
                f"words name (`vocabulary.PLACE_NAMES`)",
            )


def _role_use_problem(text: str, role: AttributionRole, item: Fact) -> str | None:
    """Why `text` cannot have that role for `item`, or None: a mention is a person named in someone's claim
    (Putin in Bennett's argument), never the claim itself; and who says so names someone. (Who says so for an
    account, whatever else is given, has the role `source`: `_governed`.)"""
    if role == "mention" and not isinstance(item, Person):
        return (
            f"“{text}” is given as a mention, but this item is the claim itself: a mention is a person named "
            "in someone's claim; give it the role `source`"
        )
    text = normalise(text)
    nobody = re.match(
        r"(?:"
        + "|".join(re.escape(w) for w in NOBODY_SUBJECTS)
        + r"|no\s+[a-z]+)\s+(?P<next>\S+(?:\s+\S+)?)",
        text,
        re.IGNORECASE,
    )
    # "no one but Vesta said", "nobody other than Vesta said": who says so is named after all
    excepted = nobody is not None and re.match(
        r"(?:but|" + "|".join(re.escape(w) for w in EXCEPTING_WORDS) + r")\b", nobody["next"], re.IGNORECASE
    )
    if role == "source" and nobody is not None and not excepted:
        return (
            f"“{text}” says that no one says so: what follows is denied, not anyone's account; give a sentence "
            "that tells it, or tell the denial itself in the article's words"
        )
    said = _said_markers(text)
    taken = _fact_words_only(text) if role == "source" else None
    if taken is not None:
        return (
            f"“{text}” is given as who says so, but it holds “{taken}” and no word of saying (a saying verb "
            "or noun: “said”, “claims”, “report”): it is the fact's own words, not its source; give the words "
            "that name who says so, or leave the fact out if no one is named"
        )
    if (
        role == "source"
        and said
        and not any(find_words(m, text, ignore_case=True) for m in SOURCELESS_MARKERS)
    ):
        marked = {w.casefold() for marker, _, _ in said for w in marker.split()}
        naming = [
            w for w in (w.strip(_PUNCTUATION).casefold() for w in text.split()) if w and w not in marked
        ]
        if not [w for w in naming if w not in NAMING_NO_ONE]:
            return f"“{text}” names no one: who says so is the words that name the source (“Prime Minister Naftali Bennett has also argued”)"
    return None


def _fact_words_only(text: str) -> str | None:
    """The giving verb or negative word that `text`, given as a source, holds when it holds no word of saying
    ("Norland hardly sent", "At no time has": HOSTILE-16 F1), else None. A word of saying is a marker, a verb
    of saying or thinking (`CLAIMING_VERBS`, `CLOSING_SAYING_VERBS`), a noun of an account or a view
    (`ACCOUNT_NOUNS`, `VIEW_NOUNS`), or a source named with no verb (", per Vesta")."""
    words = [lexicon.bare(w).casefold() for w in text.split()]
    giving = [w for w in words if w and set(lexicon.lemmas(w, "VERB")) & GIVING_OR_GETTING]
    negative = [
        w for w in (*NEGATIONS, *NONE_WORDS, *NEGATIVE_ADVERBIALS) if find_words(w, text, ignore_case=True)
    ]
    if not giving and not negative:
        return None
    sayings = CLAIMING_VERBS | CLOSING_SAYING_VERBS
    if (
        _said_markers(text)
        or saying_verbs(text)
        or unmarked_sources(text)
        or any(set(lexicon.lemmas(w, "VERB")) & sayings for w in words if w)
        or any(w in ACCOUNT_NOUNS or w in VIEW_NOUNS for w in words)
    ):
        return None
    return (negative or giving)[0]


def _role_fragment(field: str, person: Person) -> Iterator[Problem]:
    """A role is the words that title the person, whole and next to their name: "Deputy Director Ilan
    Mezushan" is his whole title only with what stands before it ("Defense Ministry Policy and …"), so neither
    "Director" nor a piece from the middle ("Defense Ministry Policy") is; only the affiliation may stand
    before the role ("Russian President Vladimir Putin")."""
    if person.role is None:
        return
    phrase, role, name = normalise(person.as_written), normalise(person.role), normalise(person.name)
    if not find_words(name, phrase):
        return  # not written there: its own error says so
    affiliation = normalise(person.affiliation).casefold() if person.affiliation else ""
    named = [part for part in (name, name.split()[-1]) if find_words(part, role)]
    if named:
        yield Problem(
            field,
            f"“{person.role}” holds the name “{named[0]}”: a role is the words that title {person.name}, "
            "without the name (“Prime Minister” of “Prime Minister Naftali Bennett”)",
        )
        return
    for at in find_words(role, phrase):
        before = phrase[:at].strip(" ,").casefold()
        after = phrase[at + len(role) :].lstrip(" ,")
        if before in ("", affiliation) and (not after or after.startswith(name)):
            return  # the title before the name
        if not after and before.endswith(name.casefold()):
            return  # the name, then the title ("Yevgen Korniychuk, Ukraine's ambassador")
    if not find_words(role, phrase):
        return
    yield Problem(
        field,
        f"“{person.role}” is not the whole title “{person.as_written}” gives {person.name}: a role is the "
        "words that title them, from the start of the phrase (after the affiliation, when one is given) to "
        "the name",
    )


def _said_time(field: str, when: str | None, texts: Sequence[str]) -> Iterator[Problem]:
    """A `when` that stands only just after a saying verb ("Ada Quill said on Monday that the ferries had
    left") is when it was said, not when what was said happened."""
    if when is None:
        return
    wanted = normalise(when)
    saying: list[str] = []
    for text in (normalise(t) for t in texts):
        for at in find_words(wanted, text):
            before = text[:at].split()
            on = bool(before) and before[-1].casefold() == "on"
            verb = before[-2 if on else -1].strip(_PUNCTUATION) if len(before) > on else ""
            if verb.casefold() not in SAYING_VERBS:
                return  # told somewhere as the time of something else
            saying.append(" ".join([verb, *(["on"] if on else []), when]))
    if saying:
        yield Problem(
            field,
            f"“{when}” is when it was said (“{saying[0]}”), not when it happened: leave `when` out, or take "
            "it from the words that tell the event",
        )


def _alias_unevidenced(where: str, alias: Alias, paragraphs: Sequence[str]) -> Iterator[Problem]:
    """An alias gives the article's words for one party to another name only when the two are evidenced as the
    same party (HOSTILE-16 F9: "Vesta" as Norland, with nothing saying that Vesta is Norland): a name
    `PLACE_NAMES` knows beforehand for it (a country's capital or its people's adjective: "Kyiv", "Israeli", as
    the shipped brief's aliases are), a demonym or adjective of the name ("Norlandic", "Estrian"), a body of it
    ("the Norland government", "Norland's foreign ministry"), or the article's own tie: an apposition of its
    capital ("Norland's capital, Vesta,"), a parenthesis ("the Norlandic government (Vesta)", "Norland (or
    Vesta)") or "also known as" (`vocabulary.ALIAS_LINKS`). `paragraphs` are the article's, normalised."""
    name = normalise(alias.name)
    known = {normalise(f).casefold() for f in PLACE_NAMES.get(name, ())}
    for index, written in enumerate(alias.as_written):
        word = normalise(written)
        if not any(find_words(word, text) for text in paragraphs):
            continue  # not written at all: its own error says so
        if word.casefold() in known or _demonym_of(word, name) or _body_of(word, name):
            continue
        if any(_tied_in(text, name, word) for text in paragraphs):
            continue
        yield Problem(
            f"{where}.as_written[{index}]",
            f"nothing in the article shows “{written}” to be {alias.name}: an alias gives one party's words to "
            f"another only when they are the same party, so the article would need to tie them (“{alias.name}'s "
            f"capital, {written},”, “the {alias.name} government ({written})”, “{alias.name}, also known as "
            f"{written},”), or “{written}” be a demonym or a body of {alias.name} (“{alias.name}ic”, “the "
            f"{alias.name} government”) or a name `vocabulary.PLACE_NAMES` lists for it; else give the value as "
            "the article names it",
        )


def _demonym_of(word: str, name: str) -> bool:
    """Whether `word` is a demonym or an adjective of the one-word name `name` by its ending ("Norlandic",
    "Norlanders", "Estrian" of "Estria", "Israeli"; `DEMONYM_ENDINGS`); not a longer name ("Norlandia")."""
    if " " in word or " " in name or not name[:1].isupper():
        return False
    folded, stem = word.casefold(), name.casefold()
    stems = {stem, stem.rstrip("aeiouy")}
    return any(len(s) >= 3 and folded == s + ending for s in stems for ending in DEMONYM_ENDINGS)


def _named_as(phrase: str, name: str) -> bool:
    """Whether `phrase` names the party `name` itself: the name (after "the"), or its demonym."""
    words = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
    return words == name or _demonym_of(words, name)


def _body_of(phrase: str, name: str) -> bool:
    """Whether `phrase` names a body of the party `name`, one of its state's organs (`STATE_ORGAN_NOUNS`): "the
    Norland government", "Norland's foreign ministry", "the Norlandic government", "the government of Norland";
    not "the Vesta government", nor a phrase joining another ("Norland and Vesta's government")."""
    words = re.sub(r"^(?:the|The)\s+", "", phrase.strip()).split()
    if len(words) < 2 or len(words) > 6:
        return False
    of = next((i for i, w in enumerate(words) if w == "of"), None)
    if of is not None:
        owner, rest = " ".join(words[of + 1 :]), words[:of]
    else:
        first = words[0].removesuffix("'s").removesuffix("'")
        span = len(name.split())
        owner = " ".join([*words[: span - 1], first] if span == 1 else words[:span])
        owner = owner.removesuffix("'s").removesuffix("'")
        rest = words[span:] if span > 1 else words[1:]
    if not rest or not _named_as(owner, name):
        return False
    plain = all(
        (w.islower() or lexicon.word_classes(w)) and w.casefold() not in ("and", "or", "with", "but")
        for w in rest
    )
    return plain and rest[-1].casefold() in STATE_ORGAN_NOUNS


_ALIAS_LINK = "|".join(re.escape(link) for link in sorted(ALIAS_LINKS, key=len, reverse=True))
_CAPITAL = "|".join(re.escape(noun) for noun in sorted(CAPITAL_NOUNS, key=len, reverse=True))


def _tied_in(text: str, name: str, written: str) -> bool:
    """Whether a paragraph's words tie `written` to `name` as one party: an apposition of its capital
    ("Norland's capital, Vesta", "Vesta, the capital of Norland", "the Norlandic capital, Vesta"), a parenthesis
    or an `ALIAS_LINKS` phrase between them ("the Norlandic government (Vesta)", "Vesta (known as Norland)",
    "Norland (or Vesta)", "Norland, also known as Vesta")."""
    forms = {name} | {w.strip(".,;:()") for w in text.split() if _demonym_of(w.strip(".,;:()"), name)}
    own = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    w = re.escape(written)
    capital = (
        rf"(?:(?:{own})'s\s+(?:{_CAPITAL})|(?:the|The)\s+(?:{_CAPITAL})\s+of\s+(?:the\s+)?(?:{own})"
        rf"|(?:the|The)\s+(?:{own})\s+(?:{_CAPITAL}))"
    )
    if re.search(rf"{capital},\s+{w}\b", text) or re.search(rf"\b{w},\s+{capital}\b", text):
        return True
    link = rf"(?:\(\s*(?P<linked>(?:{_ALIAS_LINK}|or)\s+)?|,\s*(?P<called>{_ALIAS_LINK})\s+)"
    # "the Norlandic government (Vesta)", "the Norland Relief Agency (NRA)": a bare parenthesis after a body's
    # phrase or giving its initials; "Mirren (Vesta)" places a town, and "Norland (Vesta)" may too
    after = rf"(?P<np>(?:[\w'-]+\s+){{0,5}}[\w'-]+)\s*{link}{w}\s*[),]"
    before = rf"\b{w}\s*{link}(?P<np>[^(),]+?)\s*[),]"
    for pattern, bare_ok in ((after, True), (before, False)):
        for m in re.finditer(pattern, text):
            words = m.group("np").split()
            linked = bool(m.group("linked") or m.group("called"))
            for k in range(1, len(words) + 1):
                phrase = " ".join(words[-k:]) if pattern is after else " ".join(words[:k])
                if _body_of(phrase, name) and (linked or bare_ok):
                    return True
                if (_named_as(phrase, name) or re.fullmatch(capital, phrase)) and (
                    linked or (bare_ok and written.isupper())
                ):
                    return True
    return False


def _alias_person_problems(where: str, alias: Alias, people: Sequence[Person]) -> Iterator[Problem]:
    """An alias never gives one person's words to another: "Austin" names Lloyd Austin, so it cannot be an
    alias of "Lapid" (his quote would be told as Lapid's)."""
    name = normalise(alias.name).casefold()
    for index, written in enumerate(alias.as_written):
        word = normalise(written).casefold()
        for person in people:
            forms = {normalise(person.name).casefold(), normalise(person.name).split()[-1].casefold()}
            named = bool(find_words(word, normalise(person.name).casefold()))
            if named and name not in forms:
                yield Problem(
                    f"{where}.as_written[{index}]",
                    f"“{written}” names {person.name} in the article: an alias cannot give it to {alias.name}",
                )
                break
