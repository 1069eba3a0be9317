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


# ---- item numbers: two machines each add "the next item" of one letter ----------------------
LETTER_ID = SNAP.items[ITEMS[1]].directive_id
NEXT = max(ITEMS) + 1


def _added(ops: State) -> str:
    return next(key[5:] for key in ops.records if key.startswith("item/") and "directive_id" in ops.records[key])


def _numbers(snap) -> list[int]:
    return sorted(i.seq for i in snap.items.values() if i.directive_id == LETTER_ID)


def _add(state: State, replica: str, wall: int, text: str) -> State:
    from storage.editing.values import AgencyChoice, ItemInput

    choice = AgencyChoice(AGENCIES[0][0], "lead")
    made = iter(range(100))
    return hand.add_item(Basis(view(state), state, (wall, 0, replica), "somchai",
                               lambda: f"{replica}-{wall}-{text}-{next(made)}"),
                         LETTER_ID, ItemInput(text, None, None, (choice,)))


def test_two_items_added_at_once_get_distinct_numbers_the_first_keeps_its_own() -> None:
    from storage.editing.refs import resolve_item
    from tests.conftest import LETTER

    a = _add(BASE, "rA", 1_700_000_000_000, "ของเครื่อง ก")
    b = _add(BASE, "rB", 1_700_000_000_005, "ของเครื่อง ข")
    assert view(join(BASE, a)).items[_added(a)].seq == view(join(BASE, b)).items[_added(b)].seq == NEXT
    for snap in both_orders(a, b):
        assert snap.items[_added(a)].seq == NEXT and snap.items[_added(b)].seq == NEXT + 1  # numbered first keeps it
        assert resolve_item(snap, f"{LETTER}:{NEXT}").id == _added(a)  # no longer "ambiguous"
        assert resolve_item(snap, f"{LETTER}:{NEXT + 1}").id == _added(b)
    joined = join(BASE, a, b)
    c = _add(joined, "rA", 1_700_000_000_010, "ข้อต่อไป")
    after = join(joined, c)
    assert view(after).items[_added(c)].seq == NEXT + 2  # after the number shown, not the one stored
    assert after.records[f"item/{_added(b)}"]["seq"][1] == NEXT + 1  # the next add wrote it down
    assert [(e.field, e.old, e.new) for e in view(after).history_of(_added(b)) if e.field == "seq"] == \
        [("seq", NEXT, NEXT + 1)]
    gone = hand.retire(Basis(view(after), after, (1_700_000_000_020, 0, "rB"), "malee"), "item", _added(a))
    assert view(join(after, gone)).items[_added(b)].seq == NEXT + 1  # stays, whatever is deleted later


@LOCAL
@given(st.lists(st.tuples(st.sampled_from(["rA", "rB", "rC"]), walls, st.integers(1, 3)), min_size=2, max_size=4),
       st.randoms(use_true_random=False))
def test_items_added_on_several_machines_at_once_end_numbered_alike_everywhere(adds, rng) -> None:
    """Each machine adds items from the board it last saw (some see some others' first);
    after every file meets, in any order: every item is there, no two of the letter share
    a number, and every order of joining numbers them alike."""
    seen, everything = BASE, []
    for n, (replica, wall, how_many) in enumerate(adds):
        state = seen if n % 2 else BASE  # every other machine had not synced at all
        for k in range(how_many):
            ops = _add(state, replica, wall + k, f"ข้อ {n}.{k}")
            state = join(state, ops)
            everything.append(ops)
        seen = join(seen, *everything)
    shuffled = everything[:]
    rng.shuffle(shuffled)
    first, second = view(join(BASE, *everything)), view(join(BASE, *shuffled))
    assert dict(first.items) == dict(second.items)
    numbers = _numbers(first)
    assert len(numbers) == len(set(numbers)) == len(ITEMS) + len(everything)  # nothing lost, none alike
