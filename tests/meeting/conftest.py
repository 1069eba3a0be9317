"""Boards for the meeting features: the storage fixtures plus a board of two letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.ids import agency_id, card_id, directive_id, item_id
from storage.models import Agency, Card, Directive, Item, Records
from storage.sync.store import BoardStore
from tests.storage.conftest import board, sample_records, state_home  # noqa: F401 - fixtures

SECOND = "รย 0023.4/ว 1234"
LONG_NAME = "สำนักงานปกครองส่วนท้องถิ่นจังหวัดระยองและองค์กรปกครองส่วนท้องถิ่นทุกแห่งในเขตจังหวัด"


def second_letter() -> Records:
    """A second letter: two items, one for พช.ระยอง (already on the board), one for an
    agency with a very long name and no short name (what breaks 80-column tables)."""
    did = directive_id(SECOND)
    known = Agency(agency_id("สำนักงานพัฒนาชุมชนจังหวัดระยอง"), "สำนักงานพัฒนาชุมชนจังหวัดระยอง", "พช.ระยอง")
    long = Agency(agency_id(LONG_NAME), LONG_NAME, "")
    items = (Item(item_id(SECOND, 1), did, 1, "เร่งรัดการเบิกจ่ายงบประมาณให้เป็นไปตามเป้าหมาย", due="2022-10-15"),
             Item(item_id(SECOND, 2), did, 2, "=HYPERLINK(\"http://x\") รายงานผลทุกเดือน", due=None))
    cards = (Card(card_id(SECOND, 1, known.name), items[0].id, known.id, "lead"),
             Card(card_id(SECOND, 2, LONG_NAME), items[1].id, long.id, "lead"))
    letter = Directive(did, SECOND, "2022-08-01", "การเร่งรัดการเบิกจ่าย", "จังหวัดระยอง", source="second.txt")
    return Records((letter,), items, (known, long), cards)


@pytest.fixture
def two_letters(board: Path) -> Path:  # noqa: F811 - the storage fixture, extended
    store = BoardStore.open(board)
    store.add_records(second_letter())
    store.close()
    return board


@pytest.fixture
def bangkok():
    """Local time is Asia/Bangkok (UTC+7) for this test: reports must not show UTC."""
    import os
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Bangkok"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
