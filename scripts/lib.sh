# Shared by measure-cpu.sh and compare-sound.sh: the binary to measure, the routine of
# back-to-back holds it runs, and a process's CPU time. Sourced, not run.

# The supple to measure: BIN if set, else a release build of this checkout.
supple_bin() {
  if [ -n "${BIN:-}" ]; then
    realpath "$BIN"
  else
    cargo build --release --quiet
    echo "$PWD/target/release/supple"
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
