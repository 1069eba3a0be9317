"""A note its author took back (``board note --retract``) is quoted nowhere any more: not in the
exports, the agency's reply, the review page or the log — which still say that a note was there
and was retracted, by whom and when (the files keep it: a record is never silently rewritten)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import docx
import openpyxl

from storage.review import agency_review
from storage.sync.store import BoardStore
from tests.meeting.test_exports import TODAY, export, worked  # noqa: F401 - fixture
from tui.cli import main

WRONG = "ส่งรายงานผิดฉบับ ไม่ต้องนำเข้าที่ประชุม"


def _retracted(board: Path, card_id: str) -> None:
    store = BoardStore.open(board)
    note = store.add_note(card_id, WRONG)
    store.retract_note(card_id, note.id)
    store.close()


def _notes(data) -> list[dict]:
    """Every note object anywhere in the JSON export."""
    if isinstance(data, dict):
        found = [data] if "retracted_by" in data or ("text" in data and "author" in data) else []
        return found + [n for v in data.values() for n in _notes(v)]
    if isinstance(data, list):
        return [n for v in data for n in _notes(v)]
    return []


def test_a_retracted_note_is_quoted_in_no_report(worked, two_letters: Path, tmp_path: Path, capsys) -> None:
    pc = worked["pc"]  # blocked, its latest kept note is the NOTE of test_exports
    _retracted(two_letters, pc)
    rows = list(csv.DictReader(io.StringIO(export(two_letters, tmp_path, "csv", "--lang", "en")
                                           .read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["Card"] == pc[:8])
    assert row["Latest note"].startswith("ติดปัญหา, รองบ") and row["Notes"] == "2"
    assert WRONG not in export(two_letters, tmp_path, "md").read_text(encoding="utf-8")
    # The JSON export is the whole record, for programs: the note is there, marked retracted.
    dumped = export(two_letters, tmp_path, "json").read_text(encoding="utf-8")
    (note,) = [n for n in _notes(json.loads(dumped)) if n.get("text") == WRONG]
    assert note["retracted_by"] == "somchai"
    book = openpyxl.load_workbook(export(two_letters, tmp_path, "xlsx"))
    assert not any(WRONG in str(c.value) for ws in book for r in ws.iter_rows() for c in r if c.value)
    reply = docx.Document(str(export(two_letters, tmp_path, "docx", "--agency", "พช.ระยอง")))
    text = "\n".join([p.text for p in reply.paragraphs]
                     + [c.text for t in reply.tables for r in t.rows for c in r.cells])
    assert WRONG not in text and "รองบ" in text  # the kept problem note is still reported
    snap = BoardStore.open(two_letters, read_only=True).snapshot()
    page = agency_review(snap, snap.cards[pc].agency_id, TODAY, date(2022, 9, 1))
    (blocked,) = page.blocked
    assert blocked.note is not None and blocked.note.text.startswith("ติดปัญหา, รองบ")
    # The log keeps the note's place and says it was taken back, without its words.
    capsys.readouterr()
    assert main(["--board", str(two_letters), "log", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert WRONG not in json.dumps(entries, ensure_ascii=False)
    assert main(["--board", str(two_letters), "log"]) == 0
    out = capsys.readouterr().out
    assert WRONG not in out and "บันทึก (ถอนแล้ว)" in out and "ถอนบันทึกของตัวเอง" in out
