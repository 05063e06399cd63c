#!/usr/bin/env bash
# CPU and peak memory of supple with sound on (voice and beeps), side by side in one window
# with porsmo (a terminal pomodoro timer whose rodio stream stays open) and with supple silent:
# each in its own tmux pane at 80x24, measured over the same SECONDS from /proc (user+system
# time of the whole process, VmHWM).
#   scripts/compare-sound.sh [SECONDS]        (default 120)
# BIN measures another build; NATIVE_FLAGS are added to the native run (say, --no-voice).
# Needs a PulseAudio server with a null sink (see the README, "Development"), and porsmo on
# PATH or in PORSMO (`cargo install porsmo`; it needs libasound2-dev to build). supple is
# measured twice: on its native PulseAudio path, and on the ALSA path (SUPPLE_AUDIO_HOST=alsa,
# the path it falls back to when the native client cannot connect; ALSA's pulse plugin then
# carries the sound to the same server, as it does for porsmo). Both get the server's cookie.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
seconds=${1:-120}
porsmo=${PORSMO:-$(command -v porsmo || true)}
[ -n "$porsmo" ] || { echo "porsmo not found: cargo install porsmo, or set PORSMO"; exit 2; }
cookie=${PULSE_COOKIE:-$HOME/.config/pulse/cookie}
[ -f "$cookie" ] || { echo "no PulseAudio cookie at $cookie: start the server first"; exit 2; }
server=$(pactl info 2>/dev/null | awk -F': ' '/Server String/ { print $2 }')
[ -n "$server" ] || { echo "no PulseAudio server answers (pactl info)"; exit 2; }
# The native client takes only "unix:PATH"; pactl prints the bare path.
server="unix:${server#unix:}"

bin=$(supple_bin)
work=$(mktemp -d)
socket="supple-compare-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; sleep 1; rm -rf "$work"' EXIT

hold=20
hold_routine "$work/hold.json" "$seconds" "$hold"

# One home per run, each with the server's cookie.
for run in native alsa silent; do
  mkdir -p "$work/$run/.config/pulse" "$work/$run/data/supple"
  touch "$work/$run/data/supple/safety-note-read"
  cp "$cookie" "$work/$run/.config/pulse/cookie"
done

# Each runs under a shell that writes its PID and then becomes it.
start() { # name, command
  local cmd="echo \$\$ > $work/$1.pid; exec $2"
  tmux -L "$socket" new-window -d -t m -n "$1" "$cmd" 2>/dev/null ||
    tmux -L "$socket" new-session -d -x 80 -y 24 -s m -n "$1" "$cmd"
}
supple_env() { # run, server (empty: none)
  # XDG_CONFIG_HOME stays unset: ALSA's configuration reads it, and fails on a folder it
  # does not expect. The cookie is looked for in HOME/.config/pulse.
  echo "env -u XDG_CONFIG_HOME HOME=$work/$1 XDG_DATA_HOME=$work/$1/data ${2:+PULSE_SERVER=$2}"
}
start native "$(supple_env native "$server") $bin run $work/hold.json ${NATIVE_FLAGS:-}"
start alsa "$(supple_env alsa "$server") SUPPLE_AUDIO_HOST=alsa $bin run $work/hold.json"
start silent "$(supple_env silent "$server") $bin run $work/hold.json --no-sound"
start porsmo "$porsmo timer 1h"

pids=()
for name in native alsa silent porsmo; do
  for _ in $(seq 50); do [ -s "$work/$name.pid" ] && break; sleep 0.1; done
  [ -s "$work/$name.pid" ] || { echo "$name did not start"; exit 1; }
  pids+=("$name:$(cat "$work/$name.pid")")
done
sleep 4 # past the lead-in, into the holds

cpu() { cpu_ns "$1"; }
declare -A before
for entry in "${pids[@]}"; do before[$entry]=$(cpu "${entry#*:}"); done
start_ns=$(date +%s%N)
sleep "$seconds"
end_ns=$(date +%s%N)
echo "side by side for $(( (end_ns - start_ns) / 1000000000 )) s, 80x24, 20 s holds, voice and beeps on"
for entry in "${pids[@]}"; do
  name=${entry%%:*}; pid=${entry#*:}
  used=$(( $(cpu "$pid") - ${before[$entry]} ))
  hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
  footer=""
  [ "$name" = porsmo ] || footer=$(tmux -L "$socket" capture-pane -p -t "m:$name" | tail -n 1 | grep -o "voice [0-9]*%\|beeps [0-9]*%\|sound off.*\|no sound" | head -n 1 || true)
  awk -v n="$name" -v c="$used" -v ns=$((end_ns - start_ns)) -v h="$hwm" -v f="$footer" \
    'BEGIN { printf "  %-7s %6.3f %% of one core, peak %5.1f MB  %s\n", n, 100 * c / ns, h / 1024, f }'
done
for run in native alsa; do
  echo "  $run log: $(grep -m1 'audio:' "$work/$run/data/supple/supple.log" 2>/dev/null || echo none)"
done
