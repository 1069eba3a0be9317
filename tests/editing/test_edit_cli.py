"""``board add-letter|add-item|edit|assign|unassign|delete|agency|note --retract`` as an
officer (or a script) runs them; bad input is one line, exit 1, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import LETTER, card_of
from tui.cli import main


def run(capsys, board: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--board", str(board), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def as_json(capsys, board: Path, *argv: str):
    code, out, err = run(capsys, board, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def files(board: Path) -> dict[str, bytes]:
    """Every file of the board (the replica folder too), to prove nothing was written."""
    return {str(p): p.read_bytes() for p in board.parent.rglob("*") if p.is_file()}


def test_a_governors_verbal_order_from_a_meeting(board, capsys, saved) -> None:
    code, out, _ = run(capsys, board, "add-letter", "--date", "28 ส.ค. 67", "--subject", "ประชุมหัวหน้าส่วนราชการ",
                       "--issuer", "ผู้ว่าราชการจังหวัด")
    letter = out.split()[0]
    assert code == 0 and "เพิ่ม ประชุมหัวหน้าส่วนราชการ 28 ส.ค. 67 (ไม่มีเลขที่หนังสือ)" in out
    made = as_json(capsys, board, "add-item", letter[:8], "ให้ทุกอำเภอสำรวจพื้นที่เสี่ยงน้ำท่วม\nรายงานภายใน 7 วัน",
                   "--due", "๓๐ กันยายน ๒๕๖๗", "--recurrence", "ทุกสัปดาห์",
                   "--agency", "อำเภอทุกอำเภอ:lead", "--agency", "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดระยอง")
    assert (made["seq"], made["due"], made["recurrence"]) == (1, "2024-09-30", "ทุกสัปดาห์")
    assert [(c["agency"]["name"], c["role"]) for c in made["cards"]] == [
        ("อำเภอทุกอำเภอ", "lead"), ("สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดระยอง", "support")]
    listed = [c for c in as_json(capsys, board, "list") if c["item"]["id"] == made["id"]]
    assert {c["origin"] for c in listed} == {"ประชุมหัวหน้าส่วนราชการ 28 ส.ค. 67"}
    assert {(c["item"]["due"], c["item"]["recurrence"]) for c in listed} == {("2024-09-30", "ทุกสัปดาห์")}
    # The second item of the same meeting, named by the meeting's subject and its number.
    code, out, _ = run(capsys, board, "add-item", "ประชุมหัวหน้าส่วนราชการ", "ข้อสอง", "--agency", "พช.ระยอง")
    assert code == 0 and " ข้อ 2 · ประชุมหัวหน้าส่วนราชการ" in out and "★ หน่วยงานหลัก: สำนักงานพัฒนาชุมชน" in out
    assert run(capsys, board, "edit", "ประชุมหัวหน้าส่วนราชการ:2", "--text", "ข้อสอง (แก้)")[0] == 0
    assert {i.text for i in saved().items.values() if i.directive_id.startswith(letter)} == {
        "ให้ทุกอำเภอสำรวจพื้นที่เสี่ยงน้ำท่วม\nรายงานภายใน 7 วัน", "ข้อสอง (แก้)"}


def test_edit_fields_and_none_clears(board, capsys, saved) -> None:
    code, out, _ = run(capsys, board, "edit", f"{LETTER}:6", "--due", "31/10/2565", "--recurrence", "ทุกเดือน")
    assert code == 0 and "กำหนดเสร็จ: 31 ส.ค. 65 → 31 ต.ค. 65" in out and "ความถี่: ไม่มี → ทุกเดือน" in out
    six = next(i for i in saved().items.values() if i.seq == 6)
    assert (six.due, six.recurrence) == ("2022-10-31", "ทุกเดือน")
    changed = as_json(capsys, board, "edit", six.id[:8], "--due", "none", "--recurrence", "none")
    assert changed["changed"] == {"due": {"old": "2022-10-31", "new": None},
                                  "recurrence": {"old": "ทุกเดือน", "new": None}}
    code, out, _ = run(capsys, board, "edit", six.id[:8], "--due", "none", "--lang", "en")
    assert code == 0 and "unchanged" in out


def test_assign_role_unassign_and_delete(board, capsys, saved) -> None:
    card = as_json(capsys, board, "assign", f"{LETTER}:1", "สำนักงานเกษตรจังหวัดระยอง")
    assert card["role"] == "support" and card["agency"]["name"] == "สำนักงานเกษตรจังหวัดระยอง"
    code, out, _ = run(capsys, board, "assign", f"{LETTER}:1", "สำนักงานเกษตรจังหวัดระยอง", "--lead")
    assert code == 0 and "หน่วยงานสนับสนุน → หน่วยงานหลัก" in out
    code, out, _ = run(capsys, board, "unassign", card["id"][:8])
    assert code == 0 and "เอา สำนักงานเกษตรจังหวัดระยอง ออกจากข้อ 1" in out
    assert card["id"] not in saved().cards
    code, out, _ = run(capsys, board, "delete", f"{LETTER}:6", "--yes")
    assert code == 0 and out.startswith("ลบข้อ 6 · รย 0017.2/ว 3362 · 17 ก.ค. 65: 3 การ์ด 0 บันทึก")
    gone = as_json(capsys, board, "delete", LETTER, "--yes")
    assert (gone["deleted"], len(gone["items"]), len(gone["cards"])) == ("letter", 6, 11)
    assert not saved().cards


def test_delete_without_yes_says_what_it_would_do_and_does_nothing(board, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    before = files(board)
    code, out, err = run(capsys, board, "delete", f"{LETTER}:2")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "ยังไม่ได้ลบข้อ 2" in err and "--yes" in err
    code, out, err = run(capsys, board, "--lang", "en", "delete", f"{LETTER}:2")
    assert code == 1 and err.startswith("board: nothing deleted yet: item 2 ·") and "deleted item" not in err
    assert files(board) == before


def test_agency_rename_short_alias_merge(board, capsys, saved) -> None:
    code, out, _ = run(capsys, board, "agency", "rename", "วธ.ระยอง", "สำนักงานวัฒนธรรมจังหวัดระยอง (วธ.)")
    assert code == 0 and "→ สำนักงานวัฒนธรรมจังหวัดระยอง (วธ.)" in out
    assert run(capsys, board, "agency", "short", "วธ.ระยอง", "วธจ.ระยอง")[0] == 0
    assert run(capsys, board, "agency", "alias", "วธจ.ระยอง", "วัฒนธรรมจังหวัด")[0] == 0
    culture = next(a for a in saved().agencies.values() if a.short == "วธจ.ระยอง")
    assert culture.aliases == ("วัฒนธรรมจังหวัด",)
    merged = as_json(capsys, board, "agency", "merge", "พศจ.ระยอง", "วัฒนธรรมจังหวัด")
    assert merged["into"] == culture.id and merged["joined"] == [{"card": card_of(5, 3), "into": card_of(5, 4)}]
    assert len(saved().agencies) == 4


def test_retract_only_ones_own_note(board, capsys, saved, monkeypatch) -> None:
    assert run(capsys, board, "note", card_of(1)[:8], "ส่งแล้ว")[0] == 0
    (note,) = saved().notes_of(card_of(1))
    monkeypatch.setenv("BOARD_USER", "มาลี")
    code, out, err = run(capsys, board, "note", card_of(1)[:8], "--retract", note.id[:6])
    assert code == 1 and "สมหญิง" in err
    monkeypatch.setenv("BOARD_USER", "สมหญิง")
    code, out, _ = run(capsys, board, "note", card_of(1)[:8], "--retract", note.id[:6])
    assert code == 0 and "ถอนบันทึกในข้อ 1" in out
    assert saved().notes_of(card_of(1))[0].retracted_by == "สมหญิง"


@pytest.mark.parametrize("argv, words", [
    (["add-letter", "--date", "31 ก.พ. 68", "--subject", "x"], "ไม่มีวันที่ 31 ในเดือนกุมภาพันธ์ 2568"),
    (["add-letter", "--date", "1/1/2568", "--subject", "  "], "ต้องมีเรื่อง"),
    (["add-letter", "--number", LETTER, "--date", "1/1/2568", "--subject", "x"], "มีหนังสือเลขที่"),
    (["add-item", "ศธ 9999", "ข้อ"], "ไม่พบหนังสือ"),
    (["add-item", LETTER, "ข้อ", "--due", "พรุ่งนี้"], "อ่านวันที่ไม่ออก"),
    (["add-item", LETTER, "   "], "ต้องมีข้อความ"),
    (["edit", f"{LETTER}:9", "--text", "x"], "ไม่พบข้อ"),
    (["edit", f"{LETTER}:1"], "ไม่ได้บอกว่าจะแก้อะไร"),
    (["edit", f"{LETTER}:1", "--due", "32/1/2568"], "ไม่มีวันที่ 32"),
    (["assign", f"{LETTER}:1", "  "], "ต้องมีชื่อ"),
    (["unassign", "ffffffff"], "ไม่พบการ์ด"),
    (["delete", "ศธ 1:1", "--yes"], "ไม่พบข้อหรือหนังสือ"),
    (["agency", "rename", "ไม่มีหน่วยงานนี้", "x"], "ไม่พบหน่วยงาน"),
    (["agency", "rename", "พช.ระยอง", "สนจ.ระยอง"], "เป็นชื่อของ"),
    (["agency", "merge", "พช.ระยอง", "พช.ระยอง"], "รวม"),
    (["note", card_of(1)[:8], "--retract", "abcd1234"], "ไม่พบบันทึก"),
    (["--read-only", "add-letter", "--date", "1/1/2568", "--subject", "x"], "อ่านอย่างเดียว"),
])
def test_bad_input_is_one_line_and_nothing_is_written(board, capsys, argv, words) -> None:
    before = files(board)
    code, out, err = run(capsys, board, *argv)
    assert code == 1 and out == "" and err.count("\n") == 1 and words in err, err
    assert "Traceback" not in err
    assert files(board) == before


def test_english_messages(board, capsys) -> None:
    code, _, err = run(capsys, board, "add-letter", "--date", "31 ก.พ. 68", "--subject", "x", "--lang", "en")
    assert code == 1 and err == "board: there is no day 31 in February 2025: that month has 28 days\n"


def test_a_long_text_corrected_shows_what_changed_within_80_columns(board, capsys, saved) -> None:
    from storage.thai.width import cell_width

    long = "ให้ทุกอำเภอจัดตั้งศูนย์ปฏิบัติการช่วยเหลือผู้ประสบภัยและรายงานผลการดำเนินงานให้จังหวัดทราบทุกสัปดาห์"
    assert run(capsys, board, "edit", f"{LETTER}:3", "--text", long)[0] == 0
    for lang, old, new in (("th", "ทุกสัปดาห์", "ทุกเดือน"), ("en", "ทุกเดือน", "ทุกสัปดาห์")):
        code, out, _ = run(capsys, board, "--lang", lang, "edit", f"{LETTER}:3", "--text",
                           long.replace("ทุกสัปดาห์", new))
        assert code == 0 and max(cell_width(line) for line in out.splitlines()) <= 80, out
        assert f"{old} → …" in out and out.rstrip().endswith(new), out  # what changed, not the two beginnings


def test_long_agency_names_fit_80_columns(board, capsys, saved) -> None:
    from storage.thai.width import cell_width

    long = "องค์การบริหารส่วนจังหวัดระยอง สำนักงานป้องกันและบรรเทาสาธารณภัยและความปลอดภัยทางถนน"
    other = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดระยอง กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น"
    for lang in ("th", "en"):
        outs = [run(capsys, board, "--lang", lang, *argv) for argv in (
            ["assign", f"{LETTER}:1", long + lang, "--lead"], ["assign", f"{LETTER}:1", other + lang],
            ["agency", "alias", long + lang, "อบจ.ระยอง ฝ่ายป้องกันและบรรเทาสาธารณภัยและความปลอดภัยทางถนนจังหวัด" + lang],
            ["agency", "rename", long + lang, long + " ใหม่" + lang],
            ["agency", "merge", long + " ใหม่" + lang, other + lang])]
        for code, out, err in outs:
            assert code == 0, err
            assert max(map(cell_width, out.splitlines())) <= 80, out
        assert "…" in outs[-1][1] and outs[-1][1].split()[0] in ("รวม", "merged"), outs[-1][1]
    assert any(a.name == other + "en" for a in saved().agencies.values())  # names are saved whole
