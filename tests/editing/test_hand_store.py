"""Hand edits through the store, checked on the board as saved (storage/sync/hand.py)."""

from __future__ import annotations

import pytest

from storage.editing.errors import EditError
from storage.editing.values import AgencyChoice, AgencyEdit, check_item, check_letter
from tests.conftest import LETTER, card_of
from tests.editing.conftest import TODAY


def meeting(store):
    letter = check_letter("", "28 ส.ค. 67", "ประชุมหัวหน้าส่วนราชการ", today=TODAY)
    return store.add_letter(letter)


def test_a_meeting_and_its_item_with_a_new_agency_are_saved(store, saved) -> None:
    directive = meeting(store)
    item, cards = store.add_item(directive.id, check_item(
        "ให้ทุกอำเภอเร่งรัด\nรายงานผลทุกเดือน", "30/9/2567", "ทุกเดือน",
        (AgencyChoice("อำเภอทุกอำเภอ", "lead"), AgencyChoice("สำนักงานเกษตรจังหวัดระยอง", "support"))))
    snap = saved()
    assert snap.directives[directive.id].number == "" and snap.directives[directive.id].date == "2024-08-28"
    got = snap.items[item.id]
    assert (got.seq, got.text, got.due, got.recurrence) == (1, "ให้ทุกอำเภอเร่งรัด\nรายงานผลทุกเดือน", "2024-09-30", "ทุกเดือน")
    names = {snap.agencies[c.agency_id].name: c.role for c in snap.cards.values() if c.item_id == item.id}
    assert names == {"อำเภอทุกอำเภอ": "lead", "สำนักงานเกษตรจังหวัดระยอง": "support"}
    assert len(cards) == 2 and all(c.status == "todo" for c in cards)
    assert [e.field for e in snap.history_of(item.id)] == ["created"]


def test_a_numbered_letter_gets_the_id_an_import_would_give_and_no_twin(store) -> None:
    from storage.ids import directive_id

    made = store.add_letter(check_letter("ศธ 0001/ว 1", "1/10/2567", "เรื่อง", today=TODAY))
    assert made.id == directive_id("ศธ 0001/ว 1")
    with pytest.raises(EditError):
        store.add_letter(check_letter("ศธ 0001/ว 1", "1/10/2567", "อีกเรื่อง", today=TODAY))


def test_an_edit_writes_only_what_changed_and_says_so_in_history(store, saved) -> None:
    six = next(i for i in store.snapshot().items.values() if i.seq == 6)
    store.edit_item(six.id, text=six.text, due="2022-10-31", recurrence=six.recurrence)
    assert set(field for fields in store.last_change.ops.records.values() for field in fields) == {"due"}
    snap = saved()
    assert snap.items[six.id].due == "2022-10-31" and snap.items[six.id].text == six.text
    (event,) = snap.history_of(six.id)
    assert (event.field, event.old, event.new, event.author) == ("due", "2022-08-31", "2022-10-31", "สมหญิง")


def test_assign_adds_a_card_sets_a_role_and_brings_a_removed_card_back(store, saved) -> None:
    one = next(i for i in store.snapshot().items.values() if i.seq == 1)
    card = store.assign(one.id, AgencyChoice("พช.ระยอง", "support"))
    assert saved().cards[card.id].role == "support"
    assert store.assign(one.id, AgencyChoice("พช.ระยอง", "lead")).id == card.id
    assert saved().cards[card.id].role == "lead"
    store.add_note(card.id, "เริ่มแล้ว")
    store.retire("card", card.id)
    assert card.id not in saved().cards
    back = store.assign(one.id, AgencyChoice("สำนักงานพัฒนาชุมชนจังหวัดระยอง", "support"))
    assert back.id == card.id and [n.text for n in saved().notes_of(card.id)] == ["เริ่มแล้ว"]


def test_delete_an_item_and_undo_brings_its_cards_and_notes_back(store, saved) -> None:
    store.add_note(card_of(6, 1), "ติดงบประมาณ")
    six = store.snapshot().cards[card_of(6, 1)].item_id
    store.retire("item", six)
    change = store.last_change
    snap = saved()
    assert six not in snap.items and not [c for c in snap.cards.values() if c.item_id == six]
    store.undo(change)
    snap = saved()
    assert six in snap.items and len([c for c in snap.cards.values() if c.item_id == six]) == 3
    assert [n.text for n in snap.notes_of(card_of(6, 1))] == ["ติดงบประมาณ"]
    assert [e.field for e in snap.history_of(six)] == ["deleted", "deleted"]


def test_delete_a_whole_letter_takes_every_item_and_card(store, saved) -> None:
    letter = next(iter(store.snapshot().directives))
    store.retire("letter", letter)
    snap = saved()
    assert not snap.directives and not snap.items and not snap.cards
    assert len(snap.agencies) == 5  # agencies stay: other letters may name them


def test_rename_short_alias_and_a_later_import_matches_the_alias(store, saved) -> None:
    from storage.formats.agencies import match_agency

    pc = next(a for a in store.snapshot().agencies.values() if a.short == "พช.ระยอง")
    store.edit_agency(AgencyEdit(pc.id, name="สำนักงานพัฒนาชุมชนจังหวัดระยอง (พช.)", short="พช.รย.",
                                 alias="ศูนย์พัฒนาชุมชนระยอง"))
    got = saved().agencies[pc.id]
    assert (got.name, got.short, got.aliases) == ("สำนักงานพัฒนาชุมชนจังหวัดระยอง (พช.)", "พช.รย.", ("ศูนย์พัฒนาชุมชนระยอง",))
    assert match_agency("ศูนย์พัฒนาชุมชนระยอง", saved().agencies.values()).id == pc.id


def test_merge_moves_cards_and_joins_an_item_that_had_both(store, saved) -> None:
    snap = store.snapshot()
    pc = next(a for a in snap.agencies.values() if a.short == "พช.ระยอง")
    snj = next(a for a in snap.agencies.values() if a.short == "สนจ.ระยอง")
    store.add_note(card_of(7, 1), "พช. รายงานข้อ ๗")  # item 7: สนจ. lead, พช. support
    store.move(card_of(4, 1), "doing")  # item 4: พช. only
    plan = store.merge_agencies(pc.id, snj.id)
    assert plan.moved == (card_of(4, 1),)
    assert set(plan.joined) == {(card_of(6, 1), card_of(6, 0)), (card_of(7, 1), card_of(7, 0))}
    snap = saved()
    assert pc.id not in snap.agencies and "พช.ระยอง" in snap.agencies[snj.id].aliases
    assert snap.cards[card_of(4, 1)].agency_id == snj.id and snap.cards[card_of(4, 1)].status == "doing"
    assert card_of(7, 1) not in snap.cards
    kept = snap.cards[card_of(7, 0)]
    assert kept.agency_id == snj.id and kept.role == "lead"
    assert [n.text for n in snap.notes_of(kept.id)] == ["พช. รายงานข้อ ๗"]
    assert snap.folded_into(kept.id) == (card_of(7, 1),)
    assert snap.cards[card_of(6, 0)].role == "lead"  # พช. led item 6, สนจ. supported: the stronger role stays


def test_only_the_author_retracts_a_note_and_it_stays_in_history(store, board, saved) -> None:
    from storage.sync.store import BoardStore

    note = store.add_note(card_of(1), "ส่งรายงานแล้ว")
    other = BoardStore.open(board, user="มาลี")
    try:
        with pytest.raises(EditError) as caught:
            other.retract_note(card_of(1), note.id)
        assert caught.value.key == "edits.not_your_note"
    finally:
        other.close()
    store.retract_note(card_of(1), note.id)
    (shown,) = saved().notes_of(card_of(1))
    assert shown.text == "ส่งรายงานแล้ว" and shown.retracted_by == "สมหญิง" and shown.retracted_at
    assert [e.field for e in saved().history_of(card_of(1))] == ["retracted"]


def test_undo_never_overwrites_a_later_change_by_someone_else(store, board, saved) -> None:
    from storage.sync.store import BoardStore

    store.move(card_of(2), "done")
    mine = store.last_change
    other = BoardStore.open(board, user="มาลี")
    try:
        other.move(card_of(2), "blocked")
    finally:
        other.close()
    store.refresh()
    with pytest.raises(EditError) as caught:
        store.undo(mine)
    assert caught.value.say("th") == "ย้อนไม่ได้: มาลี แก้ข้อ ๒ ต่อจากคุณแล้ว — ไม่ได้เปลี่ยนอะไร"
    assert saved().cards[card_of(2)].status == "blocked"
    store.move(card_of(3), "doing")
    store.undo(store.last_change)
    assert saved().cards[card_of(3)].status == "done"  # as it was

