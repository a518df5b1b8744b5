#!/usr/bin/env bash
# Runs every test of whosaid: the Rust unit, integration (golden fixtures,
# CLI, properties) and doc tests, then the Python module's tests when
# Python 3 is available (they build the module into ./.venv with maturin).
#
#   scripts/test.sh            everything
#   WHOSAID_SKIP_PYTHON=1 scripts/test.sh    Rust only
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Rust: unit, integration and doc tests"
cargo test --no-fail-fast 2>&1 | tee /tmp/whosaid-cargo-test.log | grep -E '^(test result|running|error|failures|---- |thread )' || true
if grep -qE '^test result: FAILED|^error(\[|:)' /tmp/whosaid-cargo-test.log; then
    echo "Rust tests failed (full log: /tmp/whosaid-cargo-test.log)"
    exit 1
fi
passed=$(awk "/^test result: ok/ {for (i = 1; i <= NF; i++) if (\$(i + 1) == \"passed;\") s += \$i} END {print s + 0}" /tmp/whosaid-cargo-test.log)
echo "Rust: ${passed} passed, 0 failed"

if [ "${WHOSAID_SKIP_PYTHON:-}" = "1" ] || ! command -v python3 >/dev/null 2>&1; then
    echo "== Python: skipped"
    exit 0
fi
echo "== Python: building the module and running tests/python"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q maturin pytest >/dev/null
.venv/bin/python -m pip install -q . >/dev/null
.venv/bin/python -m pytest tests/python -q -p no:cacheprovider
