"""The answer to each slash command, as pages of message data.

The one path from a question to an answer (lookup, then render) that both the Discord cog and
`briefbot preview` walk, so that what is previewed is what users see.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.briefs import render
from bot.briefs.lookup import Library, UnknownBrief, find_aid, find_loans, find_people
from bot.briefs.models import Brief
from bot.briefs.render import MessageData


@dataclass(frozen=True)
class CommandSpec:
    """A command's options (besides `brief` and `private`) and its answer."""

    options: tuple[str, ...]
    answer: Callable[[Library, Mapping[str, str]], list[MessageData]]


def _brief_or_error(library: Library, options: Mapping[str, str]) -> Brief | list[MessageData]:
    try:
        return library.get(options.get("brief"))
    except UnknownBrief as missing:
        if not missing.brief_id:
            return [render.render_error("No briefs are loaded yet. An editor can add one under briefs/.")]
        hint = f" Did you mean {', '.join(missing.suggestions)}?" if missing.suggestions else ""
        return [render.render_error(f"There is no brief called “{missing.brief_id}”.{hint}")]


def _with_brief(
    body: Callable[[Brief, Library, Mapping[str, str]], list[MessageData]],
) -> Callable[[Library, Mapping[str, str]], list[MessageData]]:
    def answer(library: Library, options: Mapping[str, str]) -> list[MessageData]:
        brief = _brief_or_error(library, options)
        if isinstance(brief, list):
            return brief
        return body(brief, library, options)

    return answer


COMMANDS: dict[str, CommandSpec] = {
    "who": CommandSpec(
        ("name",), _with_brief(lambda b, _l, o: render.render_people(find_people(b, o.get("name"))))
    ),
    "aid": CommandSpec(
        ("country",), _with_brief(lambda b, _l, o: render.render_aid(find_aid(b, o.get("country"))))
    ),
    "loans": CommandSpec(
        ("country",), _with_brief(lambda b, _l, o: render.render_loans(find_loans(b, o.get("country"))))
    ),
    "brief": CommandSpec((), _with_brief(lambda b, _l, _o: render.render_brief(b))),
    "events": CommandSpec((), _with_brief(lambda b, _l, _o: render.render_events(b))),
    "sources": CommandSpec((), _with_brief(lambda b, lib, _o: render.render_sources(lib.briefs, b))),
    "help": CommandSpec((), lambda lib, _o: render.render_help(lib.newest)),
    "digest": CommandSpec((), _with_brief(lambda b, _l, _o: [render.render_digest([b])])),
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
