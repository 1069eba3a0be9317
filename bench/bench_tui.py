"""Board TUI benchmarks (DESIGN.md §8): not tests — run by hand, numbers go to
docs/benchmarks.md "## Board (TUI)".

    python bench/bench_tui.py            # 1,000 and 10,000 cards
    python bench/bench_tui.py --sizes 1000 --repeat 5

Measures, on synthetic boards made with BoardStore.create in a temp dir:
- start → first full paint: a fresh process (`python -m tui`-equivalent, headless
  driver) from exec to the first frame of the board grid; median of N runs;
- key press → card repainted and durably saved: in-process Pilot, '>' / '<' on the
  focused card, from the key event to the grid line of that card being repainted
  (the store write is synchronous, so it is on disk before the repaint);
- RSS after the first paint, and after 200 moves (growth per move);
- another replica's change visible: a `board move` in another process (its own state
  dir), from that process exiting to the app's snapshot holding the move (Watcher path;
  the app's fallback poll is switched off so it cannot be what delivers it);
- q → app stopped: in-process Pilot with the Watcher running, right after another
  process wrote (the case that once hung on joining the watcher's threads).

The tests only check that these things happen (within a generous bound that catches a
hang); how fast they happen is measured here and recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXTS = [
    "การบูรณาการร่วมระหว่างคณะกรรมการร่วมภาครัฐและภาคเอกชนเพื่อพัฒนาและแก้ไขปัญหาทางเศรษฐกิจ",
    "ให้ความสำคัญกับ “การสื่อสารกับสังคม” ที่เป็นหัวใจในการทำงาน ทั้งงานสังคม งานประชุม งานบุญ",
    "ส่งเสริมแผนงาน/โครงการ ที่มีผลต่อการขับเคลื่อนเศรษฐกิจฐานรากให้กับประชาชนในพื้นที่",
    "ทำนุบำรุงและจัดทำเรื่องราวความเป็นมาของศาสนา และสถานที่ศักดิ์สิทธิ์ของจังหวัด",
    "ดำเนินการตามนโยบายสำคัญของรัฐบาล ขจัดความยากจนและพัฒนาคนทุกช่วงวัยอย่างยั่งยืน",
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_board(path: Path, cards: int) -> None:
    """A board of ``cards`` cards: 3 agencies per item over 40 agencies, mixed statuses."""
    from storage.ids import agency_id, card_id, directive_id, item_id
    from storage.models import STATUSES, Agency, Card, Directive, Item, Records

    letter = "รย 0017.2/ว 9999"
    names = [f"สำนักงานทดสอบจังหวัดระยอง {n}" for n in range(40)]
    agencies = tuple(Agency(agency_id(n), n, f"สทด.{n.split()[-1]}") for n in names)
    items, out = [], []
    for seq in range(1, cards // 3 + 2):
        items.append(Item(item_id(letter, seq), directive_id(letter), seq, TEXTS[seq % len(TEXTS)],
                          due=f"2022-{seq % 12 + 1:02d}-15"))
        for k in range(3):
            if len(out) == cards:
                break
            name = names[(seq * 3 + k) % len(names)]
            out.append(Card(card_id(letter, seq, name), items[-1].id, agency_id(name), "lead" if k == 0 else "support",
                            STATUSES[(seq + k) % 4], float(seq)))
    directive = Directive(directive_id(letter), letter, "2022-07-17", "ทดสอบประสิทธิภาพ")
    from storage.sync.store import BoardStore

    BoardStore.create(path, Records((directive,), tuple(items), agencies, tuple(out)))


def child_paint(board: str) -> None:
    """Run in a fresh process: open the board, report when the grid first painted."""
    from datetime import date

    from storage.sync.store import BoardStore
    from tui.app import BoardApp
    from widgets.board_grid import BoardGrid

    store = BoardStore.open(Path(board))
    app = BoardApp(store, today=date(2022, 9, 20))
    painted: dict[str, float] = {}
    original = BoardGrid.render_line

    def render_line(self, y):
        strip = original(self, y)
        if y == self.size.height - 1 and "t" not in painted:
            painted["t"] = time.time()
            app.call_later(app.exit)
        return strip

    BoardGrid.render_line = render_line
    app.run(headless=True, size=(120, 40))
    store.close()
    print(json.dumps({"painted": painted.get("t"), "rss_mb": rss_mb()}))


def first_paint(board: Path, repeat: int) -> tuple[float, float]:
    times, rss = [], 0.0
    for _ in range(repeat):
        began = time.time()
        out = subprocess.run([sys.executable, __file__, "--child-paint", str(board)], cwd=ROOT,
                             capture_output=True, text=True, check=True, env=dict(os.environ, BOARD_USER="bench"))
        result = json.loads(out.stdout.strip().splitlines()[-1])
        times.append(result["painted"] - began)
        rss = result["rss_mb"]
    return statistics.median(times), rss


async def key_to_repaint(board: Path, moves: int) -> tuple[float, float, float, float]:
    """Median and p90 ms from key to repaint, RSS before and after ``moves`` moves."""
    from datetime import date

    from storage.sync.store import BoardStore
    from tui.app import BoardApp
    from widgets.board_grid import BoardGrid

    store = BoardStore.open(board)
    app = BoardApp(store, today=date(2022, 9, 20))
    app.animation_level = "none"
    stamps: list[float] = []
    original = BoardGrid.render_line

    def render_line(self, y):
        stamps.append(time.perf_counter())
        return original(self, y)

    BoardGrid.render_line = render_line
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        rss_before = rss_mb()
        for n in range(moves):
            stamps.clear()
            began = time.perf_counter()
            await pilot.press(">" if n % 2 == 0 else "<")
            await pilot.pause()
            while not stamps:
                await pilot.pause(0.001)
            samples.append((max(stamps) - began) * 1000)
        rss_after = rss_mb()
    BoardGrid.render_line = original
    store.close()
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9)], rss_before, rss_after


async def live_change(board: Path, repeat: int) -> float:
    """Median s from another process's `board move` returning to the app holding it."""
    from datetime import date

    from storage.models import STATUSES
    from storage.sync.store import BoardStore
    from tui.app import BoardApp

    store = BoardStore.open(board)
    app = BoardApp(store, today=date(2022, 9, 20), poll_seconds=3600)
    app.animation_level = "none"
    card = next(iter(store.snapshot().cards))
    env = dict(os.environ, BOARD_USER="other", XDG_STATE_HOME=str(board.parent / "other-state"))
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        for n in range(repeat):
            status = STATUSES[(STATUSES.index(app.snapshot.cards[card].status) + 1) % 4]
            subprocess.run([sys.executable, "-m", "tui", "--board", str(board), "move", card, status],
                           cwd=ROOT, env=env, check=True, capture_output=True)
            landed = time.perf_counter()
            while app.snapshot.cards[card].status != status and time.perf_counter() - landed < 10:
                await pilot.pause(0.01)
            samples.append(time.perf_counter() - landed)
    store.close()
    return statistics.median(samples)


async def quit_latency(board: Path, repeat: int) -> float:
    """Median ms from pressing q (watcher running, another process just wrote) to the app stopped."""
    from datetime import date

    from storage.sync.store import BoardStore
    from tui.app import BoardApp

    card = next(iter(BoardStore.open(board, read_only=True).snapshot().cards))
    env = dict(os.environ, BOARD_USER="other", XDG_STATE_HOME=str(board.parent / "other-state"))
    samples = []
    for n in range(repeat):
        store = BoardStore.open(board)
        app = BoardApp(store, today=date(2022, 9, 20), poll_seconds=3600)
        app.animation_level = "none"
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            subprocess.run([sys.executable, "-m", "tui", "--board", str(board), "note", card, f"bench {n}"],
                           cwd=ROOT, env=env, check=True, capture_output=True)
            began = time.perf_counter()
            await pilot.press("q")
            while app.is_running and time.perf_counter() - began < 10:
                await pilot.pause(0.001)
            samples.append((time.perf_counter() - began) * 1000)
        store.close()
    return statistics.median(samples)


def tmux_paint(board: Path, repeat: int, size: tuple[int, int] = (120, 40)) -> float | None:
    """Wall time from launching ``board`` in a private tmux server to the grid on screen."""
    import shutil

    if not shutil.which("tmux"):
        return None
    times = []
    for _ in range(repeat):
        began = time.time()
        subprocess.run(["tmux", "-L", "bench-tui", "new-session", "-d", "-x", str(size[0]), "-y", str(size[1]),
                        f"BOARD_USER=bench {sys.executable} -m tui --board {board}"], check=True)
        try:
            while time.time() - began < 10:
                screen = subprocess.run(["tmux", "-L", "bench-tui", "capture-pane", "-p"],
                                        capture_output=True, text=True).stdout
                if "▌" in screen and "q " in screen:  # a lane header and the footer: full paint
                    times.append(time.time() - began)
                    break
                time.sleep(0.005)
        finally:
            subprocess.run(["tmux", "-L", "bench-tui", "kill-server"], capture_output=True)
            time.sleep(0.3)
    return statistics.median(times) if times else None


def tmux_key_latency(board: Path, presses: int = 20) -> float | None:
    """Median ms from `tmux send-keys >` to the column counts changing on screen.

    Includes tmux and capture-pane polling (~2-5 ms per poll), so it over-states the app.
    """
    import shutil

    if not shutil.which("tmux"):
        return None
    tmux = ["tmux", "-L", "bench-tui"]
    subprocess.run(tmux + ["new-session", "-d", "-x", "120", "-y", "40",
                           f"BOARD_USER=bench {sys.executable} -m tui --board {board}"], check=True)
    samples = []
    try:
        header = _wait_screen(tmux, lambda screen: "▌" in screen)
        for n in range(presses):
            before = header
            began = time.perf_counter()
            subprocess.run(tmux + ["send-keys", ">" if n % 2 == 0 else "<"], check=True)
            header = _wait_screen(tmux, lambda screen: screen.splitlines()[1] != before)
            samples.append((time.perf_counter() - began) * 1000)
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)
        time.sleep(0.3)
    return statistics.median(samples) if samples else None


def _wait_screen(tmux: list[str], done, timeout: float = 10.0) -> str:
    began = time.time()
    while time.time() - began < timeout:
        screen = subprocess.run(tmux + ["capture-pane", "-p"], capture_output=True, text=True).stdout
        if screen.count("\n") > 2 and done(screen):
            return screen.splitlines()[1]
        time.sleep(0.001)
    raise TimeoutError("screen did not change")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--child-paint", metavar="BOARD")
    args = parser.parse_args()
    if args.child_paint:
        child_paint(args.child_paint)
        return
    os.environ.setdefault("BOARD_USER", "bench")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["XDG_STATE_HOME"] = str(Path(tmp) / "state")
            board = Path(tmp) / "board.json"
            make_board(board, size)
            paint, rss_paint = first_paint(board, args.repeat)
            in_tmux = tmux_paint(board, args.repeat)
            median, p90, before, after = asyncio.run(key_to_repaint(board, args.moves))
            seen = f", seen in tmux {in_tmux:.2f} s" if in_tmux else ""
            key_tmux = tmux_key_latency(board)
            seen_key = f", in tmux {key_tmux:.0f} ms" if key_tmux else ""
            live = asyncio.run(live_change(board, args.repeat))
            quit_ms = asyncio.run(quit_latency(board, args.repeat))
            print(f"{size:>6} cards: first paint {paint:.2f} s{seen} (median of {args.repeat}), RSS {rss_paint:.0f} MB; "
                  f"key→repaint+saved median {median:.1f} ms, p90 {p90:.1f} ms{seen_key}; "
                  f"RSS {before:.0f} → {after:.0f} MB over {args.moves} moves; "
                  f"another process's move visible after {live:.2f} s; q → stopped {quit_ms:.0f} ms")


if __name__ == "__main__":
    main()
