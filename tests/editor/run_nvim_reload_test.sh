#!/usr/bin/env bash
# End-to-end: Neovim's built-in LSP client, set up exactly as README.md's "Neovim 0.7" configuration says,
# must show diagnostics that follow .planlint.toml when it is saved in Neovim, and when it changes on disk
# and the plan is then saved or edited (nvim_config_reload.lua). Skips (exit 77) without nvim.
# usage: run_nvim_reload_test.sh PLANLINT SOURCE_DIR
set -euo pipefail
planlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") source=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v nvim >/dev/null || { echo "nvim is not installed: skipped"; exit 77; }
nvim --version | head -1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
# The README's configuration runs `planlint` from PATH.
export PATH=$(dirname "$planlint"):$PATH
# The Lua block under "**Neovim 0.7**" in the README, as a user would copy it.
awk '/^\*\*Neovim 0\.7/ { found = 1 } found && /^```lua/ { copying = 1; next } copying && /^```/ { exit } copying' \
  "$source/README.md" >"$work/init.lua"
[ -s "$work/init.lua" ] || { echo "README.md has no Lua block under **Neovim 0.7**"; exit 1; }
# A repository of plans: a non-ASCII name with a space, under plans/ (the README's pattern).
mkdir -p "$work/repo/plans"
plan="$work/repo/plans/työikäiset 2022.txt"
cp "$source/samples/tyoikaiset-2022-2025-luonnos.txt" "$plan"
# Four configurations, each giving other findings than the one before.
cat >"$work/configs" <<'TOML'
disable = ["spelling"]
---
disable = ["spelling", "goal-title-mismatch"]
[rules.goal-measure-count]
max = 2
---
disable = ["spelling"]
[rules.goal-measure-count]
max = 2
---
disable = ["spelling"]
TOML
PLANLINT=$planlint README_CONFIG=$work/init.lua PLAN_FILE=$plan CONFIG_FILE=$work/repo/.planlint.toml \
  CONFIGS=$work/configs timeout 120 nvim --headless --clean -i NONE -n -c "luafile $here/nvim_config_reload.lua" \
  </dev/null
echo "OK: the diagnostics followed .planlint.toml at each step"
