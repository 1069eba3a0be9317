"""Hand edits (issue 7): medians at 10,000 cards (bench_storage's board generator).

    python bench/bench_edits.py [--cards 10000] [--repeat N]

Prints, as CPU time of this process (the machine is shared): the view's work for one status
change (the cross-record rules redo one card) and for a change that redoes the whole shown
board (a letter, item or agency changed: an import, a hand edit, a merge, another machine's
correction); then, as wall time through the store (lock, write, fsync, rename): add an item
with two cards, correct an item's due date, delete an item, and undo that delete.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_storage import machine, records  # noqa: E402
from storage.sync.codec import records_state  # noqa: E402
from storage.sync.state import Delta  # noqa: E402
from storage.sync.view import LiveView  # noqa: E402


def cpu_ms(run) -> float:
    t0 = time.process_time()
    run()
    return (time.process_time() - t0) * 1000


def view_costs(cards: int, repeat: int) -> tuple[float, float]:
    state = records_state(records(cards))
    live = LiveView(state)
    ids = sorted(live.snapshot.cards)
    one, whole = [], []
    for n in range(repeat):
        key = f"card/{ids[n % len(ids)]}"
        state.records[key]["status"] = ((1_900_000_000_000 + n, 0, "r"), "doing", "bench")
        one.append(cpu_ms(lambda: live.apply(state, Delta({key: {"status"}}))))
        item = next(iter(live.snapshot.items))
        whole.append(cpu_ms(lambda: live.apply(state, Delta({f"item/{item}": {"text"}}))))
    return statistics.median(one), statistics.median(whole)


def store_costs(cards: int, repeat: int) -> dict[str, float]:
    from storage.editing.values import AgencyChoice, check_item
    from storage.sync.store import BoardStore

    root = Path(tempfile.mkdtemp(prefix="bench-edits-"))
    os.environ["XDG_STATE_HOME"] = str(root / "state")
    os.environ["BOARD_USER"] = "bench"
    path = root / "board.json"
    BoardStore.create(path, records(cards))
    store = BoardStore.open(path)
    times: dict[str, list[float]] = {"add item (2 cards)": [], "correct a due date": [],
                                     "delete an item": [], "undo the delete": []}
    letter = next(iter(store.snapshot().directives))
    names = [a.name for a in store.snapshot().agencies.values()][:2]
    for n in range(repeat):
        item = check_item(f"ข้อทดสอบ {n}", "30/9/2568", None, (AgencyChoice(names[0], "lead"), AgencyChoice(names[1])))
        t0 = time.perf_counter()
        made, _ = store.add_item(letter, item)
        times["add item (2 cards)"].append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        store.edit_item(made.id, due="2025-10-31")
        times["correct a due date"].append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        store.retire("item", made.id)
        times["delete an item"].append((time.perf_counter() - t0) * 1000)
        change = store.last_change
        t0 = time.perf_counter()
        store.undo(change)
        times["undo the delete"].append((time.perf_counter() - t0) * 1000)
    store.close()
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    print(machine())
    one, whole = view_costs(args.cards, args.repeat)
    print(f"{args.cards} cards — view, CPU ms (median of {args.repeat}):")
    print(f"  a status change (one card redone)        {one:8.2f}")
    print(f"  a letter/item/agency change (all redone) {whole:8.2f}")
    print(f"{args.cards} cards — through the store, durable, wall ms (median of {args.repeat}):")
    for name, ms in store_costs(args.cards, args.repeat).items():
        print(f"  {name:40} {ms:8.2f}")


if __name__ == "__main__":
    main()
