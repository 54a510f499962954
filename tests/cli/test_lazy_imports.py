"""`mcfwatch --help` and the package root stay cheap: the heavy libraries load inside the commands that use them."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("spacy", "sqlalchemy", "paddle", "LAC", "followthemoney", "pandas", "pypinyin", "pyspark", "pyarrow")

# Run the real entry point in a fresh interpreter and report which top-level packages got imported.
PROBE = """
import json, sys
from mcfwatch.cli.main import app
try:
    app([{args}], prog_name="mcfwatch")
except SystemExit:
    pass
print(json.dumps(sorted({{m.split(".")[0] for m in sys.modules}})), file=sys.stderr)
"""


def _imported(*args: str) -> set[str]:
    code = PROBE.format(args=", ".join(repr(a) for a in args))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(out.stderr.strip().splitlines()[-1]))


def test_help_loads_no_heavy_library() -> None:
    loaded = _imported("--help")
    assert "typer" in loaded  # the probe did run the CLI
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_subcommand_help_loads_no_heavy_library() -> None:
    for command in (["screen", "--help"], ["lists", "--help"], ["show", "--help"], ["exposure", "--help"],
                    ["batch", "extract", "--help"], ["load", "--help"]):
        loaded = _imported(*command)
        assert not loaded & set(HEAVY), (command, sorted(loaded & set(HEAVY)))


def test_errors_and_settings_import_alone() -> None:
    code = "import sys, mcfwatch.errors, mcfwatch.settings; print(sorted(m for m in sys.modules if m.startswith('mcfwatch')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "['mcfwatch', 'mcfwatch.errors', 'mcfwatch.settings']"


def test_screen_command_does_not_load_the_store() -> None:
    """Screening a name needs the lists and the matcher, never SQLAlchemy or the NLP models."""
    loaded = _imported("screen", "NWPU", "--format", "json")
    assert "mcfwatch" in loaded
    assert not loaded & {"sqlalchemy", "spacy", "paddle", "LAC", "followthemoney", "pandas"}
