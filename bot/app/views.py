"""Views: the page-turning buttons under long answers, the digest's persistent Who/Aid/Loans buttons, and
the Quote button under every answer and digest; `send_pages` answers an interaction with pages, the Pager
that walks them and the Quote button."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.app.embeds import to_embeds
from bot.briefs.answers import answer
from bot.briefs.models import Brief
from bot.briefs.quote import (
    MAX_MENU_OPTIONS,
    TEMPLATE,
    QuoteChoice,
    QuoteTarget,
    menu_placeholder,
    quote_choices,
    render_quote,
    target_for,
)
from bot.briefs.render import MessageData, brief_date, render_error, shorten

if TYPE_CHECKING:
    from bot.app.client import Briefbot

log = logging.getLogger(__name__)

# discord.py types the client of an interaction per call (a method-level ClientT), so mypy flags overrides
# that name the bot class; every interaction these views see is the Briefbot's, so those overrides say so.


class Pager(discord.ui.View):
    """Previous/Next over pages; only the member who asked can turn them, and they vanish on timeout."""

    def __init__(
        self,
        pages: Sequence[MessageData],
        *,
        owner_id: int,
        timeout: float,
        quote: QuoteTarget | None = None,
        quote_menu: Sequence[QuoteChoice] = (),
    ) -> None:
        super().__init__(timeout=timeout)
        self.pages = tuple(pages)
        self.owner_id = owner_id
        self.index = 0
        self.quote = quote
        self.quote_menu = tuple(quote_menu)
        self._origin: discord.Interaction[Briefbot] | None = None
        if quote is not None:
            self.add_item(_QuoteShown(quote))
        if self.quote_menu:
            self.add_item(_QuoteMenuShown(self.quote_menu))
        self._update_buttons()

    def attach(self, interaction: discord.Interaction[Briefbot]) -> None:
        """Remember the answered interaction, so the buttons can be removed when the view times out."""
        self._origin = interaction

    def _update_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.position.label = f"{self.index + 1}/{len(self.pages)}"

    async def interaction_check(  # type: ignore[override]  # the Briefbot's (see above)
        self, interaction: discord.Interaction[Briefbot]
    ) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can turn these pages. Run the command yourself for your own copy.",
            ephemeral=True,
        )
        return False

    async def _show(self, interaction: discord.Interaction[Briefbot], index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._update_buttons()
        page = self.pages[self.index]
        await interaction.response.edit_message(
            content=page.content or None, embeds=to_embeds(page), view=self
        )

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Briefbot], _button: discord.ui.Button[Pager]
    ) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(
        self, interaction: discord.Interaction[Briefbot], _button: discord.ui.Button[Pager]
    ) -> None:
        await interaction.response.defer()  # never enabled; here for completeness

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary)
    async def next(
        self, interaction: discord.Interaction[Briefbot], _button: discord.ui.Button[Pager]
    ) -> None:
        await self._show(interaction, self.index + 1)

    async def on_timeout(self) -> None:
        if self._origin is None:
            return
        kept = (
            quote_view(self.quote)
            if self.quote
            else quote_menu_view(self.quote_menu)
            if self.quote_menu
            else None
        )
        try:  # the page buttons go; the Quote button (or menu) stays, answered by QuoteButton (QuoteMenu)
            await self._origin.edit_original_response(view=kept)
        except discord.HTTPException as exc:  # the message may be gone, or the token expired
            log.debug("could not remove page buttons after timeout: %s", exc)


async def send_pages(
    interaction: discord.Interaction[Briefbot],
    pages: Sequence[MessageData],
    *,
    ephemeral: bool,
    pager_timeout: float,
    quote: QuoteTarget | None = None,
    quotes: Sequence[QuoteChoice] = (),
) -> None:
    """Answer `interaction` with the first page; a Pager walks the rest, for the invoker only. With `quote`
    (or one of `quotes`), a Quote button shows the answer's evidence in full; with several `quotes` (an answer
    drawn from several articles), a Quote menu offers each article's."""
    if quote is None and len(quotes) == 1:
        quote = quotes[0].target
    menu = quotes if quote is None and len(quotes) > 1 else ()
    if len(pages) == 1:
        view = quote_view(quote) if quote else quote_menu_view(menu) if menu else discord.utils.MISSING
        await _respond(interaction, pages[0], ephemeral=ephemeral, view=view)
        return
    pager = Pager(pages, owner_id=interaction.user.id, timeout=pager_timeout, quote=quote, quote_menu=menu)
    await _respond(interaction, pages[0], ephemeral=ephemeral, view=pager)
    pager.attach(interaction)


async def _respond(
    interaction: discord.Interaction[Briefbot],
    page: MessageData,
    *,
    ephemeral: bool,
    view: discord.ui.View = discord.utils.MISSING,
) -> None:
    embeds = to_embeds(page)
    if interaction.response.is_done():
        await interaction.followup.send(
            page.content or discord.utils.MISSING, embeds=embeds, ephemeral=ephemeral, view=view, wait=False
        )
    else:
        await interaction.response.send_message(
            page.content or None, embeds=embeds, ephemeral=ephemeral, view=view
        )


DIGEST_BUTTONS = (("who", "Who"), ("aid", "Aid"), ("loans", "Loans"))
MAX_BRIEF_ROWS = 5  # Discord allows five rows of buttons under a message
CUSTOM_ID_LIMIT = 100  # Discord's limit for a component's custom_id
_BRIEF_ID = r"(?P<brief_id>[a-z0-9][a-z0-9-]{0,63})"
# The row's marker (its nonce) rides in every button of a posted digest: the bot's own mark, found again
# in the channel's history after a lost answer. `bb:loans:<64-character id>:<25-character nonce>` is 99.
_MARKER = r"(?::(?P<marker>[0-9A-Za-z]{1,25}))?"
DIGEST_TEMPLATE = rf"bb:(?P<command>who|aid|loans):{_BRIEF_ID}{_MARKER}$"
LEGACY_DIGEST_TEMPLATE = rf"briefbot:digest:(?P<command>who|aid|loans):{_BRIEF_ID}$"


def digest_custom_id(command: str, brief_id: str, marker: str | None) -> str:
    custom_id = f"bb:{command}:{brief_id}" + (f":{marker}" if marker else "")
    if len(custom_id) > CUSTOM_ID_LIMIT:
        raise ValueError(f"custom_id over {CUSTOM_ID_LIMIT} characters: {custom_id!r}")
    return custom_id


def digest_marker(custom_id: str) -> str | None:
    """The delivery marker a digest button carries, or None (a preview's, or one from before markers)."""
    match = re.match(DIGEST_TEMPLATE, custom_id)
    return match["marker"] if match else None


def is_digest_button(custom_id: str) -> bool:
    return (
        re.match(DIGEST_TEMPLATE, custom_id) is not None
        or re.match(LEGACY_DIGEST_TEMPLATE, custom_id) is not None
    )


_Rebuild = Callable[[discord.ui.Item[Any], re.Match[str]], discord.ui.DynamicItem[Any]]


def _rebuilt_by(rebuild: _Rebuild) -> Any:
    """A DynamicItem's `from_custom_id`: the button rebuilt from its custom_id alone (what a restart leaves)."""

    async def from_custom_id(
        cls: type,
        interaction: discord.Interaction[Briefbot],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> discord.ui.DynamicItem[Any]:
        return rebuild(item, match)

    return classmethod(from_custom_id)


class DigestButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=DIGEST_TEMPLATE,
):
    """Who / Aid / Loans under a digest. The custom_id carries the question, so a press is answered even
    after the bot restarts, for any digest it ever posted; and, on a posted digest, its row's marker."""

    def __init__(
        self, command: str, brief_id: str, label: str, row: int | None = None, *, marker: str | None = None
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=digest_custom_id(command, brief_id, marker),
                row=row,
            )
        )
        self.command = command
        self.brief_id = brief_id

    from_custom_id = _rebuilt_by(lambda item, match: _pressed(item, match))

    async def callback(  # type: ignore[override]  # the Briefbot's (see above)
        self, interaction: discord.Interaction[Briefbot]
    ) -> None:
        bot = interaction.client
        options = {"brief": self.brief_id}
        pages = answer(self.command, bot.library, options)
        quotes = quote_choices(self.command, bot.library, options)  # a menu of parts when they fit no button
        await send_pages(interaction, pages, ephemeral=True, pager_timeout=bot.pager_timeout, quotes=quotes)


QUOTE_LABEL = "Quote"


class QuoteButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=TEMPLATE):
    """Quote: the answer's facts in full, privately, with their sentences and paragraphs. The custom_id names
    the brief, its content version and the items, so a press is answered after a restart, from any message."""

    def __init__(self, target: QuoteTarget, row: int | None = None) -> None:
        super().__init__(_quote_button(target, row))
        self.target = target

    from_custom_id = _rebuilt_by(
        lambda item, match: QuoteButton(
            QuoteTarget(match["brief_id"], match["version"], match["items"]), item.row
        )
    )

    async def callback(  # type: ignore[override]  # the Briefbot's (see above)
        self, interaction: discord.Interaction[Briefbot]
    ) -> None:
        bot = interaction.client
        pages = render_quote(bot.library, self.target)
        await send_pages(interaction, pages, ephemeral=True, pager_timeout=bot.pager_timeout)


QUOTE_MENU_ID = "bq-menu"  # one menu per message; each option's value is a Quote button's custom_id
MENU_TEXT_LIMIT = 100  # an option's label, value and description
MENU_PLACEHOLDER_LIMIT = 150


def quote_menu(choices: Sequence[QuoteChoice]) -> discord.ui.Select[discord.ui.View]:
    """The Quote menu: one option per article of the answer (newest first, the first 25), each naming its
    facts as a Quote button would (`bq:<brief>:<version>:<items>`, at most 100 characters); an article whose
    facts fit no one custom_id has an option per part ("Facts 1–30 of 45: <headline>")."""
    shown = choices[:MAX_MENU_OPTIONS]
    return discord.ui.Select(
        custom_id=QUOTE_MENU_ID,
        placeholder=menu_placeholder(choices)[:MENU_PLACEHOLDER_LIMIT],
        options=[
            discord.SelectOption(
                label=shorten(
                    f"{choice.part}: {choice.brief.title}" if choice.part else choice.brief.title,
                    MENU_TEXT_LIMIT,
                ),
                value=choice.target.custom_id,
                description=shorten(f"{brief_date(choice.brief)} · brief {choice.brief.id}", MENU_TEXT_LIMIT),
            )
            for choice in shown
        ],
    )


class QuoteMenu(discord.ui.DynamicItem[discord.ui.Select[discord.ui.View]], template=QUOTE_MENU_ID):
    """The Quote menu under an answer drawn from several articles: the chosen article's facts in full,
    privately. Each option carries a Quote button's custom_id, so a choice is answered after a restart."""

    def __init__(self, select: discord.ui.Select[discord.ui.View]) -> None:
        super().__init__(select)

    from_custom_id = _rebuilt_by(
        lambda item, match: QuoteMenu(
            discord.ui.Select(
                custom_id=QUOTE_MENU_ID,
                options=list(item.options) if isinstance(item, discord.ui.Select) else [],
            )
        )
    )

    async def callback(  # type: ignore[override]  # the Briefbot's (see above)
        self, interaction: discord.Interaction[Briefbot]
    ) -> None:
        bot = interaction.client
        chosen = re.fullmatch(TEMPLATE, self.item.values[0]) if self.item.values else None
        if chosen is None:
            pages: Sequence[MessageData] = [render_error("That choice names no facts to quote.")]
        else:
            target = QuoteTarget(chosen["brief_id"], chosen["version"], chosen["items"])
            pages = render_quote(bot.library, target)
        await send_pages(interaction, pages, ephemeral=True, pager_timeout=bot.pager_timeout)


class LegacyDigestButton(DigestButton, template=LEGACY_DIGEST_TEMPLATE):
    """The buttons of digests posted before markers (`briefbot:digest:who:<brief>`): still answered, by a
    DigestButton (`from_custom_id` is inherited)."""


def _pressed(item: discord.ui.Item[Any], match: re.Match[str]) -> DigestButton:
    label = item.label if isinstance(item, discord.ui.Button) and item.label else match["command"]
    return DigestButton(match["command"], match["brief_id"], label)


def _quote_button(target: QuoteTarget, row: int | None = None) -> discord.ui.Button[discord.ui.View]:
    return discord.ui.Button(
        label=QUOTE_LABEL, style=discord.ButtonStyle.primary, custom_id=target.custom_id, row=row
    )


class _QuoteShown(discord.ui.Button[Pager]):
    """The Quote button inside a Pager. Shown by the pager, answered by QuoteButton alone: a dynamic item kept
    in a view would be dropped from the client's registry when the view stops (discord.py's ViewStore)."""

    def __init__(self, target: QuoteTarget) -> None:
        super().__init__(label=QUOTE_LABEL, style=discord.ButtonStyle.primary, custom_id=target.custom_id)

    def is_dispatchable(self) -> bool:
        return False


class _QuoteMenuShown(discord.ui.Select[Pager]):
    """The Quote menu inside a Pager, below its buttons; answered by QuoteMenu alone (see _QuoteShown)."""

    def __init__(self, choices: Sequence[QuoteChoice]) -> None:
        menu = quote_menu(choices)
        super().__init__(custom_id=QUOTE_MENU_ID, placeholder=menu.placeholder, options=menu.options, row=1)

    def is_dispatchable(self) -> bool:
        return False


def quote_menu_view(choices: Sequence[QuoteChoice]) -> discord.ui.View:
    """A lone Quote menu; stopped at once, since QuoteMenu's template routes its choices."""
    view = discord.ui.View(timeout=None)
    view.add_item(QuoteMenu(quote_menu(choices)))
    view.stop()
    return view


def quote_view(target: QuoteTarget) -> discord.ui.View:
    """A lone Quote button; stopped at once, since QuoteButton's template routes its presses."""
    view = discord.ui.View(timeout=None)
    view.add_item(QuoteButton(target))
    view.stop()
    return view


def digest_view(briefs: Sequence[Brief], *, marker: str | None = None) -> discord.ui.View:
    """A row of Who / Aid / Loans / Quote per brief, Who / Aid / Loans carrying `marker` (the delivery's nonce)
    when given. Stopped at once: presses are routed by the buttons' templates, so no view needs to be kept in
    memory per posted message."""
    view = discord.ui.View(timeout=None)
    several = len(briefs) > 1
    for row, brief in enumerate(briefs[:MAX_BRIEF_ROWS]):
        for command, label in DIGEST_BUTTONS:
            text = f"{label}: {brief.title}" if several else label
            view.add_item(DigestButton(command, brief.id, text[:80], row=row, marker=marker))
        target = target_for(brief, [f"key_points[{i}]" for i in range(len(brief.key_points))])
        if target is not None:
            view.add_item(QuoteButton(target, row=row))
    view.stop()
    return view
