#!/usr/bin/env bash
# For people: renders the HTML report of `planlint diff OLD NEW` to a PNG with headless Chromium.
# Usage: screenshot_diff_html.sh PLANLINT OLD NEW [OUT.png] [WIDTHxHEIGHT]
set -euo pipefail
planlint=$1 old=$2 new=$3 out=${4:-diff.png} size=${5:-1400x3000}
chromium=${CHROMIUM:-chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$planlint" diff --format html "$old" "$new" >"$work/diff.html" || [ $? -eq 1 ]
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$work/profile" \
  --window-size="${size/x/,}" --screenshot="$(realpath -m "$out")" "file://$work/diff.html" 2>/dev/null
echo "wrote $out"
