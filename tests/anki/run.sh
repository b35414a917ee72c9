#!/usr/bin/env bash
# The Anki round trip against Anki's own importer (#15.1), run by .ci/run: makes a virtual
# environment with the `anki` package from PyPI (the version in requirements.txt), then runs
# round_trip.py on the built-in guides with the carestudy that `cargo test` built.
#
# It fails loudly when it cannot run (no Python, no venv module, PyPI unreachable): the check
# that matters is Anki's own import code, so CI never skips it.
set -euo pipefail
cd "$(dirname "$0")/../.."

python=${PYTHON:-python3}
venv=target/anki-venv
say() { echo "anki round trip: $*" >&2; }

if ! command -v "$python" >/dev/null 2>&1; then
  say "FAILED: $python not found; Python 3.9 or newer with its venv module is needed (set PYTHON to use another)"
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  rm -rf "$venv"
  if ! "$python" -m venv "$venv"; then
    say "FAILED: cannot make a virtual environment with $python -m venv (on Debian or Ubuntu: apt-get install python3-venv)"
    exit 1
  fi
fi
if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r tests/anki/requirements.txt; then
  say "FAILED: cannot install $(cat tests/anki/requirements.txt) from PyPI into $venv"
  exit 1
fi

cargo build --locked --quiet --bin carestudy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" tests/anki/round_trip.py target/debug/carestudy content "$work/run"
