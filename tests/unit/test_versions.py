"""A brief's content version as a reader sees it: facts, fingerprint, what changed, snapshots (fixture brief)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from bot.briefs.loader import load_library, reload_library
from bot.briefs.models import Brief, Editor, Person, Source
from bot.briefs.render import render_digest
from bot.briefs.versions import (
    FINGERPRINT_FORMAT,
    FactChange,
    changes_between,
    changes_text,
    content_fingerprint,
    fingerprint_format,
    from_snapshot,
    snapshot,
)
from tests.conftest import make_library
from tests.reload_fixture import FIXTURE_BRIEF, FIXTURE_ID, FIXTURE_SEED, SECOND_PERSON

_Model = TypeVar("_Model", bound=BaseModel)


def fixture(tmp_path: Path, text: str) -> Brief:
    briefs, seeds = tmp_path / "briefs", tmp_path / "seeds"
    briefs.mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURE_SEED, seeds)
    (briefs / f"{FIXTURE_ID}.toml").write_text(text)
    result = load_library(briefs, seeds)
    assert not result.errors, result.errors
    return result.library.get(FIXTURE_ID)


ORIGINAL = FIXTURE_BRIEF.read_text()
# The same brief laid out differently: a comment, keys in another order, evidence wrapped over two lines.
RELAID = (
    ORIGINAL.replace("# FIXTURE BRIEF", "# A comment an editor added.\n# FIXTURE BRIEF")
    .replace(
        'evidence = ["Harbour Master Elin Varga cut the ribbon in front of a small crowd of fishermen."]',
        'evidence = ["""Harbour Master Elin Varga cut the ribbon\n   in front of a small crowd of fishermen."""]',
    )
    .replace('name = "Elin Varga"\nrole = "Harbour Master"', 'role = "Harbour Master"\nname = "Elin Varga"')
)


def test_layout_whitespace_and_comments_are_not_a_change_a_reader_sees(tmp_path: Path) -> None:
    assert RELAID != ORIGINAL
    before, after = fixture(tmp_path / "a", ORIGINAL), fixture(tmp_path / "b", RELAID)
    assert content_fingerprint(before) == content_fingerprint(after)
    assert changes_between(before, after) == []


def test_the_reload_reports_changed_only_when_a_reader_would_see_it(tmp_path: Path) -> None:
    briefs, seeds = tmp_path / "briefs", tmp_path / "seeds"
    fixture(tmp_path, ORIGINAL)
    path = briefs / f"{FIXTURE_ID}.toml"
    first = load_library(briefs, seeds)
    path.write_text(RELAID)
    relaid = reload_library(briefs, seeds, first)
    assert relaid.changed == [] and "0 changed" in relaid.summary()
    path.write_text(RELAID + SECOND_PERSON)
    assert reload_library(briefs, seeds, relaid).changed == [FIXTURE_ID]


def test_facts_added_corrected_and_removed_are_named(tmp_path: Path) -> None:
    one = fixture(tmp_path / "one", ORIGINAL)
    two = fixture(tmp_path / "two", ORIGINAL + SECOND_PERSON)
    assert changes_between(one, two) == [FactChange("added", "person Tomas Reyes")]
    assert changes_between(two, one) == [FactChange("removed", "person Tomas Reyes")]
    corrected = fixture(tmp_path / "three", (ORIGINAL + SECOND_PERSON).replace('role = "Deputy Mayor"\n', ""))
    assert changes_between(two, corrected) == [FactChange("corrected", "person Tomas Reyes")]
    assert content_fingerprint(corrected) not in {content_fingerprint(one), content_fingerprint(two)}
    assert (
        changes_text(changes_between(one, two) + changes_between(two, corrected))
        == "added person Tomas Reyes; corrected person Tomas Reyes"
    )


def test_a_snapshot_reads_back_as_the_same_brief_with_its_proof(tmp_path: Path) -> None:
    briefs, seeds = make_library(tmp_path / "library")
    for brief in [*load_library(briefs, seeds).library.briefs, fixture(tmp_path, ORIGINAL + SECOND_PERSON)]:
        again = from_snapshot(snapshot(brief))
        assert again == brief and again.proof == brief.proof
        assert content_fingerprint(again) == content_fingerprint(brief)
        assert render_digest([again]) == render_digest([brief])


@given(st.text(max_size=40))
def test_anything_but_a_snapshot_is_refused_as_a_value_error(text: str) -> None:
    try:
        from_snapshot(text)
    except ValueError:
        return
    raise AssertionError("read as a snapshot")


class PersonWithPronouns(Person):
    """Person as a later format of briefs might have it: one more field, with a default."""

    pronouns: str | None = None


class SourceWithSection(Source):
    section: str = ""


class EditorWithDesk(Editor):
    desk: str | None = None


def _as(kind: type[_Model], model: BaseModel, **values: Any) -> _Model:
    return kind.model_construct(
        **{**{name: getattr(model, name) for name in type(model).model_fields}, **values}
    )


def test_a_field_added_with_a_default_changes_no_version(tmp_path: Path) -> None:
    brief = fixture(tmp_path, ORIGINAL + SECOND_PERSON)
    version = content_fingerprint(brief)
    assert fingerprint_format(version) == FINGERPRINT_FORMAT and version.startswith(f"{FINGERPRINT_FORMAT}-")
    later = brief.model_copy(
        update={
            "people": [_as(PersonWithPronouns, person) for person in brief.people],
            "source": _as(SourceWithSection, brief.source),
            "editor": _as(EditorWithDesk, brief.editor),
        }
    )
    assert later.proof == brief.proof and "pronouns" in later.people[0].model_dump()
    assert content_fingerprint(later) == version and changes_between(brief, later) == []
    # A value in the new field is a change a reader sees.
    told = later.model_copy(
        update={"people": [_as(PersonWithPronouns, later.people[0], pronouns="she/her"), *later.people[1:]]}
    )
    assert content_fingerprint(told) != version
    assert changes_between(later, told) == [FactChange("corrected", "person Elin Varga")]


def test_every_value_a_reader_sees_changes_the_version(tmp_path: Path) -> None:
    # The first item of every section of the test library, each of its text values changed in turn: each
    # is a new version.
    briefs, seeds = make_library(tmp_path / "library")
    tried = 0
    for brief in load_library(briefs, seeds).library.briefs:
        version = content_fingerprint(brief)
        for section in (
            "source",
            "editor",
            "key_points",
            "people",
            "aid",
            "loans",
            "events",
            "quotes",
            "credits",
        ):
            value = getattr(brief, section)
            items = value if isinstance(value, list) else [value]
            if not items:
                continue
            for name in type(items[0]).model_fields:
                if not isinstance(getattr(items[0], name), str):
                    continue
                item = items[0].model_copy(update={name: f"{getattr(items[0], name)} changed"})
                edited = brief.model_copy(
                    update={section: [item, *items[1:]] if isinstance(value, list) else item}
                )
                assert content_fingerprint(edited) != version, (brief.id, section, name)
                tried += 1
    assert tried >= 20


def test_versions_of_the_first_format_are_read_by_format() -> None:
    assert fingerprint_format("0123456789abcdef") == 1
    assert fingerprint_format("2-0123456789abcdef") == 2
    assert fingerprint_format("unknown") is None and fingerprint_format("2-xyz") is None


def test_a_quotes_frame_is_part_of_what_a_reader_sees(tmp_path: Path) -> None:
    # A quote is shown with its frame ("Austin said the participants discussed …"): another frame is another
    # version, told as a corrected quote.
    briefs, seeds = make_library(tmp_path / "library")
    [brief] = [b for b in load_library(briefs, seeds).library.briefs if b.quotes]
    proof = brief.proof
    assert proof is not None
    key = next(key for key, item in proof.items.items() if key.startswith("quotes[") and item.frame)
    reframed = brief.model_copy()
    reframed._proof = dataclasses.replace(
        proof, items={**proof.items, key: dataclasses.replace(proof.items[key], frame="Someone else said")}
    )
    assert content_fingerprint(reframed) != content_fingerprint(brief)
    assert [change.kind for change in changes_between(brief, reframed)] == ["corrected"]
    assert changes_between(brief, reframed)[0].label.startswith("quote of ")
