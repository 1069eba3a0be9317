"""Hand edits made on two machines at once (DESIGN.md §3, issue 7), as properties.

Each machine builds its operations from the board as it saw it (the same base: neither has
the other's change yet); the sync engine then brings the files together in either order.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.editing.errors import EditError
from storage.sync import hand, undo
from storage.sync.codec import records_state
from storage.sync.edits import Basis, move
from storage.sync.state import State, join
from storage.sync.view import view
from tests.conftest import AGENCIES, ASSIGN, card_of, rayong_records

BASE = records_state(rayong_records())
SNAP = view(BASE)
ITEMS = {i.seq: i.id for i in SNAP.items.values()}
LOCAL = settings(database=None, deadline=None, max_examples=60)

seqs = st.sampled_from(sorted(ITEMS))
walls = st.integers(1_700_000_000_000, 1_700_000_000_009)
texts = st.text(alphabet="กขคงจ อำเภอ\n", min_size=1, max_size=12).map(str.strip).filter(bool)
dues = st.sampled_from([None, "2025-09-30", "2025-10-31"])
rhythms = st.sampled_from([None, "ทุกเดือน", "ทุก 2 เดือน"])
FIELDS = {"text": texts, "due": dues, "recurrence": rhythms}


def basis(state: State, replica: str, wall: int, by: str) -> Basis:
    return Basis(view(state), state, (wall, 0, replica), by)


def both_orders(*ops: State):
    yield view(join(BASE, *ops))
    yield view(join(BASE, *reversed(ops)))


@LOCAL
@given(seqs, st.permutations(list(FIELDS)), st.data(), walls, walls)
def test_different_fields_of_one_item_are_both_kept(seq, fields, data, wall_a, wall_b) -> None:
    item = ITEMS[seq]
    field_a, field_b = fields[:2]
    value_a, value_b = data.draw(FIELDS[field_a]), data.draw(FIELDS[field_b])
    a = hand.edit_item(basis(BASE, "rA", wall_a, "somchai"), item, {field_a: value_a})
    b = hand.edit_item(basis(BASE, "rB", wall_b, "malee"), item, {field_b: value_b})
    for snap in both_orders(a, b):
        got = snap.items[item]
        assert getattr(got, field_a) == value_a and getattr(got, field_b) == value_b
        assert len(snap.history_of(item)) == len(a.events) + len(b.events)


@LOCAL
@given(seqs, texts, texts, walls, walls)
def test_the_same_field_takes_the_later_change(seq, text_a, text_b, wall_a, wall_b) -> None:
    item = ITEMS[seq]
    a = hand.edit_item(basis(BASE, "rA", wall_a, "somchai"), item, {"text": text_a})
    b = hand.edit_item(basis(BASE, "rB", wall_b, "malee"), item, {"text": text_b})
    later = text_a if (wall_a, 0, "rA") > (wall_b, 0, "rB") else text_b
    for snap in both_orders(a, b):
        assert snap.items[item].text == later
        assert {e.new for e in snap.history_of(item)} == {t for t in (text_a, text_b) if t != SNAP.items[item].text}


AGENCY_IDS = sorted(SNAP.agencies)


@LOCAL
@given(st.permutations(AGENCY_IDS), st.sampled_from(["todo", "doing", "blocked", "done"]), st.data(), walls, walls)
def test_a_merge_and_a_status_change_of_a_merged_card_both_survive(order, status, data, wall_a, wall_b) -> None:
    source, target = order[:2]
    cards = sorted(c.id for c in SNAP.cards.values() if c.agency_id == source)
    card = SNAP.cards[data.draw(st.sampled_from(cards))]
    a = hand.merge_agencies(basis(BASE, "rA", wall_a, "somchai"), source, target)
    b = move(basis(BASE, "rB", wall_b, "malee"), card.id, status)
    for snap in both_orders(a, b):
        assert source not in snap.agencies
        (shown,) = [c for c in snap.cards.values() if c.item_id == card.item_id and c.agency_id == target]
        if status != card.status:
            assert shown.status == status  # the report from the other machine is not lost
            assert [e.new for e in snap.history_of(shown.id) if e.field == "status"] == [status]
        roles = {c.role for c in SNAP.cards.values() if c.item_id == card.item_id and c.agency_id in (source, target)}
        assert shown.role == ("lead" if "lead" in roles else "support")


@LOCAL
@given(seqs, st.sampled_from(list(FIELDS)), st.data(), walls, walls)
def test_a_delete_and_an_edit_end_in_a_deleted_item_whose_edit_undo_brings_back(seq, field, data, wall_a, wall_b) -> None:
    item = ITEMS[seq]
    value = data.draw(FIELDS[field].filter(lambda v: v != getattr(SNAP.items[item], field)))
    a = hand.retire(basis(BASE, "rA", wall_a, "somchai"), "item", item)
    b = hand.edit_item(basis(BASE, "rB", wall_b, "malee"), item, {field: value})
    change = undo.undoable(BASE, a)
    for snap in both_orders(a, b):
        assert item not in snap.items and not [c for c in snap.cards.values() if c.item_id == item]
        assert [e.new for e in snap.history_of(item) if e.field == field] == [value]  # the edit is in its history
    synced = join(BASE, a, b)
    back = undo.revert(basis(synced, "rA", max(wall_a, wall_b) + 1, "somchai"), change)
    snap = view(join(synced, back))
    assert getattr(snap.items[item], field) == value
    assert len([c for c in snap.cards.values() if c.item_id == item]) == len(ASSIGN[seq])


@LOCAL
@given(st.sampled_from(sorted(SNAP.cards)), st.sampled_from(["doing", "blocked", "done"]),
       st.sampled_from(["todo", "doing", "blocked", "done"]), walls, st.integers(-3, 3))
def test_undo_never_overwrites_a_later_change_by_someone_else(card, mine, theirs, wall, gap) -> None:
    if SNAP.cards[card].status == mine:
        return
    a = move(basis(BASE, "rA", wall, "somchai"), card, mine)
    b = move(basis(join(BASE, a), "rB", wall + gap, "malee"), card, theirs)
    synced = join(BASE, a, b)
    # B moved the card after seeing our move: that is later, whatever B's clock says (a
    # register written over one that beats its stamp carries it: edits.set_field).
    later = theirs != mine
    try:
        back = undo.revert(basis(synced, "rA", wall + 10, "somchai"), undo.undoable(BASE, a))
    except EditError as error:
        assert later and error.key == "edits.undo_conflict_item"
        return
    assert not later or theirs == mine
    assert view(join(synced, back)).cards[card].status == SNAP.cards[card].status


def test_the_fixture_agencies_are_those_of_the_board() -> None:
    assert {SNAP.agencies[a].name for a in AGENCY_IDS} == {name for name, _ in AGENCIES}
    assert card_of(1) in SNAP.cards
