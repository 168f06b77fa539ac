"""One `briefbot run` per SQLite file, whatever name the file is given (bot.storage.file_lock)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.storage import StorageError
from bot.storage.file_lock import DatabaseFileLock, DatabaseInUse


def test_a_database_named_through_a_symlink_is_the_same_database(tmp_path: Path) -> None:
    # Failed first: the lock was `<the name given>.lock`, so a second bot on `link.sqlite3 -> real/bot.sqlite3`
    # locked another file and ran beside the first on one database (both posting every digest).
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "bot.sqlite3"
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)  # before the database exists: the first start creates it through either name
    with DatabaseFileLock(real), pytest.raises(DatabaseInUse, match=f"pid {os.getpid()} on"):
        DatabaseFileLock(link).acquire()
    with DatabaseFileLock(link), pytest.raises(DatabaseInUse, match="in use by another Briefbot"):
        DatabaseFileLock(real).acquire()


def test_a_database_named_through_a_symlinked_folder_or_another_spelling_is_the_same_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "mounted").symlink_to(tmp_path / "data", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    with DatabaseFileLock(tmp_path / "data" / "bot.sqlite3"):
        for other in ("mounted/bot.sqlite3", "data/../data/bot.sqlite3", "./data/bot.sqlite3"):
            with pytest.raises(DatabaseInUse):
                DatabaseFileLock(Path(other)).acquire()


def test_a_database_file_with_a_second_hard_link_is_refused(tmp_path: Path) -> None:
    # SQLite names its journal (-wal, -shm) after the name it was opened by: two names of one file are two
    # databases to it (https://www.sqlite.org/howtocorrupt.html, "multiple links to the same file"), and two
    # bots could each hold one name's lock.
    database = tmp_path / "bot.sqlite3"
    database.write_bytes(b"")
    os.link(database, tmp_path / "also.sqlite3")
    with pytest.raises(StorageError, match="2 names") as refused:
        DatabaseFileLock(database).acquire()
    assert not isinstance(refused.value, DatabaseInUse)
    assert "hard link" in str(refused.value)
