from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import discord
import pytest

from bot.cli import main
from tests.conftest import BRIEFS_DIR, BROKEN_DIR, REPO, SEEDS_DIR, SHIPPED_BRIEF, SHIPPED_ID


def test_check_passes_on_shipped_briefs(dirs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *dirs]) == 0
    out = capsys.readouterr().out
    assert f"{SHIPPED_ID}.toml: ok (brief {SHIPPED_ID})" in out
    assert out.splitlines()[-1] == "1 brief: 1 ok, 0 refused, 0 warnings"


def test_check_fails_naming_file_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = SHIPPED_BRIEF
    text = source.read_text(encoding="utf-8").replace(
        '"He can be seen in a video posted', '"He can be seen in a video of the meeting posted'
    )
    (tmp_path / source.name).write_text(text, encoding="utf-8")
    assert main(["check", "--briefs", str(tmp_path), "--seeds", str(SEEDS_DIR)]) == 1
    out = capsys.readouterr().out
    assert (
        f"{source.name}: people[0].evidence[1]: almost in the article, in paragraph 2 (seed line 11):" in out
    )
    assert "brief adds “of the meeting”" in out


def test_check_lists_every_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--briefs", str(BROKEN_DIR / "several_errors"), "--seeds", str(SEEDS_DIR)]) == 1
    out = capsys.readouterr().out
    assert "loans[0].evidence[0]" in out and "loans[1].amount" in out and "loans[1].borrower" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["loans"],
            [
                "Loan requested · Ukraine asked Israel: half-a-billion dollars",
                "Loan made · Japan → Ukraine: $600 million",
                "Loan made (a reading) · Germany → Ukraine: €300 million",
                "Loan made (a reading) · Canada → Ukraine: $800 million",
                "Status: requested",
            ],
        ),
        (["loans", "country=Japan"], ["Loans involving Japan: 1 loan"]),
        (["who", "name=bennett"], ["Naftali Bennett", "Prime Minister"]),
        (
            ["who"],
            [
                "Ilan Mezushan",
                "Lloyd Austin",
                "Vladimir Putin",
                "Yair Lapid",
                "Benny Gantz",
                "Yevgen Korniychuk",
                "Alex Ben-Zvi",
            ],
        ),
        (
            ["aid"],
            [
                "Given (a reading) · Israel → Ukraine: helmets, protective vests",
                "Given (a reading) · Israel → Ukraine: a field hospital",
                "Not given · Israel → Ukraine: military aid",
                "Given · United States → Ukraine: MILITARY AID",
            ],
        ),
        (["brief"], ["Key point 1"]),
        (
            ["events"],
            ["A high-level Israeli Defense Ministry official took part in a US-led meeting of 50 countries"],
        ),
        (["sources"], ["Jerusalem Post"]),
        (["help"], ["/who [name]"]),
        (["digest"], ["Digest:"]),
    ],
)
def test_preview(
    argv: list[str], expected: list[str], dirs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", *argv, *dirs]) == 0
    out = capsys.readouterr().out
    for text in expected:
        assert text in out


def test_preview_rejects_unknown_command_and_option(
    dirs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", "weather", *dirs]) == 2
    assert main(["preview", "who", "colour=blue", *dirs]) == 2
    assert "expected brief=..., name=..." in capsys.readouterr().err


def test_check_passes_on_every_brief_in_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    # However many briefs an editor has added to briefs/: all of them valid.
    assert main(["check", "--briefs", str(BRIEFS_DIR), "--seeds", str(SEEDS_DIR)]) == 0
    count = len(list(BRIEFS_DIR.glob("*.toml")))
    assert f"{count} brief{'s' if count > 1 else ''}: {count} ok, 0 refused" in capsys.readouterr().out


def test_console_script_runs_from_the_repository() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_check_coverage_lists_the_sentences_no_fact_uses(
    dirs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--coverage", *dirs]) == 0
    out = capsys.readouterr().out
    assert "of 32 sentences of jpost-israel-ukraine-defense-contact-group.txt are used by a fact" in out
    assert "subheading (seed line 30): “Recent Ukraine-Israel communications”" in out
    assert "Japan has provided" not in out  # used by the loans
    assert main(["check", *dirs]) == 0
    assert "sentences" not in capsys.readouterr().out


def test_invite_asks_for_what_digests_need(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["invite", "--client-id", "123456789012345678"]) == 0
    url = capsys.readouterr().out.strip()
    [bits] = parse_qs(urlparse(url).query)["permissions"]
    granted = discord.Permissions(int(bits))
    # Read Message History: without it Discord returns no messages, and a lost digest cannot be looked for.
    assert granted.view_channel and granted.send_messages and granted.embed_links
    assert granted.read_message_history


def test_preview_takes_discords_syntax_and_private(
    dirs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", "who", "name:bennett", *dirs]) == 0
    assert "Naftali Bennett" in capsys.readouterr().out
    assert main(["preview", "who", "name=bennett", "private=True", *dirs]) == 0
    assert "Naftali Bennett" in capsys.readouterr().out


def test_preview_of_an_unknown_brief_or_no_briefs_fails_naming_the_folder(
    dirs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", "who", "brief=no-such-brief", *dirs]) == 1
    assert "No brief's id or title starts with" in capsys.readouterr().out
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder in (empty, tmp_path / "missing"):
        assert main(["preview", "who", "--briefs", str(folder), "--seeds", str(SEEDS_DIR)]) == 1
        assert str(folder.resolve()) in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("briefbot ")


def test_the_bot_logs_no_voice_warnings() -> None:
    # The bot uses no voice: discord.py's "voice will NOT be supported" warnings are noise in every start's log.
    # A process of its own: discord.py warns once per process.
    script = (
        "import discord; discord.utils.setup_logging();"
        "from bot.app.client import Briefbot; from bot.settings import Settings;"
        "Briefbot(Settings(_env_file=None))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60, check=True
    )
    assert "voice will NOT be supported" not in done.stderr


def test_a_mistyped_command_gets_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["prevew", "who"])
    assert done.value.code == 2
    assert "did you mean 'preview'?" in capsys.readouterr().err
