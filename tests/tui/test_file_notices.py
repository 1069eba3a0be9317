"""The board tells the officer about unreadable board files and conflict copies: a
notification naming the file (once), a badge in the status line while it lasts."""

from __future__ import annotations

import os

from storage.sync.store import BoardStore
from tests.conftest import card_of

SIZE = (100, 30)


def status_text(app) -> str:
    return str(app.screen_stack[0].query_one("#status").render())


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_damaged_file_is_named_once_and_badged(make_app, board_path) -> None:
    app = make_app(watch_files=False, poll_seconds=600)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "ไฟล์อ่านไม่ได้" not in status_text(app)
        (board_path.parent / "board.d").mkdir(exist_ok=True)
        (board_path.parent / "board.d" / "zz.json").write_text("garbage\n")
        app.poll_disk()
        await pilot.pause()
        told = [m for m in messages(app) if "zz.json" in m]
        assert len(told) == 1 and "อ่านไฟล์ไม่ได้" in told[0]
        assert "⚠ ๑ ไฟล์อ่านไม่ได้" in status_text(app)
        os.utime(board_path.parent / "board.d" / "zz.json", (1, 1))  # touched again: no second notice
        app.poll_disk()
        await pilot.pause()
        assert len([m for m in messages(app) if "zz.json" in m]) == 1
        (board_path.parent / "board.d" / "zz.json").unlink()
        app.poll_disk()
        await pilot.pause()
        assert "ไฟล์อ่านไม่ได้" not in status_text(app)


async def test_a_damaged_file_present_at_start_is_told(make_app, board_path) -> None:
    (board_path.parent / "board.d").mkdir(exist_ok=True)
    (board_path.parent / "board.d" / "zz.json").write_text("{")
    app = make_app(watch_files=False, poll_seconds=600, lang="en")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("zz.json" in m for m in messages(app))
        assert "1 unreadable file" in status_text(app)


async def test_a_conflict_copy_is_named_with_how_to_fold_it(make_app, board_path, tmp_path, monkeypatch) -> None:
    app = make_app(watch_files=False, poll_seconds=600)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-other"))
        other = BoardStore.open(board_path, user="มาลี")
        other.move(card_of(1), "done")
        own = other.own_path
        other.close()
        copy = own.with_name(own.stem + ".sync-conflict-20261125-204000-ABCDEFG.json")
        own.rename(copy)
        app.poll_disk()
        await pilot.pause()
        told = [m for m in messages(app) if copy.name in m]
        assert len(told) == 1 and "พบสำเนาขัดแย้ง" in told[0] and "board sync" in told[0]
        assert "Syncthing" in told[0]
        assert "สำเนาขัดแย้ง" in status_text(app)
        app.sync_now()  # folds it: the sync report is in the app's language, the badge goes
        await pilot.pause()
        assert any(m.startswith("รวม " + copy.name) for m in messages(app)), messages(app)
        assert "สำเนาขัดแย้ง" not in status_text(app)
        assert app.snapshot.cards[card_of(1)].status == "done"


def test_waiting_for_a_base_is_not_called_unreadable(tmp_path) -> None:
    from types import SimpleNamespace

    from storage.errors import BadFile
    from storage.sync.bases import WaitingForBase
    from tui.actions import disk_notices

    board = tmp_path / "board.json"
    store = SimpleNamespace(path=board, strays=lambda: [], problems=(
        WaitingForBase(str(board.parent / "board.d" / "ab.json"), "base-1-ab.json", "มาลี", 3),
        BadFile(str(board.parent / "board.d" / "zz.json"), "bad_json", line=1, column=2),
    ))
    told: set[str] = set()
    fresh, badges = disk_notices(store, "th", told)
    assert badges == ["⚠ ๑ ไฟล์อ่านไม่ได้", "⏳ ๑ ไฟล์ที่รอ"]
    waiting = next(m for m in fresh if "base-1-ab.json" in m)
    assert "มาลี" in waiting and "อ่านไฟล์ไม่ได้" not in waiting
    assert disk_notices(store, "th", told)[0] == []  # each said once
