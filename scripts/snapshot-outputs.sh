#!/usr/bin/env bash
# Runs every command and format over fixtures/ and writes each one's stdout, stderr and exit code
# to a folder, so two builds can be compared byte for byte (diff -r). For refactors that must not
# change what users see.
#
#   scripts/snapshot-outputs.sh <repository> <out-folder>
set -uo pipefail
repo="$(cd "$1" && pwd)"
out="$2"
mkdir -p "$out"
bin="$repo/bin/deal-triage.js"
cd "$repo/fixtures"
run() {
  local name="$1"; shift
  node "$bin" "$@" > "$out/$name.out" 2> "$out/$name.err"
  echo "$?" > "$out/$name.code"
}
empty="$(mktemp)"
trap 'rm -f "$empty"' EXIT
deals=(deals/*.yaml)
invalid=(invalid/*.yaml)
for format in text markdown json; do
  run "triage-$format" triage --config deal-triage.config.yaml -f "$format" "${deals[@]}"
  run "triage-$format-explain" triage --config deal-triage.config.yaml -f "$format" --explain "${deals[@]}"
  run "triage-$format-invalid" triage --config deal-triage.config.yaml -f "$format" "${invalid[@]}"
  run "triage-$format-default-config" triage --config "$empty" -f "$format" deals/acme-plants.yaml
done
for format in stylish json github junit; do
  for folder in deals check/problems check/over-capacity invalid; do
    run "check-$format-${folder//\//-}" check --config deal-triage.config.yaml -f "$format" "$folder"
    run "check-$format-${folder//\//-}-maxw0" check --config deal-triage.config.yaml -f "$format" --max-warnings 0 "$folder"
  done
done
run "help" --help
run "triage-help" triage --help
run "check-help" check --help
run "new-help" new --help
run "new-no-tty" new
