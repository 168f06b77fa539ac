"""What kind of English word a word can be: verb, noun, adjective, adverb, auxiliary.

`bot.briefs.vocabulary` says what the words the check knows *mean* ("said" tells who says so, "provided" that it was
done). Lists of meanings are never complete: an editor's article says "reported", "believes", "apparently", and a
check that knows only its lists reads those as plain fact. This module answers a narrower question for every word,
listed or not — which classes of word it may be — so that the check can fail closed: a verb or an adverb it has no
meaning for, standing where a word can put a fact in someone's mouth or in doubt, is refused, not ignored.

The classes come from lemminflect's lexicon (built from the NIH SPECIALIST Lexicon; it ships inside the package,
nothing is fetched). A word the lexicon does not hold — a name, a number, most function words ("the", "if") — has
no classes: callers must read the empty set as "not known", never as "plain".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import lru_cache
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
