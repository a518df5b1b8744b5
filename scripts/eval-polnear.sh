#!/usr/bin/env bash
# Scores the example binary on the PolNeAR training articles (not shipped
# with the crate: see ../shared/data/README.md). Usage: scripts/eval-polnear.sh [--json]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${POLNEAR:-../shared/data/polnear/train.jsonl}
score=${SCORER:-../shared/eval/score.py}
[ -f "$data" ] || { echo "no PolNeAR data at $data" >&2; exit 0; }
cargo build --quiet --release --example whosaid
out=$(mktemp)
./target/release/examples/whosaid --jsonl < "$data" > "$out" || true
python3 "$score" "$data" "$out" "$@"
echo "predictions: $out" >&2
