"""Rows read by name into the dataclass that declares a table's columns."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import pytest

from bot.storage._rows import Columns
from bot.storage._time import to_db


@dataclass(frozen=True)
class Example:
    id: int
    kind: Literal["a", "b"]
    at: datetime
    done_at: datetime | None
    active: bool
    ids: tuple[str, ...]
    note: str | None = None


def _row(sql: str) -> sqlite3.Row:
    connection = sqlite3.connect(":memory:")
    connection.row_factory = sqlite3.Row
    row: sqlite3.Row = connection.execute(sql).fetchone()
    connection.close()
    return row


def test_columns_come_from_the_fields_and_rows_are_read_by_name_in_any_order() -> None:
    columns = Columns(Example)
    assert columns.names == "id, kind, at, done_at, active, ids, note"
    at = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    row = _row(
        f"SELECT 'n' AS note, '[\"x\", \"y\"]' AS ids, 1 AS active, NULL AS done_at, '{to_db(at)}' AS at,"
        " 'b' AS kind, 7 AS id"
    )
    assert columns.read(row) == Example(7, "b", at, None, True, ("x", "y"), "n")


def test_a_value_outside_its_literal_is_refused() -> None:
    row = _row(
        f"SELECT 1 AS id, 'c' AS kind, '{to_db(datetime.now(UTC))}' AS at, NULL AS done_at,"
        " 0 AS active, '[]' AS ids, NULL AS note"
    )
    with pytest.raises(ValueError, match="'c' is not one of"):
        Columns(Example).read(row)


def test_a_field_type_without_a_column_form_fails_at_declaration() -> None:
    @dataclass
    class Unstorable:
        values: list[int]

    with pytest.raises(TypeError, match="no column type"):
        Columns(Unstorable)
