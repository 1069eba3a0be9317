"""What a shared folder does to a board: other replicas, conflict copies, rollbacks, bad files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from storage.errors import BadFile
from storage.sync.store import BoardStore
from tui.cli import main


def _folder_bytes(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` (archive included): its bytes and mtime."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _other_machine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / f"state-{name}"))
    monkeypatch.setenv("BOARD_USER", name)


def _as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, fn):
    with monkeypatch.context() as m:
        _other_machine(m, tmp_path, name)
        return fn()


@pytest.mark.parametrize("copy_name", [
    "{rid}.sync-conflict-20250101-101010-ABCDEFG.json",
    "{rid} (Somchai's conflicted copy 2025-01-01).json",
])
def test_a_conflict_copy_shows_on_the_board_and_is_folded_by_sync(
        board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        copy_name: str) -> None:
    mine = BoardStore.open(board)
    card = sorted(mine.snapshot().cards)[0]

    def edit_elsewhere() -> str:
        theirs = BoardStore.open(board)
        theirs.move(card, "blocked", note="รอผลการประชุม")
        # The engine kept their edit only in a conflict copy: nowhere else holds it.
        stray = theirs.folder / copy_name.format(rid=theirs.replica_id)
        os.replace(theirs.own_path, stray)
        return stray.name

    stray_name = _as(monkeypatch, tmp_path, "somsri", edit_elsewhere)
    assert mine.strays() == []
    mine.refresh()
    assert mine.snapshot().cards[card].status == "blocked"
    assert [p.name for p in mine.strays()] == [stray_name], "the UI could not name the copy"
    assert main(["--board", str(board), "sync", "--lang", "en"]) == 0
    report = capsys.readouterr().out
    assert f"folded {stray_name}" in report and "copied 3 entries" in report  # status, history, note
    assert not (board.parent / "board.d" / stray_name).exists()
    assert (board.parent / "board.d" / ".archive" / stray_name).exists()
    mine.refresh()
    assert mine.strays() == []
    fresh = BoardStore.open(board, user="someone-else").snapshot()
    assert fresh.cards[card].status == "blocked"
    assert [n.text for n in fresh.notes_of(card)] == ["รอผลการประชุม"]
    before = _folder_bytes(board.parent)
    assert main(["--board", str(board), "sync"]) == 0
    assert capsys.readouterr().out == "ไม่มีอะไรต้องรวมหรือบีบอัด กระดานตรงกันแล้ว\n"  # Thai by default
    assert _folder_bytes(board.parent) == before, "a second sync changed files"


def test_a_copy_of_the_board_file_beside_it_is_data_too(board: Path) -> None:
    store = BoardStore.open(board)
    card = sorted(store.snapshot().cards)[1]
    store.move(card, "done")
    shutil.copy(store.own_path, board.parent / "board-LAPTOP7.json")  # OneDrive's naming
    store.own_path.unlink()
    store.replica.shadow_path.unlink()  # as if this machine had been lost
    fresh = BoardStore.open(board, user="other")
    assert fresh.snapshot().cards[card].status == "done"
    lines = fresh.sync().lines()
    assert any("board-LAPTOP7.json" in line and "OneDrive" in line for line in lines)
    assert BoardStore.open(board, user="third").snapshot().cards[card].status == "done"


def test_a_second_board_begun_as_a_copy_is_not_folded_by_sync(board: Path, capsys) -> None:
    """A copy of board.json that became a board of its own (it has OTHER.d/) stays put."""
    other = board.parent / "exist.json"
    shutil.copy(board, other)
    second = BoardStore.open(other)
    card = sorted(second.snapshot().cards)[0]
    second.move(card, "blocked")
    assert (board.parent / "exist.d").is_dir()
    assert main(["--board", str(board), "sync"]) == 0
    capsys.readouterr()
    assert other.exists(), "board sync archived another board"
    assert BoardStore.open(other, user="other").snapshot().cards[card].status == "blocked"
    assert BoardStore.open(board, user="other").snapshot().cards[card].status == "todo"


@pytest.mark.parametrize("then", ["write", "refresh", "reopen"])
@pytest.mark.parametrize("damage", ["delete", "rollback"])
def test_own_file_deleted_or_rolled_back_while_open_loses_nothing(board: Path, damage: str, then: str) -> None:
    store = BoardStore.open(board)
    a, b, c = sorted(store.snapshot().cards)[:3]
    store.move(a, "doing")
    old = store.own_path.read_bytes()
    store.move(b, "blocked", note="งบประมาณล่าช้า")
    if damage == "delete":
        store.own_path.unlink()
    else:
        store.own_path.write_bytes(old)
    if then == "write":
        store.move(c, "done")  # a write after the damage
    elif then == "refresh":
        assert store.changed_on_disk()
        store.refresh()
    else:
        store.close()
        BoardStore.open(board)  # the next session of this user on this machine
    # Another machine reads only the synced files: they must hold every edit again.
    snap = BoardStore.open(board, user="reader").snapshot()
    assert [snap.cards[x].status for x in (a, b)] == ["doing", "blocked"]
    assert snap.cards[c].status == ("done" if then == "write" else "todo")
    assert [n.text for n in snap.notes_of(b)] == ["งบประมาณล่าช้า"]
    assert [h.new for h in snap.history_of(b)] == ["blocked"]


def test_rollback_noticed_by_refresh_alone(board: Path) -> None:
    store = BoardStore.open(board)
    a, b = sorted(store.snapshot().cards)[:2]
    store.move(a, "doing")
    old = store.own_path.read_bytes()
    store.move(b, "done")
    store.own_path.write_bytes(old)
    assert store.changed_on_disk()
    store.refresh()
    assert b'"done"' in store.own_path.read_bytes(), "the rolled-back file was not repaired"


def _valid_replica_bytes(board: Path) -> bytes:
    store = BoardStore.open(board, user="filler")
    store.add_note(sorted(store.snapshot().cards)[0], "บันทึกยาวพอสมควรสำหรับการทดสอบไฟล์ที่ถูกตัด" * 3)
    data = store.own_path.read_bytes()
    store.own_path.unlink()
    store.replica.shadow_path.unlink()
    return data


@pytest.mark.parametrize("kind", ["truncated", "empty", "binary", "half-written", "not-a-board"])
def test_a_bad_file_is_named_skipped_and_never_overwritten(
        board: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    good = _valid_replica_bytes(board)
    content = {
        "truncated": good[: len(good) * 2 // 3],
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "half-written": good[:12],
        "not-a-board": b'{"_default": {"1": {"title": "x"}}}',
    }[kind]
    bad = board.parent / "board.d" / "0123456789abcdef.json"
    bad.write_bytes(content)
    store = BoardStore.open(board)
    (problem,) = store.problems
    assert isinstance(problem, BadFile) and problem.path == str(bad) and "skipped" in str(problem)
    reason = {"truncated": "ends early", "empty": "empty file", "binary": "binary data",
              "half-written": "ends early", "not-a-board": "not a board file"}[kind]
    assert reason in problem.problem
    assert len(store.snapshot().cards) == 9
    store.move(sorted(store.snapshot().cards)[0], "doing")
    store.sync()
    assert main(["--board", str(board), "list"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err
    assert bad.read_bytes() == content


def test_a_stray_in_the_folder_that_is_bad_is_left_alone_by_sync(board: Path) -> None:
    bad = board.parent / "board.d" / "board (conflicted copy 2025-01-01 101010).json"
    bad.write_bytes(b"\x00\x01garbage")
    store = BoardStore.open(board)
    report = store.sync()
    assert bad.read_bytes() == b"\x00\x01garbage"
    assert any("left as it is" in line for line in report.lines("en"))


BROKEN_JSON = b'{"_default": {"1": {"board_id": "b", "role": "replica"}}, "x": nonsense}'


def test_broken_json_is_named_by_line_and_column_in_whole_words(board: Path) -> None:
    bad = board.parent / "board.d" / "0123456789abcdef.json"
    bad.write_bytes(BROKEN_JSON)
    (problem,) = BoardStore.open(board).problems
    column = BROKEN_JSON.index(b"nonsense") + 1
    assert problem.problem == f"not valid JSON at line 1, column {column} - skipped"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_sync_names_each_bad_file_once_on_stderr(board: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    folder = board.parent / "board.d"
    folder.mkdir(exist_ok=True)
    stray = folder / "board (conflicted copy 2025-01-01 101010).json"
    stray.write_bytes(b"\x00\x01garbage")
    replica = folder / "0123456789abcdef.json"
    replica.write_bytes(BROKEN_JSON)
    assert main(["--board", str(board), "sync", "--lang", lang]) == 0
    out, err = capsys.readouterr()
    assert stray.name not in out and replica.name not in out, out
    warnings = err.splitlines()
    assert sorted(line.split(": ", 2)[2].split(": ")[0] for line in warnings) == sorted([str(replica), str(stray)])
    head = "board: คำเตือน: " if lang == "th" else "board: warning: "
    assert all(line.startswith(head) for line in warnings), warnings
    assert stray.read_bytes() == b"\x00\x01garbage"


def test_sync_and_warnings_speak_thai_unless_lang_en(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = BoardStore.open(board)
    store.move(sorted(store.snapshot().cards)[0], "doing")
    (board.parent / "board.d" / "0123456789abcdef.json").write_bytes(b"")
    assert main(["--board", str(board), "sync"]) == 0
    out, err = capsys.readouterr()
    (line,) = out.splitlines()
    assert line.startswith("บีบอัด ") and "รายการของเครื่องนี้ลงใน base-" in line, out
    assert err.endswith("0123456789abcdef.json: ไฟล์ว่าง (ยังเขียนไม่เสร็จ หรือถูกตัด) - ข้ามไฟล์นี้\n")
    assert err.count("\n") == 1 and err.startswith("board: คำเตือน: ")
    for argv in (["--lang", "en", "sync"], ["sync", "--lang", "en"]):  # before or after the command
        assert main(["--board", str(board), *argv]) == 0
        out, err = capsys.readouterr()
        assert out == "nothing to fold or compact; the board is in sync\n"
        assert err.startswith("board: warning: ") and err.endswith(
            "0123456789abcdef.json: empty file (still being written, or truncated) - skipped\n")
