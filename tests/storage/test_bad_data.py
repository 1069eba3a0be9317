"""Bad data in a board file (issue 13): named, contained, never spread.

Another machine's replica file carries values of the wrong type, range or shape. Every command
and the TUI still open the board; the bad value is left out with one warning naming the file
and the record; the rest of that file counts; and nothing invalid is ever written into our
own files by ``board sync`` or a compaction, so deleting the bad file fixes the board for all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.sync.codec import decoded
from storage.sync.clock import wall_ms
from storage.sync.store import BoardStore
from tui.cli import main

BAD = "0123456789abcdef"
STAMP = [wall_ms() - 60_000, 0, BAD]


def _deep(n: int) -> str:
    """A value nested ``n`` lists deep, as a marker ``_dumps`` writes out (orjson itself
    refuses to write more than 254 levels, which is why such a value must never reach it)."""
    return f"\x00deep{n}"


def _dumps(data: Any) -> bytes:
    """JSON as another program may write it (integers past 64 bits too: orjson refuses them)."""
    raw = json.dumps(data, ensure_ascii=False).encode()
    return raw.replace(json.dumps(_deep(900)).encode(), b"[" * 900 + '"ลึก"'.encode() + b"]" * 900)


def _ids(board: Path) -> dict[str, str]:
    snap = BoardStore.open(board, user="peek", read_only=True).snapshot()
    card = snap.cards[sorted(snap.cards)[0]]
    item = snap.items[card.item_id]
    return {"card": card.id, "other": sorted(snap.cards)[1], "item": item.id, "directive": item.directive_id,
            "agency": card.agency_id}


def _replica(board: Path, regs: list[dict], events: list[dict] = ()) -> Path:
    meta = {"board_id": BoardStore.open(board, user="peek", read_only=True).board_id, "name": "x",
            "role": "replica", "replica": BAD, "user": "มาลี", "machine": "pc9", "format": 2}
    data = {"board": {"1": meta}, "regs": {str(n): d for n, d in enumerate(regs, 1)},
            "events": {str(n): e for n, e in enumerate(events, 1)}}
    path = board.parent / "board.d" / f"{BAD}.json"
    path.write_bytes(_dumps(data))
    return path


def _our_files(store: BoardStore) -> list[Path]:
    return [*store.folder.glob("base-*.json"), store.own_path, store.replica.shadow_path]


def _clean(path: Path) -> bool:
    """Whether a file decodes with nothing left out of it."""
    return decoded(path, orjson.loads(path.read_bytes())).skipped == ()


CORRUPT = [
    ("item", "seq", "x"),
    ("card", "rank", "abc"),
    ("item", "due", 42),
    ("item", "due", "soon"),
    ("item", "due", "2025-02-31"),
    ("directive", "references", 5),
    ("directive", "date", "17/07/2565"),
    ("card", "agency_id", ["a", "b"]),
    ("card", "role", "boss"),
    ("card", "status", 3),
    ("agency", "name", {"th": "x"}),
    ("agency", "alias:สนจ", "yes"),
    ("item", "subpoints", [1, 2]),
    ("item", "text", _deep(900)),
    ("card", "priority", _deep(900)),  # a field this version does not know: kept only if bounded
]


@pytest.mark.parametrize(("kind", "field", "value"), CORRUPT, ids=[f"{k}.{f}" for k, f, _ in CORRUPT])
def test_a_bad_value_is_left_out_named_and_never_copied(board: Path, capsys: pytest.CaptureFixture[str],
                                                        kind: str, field: str, value: Any) -> None:
    ids = _ids(board)
    record = f"{kind}/{ids[kind]}"
    regs = [{"r": record, "s": STAMP, "by": "มาลี", "f": {field: value}},
            {"r": f"card/{ids['other']}", "s": STAMP, "by": "มาลี", "f": {"status": "blocked"}}]
    good = ("rank", 7.0) if field == "status" else ("status", "done")
    if kind == "card":  # the same document's good field still counts
        regs[0]["f"][good[0]] = good[1]
    bad = _replica(board, regs)
    store = BoardStore.open(board)
    (problem,) = store.problems
    assert problem.path == str(bad) and problem.reason == "bad_values"
    assert f"{record}.{field[:60]}" in problem.problem and "1 bad value(s) left out" in problem.problem
    snap = store.snapshot()
    assert snap.cards[ids["other"]].status == "blocked"  # the rest of the file counts
    if kind == "card":
        assert getattr(snap.cards[ids["card"]], good[0]) == good[1]
    assert main(["--board", str(board), "list", "--lang", "en"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and str(bad) in err[0] and record in err[0]
    assert main(["--board", str(board), "sync"]) == 0  # folds nothing bad, compacts
    capsys.readouterr()
    store.refresh()
    store.move(ids["card"], "doing")
    store.sync()
    for path in _our_files(store):
        assert _clean(path), f"{path.name} holds a bad value"
    bad.unlink()
    fresh = BoardStore.open(board, user="auditor")
    assert fresh.problems == ()
    assert fresh.snapshot().cards[ids["other"]].status == "blocked"  # copied into our base: valid


BROKEN_DOCS = [
    ("a stamp past 9999", {"r": "card/{card}", "s": [253_402_300_800_000, 0, BAD], "by": "x", "f": {"status": "done"}}),
    ("a negative stamp", {"r": "card/{card}", "s": [-5, 0, BAD], "by": "x", "f": {"status": "done"}}),
    ("a huge counter", {"r": "card/{card}", "s": [1, 2**70, BAD], "by": "x", "f": {"status": "done"}}),
    ("a stamp of text", {"r": "card/{card}", "s": "yesterday", "by": "x", "f": {"status": "done"}}),
    ("no record id", {"r": "card", "s": STAMP, "by": "x", "f": {"status": "done"}}),
    ("fields not an object", {"r": "card/{card}", "s": STAMP, "by": "x", "f": 5}),
    ("an author object", {"r": "card/{card}", "s": STAMP, "by": {"name": "x"}, "f": {"status": "done"}}),
    ("not a document", "card/{card}"),
]


@pytest.mark.parametrize(("what", "doc"), BROKEN_DOCS, ids=[w for w, _ in BROKEN_DOCS])
def test_a_broken_document_is_a_named_bad_record(board: Path, what: str, doc: Any) -> None:
    ids = _ids(board)
    text = _dumps(doc).decode().replace("{card}", ids["card"])
    good = {"r": f"card/{ids['other']}", "s": STAMP, "by": "มาลี", "f": {"status": "blocked"}}
    note = {"id": "e1", "kind": "note", "target": f"card/{ids['other']}", "card": ids["other"], "by": "มาลี",
            "s": STAMP, "text": "ok"}
    _replica(board, [orjson.loads(text), good], [note])
    store = BoardStore.open(board)
    (problem,) = store.problems
    assert problem.reason == "bad_values"
    snap = store.snapshot()
    assert snap.cards[ids["card"]].status == "todo" and snap.cards[ids["other"]].status == "blocked"
    assert [n.text for n in snap.notes_of(ids["other"])] == ["ok"]


BROKEN_EVENTS = [
    {"id": "e2", "kind": "note", "card": "{card}", "by": "x", "s": STAMP, "text": 5},
    {"id": "e2", "kind": "note", "card": ["x"], "by": "x", "s": STAMP, "text": "t"},
    {"id": "e2", "kind": "note", "target": "nonsense", "card": "{card}", "by": "x", "s": STAMP, "text": "t"},
    {"id": "e2", "kind": 7, "card": "{card}", "by": "x", "s": STAMP},
    {"id": "e2", "kind": "history", "card": "{card}", "by": "x", "s": STAMP, "field": "status", "new": _deep(900)},
    {"id": "e2", "kind": "note", "card": "{card}", "by": "x", "s": [1e20, 0, "x"], "text": "t"},
    {"id": 12, "kind": "note", "card": "{card}", "by": "x", "s": STAMP, "text": "t"},
    {"kind": "note", "card": "{card}", "by": "x", "s": STAMP, "text": "t"},
]


@pytest.mark.parametrize("event", BROKEN_EVENTS)
def test_a_broken_event_is_left_out_and_the_others_count(board: Path, event: dict) -> None:
    ids = _ids(board)
    event = orjson.loads(_dumps(event).decode().replace("{card}", ids["card"]))
    good = {"id": "e1", "kind": "note", "target": f"card/{ids['card']}", "card": ids["card"], "by": "มาลี",
            "s": STAMP, "text": "ส่งแล้ว"}
    _replica(board, [], [event, good])
    store = BoardStore.open(board)
    assert [p.reason for p in store.problems] == ["bad_values"]
    assert [n.text for n in store.snapshot().notes_of(ids["card"])] == ["ส่งแล้ว"]
    store.add_note(ids["card"], "ของเรา")
    store.sync()
    assert all(_clean(p) for p in _our_files(store))


def test_bad_values_in_our_own_shadow_are_rewritten_out_of_it(board: Path) -> None:
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[0]
    store.move(card, "doing")
    data = orjson.loads(store.replica.shadow_path.read_bytes())
    data["regs"]["99"] = {"r": f"card/{card}", "s": [1, 0, "x"], "by": "x", "f": {"rank": "abc"}}
    store.replica.shadow_path.write_bytes(orjson.dumps(data))
    again = BoardStore.open(board)
    assert [p.reason for p in again.problems] == ["bad_values"]
    again.move(card, "done")
    assert _clean(again.own_path) and _clean(again.replica.shadow_path)
    assert BoardStore.open(board).problems == ()


# -- random corruptions of every field of every record kind ---------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)


def _sample_file(board: Path) -> dict:
    """A real replica file of another machine: every record kind, notes and history."""
    from storage.sync.codec import records_state, to_tables
    from tests.storage.conftest import sample_records

    state = records_state(sample_records(items=1, letter="รย 9/2568"))
    for fields in state.records.values():
        for name, (_, value, _) in list(fields.items()):
            fields[name] = (tuple(STAMP), value, "มาลี")  # type: ignore[assignment]
    ids = _ids(board)
    for n, (kind, extra) in enumerate([("note", {"text": "บันทึก"}),
                                       ("history", {"field": "status", "old": "todo", "new": "done"})]):
        state.events[f"e{n}"] = {"id": f"e{n}", "kind": kind, "target": f"card/{ids['card']}", "card": ids["card"],
                                 "by": "มาลี", "s": STAMP, **extra}
    return to_tables(state, {"board_id": BoardStore.open(board, user="peek", read_only=True).board_id,
                             "role": "replica", "replica": BAD, "format": 2})


def _paths(value: Any, at: tuple = ()) -> list[tuple]:
    """Every place inside a document a value could be replaced."""
    out = [at]
    if isinstance(value, dict):
        for key, inner in value.items():
            out += _paths(inner, (*at, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            out += _paths(inner, (*at, i))
    return out


def _replace(doc: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    doc = dict(doc) if isinstance(doc, dict) else list(doc)
    doc[path[0]] = _replace(doc[path[0]], path[1:], new)
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_corruptions_never_raise_and_never_reach_our_files(board: Path, data: st.DataObject) -> None:
    tables = _sample_file(board)
    for _ in range(data.draw(st.integers(1, 3), label="corruptions")):
        table = data.draw(st.sampled_from(["regs", "events"]), label="table")
        doc_id = data.draw(st.sampled_from(sorted(tables[table])), label="document")
        doc = tables[table][doc_id]
        where = data.draw(st.sampled_from(_paths(doc)), label="where")
        new = data.draw(JSON | st.just(_deep(900)), label="value")
        tables[table] = {**tables[table], doc_id: _replace(doc, where, new)}
    path = board.parent / "board.d" / f"{BAD}.json"
    path.write_bytes(_dumps(tables))
    store = BoardStore.open(board)
    store.snapshot()
    store.move(sorted(store.snapshot().cards)[0], "doing")
    store.sync()
    assert all(_clean(p) for p in _our_files(store))
    assert main(["--board", str(board), "list"]) == 0
    for ours in [*store.folder.glob("base-*.json"), store.own_path, store.replica.shadow_path]:
        ours.unlink(missing_ok=True)  # the next example starts from the board alone
