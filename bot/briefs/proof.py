"""What the check proved about a brief: where each item's evidence sits and who says so.

Attached to a loaded brief (`Brief.proof`), so that answers show attributions and readings, and the
Quote view shows each passage's sentence and paragraph without reading the article again.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PassageProof:
    passage: str  # normalised, as found
    paragraph: int  # 1-based, among the article's non-empty lines
    sentence: str  # the sentence(s) around it, read to the full stop
    attributions: tuple[str, ...] = ()  # the item's attributions that stand in that sentence


@dataclass(frozen=True)
class ItemProof:
    passages: tuple[PassageProof, ...]
    # A value taken from the sentence's first clause (`reading = true`): that clause, shown beside the fact.
    reading_from: str | None = None
    reading_clause: str | None = None  # the amount's own clause, which does not name them


@dataclass(frozen=True)
class BriefProof:
    version: str  # a short digest of the brief file: a Quote button names the content it was made for
    article: str  # the seed's file name
    items: dict[str, ItemProof] = field(default_factory=dict)  # "loans[2]" -> its proof
    unused_sentences: tuple[tuple[int, str], ...] = ()  # (paragraph, sentence) no item's evidence touches
    sentence_count: int = 0  # the article's sentences below its headline

    def coverage(self) -> list[str]:
        """What `briefbot check --coverage` prints: the article's sentences no fact uses."""
        used = self.sentence_count - len(self.unused_sentences)
        lines = [f"{used} of {self.sentence_count} sentences of {self.article} are used by a fact"]
        lines += [f"  paragraph {number}: “{sentence}”" for number, sentence in self.unused_sentences]
        return lines

    def item(self, key: str) -> ItemProof | None:
        return self.items.get(key)
