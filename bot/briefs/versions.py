"""A brief's content as a reader sees it: its facts, a fingerprint of them, what changed between two versions,
and a serialised snapshot of one version.

A *fact* is one item a reader is told (a key point, a person, an aid flow, a loan, an event, a quote, a
credit) or the article's source line, identified by what names it (a person by name, a loan by its parties)
and read as its checked values, attributions and evidence, with whitespace collapsed: an edit of layout,
comments or key order changes no fact. The fingerprint of a brief is a digest of its facts, so two versions
share a fingerprint exactly when a reader could not tell them apart; it is the brief's *content version* (a
digest row records it, a reload's "changed" compares it). `tags` and `added` are routing and ordering, not
content: changing them changes no version.

A value at its field's default is left out of a fact (pydantic's `exclude_defaults`): a field added to the
models later, with a default, changes no existing version, so no brief comes again as updated for it. A
version names the format of the rules that made it (`FINGERPRINT_FORMAT`, "3-…"; the first format's were
the bare digest): a version of another format is not compared with one of this format but translated,
from the kept snapshot of that version (`bot.delivery.versions.VersionStore.adopt`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from bot.briefs.models import Brief
from bot.briefs.proof import BriefProof, ItemProof, PassageProof

FINGERPRINT_LENGTH = 16  # hex digits of SHA-256: 64 bits, collisions negligible among one brief's versions
# The rules a version is made by; a change of them that changes versions is a new format. 1: every value
# dumped, the bare digest; 2: values at their default left out, "2-" before the digest; 3: a quote's frame
# (shown with it) is part of its fact.
FINGERPRINT_FORMAT = 3
SNAPSHOT_FORMAT = 1
_LABEL_TEXT = 60

ChangeKind = Literal["added", "corrected", "removed"]


@dataclass(frozen=True, slots=True)
class ReaderFact:
    """One fact: `key` names it across versions, `label` names it to a reader, `content` is all a reader
    sees of it (canonical JSON)."""

    key: str
    label: str
    content: str


@dataclass(frozen=True, slots=True)
class FactChange:
    """One difference between two versions of a brief: a fact added, corrected (the same fact, other
    content) or removed."""

    kind: ChangeKind
    label: str


def _collapsed(value: Any) -> Any:
    """`value` with the whitespace of every string collapsed (evidence re-wrapped is the same evidence)."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return {key: _collapsed(inner) for key, inner in value.items()}
    if isinstance(value, list | tuple):
        return [_collapsed(inner) for inner in value]
    return value


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_TEXT else text[: _LABEL_TEXT - 1].rstrip() + "…"


def _proof_part(proof: ItemProof | None) -> dict[str, Any]:
    """What a reader sees of an item's proof: who says so, the clauses of a reading, a quote's frame."""
    if proof is None:
        return {}
    part: dict[str, Any] = {
        "attributions": [list(passage.attributions) for passage in proof.passages],
        "reading": [proof.reading_from, proof.reading_clause],
    }
    if proof.frame is not None:  # a quote's frame, shown with it (left out when there is none)
        part["frame"] = proof.frame
    return part


def _identity(section: str, item: Any) -> tuple[str, str]:
    """(the key part that names the item across versions, its label for a reader)."""
    if section == "key_points":
        text = " ".join(item.evidence)
        return _collapsed(text), f"key point “{_short(text)}”"
    if section == "people":
        return item.name.casefold(), f"person {item.name}"
    if section == "aid":
        return (
            f"{item.donor}|{item.recipient}|{item.kind}".casefold(),
            f"aid, {item.donor} to {item.recipient} ({item.kind})",
        )
    if section == "loans":
        return f"{item.lender}|{item.borrower}".casefold(), f"loan, {item.lender} to {item.borrower}"
    if section == "events":
        text = " ".join(item.evidence)
        return _collapsed(text), f"event “{_short(text)}”"
    if section == "quotes":
        return f"{item.speaker}|{_collapsed(item.text)}".casefold(), f"quote of {item.speaker}"
    if section == "credits":
        return _collapsed(item.as_written).casefold(), f"credit {item.name}"
    raise ValueError(f"no facts in section {section!r}")


_FACT_SECTIONS = ("key_points", "people", "aid", "loans", "events", "quotes", "credits")


def reader_facts(brief: Brief) -> dict[str, ReaderFact]:
    """Every fact of `brief`, by key. Two items with the same identity are told apart by their order."""
    facts: dict[str, ReaderFact] = {}
    header = {
        "source": _dumped(brief.source),
        "editor": _dumped(brief.editor),
        "aliases": [_dumped(alias) for alias in brief.aliases],
    }
    facts["source"] = ReaderFact("source", "the article's source and headline", _canonical(header["source"]))
    facts["editor"] = ReaderFact("editor", "the editor's date and address", _canonical(header["editor"]))
    if brief.aliases:
        facts["aliases"] = ReaderFact("aliases", "the names it answers to", _canonical(header["aliases"]))
    for section in _FACT_SECTIONS:
        seen: Counter[str] = Counter()
        for index, item in enumerate(getattr(brief, section)):
            identity, label = _identity(section, item)
            seen[identity] += 1
            key = f"{section}:{identity}" + (f"#{seen[identity]}" if seen[identity] > 1 else "")
            proof = brief.proof.item(f"{section}[{index}]") if brief.proof else None
            content = {"item": _dumped(item), "proof": _proof_part(proof)}
            facts[key] = ReaderFact(key, label, _canonical(content))
    return facts


def _dumped(model: BaseModel) -> Any:
    """What a reader sees of `model`: its values, those at their field's default left out (so a field added
    with a default is no change)."""
    return model.model_dump(mode="json", exclude_defaults=True)


def _canonical(value: Any) -> str:
    return json.dumps(_collapsed(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_fingerprint(brief: Brief) -> str:
    """The brief's content version: a digest of its facts, after its format (see the module's docstring)."""
    digest = hashlib.sha256()
    for key, fact in sorted(reader_facts(brief).items()):
        digest.update(key.encode())
        digest.update(b"\0")
        digest.update(fact.content.encode())
        digest.update(b"\0")
    return f"{FINGERPRINT_FORMAT}-{digest.hexdigest()[:FINGERPRINT_LENGTH]}"


def fingerprint_format(version: str) -> int | None:
    """The format of the rules `version` was made by (1 for the bare digests of the first), or None for a
    text that is no fingerprint (such as the ledger's marker of a version never seen)."""
    head, dash, tail = version.partition("-")
    if not dash:
        head, tail = "1", version
    if (
        not head.isdigit()
        or len(tail) != FINGERPRINT_LENGTH
        or not all(c in "0123456789abcdef" for c in tail)
    ):
        return None
    return int(head)


def changes_between(old: Brief, new: Brief) -> list[FactChange]:
    """What a reader of `old` finds changed in `new`: facts added and corrected, in `new`'s order, then
    facts removed, in `old`'s. Empty exactly when the two share a fingerprint."""
    before, after = reader_facts(old), reader_facts(new)
    changes = [
        FactChange("added" if key not in before else "corrected", fact.label)
        for key, fact in after.items()
        if key not in before or before[key].content != fact.content
    ]
    changes += [FactChange("removed", fact.label) for key, fact in before.items() if key not in after]
    return changes


def changes_text(changes: Sequence[FactChange], limit: int = 6) -> str:
    """`added person Tomas Reyes; corrected loan, Japan to Ukraine; and 2 more`: one line for a reader."""
    shown = [f"{change.kind} {change.label}" for change in changes[:limit]]
    more = len(changes) - limit
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def snapshot(brief: Brief) -> str:
    """One version of `brief`, serialised with what its check proved, so that it can be shown again after
    its file changed (or the bot restarted): `from_snapshot` reads it back."""
    proof = brief.proof
    return json.dumps(
        {
            "format": SNAPSHOT_FORMAT,
            "brief": brief.model_dump(mode="json"),
            "proof": None if proof is None else asdict(proof),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def from_snapshot(text: str) -> Brief:
    """The brief `snapshot` serialised, with its proof. Raises ValueError for a text that is not one."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
            raise ValueError("not a brief snapshot of a known format")
        brief = Brief.model_validate_json(json.dumps(data["brief"]))
        raw = data["proof"]
        if raw is not None:
            brief._proof = _from_dict(BriefProof, raw)
    except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as error:
        raise ValueError(f"not a brief snapshot: {error}") from error
    return brief


_Proof = TypeVar("_Proof", BriefProof, ItemProof, PassageProof)


def _from_dict(kind: type[_Proof], raw: Mapping[str, Any]) -> _Proof:
    """A proof dataclass from its `asdict` form: its items and passages as their classes, lists as tuples."""
    values: dict[str, Any] = {}
    for item in fields(kind):
        if item.name not in raw:
            continue  # written before the field existed: its default
        value = raw[item.name]
        if kind is BriefProof and item.name == "items":
            value = {key: _from_dict(ItemProof, inner) for key, inner in value.items()}
        elif kind is ItemProof and item.name == "passages":
            value = tuple(_from_dict(PassageProof, inner) for inner in value)
        else:
            value = _tupled(value)
        values[item.name] = value
    return kind(**values)


def _tupled(value: Any) -> Any:
    return tuple(_tupled(inner) for inner in value) if isinstance(value, list) else value


def fingerprints(briefs: Iterable[Brief]) -> dict[str, str]:
    """Each brief's content version, by id."""
    return {brief.id: content_fingerprint(brief) for brief in briefs}
