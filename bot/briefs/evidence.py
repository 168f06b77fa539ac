"""Finding evidence passages in a seed article, and saying how close a near miss came.

Only whitespace and typographic quotes and apostrophes are normalised: the seed mixes ’ and ',
and an editor's keyboard may not. Everything else must match the article exactly.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)
_WHITESPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+|\n+")


def normalise(text: str) -> str:
    """Collapse whitespace and straighten typographic quotes; nothing else changes."""
    return _WHITESPACE.sub(" ", text.translate(_QUOTES)).strip()


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Case- and accent-insensitive form for lookups (not for evidence, which is exact).

    Cached: names and countries of the loaded briefs are folded on every command and autocomplete.
    """
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class SeedText:
    """A seed article, held once in its normalised form for passage checks."""

    name: str
    raw: str
    normalised: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "normalised", normalise(self.raw))

    def contains(self, passage: str) -> bool:
        wanted = normalise(passage)
        return bool(wanted) and wanted in self.normalised

    @cached_property
    def sentences(self) -> list[str]:
        pieces = (normalise(piece) for piece in _SENTENCE_END.split(self.raw))
        return [piece for piece in pieces if len(piece) > 3]

    def closest_sentence(self, passage: str, cutoff: float = 0.7) -> str | None:
        """The article's sentence that best covers `passage`, when it covers at least `cutoff` of it.

        Coverage (how much of the passage the sentence matches) rather than plain similarity, so
        that a misquoted clause still points at the long sentence it was taken from.
        """
        wanted = normalise(passage)
        if not wanted:
            return None
        best, best_score = None, (cutoff, 0.0)
        for sentence in self.sentences:
            matcher = difflib.SequenceMatcher(None, wanted, sentence, autojunk=False)
            matched = sum(block.size for block in matcher.get_matching_blocks())
            score = (matched / len(wanted), matcher.ratio())
            if score >= best_score:
                best, best_score = sentence, score
        return best


_SMALL_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_SCALES = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6), ("thousand", 10**3))


def amount_phrasings(amount: int) -> list[str]:
    """Ways an article may write `amount`: "600 million", "600,000,000", "half-a-billion", "1.5 billion"."""
    phrasings = [f"{amount:,}", str(amount)]
    for word, scale in _SCALES:
        if amount < scale:
            continue
        quotient = amount / scale
        if quotient == int(quotient):
            whole = int(quotient)
            phrasings.append(f"{whole:,} {word}")
            phrasings.extend(f"{name} {word}" for name, value in _SMALL_WORDS.items() if value == whole)
        elif round(quotient, 3) == quotient:
            phrasings.append(f"{quotient:g} {word}")
    for word, scale in _SCALES:
        if amount * 2 == scale:
            phrasings.extend([f"half-a-{word}", f"half a {word}"])
        if amount * 4 == scale:
            phrasings.extend([f"quarter-of-a-{word}", f"quarter of a {word}"])
    return phrasings


def amount_in(amount: int, passage: str) -> bool:
    """Whether `passage` writes `amount` in one of the article's ways ("$600 million", "half-a-billion")."""
    text = fold(passage)
    for phrase in amount_phrasings(amount):
        pattern = r"(?<![\d.,])" + re.escape(phrase.casefold()) + r"(?![\d])"
        if re.search(pattern, text):
            return True
    return False


# A currency's signs (written before the amount) and words (after it); the ISO code works either side.
_CURRENCY_MARKS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USD": (("$", "us$"), ("dollar", "dollars")),
    "CAD": (("$", "c$", "ca$"), ("dollar", "dollars")),
    "EUR": (("€",), ("euro", "euros")),
    "GBP": (("£",), ("pound", "pounds", "sterling")),
    "JPY": (("¥",), ("yen",)),
    "ILS": (("₪",), ("shekel", "shekels", "nis")),
    "UAH": (("₴",), ("hryvnia", "hryvnias", "hryvnias")),
}


def money_at(amount: int, currency: str, passage: str) -> list[int] | None:
    """Where (in `fold(passage)`) `passage` writes `amount` together with `currency`: "$600 million",
    "€300 million", "half-a-billion dollars", "600 million USD". None when the currency has no known marks."""
    signs, words = _CURRENCY_MARKS.get(currency, ((), ()))
    if not signs and not words:
        return None
    text = fold(passage)
    code = currency.casefold()
    before = "|".join([*(re.escape(sign) for sign in signs), rf"\b{code}"])
    after = "|".join([*words, code])
    found: list[int] = []
    for phrase in amount_phrasings(amount):
        amount_pattern = r"(?<![\d.,])" + re.escape(phrase.casefold()) + r"(?![\d])"
        for pattern in (rf"(?:{before})\s?{amount_pattern}", rf"{amount_pattern}\s+(?:{after})\b"):
            found += [match.start() for match in re.finditer(pattern, text)]
    return sorted(set(found))


def last_named_before(position: int, passage: str, names: dict[str, str]) -> str | None:
    """Of `names` (folded alias -> canonical name), the one written last before `position` of `fold(passage)`."""
    text = fold(passage)[:position]
    best, best_at = None, -1
    for alias, canonical in names.items():
        at = max((m.start() for m in re.finditer(rf"\b{re.escape(alias)}\b", text)), default=-1)
        if at > best_at:
            best, best_at = canonical, at
    return best
