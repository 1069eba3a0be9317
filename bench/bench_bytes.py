"""Bytes the board sends to the terminal (issue 14): what an officer on a slow SSH link pays.

Not a test: run by hand, numbers go to docs/benchmarks.md "## Bytes to the terminal".

    python bench/bench_bytes.py                 # 100×30, the bundled board.json, TERM=xterm-256color
    python bench/bench_bytes.py --size 80x24 --term screen --no-color

Each app runs in a private tmux server; ``tmux pipe-pane`` records everything it writes to
its pane. Measured, per app:
- first paint: bytes from launch until the output is quiet (0.6 s without a byte);
- a focus move: ten presses (j ×5 then k ×5 on the board; the same on the floor app), each
  measured from the key until the output is quiet; the median;
- a status change (board only): ten presses alternating > and < on the focused card.
The yardstick (``../shared/yardsticks/floor_app.py``, the cheapest honest Textual kanban,
which repaints a whole column per key) runs in the same invocation, so both numbers come
from the same machine and load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT.parent.parent / "shared" / "yardsticks" / "floor_app.py"
QUIET = 0.6
"""Seconds without output that count as 'the frame is done'."""


class Pane:
    """One app in its own tmux server, its output recorded to a file."""

    def __init__(self, command: str, size: tuple[int, int], env: dict[str, str], workdir: Path) -> None:
        self.socket = f"bench-bytes-{os.getpid()}"
        self.log = workdir / "pane.out"
        self.log.write_bytes(b"")
        width, height = size
        self._tmux("new-session", "-d", "-s", "b", "-c", str(ROOT), "-x", str(width), "-y", str(height), "bash --norc --noprofile")
        self._tmux("pipe-pane", "-t", "b", "-o", f"cat >> {self.log}")
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        time.sleep(0.3)
        self.start = self.size()
        self._tmux("send-keys", "-t", "b", f"clear; env {exports} {command}", "Enter")

    def _tmux(self, *args: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True)

    def size(self) -> int:
        return self.log.stat().st_size

    def quiet(self, timeout: float = 20.0) -> int:
        """Wait until nothing was written for QUIET seconds; the file size then."""
        last, since, deadline = self.size(), time.monotonic(), time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.size()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= QUIET:
                break
        return last

    def press(self, key: str) -> int:
        """Bytes written in answer to one key."""
        before = self.quiet()
        self._tmux("send-keys", "-t", "b", key)
        return self.quiet() - before

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def measure(command: str, size, env, keys: dict[str, list[str]], wait_for: bytes) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        pane = Pane(command, size, env, Path(tmp))
        try:
            deadline = time.monotonic() + 30
            while wait_for not in pane.log.read_bytes() and time.monotonic() < deadline:
                time.sleep(0.05)
            first = pane.quiet() - pane.start
            result: dict[str, object] = {"first paint": first}
            for name, presses in keys.items():
                result[name] = [pane.press(key) for key in presses]
            return result
        finally:
            pane.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100x30")
    parser.add_argument("--term", default="xterm-256color")
    parser.add_argument("--no-color", action="store_true")
    parser.add_argument("--floor-cards", type=int, default=1000)
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    env = {"TERM": args.term, "TEXTUAL_ANIMATIONS": "none"}
    if args.no_color:
        env["NO_COLOR"] = "1"
    moves = ["j"] * 5 + ["k"] * 5
    with tempfile.TemporaryDirectory() as tmp:
        board = Path(tmp) / "board.json"
        shutil.copy(ROOT / "board.json", board)
        board_env = {**env, "XDG_STATE_HOME": str(Path(tmp) / "state"), "BOARD_USER": "bench"}
        ours = measure(f"{sys.executable} -m tui --board {board}", size, board_env,
                       {"focus move": moves, "status change": [">", "<"] * 5}, "ยังไม่".encode())
    floor = measure(f"{sys.executable} {FLOOR} {args.floor_cards}", size, env,
                    {"focus move": moves}, b"0000")
    print(f"{args.size}, TERM={args.term}{' NO_COLOR' if args.no_color else ''}; bytes (median of 10 presses)")
    for name, result in (("board", ours), (f"floor app ({args.floor_cards} cards)", floor)):
        parts = [f"first paint {result['first paint'] / 1024:.1f} KB"]
        for key in ("focus move", "status change"):
            if key in result:
                samples = result[key]
                parts.append(f"{key} {statistics.median(samples) / 1024:.2f} KB (max {max(samples) / 1024:.2f})")
        print(f"  {name}: " + "; ".join(parts))


if __name__ == "__main__":
    main()
