"""Hand edits by three machines, delivered in any order (DESIGN.md §3, issues 7 and 13), as a
property: random programs of every kind of edit — letters, items, assignments, roles, agencies
(rename, alias, merge), retire, notes, retractions, moves, and undo of one's own change.

Each machine edits the board as it has seen it so far: the sync engine hands it some of the
other machines' files, as they stood at some moment (a prefix of each one's changes). One
machine keeps good time, one runs slow by two hours, one fast by three (a clock set wrong: the
others do not adopt its stamps, clock.py). Whatever happens:

* a change made after seeing another one wins over it on that field (a later move beats a
  clock far ahead; HLC causality within the bound);
* undo never overwrites a change it has not made: it refuses, or writes over its own registers;
* every machine's incremental view (LiveView) equals the view built from scratch;
* every file joined in any order, any grouping, gives one board, on every machine, with every
  note and history event of every change in it, no card shown without its item, letter
  and agency, and no two items of a letter under one number.
"""

from __future__ import annotations

import itertools
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.editing.errors import EditError
from storage.editing.values import AgencyChoice, AgencyEdit, ItemInput, LetterInput
from storage.errors import BoardError
from storage.models import BoardSnapshot
from storage.sync import edits, hand, undo
from storage.sync.clock import HybridClock, wall_ms
from storage.sync.codec import records_state
from storage.sync.edits import Basis
from storage.sync.state import State, join, merge_into, reg_wins
from storage.sync.view import LiveView, view
from tests.conftest import rayong_records

BASE = records_state(rayong_records())
HOUR = 3_600_000
SKEWS = {"rGood": 0, "rSlow": -2 * HOUR, "rFast": 3 * HOUR}
USERS = {"rGood": "สมชาย", "rSlow": "มาลี", "rFast": "สมหญิง"}
NEW_AGENCIES = ("สำนักงานเกษตรจังหวัดระยอง", "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดระยอง")
TEXTS = ("ข้อความใหม่", "แก้ไขแล้ว\nบรรทัดสอง", "รายงานทุกเดือน")
STATUSES = ("todo", "doing", "blocked", "done")


class Machine:
    """One replica: its own changes, what it has received, its clock and its live view."""

    def __init__(self, name: str, start: int) -> None:
        self.name, self.user = name, USERS[name]
        self.ops: list[State] = []
        self.known = BASE.copy()
        self.live = LiveView(self.known)
        self.got: dict[str, int] = {}
        self.tick = 0
        self.clock = HybridClock(name, lambda: start + SKEWS[name] + self.tick)
        self.clock._read = start + SKEWS[name]  # as if its wall clock had always said so (else: this machine's)
        self.changes: list[undo.Undoable] = []
        self.ids = itertools.count()

    def take(self, ops: State) -> None:
        """Join ops into what this machine sees, as the store does: view and clock follow."""
        delta = merge_into(self.known, ops)
        self.live.apply(self.known, delta)
        if delta and not self.clock.observe(ops.max_stamp()):  # BoardStore._adopt
            self.clock.observe(ops.max_stamp(self.clock.horizon()))

    def basis(self) -> Basis:
        self.tick += 7
        return Basis(self.live.snapshot, self.known, self.clock.now(), self.user,
                     lambda: f"{self.name}-{next(self.ids)}")


def _pick(data: st.DataObject, options, label: str):
    """One of a few (the first and the last made): machines must meet on the same records."""
    options = sorted(options)
    options = options[:2] + options[2:][-2:]
    return data.draw(st.sampled_from(options), label) if options else None


def _edit(data: st.DataObject, m: Machine, snap: BoardSnapshot):
    """(edit function, args) of one random edit on what ``m`` shows, or None."""
    kind = data.draw(st.sampled_from(("move", "note", "edit_item", "add_item", "add_letter", "assign",
                                      "set_role", "retire", "edit_agency", "merge", "retract", "undo")), "kind")
    card, item = _pick(data, snap.cards, "card"), _pick(data, snap.items, "item")
    names = sorted({a.name for a in snap.agencies.values()} | set(NEW_AGENCIES))
    choice = st.builds(AgencyChoice, st.sampled_from(names), st.sampled_from(("lead", "support")))
    if kind == "move" and card:
        return edits.move, (card, data.draw(st.sampled_from(STATUSES)))
    if kind == "note" and card:
        return edits.add_note, (card, data.draw(st.sampled_from(TEXTS)))
    if kind == "edit_item" and item:
        field = data.draw(st.sampled_from(("text", "due", "recurrence")))
        value = data.draw(st.sampled_from({"text": TEXTS, "due": (None, "2025-09-30", "2026-01-31"),
                                           "recurrence": (None, "ทุกเดือน")}[field]))
        return hand.edit_item, (item, {field: value})
    if kind == "add_item" and snap.directives:
        agencies = tuple(data.draw(st.lists(choice, min_size=1, max_size=2)))
        return hand.add_item, (_pick(data, snap.directives, "letter"),
                               ItemInput(data.draw(st.sampled_from(TEXTS)), None, None, agencies))
    if kind == "add_letter":
        number = data.draw(st.sampled_from(("", "ศธ 0001/1", "ศธ 0002/2")))
        return hand.add_letter, (LetterInput(number, "2024-08-28", "ประชุมหัวหน้าส่วนราชการ"),)
    if kind == "assign" and item:
        return hand.assign, (item, data.draw(choice))
    if kind == "set_role" and card:
        return hand.set_role, (card, data.draw(st.sampled_from(("lead", "support"))))
    if kind == "retire":
        target = data.draw(st.sampled_from(("card", "item", "directive")))
        chosen = {"card": card, "item": item, "directive": _pick(data, snap.directives, "letter")}[target]
        return (hand.retire, (target, chosen)) if chosen else None
    agency = _pick(data, snap.agencies, "agency")
    if kind == "edit_agency" and agency:
        name, short, alias = (data.draw(st.sampled_from((None, f"{w} {m.name}"))) for w in ("ชื่อ", "ย่อ", "สะกด"))
        return hand.edit_agency, (AgencyEdit(agency, name, short, alias),)
    if kind == "merge" and len(snap.agencies) > 1:
        return hand.merge_agencies, (agency, _pick(data, set(snap.agencies) - {agency}, "into"))
    if kind == "retract":
        mine = sorted((c, n.id) for c, notes in snap.notes.items() for n in notes if n.author == m.user)
        return (hand.retract_note, data.draw(st.sampled_from(mine))) if mine else None
    if kind == "undo" and m.changes:
        return undo.revert, (m.changes.pop(data.draw(st.integers(0, len(m.changes) - 1))),)
    return None


def _deliver(data: st.DataObject, m: Machine, machines: dict[str, Machine]) -> None:
    """The sync engine hands ``m`` each other machine's file as it stood at some moment."""
    for other in machines.values():
        if other is m:
            continue
        have = m.got.get(other.name, 0)
        upto = data.draw(st.integers(have, len(other.ops)), f"{m.name} gets {other.name}")
        for ops in other.ops[have:upto]:
            m.take(ops)
        m.got[other.name] = upto


def _check_undo(b: Basis, change: undo.Undoable, ops: State) -> None:
    """Undo wrote only over registers of the change it takes back (or tombstoned what it made)."""
    for key, fields in ops.records.items():
        for name in fields:
            now = b.state.records.get(key, {}).get(name)
            if key in change.existed or name != "deleted":
                assert now is not None and now[0] == change.ops.records[key][name][0], (key, name, now)


def _check_wins(b: Basis, ops: State) -> None:
    """A change made after seeing a register wins over it (whatever the clocks say)."""
    for key, fields in ops.records.items():
        for name, reg in fields.items():
            seen = b.state.records.get(key, {}).get(name)
            assert seen is None or reg_wins(reg, seen), (key, name, reg[0], seen[0])


def _same(a: BoardSnapshot, b: BoardSnapshot) -> None:
    for part in ("directives", "items", "agencies", "cards", "notes", "history", "folds"):
        assert dict(getattr(a, part)) == dict(getattr(b, part)), part


def _whole(snap: BoardSnapshot, all_ops: list[State]) -> None:
    """Every note and history event is shown with what it belongs to; nothing dangles."""
    for ops in all_ops:
        for event in ops.events.values():
            owner = event["target"].split("/", 1)[1]
            shown = snap.notes_of(owner) if event["kind"] == "note" else snap.history_of(owner)
            assert event["id"] in {e.id for e in shown}, event
    for card in snap.cards.values():
        item = snap.items[card.item_id]
        assert item.directive_id in snap.directives and card.agency_id in snap.agencies


@settings(database=None, deadline=None, max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.randoms(use_true_random=False))
def test_hand_edits_on_three_machines_converge_and_a_later_change_wins(data: st.DataObject, rng: random.Random) -> None:
    start = wall_ms()  # near real time: the drift bound is judged against this machine's clock
    machines = {name: Machine(name, start) for name in SKEWS}
    for _ in range(data.draw(st.integers(1, 24), "steps")):
        m = machines[data.draw(st.sampled_from(sorted(machines)), "machine")]
        _deliver(data, m, machines)
        edit = _edit(data, m, m.live.snapshot)
        if edit is None:
            continue
        b = m.basis()
        try:
            ops = edit[0](b, *edit[1])
        except (EditError, BoardError):  # refused (undo over a newer change, a name taken…)
            continue
        if not ops.size():
            continue
        if edit[0] is undo.revert:
            _check_undo(b, edit[1][0], ops)
        _check_wins(b, ops)
        if ops.records and edit[0] is not undo.revert:
            m.changes.append(undo.undoable(m.known, ops))
        m.ops.append(ops)
        m.take(ops)
    everything = [ops for m in machines.values() for ops in m.ops]
    for m in machines.values():
        _same(m.live.snapshot, view(m.known))
    final = join(BASE, *everything)
    shuffled = everything[:]
    rng.shuffle(shuffled)
    cut = rng.randint(0, len(shuffled))
    assert join(BASE, join(*shuffled[:cut]), join(*shuffled[cut:])) == final
    for m in machines.values():
        _deliver_all(m, machines)
        assert m.known == final
        _same(m.live.snapshot, view(final))
    _whole(view(final), everything)
    numbers = [(i.directive_id, i.seq) for i in view(final).items.values()]
    assert len(numbers) == len(set(numbers))  # items added at once on two machines: numbered apart


def _deliver_all(m: Machine, machines: dict[str, Machine]) -> None:
    for other in machines.values():
        if other is not m:
            for ops in other.ops[m.got.get(other.name, 0):]:
                m.take(ops)


def test_a_note_on_a_card_folded_by_a_merge_that_arrives_first_shows_as_from_scratch() -> None:
    """Found by the property above: one machine merges อำเภอทุกอำเภอ into พศจ., another สนจ. into
    อำเภอทุกอำเภอ; a note on a card the chain folds then reached the live view of the second
    machine only under the card it was folded into, not under its own id as a fresh view has it."""
    start = wall_ms()
    machines = {name: Machine(name, start) for name in SKEWS}
    good, fast = machines["rGood"], machines["rFast"]
    ids = {a.short: a.id for a in view(BASE).agencies.values()}
    for m, source, target in ((fast, "อำเภอทุกอำเภอ", "พศจ.ระยอง"), (good, "สนจ.ระยอง", "อำเภอทุกอำเภอ")):
        m.ops.append(hand.merge_agencies(m.basis(), ids[source], ids[target]))
        m.take(m.ops[-1])
    _deliver_all(good, machines)
    folded = sorted(c for kept in good.live.snapshot.folds.values() for c in kept)
    note = edits.add_note(fast.basis(), folded[-1], "ข้อความใหม่")
    good.take(note)
    assert [n.text for n in good.live.snapshot.notes_of(folded[-1])] == ["ข้อความใหม่"]
    _same(good.live.snapshot, view(good.known))


def test_assigning_an_agency_again_after_undoing_its_creation_shows_it() -> None:
    """Found by the property above: assign a new agency, undo, assign it again — the card
    pointed at an agency the undo had buried, so the board showed a card of no agency."""
    m = Machine("rGood", wall_ms())
    item = sorted(view(BASE).items)[0]
    choice = AgencyChoice(NEW_AGENCIES[0], "lead")
    for again in (False, True):
        ops = hand.assign(m.basis(), item, choice)
        change = undo.undoable(m.known, ops)
        m.take(ops)
        if not again:
            m.take(undo.revert(m.basis(), change))
    snap = view(m.known)
    (card,) = [c for c in snap.cards.values() if c.item_id == item and snap.agencies[c.agency_id].name == NEW_AGENCIES[0]]
    assert card.role == "lead"
