"""The list of deletes that can be brought back: one per delete, newest first, named by the
largest thing it took, with what went along."""

from __future__ import annotations

from storage.sync.deleted import deletions, what
from tests.conftest import LETTER, card_of


def test_one_entry_per_delete_newest_first(store) -> None:
    store.retire("card", card_of(2, 2))
    six = next(i for i in store.snapshot().items.values() if i.seq == 6)
    store.retire("item", six.id)
    letter = next(iter(store.snapshot().directives))
    store.retire("letter", letter)
    state, snap = store.state, store.snapshot()
    found = deletions(state)
    assert [d.key.partition("/")[0] for d in found] == ["directive", "item", "card"]
    assert (found[1].items, found[1].cards) == (1, 3) and (found[2].items, found[2].cards) == (0, 1)
    assert found[0].cards + found[1].cards + found[2].cards == 14
    assert what(state, snap, found[0], "en").startswith(LETTER)
    assert what(state, snap, found[1], "en").startswith(f"item 6 · {LETTER}")
    assert what(state, snap, found[2], "th").endswith(f"ข้อ ๒ · รย ๐๐๑๗.๒/ว ๓๓๖๒ · ๑๗ ก.ค. ๖๕")
    store.restore(found[1].key.partition("/")[2])
    assert [d.key for d in deletions(store.state)] == [found[0].key, found[2].key]


def test_a_card_joined_by_a_merge_counts_once(store) -> None:
    from storage.editing.values import AgencyChoice

    one = next(i for i in store.snapshot().items.values() if i.seq == 1)
    first = store.assign(one.id, AgencyChoice("สำนักงานเกษตรจังหวัดระยอง"))
    second = store.assign(one.id, AgencyChoice("สนง.เกษตรและสหกรณ์จังหวัดระยอง"))
    store.merge_agencies(second.agency_id, first.agency_id)  # the same office: one card on item 1
    shown = len([c for c in store.snapshot().cards.values() if c.item_id == one.id])
    store.retire("item", one.id)
    (latest, *_) = deletions(store.state)
    assert (latest.items, latest.cards) == (1, shown)
