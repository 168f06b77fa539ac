"""/who /aid /loans /brief /events /sources /help: parse the interaction, ask the domain, send pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.views import send_pages
from bot.briefs.answers import answer
from bot.briefs.lookup import UnknownBrief
from bot.briefs.models import Brief
from bot.briefs.quote import quote_choices
from bot.briefs.render import brief_date, shorten

if TYPE_CHECKING:
    from bot.app.client import Briefbot

MAX_CHOICES = 25
CHOICE_TEXT_LIMIT = 100  # Discord's limit on a choice's name and on an option's length
Choice = app_commands.Choice[str]
OptionalText = app_commands.Range[str, 1, CHOICE_TEXT_LIMIT]

BRIEF_HELP = "One article: its id, the start of its id or title (every article by default)"
SOURCES_BRIEF_HELP = "One article: its id, the start of its id or title (the most recently added by default)"
PRIVATE_HELP = "Only you see the answer"


class BriefTransformer(app_commands.Transformer["Briefbot"]):
    """The `brief` option: a brief's id, the start of its id or of its title; suggested as titles with dates.

    Passed on as typed (trimmed): what names no brief, or several, is answered by the domain, which says so
    and lists the closest.
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
        return [_choice(brief_choice_name(brief), brief.id) for brief in briefs]


BriefOption = app_commands.Transform[str, BriefTransformer]


def brief_choice_name(brief: Brief) -> str:
    """A brief as autocomplete offers it: its title, shortened to leave room for its date."""
    date = brief_date(brief)
    return f"{shorten(brief.title, CHOICE_TEXT_LIMIT - len(date) - 3)} · {date}"


def _choice(name: str, value: str) -> Choice:
    return app_commands.Choice(name=name[:CHOICE_TEXT_LIMIT], value=value[:CHOICE_TEXT_LIMIT])


def _choices(values: list[str]) -> list[Choice]:
    return [_choice(value, value) for value in values]


def _scope_of(interaction: discord.Interaction[Briefbot]) -> Brief | None:
    """The brief chosen so far in the command being typed, if it names one; else the whole library."""
    wanted = getattr(interaction.namespace, "brief", None)
    if not wanted:
        return None
    try:
        return interaction.client.library.resolve(str(wanted))
    except UnknownBrief:
        return None


async def name_autocomplete(interaction: discord.Interaction[Briefbot], current: str) -> list[Choice]:
    return _choices(interaction.client.library.people_names(current, _scope_of(interaction), MAX_CHOICES))


async def aid_country_autocomplete(interaction: discord.Interaction[Briefbot], current: str) -> list[Choice]:
    library = interaction.client.library
    return _choices(library.aid_countries(current, _scope_of(interaction), MAX_CHOICES))


async def loan_country_autocomplete(interaction: discord.Interaction[Briefbot], current: str) -> list[Choice]:
    library = interaction.client.library
    return _choices(library.loan_countries(current, _scope_of(interaction), MAX_CHOICES))


class BriefsCog(commands.Cog):
    """Questions about the loaded briefs."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    async def _answer(
        self, interaction: discord.Interaction[Briefbot], command: str, private: bool, **options: str | None
    ) -> None:
        given = {key: value for key, value in options.items() if value}
        pages = answer(command, self.bot.library, given)
        quotes = quote_choices(command, self.bot.library, given)
        await send_pages(
            interaction, pages, ephemeral=private, pager_timeout=self.bot.pager_timeout, quotes=quotes
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
    @app_commands.autocomplete(country=aid_country_autocomplete)
    async def aid(
        self,
        interaction: discord.Interaction[Briefbot],
        country: OptionalText | None = None,
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """Aid given, promised, asked for, refused or not given"""
        await self._answer(interaction, "aid", private, country=country, brief=brief)

    @app_commands.command()
    @app_commands.describe(country="A lender or borrower, e.g. Japan", brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(country=loan_country_autocomplete)
    async def loans(
        self,
        interaction: discord.Interaction[Briefbot],
        country: OptionalText | None = None,
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """Loans requested, made, or read as loans: lender, borrower, amount, status"""
        await self._answer(interaction, "loans", private, country=country, brief=brief)

    @app_commands.command()
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    async def brief(
        self,
        interaction: discord.Interaction[Briefbot],
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """The key points in the article's own words, with the counts and quotes"""
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
    @app_commands.describe(brief=SOURCES_BRIEF_HELP, private=PRIVATE_HELP)
    async def sources(
        self,
        interaction: discord.Interaction[Briefbot],
        brief: BriefOption | None = None,
        private: bool = False,
    ) -> None:
        """Where what you see comes from: the article, Briefbot's words, or the editor"""
        await self._answer(interaction, "sources", private, brief=brief)

    @app_commands.command()
    @app_commands.describe(private=PRIVATE_HELP)
    async def help(self, interaction: discord.Interaction[Briefbot], private: bool = False) -> None:
        """What Briefbot can answer"""  # about no article, so no `brief` option
        await self._answer(interaction, "help", private)
