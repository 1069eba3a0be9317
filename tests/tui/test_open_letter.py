"""Open-a-letter prompt: typed paths are checked; a picked file is returned."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Label

from tests.tui.helpers import type_text
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
