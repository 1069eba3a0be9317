"""storage/formats/xlsx_writer.py: the workbook XML written by hand, read back by openpyxl the way
Excel would show it (values, dates, styles, quote prefix, filters, frozen header, widths)."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import openpyxl

from storage.formats.xlsx_writer import (BOLD, DATE, PERCENT, PLAIN, STAMP, WRAP, Workbook, column_letter,
                                         serial)


def test_column_letters_and_day_numbers() -> None:
    assert [column_letter(n) for n in (1, 20, 26, 27, 52, 702, 703)] == ["A", "T", "Z", "AA", "AZ", "ZZ", "AAA"]
    assert serial(date(1900, 3, 1)) == 61 and serial(date(2022, 9, 30)) == 44834  # Excel's own numbers
    assert serial(datetime(2022, 9, 30, 18, 0)) == 44834.75


def _read(book: Workbook) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(book.save()))


def test_cells_read_back_as_written() -> None:
    book = Workbook("รายงาน <ประชุม> & สรุป")
    sheet = book.sheet("O'Neil (x)", (10, 60, 12, 17, 8))
    book.append(sheet, ["หัว", "ข้อความ", "วันที่", "เวลา", "%"], (BOLD,) * 5)
    book.append(sheet, ["  เว้นวรรค  ", "a < b & c > d\tแท็บ\nบรรทัดใหม่", date(2022, 9, 30),
                        datetime(2022, 10, 1, 9, 5), 0.25], (PLAIN, WRAP, DATE, STAMP, PERCENT))
    book.append(sheet, ["=HYPERLINK(\"http://x\")", "+66 81", None, "", True], (PLAIN, WRAP, DATE, STAMP, PLAIN))
    book.append(sheet, ["ควบคุม\x01\x1b", "", 7, 3.5, "-"], (PLAIN, WRAP, PLAIN, PLAIN, PLAIN))
    sheet.filter_rows = 4
    read = _read(book)
    assert read.sheetnames == ["O'Neil (x)"] and read.properties.title == "รายงาน <ประชุม> & สรุป"
    ws = read["O'Neil (x)"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E4"
    assert [ws.column_dimensions[c].width for c in "ABCDE"] == [10, 60, 12, 17, 8]
    assert all(c.font.bold for c in ws[1]) and not ws["A2"].font.bold
    assert ws["A2"].value == "  เว้นวรรค  "  # spaces kept at both ends
    assert ws["B2"].value == "a < b & c > d\tแท็บ\nบรรทัดใหม่" and ws["B2"].alignment.wrap_text
    assert ws["C2"].value == datetime(2022, 9, 30) and ws["C2"].number_format == "yyyy-mm-dd"
    assert ws["D2"].value == datetime(2022, 10, 1, 9, 5) and ws["D2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["E2"].value == 0.25 and ws["E2"].number_format == "0%"
    # Formula-looking text is text with the quote prefix (in a wrapped column too).
    assert ws["A3"].value == "=HYPERLINK(\"http://x\")" and ws["A3"].data_type == "s" and ws["A3"].quotePrefix
    assert ws["B3"].value == "+66 81" and ws["B3"].quotePrefix and ws["B3"].alignment.wrap_text
    assert ws["E4"].value == "-" and ws["E4"].quotePrefix
    assert ws["C3"].value is None and ws["D3"].value is None and ws["E3"].value is True
    assert ws["B4"].value is None and ws["B4"].alignment.wrap_text  # an empty note cell still wraps
    assert ws["A4"].value == "ควบคุม\ufffd\ufffd"  # XML cannot hold them
    assert ws["C4"].value == 7 and ws["D4"].value == 3.5
    with zipfile.ZipFile(io.BytesIO(book.save())) as z:
        workbook = z.read("xl/workbook.xml").decode()
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    # The hidden name Excel keeps for a sheet's filter, with the sheet's name quoted.
    assert "_xlnm._FilterDatabase" in workbook and "'O''Neil (x)'!$A$1:$E$4" in workbook
    assert not any("<f>" in xml or "<f " in xml for xml in sheets)


def test_a_repeated_text_is_stored_once() -> None:
    book = Workbook()
    sheet = book.sheet("s", (10,))
    for _ in range(100):
        book.append(sheet, ["ดำเนินการแล้ว"])
    with zipfile.ZipFile(io.BytesIO(book.save())) as z:
        assert z.read("xl/sharedStrings.xml").decode().count("ดำเนินการแล้ว") == 1
    ws = _read(book)["s"]
    assert ws.max_row == 100 and ws.auto_filter.ref is None and ws["A100"].value == "ดำเนินการแล้ว"


def test_quotes_and_line_ends_survive_in_names_and_cells() -> None:
    # A sheet is named after an agency's short name, which may hold a quote (it comes from a
    # shared board file): the name sits in an XML attribute, so it must not end the attribute.
    book = Workbook('รายงาน "ด่วน"')
    sheet = book.sheet('สนง."ระยอง"', (10,))
    book.append(sheet, ["บรรทัด\r\nใหม่", '"อ้าง"', "\ud800"])
    sheet.filter_rows = 2
    read = _read(book)
    assert read.sheetnames == ['สนง."ระยอง"'] and read.properties.title == 'รายงาน "ด่วน"'
    ws = read['สนง."ระยอง"']
    assert [c.value for c in ws[1]] == ["บรรทัด\r\nใหม่", '"อ้าง"', "\ufffd"]
