"""Fixtures for the storage tests: a small board in tmp_path and a private state dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.ids import agency_id, card_id, directive_id, item_id
from storage.models import Agency, Card, Directive, Item, Records
from storage.sync.store import BoardStore

LETTER = "รย 0017.2/ว 3362"
AGENCIES = ("สำนักงานจังหวัดระยอง", "สำนักงานพัฒนาชุมชนจังหวัดระยอง", "อำเภอทุกอำเภอ")
SHORTS = ("สนจ.ระยอง", "พช.ระยอง", "")


def sample_records(items: int = 3, letter: str = LETTER) -> Records:
    """``items`` items of one letter, each with a lead and two supporting agencies."""
    did = directive_id(letter)
    agencies = tuple(Agency(agency_id(n), n, s) for n, s in zip(AGENCIES, SHORTS))
    its, cards = [], []
    for seq in range(1, items + 1):
        iid = item_id(letter, seq)
        its.append(Item(iid, did, seq, f"ข้อ {seq} ให้ทุกหน่วยงานบูรณาการการทำงานร่วมกัน",
                        due="2022-09-30" if seq == 1 else None))
        for n, agency in enumerate(agencies):
            cards.append(Card(card_id(letter, seq, agency.name), iid, agency.id, "lead" if n == 0 else "support"))
    directive = Directive(did, letter, "2022-07-17", "การขับเคลื่อนข้อสั่งการ", "จังหวัดระยอง")
    return Records((directive,), tuple(its), agencies, tuple(cards))


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private XDG state dir: this test is one machine."""
    home = tmp_path / "state-a"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    monkeypatch.setenv("BOARD_USER", "somchai")
    return home


@pytest.fixture
def board(tmp_path: Path, state_home: Path) -> Path:
    path = tmp_path / "shared" / "board.json"
    path.parent.mkdir()
    BoardStore.create(path, sample_records(), name="ระยอง")
    return path
