"""The reload tests' fixture library: one brief over one fixture article (original texts, not news), and the
person a change adds to it."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "data" / "reload"
FIXTURE_ID = "fixture-harbour-pier"
FIXTURE_SEED = FIXTURES / f"{FIXTURE_ID}.txt"
FIXTURE_BRIEF = FIXTURES / f"{FIXTURE_ID}.toml"
SECOND_PERSON = """
[[people]]
name = "Tomas Reyes"
role = "Deputy Mayor"
as_written = "Deputy Mayor Tomas Reyes"
evidence = ["Deputy Mayor Tomas Reyes rode the first ferry across the bay to the island of Little Tern."]
"""
