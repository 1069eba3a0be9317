"""Three machines with skewed clocks, each with its own copy of the folder, and a sync engine
that copies replica files between them at random (sometimes stale copies that roll files
back), and compactions on the way: every board converges, the latest write of
every card wins and every note survives."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from storage.models import STATUSES
from storage.sync.store import BoardStore
from tests.storage.conftest import sample_records


def _land(src: Path, dst_folder: Path) -> None:
    """What a sync engine does: land a file by rename."""
    temp = dst_folder / f".syncthing.{src.name}.tmp"
    shutil.copy2(src, temp)
    os.replace(temp, dst_folder / src.name)


def _engine_copy(src: BoardStore, dst_folder: Path, everything: bool = False,
                 rng: random.Random | None = None) -> None:
    """Copy the writer's own files (its replica file and bases); ``everything`` also copies the
    stale copies of other replicas' files it holds, rolling them back at the destination.
    With ``rng`` only some of them arrive, in any order (an emptied replica file may land
    before the base it was compacted into)."""
    paths = [p for p in sorted(src.folder.glob("*.json")) if everything or src.replica_id in p.name]
    if rng is not None:
        paths = rng.sample(paths, rng.randint(0, len(paths)))
    for path in paths:
        _land(path, dst_folder)


@pytest.mark.parametrize("seed", range(12))
def test_three_machines_converge_and_the_latest_write_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           seed: int) -> None:
    rng = random.Random(seed)
    first = tmp_path / "m0" / "board.json"
    first.parent.mkdir()
    BoardStore.create(first, sample_records(), name="ระยอง")
    now = [1_800_000_000_000]
    stores = []
    for n in range(3):
        board = tmp_path / f"m{n}" / "board.json"
        if n:
            board.parent.mkdir()
            shutil.copy2(first, board)
            (board.parent / "board.d").mkdir()
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / f"state{n}"))
        skew = rng.randint(-60_000, 60_000)
        stores.append(BoardStore.open(board, user=f"user{n}", clock=lambda s=skew: now[0] + s))
    cards = sorted(stores[0].snapshot().cards)[:4]
    latest: dict[str, tuple] = {}
    notes: set[str] = set()
    for step in range(60):
        now[0] += rng.randint(0, 2000)
        store = rng.choice(stores)
        card = rng.choice(cards)
        action = rng.random()
        if action < 0.5:
            seen = store.state.records[f"card/{card}"]["status"][0]
            current = store.snapshot().cards[card].status
            store.move(card, rng.choice([s for s in STATUSES if s != current]))
            stamp = store.own.entries.records[f"card/{card}"]["status"][0]
            assert stamp > seen, "a write lost to something its machine had already seen"
            latest[card] = max(latest.get(card, stamp), stamp)
        elif action < 0.7:
            notes.add(store.add_note(card, f"บันทึก {step}").text)
        elif action < 0.9:
            other = rng.choice(stores)
            _engine_copy(store, other.folder, everything=rng.random() < 0.3,
                         rng=rng if rng.random() < 0.5 else None)
            other.refresh()
        else:
            store.sync()  # compaction: its changes move into a new base-*.json
    for _ in range(2):
        for a in stores:
            for b in stores:
                if a is not b:
                    _engine_copy(a, b.folder)
        for s in stores:
            s.refresh()
    assert all(s.waiting == () for s in stores), "a base never arrived"
    snaps = [s.snapshot() for s in stores]
    assert snaps[0].cards == snaps[1].cards == snaps[2].cards
    for card, stamp in latest.items():
        assert stores[0].state.records[f"card/{card}"]["status"][0] == stamp
    for snap in snaps:
        assert {n.text for c in cards for n in snap.notes_of(c)} == notes
