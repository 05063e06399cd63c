# Shared by measure-cpu.sh and compare-sound.sh: the binary to measure, the routine of
# back-to-back holds it runs, and a process's CPU time. Sourced, not run.

# The supple to measure: BIN if set, else a release build of this checkout (in
# CARGO_TARGET_DIR where that is set).
supple_bin() {
  if [ -n "${BIN:-}" ]; then
    realpath "$BIN"
  else
    cargo build --release --quiet
    echo "${CARGO_TARGET_DIR:-$PWD/target}/release/supple"
  fi
}

# Writes to FILE a routine of HOLD-second holds, back to back, enough for SECONDS of measuring
# after a 2 s lead-in (at most 20 holds).
hold_routine() { # file, seconds, hold
  local reps=$(( ($2 + 30) / $3 + 1 ))
  [ "$reps" -le 20 ] || { echo "at most 20 holds: raise the hold or lower SECONDS" >&2; return 2; }
  cat > "$1" <<JSON
{ "name": "measure", "title": "Back-to-back holds",
  "defaults": { "lead_in_seconds": 2, "rest_seconds": 0 },
  "steps": [ { "exercise": "${EXERCISE:-seated-stretch}", "seconds": $3, "reps": $reps } ] }
JSON
}

# CPU time (user + system) of process PID so far, in nanoseconds.
cpu_ns() { # pid
  awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1e9 / t }' "/proc/$1/stat"
}

# Starts a sound server of its own in DIR, for one program: KIND pulseaudio (PulseAudio with a
# 48 kHz null sink) or pipewire (pipewire, wireplumber and pipewire-pulse in a D-Bus session of
# their own, with a 48 kHz null sink as the default). A program reaches it with
# `sound_env DIR` (its HOME holds the server's cookie). The server's PIDs go to DIR/server.pids.
sound_server() { # kind, dir
  local kind=$1 dir=$2
  mkdir -p "$dir/home" "$dir/run"
  chmod 700 "$dir/run"
  case $kind in
    pulseaudio)
      env HOME="$dir/home" XDG_RUNTIME_DIR="$dir/run" setsid pulseaudio -n --daemonize=no \
        --exit-idle-time=-1 --log-target=file:"$dir/server.log" \
        --load="module-null-sink sink_name=null rate=48000" \
        --load=module-native-protocol-unix >/dev/null 2>&1 &
      echo $! > "$dir/server.pids"
      ;;
    pipewire)
      env HOME="$dir/home" XDG_RUNTIME_DIR="$dir/run" setsid dbus-run-session -- sh -c \
        'pipewire & sleep 0.5; wireplumber & pipewire-pulse & wait' > "$dir/server.log" 2>&1 &
      echo $! > "$dir/session.pid"
      ;;
    *) echo "no such sound server: $kind (pulseaudio or pipewire)" >&2; return 2 ;;
  esac
  for _ in $(seq 100); do [ -S "$dir/run/pulse/native" ] && break; sleep 0.1; done
  [ -S "$dir/run/pulse/native" ] || { echo "the $kind server in $dir did not start" >&2; return 1; }
  if [ "$kind" = pipewire ]; then
    local pactl="env HOME=$dir/home XDG_RUNTIME_DIR=$dir/run pactl"
    $pactl load-module module-null-sink sink_name=null rate=48000 >/dev/null
    for _ in $(seq 50); do $pactl set-default-sink null 2>/dev/null && break; sleep 0.1; done
    $pactl info | grep -q "Default Sink: null" ||
      { echo "the pipewire null sink in $dir is not the default" >&2; return 1; }
    # The server's own processes, not the D-Bus daemon or the shell around them.
    pgrep -s "$(cat "$dir/session.pid")" -x 'pipewire|pipewire-pulse|wireplumber' > "$dir/server.pids"
  fi
}

# The environment a program needs to reach the server in DIR, for `env`.
sound_env() { # dir
  echo "HOME=$1/home XDG_RUNTIME_DIR=$1/run"
}

# Stops the server in DIR.
stop_sound_server() { # dir
  local pid
  if [ -s "$1/session.pid" ]; then
    kill -- "-$(cat "$1/session.pid")" 2>/dev/null || true
  fi
  for pid in $(cat "$1/server.pids" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
}

# CPU time of all the PIDs in FILE, in nanoseconds.
cpu_ns_all() { # file
  local pid total=0
  for pid in $(cat "$1"); do total=$(( total + $(cpu_ns "$pid") )); done
  echo "$total"
}
