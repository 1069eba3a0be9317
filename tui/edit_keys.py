"""Keys of the hand edits (issue 7), on the board and in the card detail.

Each has a remappable id, a tooltip and its Kedmanee twin. They avoid every key the board
already uses (+ adds an agency: A and a are the agency list's); keys that change the board
without a dialog (R) or take things away (D, Delete) are capitals or special keys, whose Thai
twins (ฑ ฏ) ordinary typing hardly sends,
and taking away always asks for a deliberate ``y`` first.
"""

from __future__ import annotations

from textual.binding import Binding

from widgets.i18n import keyed
from widgets.kedmanee import thai_keys

BOARD_KEYS = (
    # (keys, flow name, binding id); words: key.<id> and key.<id>.tip in storage/i18n/edits.py
    ("N", "new_letter", "board.new_letter"),
    ("I", "new_item", "card.new_item"),
    ("e", "edit_item", "card.edit_item"),
    ("plus", "assign", "card.assign"),
    ("R", "toggle_role", "card.role"),
    ("D,delete", "retire", "card.retire"),
    ("E", "agencies", "board.agencies_edit"),
    ("U", "restore", "board.restore"),
)

HAND_ACTION = "hand"
"""The board's action for every flow: ``hand('new_letter')`` (refused on a read-only board)."""


def edit_bindings(lang: str) -> list[Binding]:
    return [keyed(lang, thai_keys(keys), f"{HAND_ACTION}('{flow}')", bid, show=False) for keys, flow, bid in BOARD_KEYS]


def retract_binding(lang: str) -> Binding:
    return keyed(lang, thai_keys("x"), "retract", "detail.retract")
