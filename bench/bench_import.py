"""Import benchmark (issue 3, DESIGN.md §8): median time to import the sample letter.

    python bench/bench_import.py [LETTER] [--repeat N]

Times, each as the median of N runs in one warm process: reading + parsing the letter
(``read_letter``), turning the draft into records (``draft_to_records``), and the whole
``board import`` into a fresh board file (parse + records + ``BoardStore.create``); warm runs
reuse the agency-name cache. Then the first import in a fresh interpreter, with cold caches,
with and without the time to import the modules. Target: ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage.formats.reader import read_letter  # noqa: E402
from storage.formats.to_records import draft_to_records  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "letters" / "rayong-2565-directives.txt"


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _full_import(letter: Path, folder: Path) -> None:
    from tui.cli import main

    board = folder / f"board-{time.perf_counter_ns()}.json"
    if main(["--board", str(board), "import", str(letter)]) != 0:
        raise SystemExit("import failed")


def _cold_ms(letter: Path, folder: Path) -> tuple[float, float]:
    """(whole first import, the import command alone) in a fresh interpreter: cold caches."""
    code = (
        "import time; t0 = time.perf_counter(); from tui.cli import main; "
        "import storage.formats.reader, storage.formats.to_records, storage.sync.store; "
        "t1 = time.perf_counter(); "
        f"main(['--board', {str(folder / 'cold.json')!r}, 'import', {str(letter)!r}]); "
        "t2 = time.perf_counter(); print((t2 - t0) * 1000, (t2 - t1) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    total, command = out.stdout.strip().splitlines()[-1].split()
    return float(total), float(command)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letter", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    draft = read_letter(args.letter)
    print(f"machine: {_cpu()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}")
    print(f"letter: {args.letter.name} ({len(draft.items)} items, "
          f"{sum(len(i.agencies) for i in draft.items)} cards), median of {args.repeat} runs")
    print(f"parse (read_letter):            {_median_ms(lambda: read_letter(args.letter), args.repeat):7.2f} ms")
    print(f"draft_to_records:               {_median_ms(lambda: draft_to_records(draft), args.repeat):7.2f} ms")
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("XDG_STATE_HOME", str(Path(folder) / "state"))
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            full = _median_ms(lambda: _full_import(args.letter, Path(folder)), args.repeat)
        print(f"board import into a new board:  {full:7.2f} ms   (target <= 100 ms)")
        total, command = _cold_ms(args.letter, Path(folder))
        print(f"first import, new python:       {command:7.2f} ms   (cold caches, modules already imported)")
        print(f"first import, new python:       {total:7.2f} ms   (module imports included)")


if __name__ == "__main__":
    main()
