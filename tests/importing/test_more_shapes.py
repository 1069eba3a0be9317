"""Letters of shapes the other fixtures lack: a district's orders to its sub-district chiefs,
a Word table pasted as tab text whose cells hold line breaks, and a meeting's summary of
orders that names offices by their short forms and nicknames."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.formats.letters import parse_letter_text
from storage.formats.reader import read_letter
from tests.importing.helpers import LETTERS, roles, word_letter

DISTRICT = LETTERS / "chiangmai-district-orders-kamnan.txt"
SPILLED = LETTERS / "trang-tab-table-spilled-cells.txt"
SUMMARY = LETTERS / "phatthalung-orders-summary-short-forms.txt"


def test_a_districts_orders_to_its_chiefs_and_local_bodies() -> None:
    draft = read_letter(DISTRICT)
    d = draft.directive
    assert (d.number, d.date, d.references) == ("ชม 0318/ว 123", "2025-03-14", ("ชม 0017.3/ว 442",))
    one, two, three = draft.items
    # Sub-district and village chiefs of every sub-district and village are who the order is given to.
    assert roles(one) == {"กำนันทุกตำบล": "lead", "ผู้ใหญ่บ้านทุกหมู่บ้าน": "lead"}
    assert one.recurrence == "ทุกวันจันทร์"
    assert roles(two) == {"องค์การบริหารส่วนตำบลทุกแห่ง": "lead"} and two.due == "2025-03-20"
    # A hospital and a district health office, named by their district, not a province.
    assert roles(three) == {"โรงพยาบาลสันทราย": "lead", "สาธารณสุขอำเภอสันทราย": "support"}
    assert not draft.warnings


def test_a_tab_table_whose_cells_hold_line_breaks() -> None:
    draft = read_letter(SPILLED)
    one, two, three = draft.items
    assert roles(one) == {"ส่วนราชการทุกส่วนราชการ": "lead"} and one.due == "2025-09-30"
    # The agencies cell ran over three lines; the line that closes it also holds the
    # deadline cell, which is the item's, not an agency or more of its text.
    assert two.text == "ควบคุมการระบาดของโรคไข้เลือดออกในโรงเรียน"
    assert roles(two) == {"สำนักงานสาธารณสุขจังหวัดตรัง": "lead", "สำนักงานศึกษาธิการจังหวัดตรัง": "support",
                          "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "support"}
    assert two.recurrence == "ทุกสัปดาห์"
    # An office called by its nickname is the office.
    assert roles(three) == {"สำนักงานพาณิชย์จังหวัดตรัง": "lead"} and three.due == "2025-08-31"


def test_a_summary_of_a_meetings_orders_with_short_forms() -> None:
    draft = read_letter(SUMMARY)
    d = draft.directive
    # No number is expected of a meeting's summary: its title is the subject, whoever gave
    # the orders the issuer, and nothing is reported missing.
    assert (d.number, d.date) == ("", "2025-10-27")
    assert d.subject == "สรุปข้อสั่งการผู้ว่าราชการจังหวัดพัทลุง ในการประชุมหัวหน้าส่วนราชการ ประจำเดือนตุลาคม ๒๕๖๘"
    assert d.issuer == "ผู้ว่าราชการจังหวัดพัทลุง"
    assert not draft.warnings
    one, two, three = draft.items
    assert roles(one) == {"สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดพัทลุง": "lead", "อำเภอทุกอำเภอ": "lead"}
    assert roles(two) == {"สำนักงานการท่องเที่ยวและกีฬาจังหวัดพัทลุง": "lead",
                          "องค์การบริหารส่วนจังหวัดพัทลุง": "support"}
    assert two.due == "2025-12-31"
    assert roles(three) == {"ตำรวจภูธรจังหวัดพัทลุง": "lead", "ฝ่ายปกครอง": "support",
                            "สำนักงานสาธารณสุขจังหวัดพัทลุง": "support"}


OFFICES = ["สำนักงานเกษตรจังหวัดตรัง", "สำนักงานพาณิชย์จังหวัดตรัง", "สำนักงานสาธารณสุขจังหวัดตรัง",
           "สำนักงานแรงงานจังหวัดตรัง", "อำเภอทุกอำเภอ", "องค์การบริหารส่วนจังหวัดตรัง"]
DUTIES = ["เร่งรัดการเบิกจ่ายงบประมาณ", "สำรวจความเสียหายจากอุทกภัย", "ประชาสัมพันธ์มาตรการป้องกันโรค"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(DUTIES), st.lists(st.sampled_from(OFFICES), min_size=1, max_size=3, unique=True),
                          st.sampled_from(["", "ทุกเดือน", "ภายในวันที่ 30 กันยายน 2568"])), min_size=1, max_size=5))
def test_cells_with_line_breaks_land_in_their_columns(rows) -> None:
    # Word copies a table as tab text with each cell's line breaks kept: a cell of several
    # lines spills the rest of its row onto the lines after it.
    body = "\n".join(f"{n}\t{duty}\t" + "\n".join(offices) + f"\t{due}\t"
                     for n, (duty, offices, due) in enumerate(rows, 1))
    text = ("ที่ ตง 0017.4/ว 1\n5 สิงหาคม 2568\nเรื่อง ข้อสั่งการ\n"
            "ลำดับ\tประเด็นข้อสั่งการ\tหน่วยงานรับผิดชอบ\tระยะเวลาดำเนินการ\tหมายเหตุ\n" + body)
    items = parse_letter_text(text).items
    assert [i.seq for i in items] == list(range(1, len(rows) + 1))
    for item, (duty, offices, due) in zip(items, rows):
        assert item.text == duty
        assert [a.name for a in item.agencies] == offices
        assert (item.recurrence == "ทุกเดือน") == (due == "ทุกเดือน")
        assert (item.due == "2025-09-30") == due.startswith("ภายใน")


def test_a_tracking_sheet_heads_itself_with_a_title_and_the_letter_it_tracks(tmp_path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ติดตามข้อสั่งการผู้ว่าราชการจังหวัดสงขลา การประชุมกรมการจังหวัด ครั้งที่ 11/2568"])
    sheet.append(["หนังสือ ที่ สข 0017.2/ว 4410 ลงวันที่ 25 พฤศจิกายน 2568"])
    sheet.append([])
    sheet.append(["ที่", "ประเด็น/ข้อสั่งการ", "ผู้รับผิดชอบหลัก", "ผู้รับผิดชอบร่วม", "กำหนดเวลา", "ผลการดำเนินงาน"])
    sheet.append([1, "เร่งรัดการช่วยเหลือผู้ประสบอุทกภัย", "ปภ.สงขลา", "ทุกอำเภอ, อปท.ทุกแห่ง", "15 ธ.ค. 68", ""])
    sheet.append([2, "สำรวจความเสียหายด้านการเกษตร", "สำนักงานเกษตรจังหวัดสงขลา", "", "31/12/2568", ""])
    book.save(tmp_path / "tracking.xlsx")
    draft = read_letter(tmp_path / "tracking.xlsx")
    d = draft.directive
    # "หนังสือ ที่ … ลงวันที่ …" above the table is the tracked letter's own number and date
    # (in a letter's body the same words name a letter referred to).
    assert (d.number, d.date, d.references) == ("สข 0017.2/ว 4410", "2025-11-25", ())
    assert d.subject == "ติดตามข้อสั่งการผู้ว่าราชการจังหวัดสงขลา การประชุมกรมการจังหวัด ครั้งที่ 11/2568"
    assert d.issuer == "ผู้ว่าราชการจังหวัดสงขลา"
    assert not draft.warnings
    one, two = draft.items
    assert roles(one) == {"สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดสงขลา": "lead", "อำเภอทุกอำเภอ": "support",
                          "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง": "support"}
    assert (one.due, two.due) == ("2025-12-15", "2025-12-31")


CIRCULAR = LETTERS / "moi-circular-closing-deadline.txt"


def test_a_deadline_said_once_after_the_list_is_every_undated_items() -> None:
    draft = read_letter(CIRCULAR)
    # A ministry writes to every province: its offices stay without a province.
    assert [[a.name for a in i.agencies] for i in draft.items] == [
        ["สำนักงานจังหวัด"], ["ที่ทำการปกครองจังหวัด", "สำนักงานพระพุทธศาสนาจังหวัด"], ["สำนักงานประชาสัมพันธ์จังหวัด"]]
    # "ทั้งนี้ ให้รายงานผล…ภายในวันที่ ๒๐ ธันวาคม ๒๕๖๘" is not the last item's text, and its
    # deadline is every item's — said in a warning, since no item states it.
    assert draft.items[2].text == "ให้สำนักงานประชาสัมพันธ์จังหวัดเผยแพร่ประชาสัมพันธ์กิจกรรมผ่านสื่อทุกช่องทาง"
    assert [i.due for i in draft.items] == ["2025-12-20"] * 3
    (warning,) = draft.warnings
    assert warning.code == "importer.shared_due" and dict(warning.params)["n"] == 3


def test_a_paragraph_inside_the_list_stays_its_items() -> None:
    text = ("ที่ นน 0017.2/ว 5\n1 มีนาคม 2569\nเรื่อง ข้อสั่งการ\n"
            "        ๑. ให้สำนักงานเกษตรจังหวัดน่านสำรวจพื้นที่ปลูกส้ม\n"
            "        ทั้งนี้ ให้แล้วเสร็จภายในวันที่ ๓๐ เมษายน ๒๕๖๙\n"
            "        ๒. ให้สำนักงานพาณิชย์จังหวัดน่านจัดตลาดนัดส้ม\n"
            "จึงเรียนมาเพื่อทราบ\n")
    one, two = parse_letter_text(text).items
    assert one.text.endswith("ทั้งนี้ ให้แล้วเสร็จภายในวันที่ ๓๐ เมษายน ๒๕๖๙") and one.due == "2026-04-30"
    assert two.due is None


STACKED = LETTERS / "udon-table-one-cell-per-line.txt"


def test_a_table_pasted_from_a_pdf_viewer_one_cell_per_line() -> None:
    draft = read_letter(STACKED)
    assert (draft.directive.number, draft.directive.date) == ("อด 0017.3/ว 1209", "2026-01-09")
    assert [(i.seq, i.text, [a.name for a in i.agencies], i.due, i.recurrence) for i in draft.items] == [
        (1, "เร่งรัดการเบิกจ่ายงบประมาณรายจ่ายลงทุน", ["ส่วนราชการทุกส่วนราชการ"], "2026-03-31", None),
        (2, "เฝ้าระวังและป้องกันโรคลัมปีสกินในโคกระบือ", ["สำนักงานปศุสัตว์จังหวัดอุดรธานี"], None, "ทุกเดือน"),
        (3, "จัดกิจกรรมวันเด็กแห่งชาติ", ["สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดอุดรธานี"], "2026-01-10", None)]
    assert not draft.warnings


def test_cells_wrapped_over_lines_in_a_one_cell_per_line_table() -> None:
    text = "\n".join([
        "ที่ อด 0017.3/ว 7", "9 มกราคม 2569", "เรื่อง ข้อสั่งการ",
        "ลำดับ", "ข้อสั่งการ", "หน่วยงานรับผิดชอบ", "กำหนดเวลา", "หมายเหตุ",
        "1", "เฝ้าระวังและป้องกันโรคลัมปีสกิน", "ในโคกระบือ", "สำนักงานปศุสัตว์จังหวัดอุดรธานี", "อำเภอทุกอำเภอ", "ทุกเดือน",
        "2", "จัดกิจกรรมวันเด็กแห่งชาติ", "สนง.พมจ.อุดรธานี", "10 ม.ค. 69", "ใช้งบจังหวัด",
        "จึงเรียนมาเพื่อทราบ"])
    one, two = parse_letter_text(text).items
    assert one.text == "เฝ้าระวังและป้องกันโรคลัมปีสกินในโคกระบือ"
    assert [a.name for a in one.agencies] == ["สำนักงานปศุสัตว์จังหวัดอุดรธานี", "อำเภอทุกอำเภอ"]
    assert one.recurrence == "ทุกเดือน"
    assert (two.text, two.due) == ("จัดกิจกรรมวันเด็กแห่งชาติ", "2026-01-10")
    assert [a.name for a in two.agencies] == ["สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดอุดรธานี"]


TWO_ROW_HEADER = [["ลำดับ", "ข้อสั่งการ", "หน่วยงานรับผิดชอบ", "", "กำหนดเวลา"],
                  ["", "", "หลัก", "สนับสนุน", ""],
                  ["๑", "ป้องกันไฟป่าและหมอกควัน", "ทสจ.ขอนแก่น", "ปภ.ขอนแก่น\nอำเภอทุกอำเภอ", "ทุกสัปดาห์"],
                  ["๒", "ส่งเสริมการท่องเที่ยวเทศกาลไหม", "สนง.ท่องเที่ยวและกีฬาจังหวัดขอนแก่น", "สนง.พาณิชย์จังหวัดขอนแก่น",
                   "๓๐ ธ.ค. ๖๙"]]
KK = "จังหวัดขอนแก่น"


def _two_row_header_docx(path) -> None:
    head = ["ที่ ขก ๐๐๑๗.๒/ว ๙๙๑", "๓ กุมภาพันธ์ ๒๕๖๙", "เรื่อง ข้อสั่งการผู้ว่าราชการจังหวัดขอนแก่น"]
    document, table = word_letter(head, TWO_ROW_HEADER, "จึงเรียนมาเพื่อทราบ")
    top, under = table.rows[0].cells, table.rows[1].cells
    top[2].merge(top[3])  # หน่วยงานรับผิดชอบ over หลัก | สนับสนุน; the others merged down
    for i in (0, 1, 4):
        top[i].merge(under[i])
    document.save(path)


def _two_row_header_xlsx(path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ข้อสั่งการผู้ว่าราชการจังหวัดขอนแก่น"])
    sheet.append(["หนังสือ ที่ ขก 0017.2/ว 991 ลงวันที่ 3 กุมภาพันธ์ 2569"])
    for row in TWO_ROW_HEADER:
        sheet.append(row)
    sheet.merge_cells("C3:D3")
    book.save(path)


def _two_row_header_txt(path) -> None:
    lines = ["ที่ ขก ๐๐๑๗.๒/ว ๙๙๑", "๓ กุมภาพันธ์ ๒๕๖๙", "เรื่อง ข้อสั่งการผู้ว่าราชการจังหวัดขอนแก่น",
             *("\t".join(cell.replace("\n", ", ") for cell in row) for row in TWO_ROW_HEADER), "จึงเรียนมาเพื่อทราบ"]
    path.write_text("\n".join(lines), encoding="utf-8")


def _two_row_header_pdf(path) -> None:
    # LibreOffice's PDF of the Word letter above (tests/fixtures/README.md says how it was made)
    path.write_bytes((LETTERS.parent / "pdf" / "khonkaen-two-row-header.pdf").read_bytes())


@pytest.mark.parametrize("make, suffix", [(_two_row_header_docx, "docx"), (_two_row_header_xlsx, "xlsx"),
                                          (_two_row_header_txt, "txt"), (_two_row_header_pdf, "pdf")],
                         ids=["docx", "xlsx", "tab text", "pdf"])
def test_a_second_header_row_says_which_agencies_lead_and_which_support(tmp_path, make, suffix) -> None:
    path = tmp_path / f"letter.{suffix}"
    make(path)
    draft = read_letter(path)
    assert draft.directive.subject == f"ข้อสั่งการผู้ว่าราชการ{KK}"  # the closing line after the table is not in it
    one, two = draft.items
    # Before, the support column under the merged header was read as nothing: its agencies were lost.
    assert roles(one) == {f"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อม{KK}": "lead",
                          f"สำนักงานป้องกันและบรรเทาสาธารณภัย{KK}": "support", "อำเภอทุกอำเภอ": "support"}
    assert roles(two) == {f"สำนักงานการท่องเที่ยวและกีฬา{KK}": "lead", f"สำนักงานพาณิชย์{KK}": "support"}
    assert (one.recurrence, two.due) == ("ทุกสัปดาห์", "2026-12-30")


GROUPED = [["หน่วยงาน", "ข้อสั่งการ", "กำหนดเสร็จ"],
           ["สำนักงานสาธารณสุขจังหวัดตาก", "1. เฝ้าระวังโรคมาลาเรียในพื้นที่ชายแดน", "31 ม.ค. 70"],
           ["", "2. รณรงค์ฉีดวัคซีนไข้หวัดใหญ่", ""],
           ["ด่านตรวจคนเข้าเมืองแม่สอด", "3. คัดกรองแรงงานข้ามชาติ", "15 ธ.ค. 69"]]


def _grouped_docx(path) -> None:
    head = ["ที่ ตก ๐๐๑๗.๓/ว ๗๗", "๓ ธันวาคม ๒๕๖๙", "เรื่อง ข้อสั่งการผู้ว่าราชการจังหวัดตาก แยกตามหน่วยงาน"]
    document, table = word_letter(head, GROUPED)
    table.rows[1].cells[0].merge(table.rows[2].cells[0])  # the agency's cell over its two orders
    document.save(path)


def _grouped_txt(path) -> None:
    path.write_bytes((LETTERS / "tak-orders-grouped-by-agency.txt").read_bytes())


@pytest.mark.parametrize("make, suffix", [(_grouped_docx, "docx"), (_grouped_txt, "txt")], ids=["docx", "tab text"])
def test_orders_grouped_by_agency_numbered_in_their_text(tmp_path, make, suffix) -> None:
    path = tmp_path / f"letter.{suffix}"
    make(path)
    draft = read_letter(path)
    # The first row's agency is not the issuer: no office signs this letter.
    assert draft.directive.issuer == ""
    one, two, three = draft.items
    # The numbers are in the text cells (no number column): they are the items' numbers.
    assert [(i.seq, i.text) for i in draft.items] == [
        (1, "เฝ้าระวังโรคมาลาเรียในพื้นที่ชายแดน"), (2, "รณรงค์ฉีดวัคซีนไข้หวัดใหญ่"), (3, "คัดกรองแรงงานข้ามชาติ")]
    # The second order is under the agency above it (a blank or merged cell), said in a warning.
    assert roles(one) == roles(two) == {"สำนักงานสาธารณสุขจังหวัดตาก": "lead"}
    assert roles(three) == {"ด่านตรวจคนเข้าเมืองแม่สอด": "lead"} and three.due == "2026-12-15"
    assert [(w.code, w.seq) for w in draft.warnings if w.code == "importer.shared_cell"] == [("importer.shared_cell", 2)]


SPAN = [["ลำดับ", "ข้อสั่งการ", "หน่วยงานรับผิดชอบ", "ระยะเวลาดำเนินการ", ""],
        ["", "", "", "เริ่มต้น", "สิ้นสุด"],
        ["1", "จัดงานแข่งเรือประเพณี", "สำนักงานการท่องเที่ยวและกีฬาจังหวัดอุบลราชธานี", "1 ธ.ค. 69", "20 ธ.ค. 69"],
        ["2", "ซ่อมแซมถนนที่เสียหายจากอุทกภัย", "แขวงทางหลวงอุบลราชธานีที่ 1", "5 ธ.ค. 69", "31 ม.ค. 70"]]
SPAN_HEAD = ["ที่ อบ ๐๐๑๗.๒/ว ๑๒๓๔", "๑ ธันวาคม ๒๕๖๙", "เรื่อง ติดตามข้อสั่งการผู้ว่าราชการจังหวัดอุบลราชธานี"]


def _span_docx(path) -> None:
    document, table = word_letter(SPAN_HEAD, SPAN)
    top, under = table.rows[0].cells, table.rows[1].cells
    top[3].merge(top[4])  # ระยะเวลาดำเนินการ over เริ่มต้น | สิ้นสุด
    for i in (0, 1, 2):
        top[i].merge(under[i])
    document.save(path)


def _span_xlsx(path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for line in SPAN_HEAD:
        book.active.append([line])
    for row in SPAN:
        book.active.append(row)
    book.active.merge_cells("D4:E4")
    book.save(path)


def _span_txt(path) -> None:
    path.write_text("\n".join([*SPAN_HEAD, *("\t".join(row) for row in SPAN)]), encoding="utf-8")


@pytest.mark.parametrize("make, suffix", [(_span_docx, "docx"), (_span_xlsx, "xlsx"), (_span_txt, "txt")],
                         ids=["docx", "xlsx", "tab text"])
def test_a_period_split_into_start_and_end_takes_its_end_as_the_deadline(tmp_path, make, suffix) -> None:
    path = tmp_path / f"letter.{suffix}"
    make(path)
    one, two = read_letter(path).items
    # Before, the start date (the first column under ระยะเวลาดำเนินการ) was taken for the deadline.
    assert (one.due, two.due) == ("2026-12-20", "2027-01-31")
    assert roles(two) == {"แขวงทางหลวงอุบลราชธานีที่ 1": "lead"}


def test_a_start_date_column_is_no_deadline() -> None:
    text = "\n".join([*SPAN_HEAD, "ลำดับ\tข้อสั่งการ\tหน่วยงาน\tวันเริ่มต้น\tวันสิ้นสุด",
                      "1\tจัดงานแข่งเรือประเพณี\tอำเภอทุกอำเภอ\t1 ธ.ค. 69\t20 ธ.ค. 69"])
    (item,) = parse_letter_text(text).items
    assert item.due == "2026-12-20"
