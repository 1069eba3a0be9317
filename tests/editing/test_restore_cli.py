"""A letter deleted by mistake (or an item, or an agency taken off an item) is brought back
from the command line days later, when the board's undo is long gone: with everything that
was deleted along with it, and nothing that had been deleted before."""

from __future__ import annotations

from tests.conftest import LETTER, card_of
from tests.editing.test_edit_cli import files, run


def test_a_deleted_letter_comes_back_with_its_items_and_cards(board, capsys, saved) -> None:
    before = saved()
    taken = card_of(2, 2)
    assert taken in before.cards
    assert run(capsys, board, "unassign", taken[:8])[0] == 0  # taken off first, on its own
    assert run(capsys, board, "delete", LETTER, "--yes")[0] == 0
    assert not saved().cards and not saved().directives
    code, out, err = run(capsys, board, "--lang", "en", "restore", "รย ๐๐๑๗.๒/ว ๓๓๖๒")
    assert code == 0, err
    items, cards = len(before.items), len(before.cards) - 1
    assert out.strip() == f"restored รย 0017.2/ว 3362 · 17 ก.ค. 65: {items} item(s), {cards} card(s)"
    now = saved()
    assert set(now.items) == set(before.items) and set(now.cards) == set(before.cards) - {taken}
    code, out, _ = run(capsys, board, "restore", taken[:8])  # the card taken off before
    assert code == 0 and taken in saved().cards
    history = [(e.field, e.old, e.new) for e in saved().history_of(taken)]
    assert history[-2:] == [("deleted", False, True), ("deleted", True, False)]


def test_an_item_by_its_id_and_nothing_to_restore_is_one_line(board, capsys, saved) -> None:
    six = next(i for i in saved().items.values() if i.seq == 6)
    assert run(capsys, board, "delete", f"{LETTER}:6", "--yes")[0] == 0
    code, out, _ = run(capsys, board, "restore", six.id[:8], "--json")
    assert code == 0 and '"restored": "item"' in out and six.id in saved().items
    unchanged = files(board)
    for wrong in (six.id[:8], "ศธ 1234", "zz"):
        code, out, err = run(capsys, board, "restore", wrong)
        assert code == 1 and out == "" and err.count("\n") == 1 and err.startswith("board: "), err
    assert files(board) == unchanged
