"""``board import``: bad input fails in one line and writes nothing; dry runs write nothing;
a second import of the same letter changes nothing."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from storage.errors import ImportFailed
from storage.formats.reader import read_letter
from storage.models import Agency
from storage.sync.store import BoardStore
from tests.importing.helpers import LETTERS, ROOT, SAMPLE
from tui.cli import main


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "letter.txt")
    return folder


def _bad_files(folder: Path) -> dict[str, Path]:
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"\xef\xbb\xbf\r\n  \n")
    (folder / "no-table.txt").write_text("ที่ รย 0017/ว 1\nเรื่อง แจ้งเพื่อทราบ\nจึงเรียนมาเพื่อทราบ\n", encoding="utf-8")
    with zipfile.ZipFile(folder / "broken.docx", "w") as z:
        z.writestr("hello.txt", "not word")
    (folder / "garbage.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    (folder / "garbage.xlsx").write_bytes(b"\x00\x01 not a workbook")
    (folder / "letter.odt").write_bytes(b"whatever")
    (folder / "letter.pdf").write_bytes(b"%PDF-1.4")
    return {p.stem + p.suffix: p for p in folder.iterdir() if p.name != "letter.txt"}


def test_every_bad_input_fails_with_one_line_and_writes_nothing(work: Path, capsys) -> None:
    bad = _bad_files(work)
    board = work / "board.json"
    for name, path in sorted(bad.items()):
        before = _tree(work)
        code = main(["--board", str(board), "import", str(path)])
        out, err = capsys.readouterr()
        assert code == 1, name
        assert err.startswith("board: ") and err.count("\n") == 1 and name in err, (name, err)
        assert "Traceback" not in err and out == ""
        assert _tree(work) == before and not board.exists() and not (work / "board.d").exists()


def test_bad_input_into_an_existing_board_leaves_every_file_alone(work: Path, capsys) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 0
    store = BoardStore.open(board)
    store.add_note(sorted(store.snapshot().cards)[0], "มีบันทึกแล้ว")  # board.d/ has a replica file
    store.close()
    bad = _bad_files(work)
    before = {k: v for k, v in _tree(work).items() if k.startswith("board")}
    for name, path in sorted(bad.items()):
        assert main(["--board", str(board), "import", str(work / "letter.txt"), str(path)]) == 1, name
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and name in err, (name, err)
        assert {k: v for k, v in _tree(work).items() if k.startswith("board")} == before, name


def test_a_missing_file_and_a_good_one_fail_together(work: Path, capsys) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", str(work / "letter.txt"), str(work / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err
    assert not board.exists()


@pytest.mark.parametrize("problem", ["empty", "binary", "no table", "unknown file type"])
def test_reader_messages_say_what_is_wrong(work: Path, problem: str) -> None:
    bad = _bad_files(work)
    path = {"empty": bad["empty.txt"], "binary": bad["binary.txt"], "no table": bad["no-table.txt"],
            "unknown file type": bad["letter.odt"]}[problem]
    with pytest.raises(ImportFailed, match=problem):
        read_letter(path)


def test_dry_run_json_prints_the_draft_and_writes_nothing(work: Path, capsys) -> None:
    board = work / "board.json"
    before = _tree(work)
    assert main(["--board", str(board), "import", "--dry-run", "--json", str(work / "letter.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["directive"]["number"] == "รย 0017.2/ว 3362"
    assert [i["seq"] for i in data["items"]] == [1, 2, 3, 4, 5, 6, 7]
    assert data["items"][5]["due"] == "2022-09-30"
    assert _tree(work) == before


def test_dry_run_of_several_files_prints_a_list(work: Path, capsys) -> None:
    files = [str(work / "letter.txt"), str(LETTERS / "nan-multiline-cells.txt")]
    assert main(["--board", str(work / "board.json"), "import", "--dry-run", "--json", *files]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["directive"]["number"] for d in data] == ["รย 0017.2/ว 3362", "นน 0017.1/ว 555"]


def test_dry_run_summary_is_thai_and_writes_nothing_even_beside_a_board(work: Path, capsys) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 0
    capsys.readouterr()
    before = _tree(work)
    assert main(["--board", str(board), "import", "--dry-run", str(LETTERS / "chonburi-ascii-deadline-column.txt")]) == 0
    out = capsys.readouterr().out
    assert "ชบ 0017.3/ว 1234" in out and "หน่วยงานหลัก" in out and "ยังไม่ได้บันทึก" in out
    assert _tree(work) == before


def test_dry_run_reads_agencies_from_replica_files_and_creates_no_state(
        work: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 0
    store = BoardStore.open(board)
    office = next(a for a in store.snapshot().agencies.values() if a.short == "พช.ระยอง")
    store.add_alias(office.id, "พัฒนาการจังหวัดระยอง")  # lives only in this replica's file
    store.close()
    fresh_state = tmp_path / "another-machine"
    monkeypatch.setenv("XDG_STATE_HOME", str(fresh_state))
    letter = work / "second.txt"
    letter.write_text("ที่ รย 0017.2/ว 4100\n1 ตุลาคม 2565\nเรื่อง ติดตามงาน\nลำดับ\tประเด็น\tหน่วยงาน\n"
                      "1\tรายงานผล\tพัฒนาการจังหวัดระยอง\n", encoding="utf-8")
    before = _tree(work)
    capsys.readouterr()
    assert main(["--board", str(board), "import", "--dry-run", "--json", str(letter)]) == 0
    names = [a["name"] for a in json.loads(capsys.readouterr().out)["items"][0]["agencies"]]
    assert names == ["สำนักงานพัฒนาชุมชนจังหวัดระยอง"]
    assert _tree(work) == before and not fresh_state.exists()


def test_import_creates_the_board_and_a_second_import_changes_nothing(work: Path, capsys) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 0
    capsys.readouterr()
    store = BoardStore.open(board)
    first = store.snapshot()
    store.close()
    assert len(first.items) == 7 and len(first.cards) == 27 and len(first.agencies) == 10
    lead_of_6 = {first.agencies[c.agency_id].name for c in first.cards.values()
                 if c.role == "lead" and first.items[c.item_id].seq == 6}
    assert lead_of_6 == {"สำนักงานพัฒนาชุมชนจังหวัดระยอง", "อำเภอทุกอำเภอ"}
    files = _tree(work)
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 0
    assert "ไม่มีอะไรใหม่" in capsys.readouterr().out
    assert _tree(work) == files
    store = BoardStore.open(board)
    again = store.snapshot()
    store.close()
    assert (again.cards, again.items, again.agencies, again.directives) == (
        first.cards, first.items, first.agencies, first.directives)


def test_minutes_without_a_number_say_so_in_the_summary_line(work: Path, capsys) -> None:
    minutes = work / "minutes.txt"
    shutil.copy(LETTERS / "chanthaburi-agenda-minutes-2569.txt", minutes)
    assert main(["--board", str(work / "board.json"), "import", str(minutes)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "minutes.txt: (ไม่มีเลขที่) 5 ข้อ"


def test_known_agencies_and_aliases_are_reused(work: Path, capsys) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 0
    store = BoardStore.open(board)
    office = next(a for a in store.snapshot().agencies.values() if a.name == "สำนักงานพัฒนาชุมชนจังหวัดระยอง")
    store.add_alias(office.id, "พัฒนาการจังหวัดระยอง")
    store.close()
    letter = work / "second.txt"
    letter.write_text("ที่ รย 0017.2/ว 4000\n1 ตุลาคม 2565\nเรื่อง ติดตามงาน\nลำดับ\tประเด็น\tหน่วยงาน\n"
                      "1\tรายงานความก้าวหน้า\tพัฒนาการจังหวัดระยอง (หน่วยงานหลัก), สนจ.ระยอง\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--board", str(board), "import", "--dry-run", "--json", str(letter)]) == 0
    names = [a["name"] for a in json.loads(capsys.readouterr().out)["items"][0]["agencies"]]
    assert names == ["สำนักงานพัฒนาชุมชนจังหวัดระยอง", "สำนักงานจังหวัดระยอง"]
    assert main(["--board", str(board), "import", str(letter)]) == 0
    store = BoardStore.open(board)
    snap = store.snapshot()
    store.close()
    assert len(snap.agencies) == 10  # no new agency for either spelling
    assert isinstance(next(iter(snap.agencies.values())), Agency)


def test_importing_into_a_damaged_board_fails_and_leaves_it_alone(work: Path, capsys) -> None:
    board = work / "board.json"
    board.write_bytes(b'{"board": {"1": {"board_id": ')
    before = _tree(work)
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("board: ") and err.count("\n") == 1 and "board.json" in err
    assert _tree(work) == before


def test_json_without_dry_run_saves_and_prints_the_draft(work: Path, capsys) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", "--json", str(work / "letter.txt")]) == 0
    assert json.loads(capsys.readouterr().out)["directive"]["number"] == "รย 0017.2/ว 3362"
    store = BoardStore.open(board)
    assert len(store.snapshot().cards) == 27
    store.close()


def test_alias_option_teaches_the_board_a_spelling(work: Path, capsys) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 0
    letter = work / "second.txt"
    letter.write_text("ที่ รย 0017.2/ว 4001\n2 ตุลาคม 2565\nเรื่อง ติดตามงาน\nลำดับ\tประเด็น\tหน่วยงาน\n"
                      "1\tรายงานผล\tพัฒนาการจังหวัดระยอง\n", encoding="utf-8")
    assert main(["--board", str(board), "import", str(letter), "--alias", "พัฒนาการจังหวัดระยอง=nobody"]) == 1
    assert "nobody" in capsys.readouterr().err
    assert main(["--board", str(board), "import", str(letter), "--alias", "พัฒนาการจังหวัดระยอง=พช.ระยอง"]) == 0
    store = BoardStore.open(board)
    snap = store.snapshot()
    store.close()
    pch = next(a for a in snap.agencies.values() if a.name == "สำนักงานพัฒนาชุมชนจังหวัดระยอง")
    assert "พัฒนาการจังหวัดระยอง" in pch.aliases and len(snap.agencies) == 10
    new_item = next(i for i in snap.items.values() if i.text == "รายงานผล")
    assert [c.agency_id for c in snap.cards.values() if c.item_id == new_item.id] == [pch.id]


def test_a_first_import_reports_what_was_added_not_nothing_new(work: Path, capsys) -> None:
    board = work / "board.json"
    assert main(["--board", str(board), "import", str(work / "letter.txt")]) == 0
    out = capsys.readouterr().out
    assert "ใหม่ 45 รายการ (27 การ์ด)" in out and "ไม่มีอะไรใหม่" not in out
    letter = work / "third.txt"
    letter.write_text("ที่ รย 0017.2/ว 4002\n3 ตุลาคม 2565\nเรื่อง ทดสอบ\nลำดับ\tประเด็น\tหน่วยงาน\n"
                      "1\tรายงาน\tพช.ระยอง\n", encoding="utf-8")
    assert main(["--board", str(board), "import", str(letter), "--alias", "พช.ระยอง=พช.ระยอง"]) == 0
    out = capsys.readouterr().out
    assert "ใหม่" in out and "ไม่มีอะไรใหม่" not in out


def test_the_bundled_board_is_the_importers_reading_of_the_sample(tmp_path: Path, capsys) -> None:
    bundled = Path(__file__).resolve().parents[2] / "board.json"
    copy = tmp_path / "bundled" / "board.json"
    copy.parent.mkdir()
    shutil.copy(bundled, copy)
    fresh = tmp_path / "fresh" / "board.json"
    fresh.parent.mkdir()
    assert main(["--board", str(fresh), "import", str(SAMPLE)]) == 0
    snaps = []
    for path in (copy, fresh):
        store = BoardStore.open(path)
        snaps.append(store.snapshot())
        store.close()
    a, b = snaps
    assert (a.directives, a.items, a.agencies) == (b.directives, b.items, b.agencies)
    assert {k: (c.role, c.agency_id, c.item_id) for k, c in a.cards.items()} == {
        k: (c.role, c.agency_id, c.item_id) for k, c in b.cards.items()}


def test_thirty_five_letters_at_once_into_a_board_without_its_folder(tmp_path: Path, capsys) -> None:
    """The issue's reproduction: the bundled board.json copied on its own (no board.d/ yet)
    and 35 letters in one `board import` — more entries than the compaction threshold, so the
    write compacts on the way. Everything is saved, and the board reopens with every card."""
    board = tmp_path / "board.json"
    shutil.copy(ROOT / "board.json", board)
    number, text = "๓๓๖๒", SAMPLE.read_text(encoding="utf-8")
    paths = []
    for n in range(35):
        paths.append(tmp_path / f"letter-{n:02d}.txt")
        paths[-1].write_text(text.replace(number, f"{9000 + n}", 1), encoding="utf-8")
    assert not (tmp_path / "board.d").exists()
    assert main(["--board", str(board), "import", *map(str, paths)]) == 0, capsys.readouterr().err
    assert list((tmp_path / "board.d").glob("base-*.json")), "no compaction: the test proves little"
    snap = BoardStore.open(board, read_only=True).snapshot()
    assert len(snap.directives) == 36 and len(snap.cards) == 36 * 27
