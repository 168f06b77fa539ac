"""Where the database is: DATABASE_URL read into a SQLite file or a PostgreSQL server, and a URL shown
without its password (in logs, errors and settings messages)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

POSTGRESQL_SCHEMES = ("postgresql", "postgres")
_HIDDEN = "***"


def parse_database_url(url: str) -> Path | str:
    """The SQLite file of `sqlite:///relative/path` or `sqlite:////absolute/path` (as SQLAlchemy writes them),
    or a `postgresql://` (`postgres://`) URL as it is, for asyncpg. Raises ValueError, in a sentence that never
    shows a password, for anything else."""
    text = url.strip()
    scheme, _, rest = text.partition("://")
    scheme = scheme.lower()
    if scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise ValueError(
                "a SQLite URL is sqlite:///relative/path or sqlite:////absolute/path (three slashes, then the file)"
            )
        path = rest[1:]
        if "?" in path:
            raise ValueError("a SQLite URL takes no options (after '?'); give only the file")
        return sqlite_file(Path(path))
    if scheme in POSTGRESQL_SCHEMES:
        try:
            parts = urlsplit(text)
            parts.port  # noqa: B018 - a port that is not a number raises here
        except ValueError as exc:
            raise ValueError(f"it is not a PostgreSQL URL ({exc})") from None
        return text
    if "://" not in text:
        raise ValueError(
            "it is not a URL: use postgresql://user:password@host:5432/database, or sqlite:///path/to/file "
            "(or set DATABASE_PATH instead)"
        )
    raise ValueError(
        f"the scheme {scheme!r} is not supported: use postgresql://... (PostgreSQL, through asyncpg) or "
        "sqlite:///... (an embedded SQLite file)"
    )


def sqlite_file(path: Path) -> Path:
    """`path`, unless SQLite would read it as its in-memory database (`:memory:`), which keeps nothing once
    the bot stops (every digest would be posted again after a restart): then a ValueError."""
    if str(path) == ":memory:":
        raise ValueError(
            "':memory:' is SQLite's in-memory database, which keeps nothing once the bot stops; give a file"
            " (e.g. data/briefbot.sqlite3)"
        )
    return path


def is_postgresql_url(target: object) -> bool:
    """Whether `target` (a path or a URL) names a PostgreSQL server."""
    return isinstance(target, str) and target.strip().lower().startswith(
        tuple(f"{scheme}://" for scheme in POSTGRESQL_SCHEMES)
    )


def masked(url: str) -> str:
    """`url` with its password (in the user part, or a `password=` option) replaced by ***: what may be
    logged or shown of it."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"{url.partition('://')[0]}://{_HIDDEN}"
    netloc = parts.netloc
    users, at, hosts = netloc.rpartition("@")
    if at and ":" in users:
        netloc = f"{users.partition(':')[0]}:{_HIDDEN}@{hosts}"
    query = parts.query
    if query:
        options = parse_qsl(query, keep_blank_values=True)
        if any(name.lower() == "password" for name, _ in options):
            query = urlencode(
                [(name, _HIDDEN if name.lower() == "password" else value) for name, value in options],
                safe="*",
            )
    if (netloc, query) == (parts.netloc, parts.query):
        return url  # nothing hidden: as written
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
