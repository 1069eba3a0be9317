"""An agency taken off an item: its notes and history stay in the activity log, named by
item and agency (and said to be taken off), not by a bare card id."""

from __future__ import annotations

from storage.activity import activities
from storage.activity_words import subject
from tests.conftest import card_of
from tests.editing.test_edit_cli import run


def test_the_log_names_a_removed_agencys_card(board, capsys, saved) -> None:
    gone = saved().cards[card_of(2, 2)]
    agency = saved().agencies[gone.agency_id]
    assert run(capsys, board, "note", gone.id[:8], "ส่งรายงานครั้งที่ ๑ แล้ว")[0] == 0
    assert run(capsys, board, "unassign", gone.id[:8])[0] == 0
    snap = saved()
    assert gone.id not in snap.cards and snap.retired[gone.id].agency_id == gone.agency_id
    note = next(a for a in activities(snap) if a.kind == "note")
    assert subject(snap, note, "th") == f"ข้อ ๒ · {agency.short or agency.name} (เอาออกแล้ว)"
