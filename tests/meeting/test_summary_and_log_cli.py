"""``board summary`` and ``board log`` as the chair and the secretary run them."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from storage.sync.store import BoardStore
from rich.cells import cell_len as cell_width  # what the terminal draws
from tests.meeting.conftest import LONG_NAME, SECOND
from tui.cli import board_commands, main


def run(capsys, board: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--board", str(board), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def cards_by(store: BoardStore) -> dict[tuple[str, int, str], str]:
    snap = store.snapshot()
    out = {}
    for card in snap.cards.values():
        item = snap.items[card.item_id]
        agency = snap.agencies[card.agency_id]
        out[(snap.directives[item.directive_id].number, item.seq, agency.short or agency.name)] = card.id
    return out


@pytest.mark.parametrize("argv", [("summary",), ("summary", "--lang", "en"), ("list",), ("list", "--lang", "en"),
                                  ("list", "--letter", "1234"), ("log",)])
def test_summary_list_and_log_never_pass_80_columns(two_letters: Path, capsys, monkeypatch, argv) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    store = BoardStore.open(two_letters)
    ids = cards_by(store)
    store.move(ids[(SECOND, 2, LONG_NAME)], "blocked", note="ยังไม่ได้รับงบประมาณ " * 8)
    store.close()
    code, out, _ = run(capsys, two_letters, *argv)
    lines = out.splitlines()
    assert code == 0 and lines
    assert max(cell_width(line) for line in lines) <= 80, "\n".join(lines)


def test_summary_counts_right_aligned_with_a_total_and_short_names(two_letters: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(board_commands, "today", lambda: date(2022, 10, 1))
    store = BoardStore.open(two_letters)
    ids = cards_by(store)
    store.move(ids[("รย 0017.2/ว 3362", 1, "พช.ระยอง")], "done")
    store.move(ids[(SECOND, 1, "พช.ระยอง")], "doing")
    store.close()
    code, out, _ = run(capsys, two_letters, "summary")
    lines = out.splitlines()
    header, *rows, total = lines
    assert header.split()[:5] == ["หน่วยงาน", "ยังไม่ทำ", "กำลังทำ", "ติดปัญหา", "เสร็จแล้ว"]
    pc = next(r for r in rows if r.startswith("พช.ระยอง"))
    assert pc.split()[1:] == ["2", "1", "0", "1", "4", "25%", "0"]  # 3 + 1 of the second letter
    assert len({cell_width(line) for line in lines[1:]}) == 1, "numbers not right-aligned"
    assert total.startswith("ทุกหน่วยงาน") and total.split()[-4:] == ["1", "11", "9%", "2"]
    longest = next(r for r in rows if r.startswith("สำนักงานปกครอง"))
    assert "…" in longest and LONG_NAME not in longest  # cut to fit, never wrapped


def test_summary_json_and_scopes(two_letters: Path, capsys) -> None:
    code, out, _ = run(capsys, two_letters, "summary", "--json", "--letter", "1234")
    rows = json.loads(out)
    assert code == 0 and {r["agency"]["short"] for r in rows} == {"พช.ระยอง", ""}
    assert all(r["total"] == 1 and r["todo"] == 1 and r["done_percent"] == 0 for r in rows)
    code, out, _ = run(capsys, two_letters, "summary", "--json", "--agency", "พช.ระยอง")
    (row,) = json.loads(out)
    assert (row["agency"]["name"], row["total"]) == ("สำนักงานพัฒนาชุมชนจังหวัดระยอง", 4)
    code, _, err = run(capsys, two_letters, "summary", "--letter", "9999", "--lang", "en")
    assert code == 1 and err.startswith("board: no letter matches '9999'") and err.count("\n") == 1
    code, _, err = run(capsys, two_letters, "summary", "--letter", "9999")
    assert code == 1 and err.startswith("board: ไม่มีหนังสือที่ตรงกับ '9999'") and err.count("\n") == 1


@pytest.mark.parametrize("typed, status", [("ยังไม่ทำ", "todo"), ("กำลังทำ", "doing"), ("เสร็จ", "done"),
                                           ("เสร็จแล้ว", "done"), ("ติดปัญหา", "blocked"), ("Doing", "doing"),
                                           ("กำลังดำเนินการ", "doing"), ("In progress", "doing")])
def test_every_column_title_the_board_shows_is_a_status(board: Path, capsys, typed: str, status: str) -> None:
    from storage.i18n import say
    from storage.models import STATUSES
    from storage.select import parse_status

    shown = [(say(lang, f"{kind}.{code}"), code) for kind in ("status", "status_short")
             for code in STATUSES for lang in ("th", "en")]
    assert all(parse_status(label) == code for label, code in shown)
    code, out, _ = run(capsys, board, "list", "--json")
    card = json.loads(out)[3]["id"]
    assert run(capsys, board, "move", card[:6], typed)[0] == 0
    code, out, _ = run(capsys, board, "list", "--json", "--status", typed)
    assert card in [c["id"] for c in json.loads(out)] and all(c["status"] == status for c in json.loads(out))


def test_log_says_who_moved_what_in_time_order_in_local_time(two_letters: Path, capsys, monkeypatch,
                                                             bangkok) -> None:
    store = BoardStore.open(two_letters)
    ids = cards_by(store)
    pc = ids[("รย 0017.2/ว 3362", 1, "พช.ระยอง")]
    store.move(pc, "doing", note="เริ่มประชุมคณะทำงาน")
    store.close()
    monkeypatch.setenv("BOARD_USER", "malee")
    store = BoardStore.open(two_letters)
    store.move(pc, "blocked")
    store.add_note(ids[(SECOND, 1, "พช.ระยอง")], "=1+1 ยังไม่ได้รับงบ")
    store.close()
    code, out, _ = run(capsys, two_letters, "log", "--json")
    entries = json.loads(out)
    kinds = [(e["user"], e["kind"]) for e in entries]
    assert kinds == [("somchai", "import"), ("somchai", "status"), ("somchai", "note"), ("malee", "status"),
                     ("malee", "note")]
    assert entries[0]["letter"] == SECOND and entries[0]["to"] == "second.txt"
    assert (entries[3]["from"], entries[3]["to"], entries[3]["agency"]["short"]) == ("doing", "blocked", "พช.ระยอง")
    at = datetime.fromisoformat(entries[3]["at"].replace("Z", "+00:00"))
    assert entries[3]["local"] == at.astimezone().isoformat(timespec="seconds")
    assert entries[3]["local"].endswith("+07:00")
    code, out, _ = run(capsys, two_letters, "log")
    lines = out.splitlines()
    assert all(cell_width(line) <= 80 for line in lines)
    # The import's words go on under their own column rather than being cut.
    whole = f"{lines[0].split('  ')[-1]} {lines[1].strip()}"
    assert whole == "นำเข้าหนังสือ รย 0023.4/ว 1234 (second.txt)" and lines[1].startswith(" " * 40)
    # Which letter's item 1 (the board has two); at 80 columns the board's short status titles.
    moved = next(line for line in lines if "malee" in line)
    assert "ข้อ 1 (3362) · พช.ระยอง" in moved and moved.endswith("ย้าย กำลังทำ → ติดปัญหา")
    assert f"{at.astimezone():%H:%M}" in moved  # local time, not UTC (Bangkok is +7)
    assert lines[lines.index(moved) - 1].endswith("บันทึก: เริ่มประชุมคณะทำงาน")
    code, out, _ = run(capsys, two_letters, "log", "--lang", "en", "--user", "MALEE", "--letter", "1234")
    (line,) = out.splitlines()
    assert "note: =1+1" in line and "Item 1 (1234) · พช.ระยอง" in line
    monkeypatch.setenv("COLUMNS", "120")  # wide enough: the whole status words
    assert run(capsys, two_letters, "log", "--user", "malee")[1].splitlines()[0].endswith(
        "ย้าย กำลังดำเนินการ → ติดปัญหา")


def test_log_since_and_agency_filters(two_letters: Path, capsys, monkeypatch) -> None:
    store = BoardStore.open(two_letters)
    ids = cards_by(store)
    store.move(ids[("รย 0017.2/ว 3362", 2, "สนจ.ระยอง")], "done")
    store.close()
    code, out, _ = run(capsys, two_letters, "log", "--json", "--agency", "สนจ.ระยอง")
    assert [e["kind"] for e in json.loads(out)] == ["status"]
    monkeypatch.setattr(board_commands, "today", lambda: date.today())
    tomorrow = date.fromordinal(date.today().toordinal() + 1).isoformat()
    assert json.loads(run(capsys, two_letters, "log", "--json", "--since", tomorrow)[1]) == []
    assert len(json.loads(run(capsys, two_letters, "log", "--json", "--since", "0d")[1])) == 2
    code, _, err = run(capsys, two_letters, "log", "--since", "เมื่อวาน", "--lang", "en")
    assert code == 1 and err.startswith("board: cannot read the date") and err.count("\n") == 1
    code, _, err = run(capsys, two_letters, "log", "--since", "เมื่อวาน")
    assert code == 1 and err.startswith("board: อ่านวันที่ 'เมื่อวาน' ไม่ได้") and err.count("\n") == 1


def test_the_log_words_events_of_any_owner_and_field() -> None:
    """Edits by hand (issue 7) and events owned by an item, a letter or an agency: the log
    resolves what they belong to and words any field, known or not."""
    from storage.activity import activities
    from storage.activity_words import action, subject
    from storage.models import Agency, BoardSnapshot, Card, Directive, HistoryEvent, Item

    letter = Directive("d1", "รย 1/ว 2", "2022-07-17", "เรื่อง")
    item = Item("i1", "d1", 3, "ข้อความ", due="2022-09-30")
    agency = Agency("a1", "สำนักงานพัฒนาชุมชนจังหวัดระยอง", "พช.ระยอง")
    card = Card("c1", "i1", "a1", "lead")
    history = {
        "i1": (HistoryEvent("e1", "i1", "due", "2022-09-30", "2022-10-31", "malee", "2022-09-01T03:00:00.000Z"),),
        "a1": (HistoryEvent("e2", "a1", "short", "พช.", "พช.ระยอง", "somchai", "2022-09-02T03:00:00.000Z"),),
        "c1": (HistoryEvent("e3", "c1", "role", "support", "lead", "malee", "2022-09-03T03:00:00.000Z"),
               HistoryEvent("e4", "c1", "colour", None, "a2", "malee", "2022-09-04T03:00:00.000Z")),
        "gone": (HistoryEvent("e5", "gone", "deleted", False, True, "malee", "2022-09-05T03:00:00.000Z"),),
    }
    snap = BoardSnapshot({"d1": letter}, {"i1": item}, {"a1": agency}, {"c1": card}, {}, history)
    entries = activities(snap)
    assert [(a.subject, a.kind) for a in entries] == [("item", "edit"), ("agency", "edit"), ("card", "edit"),
                                                      ("card", "edit"), ("", "deleted")]
    said = [(subject(snap, a, "th-ascii"), action(snap, a, "th-ascii")) for a in entries]
    assert said[0] == ("ข้อ 3", "แก้ กำหนดเสร็จ: 30 ก.ย. 65 → 31 ต.ค. 65")
    assert said[1] == ("พช.ระยอง", "แก้ ชื่อย่อ: พช. → พช.ระยอง")
    assert said[2] == ("ข้อ 3 · พช.ระยอง", "แก้ บทบาท: หน่วยงานสนับสนุน → หน่วยงานหลัก")
    assert said[3][1] == "แก้ colour: — → a2"  # a field the log does not know yet, as stored
    assert said[4][0].startswith("gone") and "ไม่อยู่บนกระดานแล้ว" in said[4][0]


def test_the_log_words_the_edits_by_hand_that_are_more_than_a_new_value() -> None:
    """Assigning, adding, retracting, merging and undoing a delete read as what the officer did
    (they showed as "assigned: None → lead"), in the log and, through it, the card detail."""
    from storage.activity import activities
    from storage.activity_words import action
    from storage.models import Agency, BoardSnapshot, Card, Directive, HistoryEvent, Item

    letter = Directive("d1", "", "2024-08-28", "ประชุมหัวหน้าส่วนราชการ")
    item = Item("i1", "d1", 1, "ข้อความ")
    agencies = {"a1": Agency("a1", "อำเภอทุกอำเภอ", "ทุกอำเภอ"), "a2": Agency("a2", "สำนักงานจังหวัดระยอง", "สนจ.ระยอง")}
    card = Card("c1", "i1", "a1", "lead")

    def event(n: int, owner: str, field: str, old, new) -> HistoryEvent:
        return HistoryEvent(f"e{n}", owner, field, old, new, "malee", f"2024-09-0{n}T03:00:00.000Z")

    history = {"d1": (event(1, "d1", "created", None, "ประชุมหัวหน้าส่วนราชการ"),),
               "i1": (event(2, "i1", "created", None, 1),),
               "c1": (event(3, "c1", "assigned", None, "lead"), event(4, "c1", "retracted", None, "n1"),
                      event(5, "c1", "deleted", False, True), event(6, "c1", "deleted", True, False)),
               "a1": (event(7, "a1", "alias", None, "อำเภอทุกแห่ง"), event(8, "a1", "merged", None, "a2"))}
    snap = BoardSnapshot({"d1": letter}, {"i1": item}, agencies, {"c1": card}, {}, history)
    said = {lang: [action(snap, a, lang) for a in activities(snap)] for lang in ("th", "en")}
    assert said["th"] == ["เพิ่มหนังสือ ประชุมหัวหน้าส่วนราชการ", "เพิ่มข้อ ๑", "มอบหมายเป็นหน่วยงานหลัก",
                          "ถอนบันทึกของตัวเอง (ยังอยู่ในประวัติ)", "ลบ การ์ด", "นำการ์ดกลับมา",
                          "เพิ่มชื่อเรียกอื่น: อำเภอทุกแห่ง", "รวม สนจ.ระยอง เข้ามา"]
    assert said["en"][1:4] == ["added item 1", "assigned as Lead", "retracted a note of theirs (kept in the history)"]
    assert not any("None" in line or "assigned:" in line for line in said["th"] + said["en"])


def test_board_review_opens_read_only_on_the_review(board: Path, monkeypatch) -> None:
    import tui.factory

    calls = []
    monkeypatch.setattr(tui.factory, "run_app", lambda args, **kw: calls.append((args, kw)) or 0)
    assert main(["--board", str(board), "review", "--agency", "พช.ระยอง", "--since", "2022-09-01"]) == 0
    (args, options), = calls
    assert options == {"read_only": True, "start": "review", "start_agency": "พช.ระยอง", "since": date(2022, 9, 1)}
    assert args.board_path == board


@pytest.mark.parametrize("typed, said", [
    ("ไม่มีหน่วยนี้", "board: no agency matches 'ไม่มีหน่วยนี้'; see `board summary` for the names\n"),
    ("ระยอง", "board: 'ระยอง' matches 2 agencies (พช.ระยอง, สนจ.ระยอง); name one\n"),
])
def test_board_review_with_an_agency_it_cannot_name_is_one_line_and_exit_1(board: Path, capsys, typed, said) -> None:
    # Refused before the screen opens (no Textual app runs here: it would take the terminal).
    assert main(["--board", str(board), "--lang", "en", "review", "--agency", typed]) == 1
    out, err = capsys.readouterr()
    assert err == said and out == ""
