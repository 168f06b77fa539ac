"""Discord limits that its OpenAPI description does not state (or states wrongly).

Each function returns human-readable problems; an empty list means the payload is acceptable.
"""

from __future__ import annotations

from typing import Any

MAX_CONTENT = 2000  # the spec says 4000; Discord answers 50035 above 2000 for bots
MAX_EMBEDS = 10
MAX_EMBED_TOTAL = 6000
MAX_CHOICES = 25
MAX_OPTIONS = 25

CHAT_INPUT = 1


def message_problems(body: Any) -> list[str]:
    """Content length, embed count and the 6,000-character total across a message's embeds."""
    if not isinstance(body, dict):
        return []
    problems = []
    content = body.get("content")
    if isinstance(content, str) and len(content) > MAX_CONTENT:
        problems.append(f"content: {len(content)} characters, more than {MAX_CONTENT}")
    problems += allowed_mentions_problems(body.get("allowed_mentions"))
    embeds = body.get("embeds") or []
    if isinstance(embeds, list):
        if len(embeds) > MAX_EMBEDS:
            problems.append(f"embeds: {len(embeds)} embeds, more than {MAX_EMBEDS}")
        total = sum(embed_characters(e) for e in embeds if isinstance(e, dict))
        if total > MAX_EMBED_TOTAL:
            problems.append(f"embeds: {total} characters in all, more than {MAX_EMBED_TOTAL}")
    return problems


def allowed_mentions_problems(allowed: Any) -> list[str]:
    """Discord: "parse: ["users"] and users: [ids] are mutually exclusive" (the same for roles): a 400."""
    if not isinstance(allowed, dict):
        return []
    parse = allowed.get("parse") or []
    return [
        f"allowed_mentions: parse {kind!r} and a {kind} list are mutually exclusive"
        for kind in ("users", "roles")
        if kind in parse and allowed.get(kind)
    ]


def embed_characters(embed: dict[str, Any]) -> int:
    """Characters that count towards the 6,000 total: title, description, fields, footer, author."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    for f in embed.get("fields") or []:
        total += len(f.get("name") or "") + len(f.get("value") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    return total


def valid_name(name: Any) -> bool:
    """``^[-_\\p{L}\\p{N}]{1,32}$`` in lower case (Python's ``re`` has no ``\\p{L}``)."""
    return (
        isinstance(name, str)
        and 1 <= len(name) <= 32
        and all(ch in "-_" or ch.isalnum() for ch in name)
        and name == name.lower()
    )


def command_problems(commands: Any) -> list[str]:
    """Names, descriptions, option and choice counts of a bulk-overwritten command list."""
    if not isinstance(commands, list):
        return []
    problems = []
    seen: set[tuple[int, str]] = set()
    for command in commands:
        if not isinstance(command, dict):
            continue
        kind = command.get("type", CHAT_INPUT)
        name = command.get("name")
        key = (kind, str(name))
        if key in seen:
            problems.append(f"command {name!r}: duplicate name")
        seen.add(key)
        if kind == CHAT_INPUT:
            problems += _described(f"command {name!r}", command)
            problems += _options_problems(f"command {name!r}", command.get("options") or [])
        elif not isinstance(name, str) or not 1 <= len(name) <= 32:
            problems.append(f"context menu {name!r}: name must be 1-32 characters")
    return problems


def _described(where: str, item: dict[str, Any]) -> list[str]:
    problems = []
    if not valid_name(item.get("name")):
        problems.append(f"{where}: name must match ^[-_\\p{{L}}\\p{{N}}]{{1,32}}$ in lower case")
    description = item.get("description")
    if not isinstance(description, str) or not 1 <= len(description) <= 100:
        problems.append(f"{where}: description must be 1-100 characters")
    return problems


def _options_problems(where: str, options: list[Any]) -> list[str]:
    problems = []
    if len(options) > MAX_OPTIONS:
        problems.append(f"{where}: {len(options)} options, more than {MAX_OPTIONS}")
    required_done = False
    for option in options:
        if not isinstance(option, dict):
            continue
        here = f"{where} option {option.get('name')!r}"
        problems += _described(here, option)
        choices = option.get("choices") or []
        if len(choices) > MAX_CHOICES:
            problems.append(f"{here}: {len(choices)} choices, more than {MAX_CHOICES}")
        if choices and option.get("autocomplete"):
            problems.append(f"{here}: autocomplete and choices are exclusive")
        if option.get("required"):
            if required_done:
                problems.append(f"{here}: required options must come before optional ones")
        elif option.get("type") not in (1, 2):
            required_done = True
        problems += _options_problems(here, option.get("options") or [])
    return problems


def autocomplete_problems(body: Any) -> list[str]:
    choices = ((body or {}).get("data") or {}).get("choices") or []
    if len(choices) > MAX_CHOICES:
        return [f"autocomplete: {len(choices)} choices, more than {MAX_CHOICES}"]
    return []
