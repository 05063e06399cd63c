#!/usr/bin/env python3
"""Start-up of the full screen in a terminal that never answers the picture query: the time
from starting supple to its first frame (GET READY on screen), in a pseudo-terminal with
nothing behind it but an answer to the cursor position (CSI 6n, which the terminal library
asks as the screen opens and waits 2 s for, in every build), so the picture query waits its
whole time. Runs two builds turn about, side by side.

  scripts/measure-startup.py BEFORE AFTER [RUNS]        (default 20 runs each)
  scripts/measure-startup.py --answer BEFORE AFTER      the terminal answers DA1 at once

Prints each build's minimum, median and maximum in ms, and the difference of the medians."""
import fcntl, os, pty, select, signal, statistics, struct, sys, tempfile, termios, time

answer = "--answer" in sys.argv
args = [a for a in sys.argv[1:] if a != "--answer"]
if len(args) < 2:
    sys.exit(__doc__)
builds = [os.path.realpath(args[0]), os.path.realpath(args[1])]
runs = int(args[2]) if len(args) > 2 else 20
home = tempfile.mkdtemp()
os.makedirs(f"{home}/data/supple")
open(f"{home}/data/supple/safety-note-read", "w").close()
routine = f"{home}/r.json"
open(routine, "w").write('{ "name": "s", "title": "S", "defaults": { "lead_in_seconds": 30 },'
                         ' "steps": [ { "exercise": "anchor-stretch", "seconds": 20 } ] }')
env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "XDG_CONFIG_HOME": f"{home}/config",
       "XDG_DATA_HOME": f"{home}/data", "TERM": "xterm-256color", "LANG": "C.UTF-8"}

def once(binary):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "run", routine, "--no-sound"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen, took = b"", None
    deadline = start + 5
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if b"\x1b[6n" in chunk:
            os.write(fd, b"\x1b[1;1R")
        if answer and b"\x1b[c" in chunk:
            os.write(fd, b"\x1b[?62;c")
        if b"GET READY" in seen:
            took = time.monotonic() - start
            break
    os.kill(pid, signal.SIGTERM)
    # Drain until it exits, so that it never blocks writing its last words.
    done = 0
    while True:
        try:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready and not os.read(fd, 65536):
                break
        except OSError:
            break
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    if not done:
        os.waitpid(pid, 0)
    os.close(fd)
    return took

times = {b: [] for b in builds}
for _ in range(runs):
    for b in builds:
        t = once(b)
        if t is not None:
            times[b].append(t * 1000)
print(f"first frame in a terminal that {'answers DA1 at once' if answer else 'never answers'}, "
      f"{runs} runs each, turn about (load average {os.getloadavg()[0]:.2f}):")
medians = []
for b in builds:
    t = times[b]
    if not t:
        print(f"  {b}: never drew")
        continue
    medians.append(statistics.median(t))
    print(f"  {b}: min {min(t):.1f} ms, median {statistics.median(t):.1f} ms, max {max(t):.1f} ms")
if len(medians) == 2:
    print(f"  difference of the medians: {medians[1] - medians[0]:+.1f} ms")
