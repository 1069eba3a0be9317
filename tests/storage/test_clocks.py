"""Clocks (issue 13): a machine whose clock says 2100 cannot drag everyone's edits to 2100.

The hybrid logical clock adopts a remote stamp only up to ``MAX_DRIFT_MS`` ahead of this
machine's wall clock. An entry stamped further ahead is set aside: kept in its file, shown,
named in a warning — and beaten by any change made here after it was seen, which is stamped
with the real time.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import orjson
import pytest

from storage.sync.clock import MAX_DRIFT_MS, HybridClock, wall_ms
from storage.sync.codec import records_state
from storage.sync.edits import Basis, move
from storage.sync.state import State, join, merge_into, reg_wins
from storage.sync.store import BoardStore
from storage.sync.view import view
from tests.conftest import card_of, rayong_records
from tui.cli import main

HOSTILE = "0badc10c0badc10c"
Y2100 = int(datetime(2100, 1, 1, tzinfo=timezone.utc).timestamp() * 1000)


def test_the_clock_adopts_honest_stamps_and_sets_far_ones_aside() -> None:
    now = [1_750_000_000_000]
    clock = HybridClock("mine", lambda: now[0])
    assert clock.observe((now[0] + MAX_DRIFT_MS - 1, 5, "theirs"))  # a clock a bit ahead: adopted
    assert clock.now() == (now[0] + MAX_DRIFT_MS - 1, 6, "mine")
    assert not clock.observe((Y2100, 0, "broken"))  # set aside
    now[0] += 2 * MAX_DRIFT_MS
    assert clock.now() == (now[0], 0, "mine")  # the real time, not 2100


def _hostile_file(board: Path, cards: list[str]) -> Path:
    """What a machine with its clock in 2100 wrote: a move, a rank and a note."""
    stamp = [Y2100, 0, HOSTILE]
    meta = {"board_id": BoardStore.open(board, user="peek", read_only=True).board_id, "name": "x",
            "role": "replica", "replica": HOSTILE, "user": "นาฬิกาเสีย", "machine": "old-pc", "format": 2}
    data = {"board": {"1": meta},
            "regs": {"1": {"r": f"card/{cards[0]}", "s": stamp, "by": "นาฬิกาเสีย", "f": {"status": "blocked"}},
                     "2": {"r": f"card/{cards[1]}", "s": stamp, "by": "นาฬิกาเสีย", "f": {"rank": 9.0}}},
            "events": {"1": {"id": "e2100", "kind": "note", "target": f"card/{cards[0]}", "card": cards[0],
                             "by": "นาฬิกาเสีย", "s": stamp, "text": "จากอนาคต"}}}
    path = board.parent / "board.d" / f"{HOSTILE}.json"
    path.write_bytes(orjson.dumps(data))
    return path


def _stamps(path: Path) -> list[list]:
    data = orjson.loads(path.read_bytes())
    return [d["s"] for d in data["regs"].values()] + [e["s"] for e in data["events"].values()]


def test_a_later_move_here_beats_a_clock_in_2100_and_keeps_the_real_time(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    cards = sorted(BoardStore.open(board, user="peek", read_only=True).snapshot().cards)
    hostile = _hostile_file(board, cards)
    store = BoardStore.open(board)
    (problem,) = store.problems
    assert problem.reason == "ahead" and problem.path == str(hostile)
    assert "3 change(s) stamped more than 1 hour(s) ahead" in problem.problem and "2100-01-01" in problem.problem
    snap = store.snapshot()
    assert snap.cards[cards[0]].status == "blocked"  # set aside is not lost: it shows
    assert [n.text for n in snap.notes_of(cards[0])] == ["จากอนาคต"]

    before = wall_ms()
    store.move(cards[0], "doing")  # made after the 2100 entry was seen: it wins
    store.move(cards[2], "done")
    store.set_rank(cards[1], 1.0)
    card = store.snapshot().cards[cards[0]]
    assert (card.status, card.updated_by) == ("doing", "somchai")
    for stamp in _stamps(store.own_path):
        assert before - 1000 <= stamp[0] <= wall_ms() + 1000, f"stamped {stamp}: not the real time"

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-other"))
    other = BoardStore.open(board, user="somsri")  # another machine with both files
    assert [other.snapshot().cards[c].status for c in cards[:3]] == ["doing", "todo", "done"]
    assert other.snapshot().cards[cards[1]].rank == 1.0
    other.move(cards[3], "blocked")
    assert all(s[0] < Y2100 for s in _stamps(other.own_path))

    assert main(["--board", str(board), "list", "--lang", "en"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and str(hostile) in err[0] and "ahead of this machine's clock" in err[0]


def test_deleting_the_file_of_a_broken_clock_leaves_no_drag_behind(board: Path) -> None:
    cards = sorted(BoardStore.open(board, user="peek", read_only=True).snapshot().cards)
    hostile = _hostile_file(board, cards)
    store = BoardStore.open(board)
    store.move(cards[4], "doing")
    store.sync()  # our base keeps what the board held, the 2100 entries too (they are data)
    hostile.unlink()
    again = BoardStore.open(board)
    again.move(cards[5], "done")
    assert all(s[0] < wall_ms() + 1000 for s in _stamps(again.own_path))
    assert again.snapshot().cards[cards[4]].status == "doing"


def test_a_change_after_ours_on_the_fast_machine_still_wins() -> None:
    """The rule is an order, not a veto: a register the fast machine writes after seeing ours
    beats ours, and ours beats the one it was written over; everyone agrees."""
    hostile = ((Y2100, 0, HOSTILE), "blocked", "x")
    ours = ((wall_ms(), 0, "mine"), "doing", "y")
    ours = ((*ours[0], hostile[0]), ours[1], ours[2])  # written over the 2100 register
    later_ours = ((wall_ms() + 5, 0, "mine", hostile[0]), "done", "y")
    after = ((Y2100 + 1, 0, HOSTILE), "todo", "x")
    assert reg_wins(ours, hostile) and not reg_wins(hostile, ours)
    assert reg_wins(later_ours, ours) and reg_wins(after, later_ours)
    states = [State({"card/c": {"status": reg}}) for reg in (hostile, ours, later_ours, after)]
    assert join(*states) == join(*reversed(states))
    assert join(*states).records["card/c"]["status"] == after


def test_a_stamp_claiming_to_be_over_the_import_stamp_still_orders_one_way() -> None:
    """A hostile file may write ``[wall, counter, replica, [0, 0, ""]]``: it must not tie with
    the plain stamp ``[wall, counter, replica]``, or replicas would keep whichever came first."""
    plain = State({"card/c": {"status": ((5, 0, "r1"), "doing", "x")}})
    claimed = State({"card/c": {"status": ((5, 0, "r1", (0, 0, "")), "done", "x")}})
    assert join(plain, claimed) == join(claimed, plain)


def test_a_slow_machine_writing_after_a_good_one_over_a_fast_one_still_wins() -> None:
    """Three clocks: one in 2100, one right, one two hours slow. The right one moves the card
    after the 2100 move, the slow one after both: the slow one's move is the latest, though
    its own time is the earliest, and every order of joining says so."""
    state, card, now = records_state(rayong_records()), card_of(1), wall_ms()
    written = []
    for stamp, status in (((Y2100, 0, HOSTILE), "blocked"), ((now, 0, "good"), "doing"),
                          ((now - 2 * 3_600_000, 0, "slow"), "done")):
        ops = move(Basis(view(state), state, stamp, "x"), card, status)
        merge_into(state, ops)
        written.append(ops)
    assert len(written[2].records[f"card/{card}"]["status"][0]) == 5  # one step deeper
    for states in (written, written[::-1], [written[1], written[2], written[0]]):
        assert view(join(records_state(rayong_records()), *states)).cards[card].status == "done"
