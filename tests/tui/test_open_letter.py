"""Open-a-letter prompt: typed paths are checked; a picked file is returned."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, Label

from tests.tui.helpers import settle, type_text
from tui.screens.open_letter import LetterTree, OpenLetterScreen


class _Harness(App[None]):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.results: list[Path | None] = []

    def on_mount(self) -> None:
        self.push_screen(OpenLetterScreen(self.folder), self.results.append)


async def _loaded_tree(pilot) -> LetterTree:
    """The tree once its folder is listed (its loader worker never finishes, so poll)."""
    tree = pilot.app.screen.query_one(LetterTree)
    for _ in range(100):
        if tree.root.children:
            break
        await pilot.pause(0.02)
    return tree


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "หนังสือ.txt").write_text("ที่ รย ๐๐๑๗.๒/ว ๓๓๖๒", encoding="utf-8")
    (tmp_path / "notes.odt").write_bytes(b"PK")
    (tmp_path / "ข้อสั่งการ.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    return tmp_path


async def test_typed_relative_thai_path_is_resolved_against_the_board_folder(tmp_path: Path) -> None:
    app = _Harness(_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "หนังสือ.txt")
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [tmp_path / "หนังสือ.txt"]


async def test_missing_or_unreadable_kind_says_why_and_stays_open(tmp_path: Path) -> None:
    app = _Harness(_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "notes.odt")
        await pilot.press("enter")
        await pilot.pause()
        problem = app.screen.query_one("#letter-problem", Label)
        assert ".pdf .txt .docx .csv .xlsx" in str(problem.render())
        assert isinstance(app.screen, OpenLetterScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_tree_lists_only_letter_files(tmp_path: Path) -> None:
    app = _Harness(_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tree = await _loaded_tree(pilot)
        names = [node.data.path.name for node in tree.root.children]
        assert names == ["ข้อสั่งการ.pdf", "หนังสือ.txt"]  # PDFs too; not .odt, not hidden


async def test_picking_a_file_in_the_tree_returns_it(tmp_path: Path) -> None:
    app = _Harness(_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded_tree(pilot)
        await pilot.press("ctrl+t", "down", "down", "enter")
        await pilot.pause()
    assert app.results == [tmp_path / "หนังสือ.txt"]


# ---- a file that cannot be read as a letter (issue 8) --------------------------------------
async def _open_from_the_board(make_app, board_path: Path, name: str, content: bytes, lang: str = "th"):
    """Open the board, press i, type ``name`` (written beside the board) and Enter."""
    (board_path.parent / name).write_bytes(content)
    app = make_app(watch_files=False, lang=lang)
    return app


@pytest.mark.parametrize("name, content, words", [
    ("empty-letter.txt", b"", "ไฟล์ว่าง"),
    ("binary-letter.txt", bytes(range(256)) * 8, "ไม่ใช่ไฟล์ข้อความ"),
    ("no-directives.txt", "เรียน ผู้ว่าราชการจังหวัด\nวันนี้อากาศดี\n".encode(), "ไม่พบตารางข้อสั่งการ"),
], ids=["empty", "binary", "no-directives"])
async def test_an_unreadable_letter_keeps_the_dialog_the_path_and_the_keys(
        make_app, board_path, reopen, name, content, words) -> None:
    app = await _open_from_the_board(make_app, board_path, name, content)
    before = reopen()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot)
        await type_text(pilot, name)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OpenLetterScreen)  # still open: the officer can fix the path
        field = app.screen.query_one("#letter-path", Input)
        assert field.value == name and field.has_focus
        problem = str(app.screen.query_one("#letter-problem", Label).render())
        assert words in problem and name in problem  # in Thai, naming the file
        await type_text(pilot, "-<>")  # the next keys are still the dialog's: no card moves
        assert field.value == name + "-<>"
    assert reopen().cards == before.cards


async def test_an_unreadable_letter_is_explained_in_english(make_app, board_path) -> None:
    app = await _open_from_the_board(make_app, board_path, "empty.txt", b"", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot)
        await type_text(pilot, "empty.txt")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OpenLetterScreen)
        assert "the file is empty" in str(app.screen.query_one("#letter-problem", Label).render())
