"""The meeting's reports and screens at 10,000 cards (issue 10): medians.

    python bench/bench_meeting.py [--cards 10000] [--repeat 5]

Prints how long each takes on a board of ``--cards`` cards with one move and one note on every
tenth card (2,000 activities): the activity log, per-agency progress (board summary), one
agency's review page, and the exports (csv, xlsx, md, docx of one agency). Nothing is asserted:
docs/benchmarks.md records machine and medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_storage import machine, records  # noqa: E402
from storage.activity import activities  # noqa: E402
from storage.progress import agency_progress  # noqa: E402
from storage.review import agency_review  # noqa: E402
from storage.sync.store import BoardStore  # noqa: E402

TODAY = date(2022, 10, 1)


def median_ms(work, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from storage.formats.agency_docx import to_docx
    from storage.formats.export import to_csv
    from storage.formats.minutes import to_markdown
    from storage.formats.xlsx_export import to_xlsx

    with tempfile.TemporaryDirectory() as root:
        path = Path(root) / "board.json"
        BoardStore.create(path, records(args.cards), name="bench")
        store = BoardStore.open(path, user="bench")
        for n, card_id in enumerate(sorted(store.snapshot().cards)):
            if n % 10 == 0:
                store.move(card_id, "blocked" if n % 20 else "doing", note=f"บันทึกความคืบหน้าที่ {n}")
        snap = store.snapshot()
        agency = next(iter(snap.agencies.values()))
        mine = [c for c in snap.cards.values() if c.agency_id == agency.id]
        print(f"{machine()}; {len(snap.cards)} cards, {len(activities(snap))} activities; medians of {args.repeat}")
        rows = [
            ("activity log (all)", lambda: activities(snap)),
            ("progress per agency (summary)", lambda: agency_progress(snap, TODAY)),
            ("one agency's review page", lambda: agency_review(snap, agency.id, TODAY, date(2000, 1, 1))),
            ("export csv", lambda: to_csv(snap, TODAY)),
            ("export xlsx", lambda: to_xlsx(snap, TODAY)),
            ("export md", lambda: to_markdown(snap, TODAY)),
            (f"export docx ({len(mine)} cards)", lambda: to_docx(snap, agency, mine, TODAY)),
        ]
        for name, work in rows:
            print(f"{name:34} {median_ms(work, args.repeat):9.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
