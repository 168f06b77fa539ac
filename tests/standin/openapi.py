"""Request validation against Discord's own OpenAPI 3.1 description (vendored in ``openapi/``).

Validators are compiled once per operation and shared by every stand-in in the process: the spec is
1.2 MB and the benchmarks push thousands of requests through it. What a validation found is kept, per
operation and body (its exact JSON text), for the same body sent again: every bot a test starts syncs the
same commands, a body of ~25 KB whose validation takes a third of a second.

Quirks handled narrowly (discord.py is right, or Discord accepts it):
* discord.py sends ``message_reference`` ids, ``attachments[].id`` and ``allowed_mentions.users`` /
  ``.roles`` as JSON numbers; the spec wants snowflake strings. They are turned into strings before
  validation.
* discord.py's default message nonce is ``secrets.randbits(64)``: half of them exceed the spec's int64
  maximum, and Discord takes them. Integer nonces in ``[0, 2**64)`` are checked as digit strings.
* discord.py sends query booleans as ``1``/``0``; accepted alongside ``true``/``false``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import referencing
import referencing.jsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

SPEC_PATH = Path(__file__).parent / "openapi" / "openapi.json"
SPEC_URI = "urn:discord:openapi"

_BOOLEAN_QUERY = {"true", "false", "True", "False", "1", "0"}
_SNOWFLAKE = re.compile(r"^(0|[1-9][0-9]*)$")


@functools.cache
def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


@functools.cache
def _registry() -> referencing.Registry[Any]:
    resource = referencing.jsonschema.DRAFT202012.create_resource(load_spec())
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(SPEC_URI, resource)
    return registry


def _pointer(*parts: str) -> str:
    return "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def has_operation(method: str, template: str) -> bool:
    return method.lower() in load_spec()["paths"].get(template, {})


@functools.cache
def _body_validator(method: str, template: str) -> Draft202012Validator | None:
    operation = load_spec()["paths"].get(template, {}).get(method.lower())
    if operation is None or "requestBody" not in operation:
        return None
    content = operation["requestBody"]["content"]
    if "application/json" not in content:
        return None
    pointer = _pointer(
        "paths", template, method.lower(), "requestBody", "content", "application/json", "schema"
    )
    return Draft202012Validator({"$ref": f"{SPEC_URI}#{pointer}"}, registry=_registry())


@functools.cache
def _query_parameters(method: str, template: str) -> dict[str, dict[str, Any]]:
    spec = load_spec()
    path_item = spec["paths"].get(template, {})
    operation = path_item.get(method.lower(), {})
    params = {}
    for param in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
        if param.get("in") == "query":
            params[param["name"]] = param.get("schema", {})
    return params


def normalise_quirks(body: Any) -> Any:
    """A copy of ``body`` with discord.py's numeric snowflakes (known places only) as strings."""
    if isinstance(body, list):
        return [normalise_quirks(item) for item in body]
    if not isinstance(body, dict):
        return body
    out = {}
    for key, value in body.items():
        if key == "message_reference" and isinstance(value, dict):
            value = {k: str(v) if k.endswith("_id") and isinstance(v, int) else v for k, v in value.items()}
        elif key == "allowed_mentions" and isinstance(value, dict):
            value = {
                k: [str(i) if isinstance(i, int) else i for i in v]
                if k in ("users", "roles") and isinstance(v, list)
                else v
                for k, v in value.items()
            }
        elif key == "nonce" and isinstance(value, int) and 0 <= value < 2**64:
            value = str(value)
        elif key == "attachments" and isinstance(value, list):
            value = [
                {**a, "id": str(a["id"])} if isinstance(a, dict) and isinstance(a.get("id"), int) else a
                for a in value
            ]
        out[key] = normalise_quirks(value)
    return out


def _as_text(value: Any) -> str | None:
    """``value``'s exact JSON text (the key of a kept validation), None when it is not JSON's."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return None


def validate_body(method: str, template: str, body: Any) -> list[ValidationError]:
    """Errors of ``body`` against the operation's JSON request body schema ([] when valid or none)."""
    if _body_validator(method, template) is None:
        return []
    instance = normalise_quirks(body)
    text = _as_text(instance)
    if text is None:
        return _body_errors(method, template, instance)
    return list(_kept_body_errors(method, template, text))


@functools.lru_cache(maxsize=1024)
def _kept_body_errors(method: str, template: str, text: str) -> tuple[ValidationError, ...]:
    return tuple(_body_errors(method, template, json.loads(text)))


def _body_errors(method: str, template: str, instance: Any) -> list[ValidationError]:
    validator = _body_validator(method, template)
    assert validator is not None
    if validator.is_valid(instance):
        return []
    errors = list(validator.iter_errors(instance))
    best = best_match(errors)
    return [best] if best is not None else errors[:1]


def validate_query(method: str, template: str, query: Mapping[str, str]) -> list[str]:
    """Problems with simple query parameters (booleans, integers, snowflakes). Unknown ones pass."""
    problems = []
    for name, schema in _query_parameters(method, template).items():
        if name not in query:
            continue
        value = query[name]
        kind = schema.get("type")
        if kind == "boolean" and value not in _BOOLEAN_QUERY:
            problems.append(f"query {name}={value!r} is not a boolean")
        elif kind == "integer":
            if not value.lstrip("-").isdigit():
                problems.append(f"query {name}={value!r} is not an integer")
            elif "maximum" in schema and int(value) > schema["maximum"]:
                problems.append(f"query {name}={value} is above {schema['maximum']}")
            elif "minimum" in schema and int(value) < schema["minimum"]:
                problems.append(f"query {name}={value} is below {schema['minimum']}")
        elif kind == "string" and schema.get("format") == "date-time" and not _is_date_time(value):
            problems.append(f"query {name}={value!r} is not an ISO 8601 date-time")
        elif schema.get("$ref", "").endswith("/SnowflakeType") and not _SNOWFLAKE.match(value):
            problems.append(f"query {name}={value!r} is not a snowflake")
    return problems


def _is_date_time(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def error_tree(error: ValidationError) -> dict[str, Any]:
    """A Discord-style ``errors`` object (``{"embeds": {"0": {"title": {"_errors": [...]}}}}``)."""
    leaf: dict[str, Any] = {"_errors": [{"code": "BASE_TYPE_INVALID", "message": error.message[:300]}]}
    for part in reversed(list(error.absolute_path)):
        leaf = {str(part): leaf}
    return leaf


def describe(error: ValidationError) -> str:
    path = ".".join(str(p) for p in error.absolute_path) or "<body>"
    return f"{path}: {error.message[:300]}"


@functools.cache
def _response_validator(method: str, template: str, status: int) -> Draft202012Validator | None:
    operation = load_spec()["paths"].get(template, {}).get(method.lower())
    if operation is None or str(status) not in operation.get("responses", {}):
        return None
    response = operation["responses"][str(status)]
    if "application/json" not in response.get("content", {}):
        return None
    pointer = _pointer(
        "paths", template, method.lower(), "responses", str(status), "content", "application/json"
    )
    return Draft202012Validator({"$ref": f"{SPEC_URI}#{pointer}/schema"}, registry=_registry())


def response_problems(method: str, template: str, status: int, body: Any) -> list[str]:
    """How the stand-in's own answer departs from the spec's response schema for that status ([] when it
    conforms or the spec has none)."""
    if _response_validator(method, template, status) is None:
        return []
    text = _as_text(body)
    if text is None:
        return _response_problems(method, template, status, body)
    return list(_kept_response_problems(method, template, status, text))


@functools.lru_cache(maxsize=1024)
def _kept_response_problems(method: str, template: str, status: int, text: str) -> tuple[str, ...]:
    return tuple(_response_problems(method, template, status, json.loads(text)))


def _response_problems(method: str, template: str, status: int, body: Any) -> list[str]:
    validator = _response_validator(method, template, status)
    assert validator is not None
    return [describe(error) for error in validator.iter_errors(body)]
