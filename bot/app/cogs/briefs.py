"""/who /aid /loans /brief /events /sources /help: parse the interaction, ask the domain, send pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.views import send_pages
from bot.briefs.answers import answer
from bot.briefs.lookup import UnknownBrief, countries
from bot.briefs.models import Brief
from bot.briefs.quote import quote_target
from bot.briefs.ranking import ranked

if TYPE_CHECKING:
    from bot.app.client import Briefbot

MAX_CHOICES = 25
CHOICE_TEXT_LIMIT = 100  # Discord's limit on a choice's name and on an option's length
Choice = app_commands.Choice[str]
OptionalText = app_commands.Range[str, 1, CHOICE_TEXT_LIMIT]

BRIEF_HELP = "Which brief to ask (the newest by default)"
PRIVATE_HELP = "Only you see the answer"


class BriefTransformer(app_commands.Transformer["Briefbot"]):
    """The `brief` option: a brief id, suggested from the loaded briefs by id or title.

    The id is passed on as typed (trimmed): one that names no brief is answered by the domain, which says so
    and suggests the nearest ids.
    """

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return CHOICE_TEXT_LIMIT

    async def transform(self, interaction: discord.Interaction[Briefbot], value: str, /) -> str:
        return value.strip()

    async def autocomplete(  # type: ignore[override]  # a string option: its values are strings
        self, interaction: discord.Interaction[Briefbot], value: str, /
    ) -> list[Choice]:
        briefs = interaction.client.library.brief_choices(value, MAX_CHOICES)
        return [_choice(f"{b.title} ({b.added.isoformat()})", b.id) for b in briefs]


BriefOption = app_commands.Transform[str, BriefTransformer]


def _choice(name: str, value: str) -> Choice:
    return app_commands.Choice(name=name[:CHOICE_TEXT_LIMIT], value=value[:CHOICE_TEXT_LIMIT])


def _choices(values: list[str], current: str) -> list[Choice]:
    return [_choice(value, value) for value in ranked(current, values, limit=MAX_CHOICES)]


def _brief_of(interaction: discord.Interaction[Briefbot]) -> Brief | None:
    """The brief chosen so far in the command being typed (the newest when none is), if it is loaded."""
    try:
        return interaction.client.library.get(getattr(interaction.namespace, "brief", None))
    except UnknownBrief:
        return None


async def name_autocomplete(interaction: discord.Interaction[Briefbot], current: str) -> list[Choice]:
    brief = _brief_of(interaction)
    return _choices([p.name for p in brief.people], current) if brief else []


async def country_autocomplete(interaction: discord.Interaction[Briefbot], current: str) -> list[Choice]:
    brief = _brief_of(interaction)
    return _choices(countries(brief), current) if brief else []


class BriefsCog(commands.Cog):
    """Questions about the loaded briefs."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    async def _answer(
        self, interaction: discord.Interaction[Briefbot], command: str, private: bool, **options: str | None
    ) -> None:
        given = {key: value for key, value in options.items() if value}
        pages = answer(command, self.bot.library, given)
        quote = quote_target(command, self.bot.library, given)
        await send_pages(
            interaction, pages, ephemeral=private, pager_timeout=self.bot.pager_timeout, quote=quote
        )

    @app_commands.command()
    @app_commands.describe(name="A name or part of one, e.g. bennett", brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(name=name_autocomplete)
    async def who(
        self,
        interaction: discord.Interaction[Briefbot],
        name: OptionalText | None = None,
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """Who is involved: people in the article, their role and words"""
        await self._answer(interaction, "who", private, name=name, brief=brief)

    @app_commands.command()
    @app_commands.describe(
        country="A country on either side, e.g. Israel or US", brief=BRIEF_HELP, private=PRIVATE_HELP
    )
    @app_commands.autocomplete(country=country_autocomplete)
    async def aid(
        self,
        interaction: discord.Interaction[Briefbot],
        country: OptionalText | None = None,
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """Aid given, pledged, asked for or withheld"""
        await self._answer(interaction, "aid", private, country=country, brief=brief)

    @app_commands.command()
    @app_commands.describe(country="A lender or borrower, e.g. Japan", brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(country=country_autocomplete)
    async def loans(
        self,
        interaction: discord.Interaction[Briefbot],
        country: OptionalText | None = None,
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """Loans made or requested: lender, borrower, amount, status"""
        await self._answer(interaction, "loans", private, country=country, brief=brief)

    @app_commands.command()
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    async def brief(
        self,
        interaction: discord.Interaction[Briefbot],
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """The summary and key points, in the article's own words"""
        await self._answer(interaction, "brief", private, brief=brief)

    @app_commands.command()
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    async def events(
        self,
        interaction: discord.Interaction[Briefbot],
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """What happened, where, and when as the article says"""
        await self._answer(interaction, "events", private, brief=brief)

    @app_commands.command()
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    async def sources(
        self,
        interaction: discord.Interaction[Briefbot],
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """The article, its publisher, and how evidence is shown"""
        await self._answer(interaction, "sources", private, brief=brief)

    @app_commands.command()
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    async def help(
        self,
        interaction: discord.Interaction[Briefbot],
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """What Briefbot can answer"""
        await self._answer(interaction, "help", private, brief=brief)
