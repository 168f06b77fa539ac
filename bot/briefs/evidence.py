"""The one normalisation evidence forgives, and the folded form lookups use.

Only whitespace and typographic quotes and apostrophes are normalised: the seed mixes ’ and ',
and an editor's keyboard may not. Besides, what a reader cannot tell apart is one text (`same_text`): a soft
hyphen (an invisible hint where a line may break) and the zero-width characters are dropped, and a letter written with a combining accent is
composed ("a" and U+0301, the combining acute accent, are "á"). Everything else must match the article exactly
(`bot.briefs.article` finds passages; `bot.briefs.check` binds values to them).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        # marks a keyboard or a typesetter puts for an apostrophe ("hasnʼt", "hasn´t", "hasn`t"): one apostrophe
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)
_WHITESPACE = re.compile(r"\s+")


# What a reader cannot see: a soft hyphen (an invisible hint where a line may break) and the characters that take
# no room and show nothing (zero-width space, non-joiner and joiner, word joiner, invisible operators, byte order
# mark, Mongolian vowel separator). "sent fuel?" then a zero-width space is "sent fuel?" to a reader, and a
# question must not hide from the check behind one (HOSTILE-12 Q1).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"))


def same_text(text: str) -> str:
    """`text` as a reader sees it: soft hyphens and other invisible characters dropped, combining accents composed
    (NFC). The article's lines are read through it before anything else, so offsets into its raw and normalised
    lines stay equal."""
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE))


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """`same_text`, whitespace collapsed and typographic quotes straightened; nothing else changes."""
    return _WHITESPACE.sub(" ", same_text(text).translate(_QUOTES)).strip()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form for lookups (not for evidence, which is exact).

    Cached: names and countries of the loaded briefs are folded on every command and autocomplete, and a
    library of a thousand briefs holds some thousands of them.
    """
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
