"""Shared fixtures: a small realistic Thai board in tmp_path, a fixed user, state dir
and date, and a factory for the Textual app with animations off (STYLE.md D)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storage.ids import agency_id, card_id, directive_id, item_id
from storage.models import Agency, Card, Directive, Item, Records

TODAY = date(2022, 9, 20)
"""Fixed 'today' (B.E. 2565): item 2 (due 30 Sep) is due soon, item 6 (31 Aug) overdue."""

LETTER = "รย 0017.2/ว 3362"

ITEM_TEXTS = {
    1: "การบูรณาการร่วมระหว่างคณะกรรมการร่วมภาครัฐและภาคเอกชนเพื่อพัฒนาและแก้ไขปัญหาทางเศรษฐกิจ (กรอ.) จังหวัดและกลุ่มจังหวัด และภาคีเครือข่าย โดยใช้แนวคิดการปฏิบัติงานในรูปแบบ Change for Good",
    2: "ให้ความสำคัญกับ “การสื่อสารกับสังคม” ที่เป็นหัวใจในการทำงาน ทั้งงานสังคม งานประชุม งานบุญ งานวัด ตามประเพณี จะทำให้ผู้ว่าราชการจังหวัดได้มีโอกาสได้พบกับประชาชน",
    3: "ให้ความสำคัญกับการบูรณาการตามหลักการทรงงานของพระเจ้าอยู่หัว หรือ “บวร” อันได้แก่ บ้าน วัด ราชการ ด้วยการทำงานร่วมกันอย่างเป็นเอกภาพ",
    4: "ส่งเสริมแผนงาน/โครงการ ที่มีผลต่อการขับเคลื่อนเศรษฐกิจฐานรากให้กับประชาชนในพื้นที่ ได้แก่ การรณรงค์ส่งเสริมให้มีการสวมใส่ผ้าไทยในทุกโอกาส ทุกเวลา ตามพระดำริ “ผ้าไทยใส่ให้สนุก”",
    5: "ทำนุบำรุงและจัดทำเรื่องราวความเป็นมาของศาสนา และสถานที่ศักดิ์สิทธิ์ของจังหวัดให้เป็นสถานที่ท่องเที่ยวในพื้นที่ ส่งผลให้เกิดการสร้างงานสร้างรายได้ให้กับชุมชน",
    6: "ดำเนินการตามนโยบายสำคัญของรัฐบาล ขจัดความยากจนและพัฒนาคนทุกช่วงวัยอย่างยั่งยืนตามหลักปรัชญาของเศรษฐกิจพอเพียง ผ่านกลไกศูนย์อำนวยการขับเคลื่อนการแก้ไขปัญหาความยากจน (ศจพ.)",
    7: "สำนักงานจังหวัดระยอง ต้องให้ความสำคัญกับการบูรณาการร่วมกับภาคีเครือข่ายทั้ง ๗ ภาคี โดยเฉพาะอย่างยิ่งด้านธุรกิจเอกชนในพื้นที่",
}
DUES = {2: "2022-09-30", 6: "2022-08-31", 4: "2022-12-31"}

AGENCIES = [  # canonical name, short name
    ("สำนักงานจังหวัดระยอง", "สนจ.ระยอง"),
    ("สำนักงานพัฒนาชุมชนจังหวัดระยอง", "พช.ระยอง"),
    ("อำเภอทุกอำเภอ", "อำเภอทุกอำเภอ"),
    ("สำนักงานพระพุทธศาสนาจังหวัดระยอง", "พศจ.ระยอง"),
    ("สำนักงานวัฒนธรรมจังหวัดระยอง", "วธ.ระยอง"),
]
ASSIGN = {  # item seq -> [(agency index, role)]
    1: [(0, "lead")], 2: [(0, "lead"), (2, "support")], 3: [(0, "lead"), (2, "support")],
    4: [(1, "lead"), (2, "support")], 5: [(3, "lead"), (4, "lead")], 6: [(1, "lead"), (2, "lead"), (0, "support")],
    7: [(0, "lead"), (1, "support")],
}
STATUS_OF = {(2, 0): "doing", (6, 1): "blocked", (3, 0): "done", (7, 0): "doing", (1, 0): "todo"}


def rayong_records() -> Records:
    """The Rayong letter's seven items as 15 cards over five agencies."""
    d = Directive(directive_id(LETTER), LETTER, "2022-07-17",
                  "ผลการสัมมนาโครงการขับเคลื่อนแผนงานบูรณาการความร่วมมือภาครัฐและเอกชน", "จังหวัดระยอง")
    agencies = [Agency(agency_id(name), name, short) for name, short in AGENCIES]
    items, cards = [], []
    for seq, text in ITEM_TEXTS.items():
        items.append(Item(item_id(LETTER, seq), d.id, seq, text, due=DUES.get(seq)))
        for rank, (ai, role) in enumerate(ASSIGN[seq]):
            name = AGENCIES[ai][0]
            cards.append(Card(card_id(LETTER, seq, name), item_id(LETTER, seq), agency_id(name), role,
                              STATUS_OF.get((seq, ai), "todo"), float(seq)))
    return Records((d,), tuple(items), tuple(agencies), tuple(cards))


def card_of(seq: int, agency_index: int = 0) -> str:
    return card_id(LETTER, seq, AGENCIES[agency_index][0])


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Per-test user, state dir and config: never the developer's own."""
    monkeypatch.setenv("BOARD_USER", "สมหญิง")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("BOARD_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("BOARD_FILE", raising=False)


@pytest.fixture
def board_path(tmp_path: Path) -> Path:
    from storage.sync.store import BoardStore

    path = tmp_path / "shared" / "board.json"
    path.parent.mkdir()
    BoardStore.create(path, rayong_records(), name="ระยอง")
    return path


@pytest.fixture
def make_app(board_path: Path):
    """Build the app on the fixture board as the CLI does (tui.factory.make_app: the store
    opened read-only for ``read_only=True``, the config's keymap and digits); stores are
    closed after the test."""
    from tui.factory import make_app as build

    stores = []

    def make(**kwargs):
        kwargs.setdefault("today", TODAY)
        app = build(board_path, **kwargs)
        stores.append(app.store)
        app.animation_level = "none"
        return app

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def reopen(board_path: Path):
    """A fresh store's snapshot: what was really saved."""
    from storage.sync.store import BoardStore

    def read():
        store = BoardStore.open(board_path, user="ผู้ตรวจ")
        try:
            return store.snapshot()
        finally:
            store.close()

    return read
