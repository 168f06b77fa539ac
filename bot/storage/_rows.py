"""Rows read by name into dataclasses: a table's columns are declared once, as its dataclass's fields.

A field's type says how its column is stored: instants as `to_db` text, booleans as 0/1, tuples of strings
as a JSON array, Literals as their text; ints and strings as themselves.
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from bot.storage._backend import Parameters, Row
from bot.storage._time import from_db

if TYPE_CHECKING:
    from bot.storage.database import Database

T = TypeVar("T")
_Decode = Callable[[Any], Any]


def _decoder(hint: Any) -> _Decode:
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType) and type(None) in args:
        [inner] = [arg for arg in args if arg is not type(None)]
        decode = _decoder(inner)
        return lambda value: None if value is None else decode(value)
    if hint is datetime:
        return lambda value: from_db(str(value))
    if hint is bool:
        return bool
    if hint in (int, str):
        return lambda value: value
    if origin is tuple and args == (str, ...):
        return lambda value: tuple(str(item) for item in json.loads(str(value)))
    if origin is Literal:

        def member(value: Any) -> Any:
            if value not in args:
                raise ValueError(f"{value!r} is not one of {args}")
            return value

        return member
    raise TypeError(f"no column type for {hint!r}")


class Columns(Generic[T]):
    """The columns of dataclass `row_type`, by name: the list to select, and a row read back as one."""

    def __init__(self, row_type: type[T]) -> None:
        hints = get_type_hints(row_type)
        self._row_type: Callable[..., T] = row_type
        self._decoders = {
            field.name: _decoder(hints[field.name])
            for field in dataclasses.fields(row_type)  # type: ignore[arg-type]
        }
        self.names = ", ".join(self._decoders)

    def read(self, row: Row) -> T:
        """The row, which has (at least) these columns, as a `row_type`."""
        return self._row_type(**{name: decode(row[name]) for name, decode in self._decoders.items()})

    async def fetch_all(self, database: Database, sql: str, parameters: Parameters = ()) -> list[T]:
        """Every row `sql` (a SELECT of at least these columns) gives, as `row_type`s, read outside any
        other coroutine's transaction."""
        async with database.read() as connection:
            rows = await connection.fetch(sql, parameters)
        return [self.read(row) for row in rows]
