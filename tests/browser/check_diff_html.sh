#!/usr/bin/env bash
# Loads the HTML report of `planlint diff OLD NEW` in headless Chromium (no network, nothing installed) and
# checks what the browser built from it: the goals side by side, the changed words highlighted, the chart.
# Usage: check_diff_html.sh PLANLINT OLD NEW    (CTest runs it on the sample draft and final when
# /usr/bin/chromium exists; the expectations below are those of that pair)
set -euo pipefail
planlint=$1 old=$2 new=$3
chromium=${CHROMIUM:-chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
"$planlint" diff --format html "$old" "$new" >"$work/diff.html" || status=$?
[ "$status" -eq 1 ] || { echo "planlint diff exited $status, expected 1 (versions differ)"; exit 1; }

# --host-resolver-rules makes any network access fail, so a page that needed one would show it.
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --disable-extensions --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$work/profile" \
  --dump-dom "file://$work/diff.html" >"$work/dom.html" 2>"$work/chromium.log" || {
  echo "chromium failed:"; cat "$work/chromium.log"; exit 1; }

fail=0
expect() {  # expect COUNT PATTERN DESCRIPTION: the DOM has exactly COUNT matches of the extended regex
  local n
  n=$( (grep -oE -- "$2" "$work/dom.html" || true) | wc -l)
  if [ "$n" -ne "$1" ]; then echo "FAIL: $3: expected $1, found $n"; fail=1; else echo "ok: $3"; fi
}
expect 1 '<title>planlint diff: ' "the page has its title"
expect 3 '<section class="goal' "one section per goal"
expect 3 '<tr><th colspan="2">old</th><th colspan="2">new</th></tr>' "each goal shows old and new side by side"
for w in Työkäisille Työkäinen -kursseiden Kulikutapaosuuksien Digivertaistukihenkilöiden 'vastaanotto toiminnan' \
         hoitajaksot työkäisille LUONNOS; do
  expect 1 "<del class=\"w\">$w</del>" "old word struck out: $w"
done
for w in Työikäisille Työikäinen -kurssien Kulkutapaosuuksien Digivertaistukihenkiöiden vastaanottotoiminnan \
         hoitojaksot työikäisille; do
  expect 1 "<ins class=\"w\">$w</ins>" "new word highlighted: $w"
done
# The declared range changes in the claim and in the paragraph that states it: shown in both.
expect 2 "<del class=\"w\">6–12</del>" "old range struck out in the claim and its paragraph"
expect 2 "<ins class=\"w\">7–12</ins>" "new range highlighted in the claim and its paragraph"
expect 1 '<tr class="added">' "the added measure has its own row"
expect 1 '<td><div class="measure">Tehostetaan monikanavaista viestintää' "and shows its text"
expect 1 '<svg class="chart"' "the chart is there"
expect 6 '<rect class="bar (old|new)"' "two bars per goal"
expect 1 '<title>allowed: 7–12</title>' "the allowed range is drawn"
expect 0 '(src|href)="https?:' "nothing is fetched from the network"
exit $fail
