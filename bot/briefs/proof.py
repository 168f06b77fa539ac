"""What the check proved about a brief: where each item's evidence sits and who says so.

Attached to a loaded brief (`Brief.proof`), so that answers show attributions and readings, and the
Quote view shows each passage's sentence and paragraph without reading the article again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.briefs.article import find_words
from bot.briefs.evidence import normalise
from bot.briefs.vocabulary import AttributionRole


@dataclass(frozen=True)
class PassageProof:
    passage: str  # as the article writes it (’ and “ ” kept)
    where: str  # "paragraph 3" of the article's body, "a photo caption", "the headline", …
    sentence: str  # the sentence(s) around it, read to the full stop, as the article writes them
    # the item's attributions that stand in that sentence, as written, each with its role ("source", "caveat", …)
    attributions: tuple[tuple[str, AttributionRole], ...] = ()
    kind: str = (
        "body"  # what the line it stands on is: "body", "caption", "credit", … (`article.KIND_LABELS`)
    )
    # The sentence closing the paragraph whose account the passage is told in (", a senior diplomatic source
    # said."), as written, when it is not the passage's own: where its who-says-so stands.
    account: str | None = None
    # Who a passage's opening pronoun stands for, when it is a person's passage: "“He” is Ilan Mezushan, named in
    # the sentence before", so "He can be seen …" under Lloyd Austin is not read as Austin.
    referent: str | None = None
    # The words opening the account the passage is told in ("Another official said") and that opening sentence,
    # as written, when it is not one of the passage's own: "His answer was no one." is that official's account.
    opened_by: str | None = None
    opening: str | None = None


@dataclass(frozen=True)
class ItemProof:
    passages: tuple[PassageProof, ...]
    # A value taken from the sentence's first clause (`reading = true`): that clause, shown beside the fact.
    reading_from: str | None = None
    reading_clause: str | None = None  # the amount's own clause, which does not name them
    # A quote's frame: the words of its sentence before the quotation opens, as written ("Austin said the
    # participants discussed"), shown with it so the quote keeps what the article says it is about.
    frame: str | None = None


@dataclass(frozen=True)
class BriefProof:
    version: str  # a short digest of the brief file: a Quote button names the content it was made for
    article: str  # the seed's file name
    items: dict[str, ItemProof] = field(default_factory=dict)  # "loans[2]" -> its proof
    unused_sentences: tuple[tuple[str, str], ...] = ()  # (where, sentence) no item's evidence touches
    sentence_count: int = 0  # the article's sentences below its headline
    # The article's paragraphs, (normalised, as written): values are shown in the article's own characters.
    paragraphs: tuple[tuple[str, str], ...] = ()

    def written(self, text: str) -> str:
        """`text` as the article writes it (’ and “ ” where the article has them), when the article holds it
        at word boundaries; else `text` with its whitespace collapsed. Matching is normalised, showing is not."""
        wanted = normalise(text)
        for normalised, raw in self.paragraphs:
            found = find_words(wanted, normalised)
            if found:
                return raw[found[0] : found[0] + len(wanted)]
        return " ".join(text.split())

    def coverage(self) -> list[str]:
        """What `briefbot check --coverage` prints: the article's sentences no fact uses."""
        used = self.sentence_count - len(self.unused_sentences)
        lines = [f"{used} of {self.sentence_count} sentences of {self.article} are used by a fact"]
        lines += [f"  {where}: “{sentence}”" for where, sentence in self.unused_sentences]
        return lines

    def item(self, key: str) -> ItemProof | None:
        return self.items.get(key)
