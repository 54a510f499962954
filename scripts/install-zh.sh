#!/usr/bin/env sh
# Install the Chinese extractor's heavy backend (Baidu LAC on PaddlePaddle) into a virtualenv.
# A pip extra cannot express this: LAC 2.1.2 is an sdist whose setup.py imports pkg_resources, so
# setuptools must be < 70 and LAC must be built without build isolation. Every file is pinned with its
# SHA-256 in requirements/build.lock and requirements/zh.lock (versions shared with dev.lock).
# Without LAC, mcfwatch falls back to jieba (lower quality, see README).
# Usage: scripts/install-zh.sh [VENV]   (default .venv)
set -eu
VENV="${1:-.venv}"
LOCKS="$(cd "$(dirname "$0")/.." && pwd)/requirements"
PIP="$VENV/bin/pip --disable-pip-version-check -q"
$PIP install --require-hashes --no-deps -r "$LOCKS/build.lock"
$PIP install --require-hashes --no-deps --no-build-isolation -r "$LOCKS/zh.lock"
"$VENV/bin/python" -c "from mcfwatch.extract.zh.tagger import LacTagger; LacTagger(); print('LAC ok')"
