"""PDF import benchmark (issue 9): a 10-page PDF letter imported in ≤ 1 s.

    python bench/bench_pdf.py [LETTER.pdf] [--repeat N]

``bench/letter-10-pages.pdf`` is the Saraburi test letter with its items repeated over ten A4
pages (LibreOffice, TLWG Laksaman; made by tests/fixtures/make_pdfs.py). Prints the medians
of N warm runs in one process of: reading the PDF's characters and lines (pypdfium2), the
whole ``read_letter`` (lines → table by position → Thai repair → draft), and the Thai repair
of its text alone; then ``board import --dry-run`` in a fresh interpreter, module imports
and the word list's first load included (3 runs, median).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage.formats.pdf import pdf_lines  # noqa: E402
from storage.formats.reader import read_letter  # noqa: E402
from storage.thai import repair as repair_module  # noqa: E402

LETTER = ROOT / "bench" / "letter-10-pages.pdf"


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _cold_ms(path: Path) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))",
                        "--board", "/nonexistent/board.json", "import", "--dry-run", str(path)],
                       check=True, capture_output=True, cwd=ROOT)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letter", nargs="?", type=Path, default=LETTER)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    data = args.letter.read_bytes()
    lines = pdf_lines(args.letter, data)
    draft = read_letter(args.letter)
    text = "\n".join(line.text for line in lines)
    pages = 1 + max(line.page for line in lines)
    print(f"{args.letter.name}: {pages} pages, {len(text):,} characters, {len(draft.items)} items; "
          f"Python {platform.python_version()}, {platform.machine()}, medians of {args.repeat}")
    print(f"  characters → lines (pypdfium2)      {_median_ms(lambda: pdf_lines(args.letter, data), args.repeat):7.1f} ms")
    print(f"  read_letter, warm                   {_median_ms(lambda: read_letter(args.letter), args.repeat):7.1f} ms")

    def cold_repair() -> None:
        repair_module._unknown.cache_clear()
        repair_module.repair(text)

    print(f"  Thai repair of all its text, cold   {_median_ms(cold_repair, args.repeat):7.1f} ms")
    print(f"  board import --dry-run, new process {_cold_ms(args.letter):7.1f} ms (target ≤ 1000)")


if __name__ == "__main__":
    main()
