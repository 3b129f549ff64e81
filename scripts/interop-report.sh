#!/usr/bin/env bash
# Imports every file of ../shared/corpus/openapi-examples and sam-templates with the built CLI
# and prints a Markdown table: file, format, result and what the import report counted.
# Usage: scripts/interop-report.sh [build dir, default build]
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build}/app/apigw-studio
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ok=0; total=0
echo '| file | imported as | result | mapped / approximated / skipped |'
echo '|---|---|---|---|'
for f in ../shared/corpus/openapi-examples/* ../shared/corpus/sam-templates/*; do
  case "$f" in *.md) continue ;; esac
  total=$((total + 1))
  out=$("$BIN" import "$f" -o "$TMP/p$total.apigw.json" 2>/dev/null)
  if [ $? -eq 0 ]; then
    ok=$((ok + 1))
    fmt=$(sed -n 's/.*(\(.*\)) -> .*/\1/p' <<<"$out")
    counts=$(sed -n 's/.*: mapped \([0-9]*\), approximated \([0-9]*\), skipped \([0-9]*\).*/\1 \/ \2 \/ \3/p' <<<"$out")
    echo "| $(basename "$f") | $fmt | ok | $counts |"
  else
    echo "| $(basename "$f") | | **error** | |"
  fi
done
echo
echo "imported without error: $ok/$total"
