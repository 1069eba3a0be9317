"""A file format later versions can extend without hiding data (issue 7, the format step).

A newer version writes kinds of records and events this one does not know, and says so in
``meta.format``. This version reads every change it knows in such a file, keeps the rest and
carries it through ``board sync`` and compaction byte for byte, and says once that a newer
version made the file — never that it is damaged.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from storage.activity import activities
from storage.sync import edits
from storage.sync.kinds import EVENTS, FORMAT, RECORDS
from storage.sync.clock import wall_ms
from storage.sync.store import BoardStore
from storage.sync.view import BUILDERS
from tui.cli import main

NEWER_REPLICA = "feedfacefeedface"
STAMP = [wall_ms() - 60_000, 0, NEWER_REPLICA]


def _newer_file(store: BoardStore) -> tuple[bytes, dict, list[bytes]]:
    """A replica file as a later version might write it: (its bytes, what it changes,
    the documents this version does not know, as they are serialised)."""
    snap = store.snapshot()
    card = sorted(snap.cards)[0]
    item = snap.cards[card].item_id
    checklist = {"r": "checklist/0123456789abcdef", "s": STAMP, "by": "มาลี",
                 "f": {"card": card, "steps": [{"text": "ขั้นที่ ๑", "done": True}], "weight": 0.5}}
    known = {"r": f"card/{card}", "s": STAMP, "by": "มาลี", "f": {"status": "blocked", "priority": "สูง"}}
    reaction = {"id": "e0000000000000001", "kind": "reaction", "target": f"card/{card}", "card": card,
                "by": "มาลี", "s": STAMP, "emoji": "👍", "of": "e0000000000000002"}
    note = {"id": "e0000000000000002", "kind": "note", "target": f"card/{card}", "card": card, "by": "มาลี",
            "s": STAMP, "text": "รองบประมาณ", "mood": {"level": 2}}
    item_history = {"id": "e0000000000000003", "kind": "history", "target": f"item/{item}", "card": item,
                    "by": "มาลี", "s": STAMP, "field": "due", "old": None, "new": "2025-09-30"}
    data = {"board": {"1": {"board_id": store.board_id, "name": store.name, "role": "replica",
                            "replica": NEWER_REPLICA, "user": "มาลี", "machine": "pc9", "format": FORMAT + 7,
                            "colour": "teal"}},
            "regs": {"1": known, "2": checklist},
            "events": {"1": reaction, "2": note, "3": item_history}}
    unknown = [orjson.dumps(checklist), orjson.dumps(reaction), orjson.dumps(note)]
    return orjson.dumps(data), {"card": card, "item": item}, unknown


def test_a_newer_files_known_changes_show_and_it_is_said_once_never_as_damage(
        board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = BoardStore.open(board)
    raw, ids, _ = _newer_file(store)
    (store.folder / f"{NEWER_REPLICA}.json").write_bytes(raw)
    (store.folder / "ffffffffffffffff.json").write_bytes(raw.replace(NEWER_REPLICA.encode(), b"ffffffffffffffff"))
    store.refresh()
    (problem,) = store.problems
    assert problem.reason == "newer"
    assert problem.problem == "made by a newer version of Directive Board: update to see everything"
    snap = store.snapshot()
    assert snap.cards[ids["card"]].status == "blocked"
    assert [n.text for n in snap.notes_of(ids["card"])] == ["รองบประมาณ"]
    assert [(h.field, h.new) for h in snap.history[ids["item"]]] == [("due", "2025-09-30")]
    assert {a.subject for a in activities(snap) if a.owner_id == ids["item"]} == {"item"}
    assert main(["--board", str(board), "list", "--lang", "en"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].endswith("made by a newer version of Directive Board: update to see everything")


def test_board_sync_and_compaction_keep_what_this_version_does_not_know_byte_for_byte(board: Path) -> None:
    store = BoardStore.open(board)
    raw, ids, unknown = _newer_file(store)
    stray = store.folder / f"{NEWER_REPLICA}.sync-conflict-20250101-101010-ABCDEFG.json"
    stray.write_bytes(raw)  # only a conflict copy holds it: sync folds it into our own file
    store.refresh()
    store.move(ids["card"], "done")
    report = store.sync()
    assert report.folded and report.compacted
    (base,) = store.folder.glob("base-*.json")
    written = base.read_bytes()
    for doc in unknown:
        assert doc in written, f"not kept byte for byte: {doc[:60]!r}"
    assert not stray.exists()
    reader = BoardStore.open(board, user="auditor")
    assert reader.snapshot().cards[ids["card"]].status == "done"
    assert [n.text for n in reader.snapshot().notes_of(ids["card"])] == ["รองบประมาณ"]


def test_every_event_we_write_is_readable_by_format_1() -> None:
    """Readers of format 1 skip a whole file for an event without a ``card`` string or of a
    kind other than note/history: what this version writes of those kinds passes."""
    from storage.sync.clock import ZERO
    from storage.sync.codec import records_state
    from storage.sync.state import State
    from storage.sync.view import view
    from tests.storage.conftest import sample_records

    state = records_state(sample_records())
    snap = view(state)
    card = sorted(snap.cards)[0]
    basis = edits.Basis(snap, state, (1, 0, "r"), "somchai")
    ops = State()
    for made in (edits.move(basis, card, "done", note="x"), edits.delete_card(basis, card),
                 edits.add_records(basis, sample_records(items=4, letter="รย 1/2568"))):
        ops.events.update(made.events)
    edits.add_event(ops, basis, "history", f"agency/{sorted(snap.agencies)[0]}", field="name", old="a", new="b")
    assert len(ops.events) == 5  # a move and its note, a delete, an import, an agency edit
    for event in ops.events.values():
        assert event["kind"] in ("note", "history") and isinstance(event["card"], str)
        assert event["target"].endswith("/" + event["card"])


def test_the_registry_and_the_views_know_the_same_kinds() -> None:
    assert set(RECORDS) == set(BUILDERS)
    assert {"note", "history"} <= set(EVENTS)
