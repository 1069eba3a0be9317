"""`board list|move|note|summary|sync|export` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from storage.sync.store import BoardStore
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], board: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--board", str(board), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def listed(capsys: pytest.CaptureFixture[str], board: Path, *argv: str) -> list[dict]:
    code, out, _ = run(capsys, board, "list", "--json", *argv)
    assert code == 0
    return json.loads(out)


def test_list_json_has_the_documented_fields(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cards = listed(capsys, board)
    assert len(cards) == 9
    first = cards[0]
    assert set(first) >= {"id", "item", "letter", "agency", "role", "status", "due", "updated_at",
                          "updated_by", "notes"}
    assert (first["item"]["seq"], first["letter"], first["agency"]["short"], first["role"]) == (
        1, "รย 0017.2/ว 3362", "สนจ.ระยอง", "lead")


def test_move_and_note_by_prefix_show_up_in_list(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = listed(capsys, board)[0]["id"]
    code, out, _ = run(capsys, board, "move", card[:6], "doing", "--note", "เริ่มแล้ว")
    assert code == 0 and "กำลังดำเนินการ" in out
    assert run(capsys, board, "note", card[:6], "ประชุมแล้ว")[0] == 0
    (row,) = listed(capsys, board, "--status", "doing")
    assert (row["id"], row["notes"], row["updated_by"]) == (card, 2, "somchai")
    assert row["updated_at"].startswith("20")


def test_list_filters_by_agency_short_name_and_overdue(
    board: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import board_commands

    rows = listed(capsys, board, "--agency", "พช.ระยอง")
    assert {r["agency"]["short"] for r in rows} == {"พช.ระยอง"} and len(rows) == 3
    # A fixed today, not the machine's clock: item 1 is due 30 Sep 2022.
    monkeypatch.setattr(board_commands, "today", lambda: date(2022, 9, 30))
    assert listed(capsys, board, "--overdue") == []  # on the due day it is not yet overdue
    monkeypatch.setattr(board_commands, "today", lambda: date(2022, 10, 1))
    overdue = listed(capsys, board, "--overdue")
    assert {r["item"]["seq"] for r in overdue} == {1} and len(overdue) == 3


def test_plain_list_and_summary_are_aligned_thai(board: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.cells import cell_len as cell_width  # what the terminal draws

    monkeypatch.setenv("COLUMNS", "120")  # wide: whole column titles (at 80: the short ones)

    code, out, _ = run(capsys, board, "list")
    assert code == 0 and "ยังไม่ดำเนินการ" in out and "30 ก.ย. 65" in out
    code, out, _ = run(capsys, board, "summary")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("หน่วยงาน") and len(lines) == 5  # 3 agencies and the total
    assert lines[-1].startswith("ทุกหน่วยงาน") and lines[-1].split()[-4:] == ["0", "9", "0%", "3"]
    assert len({cell_width(line) for line in lines[1:]}) == 1, "summary rows are not aligned"


@pytest.mark.parametrize(
    "argv, english, thai",
    [
        (("move", "zzzz", "done"), "no card 'zzzz'", "ไม่มีการ์ด 'zzzz'"),
        (("move", "", "done"), "no card", "ไม่มีการ์ด"),
        (("note", "0", "x"), "'0' matches 2 cards", "'0' ตรงกับการ์ด 2 ใบ"),  # the sample's ids 0679… and 0c04…
        (("move", "0679", "finished"), "unknown status 'finished'", "ไม่รู้จักสถานะ 'finished'"),
        (("list", "--agency", "กรมที่ไม่มี"), "no agency matches", "ไม่มีหน่วยงานที่ตรงกับ"),
    ],
)
def test_user_errors_exit_1_with_one_line(board: Path, capsys: pytest.CaptureFixture[str], argv, english, thai) -> None:
    for lang, message in (("en", english), ("th", thai)):  # Thai unless --lang en
        code, out, err = run(capsys, board, *argv, "--lang", lang)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and err.startswith("board: ") and message in err


def test_unreadable_board_exits_1_without_traceback(tmp_path: Path, state_home: Path) -> None:
    bad = tmp_path / "board.json"
    bad.write_bytes(b'{"board": {"1": {"board_id": "x", "role": "ba')
    for lang, words in (("th", "ไฟล์จบไม่ครบ"), ("en", "truncated")):  # Thai unless --lang en
        result = subprocess.run([sys.executable, "-m", "tui", "--board", str(bad), "list", "--lang", lang],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and str(bad) in result.stderr and words in result.stderr
    missing = subprocess.run([sys.executable, "-m", "tui", "--board", str(tmp_path / "none.json"), "summary"],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_export_json_to_a_file(board: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    card = listed(capsys, board)[0]["id"]
    run(capsys, board, "note", card, "รายงานความก้าวหน้า")
    out = tmp_path / "export.json"
    assert run(capsys, board, "export", "--format", "json", "--out", str(out))[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["cards"]) == 9 and data["notes"][0]["text"] == "รายงานความก้าวหน้า"
    assert data["board"]["name"] == "ระยอง"


def test_list_fits_80_columns_and_never_cuts_a_thai_syllable(board: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.cells import cell_len as cell_width  # what the terminal draws

    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, board, "list")
    text = "ให้ทุกหน่วยงานบูรณาการการทำงานร่วมกัน"
    for line in out.splitlines():
        assert cell_width(line) <= 80
        shown = line.rsplit("ข้อ ", 1)[1].split(" ", 1)[1].rstrip("…")
        rest = text[len(shown):]
        assert text.startswith(shown) and (rest == "" or cell_width(rest[0]) == 1), f"cut inside a syllable: {line}"


def test_move_with_a_blank_note_refuses_and_writes_nothing(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = listed(capsys, board)[0]["id"]
    code, out, err = run(capsys, board, "move", card[:6], "doing", "--note", "   ")
    assert (code, out) == (1, "")
    assert err.strip() == "board: บันทึกต้องมีข้อความ"
    code, out, err = run(capsys, board, "move", card[:6], "doing", "--note", "   ", "--lang", "en")
    assert (code, out, err.strip()) == (1, "", "board: a note needs some text")
    after = next(c for c in listed(capsys, board) if c["id"] == card)
    assert (after["status"], after["notes"]) == ("todo", 0)
    assert not (board.parent / "board.d").exists() or not any((board.parent / "board.d").glob("[0-9a-f]*.json"))


def test_list_status_takes_a_column_title_and_lang_goes_after_the_command(
        board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = listed(capsys, board)[0]["id"]
    assert run(capsys, board, "move", card[:6], "done")[0] == 0
    assert [c["id"] for c in listed(capsys, board, "--status", "ดำเนินการแล้ว")] == [card]
    code, out, _ = run(capsys, board, "summary", "--lang", "en")
    assert code == 0 and "Done" in out and "ดำเนินการแล้ว" not in out
    code, out, err = run(capsys, board, "list", "--status", "finished", "--lang", "en")
    assert (code, out) == (1, "") and err.startswith("board: unknown status 'finished'")


@pytest.mark.parametrize("argv", [("list",), ("list", "--json")])
def test_piping_into_head_stops_quietly(tmp_path: Path, state_home: Path, argv: tuple[str, ...]) -> None:
    """`board list | head -2` on a big board: the reader leaves early; no message, no traceback."""
    from tests.storage.conftest import sample_records

    big = tmp_path / "big.json"
    BoardStore.create(big, sample_records(items=400), name="ใหญ่")  # 1,200 cards: far more than a pipe holds
    env = {**os.environ, "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--board", str(big), *argv], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline()  # the first line, as head would read it
    proc.stdout.close()  # head exits
    _, err = proc.communicate(timeout=60)
    assert err.decode() == ""
    assert proc.returncode == 141


def test_an_ambiguous_prefix_lists_the_matches_and_marks_only_what_it_leaves_out(
        tmp_path: Path, state_home: Path) -> None:
    from storage.errors import AmbiguousCard
    from tests.storage.conftest import sample_records

    path = tmp_path / "b.json"
    BoardStore.create(path, sample_records(items=10))
    store = BoardStore.open(path)
    ids = sorted(store.snapshot().cards)
    for size in (2, 5):  # all shown / some left out
        prefix = next(p for p in {i[:1] for i in ids} | {i[:2] for i in ids}
                      if sum(i.startswith(p) for i in ids) == size)
        with pytest.raises(AmbiguousCard) as raised:
            store.resolve_card(prefix)
        text, matching = str(raised.value), [i[:10] for i in ids if i.startswith(prefix)]
        assert f"matches {size} cards" in text
        if size == 2:
            assert f"({matching[0]}, {matching[1]})" in text and "…" not in text
        else:
            assert f"({', '.join(matching[:4])}, …)" in text


def test_list_names_a_meeting_without_a_number_by_its_sitting(tmp_path: Path, state_home: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from tests.importing.helpers import LETTERS

    board = tmp_path / "meetings.json"
    assert main(["--board", str(board), "import", str(LETTERS / "suphanburi-chat-orders.txt")]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, board, "list")
    lines = out.splitlines()
    # "ข้อสั่งการ ผวจ.สพ. … ครั้งที่ 11/2569" has no number: its letter column is its sitting,
    # not the first letters of a title every meeting's summary starts with.
    assert code == 0 and len(lines) == 5 and all(line.split()[3] == "11/69" for line in lines)
