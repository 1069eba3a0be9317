"""Resource bombs (issue 13): small files that declare or hold enormous content.

Each is imported by ``board import --dry-run`` in a subprocess under a 1 GiB address-space
cap (resource.setrlimit): it must end by itself with exit 1 and one line naming the limit
(or import what is really there), never exhaust memory or run on. The subprocess timeout is
a hang guard, not a timing assertion.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.importing.helpers import ROOT, SAMPLE

CAP = 1 << 30
_RUNNER = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
from tui.cli import main
sys.exit(main(["--board", sys.argv[2], "--lang", sys.argv[3], "import", "--dry-run", "--json", sys.argv[1]]))
"""


def _import_capped(path: Path, tmp_path: Path, lang: str = "en") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", _RUNNER.format(cap=CAP), str(path), str(tmp_path / "board.json"), lang],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )


def _refused(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    err = result.stderr
    assert err.startswith("board: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert result.stdout == ""
    for word in words:
        assert word in err, err
    return err


def _replace_member(book: bytes, name: str, write) -> bytes:
    """The zip ``book`` with member ``name`` rewritten by ``write(stream)`` (streamed, deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            if info.filename == name:
                with dst.open(name, "w", force_zip64=True) as stream:
                    write(stream)
            else:
                dst.writestr(info, src.read(info))
    return out.getvalue()


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["ลำดับ", "ประเด็น", "หน่วยงาน", "กำหนดเสร็จ"])
    ws.append([1, "สำรวจแหล่งน้ำ", "อำเภอทุกอำเภอ", "-"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_SHEET_HEAD = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<dimension ref="A1:XFD1048576"/><sheetData>'
               '<row r="1"><c r="A1" t="inlineStr"><is><t>seq</t></is></c><c r="B1" t="inlineStr"><is><t>text</t></is></c>'
               '<c r="C1" t="inlineStr"><is><t>agencies</t></is></c></row>'
               '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>ขุดลอกคลอง</t></is></c>'
               '<c r="C2" t="inlineStr"><is><t>อำเภอทุกอำเภอ</t></is></c></row>').encode()


def test_xlsx_declaring_the_whole_grid_with_one_far_cell_stops_at_the_row_limit(tmp_path: Path) -> None:
    far = _SHEET_HEAD + b'<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData></worksheet>'
    path = tmp_path / "far-cell.xlsx"
    path.write_bytes(_replace_member(_workbook(), "xl/worksheets/sheet1.xml", lambda s: s.write(far)))
    assert path.stat().st_size < 10_000
    _refused(_import_capped(path, tmp_path), "far-cell.xlsx", "rows over the limit of 100,000")


def test_xlsx_with_a_far_cell_in_a_near_row_reads_only_what_is_there(tmp_path: Path) -> None:
    wide = _SHEET_HEAD + b'<row r="3"><c r="XFD3"><v>7</v></c></row></sheetData></worksheet>'
    path = tmp_path / "wide.xlsx"
    path.write_bytes(_replace_member(_workbook(), "xl/worksheets/sheet1.xml", lambda s: s.write(wide)))
    result = _import_capped(path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"ขุดลอกคลอง"' in result.stdout and '"seq": 2' not in result.stdout


def test_xlsx_of_four_million_rows_is_refused_at_a_limit(tmp_path: Path) -> None:
    def rows(stream) -> None:
        stream.write(_SHEET_HEAD)
        chunk = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * (1 << 16)
        for _ in range(64):  # 4.2 million rows
            stream.write(chunk)
        stream.write(b"</sheetData></worksheet>")

    path = tmp_path / "rows.xlsx"
    path.write_bytes(_replace_member(_workbook(), "xl/worksheets/sheet1.xml", rows))
    assert path.stat().st_size < 2_000_000
    _refused(_import_capped(path, tmp_path), "rows.xlsx", "unpacked size of xl/worksheets/sheet1.xml", "limit")


def test_xlsx_of_many_blank_rows_under_the_size_limit_stops_at_the_row_limit(tmp_path: Path) -> None:
    def rows(stream) -> None:
        stream.write(_SHEET_HEAD)
        stream.write(b"<row><c/></row>" * 150_000)  # 2.2 MB unpacked: under the size limit
        stream.write(b"</sheetData></worksheet>")

    path = tmp_path / "blank-rows.xlsx"
    path.write_bytes(_replace_member(_workbook(), "xl/worksheets/sheet1.xml", rows))
    _refused(_import_capped(path, tmp_path), "blank-rows.xlsx", "rows over the limit of 100,000")


def test_docx_of_fifty_million_empty_paragraphs_is_refused(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("ที่ ลป 0017/ว 1")
    plain = io.BytesIO()
    document.save(plain)

    def paragraphs(stream) -> None:
        stream.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
        chunk = b"<w:p/>" * (1 << 20)
        for _ in range(48):  # 50 million paragraphs, 300 MB unpacked
            stream.write(chunk)
        stream.write(b"</w:body></w:document>")

    path = tmp_path / "paragraphs.docx"
    path.write_bytes(_replace_member(plain.getvalue(), "word/document.xml", paragraphs))
    assert path.stat().st_size < 2_000_000
    _refused(_import_capped(path, tmp_path), "paragraphs.docx", "unpacked size of word/document.xml")


def test_docx_of_many_paragraphs_under_the_size_limit_stops_at_the_paragraph_limit(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("ที่ ลป 0017/ว 1")
    plain = io.BytesIO()
    document.save(plain)

    def paragraphs(stream) -> None:
        stream.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
        stream.write(b"<w:p/>" * 60_000)
        stream.write(b"</w:body></w:document>")

    path = tmp_path / "many.docx"
    path.write_bytes(_replace_member(plain.getvalue(), "word/document.xml", paragraphs))
    _refused(_import_capped(path, tmp_path, lang="th"), "many.docx", "จำนวนย่อหน้า", "50,000")


def test_csv_of_100000_rows_is_refused_not_glued_into_the_last_item(tmp_path: Path) -> None:
    lines = ["ลำดับ,ประเด็น,หน่วยงาน"] + [f"{n},รายงานผลครั้งที่ {n},อำเภอทุกอำเภอ" for n in range(1, 100_001)]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    _refused(_import_capped(path, tmp_path), "long.csv", "rows over the limit of 20,000")


def test_csv_of_more_items_than_a_letter_has_is_refused_at_the_item_limit(tmp_path: Path) -> None:
    lines = ["ลำดับ,ประเด็น,หน่วยงาน"] + [f"{n},รายงานผลครั้งที่ {n},อำเภอทุกอำเภอ" for n in range(1, 3_001)]
    path = tmp_path / "items.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    _refused(_import_capped(path, tmp_path), "items.csv", "directive items over the limit of 2,000")


def test_a_huge_text_file_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(21 * 1024 * 1024)  # sparse: 21 MB of NULs, no disk used
    _refused(_import_capped(path, tmp_path), "huge.txt", "file size over the limit")


def test_a_text_file_of_only_line_breaks_is_refused_by_lines(tmp_path: Path) -> None:
    path = tmp_path / "breaks.txt"
    path.write_bytes(b"\xe0\xb8\x81\n" * 3_000_000)  # "ก" and a break, 3 million times (12 MB)
    _refused(_import_capped(path, tmp_path), "breaks.txt", "lines over the limit")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "letter.txt"
    os.mkfifo(fifo)
    _refused(_import_capped(fifo, tmp_path), "letter.txt", "not a regular file")


def test_the_sample_still_imports_under_the_same_cap(tmp_path: Path) -> None:
    result = _import_capped(SAMPLE, tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"number": "รย 0017.2/ว 3362"' in result.stdout


def test_a_cell_continued_over_90000_lines_is_assembled_in_linear_time(tmp_path: Path) -> None:
    # Each line continues item 1's text: joining them one by one into a growing string was
    # quadratic (minutes); the hang guard would stop it.
    path = tmp_path / "long-cell.txt"
    body = "ที่ ชบ 0017/ว 1\nลำดับ\tประเด็น\tหน่วยงาน\n1\tเริ่ม\tอำเภอทุกอำเภอ\n" + "\tต่อ\n" * 90_000
    path.write_text(body, encoding="utf-8")
    result = _import_capped(path, tmp_path)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.count('"seq"') == 1 and result.stdout.count("ต่อ") == 90_000
