"""Storage benchmark (issue 2, DESIGN.md §8): medians at 10,000 cards.

    python bench/bench_storage.py [--cards 10000] [--repeat N]

Prints: status change durable (ms), board open (s), another replica's change seen after it
lands (ms, changed_on_disk + refresh), plus the machine. Targets: ≤10 ms, ≤0.5 s, ≤20 ms.
Then the cost of writing the replica's own file through TinyDB's tables and documents (issue
12) against one orjson dump of the whole file, at 500 and 2,000 entries (2,000: the
compaction threshold), with fsync off, as CPU time, so that only the work itself is compared.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage.ids import agency_id, card_id, directive_id, item_id  # noqa: E402
from storage.models import STATUSES, Agency, Card, Directive, Item, Records  # noqa: E402
from storage.sync.store import BoardStore  # noqa: E402

TEXT = "ให้ทุกหน่วยงานบูรณาการการทำงานร่วมกันและรายงานผลการดำเนินงานให้จังหวัดทราบทุกเดือน"


def records(cards: int) -> Records:
    """Letters of 25 items, 4 agencies per item (one lead), 60 agencies in all."""
    names = [f"สำนักงานหน่วยงานที่ {n} จังหวัดระยอง" for n in range(60)]
    agencies = tuple(Agency(agency_id(n), n, f"หน่วย{n}") for n in names)
    ds, its, cs = [], [], []
    letters = max(1, cards // 100)
    for letter in range(letters):
        number = f"รย 0017.2/ว {1000 + letter}"
        ds.append(Directive(directive_id(number), number, "2022-07-17", f"เรื่องที่ {letter}", "จังหวัดระยอง"))
        for seq in range(1, 26):
            its.append(Item(item_id(number, seq), ds[-1].id, seq, f"ข้อ {seq} {TEXT}", due="2022-09-30"))
            for k in range(4):
                agency = agencies[(letter + seq * 4 + k) % 60]
                cs.append(Card(card_id(number, seq, agency.name), its[-1].id, agency.id, "lead" if k == 0 else "support"))
    return Records(tuple(ds), tuple(its), agencies, tuple(cs[:cards]))


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({os.sched_getaffinity(0).__len__() if hasattr(os, 'sched_getaffinity') else '?'} usable), {model}, Python {platform.python_version()}, {platform.system()}"


def tinydb_layer(root: Path, entries: int, repeat: int = 200) -> tuple[float, float]:
    """(TinyDB document ops + one write, whole-file dump + one write) per move, ms medians."""
    from storage.ids import new_id
    from storage.sync.codec import to_tables
    from storage.sync.files import dumps, write_atomic
    from storage.sync.state import State, merge_into
    from storage.sync.tables import ReplicaFile

    def move(n: int) -> State:
        stamp = (1_800_000_000_000 + n, 0, "0123456789abcdef")
        card = f"{n % (entries // 2):016x}"
        event = new_id()
        return State({f"card/{card}": {"status": (stamp, STATUSES[n % 4], "somchai")}},
                     {event: {"id": event, "kind": "history", "card": card, "by": "somchai", "s": list(stamp),
                              "field": "status", "old": "todo", "new": STATUSES[n % 4]}})

    entries_state, meta = State(), {"board_id": "bench", "role": "replica"}
    for n in range(entries // 2):
        merge_into(entries_state, move(n))
    path = root / f"layer-{entries}.json"
    copy = ReplicaFile(path)
    copy.storage.durable = False
    copy.rewrite(entries_state, meta)
    through, whole = [], []
    for n in range(repeat):
        ops = move(entries + n)
        merge_into(entries_state, ops)
        # CPU time of this process: the machine is shared, and waiting for it is not the layer's cost.
        t0 = time.process_time()
        copy.apply(ops, entries_state, meta)
        through.append((time.process_time() - t0) * 1000)
        t0 = time.process_time()
        write_atomic(root / "whole.json", dumps(to_tables(entries_state, meta)), durable=False)
        whole.append((time.process_time() - t0) * 1000)
    return statistics.median(through), statistics.median(whole)


def as_machine(home: Path, user: str) -> None:
    os.environ["XDG_STATE_HOME"] = str(home)
    os.environ["BOARD_USER"] = user


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=200, help="moves / refreshes measured")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-storage-"))
    board = root / "shared" / "board.json"
    board.parent.mkdir()
    t0 = time.perf_counter()
    BoardStore.create(board, records(args.cards), name="bench")
    create_s = time.perf_counter() - t0
    as_machine(root / "state-a", "somchai")
    opens = []
    for _ in range(7):
        t0 = time.perf_counter()
        store = BoardStore.open(board)
        opens.append(time.perf_counter() - t0)
    cards = sorted(store.snapshot().cards)
    moves = []
    for i in range(args.repeat):
        t0 = time.perf_counter()
        store.move(cards[i % len(cards)], STATUSES[1 + i % 3])
        moves.append((time.perf_counter() - t0) * 1000)
    as_machine(root / "state-b", "somsri")
    other = BoardStore.open(board)
    seen = []
    for i in range(min(args.repeat, 100)):
        other.move(cards[-1 - i], "blocked")  # it has landed in the folder when this returns
        t0 = time.perf_counter()
        assert store.changed_on_disk()
        changes = store.refresh()
        seen.append((time.perf_counter() - t0) * 1000)
        assert changes and store.snapshot().cards[cards[-1 - i]].status == "blocked"
    print(f"machine: {machine()}")
    print(f"cards: {len(cards)}  (base file {board.stat().st_size / 1e6:.1f} MB, created in {create_s:.2f} s)")
    print(f"status change durable: median {statistics.median(moves):.2f} ms over {len(moves)} (target ≤ 10 ms)")
    print(f"board open: median {statistics.median(opens):.3f} s over {len(opens)} (target ≤ 0.5 s)")
    print(f"other replica's change seen: median {statistics.median(seen):.2f} ms over {len(seen)} (target ≤ 20 ms)")
    for entries in (500, 2000):
        through, whole = tinydb_layer(root, entries)
        print(f"own file of {entries} entries, one move, CPU, no fsync: TinyDB documents {through:.2f} ms, "
              f"whole-file dump {whole:.2f} ms")


if __name__ == "__main__":
    main()
