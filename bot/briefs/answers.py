"""The answer to each slash command, as pages of message data.

The one path from a question to an answer (lookup, then render) that both the Discord cog and
`briefbot preview` walk, so that what is previewed is what users see.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.briefs import render
from bot.briefs.facts import escape_markdown
from bot.briefs.lookup import Library, UnknownBrief
from bot.briefs.models import Brief
from bot.briefs.render import MessageData, shorten


@dataclass(frozen=True)
class CommandSpec:
    """A command's options (besides `brief` and `private`) and its answer."""

    options: tuple[str, ...]
    answer: Callable[[Library, Mapping[str, str]], list[MessageData]]


def unknown_brief_text(missing: UnknownBrief) -> str:
    """What a member reads when `brief` names no loaded brief, or several."""
    if not missing.brief_id:
        return render.NO_BRIEFS
    asked = escape_markdown(shorten(missing.brief_id, 100))
    shown = ", ".join(f"“{b.title}” (brief {b.id})" for b in missing.suggestions[:5])
    if missing.ambiguous:
        return f"“{asked}” could be several briefs: {shown}. Type more of it, or pick one from the list."
    if shown:
        return f"No brief's id or title starts with “{asked}”. The closest: {shown}."
    return f"No brief's id or title starts with “{asked}”. Leave `brief` out, or pick one from the list."


Scope = Brief | None


def _scope(library: Library, options: Mapping[str, str], *, default_newest: bool) -> Scope | MessageData:
    """The brief `brief` names (None: the whole library, or the newest with `default_newest`), or the error."""
    wanted = (options.get("brief") or "").strip()
    if not wanted and not default_newest:
        return None
    try:
        return library.get(wanted or None)
    except UnknownBrief as missing:
        return render.render_error(unknown_brief_text(missing))


def _scoped(
    body: Callable[[Library, Scope, Mapping[str, str]], list[MessageData]], *, default_newest: bool = False
) -> Callable[[Library, Mapping[str, str]], list[MessageData]]:
    def answer(library: Library, options: Mapping[str, str]) -> list[MessageData]:
        scope = _scope(library, options, default_newest=default_newest)
        if isinstance(scope, MessageData):
            return [scope]
        return body(library, scope, options)

    return answer


def _newest(
    body: Callable[[Library, Brief], list[MessageData]],
) -> Callable[[Library, Mapping[str, str]], list[MessageData]]:
    def answer(library: Library, scope: Scope, _options: Mapping[str, str]) -> list[MessageData]:
        assert scope is not None  # default_newest: a brief, or the error already answered
        return body(library, scope)

    return _scoped(answer, default_newest=True)


COMMANDS: dict[str, CommandSpec] = {
    "who": CommandSpec(
        ("name",), _scoped(lambda lib, b, o: render.render_people(lib.people(o.get("name"), b)))
    ),
    "aid": CommandSpec(
        ("country",), _scoped(lambda lib, b, o: render.render_aid(lib.aid(o.get("country"), b)))
    ),
    "loans": CommandSpec(
        ("country",), _scoped(lambda lib, b, o: render.render_loans(lib.loans(o.get("country"), b)))
    ),
    "brief": CommandSpec(
        (), _scoped(lambda lib, b, _o: render.render_briefs([b] if b is not None else lib.by_article_date))
    ),
    "events": CommandSpec((), _scoped(lambda lib, b, _o: render.render_events(lib.events(b)))),
    "sources": CommandSpec((), _newest(lambda lib, b: render.render_sources(lib.by_article_date, b))),
    "help": CommandSpec((), lambda _lib, _o: render.render_help()),
    "digest": CommandSpec((), _newest(lambda _lib, b: [render.render_digest([b])])),
}


ANSWER_CACHE_SIZE = 2048
AnswerKey = tuple[str, tuple[tuple[str, str], ...]]
Pages = tuple[MessageData, ...]
# Per library: briefs never change once loaded, so neither do their answers; a new library starts afresh.
_answers: weakref.WeakKeyDictionary[Library, dict[AnswerKey, Pages]] = weakref.WeakKeyDictionary()


def answer(command: str, library: Library, options: Mapping[str, str] | None = None) -> Pages:
    """The pages the bot answers to `/command` with these options; KeyError for an unknown command.

    Answers are kept per library (bounded) and shared: pages are immutable, down to their embeds' fields.
    """
    spec = COMMANDS[command]
    key: AnswerKey = (command, tuple(sorted((options or {}).items())))
    cache = _answers.setdefault(library, {})
    pages = cache.get(key)
    if pages is None:
        if len(cache) >= ANSWER_CACHE_SIZE:
            cache.clear()  # typed-in names are unbounded; the common questions refill at once
        pages = cache[key] = tuple(spec.answer(library, options or {}))
    return pages
