"""The replica's own file, changed in place (storage/sync/tables.py): a change never loses
the other fields of the document it supersedes."""

from __future__ import annotations


def test_a_later_change_to_the_last_record_of_our_file_keeps_its_other_fields(tmp_path, state_home) -> None:
    """A field written again in the newest document of the replica file: the document's other
    fields are kept (TinyDB numbered the new document with the id the kept one had)."""
    from storage.models import Records
    from storage.sync.store import BoardStore
    from tests.conftest import rayong_records

    empty = tmp_path / "empty.json"
    BoardStore.create(empty, Records())
    store = BoardStore.open(empty)
    try:
        records = rayong_records()
        store.add_records(records)
        last = records.cards[-1].id  # written last: the newest document of the file
        store.move(last, "done")
        for card in sorted(store.snapshot().cards):
            if card != last:
                store.move(card, "doing")
    finally:
        store.close()
    reader = BoardStore.open(empty, user="ผู้ตรวจ", read_only=True)
    try:
        cards = reader.snapshot().cards
        assert len(cards) == 14 and cards[last].status == "done"
        assert {c.status for c in cards.values()} == {"doing", "done"}
    finally:
        reader.close()
