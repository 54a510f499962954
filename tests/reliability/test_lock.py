"""Supply chain: every dependency declared in pyproject.toml is locked, with hashes, inside its declared range."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ROOT / "requirements"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _pins(lock: str) -> dict[str, str]:
    """name -> version of a lock file; fails when any pin lacks a --hash."""
    text = (LOCKS / lock).read_text(encoding="utf-8")
    pins: dict[str, str] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        m = _PIN.match(block)
        if m:
            assert "--hash=sha256:" in block, f"{lock}: {m.group(1)} has no hash"
            pins[canonicalize_name(m.group(1))] = m.group(2)
    return pins


def _declared() -> dict[str, list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return {
        "runtime.lock": [Requirement(r) for r in project["dependencies"]],
        "dev.lock": [Requirement(r) for r in project["dependencies"] + extras["dev"] + extras["ftm"] + extras["postgres"]
                                 + extras["spark"]],
    }


@pytest.mark.parametrize("lock", ["runtime.lock", "dev.lock"])
def test_every_pyproject_dependency_is_locked_in_range(lock: str) -> None:
    pins = _pins(lock)
    problems = []
    for req in _declared()[lock]:
        version = pins.get(canonicalize_name(req.name))
        if version is None:
            problems.append(f"{req} is not in requirements/{lock}")
        elif not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req} is locked at {version}")
    assert not problems, "run `make lock`: " + "; ".join(problems)


def test_locks_agree_and_every_pin_is_hashed() -> None:
    dev, runtime, build, zh = (_pins(f) for f in ("dev.lock", "runtime.lock", "build.lock", "zh.lock"))
    _pins("tools.lock")
    assert {n: v for n, v in runtime.items() if dev.get(n) != v} == {}
    assert {n: v for n, v in zh.items() if n in dev and dev[n] != v} == {}
    assert {n: v for n, v in build.items() if n in dev and dev[n] != v} == {}
    assert zh["paddlepaddle"] == "2.6.2" and zh["lac"] == "2.1.2"
    assert int(build["setuptools"].split(".")[0]) < 70  # LAC's setup.py imports pkg_resources


def test_installs_use_the_locks_with_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for lock in ("build.lock", "runtime.lock", "dev.lock"):
        assert re.search(rf"install --require-hashes --no-deps -r requirements/{lock}", makefile), lock
    assert "pip install -e" not in makefile and "-U pip" not in makefile
    zh = (ROOT / "scripts" / "install-zh.sh").read_text(encoding="utf-8")
    assert zh.count("--require-hashes") == 2 and "==" not in zh.split("set -eu", 1)[1]
