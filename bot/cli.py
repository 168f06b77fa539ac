"""`briefbot`: run | check | new | preview | status | migrate-db | invite. Argument parsing and exit codes, nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

if TYPE_CHECKING:
    from bot.briefs.lookup import Library
    from bot.settings import DigestPreviewSettings, LibrarySettings, Settings, StatusSettings, TokenSettings

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


_Kind = TypeVar(
    "_Kind", "LibrarySettings", "DigestPreviewSettings", "StatusSettings", "TokenSettings", "Settings"
)


def _settings_or_exit(kind: type[_Kind]) -> _Kind:
    # Imported here: pydantic-settings is a tenth of a second that `briefbot check --briefs … --seeds …` and
    # `briefbot invite --client-id …` never need.
    from bot.settings import SettingsError, load_settings

    try:
        return load_settings(kind)
    except SettingsError as exc:
        print("briefbot: invalid settings (environment or .env):", file=sys.stderr)
        for line in exc.lines:
            print(f"  - {line}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None


def _dirs(args: argparse.Namespace) -> tuple[Path, Path]:
    if args.briefs is not None and args.seeds is not None:
        return args.briefs, args.seeds
    from bot.settings import LibrarySettings

    settings = _settings_or_exit(LibrarySettings)  # only the folders: a bad digest setting is run's business
    return args.briefs or settings.briefs_dir, args.seeds or settings.seeds_dir


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _today() -> date:
    """The editor's local date: what `added` dates are written in."""
    return datetime.now(UTC).astimezone().date()


def cmd_check(args: argparse.Namespace) -> int:
    from bot.briefs.loader import collector_paused

    # Paused until the report is printed and the library dropped: re-enabled while a thousand loaded briefs
    # are alive, the collector would walk them all once, for nothing.
    with collector_paused():
        return _check(args)


def _check(args: argparse.Namespace) -> int:
    from bot.briefs.loader import load_library

    briefs_dir, seeds_dir = _dirs(args)
    result = load_library(
        briefs_dir, seeds_dir, workers=usable_cores(), content_versions=False, indexed=False
    )
    files = sorted(briefs_dir.glob("*.toml")) if briefs_dir.is_dir() else []
    if not files:
        for error in result.errors:
            print(error)
        print(f"no briefs found in {briefs_dir} (expected *.toml files)", file=sys.stderr)
        return EXIT_ERRORS
    warnings = result.warnings(_today())
    refused = 0
    for path in files:
        errors = [error for error in result.errors if error.file == path]
        cautions = [warning for warning in warnings if warning.file == path]
        brief = result.files.get(path)
        if errors:
            refused += 1
            print(f"{path}: refused, {_plural(len(errors), 'error')}")
        else:
            noted = f", {_plural(len(cautions), 'warning')}" if cautions else ""
            print(f"{path}: ok{noted} (brief {brief.id if brief else '?'})")
        for error in errors:
            print(f"  {error}")
        for warning in cautions:
            print(f"  warning: {warning.item}: {warning.problem}")
    print(
        f"{_plural(len(files), 'brief')}: {len(files) - refused} ok, {refused} refused, "
        f"{_plural(len(warnings), 'warning')}"
    )
    if refused:
        return EXIT_ERRORS
    if args.coverage:
        for brief in result.library.briefs:
            if brief.proof is not None:
                print(f"\n{brief.id}: " + "\n".join(brief.proof.coverage()))
    return EXIT_OK


def usable_cores() -> int:
    import os

    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return len(usable) if usable else os.cpu_count() or 1


def cmd_new(args: argparse.Namespace) -> int:
    from bot.briefs.article import Article
    from bot.briefs.skeleton import brief_id_for, skeleton

    article_path: Path = args.article
    briefs_dir, seeds_dir = _dirs(args)
    try:
        raw = article_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"briefbot new: cannot read the article {article_path}: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    brief_id = args.id or brief_id_for(article_path.name)
    if brief_id_for(brief_id) != brief_id:
        print(
            f"briefbot new: --id {brief_id!r} is not a brief id: lower-case letters, digits and hyphens, "
            f"at most 64 (e.g. {brief_id_for(brief_id)!r})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    target = briefs_dir / f"{brief_id}.toml"
    taken = _file_with_id(briefs_dir, brief_id)
    if taken is not None and taken != target:
        print(
            f"briefbot new: the brief id {brief_id!r} is already used by {taken}; nothing was written "
            "(give another with --id)",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    article = Article(article_path.name, raw)
    if not article.paragraphs:
        print(f"briefbot new: the article {article_path} is empty; nothing was written", file=sys.stderr)
        return EXIT_ERRORS
    made = skeleton(article, brief_id, _today(), str(article_path))
    try:
        briefs_dir.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as out:  # "x": never over an existing brief
            out.write(made.text)
    except FileExistsError:
        print(
            f"briefbot new: {target} already exists and was left unchanged; edit it, or remove it first",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    except OSError as exc:
        print(f"briefbot new: cannot write {target}: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    print(
        f"wrote {target}: {_plural(made.candidates, 'candidate item')} from {made.sentences} sentences, "
        "each commented out with its sentence as evidence; keep, fix or delete them, then run briefbot check"
    )
    if article_path.resolve().parent != seeds_dir.resolve():
        print(
            f"note: the brief names its article by file name; copy {article_path} into {seeds_dir} "
            "(byte for byte) before checking",
            file=sys.stderr,
        )
    return EXIT_OK


def _file_with_id(briefs_dir: Path, brief_id: str) -> Path | None:
    """The brief file already declaring `id = brief_id`, if any (refused files included)."""
    import tomli

    for path in sorted(briefs_dir.glob("*.toml")) if briefs_dir.is_dir() else []:
        if path.stem == brief_id:
            return path
        try:
            declared = tomli.loads(path.read_text(encoding="utf-8")).get("id")
        except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError):
            continue
        if declared == brief_id:
            return path
    return None


def cmd_preview(args: argparse.Namespace) -> int:
    from bot.briefs.answers import COMMANDS, answer
    from bot.briefs.quote import menu_placeholder, quote_choices, render_quote
    from bot.briefs.render import LIBRARY_ORDER, pages_text

    # `briefbot preview quote who name=bennett`: what the Quote button under that answer shows
    quoting = args.command == "quote"
    command, pairs = (
        (args.options[0], args.options[1:]) if quoting and args.options else (args.command, args.options)
    )
    name = f"quote {command}" if quoting else command
    if command == "digest" and not quoting:
        return _preview_digest(args, pairs)
    spec = COMMANDS.get(command)
    if spec is None:
        print(
            f"briefbot preview: unknown command {name!r}; one of: {', '.join(COMMANDS)}, or quote <command>",
            file=sys.stderr,
        )
        return EXIT_USAGE
    options: dict[str, str] = {}
    allowed = {*spec.options, "brief", "private"}
    for pair in pairs:
        key, value = _option(pair)
        if key not in allowed or (key == "private" and value.casefold() not in ("true", "false")):
            wanted = ", ".join(f"{name}=..." for name in sorted(allowed - {"private"}))
            print(
                f"briefbot preview {name}: expected {wanted} or private=True (name:value works too), "
                f"got {pair!r}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        if key != "private":  # private changes who sees the answer in Discord, not what it says
            options[key] = value
    library = _preview_library(*_dirs(args))
    if library is None:
        return EXIT_ERRORS
    if not quoting:
        print(pages_text(answer(command, library, options)))
        return EXIT_ERRORS if _names_no_brief(library, options.get("brief")) else EXIT_OK
    choices = quote_choices(command, library, options)
    if not choices:
        print(
            f"briefbot preview {name}: that answer has no Quote button (no facts to quote)", file=sys.stderr
        )
        return EXIT_ERRORS
    if len(choices) > 1 and not any(choice.facts for choice in choices):
        # an answer drawn from several articles: a Quote menu, one option per article
        print(f"[Quote menu: {len(choices)} articles, {LIBRARY_ORDER}; Discord shows the first 25]")
    elif len(choices) > 1:  # facts that fit no one custom_id: an option per part
        print(f"[Quote menu: {menu_placeholder(choices)}; Discord shows the first 25]")
    for choice in choices:
        part = f" ({choice.part})" if choice.part else ""
        print(f"[Quote button custom_id: {choice.target.custom_id}]{part}")
        print(pages_text(render_quote(library, choice.target)))
    return EXIT_OK


def _preview_library(briefs_dir: Path, seeds_dir: Path) -> Library | None:
    """The library `briefbot preview` answers from, each brief refused warned of; None (said, naming the
    folder read, since the defaults are relative to the working directory) when it holds no brief."""
    from bot.briefs.loader import load_library

    result = load_library(briefs_dir, seeds_dir)
    for error in result.errors:
        print(f"warning: skipped: {error}", file=sys.stderr)
    if not result.library.briefs:
        what = "does not exist" if not briefs_dir.is_dir() else "holds no valid brief (*.toml)"
        print(f"briefbot preview: the briefs folder {briefs_dir.resolve()} {what}", file=sys.stderr)
        return None
    return result.library


def _preview_digest(args: argparse.Namespace, pairs: Sequence[str]) -> int:
    """`briefbot preview digest [channel=ID]`: what that channel (or a channel subscribed now) would get."""
    import asyncio

    from bot.delivery.preview import preview_digest, preview_text
    from bot.storage import StorageError

    channel_id: int | None = None
    for pair in pairs:
        key, value = _option(pair)
        if key == "private" and value.casefold() in ("true", "false"):
            continue
        if key != "channel" or not value.strip().isdigit():
            print(
                "briefbot preview digest: expected channel=ID (the channel's id) or private=True "
                f"(name:value works too), got {pair!r}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        channel_id = int(value.strip())
    from bot.settings import DigestPreviewSettings

    settings = _settings_or_exit(DigestPreviewSettings)  # the database and the digest's size, not the token
    library = _preview_library(args.briefs or settings.briefs_dir, args.seeds or settings.seeds_dir)
    if library is None:
        return EXIT_ERRORS
    try:
        preview = asyncio.run(
            preview_digest(
                library,
                database_path=settings.database,
                channel_id=channel_id,
                max_briefs=settings.digest_max_briefs,
                when_nothing_new=settings.digest_when_nothing_new,
            )
        )
    except StorageError as exc:
        print(f"briefbot preview digest: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    print(preview_text(preview))
    return EXIT_OK


def _option(pair: str) -> tuple[str, str]:
    """`name=bennett`, or `name:bennett` as Discord writes options: the key and the value ("" without one)."""
    cuts = [at for at in (pair.find("="), pair.find(":")) if at > 0]
    if not cuts:
        return pair, ""
    at = min(cuts)
    return pair[:at].strip(), pair[at + 1 :]


def _names_no_brief(library: Library, wanted: str | None) -> bool:
    from bot.briefs.lookup import UnknownBrief

    if not wanted or not wanted.strip():
        return False
    try:
        library.resolve(wanted)
    except UnknownBrief:
        return True
    return False


TOKEN_GUIDANCE = """briefbot: no bot token. Set DISCORD_TOKEN in the environment or in a .env file here.
  Get one at https://discord.com/developers/applications -> your application -> Bot -> Reset Token,
  then put a line DISCORD_TOKEN=... in .env (see .env.example). Never share or commit the token."""

# Never the token itself: only that it is set and what it should look like.
UNREADABLE_TOKEN = """briefbot invite: DISCORD_TOKEN is set, but it cannot be read as a bot token (three parts
  separated by dots, the first being the bot's id). Copy it again from https://discord.com/developers/applications
  -> your application -> Bot -> Reset Token, or give --client-id (the Application ID on General Information)."""

# Read Message History: the bot looks for a digest whose send may have landed before it sends it again.
INVITE_PERMISSIONS = {
    "view_channel": True,
    "send_messages": True,
    "embed_links": True,
    "read_message_history": True,
}


def cmd_run(args: argparse.Namespace) -> int:
    from bot.settings import Settings

    settings = _settings_or_exit(Settings)
    if settings.discord_token is None:
        print(TOKEN_GUIDANCE, file=sys.stderr)
        return EXIT_USAGE
    import asyncio
    import logging

    import discord

    from bot.app.runner import run_bot

    discord.utils.setup_logging(level=getattr(logging, settings.log_level), root=True)
    return asyncio.run(run_bot(settings))


def cmd_status(args: argparse.Namespace) -> int:
    import asyncio

    from bot.delivery.heartbeat import cluster_status, status_lines
    from bot.settings import StatusSettings
    from bot.storage import Database, StorageError

    settings = _settings_or_exit(StatusSettings)  # the database and the rate, not the token

    async def read() -> list[str]:
        database = await Database.open_read_only(settings.database)
        try:
            status = await cluster_status(database, window=args.window)
        finally:
            await database.close()
        return status_lines(status, rate_limit=settings.delivery_rate_per_second)

    try:
        lines = asyncio.run(read())
    except StorageError as exc:
        print(f"briefbot status: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    print("\n".join(lines))
    return EXIT_OK


def cmd_migrate_db(args: argparse.Namespace) -> int:
    import asyncio

    from bot.database_url import is_postgresql_url, masked
    from bot.storage import StorageError
    from bot.storage.migrate_db import migrate

    target: str = args.to
    if not is_postgresql_url(target):
        print(
            "briefbot migrate-db: --to takes a postgresql:// URL (postgresql://user:password@host:5432/database), "
            "the database to copy into",
            file=sys.stderr,
        )
        return EXIT_USAGE
    source: Path | None = args.source
    if source is None:
        from bot.settings import DigestPreviewSettings

        found = _settings_or_exit(DigestPreviewSettings).database  # the database only, not the token
        if not isinstance(found, Path):
            print(
                "briefbot migrate-db: DATABASE_URL names PostgreSQL already; give the SQLite file to copy "
                "with --from",
                file=sys.stderr,
            )
            return EXIT_USAGE
        source = found
    shown = masked(target)
    print(f"briefbot migrate-db: copying {source} into {shown}, once, verified")
    try:
        asyncio.run(migrate(source, target, replace=args.replace, progress=print))
    except StorageError as exc:
        print(f"briefbot migrate-db: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    print(
        f"done. Set DATABASE_URL to {shown} (and DATABASE_PATH unset) for every `briefbot run`, then start "
        f"them. {source} is marked moved ({source}.moved): its digests are PostgreSQL's now, and no "
        "`briefbot run` starts on it again"
    )
    return EXIT_OK


def application_id_from_token(token: str) -> int | None:
    """A bot token's first part is its user id in base64, which is the application's id."""
    import base64
    import binascii

    first = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(first + "=" * (-len(first) % 4), validate=False).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(decoded) if decoded.isdigit() else None


def cmd_invite(args: argparse.Namespace) -> int:
    import discord

    client_id: int | None = args.client_id
    if client_id is None:
        from bot.settings import TokenSettings

        token = _settings_or_exit(TokenSettings).discord_token
        if token is not None:
            client_id = application_id_from_token(token.get_secret_value())
            if client_id is None:
                print(UNREADABLE_TOKEN, file=sys.stderr)
                return EXIT_USAGE
    if client_id is None:
        print(
            "briefbot invite: give --client-id (the Application ID on the developer portal's General Information page)"
            " or set DISCORD_TOKEN.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    permissions = discord.Permissions(**INVITE_PERMISSIONS)
    print(
        discord.utils.oauth_url(client_id, permissions=permissions, scopes=("bot", "applications.commands"))
    )
    return EXIT_OK


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefbot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


class _VersionAction(argparse.Action):
    """`--version`: looked up only when asked for (importlib.metadata is a tenth of a second at every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the program's version number and exit")

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"briefbot {_version()}")  # on stdout, as argparse's own version action prints it
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefbot", description="Sourced news briefings on Discord.")
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="subcommand", required=True, metavar="COMMAND")

    def with_dirs(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--briefs", type=Path, default=None, help="briefs folder (default: BRIEFS_DIR or briefs/)"
        )
        sub.add_argument(
            "--seeds", type=Path, default=None, help="seeds folder (default: SEEDS_DIR or seeds/)"
        )

    check = commands.add_parser("check", help="validate every brief against its article")
    check.add_argument(
        "--coverage", action="store_true", help="also list the article's sentences that no fact uses"
    )
    with_dirs(check)
    check.set_defaults(handler=cmd_check)

    new = commands.add_parser("new", help="write a brief skeleton for an article, to keep, fix or delete")
    new.add_argument("article", type=Path, help="the article's text file, e.g. seeds/my-article.txt")
    new.add_argument("--id", default=None, help="the brief id (default: from the file name)")
    with_dirs(new)
    new.set_defaults(handler=cmd_new)

    preview = commands.add_parser("preview", help="print what the bot would answer to a slash command")
    preview.add_argument(
        "command", help="who, aid, loans, brief, events, sources, help or digest; or quote <command>"
    )
    preview.add_argument("options", nargs="*", metavar="key=value", help="e.g. name=bennett, country=Japan")
    with_dirs(preview)
    preview.set_defaults(handler=cmd_preview)

    run = commands.add_parser("run", help="start the bot (needs DISCORD_TOKEN)")
    run.set_defaults(handler=cmd_run)

    status = commands.add_parser(
        "status", help="print the processes running on the database, their shards and rows, the send rate"
    )
    status.add_argument(
        "--window", type=float, default=1.0, help="seconds over which the shared send rate is measured"
    )
    status.set_defaults(handler=cmd_status)

    migrate_db = commands.add_parser(
        "migrate-db",
        help="copy the SQLite database into PostgreSQL, once, verified (stop `briefbot run` first)",
    )
    migrate_db.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the PostgreSQL database: postgresql://user:password@host/db",
    )
    migrate_db.add_argument(
        "--from",
        dest="source",
        type=Path,
        default=None,
        metavar="FILE",
        help="the SQLite file (default: DATABASE_PATH, or DATABASE_URL's sqlite:/// file)",
    )
    migrate_db.add_argument(
        "--replace",
        action="store_true",
        help="delete what the target holds first (it must hold nothing otherwise)",
    )
    migrate_db.set_defaults(handler=cmd_migrate_db)

    invite = commands.add_parser("invite", help="print the URL that adds the bot to a server")
    invite.add_argument(
        "--client-id", type=int, default=None, help="the application id (default: from the token)"
    )
    invite.set_defaults(handler=cmd_invite)
    return parser


class _Parser(argparse.ArgumentParser):
    """argparse, with "did you mean" for a mistyped command (Python 3.14 has it built in)."""

    def error(self, message: str) -> NoReturn:
        import difflib
        import re

        typed = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if typed is not None:
            choices = re.findall(r"'([^']*)'", typed.group(2))
            close = difflib.get_close_matches(typed.group(1), choices, n=1)
            if close:
                message = f"{message}; did you mean {close[0]!r}?"
        super().error(message)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = args.handler
    try:
        return int(handler(args))
    except BrokenPipeError:
        # `briefbot preview who | head`: the reader left; not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
