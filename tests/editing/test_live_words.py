"""The status line names another officer's edit by hand in officers' words (which item,
letter or agency, which field, the new value), never as 'item recurrence' or 'new card'."""

from __future__ import annotations

from storage.editing.live import edit_line
from storage.models import Change
from storage.sync.codec import records_state
from storage.sync.view import view
from tests.conftest import LETTER, card_of, rayong_records
from storage.ids import item_id

SNAP = view(records_state(rayong_records()))


def change(record: str, field: str, kind: str = "other", card: str | None = None) -> Change:
    return Change(kind, card, "malee", "2024-08-01T01:00:00Z", f"{record.split('/')[0]} {field}",
                  record=record, field=field)


def test_an_item_field_with_its_new_value() -> None:
    six = SNAP.items[item_id(LETTER, 6)]
    assert edit_line(SNAP, change(f"item/{six.id}", "due"), "th") == "แก้ข้อ ๖ · กำหนดเสร็จ → ๓๑ ส.ค. ๖๕"
    assert edit_line(SNAP, change(f"item/{six.id}", "due"), "en") == "changed item 6 · due date → 31 ส.ค. 65"


def test_a_role_a_new_card_and_an_agency() -> None:
    card = SNAP.cards[card_of(1)]
    agency = SNAP.agencies[card.agency_id]
    line = edit_line(SNAP, change(f"card/{card.id}", "role", card=card.id), "th")
    assert line.startswith("แก้ข้อ ๑ (") and line.endswith("บทบาท → หน่วยงานหลัก")
    assert edit_line(SNAP, change(f"card/{card.id}", "item_id", "record", card.id), "th") \
        == f"เพิ่ม{agency.short} ในข้อ ๑"
    assert edit_line(SNAP, change(f"agency/{agency.id}", "short"), "en") \
        == f"changed {agency.short} · short name → {agency.short}"


def test_a_deleted_item_an_undone_delete_and_a_field_not_known_yet() -> None:
    from dataclasses import replace

    six = SNAP.items[item_id(LETTER, 6)]
    gone = replace(SNAP, items={k: v for k, v in SNAP.items.items() if k != six.id})
    assert edit_line(gone, change(f"item/{six.id}", "deleted"), "th") == "ลบข้อหนึ่ง"
    assert edit_line(SNAP, change(f"item/{six.id}", "deleted"), "th") == "นำข้อ ๖ กลับมา"
    assert edit_line(SNAP, change(f"item/{six.id}", "colour"), "en") == "changed item 6 · colour"
    assert edit_line(SNAP, change("item/gone", "deleted"), "en") == "deleted an item"
