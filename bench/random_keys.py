"""The long randomized run of issue 8 (not a test — run by hand, record in docs/benchmarks.md
"## Randomized officer").

    python bench/random_keys.py --minutes 10            # seeds 1, 2, 3 … until time is up
    python bench/random_keys.py --seed 17 --steps 300   # one seed again (a fault's seed)

Each session: a fresh copy of the test board (tests/conftest.py rayong_records) in a temp
folder with its own state dir, the app under Pilot at 80×24, ``--steps`` random steps of
tests/tui/random_session.py (keys, Thai twins and words, keys together, dialogs, resizes,
another officer's writes), the checks after every step, and the saved-board check at the
end. Prints one line per session and a summary; a fault prints its seed and last steps.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


async def session(seed: int, steps: int) -> tuple[object | None, str]:
    from storage.sync.store import BoardStore
    from tests.conftest import TODAY, rayong_records
    from tests.tui.random_session import Session
    from tui.app import BoardApp

    with tempfile.TemporaryDirectory(prefix="random-keys-") as tmp:
        os.environ["XDG_STATE_HOME"] = str(Path(tmp) / "state")
        path = Path(tmp) / "shared" / "board.json"
        path.parent.mkdir()
        BoardStore.create(path, rayong_records(), name="ระยอง")
        store = BoardStore.open(path)
        app = BoardApp(store, today=TODAY, watch_files=False)
        app.animation_level = "none"
        run = None
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                run = Session(app, pilot, path, seed)
                await run.run(steps)
                run.check_saved()
        except Exception:  # a fault (the app's own error surfaces when the test app closes)
            outcome = run.outcome if run else None
            trace = f"last steps: {outcome.trace[-8:]}\n" if outcome else ""
            return outcome, trace + traceback.format_exc(limit=-4)
        else:
            return run.outcome, ""
        finally:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--seed", type=int, help="run only this seed")
    parser.add_argument("--first", type=int, default=1, help="first seed of a timed run")
    args = parser.parse_args()
    os.environ.setdefault("BOARD_USER", "สมหญิง")
    os.environ["BOARD_CONFIG"] = "/nonexistent/config.toml"
    seeds = [args.seed] if args.seed is not None else None
    start, seed, totals, faults = time.monotonic(), args.first, [0, 0, 0, 0], []
    while True:
        if seeds is not None:
            if not seeds:
                break
            seed = seeds.pop()
        elif time.monotonic() - start > args.minutes * 60:
            break
        outcome, fault = asyncio.run(session(seed, args.steps))
        totals = [totals[0] + 1, totals[1] + outcome.steps, totals[2] + outcome.keys, totals[3] + outcome.others]
        print(f"seed {seed}: {outcome.steps} steps, {outcome.keys} keys, {outcome.others} changes by another"
              f" officer{' — FAULT' if fault else ''}", flush=True)
        if fault:
            faults.append((seed, fault))
            print(fault, flush=True)
        seed += 1
    minutes = (time.monotonic() - start) / 60
    print(f"\n{totals[0]} sessions, {totals[1]} steps, {totals[2]} keys, {totals[3]} changes by another"
          f" officer, {minutes:.1f} min, {len(faults)} fault(s): {[s for s, _ in faults]}")


if __name__ == "__main__":
    main()
