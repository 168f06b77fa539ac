"""`briefbot`: run | check | preview | invite. Argument parsing and exit codes, nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.settings import Settings, describe_validation_error

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


def _settings_or_exit() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        print("briefbot: invalid settings (environment or .env):", file=sys.stderr)
        for line in describe_validation_error(exc):
            print(f"  - {line}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None


def _dirs(args: argparse.Namespace) -> tuple[Path, Path]:
    if args.briefs is not None and args.seeds is not None:
        return args.briefs, args.seeds
    settings = _settings_or_exit()
    return args.briefs or settings.briefs_dir, args.seeds or settings.seeds_dir


def cmd_check(args: argparse.Namespace) -> int:
    from bot.briefs.loader import load_library

    briefs_dir, seeds_dir = _dirs(args)
    result = load_library(briefs_dir, seeds_dir)
    if result.errors:
        for error in result.errors:
            print(error)
        print(f"\n{len(result.errors)} error(s); {len(result.library)} brief(s) valid.", file=sys.stderr)
        return EXIT_ERRORS
    print(f"OK: {len(result.library)} brief(s) valid, every evidence passage found in its article.")
    return EXIT_OK


def cmd_preview(args: argparse.Namespace) -> int:
    from bot.briefs.answers import COMMANDS, answer
    from bot.briefs.loader import load_library
    from bot.briefs.render import pages_text

    spec = COMMANDS.get(args.command)
    if spec is None:
        print(
            f"briefbot preview: unknown command {args.command!r}; one of: {', '.join(COMMANDS)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    options: dict[str, str] = {}
    allowed = {*spec.options, "brief"}
    for pair in args.options:
        key, sep, value = pair.partition("=")
        if not sep or key not in allowed:
            wanted = ", ".join(f"{name}=..." for name in sorted(allowed))
            print(f"briefbot preview {args.command}: expected {wanted}, got {pair!r}", file=sys.stderr)
            return EXIT_USAGE
        options[key] = value
    briefs_dir, seeds_dir = _dirs(args)
    result = load_library(briefs_dir, seeds_dir)
    for error in result.errors:
        print(f"warning: skipped: {error}", file=sys.stderr)
    print(pages_text(answer(args.command, result.library, options)))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description="Sourced news briefings on Discord.")
    commands = parser.add_subparsers(dest="subcommand", required=True, metavar="COMMAND")

    def with_dirs(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--briefs", type=Path, default=None, help="briefs folder (default: BRIEFS_DIR or briefs/)"
        )
        sub.add_argument(
            "--seeds", type=Path, default=None, help="seeds folder (default: SEEDS_DIR or seeds/)"
        )

    check = commands.add_parser("check", help="validate every brief against its article")
    with_dirs(check)
    check.set_defaults(handler=cmd_check)

    preview = commands.add_parser("preview", help="print what the bot would answer to a slash command")
    preview.add_argument("command", help="who, aid, loans, brief, events, sources, help or digest")
    preview.add_argument("options", nargs="*", metavar="key=value", help="e.g. name=bennett, country=Japan")
    with_dirs(preview)
    preview.set_defaults(handler=cmd_preview)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = args.handler
    return int(handler(args))
