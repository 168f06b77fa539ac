"""An article as the evidence check reads it: paragraphs, sentences, clauses, and where a passage sits.

A passage must be whole words of one paragraph. Only whitespace and typographic quotes are
forgiven (`normalise`); case, spelling and punctuation must match. When a passage is not found,
`diagnose` says why: a near miss (quotes, case, a typo) with the closest span, a cut word, a
splice across paragraphs, or absent.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from bot.briefs import lexicon, vocabulary
from bot.briefs.evidence import fold, normalise, same_text

MIN_PASSAGE_WORDS = 4


def _inside_word(text: str, cut: int) -> bool:
    """Whether a cut between `text[cut - 1]` and `text[cut]` falls inside a word.

    Inside: "un|approved"; a digit group "1,|600" or "1|,600"; a hyphenated word "Ben-|Zvi".
    """
    if cut <= 0 or cut >= len(text):
        return False
    left, right = text[cut - 1], text[cut]
    if left.isalnum() and right.isalnum():
        return True
    before = text[cut - 2] if cut >= 2 else ""
    after = text[cut + 1] if cut + 1 < len(text) else ""
    if left in ",.-" and right.isalnum():
        return before.isalnum() and (left == "-" or (before.isdigit() and right.isdigit()))
    if right in ",.-" and left.isalnum():
        return after.isalnum() and (right == "-" or (left.isdigit() and after.isdigit()))
    return False


def at_word_boundaries(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` begins and ends on word boundaries of `text`."""
    return not _inside_word(text, start) and not _inside_word(text, end)


@lru_cache(maxsize=4096)
def _casefolded(text: str) -> str:
    """Cached: a sentence is searched for every marker and status verb of the vocabulary in turn."""
    return text.casefold()


def find_words(words: str, text: str, *, ignore_case: bool = False) -> list[int]:
    """Every start of `words` in `text` at word boundaries (both normalised first by the caller)."""
    if not words:
        return []
    haystack, needle = (_casefolded(text), _casefolded(words)) if ignore_case else (text, words)
    at = haystack.find(needle)
    if at == -1:  # most searches: the words are not there at all
        return []
    found: list[int] = []
    size, length = len(needle), len(text)
    while at != -1:
        end = at + size
        # A space on either side of a cut is a word boundary (`_inside_word` says so too, only slower): most
        # words found stand between spaces.
        # (Offsets past the text's end, which case folding can make, are no cut, as for `_inside_word`.)
        if (at == 0 or at >= length or text[at - 1] == " " or not _inside_word(text, at)) and (
            end >= length or text[end] == " " or not _inside_word(text, end)
        ):
            found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def contains_words(words: str, text: str, *, ignore_case: bool = False) -> bool:
    return bool(find_words(normalise(words), normalise(text), ignore_case=ignore_case))


_WORD = re.compile(r"[\w’'$€£¥₪-]+")


def word_count(text: str) -> int:
    return len(_WORD.findall(normalise(text)))


# Every question mark ends a sentence as "?" does ("Has Norland sent fuel？ Vesta …"): `vocabulary.QUESTION_MARKS`.
_SENTENCE_END = re.compile(
    rf"[.!{re.escape(vocabulary.QUESTION_MARKS)}]['\")\]]*(?= +(?:\(|['\"\[]?[A-Z0-9]))"
)
# What may close a question after its mark: quotes, brackets, an exclamation mark, a full stop ("?!", "?”)").
_AFTER_QUESTION = " \"')]}!.…‼"
_OPENING_PUNCTUATION = " \"'([{“‘¿¡"
# Words that open a subject written in small letters ("Has it …", "Did the navy …").
_SUBJECT_OPENINGS = frozenset(
    {"it", "there", "they", "we", "you", "he", "she", "i", "the", "a", "an", "this", "these", "those", "that"}
    | {"its", "their", "his", "her", "our", "your", "my", "any", "anyone", "anybody", "some", "someone", "no"}
)
_FIRST_WORDS = re.compile(r"([A-Za-z]+)(n't)?\s+(\S+)(?:\s+(\S+))?")


def asks(sentence: str) -> bool:
    """Whether `sentence` (normalised) is a question, and so tells nothing done (HOSTILE-12 Q1, Q2): it ends on any
    question mark, whatever closes it after ("?!", "？", "⁈", "؟"), or opens with an auxiliary before its subject
    ("Has Norland sent fuel to Estria, Vesta asked."). "Will" and "May" open a question only before a base form
    ("Will Norland send …"), not as a name or a month ("Will Oster sent …")."""
    if sentence.rstrip(_AFTER_QUESTION)[-1:] in tuple(vocabulary.QUESTION_MARKS):
        return True
    opening = _FIRST_WORDS.match(sentence.lstrip(_OPENING_PUNCTUATION))
    if opening is None:
        return False
    auxiliary = {"wo": "will", "ca": "can", "sha": "shall"}.get(opening[1].casefold(), opening[1].casefold())
    subject = opening[3][:1].isupper() or opening[3].casefold() in _SUBJECT_OPENINGS
    if auxiliary not in vocabulary.INVERTED_AUXILIARIES or not subject:
        return False
    if auxiliary in vocabulary.NAME_AUXILIARIES and not opening[2]:
        verb = (opening[4] or "").strip(_AFTER_QUESTION + ",;:").casefold()
        return verb in lexicon.lemmas(verb, "VERB")
    return True


_CLAUSE_BREAK = re.compile(r";\s*|,\s+(?=(?:and |but |or |while )?[A-Z])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _outside_quotes(text: str, positions: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    for match in positions:
        if text.count('"', 0, match.start()) % 2 == 0:
            yield match


def _split(text: str, pattern: re.Pattern[str], offset: int = 0) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _outside_quotes(text, pattern.finditer(text)):
        end = match.end() if pattern is _SENTENCE_END else match.start()
        if text[start:end].strip():
            spans.append(Span(offset + start, offset + end, text[start:end].strip()))
        start = match.end()
        while start < len(text) and text[start] == " ":
            start += 1
    if text[start:].strip():
        spans.append(Span(offset + start, offset + len(text), text[start:].strip()))
    return spans


# A credit standing alone on its line, or closing a caption: "(photo credit: AMMAR AWAD/REUTERS)".
_CREDIT_ALONE = re.compile(r"^\(?\s*(?:photo |image )?credit\s*:.*\)?$", re.IGNORECASE)
_CREDIT_CLOSING = re.compile(r"\s*\((?:photo |image )?credit\s*:[^()]*\)$", re.IGNORECASE)
_CONTRIBUTED = re.compile(r"contributed to this report\.?$", re.IGNORECASE)
_SUBHEADING_WORDS = 12
_CLOSING_PUNCTUATION = re.compile(r"[.!?:;,'\")\]]$")

# What a line of the article is: the reader is told "paragraph 3" only of the article's body.
KIND_LABELS = {
    "headline": "the headline",
    "standfirst": "the line under the headline",
    "caption": "a photo caption",
    "credit": "a credit line",
    "subheading": "a subheading",
}


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based, counting the article's non-empty lines: an id within the article, never shown
    text: str  # normalised: what passages are matched against
    raw: str = ""  # as the article writes it (’ and “ ” kept), whitespace collapsed: offsets equal `text`'s
    line: int = 0  # the line of the seed file it stands on
    kind: str = "body"  # "body", "headline", "standfirst", "caption", "credit" or "subheading"
    body_number: int | None = None  # 1-based among the article's body paragraphs

    @property
    def label(self) -> str:
        """Where it sits, as a reader is told: "paragraph 3", "a photo caption", "the headline"."""
        if self.kind == "body":
            return f"paragraph {self.body_number}"
        return KIND_LABELS[self.kind]

    @property
    def located(self) -> str:
        """Where it sits, as an editor is told: "paragraph 3 (seed line 13)"."""
        return f"{self.label} (seed line {self.line})"

    def written(self, start: int, end: int) -> str:
        """The article's own characters between two offsets of `text`."""
        return (self.raw or self.text)[start:end]

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences, read to the full stop; a quotation is never cut in two."""
        return _split(self.text, _SENTENCE_END)

    def sentences_over(self, start: int, end: int) -> list[Span]:
        return [s for s in self.sentences if s.start < end and start < s.end] or self.sentences[:1]

    def clauses(self, sentence: Span) -> list[Span]:
        """A sentence's clauses: split at semicolons and at commas before a new subject, but not at the comma
        that opens a saying aside between a subject and its verb ("Norland, Vesta said, sent fuel"): "Vesta"
        there is the aside's subject, not the verb's."""
        spans = _split(sentence.text, _CLAUSE_BREAK, sentence.start)
        joined: list[Span] = []
        for span in spans:
            if (
                joined
                and self.text[joined[-1].end : joined[-1].end + 1] == ","
                and _subject_alone(joined[-1].text)
            ):
                aside = _ASIDE_THEN_VERB.match(span.text)
                if aside and lexicon.may_be(aside["last"], "VERB") and lexicon.may_be(aside["next"], "VERB"):
                    start = joined[-1].start
                    joined[-1] = Span(start, span.end, self.text[start : span.end].strip())
                    continue
            joined.append(span)
        return joined


# The clause after a lone subject's comma, when it is an aside ending in a verb and its sentence's verb follows it:
# "Vesta said, sent fuel to Estria", "the Vesta Herald wrote, has sent …".
_ASIDE_THEN_VERB = re.compile(r"^[^,;:]{0,80}?(?P<last>[A-Za-z]+),\s+(?P<next>[a-z][A-Za-z'-]*)\b")


def _subject_alone(text: str) -> bool:
    """Whether a clause holds words but no verb: a subject set apart by a comma ("Norland", "The harbour
    office")."""
    words = [lexicon.bare(w) for w in text.split()]
    return bool(words) and not any(
        "AUX" in lexicon.word_classes(w) or lexicon.only(w, "VERB") for w in words if w
    )


@dataclass(frozen=True)
class Located:
    """Where a passage sits: its paragraph and its offsets in the paragraph's normalised text."""

    passage: str
    paragraph: Paragraph
    start: int
    end: int

    @cached_property  # a located passage is kept by its Article and read by every rule of its item
    def sentences(self) -> list[Span]:
        return self.paragraph.sentences_over(self.start, self.end)

    def places_of(self, words: str) -> list[int]:
        """Each offset of the paragraph's text where `words` (normalised) stands at word boundaries inside this
        passage: where a value is written in its evidence."""
        return [
            at
            for at in find_words(words, self.paragraph.text)
            if self.start <= at and at + len(words) <= self.end
        ]

    @property
    def sentence_text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def written(self) -> str:
        """The passage in the article's own characters (’ and “ ” as written)."""
        return self.paragraph.written(self.start, self.end)

    @property
    def sentence_written(self) -> str:
        return " ".join(self.paragraph.written(s.start, s.end) for s in self.sentences)


@dataclass(frozen=True)
class Diagnosis:
    """Why a passage is not evidence, for `briefbot check`."""

    kind: str  # "too short", "near miss", "cut word", "splice", "absent"
    message: str
    closest: str | None = None


def _kinds(lines: list[str]) -> list[str]:
    """What each non-empty line is. The first is the headline. A caption ends with its credit in brackets,
    or repeats such a caption without it; a credit stands alone ("(photo credit: …)", "… contributed to this
    report."); a subheading is a short line with no closing punctuation; the one line between the headline and
    a first caption is the standfirst. Everything else is the article's body."""
    closing = [_CREDIT_CLOSING.search(line) if ")" in line else None for line in lines]  # it ends with ")"
    captions = {line[: found.start()] for line, found in zip(lines, closing, strict=True) if found}
    kinds: list[str] = []
    for index, line in enumerate(lines):
        if index == 0:
            kinds.append("headline")
            continue
        words = line.count(" ") + 1  # normalised: one space between words
        if _CREDIT_ALONE.match(line) or (words <= 12 and _CONTRIBUTED.search(line)):
            kinds.append("credit")
        elif closing[index] or line in captions:
            kinds.append("caption")
        elif words <= _SUBHEADING_WORDS and not _CLOSING_PUNCTUATION.search(line):
            kinds.append("subheading")
        else:
            kinds.append("body")
    if len(kinds) > 2 and kinds[1] == "body" and kinds[2] == "caption":
        kinds[1] = "standfirst"
    return kinds


class Article:
    """A seed article, split into its paragraphs (one per non-empty line), each knowing what it is."""

    def __init__(self, name: str, raw: str) -> None:
        self.name = name
        self.raw = raw
        lines = [
            (number, " ".join(same_text(line).split()))
            for number, line in enumerate(raw.splitlines(), start=1)
        ]
        lines = [(number, line) for number, line in lines if line]
        kinds = _kinds([normalise(line) for _, line in lines])
        self.paragraphs: list[Paragraph] = []
        body = 0
        for index, ((number, line), kind) in enumerate(zip(lines, kinds, strict=True), start=1):
            body += kind == "body"
            numbered = body if kind == "body" else None
            self.paragraphs.append(Paragraph(index, normalise(line), line, number, kind, numbered))
        self.normalised = normalise(raw)
        self._located: dict[str, Located | None] = {}  # an article is read once and asked often

    @property
    def headline(self) -> str:
        return self.paragraphs[0].text if self.paragraphs else ""

    def locate(self, passage: str) -> Located | None:
        """The first place `passage` stands as whole words inside one paragraph, if any."""
        if passage not in self._located:
            self._located[passage] = self._locate(passage)
        return self._located[passage]

    def _locate(self, passage: str) -> Located | None:
        wanted = normalise(passage)
        if word_count(wanted) < MIN_PASSAGE_WORDS:
            return None
        for paragraph in self.paragraphs:
            for at in find_words(wanted, paragraph.text):
                return Located(wanted, paragraph, at, at + len(wanted))
        return None

    def locate_all(self, passage: str) -> list[Located]:
        wanted = normalise(passage)
        return [
            Located(wanted, paragraph, at, at + len(wanted))
            for paragraph in self.paragraphs
            for at in find_words(wanted, paragraph.text)
        ]

    @cached_property
    def sentences(self) -> list[tuple[Paragraph, Span]]:
        return [(paragraph, sentence) for paragraph in self.paragraphs for sentence in paragraph.sentences]

    def diagnose(self, passage: str) -> Diagnosis:
        """Why `passage` is not evidence (call only when `locate` found nothing)."""
        wanted = normalise(passage)
        words = word_count(wanted)
        if words < MIN_PASSAGE_WORDS:
            return Diagnosis(
                "too short",
                f"a passage needs at least {MIN_PASSAGE_WORDS} words to prove anything; this has {words}",
            )
        for paragraph in self.paragraphs:
            at = paragraph.text.find(wanted)
            if at != -1:
                return Diagnosis(
                    "cut word",
                    f"cuts a word of the article in {paragraph.located}: "
                    f"“{paragraph.written(*_whole_words(paragraph.text, at, at + len(wanted)))}”; "
                    "a passage is whole words",
                )
        if wanted in self.normalised:
            first, last = self._spliced(wanted)
            return Diagnosis(
                "splice",
                f"runs across {self.paragraphs[first - 1].located} and {self.paragraphs[last - 1].located}; "
                "a passage stays within one paragraph",
            )
        folded = fold(wanted)
        for paragraph in self.paragraphs:
            at = fold(paragraph.text).find(folded)
            if at != -1 and len(fold(paragraph.text)) == len(paragraph.text):
                span = paragraph.written(at, at + len(wanted))
                return Diagnosis(
                    "near miss",
                    f"differs from the article in case or accents only, in {paragraph.located}: "
                    f"{_difference(wanted, span)}",
                    closest=span,
                )
        span, number, ratio = self._closest_span(wanted)
        if span and ratio >= 0.8:
            return Diagnosis(
                "near miss",
                f"almost in the article, in {self.paragraphs[number - 1].located}: {_difference(wanted, span)}",
                closest=span,
            )
        sentence = self.closest_sentence(wanted)
        return Diagnosis("absent", f"passage not found in the article {self.name}", closest=sentence)

    def _spliced(self, wanted: str) -> tuple[int, int]:
        at = self.normalised.find(wanted)
        offset, first, last = 0, 0, 0
        for paragraph in self.paragraphs:
            start = self.normalised.find(paragraph.text, offset)
            end = start + len(paragraph.text)
            if first == 0 and end > at:
                first = paragraph.number
            if start < at + len(wanted):
                last = paragraph.number
            offset = end
        return first, last

    def _closest_span(self, wanted: str) -> tuple[str, int, float]:
        best: tuple[str, int, float] = ("", 0, 0.0)
        for paragraph in self.paragraphs:
            matcher = difflib.SequenceMatcher(None, wanted, paragraph.text, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size]
            if not blocks:
                continue
            start = max(blocks[0].b - blocks[0].a, 0)
            end = min(blocks[-1].b + (len(wanted) - blocks[-1].a), len(paragraph.text))
            start, end = _whole_words(paragraph.text, start, end)
            while (
                end > start
                and not paragraph.text[end - 1].isalnum()
                and not wanted.endswith(paragraph.text[end - 1])
            ):
                end -= 1
            span = paragraph.text[start:end]
            ratio = difflib.SequenceMatcher(None, wanted, span, autojunk=False).ratio()
            if ratio > best[2]:
                best = (paragraph.written(start, end), paragraph.number, ratio)
        return best

    def closest_sentence(self, passage: str, cutoff: float = 0.7) -> str | None:
        """The article's sentence that best covers `passage`, when it covers at least `cutoff` of it."""
        wanted = normalise(passage)
        best, best_score = None, (cutoff, 0.0)
        for paragraph, sentence in self.sentences:
            matcher = difflib.SequenceMatcher(None, wanted, sentence.text, autojunk=False)
            matched = sum(block.size for block in matcher.get_matching_blocks())
            score = (matched / max(len(wanted), 1), matcher.ratio())
            if score >= best_score:
                best, best_score = paragraph.written(sentence.start, sentence.end), score
        return best


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """`start` and `end` widened to the whole words they cut into."""
    while start > 0 and text[start - 1] not in " ":
        start -= 1
    while end < len(text) and text[end] not in " ":
        end += 1
    return start, end


def _difference(written: str, article: str) -> str:
    """Word by word: what the brief writes against what the article writes."""
    ours, theirs = written.split(), article.split()
    changes: list[str] = []
    # compared as matched (quotes straightened), shown as written: ’ against ' is no difference
    matcher = difflib.SequenceMatcher(
        None, [normalise(w) for w in ours], [normalise(w) for w in theirs], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        mine, its = " ".join(ours[i1:i2]), " ".join(theirs[j1:j2])
        if tag == "replace":
            changes.append(f"brief “{mine}”, article “{its}”")
        elif tag == "delete":
            changes.append(f"brief adds “{mine}”")
        else:
            changes.append(f"brief leaves out “{its}”")
    return "; ".join(changes) or "quotes or spacing differ"
