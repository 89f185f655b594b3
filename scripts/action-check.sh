#!/usr/bin/env bash
# The check step of the GitHub Action (action.yml): runs `deal-triage check --format github` with
# the action's inputs, which arrive as environment variables (INPUT_PATH, INPUT_CONFIG,
# INPUT_MAX_WARNINGS, INPUT_TODAY, INPUT_WORKING_DIRECTORY) and are only ever passed as arguments,
# quoted, never evaluated: no input can run a command. The tool is the one in the action's own
# checkout ($GITHUB_ACTION_PATH). GitHub sets GITHUB_STEP_SUMMARY; the check appends its summary
# table there. Exit code: the check's (0 clean, 1 problems, 2 usage or config error).
set -euo pipefail

if [ -z "${GITHUB_ACTION_PATH:-}" ]; then
  echo "deal-triage: GITHUB_ACTION_PATH is not set: this script is the GitHub Action's step; run deal-triage check yourself elsewhere" >&2
  exit 2
fi
bin="$GITHUB_ACTION_PATH/bin/deal-triage.js"

cd -- "${INPUT_WORKING_DIRECTORY:-.}"

args=(check --format github)
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_MAX_WARNINGS:-}" ]; then args+=(--max-warnings "$INPUT_MAX_WARNINGS"); fi
if [ -n "${INPUT_TODAY:-}" ]; then args+=(--today "$INPUT_TODAY"); fi

# One path per line (a path may hold spaces); blank lines and surrounding spaces are dropped. No
# word splitting or glob expansion happens: each line is one argument, after `--`.
paths=()
while IFS= read -r line || [ -n "$line" ]; do
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  if [ -n "$line" ]; then paths+=("$line"); fi
done <<< "${INPUT_PATH:-}"
if [ "${#paths[@]}" -gt 0 ]; then args+=(-- "${paths[@]}"); fi

exec node "$bin" "${args[@]}"
