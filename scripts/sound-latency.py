#!/usr/bin/env python3
"""Latency from a cue's moment to its sound on the sink's monitor, and clicks, for one supple.

    scripts/sound-latency.py BIN [HOLDS]          (default 5 holds of 20 s)

Runs `BIN run --plain` on back-to-back 20 s holds (after a 6 s lead-in, so that its line has
ended when the first hold's begins) with voice and beeps, skipping ahead (`n`)
6 s into every other hold, while `parec` records the default sink's monitor. Plain mode prints
a line the moment a step starts or a tick is due; each line is matched to the first sound that
follows it. Prints, in ms: the session's first cue (its "get ready" line), the foreseen cues
(steps reached on their own, ticks) and the unforeseen ones (the step a skip lands on), then
the clicks: sounds under 60 ms long that are no cue, alone (80 ms from any other) or just
before a cue (the end of the last one played again). SHOW=1 prints the whole timeline too.

The sound server is the one the environment names (PULSE_SERVER, XDG_RUNTIME_DIR), HOME holds
its cookie and XDG_DATA_HOME supple's data, as for supple itself; `parec` comes with
pulseaudio-utils. The recording starts 2 s before supple: a new record stream on a null sink
needs a moment before its timing is steady.
"""

import array
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

RATE = 48000
THRESHOLD = int(0.002 * 32768)  # -54 dBFS: silence is 0 on a null sink
GAP = 0.030  # quiet longer than this ends a sound
CLICK = 0.060  # a sound shorter than this, 80 ms from any other and no tick, is a click
ALONE = 0.080


def record(chunks, stop):
    """Reads the monitor in 5 ms pieces, each noted with the wall-clock time it arrived."""
    rec = subprocess.Popen(
        ["parec", "--raw", "--format=s16le", f"--rate={RATE}", "--channels=1",
         "--latency-msec=5", "-d", "@DEFAULT_MONITOR@"],
        stdout=subprocess.PIPE, bufsize=0)
    while not stop.is_set():
        piece = rec.stdout.read(480)
        if not piece:
            break
        chunks.append((time.time(), piece))
    rec.kill()


def sounds(chunks):
    """(start, end) wall-clock times of each stretch of sound in the recording."""
    runs, start, last = [], None, None
    for arrived, piece in chunks:
        samples = array.array("h")
        samples.frombytes(piece[: len(piece) // 2 * 2])
        n = len(samples)
        for i, v in enumerate(samples):
            if abs(v) > THRESHOLD:
                t = arrived - (n - i) / RATE
                if start is None or t - last > GAP:
                    if start is not None:
                        runs.append((start, last))
                    start = t
                last = t
    if start is not None:
        runs.append((start, last))
    return runs


def main():
    binary = sys.argv[1]
    holds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    work = tempfile.mkdtemp()
    routine = os.path.join(work, "holds.json")
    with open(routine, "w") as f:
        json.dump({"name": "latency", "title": "Back-to-back holds",
                   "defaults": {"lead_in_seconds": 6, "rest_seconds": 0},
                   "steps": [{"exercise": "seated-stretch", "seconds": 20, "reps": holds}]}, f)
    chunks, stop = [], threading.Event()
    recorder = threading.Thread(target=record, args=(chunks, stop))
    recorder.start()
    time.sleep(2)

    supple = subprocess.Popen([binary, "run", "--plain", routine], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, bufsize=1)
    events = []  # (time, kind, text)
    skips = []

    def skip():
        skips.append(time.time())
        supple.stdin.write("n\n")
        supple.stdin.flush()

    holds_seen = 0
    for line in supple.stdout:
        now = time.time()
        text = line.strip()
        if text.startswith("Get ready"):
            events.append((now, "first", text))
        elif text.startswith("Hold:"):
            holds_seen += 1
            unforeseen = bool(skips) and now - skips[-1] < 0.3
            events.append((now, "unforeseen" if unforeseen else "foreseen", text))
            if holds_seen % 2 == 0 and holds_seen < holds:
                # 6 s into every other hold: a step nobody foresaw.
                threading.Timer(6, skip).start()
        elif text in ("3", "2", "1") or text.startswith("Session complete"):
            events.append((now, "foreseen", text))
    supple.wait()
    time.sleep(1.5)
    stop.set()
    recorder.join()

    runs = sounds(chunks)
    if os.environ.get("SHOW"):
        timeline = [(at, f"{kind:10} {text[:40]}") for at, kind, text in events]
        timeline += [(r[0], f"sound {1000 * (r[1] - r[0]):7.1f} ms") for r in runs]
        for at, what in sorted(timeline):
            print(f"{at % 100:8.3f} {what}")
    used, replays = set(), []
    found = {"first": [], "foreseen": [], "unforeseen": [], "missing": []}
    for at, kind, text in events:
        near = [r for r in runs if r not in used and -0.05 < r[0] - at < 1.0]
        # A scrap of sound just before the cue: the end of the last one played again.
        if len(near) > 1 and near[0][1] - near[0][0] < CLICK and near[1][0] - near[0][1] < 0.3:
            replays.append(near.pop(0))
            used.add(replays[-1])
        if not near:
            found["missing"].append(text[:30])
            continue
        used.add(near[0])
        found[kind].append(1000 * (near[0][0] - at))

    def alone(run):
        return all(other == run or other[0] - run[1] > ALONE or run[0] - other[1] > ALONE
                   for other in runs)

    clicks = replays + [r for r in runs if r not in used and r[1] - r[0] < CLICK and alone(r)]

    def stats(values):
        if not values:
            return "none"
        return (f"median {statistics.median(values):6.1f}, max {max(values):6.1f} "
                f"(n={len(values)})")

    print(f"  first cue   {found['first'][0]:6.1f} ms" if found["first"] else "  first cue   none")
    print(f"  foreseen    {stats(found['foreseen'])} ms")
    print(f"  unforeseen  {stats(found['unforeseen'])} ms")
    print(f"  clicks      {len(clicks)}" + (f" at {[round(r[0] % 100, 3) for r in clicks]}" if clicks else ""))
    if found["missing"]:
        print(f"  no sound after: {found['missing']}")


if __name__ == "__main__":
    main()
