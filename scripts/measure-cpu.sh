#!/usr/bin/env bash
# Measures supple's CPU use and peak memory during a hold, in a real terminal (tmux).
# Reads the process's user+system time from /proc/PID/stat (all threads, also those that
# ended, such as audio streams closed between cues; resolution 1/CLK_TCK, so measure a minute
# or more) and VmHWM from /proc/PID/status; prints the share of one core and the peak RSS.
#   scripts/measure-cpu.sh [SECONDS] [extra supple flags...]     (default 60 s, --no-sound)
# HOLD_SECONDS (default 20, the article's hold) sets the length of each back-to-back hold;
# EXERCISE (default seated-stretch) the exercise of every step (leg-lunges: a moving figure);
# SIZE (default 80x24) the terminal's columns x rows; BIN another supple binary to measure (to
# compare two builds side by side, run the script for each in the same minute).
# With sound on, set SESSION_HOME to a HOME whose .asoundrc names the device to measure
# against (for example a PulseAudio null sink: see the README); by default HOME is a fresh
# empty folder, so ALSA finds no device and sound is off.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
seconds=${1:-60}
shift || true
flags=${*:---no-sound}

size=${SIZE:-80x24}
cols=${size%x*}
rows=${size#*x}
bin=$(supple_bin)
work=$(mktemp -d)
socket="supple-measure-$$"
pid=""
# supple saves its session when the terminal closes: let it finish before its folder goes.
trap 'tmux -L "$socket" kill-server 2>/dev/null || true
      [ -z "$pid" ] || timeout 5 tail --pid="$pid" -f /dev/null || true
      rm -rf "$work"' EXIT

hold=${HOLD_SECONDS:-20}
hold_routine "$work/hold.json" "$seconds" "$hold"

# The safety note before a first session has been read: measure the hold, not the note.
mkdir -m 700 -p "$work/supple"
touch "$work/supple/safety-note-read"

tmux -L "$socket" new-session -d -x "$cols" -y "$rows" -s m \
  "env HOME=${SESSION_HOME:-$work} XDG_CONFIG_HOME=$work XDG_DATA_HOME=$work $bin run $work/hold.json $flags"
for _ in $(seq 50); do
  pid=$(pgrep -f "^$bin run $work/hold.json" || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "supple did not start"; exit 1; }
sleep 4 # past the lead-in, into the hold

cpu() { cpu_ns "$pid"; }
start_cpu=$(cpu)
start_ns=$(date +%s%N)
sleep "$seconds"
end_cpu=$(cpu)
end_ns=$(date +%s%N)
hwm_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
pane=$(tmux -L "$socket" capture-pane -p -t m)
screen=$(grep -c "HOLD\|DYNAMIC" <<<"$pane" || true)
sound=$(tail -n 1 <<<"$pane" | grep -o "sound [^ ].*\|muted.*\|bell" | sed 's/ *$//' || true)

awk -v c=$((end_cpu - start_cpu)) -v ns=$((end_ns - start_ns)) \
    -v hold="$hold" -v snd="$sound" -v hwm="$hwm_kb" -v rss="$rss_kb" -v f="$flags" -v held="$screen" \
    -v size="$size" 'BEGIN {
  wall = ns / 1e9; cpu = c / 1e9;
  printf "supple %s, %s s holds at %s, measured for %.1f s\n", f, hold, size, wall;
  printf "  footer: %s\n", snd;
  printf "  cpu:  %.4f s of cpu = %.3f %% of one core\n", cpu, 100 * cpu / wall;
  printf "  peak rss (VmHWM): %.1f MB, rss now: %.1f MB\n", hwm / 1024, rss / 1024;
  if (held == 0) print "  warning: the screen did not show a hold";
}'
