"""The README stays honest: two commands on top, every CLI command documented, every setting listed."""

from __future__ import annotations

import re
from pathlib import Path

from mcfwatch.cli.main import app
from mcfwatch.settings import SETTINGS

README = Path(__file__).resolve().parents[2] / "README.md"


def test_two_commands_for_a_newcomer() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_every_command_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    names += [g.name or "" for g in app.registered_groups]
    missing = [n for n in names if f"mcfwatch {n}" not in text]
    assert not missing, f"README lacks a section for: {missing}"


def test_every_setting_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    assert [s.name for s in SETTINGS if s.name not in text] == []
