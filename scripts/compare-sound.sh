#!/usr/bin/env bash
# CPU and peak memory of supple with sound on (voice and beeps), and the CPU its sound server
# spends on it, side by side in one window: each program in its own tmux pane at 80x24 with a
# sound server of its own (a 48 kHz null sink), all measured over the same SECONDS from /proc
# (user+system time of the whole process and of its server's processes; VmHWM).
#   scripts/compare-sound.sh [SECONDS]        (default 120)
# SERVER=pulseaudio (the default: PulseAudio with module-null-sink) or pipewire (pipewire,
# wireplumber and pipewire-pulse in a D-Bus session of their own) chooses the servers.
# The runs: supple on its native path (the server's protocol), supple on the ALSA path
# (SUPPLE_AUDIO_HOST=alsa: ALSA's pulse plugin carries the sound to the server, as it does for
# porsmo), supple silent, porsmo (a terminal pomodoro timer whose rodio stream stays open), and
# with BEFORE=path another supple build on its native path, for a before and after. BIN
# measures another build; NATIVE_FLAGS are added to the native runs (say, --no-voice).
# Needs pulseaudio or pipewire-pulse and wireplumber, pulseaudio-utils (pactl), tmux, and
# porsmo on PATH or in PORSMO (`cargo install porsmo`; it needs libasound2-dev to build).
# scripts/sound-latency.sh measures the latency of the same builds.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
seconds=${1:-120}
kind=${SERVER:-pulseaudio}
porsmo=${PORSMO:-$(command -v porsmo || true)}
[ -n "$porsmo" ] || { echo "porsmo not found: cargo install porsmo, or set PORSMO"; exit 2; }

bin=$(supple_bin)
before=${BEFORE:+$(realpath "$BEFORE")}
work=$(mktemp -d)
socket="supple-compare-$$"
runs=(native alsa silent porsmo)
[ -z "$before" ] || runs=(before "${runs[@]}")
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; sleep 1
      for run in "${runs[@]}"; do stop_sound_server "$work/$run"; done; sleep 1; rm -rf "$work"' EXIT

hold=20
hold_routine "$work/hold.json" "$seconds" "$hold"

for run in "${runs[@]}"; do
  sound_server "$kind" "$work/$run"
  mkdir -p "$work/$run/data/supple"
  touch "$work/$run/data/supple/safety-note-read"
done

# Each runs under a shell that writes its PID and then becomes it.
start() { # name, command
  local cmd="echo \$\$ > $work/$1.pid; exec $2"
  tmux -L "$socket" new-window -d -t m -n "$1" "$cmd" 2>/dev/null ||
    tmux -L "$socket" new-session -d -x 80 -y 24 -s m -n "$1" "$cmd"
}
supple_env() { # run
  # XDG_CONFIG_HOME stays unset: ALSA's configuration reads it, and fails on a folder it
  # does not expect.
  echo "env -u XDG_CONFIG_HOME -u PULSE_SERVER $(sound_env "$work/$1") XDG_DATA_HOME=$work/$1/data"
}
[ -z "$before" ] || start before "$(supple_env before) $before run $work/hold.json ${NATIVE_FLAGS:-}"
start native "$(supple_env native) $bin run $work/hold.json ${NATIVE_FLAGS:-}"
start alsa "$(supple_env alsa) SUPPLE_AUDIO_HOST=alsa $bin run $work/hold.json"
start silent "$(supple_env silent) $bin run $work/hold.json --no-sound"
start porsmo "$(supple_env porsmo) $porsmo timer 1h"

for run in "${runs[@]}"; do
  for _ in $(seq 50); do [ -s "$work/$run.pid" ] && break; sleep 0.1; done
  [ -s "$work/$run.pid" ] || { echo "$run did not start"; exit 1; }
done
sleep 4 # past the lead-in, into the holds

declare -A client server
for run in "${runs[@]}"; do
  client[$run]=$(cpu_ns "$(cat "$work/$run.pid")")
  server[$run]=$(cpu_ns_all "$work/$run/server.pids")
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
start_ns=$(date +%s%N)
sleep "$seconds"
end_ns=$(date +%s%N)
echo "side by side for $(( (end_ns - start_ns) / 1000000000 )) s, 80x24, 20 s holds, voice and beeps on,"
echo "each with a $kind server of its own; load average $load before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "  run      client %  server %   total %   peak MB  footer"
for run in "${runs[@]}"; do
  pid=$(cat "$work/$run.pid")
  used=$(( $(cpu_ns "$pid") - ${client[$run]} ))
  served=$(( $(cpu_ns_all "$work/$run/server.pids") - ${server[$run]} ))
  hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
  footer=""
  [ "$run" = porsmo ] || footer=$(tmux -L "$socket" capture-pane -p -t "m:$run" | tail -n 1 | grep -o "voice [0-9]*%\|beeps [0-9]*%\|sound off.*\|no sound" | head -n 1 || true)
  awk -v n="$run" -v c="$used" -v s="$served" -v ns=$((end_ns - start_ns)) -v h="$hwm" -v f="$footer" \
    'BEGIN { printf "  %-7s %8.3f  %8.3f  %8.3f  %7.1f  %s\n", n, 100 * c / ns, 100 * s / ns, 100 * (c + s) / ns, h / 1024, f }'
done
for run in "${runs[@]}"; do
  [ "$run" = porsmo ] || [ "$run" = silent ] ||
    echo "  $run log: $(grep -m1 -E 'supple: (audio: |no audio)' "$work/$run/data/supple/supple.log" 2>/dev/null || echo none)"
done
