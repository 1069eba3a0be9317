"""``board export --format csv|xlsx|md``: files Excel and meeting minutes can use, re-read here."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from storage.sync.store import BoardStore
from tui.cli import board_commands, main

NOTE = 'ติดปัญหา, รองบ "ไตรมาส ๒" | ส่งแล้ว\nบรรทัดที่สอง'


@pytest.fixture
def worked(board: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The sample board after a day's work, on 1 October 2022 (item 1 was due 30 Sep)."""
    monkeypatch.setattr(board_commands, "today", lambda: date(2022, 10, 1))
    store = BoardStore.open(board)
    snap = store.snapshot()
    by_role = {}
    for card in snap.cards.values():
        item = snap.items[card.item_id]
        agency = snap.agencies[card.agency_id]
        by_role[(item.seq, agency.short or agency.name)] = card.id
    store.move(by_role[(1, "สนจ.ระยอง")], "blocked", note=NOTE)
    store.move(by_role[(2, "สนจ.ระยอง")], "done")
    store.move(by_role[(1, "พช.ระยอง")], "done")
    return {"blocked": by_role[(1, "สนจ.ระยอง")], "done2": by_role[(2, "สนจ.ระยอง")]}


def _export(board: Path, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"board.{fmt}"
    assert main(["--board", str(board), *extra, "export", "--format", fmt, "--out", str(out)]) == 0
    return out


def test_csv_opens_in_excel_as_thai_one_row_per_card(board: Path, tmp_path: Path, worked: dict[str, str]) -> None:
    raw = _export(board, tmp_path, "csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no BOM: Excel would read the Thai as the local code page"
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = table[0], table[1:]
    assert header[:6] == ["รหัสการ์ด", "เลขที่หนังสือ", "ลงวันที่", "ลงวันที่ (พ.ศ.)", "ข้อ", "ประเด็น"] and len(body) == 9
    rows = {r[0]: dict(zip(header, r)) for r in body}
    blocked = rows[worked["blocked"][:8]]
    assert blocked["สถานะ"] == "ติดปัญหา" and blocked["บันทึกล่าสุด"] == NOTE  # comma, quotes, newline kept
    assert blocked["หน่วยงาน"] == "สำนักงานจังหวัดระยอง" and blocked["บทบาท"] == "หน่วยงานหลัก"
    assert blocked["กำหนดเสร็จ"] == "2022-09-30" and blocked["เลยกำหนด"] == "เลยกำหนด"
    assert blocked["แก้ไขโดย"] == "somchai" and blocked["จำนวนบันทึก"] == "1"
    assert rows[worked["done2"][:8]]["เลยกำหนด"] == ""
    # Ordered by item, lead first.
    assert [(r[4], r[8]) for r in body[:3]] == [("1", "หน่วยงานหลัก"), ("1", "หน่วยงานสนับสนุน"), ("1", "หน่วยงานสนับสนุน")]


def test_csv_to_standard_output_keeps_the_bom_and_english_headers(
        board: Path, worked: dict[str, str], capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["--board", str(board), "--lang", "en", "export", "--format", "csv"]) == 0
    raw = capsysbinary.readouterr().out
    assert raw.startswith(b"\xef\xbb\xbfCard,Letter,Letter date,Letter date (B.E.),Item,Directive,Agency,Short name,"
                          b"Role,Status,Due,Due (B.E.),Overdue")
    body = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))[1:]
    assert sorted(r[9] for r in body).count("Blocked") == 1 and body[0][8] == "Lead"


def test_xlsx_has_a_frozen_bold_header_widths_and_real_dates(board: Path, tmp_path: Path,
                                                             worked: dict[str, str]) -> None:
    book = openpyxl.load_workbook(_export(board, tmp_path, "xlsx"))
    assert book.sheetnames == ["สรุป", "สนจ.ระยอง", "พช.ระยอง", "อำเภอทุกอำเภอ"]  # summary, then by name
    sheet = book["สนจ.ระยอง"]
    assert sheet.freeze_panes == "A2" and sheet.max_row == 4
    header = [c.value for c in sheet[1]]
    assert header[5] == "ประเด็น" and all(c.font.bold for c in sheet[1])
    assert sheet.column_dimensions["F"].width >= 40 and sheet.column_dimensions["E"].width < 10
    assert sheet.auto_filter.ref == "A1:T4"
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    blocked = rows[worked["blocked"][:8]]
    assert blocked["กำหนดเสร็จ"] == datetime(2022, 9, 30) and blocked["ลงวันที่"] == datetime(2022, 7, 17)
    assert blocked["สถานะ"] == "ติดปัญหา" and blocked["บันทึกล่าสุด"] == NOTE and blocked["ข้อ"] == 1
    assert "ให้ทุกหน่วยงานบูรณาการ" in blocked["ประเด็น"]


def test_markdown_minutes_have_a_section_and_progress_line_per_agency(
        board: Path, tmp_path: Path, worked: dict[str, str]) -> None:
    text = _export(board, tmp_path, "md").read_text(encoding="utf-8")
    assert text.startswith("# ระยอง\n") and "ข้อมูล ณ วันที่ ๑ ตุลาคม ๒๕๖๕" in text
    sections = {part.split("\n", 1)[0]: part for part in text.split("\n## ")[1:]}
    assert set(sections) == {"สำนักงานจังหวัดระยอง (สนจ.ระยอง)", "สำนักงานพัฒนาชุมชนจังหวัดระยอง (พช.ระยอง)",
                             "อำเภอทุกอำเภอ"}
    office = sections["สำนักงานจังหวัดระยอง (สนจ.ระยอง)"]
    assert "███░░░░░░░ ดำเนินการแล้ว ๑/๓ (๓๓%) · ยังไม่ดำเนินการ ๑ · ติดปัญหา ๑ · เลยกำหนด ๑" in office
    table = [line for line in office.splitlines() if line.startswith("| ")][1:]
    assert len(table) == 3 and table[0].startswith("| รย ๐๐๑๗.๒/ว ๓๓๖๒ ข้อ ๑ |")  # overdue first
    assert "⚠ ๓๐ ก.ย. ๖๕ (เลย ๑ วัน)" in table[0] and "\\| ส่งแล้ว บรรทัดที่สอง (somchai " in table[0]
    assert all(line.count(" | ") == 6 for line in table), "a pipe or line break broke the table"
    districts = sections["อำเภอทุกอำเภอ"]
    assert "░░░░░░░░░░ ดำเนินการแล้ว ๐/๓ (๐%) · ยังไม่ดำเนินการ ๓ · เลยกำหนด ๑" in districts


def test_markdown_of_an_empty_board_says_so(tmp_path: Path, state_home: Path) -> None:
    from storage.models import Records

    path = tmp_path / "empty.json"
    BoardStore.create(path, Records())
    out = tmp_path / "empty.md"
    assert main(["--board", str(path), "export", "--format", "md", "--out", str(out)]) == 0
    assert "ยังไม่มีการ์ดบนกระดาน" in out.read_text(encoding="utf-8")
