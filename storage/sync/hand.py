"""Hand edits (issue 7) as pure functions, like ``edits.py``: each takes a ``Basis`` (the
board as this replica sees it under the lock, one stamp, the author) and returns the stamped
operations for our own file. Input was checked already (``storage.editing.values``); what
can only be judged against the board as it is now raises ``EditError`` and writes nothing.

Every change is a set of field registers (per field, the later stamp wins) plus history
events on the letter, item, agency or card it concerns, so two machines editing different
fields of one item both keep theirs, and a deleted item keeps an edit made elsewhere in its
history. Nothing is destroyed: delete writes tombstones (``deleted``), a merge marks the
agency (``merged_into``; the view folds its cards), a retraction is a history event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from storage import ids
from storage.editing.errors import EditError
from storage.sync.edits import Basis, add_event, set_field
from storage.sync.state import State

if TYPE_CHECKING:  # annotations only: a move or a note never imports the forms' checks (issue 11)
    from storage.editing.values import AgencyChoice, AgencyEdit, ItemInput, LetterInput


def _v(fields: dict, name: str, default: Any = None) -> Any:
    reg = fields.get(name)
    return default if reg is None else reg[1]


def history(ops: State, b: Basis, target: str, field: str, old: Any, new: Any) -> str:
    """A history event of a letter, an item, an agency or a card (``target``: ``kind/id``)."""
    return add_event(ops, b, "history", target, field=field, old=old, new=new)


def _records(b: Basis, kind: str) -> Iterable[tuple[str, dict]]:
    prefix = f"{kind}/"
    return ((key[len(prefix):], fields) for key, fields in b.state.records.items() if key.startswith(prefix))


# -- letters and items ----------------------------------------------------------------------


def add_letter(b: Basis, letter: LetterInput) -> State:
    """A letter (id from its number, as an import of it would make) or a meeting (no number)."""
    if letter.number:
        did = ids.directive_id(letter.number)
        if did in b.snapshot.directives:
            raise EditError("edits.letter_exists", "number", number=letter.number)
    else:
        did = b.new_id()
    key, ops = f"directive/{did}", State()
    for name, value in (("number", letter.number), ("date", letter.date), ("subject", letter.subject),
                        ("issuer", letter.issuer), ("references", []), ("source", "")):
        set_field(ops, b, key, name, value)
    if key in b.state.records:  # the number of a deleted letter: it comes back as typed now
        set_field(ops, b, key, "deleted", False)
    history(ops, b, f"directive/{did}", "created", None, letter.subject)
    return ops


def next_seq(b: Basis, directive_id: str) -> int:
    """After every item of the letter, deleted ones too (undo may bring them back), and after
    the numbers shown (an item numbered alike on two machines shows the next free one: shown.py)."""
    stored = (int(_v(f, "seq", 0)) for _, f in _records(b, "item") if _v(f, "directive_id") == directive_id)
    shown = (i.seq for i in b.snapshot.items.values() if i.directive_id == directive_id)
    return 1 + max((*stored, *shown), default=0)


def settle_numbers(ops: State, b: Basis, directive_id: str) -> None:
    """Write down the number each item of the letter is shown under where it is not the one
    stored (two machines gave one number: shown.numbered), with a history event saying so —
    from then on the number stays, whatever is deleted or added later."""
    for item in b.snapshot.items.values():
        if item.directive_id != directive_id:
            continue
        stored = _v(b.state.records.get(f"item/{item.id}", {}), "seq")
        if stored is not None and int(stored) != item.seq:
            set_field(ops, b, f"item/{item.id}", "seq", item.seq)
            history(ops, b, f"item/{item.id}", "seq", int(stored), item.seq)


def add_item(b: Basis, directive_id: str, item: ItemInput) -> State:
    """A new item at the end of the letter, with a card for each of its agencies."""
    if directive_id not in b.snapshot.directives:
        raise EditError("edits.no_letter", text=directive_id[:8])
    seq, iid, ops = next_seq(b, directive_id), b.new_id(), State()
    settle_numbers(ops, b, directive_id)
    key = f"item/{iid}"
    for name, value in (("directive_id", directive_id), ("seq", seq), ("text", item.text), ("due", item.due),
                        ("recurrence", item.recurrence), ("subpoints", [])):
        set_field(ops, b, key, name, value)
    history(ops, b, key, "created", None, seq)
    done: set[str] = set()
    for position, choice in enumerate(item.agencies):
        aid = agency_for(ops, b, choice)
        if aid not in done:
            done.add(aid)
            put_card(ops, b, iid, aid, choice.role, seq + position / 100)
    return ops


ITEM_FIELDS = ("text", "due", "recurrence")


def edit_item(b: Basis, item_id: str, values: dict[str, Any]) -> State:
    """Only the fields that differ are written (another machine's edit of another field stays)."""
    item = b.snapshot.items.get(item_id)
    if item is None:
        raise EditError("edits.no_item", text=item_id[:8])
    ops = State()
    for name, value in values.items():
        if name in ITEM_FIELDS and getattr(item, name) != value:
            set_field(ops, b, f"item/{item_id}", name, value)
            history(ops, b, f"item/{item_id}", name, getattr(item, name), value)
    return ops


# -- agencies on items ----------------------------------------------------------------------


def agency_for(ops: State, b: Basis, choice: AgencyChoice) -> str:
    """The id of the chosen agency; a name the board does not know yet becomes an agency."""
    if choice.agency_id and choice.agency_id in b.snapshot.agencies:
        return choice.agency_id
    # The importer's name rules, imported here: with their patterns they were a tenth of what
    # every `board list` and first paint spent importing, for a hand edit only (issue 11).
    from storage.formats.agencies import AgencyIndex, short_name

    known = AgencyIndex(b.snapshot.agencies.values()).match(choice.name)
    if known is not None:
        return known.id
    aid = ids.agency_id(choice.name)
    fields = b.state.records.get(f"agency/{aid}")
    if fields is None:  # else: known, merged (the view says where it went) or buried
        set_field(ops, b, f"agency/{aid}", "name", choice.name)
        set_field(ops, b, f"agency/{aid}", "short", short_name(choice.name))
        history(ops, b, f"agency/{aid}", "created", None, choice.name)
    elif _v(fields, "deleted", False) or "name" not in fields:  # buried (by an older undo): back
        set_field(ops, b, f"agency/{aid}", "deleted", False)
        if "name" not in fields:
            set_field(ops, b, f"agency/{aid}", "name", choice.name)
        history(ops, b, f"agency/{aid}", "created", None, choice.name)
    return aid


def _card_of(b: Basis, item_id: str, agency_id: str) -> str | None:
    """The card (shown or tombstoned) of this agency on this item, if there ever was one."""
    for card in b.snapshot.cards.values():  # shown: agency ids as merges resolved them
        if card.item_id == item_id and card.agency_id == agency_id:
            return card.id
    if f"item/{item_id}" not in b.state.records:  # an item being made has no old cards
        return None
    return next((key[5:] for key, fields in b.state.records.items() if key.startswith("card/")
                 and _v(fields, "item_id") == item_id and _v(fields, "agency_id") == agency_id), None)


def put_card(ops: State, b: Basis, item_id: str, agency_id: str, role: str, rank: float) -> str:
    """A card for (item, agency): the shown one gets the role, a tombstoned one comes back
    (its notes and history with it), else a new one."""
    cid = _card_of(b, item_id, agency_id)
    key = f"card/{cid or ids.assignment_id(item_id, agency_id)}"
    shown = b.snapshot.cards.get(key[5:])
    if shown is not None:
        if shown.role != role:
            set_field(ops, b, key, "role", role)
            history(ops, b, key, "role", shown.role, role)
        return shown.id
    if key in b.state.records:
        set_field(ops, b, key, "deleted", False)
    for name, value in (("item_id", item_id), ("agency_id", agency_id), ("role", role)):
        set_field(ops, b, key, name, value)
    if _v(b.state.records.get(key, {}), "status") is None:
        set_field(ops, b, key, "status", "todo")
        set_field(ops, b, key, "rank", float(rank))
    history(ops, b, key, "assigned", None, role)
    return key[5:]


def assign(b: Basis, item_id: str, choice: AgencyChoice) -> State:
    item = b.snapshot.items.get(item_id)
    if item is None:
        raise EditError("edits.no_item", text=item_id[:8])
    ops = State()
    put_card(ops, b, item_id, agency_for(ops, b, choice), choice.role, item.seq + 0.5)
    return ops


def set_role(b: Basis, card_id: str, role: str) -> State:
    card = b.snapshot.cards.get(card_id)
    if card is None:
        raise EditError("edits.no_card", text=card_id[:8])
    if role not in ("lead", "support"):
        raise EditError("edits.bad_role")
    ops = State()
    if card.role != role:
        for cid in (card_id, *b.snapshot.folded_into(card_id)):  # cards a merge joined share it
            set_field(ops, b, f"card/{cid}", "role", role)
        history(ops, b, f"card/{card_id}", "role", card.role, role)
    return ops


# -- taking away ---------------------------------------------------------------------------


def bury(ops: State, b: Basis, kind: str, rid: str) -> None:
    set_field(ops, b, f"{kind}/{rid}", "deleted", True)
    history(ops, b, f"{kind}/{rid}", "deleted", False, True)


def retire(b: Basis, target: str, target_id: str) -> State:
    """Delete a card, an item with its cards, or a letter with its items and cards
    (tombstones: undo brings them back, notes and history stay)."""
    snap, ops = b.snapshot, State()
    if target == "card":
        if target_id not in snap.cards:
            raise EditError("edits.no_card", text=target_id[:8])
        items: list[str] = []
    elif target == "item":
        if target_id not in snap.items:
            raise EditError("edits.no_item", text=target_id[:8])
        items = [target_id]
    else:
        if target_id not in snap.directives:
            raise EditError("edits.no_letter", text=target_id[:8])
        bury(ops, b, "directive", target_id)
        items = [i.id for i in snap.items.values() if i.directive_id == target_id]
    for iid in items:
        bury(ops, b, "item", iid)
    wanted = set(items)
    cards = [target_id] if target == "card" else [c.id for c in snap.cards.values() if c.item_id in wanted]
    for cid in cards:
        for each in (cid, *snap.folded_into(cid)):
            bury(ops, b, "card", each)
    return ops


RETIRABLE = ("directive", "item", "card")


def deleted_key(b: Basis, text: str) -> str:
    """``kind/id`` of the deleted letter, item or card ``text`` names: an id prefix, or a
    deleted letter's number (its records are kept, so they can come back)."""
    from storage.editing.refs import MIN_PREFIX, letter_key

    wanted, key = text.strip().lower(), letter_key(text)
    found = []
    for rkey, fields in b.state.records.items():
        kind, _, rid = rkey.partition("/")
        if kind not in RETIRABLE or _v(fields, "deleted") is not True:
            continue
        if (len(wanted) >= MIN_PREFIX and rid.startswith(wanted)) or \
                (kind == "directive" and key and letter_key(str(_v(fields, "number", ""))) == key):
            found.append(rkey)
    if len(found) != 1:
        raise EditError("edits.ambiguous_deleted" if found else "edits.no_deleted", text=text.strip(), n=len(found))
    return found[0]


def restore(b: Basis, key: str) -> State:
    """Bring back a deleted letter, item or card with what its delete took along (that
    delete's registers carry its one stamp); what had been deleted before stays deleted."""
    reg = b.state.records.get(key, {}).get("deleted")
    if reg is None or reg[1] is not True:
        raise EditError("edits.no_deleted", text=key.partition("/")[2][:8], n=0)
    ops = State()
    for other, fields in b.state.records.items():
        mark = fields.get("deleted")
        if mark is not None and mark[1] is True and mark[0] == reg[0] and other.partition("/")[0] in RETIRABLE:
            set_field(ops, b, other, "deleted", False)
            history(ops, b, other, "deleted", True, False)
    return ops


# -- agencies --------------------------------------------------------------------------------


def edit_agency(b: Basis, edit: AgencyEdit) -> State:
    agency = b.snapshot.agencies.get(edit.agency_id)
    if agency is None:
        raise EditError("edits.no_agency", text=edit.agency_id[:8])
    key, ops = f"agency/{agency.id}", State()
    for name in ("name", "short"):
        value = getattr(edit, name)
        if value is not None and value != getattr(agency, name):
            set_field(ops, b, key, name, value)
            history(ops, b, key, name, getattr(agency, name), value)
    if edit.alias and edit.alias not in agency.aliases:
        set_field(ops, b, key, f"alias:{edit.alias}", True)
        history(ops, b, key, "alias", None, edit.alias)
    return ops


def merge_agencies(b: Basis, source: str, target: str) -> State:
    """The same office written two ways: ``source`` now shows as ``target``, whose spellings
    it joins (later imports match them). The view moves its cards and joins the cards of
    items that had both, so a change made meanwhile on another machine still lands."""
    snap = b.snapshot
    if source not in snap.agencies or target not in snap.agencies:
        raise EditError("edits.no_agency", text=(source if source not in snap.agencies else target)[:8])
    if source == target:
        raise EditError("edits.merge_same", name=snap.agencies[source].name)
    gone, kept, ops = snap.agencies[source], snap.agencies[target], State()
    set_field(ops, b, f"agency/{source}", "merged_into", target)
    for spelling in (gone.name, gone.short, *gone.aliases):
        if spelling and spelling not in (kept.name, kept.short, *kept.aliases):
            set_field(ops, b, f"agency/{target}", f"alias:{spelling}", True)
    history(ops, b, f"agency/{source}", "merged_into", None, target)
    history(ops, b, f"agency/{target}", "merged", None, source)
    return ops


# -- notes -----------------------------------------------------------------------------------


def retract_note(b: Basis, card_id: str, note_id: str) -> State:
    """Hide one's own note behind a "retracted" line; the note stays in the files."""
    note = next((n for n in b.snapshot.notes_of(card_id) if n.id == note_id), None)
    if note is None:
        raise EditError("edits.no_note", text=note_id[:8])
    if note.author != b.by:
        raise EditError("edits.not_your_note", author=note.author)
    ops = State()
    if note.retracted_by is None:
        history(ops, b, f"card/{card_id}", "retracted", None, note_id)
    return ops
