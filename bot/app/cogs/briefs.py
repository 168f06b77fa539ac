"""/who /aid /loans /brief /events /sources /help: parse the interaction, ask the domain, send pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.embeds import send_pages
from bot.briefs.answers import answer
from bot.briefs.lookup import Library, UnknownBrief, countries
from bot.briefs.ranking import ranked

if TYPE_CHECKING:
    from bot.app.client import Briefbot


MAX_CHOICES = 25
Choice = app_commands.Choice[str]
OptionalText = app_commands.Range[str, 1, 100]

BRIEF_HELP = "Which brief to ask (the newest by default)"
PRIVATE_HELP = "Only you see the answer"


def _library(interaction: discord.Interaction[Any]) -> Library:
    library: Library = interaction.client.library
    return library


def _choices(values: list[str], current: str) -> list[Choice]:
    return [
        app_commands.Choice(name=v[:100], value=v[:100]) for v in ranked(current, values, limit=MAX_CHOICES)
    ]


async def brief_autocomplete(interaction: discord.Interaction[Any], current: str) -> list[Choice]:
    briefs = _library(interaction).brief_choices(current, MAX_CHOICES)
    return [app_commands.Choice(name=f"{b.title} ({b.added.isoformat()})"[:100], value=b.id) for b in briefs]


def _brief_of(interaction: discord.Interaction[Any]) -> Any:
    try:
        return _library(interaction).get(getattr(interaction.namespace, "brief", None))
    except UnknownBrief:
        return None


async def name_autocomplete(interaction: discord.Interaction[Any], current: str) -> list[Choice]:
    brief = _brief_of(interaction)
    return _choices([p.name for p in brief.people], current) if brief else []


async def country_autocomplete(interaction: discord.Interaction[Any], current: str) -> list[Choice]:
    brief = _brief_of(interaction)
    return _choices(countries(brief), current) if brief else []


class BriefsCog(commands.Cog):
    """Questions about the loaded briefs."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    async def _answer(
        self, interaction: discord.Interaction[Any], command: str, private: bool, **options: str | None
    ) -> None:
        given = {key: value for key, value in options.items() if value}
        pages = answer(command, self.bot.library, given)
        await send_pages(interaction, pages, ephemeral=private, pager_timeout=self.bot.pager_timeout)

    @app_commands.command(
        name="who", description="Who is involved: people in the article, their role and words"
    )
    @app_commands.describe(name="A name or part of one, e.g. bennett", brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(name=name_autocomplete, brief=brief_autocomplete)
    async def who(
        self,
        interaction: discord.Interaction[Any],
        name: OptionalText | None = None,
        brief: OptionalText | None = None,
        private: bool = False,
    ) -> None:
        await self._answer(interaction, "who", private, name=name, brief=brief)

    @app_commands.command(name="aid", description="Aid given, pledged, asked for or withheld")
    @app_commands.describe(
        country="A country on either side, e.g. Israel or US", brief=BRIEF_HELP, private=PRIVATE_HELP
    )
    @app_commands.autocomplete(country=country_autocomplete, brief=brief_autocomplete)
    async def aid(
        self,
        interaction: discord.Interaction[Any],
        country: OptionalText | None = None,
        brief: OptionalText | None = None,
        private: bool = False,
    ) -> None:
        await self._answer(interaction, "aid", private, country=country, brief=brief)

    @app_commands.command(
        name="loans", description="Loans made or requested: lender, borrower, amount, status"
    )
    @app_commands.describe(country="A lender or borrower, e.g. Japan", brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(country=country_autocomplete, brief=brief_autocomplete)
    async def loans(
        self,
        interaction: discord.Interaction[Any],
        country: OptionalText | None = None,
        brief: OptionalText | None = None,
        private: bool = False,
    ) -> None:
        await self._answer(interaction, "loans", private, country=country, brief=brief)

    @app_commands.command(name="brief", description="The summary and key points, in the article's own words")
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(brief=brief_autocomplete)
    async def brief(
        self, interaction: discord.Interaction[Any], brief: OptionalText | None = None, private: bool = False
    ) -> None:
        await self._answer(interaction, "brief", private, brief=brief)

    @app_commands.command(name="events", description="What happened, where, and when as the article says")
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(brief=brief_autocomplete)
    async def events(
        self, interaction: discord.Interaction[Any], brief: OptionalText | None = None, private: bool = False
    ) -> None:
        await self._answer(interaction, "events", private, brief=brief)

    @app_commands.command(name="sources", description="The article, its publisher, and how evidence is shown")
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(brief=brief_autocomplete)
    async def sources(
        self, interaction: discord.Interaction[Any], brief: OptionalText | None = None, private: bool = False
    ) -> None:
        await self._answer(interaction, "sources", private, brief=brief)

    @app_commands.command(name="help", description="What Briefbot can answer")
    @app_commands.describe(brief=BRIEF_HELP, private=PRIVATE_HELP)
    @app_commands.autocomplete(brief=brief_autocomplete)
    async def help(
        self, interaction: discord.Interaction[Any], brief: OptionalText | None = None, private: bool = False
    ) -> None:
        await self._answer(interaction, "help", private, brief=brief)
