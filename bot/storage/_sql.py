"""SQL fragments that the two dialects write differently, written once here.

Lists of any length are bound as one parameter, a JSON array text (`json_list`), and read back as rows by the
fragment below, so that a statement has one placeholder whatever the list's length.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Literal

from bot.storage._backend import Dialect

_ELEMENTS: dict[tuple[Dialect, str], str] = {
    ("sqlite", "int"): "SELECT value FROM json_each(?)",
    ("sqlite", "text"): "SELECT value FROM json_each(?)",
    ("postgresql", "int"): "SELECT value::bigint FROM json_array_elements_text(?::json) AS elements (value)",
    ("postgresql", "text"): "SELECT value FROM json_array_elements_text(?::json) AS elements (value)",
}


def elements(dialect: Dialect, of: Literal["int", "text"] = "int") -> str:
    """A subquery giving, as rows of `value`, the elements of a JSON array bound at its one `?`."""
    return _ELEMENTS[dialect, of]


def json_list(ids: Iterable[int] | Iterable[str]) -> str:
    """A list of ids (each once, in order) as the JSON text `elements` reads: any number, one parameter."""
    return json.dumps(list(dict.fromkeys(ids)))
