"""Which version of a brief a digest shows: what is on offer when a digest is recorded, and the brief at the
version a row recorded when it is sent.

A row records the content version of each brief it carries (`bot.briefs.versions.content_fingerprint`) and
keeps that version serialised in the database, so it posts what it recorded: after a reload changed the
brief, and after a restart whose library changed on disk meanwhile. A version is found in the library (the
current one), among the versions retired by reloads (in memory), or in the database, in that order; the
ledger deletes the kept ones nothing needs any more (`DeliveryLedger.prune_versions`), and the memory
follows it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from bot.briefs.lookup import Library
from bot.briefs.models import Brief
from bot.briefs.versions import (
    FINGERPRINT_FORMAT,
    FactChange,
    changes_between,
    content_fingerprint,
    fingerprint_format,
    from_snapshot,
    snapshot,
)
from bot.storage.ledger import DeliveryLedger

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Offer:
    """The briefs a digest may carry now: their ids newest first, and (when known) each one's content version,
    tags, and its current version serialised (`snapshot_of`)."""

    ids: Sequence[str]
    versions: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    tags: Mapping[str, Set[str]] = field(default_factory=lambda: MappingProxyType({}))
    library: Library | None = None

    def snapshot_of(self, brief_id: str, version: str) -> str | None:
        """The brief serialised at `version`, if that is the version on offer."""
        if self.library is None or self.versions.get(brief_id) != version:
            return None
        brief = self.library.find(brief_id)
        return None if brief is None else snapshot(brief)


def offer_of(library: Library) -> Offer:
    """Everything `library` holds, with versions and tags."""
    ids = library.ids
    versions = {brief_id: version for brief_id in ids if (version := library.version(brief_id)) is not None}
    tags = {brief.id: frozenset(brief.tags) for brief in library.briefs}
    return Offer(ids, versions, tags, library)


def as_offer(available: Offer | Sequence[str]) -> Offer:
    """`available` as an Offer: a bare list of ids (tests, benchmarks) offers them without versions."""
    return available if isinstance(available, Offer) else Offer(tuple(available))


@dataclass(frozen=True)
class DigestEntry:
    """One brief of a digest, at the version it shows. `changes` is None for a brief new to the channel, and
    what changed since the version the channel had for one shown as updated."""

    brief: Brief
    changes: tuple[FactChange, ...] | None = None


class VersionStore:
    """Briefs at the versions digests recorded: the library's, those retired by reloads, those kept in the
    database."""

    def __init__(self, ledger: DeliveryLedger, library: Callable[[], Library]) -> None:
        self._ledger = ledger
        self._library = library
        self._retired: dict[tuple[str, str], Brief] = {}

    @property
    def retired(self) -> Set[tuple[str, str]]:
        """The (brief id, version) held in memory besides the library's."""
        return self._retired.keys()

    def retire(self, retired: Iterable[tuple[Brief, str]]) -> None:
        """Keep these briefs, each at its content version (replaced or removed by a reload), in memory, for
        rows that recorded them. The version is the one the library it leaves worked out: fingerprinting a
        brief again here would take milliseconds of the event loop for each."""
        for brief, version in retired:
            self._retired[(brief.id, version)] = brief

    async def brief_at(self, brief_id: str, version: str | None) -> Brief | None:
        """The brief at `version` (None: whatever is loaded), or None when no version of it can be found."""
        library = self._library()
        if version is None or library.version(brief_id) == version:
            return library.find(brief_id)
        known = self._retired.get((brief_id, version))
        if known is not None:
            return known
        text = await self._ledger.brief_snapshot(brief_id, version)
        if text is None:
            return None
        try:
            brief = from_snapshot(text)
        except ValueError:
            log.exception("the kept version %s of brief %s cannot be read", version, brief_id)
            return None
        self._retired[(brief_id, version)] = brief
        return brief

    async def entries(
        self, brief_ids: Sequence[str], versions: Mapping[str, str], updated_from: Mapping[str, str]
    ) -> list[DigestEntry]:
        """The digest of `brief_ids` as recorded: each at its version in `versions` (else as loaded), those
        in `updated_from` with what changed since that version. A brief none of whose versions can be found
        is left out (and logged); one whose recorded version is lost is shown as loaded now (logged)."""
        entries: list[DigestEntry] = []
        for brief_id in brief_ids:
            version = versions.get(brief_id)
            brief = await self.brief_at(brief_id, version)
            if brief is None and version is not None:
                brief = self._library().find(brief_id)
                if brief is not None:
                    log.warning(
                        "version %s of brief %s is no longer kept; the digest shows the loaded one",
                        version,
                        brief_id,
                    )
            if brief is None:
                log.warning("brief %s is no longer loaded nor kept; left out of the digest", brief_id)
                continue
            changes: tuple[FactChange, ...] | None = None
            if brief_id in updated_from:
                had = await self.brief_at(brief_id, updated_from[brief_id])
                changes = tuple(changes_between(had, brief)) if had is not None else ()
            entries.append(DigestEntry(brief, changes))
        return entries

    async def entries_of(self, nonce: str, brief_ids: Sequence[str]) -> list[DigestEntry]:
        """The digest the row with `nonce` recorded (its briefs `brief_ids`), as `entries` gives it."""
        recorded = await self._ledger.recorded_content(nonce)
        if recorded is None:
            return await self.entries(brief_ids, {}, {})
        return await self.entries(brief_ids, recorded.versions, recorded.updated_from)

    async def adopt(self, *, now: datetime) -> None:
        """At start: what was recorded before versions were kept counts as the library loaded now
        (`DeliveryLedger.adopt_versions`); versions of an older format are translated to this one; then what
        nothing needs is deleted."""
        offer = offer_of(self._library())
        await self._ledger.adopt_versions(offer.versions, offer.snapshot_of, now=now)
        await self.translate()
        await self.prune()

    async def translations(self) -> dict[tuple[str, str], str]:
        """For each kept version made by another format of fingerprint (`FINGERPRINT_FORMAT`), the version
        its snapshot has in this one (the same content: a brief a channel had comes again only when a reader
        would see a change); the brief is held in memory under its new name. Reads, never writes. One whose
        snapshot cannot be read is left out (logged): any version loaded differs from it, so the brief comes
        again as updated."""
        renamed: dict[tuple[str, str], str] = {}
        for brief_id, version in await self._ledger.kept_versions():
            if fingerprint_format(version) in (None, FINGERPRINT_FORMAT):
                continue
            brief = await self.brief_at(brief_id, version)
            if brief is not None:
                new = renamed[(brief_id, version)] = content_fingerprint(brief)
                self._retired.pop((brief_id, version), None)
                self._retired[(brief_id, new)] = brief
        return renamed

    async def translate(self) -> None:
        """Rename the kept versions of another format wherever they are written (`translations`)."""
        await self._ledger.rename_versions(await self.translations())

    async def prune(self) -> None:
        """Delete the kept versions nothing needs, and forget the retired ones nothing needs."""
        await self._ledger.prune_versions()
        needed = await self._ledger.needed_versions()
        for key in [key for key in self._retired if key not in needed]:
            del self._retired[key]
