#!/usr/bin/env bash
# Latency from each cue's moment to its sound on the sink's monitor, and clicks at the ends of
# cues, for supple (and with BEFORE=path another build, one after the other), each with a
# sound server of its own: see scripts/sound-latency.py for what is measured.
#   scripts/sound-latency.sh [HOLDS]        (default 5 holds of 20 s, about two minutes a run)
# SERVER=pulseaudio (default) or pipewire, as for compare-sound.sh; BIN measures another build.
# Needs pulseaudio or pipewire-pulse and wireplumber, and pulseaudio-utils (parec, pactl).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
holds=${1:-5}
kind=${SERVER:-pulseaudio}
bin=$(supple_bin)
work=$(mktemp -d)
trap 'for dir in "$work"/*/; do stop_sound_server "$dir"; done; sleep 1; rm -rf "$work"' EXIT
builds=(now:"$bin")
[ -z "${BEFORE:-}" ] || builds=(before:"$(realpath "$BEFORE")" "${builds[@]}")
for build in "${builds[@]}"; do
  name=${build%%:*}
  dir="$work/$name"
  sound_server "$kind" "$dir"
  mkdir -p "$dir/data/supple"
  touch "$dir/data/supple/safety-note-read"
  echo "$name ($kind, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
  env -u XDG_CONFIG_HOME -u PULSE_SERVER $(sound_env "$dir") XDG_DATA_HOME="$dir/data" \
    python3 scripts/sound-latency.py "${build#*:}" "$holds"
  echo "  log: $(grep -m1 'audio' "$dir/data/supple/supple.log" || echo none)"
  stop_sound_server "$dir"
done
