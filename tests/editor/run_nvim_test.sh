#!/usr/bin/env bash
# End-to-end: Neovim's built-in LSP client opens a plan with `planlint lsp`; its diagnostics must equal
# `planlint check --format json` on the same file, with UTF-16 columns. Skips (exit 77) without nvim.
# usage: run_nvim_test.sh PLANLINT PLAN_FILE HOVER_LINE EXPECTED_HOVER_TEXT EXPECTED_GOALS
set -euo pipefail
planlint=$1 plan=$2 hover_line=$3 expected_hover=$4 expected_goals=$5
here=$(cd "$(dirname "$0")" && pwd)
command -v nvim >/dev/null || { echo "nvim is not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Neovim writes its LSP log and state under XDG directories: keep them out of the user's home.
export XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
PLANLINT=$planlint PLAN_FILE=$plan OUT_FILE=$work/nvim.json HOVER_LINE=$hover_line \
  timeout 120 nvim --headless --clean -i NONE -n -c "luafile $here/nvim_diagnostics.lua" </dev/null
status=0
"$planlint" check --format json "$plan" >"$work/check.json" || status=$?
[ "$status" -le 1 ] || { echo "planlint check failed with $status"; exit 1; }
python3 "$here/compare_diagnostics.py" "$work/nvim.json" "$work/check.json" "$plan"
python3 - "$work/nvim.json" "$expected_hover" "$expected_goals" <<'PY'
import json, sys
out, hover, goals = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3])
assert len(out["symbols"]) == goals, "outline: %s" % out["symbols"]
assert out["hover"] and hover in out["hover"], "hover: %r" % out["hover"]
PY
