#!/usr/bin/env bash
# The real-terminal check of the picture path: xterm emulating a VT340 (sixel) under Xvfb runs
# supple at the anchor stretch's get-ready, and the screenshot must show the figure as a
# picture: the left leg's deep cyan and the dark body in the figure's cells, no braille there.
#   scripts/check-xterm-sixel.sh [OUT.png]     (needs xterm, xvfb, imagemagick; .ci/run runs it)
# BIN: the supple to check (default: a debug build of this checkout). Exits 0 when the picture
# is there, 1 when not, printing what it saw; OUT.png (default: a temporary file) keeps the
# screenshot to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in Xvfb xterm import convert; do
  command -v "$tool" >/dev/null || { echo "check-xterm-sixel: $tool is missing (apt-get install xterm xvfb imagemagick)"; exit 2; }
done
bin=${BIN:-}
if [ -z "$bin" ]; then
  cargo build --quiet
  bin="${CARGO_TARGET_DIR:-target}/debug/supple"
fi
bin=$(realpath "$bin")
work=$(mktemp -d)
out=${1:-$work/xterm.png}
display=":$((90 + RANDOM % 500))"
xvfb="" xterm_pid=""
cleanup() {
  [ -z "$xterm_pid" ] || kill "$xterm_pid" 2>/dev/null || true
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/data/supple"
touch "$work/data/supple/safety-note-read"
cat > "$work/anchor.json" <<'JSON'
{ "name": "anchor", "title": "Anchor", "defaults": { "lead_in_seconds": 30 },
  "steps": [ { "exercise": "anchor-stretch", "seconds": 20 } ] }
JSON
Xvfb "$display" -screen 0 1000x700x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display xterm -ti vt340 -xrm 'XTerm*numColorRegisters: 256' -fa 'DejaVu Sans Mono' \
  -fs 11 -geometry 100x30+0+0 -e env HOME="$work" XDG_CONFIG_HOME="$work" \
  XDG_DATA_HOME="$work/data" "$bin" run "$work/anchor.json" --no-sound &
xterm_pid=$!
sleep 4
DISPLAY=$display import -window root "$out"
# The figure's cells: the right part of the screen beside the digits, above the gauge.
crop=$(convert "$out" -crop 480x300+420+40 +repage -format %c histogram:info:-)
count() { # pixels whose colour matches the awk condition on r, g, b
  awk -F'[(,)]' -v cond="$1" '{ n = $1 + 0; r = $2 + 0; g = $3 + 0; b = $4 + 0;
    if ((cond == "cyan" && r < 60 && g > 110 && b > 110) ||
        (cond == "dark" && r < 60 && g < 60 && b < 60)) s += n } END { print s + 0 }' <<<"$crop"
}
cyan=$(count cyan)
dark=$(count dark)
echo "xterm sixel: ${cyan} px of the working leg's cyan, ${dark} px of the dark body in the figure's cells ($out)"
if [ "$cyan" -lt 400 ] || [ "$dark" -lt 400 ]; then
  echo "check-xterm-sixel: no figure picture in xterm"
  exit 1
fi
