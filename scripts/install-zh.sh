#!/usr/bin/env sh
# Install the Chinese extractor's heavy backend (Baidu LAC on PaddlePaddle) into a virtualenv.
# A pip extra cannot express this: LAC 2.1.2 is an sdist whose setup.py imports pkg_resources and
# pulls the newest paddle, so paddle must come first, setuptools must be < 70, and LAC must be built
# without build isolation. Without LAC, mcfwatch falls back to jieba (lower quality, see README).
# Usage: scripts/install-zh.sh [VENV]   (default .venv)
set -eu
VENV="${1:-.venv}"
PIP="$VENV/bin/pip --disable-pip-version-check -q"
$PIP install "setuptools<70" wheel
$PIP install "paddlepaddle==2.6.2"
$PIP install --no-build-isolation "LAC==2.1.2"
"$VENV/bin/python" -c "from mcfwatch.extract.zh.tagger import LacTagger; LacTagger(); print('LAC ok')"
