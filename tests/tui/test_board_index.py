"""Pure parts of the board: incremental index, rank planning, due states, card lines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.models import Agency, BoardSnapshot, Card, Item
from storage.progress import tally
from tui.actions import rank_plan
from widgets.board_index import BoardFilter, BoardIndex, due_state
from widgets.card_lines import CardLook, card_lines


def _snapshot(ranks: list[float], statuses: list[str] | None = None) -> BoardSnapshot:
    agency = Agency("a", "สำนักงานจังหวัดระยอง", "สนจ.ระยอง")
    items = {f"i{n}": Item(f"i{n}", "d", n + 1, f"ข้อความที่ {n}") for n in range(len(ranks))}
    statuses = statuses or ["todo"] * len(ranks)
    cards = {f"c{n}": Card(f"c{n}", f"i{n}", "a", "lead", statuses[n], rank) for n, rank in enumerate(ranks)}
    return BoardSnapshot(items=items, agencies={"a": agency}, cards=cards)


def test_index_moves_one_card_between_sorted_columns() -> None:
    snap = _snapshot([3.0, 1.0, 2.0])
    index = BoardIndex(snap)
    assert index.ids("a", "todo") == ["c1", "c2", "c0"]
    old = snap.cards["c2"]
    new = replace(old, status="doing")
    snap2 = replace(snap, cards={**snap.cards, "c2": new})
    index.update(snap2, old, new)
    assert index.ids("a", "todo") == ["c1", "c0"] and index.ids("a", "doing") == ["c2"]
    moved = replace(snap2.cards["c0"], rank=0.5)
    index.update(replace(snap2, cards={**snap2.cards, "c0": moved}), snap2.cards["c0"], moved)
    assert index.ids("a", "todo") == ["c0", "c1"]
    progress = index.progress("a")
    assert (progress.done, progress.total, progress.counts) == (0, 3, (2, 1, 0, 0))
    # The same rule as every report: the index counts, storage.progress says what it means.
    assert tally("a", [c for c in index.snapshot.cards.values() if c.agency_id == "a"], index.snapshot,
                 date(2025, 1, 1)).counts == progress.counts


def _columns(index: BoardIndex) -> dict:
    return {(a, s): index.ids(a, s) for a in index.agency_order for s in ("todo", "doing", "blocked", "done")}


def test_columns_kept_by_the_cache_give_the_index_sorting_gives_even_when_they_are_stale() -> None:
    """The open cache's columns (issue 11): exact, the index takes them as they are and then
    follows changes as one built by sorting; stale, shuffled or wrong, they are only the order
    the cards are taken in, and the columns come out as without them."""
    from random import Random

    from storage.columns import fill, flat

    statuses = ["todo", "doing", "todo", "done", "todo", "blocked", "todo", "doing"] * 5
    ranks = [float(n % 7) for n in range(len(statuses))]
    snap = _snapshot(ranks, statuses)
    plain = BoardIndex(snap)
    kept = fill(snap)[0]
    assert {(a, s): ids for a, by in kept.items() for s, ids in by.items()} == _columns(plain)
    taken = BoardIndex(snap, (kept, True))
    assert _columns(taken) == _columns(plain) and taken.agency_order == plain.agency_order
    assert taken._cols["a"]["todo"] is not kept["a"]["todo"]  # its own lists: the cache's stay as kept
    # Both follow the same changes alike (the taken one works out its keys at the first).
    current = snap
    for card_id, status, rank in (("c2", "doing", 9.0), ("c0", "todo", -1.0), ("c5", "done", 0.5)):
        old = current.cards[card_id]
        new = replace(old, status=status, rank=rank)
        current = replace(current, cards={**current.cards, card_id: new})
        plain.update(current, old, new)
        taken.update(current, old, new)
        assert _columns(taken) == _columns(plain)
    shuffled = flat(kept)
    Random(7).shuffle(shuffled)
    moved = replace(snap, cards={**snap.cards, "c3": replace(snap.cards["c3"], status="todo", rank=-1.0)})
    wrong = {"a": {"todo": shuffled[:-1] + ["gone"], "doing": [], "blocked": [], "done": []}}
    for hint, board in (((kept, False), snap), (({"a": {"todo": shuffled}}, False), snap), ((wrong, False), snap),
                        ((kept, False), moved), ((None, False), moved)):
        assert _columns(BoardIndex(board, hint)) == _columns(BoardIndex(board)), hint
    assert _columns(BoardIndex(moved, (kept, False)))[("a", "todo")][0] == "c3"  # changed since: in place


def test_rank_plan_takes_the_midpoint_between_new_neighbours() -> None:
    snap = _snapshot([1.0, 2.0, 3.0])
    assert rank_plan(snap, ["c0", "c1", "c2"], "c2", -1) == [("c2", 1.5)]
    assert rank_plan(snap, ["c0", "c1", "c2"], "c1", -1) == [("c1", 0.0)]
    assert rank_plan(snap, ["c0", "c1", "c2"], "c1", 1) == [("c1", 4.0)]
    assert rank_plan(snap, ["c0", "c1", "c2"], "c0", -1) == []  # already first


def test_rank_plan_renumbers_when_neighbours_tie() -> None:
    snap = _snapshot([0.0, 0.0, 0.0])
    plan = dict(rank_plan(snap, ["c0", "c1", "c2"], "c2", -1))
    order = sorted(["c0", "c1", "c2"], key=lambda c: plan.get(c, snap.cards[c].rank))
    assert order == ["c0", "c2", "c1"]


def test_due_states() -> None:
    today = date(2022, 9, 20)
    assert due_state("2022-09-19", "doing", today) == "overdue"
    assert due_state("2022-09-30", "todo", today) == "soon"
    assert due_state("2022-12-31", "todo", today) is None
    assert due_state("2022-09-19", "done", today) is None  # done is never overdue
    assert due_state(None, "todo", today) is None


def test_filters_combine() -> None:
    snap = _snapshot([1.0, 2.0, 3.0], ["todo", "doing", "todo"])
    index = BoardIndex(snap)
    lanes = index.lanes("a", BoardFilter(status="todo", query="ที่ 2"), date(2022, 9, 20))
    assert [list(c) for c in lanes[0].columns] == [["c2"], [], [], []]


def test_card_lines_fit_their_cell_and_never_split_words() -> None:
    item = Item("i", "d", 6, "ดำเนินการตามนโยบายสำคัญของรัฐบาล ขจัดความยากจนและพัฒนาคนทุกช่วงวัยอย่างยั่งยืน",
                due="2022-08-31")
    card = Card("c", "i", "a", "lead", "todo")
    agency = Agency("a", "สำนักงานจังหวัดระยอง", "สนจ.ระยอง")
    from rich.cells import cell_len

    for compact in (True, False):
        look = CardLook("th", date(2022, 9, 20), compact, True)
        for width in (12, 20, 33):
            lines = card_lines(card, item, agency, look, width)
            texts = ["".join(s.text for s in line) for line in lines]
            assert all(cell_len(t) == width for t in texts)
            assert "⚠" in "".join(texts)  # overdue by symbol, not colour alone
    normal = ["".join(s.text for s in line) for line in card_lines(card, item, agency, CardLook("th", date(2022, 9, 20), False, True), 30)]
    assert normal[0].startswith("★ข้อ ๖ ") and "๓๑ ส.ค. ๖๕" in normal[2] and "สนจ.ระยอง" in normal[2]
    assert not normal[1].lstrip().startswith(("ำ", "ๆ"))


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.sampled_from([0.0, 1.0, 2.5, -1.0]), st.sampled_from(["a", "b", "z"]),
                          st.sampled_from(["todo", "doing", "done"]), st.integers(1, 4)), min_size=1, max_size=12))
def test_the_three_written_out_copies_of_the_column_rule_agree(rows) -> None:
    # column_key is the rule; keys_of and fill write it out inline for speed (first paint at
    # 10,000 cards): a change to one copy alone would split cached columns from sorted ones.
    from storage.columns import column_key, fill, keys_of

    items = {f"i{n}": Item(f"i{n}", "d", n, f"ข้อ {n}") for n in range(1, 5)}
    cards = {f"c{k}": Card(f"c{k}", f"i{seq}", agency, "lead", status, rank=rank)  # type: ignore[arg-type]
             for k, (rank, agency, status, seq) in enumerate(rows)}
    snap = BoardSnapshot(directives={}, items=items, agencies={}, cards=cards)
    expected = {card.id: column_key(card, items) for card in cards.values()}
    assert keys_of(snap) == expected and fill(snap)[1] == expected
