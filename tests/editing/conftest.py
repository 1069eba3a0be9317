"""A Rayong board on disk for the hand-edit tests, and a way to read back what was saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storage.sync.store import BoardStore
from tests.conftest import rayong_records

TODAY = date(2024, 8, 1)


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "shared" / "board.json"
    path.parent.mkdir()
    BoardStore.create(path, rayong_records(), name="ระยอง")
    return path


@pytest.fixture
def store(board: Path):
    opened = BoardStore.open(board)
    yield opened
    opened.close()


@pytest.fixture
def saved(board: Path):
    """What another officer opening the board now sees (read from disk, nothing cached)."""
    def read():
        other = BoardStore.open(board, user="ผู้ตรวจ", read_only=True)
        try:
            return other.snapshot()
        finally:
            other.close()
    return read
