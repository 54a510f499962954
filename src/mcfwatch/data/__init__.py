"""Data files shipped with mcfwatch (sample documents; watchlists live in mcfwatch.lists)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_path(*parts: str) -> Path:
    """Filesystem path of a shipped sample file (the package is installed unzipped)."""
    return Path(str(resources.files("mcfwatch.data").joinpath("samples", *parts)))


SEED = "000_2742a0ed2317a793.txt"
