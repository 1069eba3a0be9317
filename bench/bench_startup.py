"""Start-up against yardsticks measured in the same run (issue 11): not a test — run by hand,
numbers go to docs/benchmarks.md "## Start-up against yardsticks".

    python bench/bench_startup.py                 # 1,000 and 10,000 cards, 5 rounds
    python bench/bench_startup.py --sizes 1000 --repeat 3

Every figure is a ratio to a yardstick timed in the same rounds, interleaved with ours
(the machine is shared and noisy; a number from another day means little):

- first paint, seen in tmux (launch → the first card line on screen), 100×30: `board`
  against ../shared/yardsticks/floor_app.py painting as many cards;
- key → screen in tmux (send-keys j → the screen changed): `board` against the floor app;
- cold CLI processes against Taskwarrior (Debian's `taskwarrior`, installed with apt-get
  when missing) holding the same cards as tasks: `board list` vs `task list`,
  `board summary` vs `task summary`, `board move` vs `task N modify`; `board list` also
  with its open cache deleted first (what the first command after another officer's change
  costs: every file read and joined, the cache written again);
- RSS of the board process after its first paint;
- one `board import` of 35 letters into a fresh board (the issue's goal: ≤ 1 s).

Wall time is what the goals are about; next to it each line gives the CPU time (user +
system) of the same processes, which a loaded machine distorts far less: for the CLI from
the children's rusage, for first paint the app's own CPU seconds up to the moment its first
card line was seen (/proc/PID/stat).

Before timing, the project's modules are compiled (``compileall``): an installed tool runs
from .pyc files, while a machine with PYTHONDONTWRITEBYTECODE=1 (this one) would otherwise
compile every module of ours from source at every start.

The boards are the sample letter (7 items, 27 cards) imported under N different letter
numbers, as an office that received N letters of that shape would have.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "letters" / "rayong-2565-directives.txt"
FLOOR = next((up / "shared" / "yardsticks" / "floor_app.py" for up in ROOT.parents
              if (up / "shared" / "yardsticks" / "floor_app.py").exists()),
             Path("/work/shared/yardsticks/floor_app.py"))
"""../shared beside the checkout (a git worktree may sit one folder deeper); ``--floor`` overrides."""
SIZE = (100, 30)
SOCKET = f"bench-startup-{os.getpid()}"
"""A private tmux server per run: two runs at once must not kill each other's panes."""
LETTERS_IMPORTED = 35


def letters(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the sample letter, each under its own letter number."""
    text = SAMPLE.read_text(encoding="utf-8")
    number = "๓๓๖๒"
    assert number in text, "the sample's letter number moved"
    out = []
    for n in range(count):
        path = folder / f"letter-{n:03d}.txt"
        path.write_text(text.replace(number, f"{9000 + n}", 1), encoding="utf-8")
        out.append(path)
    return out


def board_cmd(board: Path, *args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "board"), "--board", str(board), *args]


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(cmd: list[str], env: dict, cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process run to its end."""
    cpu, began = children_cpu(), time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began, children_cpu() - cpu


def compile_project() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j0",
                    *(str(ROOT / pkg) for pkg in ("tui", "widgets", "storage"))], check=True)


# ---- tmux ------------------------------------------------------------------------------

def tmux(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)


def screen(styles: bool = False) -> str:
    """The pane's text; with ``styles`` its colours and attributes too (a cursor that moved
    changes only which line is reversed)."""
    return tmux("capture-pane", "-p", *(["-e"] if styles else [])).stdout


def wait_for(done, timeout: float = 20.0, styles: bool = False) -> float | None:
    began = time.perf_counter()
    while time.perf_counter() - began < timeout:
        if done(screen(styles)):
            return time.perf_counter()
        time.sleep(0.002)
    return None


def launch(command: str) -> float:
    tmux("kill-server")
    began = time.perf_counter()
    # remain-on-exit: an app that fails at start leaves its message on screen to be read
    tmux("new-session", "-d", "-x", str(SIZE[0]), "-y", str(SIZE[1]), command, ";",
         "set-option", "remain-on-exit", "on")
    return began


def app_pid() -> str:
    """The app's process: the pane's own, or the newest child of the pane's shell."""
    pid = tmux("display-message", "-p", "#{pane_pid}").stdout.strip()
    children = subprocess.run(["pgrep", "-P", pid], capture_output=True, text=True).stdout.split()
    return children[-1] if children else pid


def pane_rss_mb(pid: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: str) -> float:
    """CPU seconds (user + system) the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14, 15 of stat(5))


def paint_and_key(command: str, first_line, keys: int = 10) -> tuple[float | None, float, float | None, float]:
    """(seconds to the first card line, CPU seconds used by then, median ms key → screen
    change, RSS MB) of one app."""
    began = launch(command)
    painted = wait_for(first_line)
    if painted is None:
        print("  (no first card line within 20 s; the screen was:)\n" + screen(), file=sys.stderr)
        tmux("kill-server")
        return None, float("nan"), None, float("nan")
    pid = app_pid()
    cpu = process_cpu(pid)

    time.sleep(0.5)  # let start-up work after the first frame settle before timing keys
    rss = pane_rss_mb(pid)
    latencies = []
    for _ in range(keys):
        before = screen(styles=True)
        sent = time.perf_counter()
        tmux("send-keys", "j")
        changed = wait_for(lambda now: now != before, timeout=5, styles=True)
        if changed is not None:
            latencies.append((changed - sent) * 1000)
    tmux("send-keys", "q")
    time.sleep(0.2)
    tmux("kill-server")
    time.sleep(0.2)
    return painted - began, cpu, (statistics.median(latencies) if latencies else None), rss


CARD_LINE = re.compile(r"(ข้อ|Item) [๐-๙0-9]|[๐-๙0-9]#[๐-๙0-9]")
"""A card's label: ``ข้อ ๖`` (the title bar also says ข้อ, in ข้อสั่งการ, so a number must
follow) or, on a board of several letters, item and letter tag: ``๖#๙๐๐๒``."""


def board_first_line(text: str) -> bool:
    return bool(CARD_LINE.search(text))


def floor_first_line(text: str) -> bool:
    return "ส่งเสริม" in text


# ---- Taskwarrior -------------------------------------------------------------------------

def ensure_taskwarrior() -> str | None:
    if shutil.which("task"):
        return shutil.which("task")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "taskwarrior"], capture_output=True)
    return shutil.which("task")


def taskwarrior_env(folder: Path, board: Path, env: dict) -> dict:
    """A Taskwarrior database holding the board's cards as tasks (same text, project = agency)."""
    data = folder / "task"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n", encoding="utf-8")
    tenv = dict(env, TASKRC=str(rc), TASKDATA=str(data))
    cards = json.loads(subprocess.run(board_cmd(board, "list", "--json"), env=env, capture_output=True,
                                      text=True, check=True).stdout)
    tasks = [{"description": c["item"]["text"][:120], "project": c["agency"]["short"] or "none",
              "status": "pending", "entry": "20220717T000000Z", "uuid": _uuid(c["id"])} for c in cards]
    subprocess.run(["task", "import", "-"], input=json.dumps(tasks), env=tenv, text=True,
                   capture_output=True, check=True)
    return tenv


def _uuid(card_id: str) -> str:
    h = (card_id * 2)[:32]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}"


# ---- main --------------------------------------------------------------------------------

def ratio(ours: list[float], theirs: list[float]) -> str:
    ours, theirs = [x for x in ours if x == x], [x for x in theirs if x == x]  # drop NaN
    if not ours or not theirs:
        return "n/a"
    a, b = statistics.median(ours), statistics.median(theirs)
    return f"{a * 1000:.0f} ms vs {b * 1000:.0f} ms = {a / b:.2f}×"


def both(ours: list[tuple[float, float]], theirs: list[tuple[float, float]]) -> str:
    """Wall and CPU ratios of (wall, cpu) pairs."""
    return (f"{ratio([w for w, _ in ours], [w for w, _ in theirs])}  "
            f"(CPU {ratio([c for _, c in ours], [c for _, c in theirs])})")


def import_letters(folder: Path, env: dict, repeat: int) -> list[tuple[float, float]]:
    """One `board import` of LETTERS_IMPORTED letters into a fresh board, ``repeat`` times."""
    (folder / "import").mkdir()
    files = letters(folder / "import", LETTERS_IMPORTED)
    out = []
    for n in range(repeat):
        board = folder / "import" / f"board-{n}.json"
        out.append(timed(board_cmd(board, "import", *map(str, files)), env))
    return out


def run_size(cards: int, repeat: int, keys: int, floor: Path, imports: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, BOARD_USER="bench", XDG_STATE_HOME=str(folder / "state"), COLUMNS="100")
        count = max(1, round(cards / 27))
        board = folder / "board.json"
        (folder / "letters").mkdir()
        files = letters(folder / "letters", count)
        imported, _ = timed(board_cmd(board, "import", *map(str, files)), env)
        snapshot = json.loads(subprocess.run(board_cmd(board, "list", "--json"), env=env, capture_output=True,
                                             text=True, check=True).stdout)
        n = len(snapshot)
        card = snapshot[n // 2]["id"]
        print(f"\n{n} cards from {count} letters (one `board import` of all {count}: {imported:.2f} s)")

        task = ensure_taskwarrior()
        tenv = taskwarrior_env(folder, board, env) if task else None
        paint: dict[str, list[tuple[float, float]]] = {"board": [], "floor": []}
        keyms: dict[str, list[float]] = {"board": [], "floor": []}
        rss = []
        cli: dict[str, list[tuple[float, float]]] = {
            k: [] for k in ("list", "list (no cache)", "task list", "summary", "task summary", "move", "task modify")}
        board_app = f"env BOARD_USER=bench XDG_STATE_HOME={folder / 'state'} " + " ".join(board_cmd(board))
        floor_app = f"{sys.executable} {floor} {n}"
        for round_ in range(repeat):
            for name, command, first in (("board", board_app, board_first_line), ("floor", floor_app, floor_first_line)):
                seconds, cpu, key, mem = paint_and_key(command, first, keys)
                if seconds is not None:
                    paint[name].append((seconds, cpu))
                if key is not None:
                    keyms[name].append(key / 1000)
                if name == "board":
                    rss.append(mem)
            # The first command after another officer's change finds no usable cache (issue 11):
            # as if deleted; it reads every file and writes the cache again for the next one.
            shutil.rmtree(folder / "state" / "directive-board" / "cache", ignore_errors=True)
            cli["list (no cache)"].append(timed(board_cmd(board, "list"), env))
            cli["list"].append(timed(board_cmd(board, "list"), env))
            cli["summary"].append(timed(board_cmd(board, "summary"), env))
            cli["move"].append(timed(board_cmd(board, "move", card, ("doing", "todo")[round_ % 2]), env))
            if tenv:
                cli["task list"].append(timed(["task", "list"], tenv))
                cli["task summary"].append(timed(["task", "summary"], tenv))
                cli["task modify"].append(timed(["task", "1", "modify", f"priority:{'HML'[round_ % 3]}"], tenv))
        print(f"first paint in tmux {SIZE[0]}×{SIZE[1]}: board vs floor app {both(paint['board'], paint['floor'])}")
        print(f"key → screen in tmux: board vs floor app {ratio(keyms['board'], keyms['floor'])}")
        print(f"RSS after first paint: {statistics.median(rss):.0f} MB")
        print(f"board list vs task list: {both(cli['list'], cli['task list'])}")
        print(f"board list, no cache (after another's change) vs task list: "
              f"{both(cli['list (no cache)'], cli['task list'])}")
        print(f"board summary vs task summary: {both(cli['summary'], cli['task summary'])}")
        print(f"board summary vs task list (the issue's yardstick): {both(cli['summary'], cli['task list'])}")
        print(f"board move vs task N modify: {both(cli['move'], cli['task modify'])}")
        if imports:
            runs = import_letters(folder, env, repeat)
            print(f"one `board import` of {LETTERS_IMPORTED} letters into a fresh board: "
                  f"{statistics.median(w for w, _ in runs):.2f} s (CPU {statistics.median(c for _, c in runs):.2f} s)")
        print(f"(medians of {repeat} rounds, ours and the yardstick interleaved; load average "
              f"{os.getloadavg()[0]:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keys", type=int, default=10, help="key presses per app launch")
    parser.add_argument("--floor", type=Path, default=FLOOR, help="the floor app (default: %(default)s)")
    args = parser.parse_args()
    if not args.floor.exists():
        sys.exit(f"no floor app at {args.floor} (--floor PATH)")
    if not shutil.which("tmux"):
        sys.exit("needs tmux")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}, "
          f"load average {os.getloadavg()[0]:.1f}")
    compile_project()
    try:
        for size in args.sizes:
            run_size(size, args.repeat, args.keys, args.floor, imports=size == min(args.sizes))
    finally:
        tmux("kill-server")


if __name__ == "__main__":
    main()
