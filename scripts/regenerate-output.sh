#!/usr/bin/env bash
# Regenerates output/ (CSV, GeoJSON, JSONL and the annotate view) for the example article.
# Run it whenever the output changes; tests/output_snapshot.rs fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
article=tests/data/articles/qala-i-naw-2021-07-08.txt
cargo build --release --quiet
bin=target/release/frontline
mkdir -p output
"$bin" extract "$article" -o output/qala-i-naw.csv
"$bin" extract "$article" -o output/qala-i-naw.geojson
"$bin" extract "$article" -o output/qala-i-naw.jsonl
"$bin" annotate "$article" -o output/qala-i-naw.annotate.jsonl
echo "output/ regenerated from $article"
