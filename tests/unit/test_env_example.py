"""`.env.example` documents every setting there is (the guide: configuration only through the settings
class, documented in `.env.example`), and names none that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import Settings

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"


def test_env_example_lists_every_setting_and_only_settings() -> None:
    listed = re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(encoding="utf-8"), re.MULTILINE)
    settings = {name.upper() for name in Settings.model_fields}
    assert sorted(settings - set(listed)) == []  # each missing one is named here
    assert sorted(set(listed) - settings) == []
    assert len(listed) == len(set(listed))  # each once
