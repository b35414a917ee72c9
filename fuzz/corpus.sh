#!/usr/bin/env bash
# Builds the fuzzing corpus from the real thing: the built-in guides for the guide loader, and
# the progress a scripted quiz saves (the database and its JSON history) for the progress
# loader. Run from anywhere; writes fuzz/corpus/<target>/.
set -euo pipefail
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
cd "$root"
cargo build --quiet
bin=$root/target/debug/carestudy
mkdir -p "$fuzz/corpus/guide_loader" "$fuzz/corpus/progress_loader"
for guide in content/*.md; do
  [ "$(basename "$guide")" = README.md ] || cp "$guide" "$fuzz/corpus/guide_loader/"
done
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$bin" snapshot --data-dir "$data" --start quiz --now 2026-11-21T09:00:00Z \
  --keys '1<Enter>3<Enter>2<Enter>4<Enter>1<Enter><Space>3<Enter>2<Enter>4<Enter>' >/dev/null
"$bin" snapshot --data-dir "$data" --start quiz --now 2026-11-14T09:00:00Z \
  --keys '4<Enter>4<Enter>3<Enter>' >/dev/null
cp "$data/progress.sqlite3" "$fuzz/corpus/progress_loader/progress.sqlite3"
"$bin" progress export --data-dir "$data" > "$fuzz/corpus/progress_loader/history.json"
echo "corpus: $(ls "$fuzz/corpus/guide_loader" | wc -l) guides, $(ls "$fuzz/corpus/progress_loader" | wc -l) progress files"
