"""Keys of the hand edits (issue 7), on the board and in the card detail.

Each has a remappable id, a tooltip and its Kedmanee twin. They avoid every key the board
already uses (+ adds an agency: A and a are the agency list's); keys that change the board
without a dialog (R) or take things away (D, Delete) are capitals or special keys, whose Thai
twins (ฑ ฏ) ordinary typing hardly sends,
and taking away always asks for a deliberate ``y`` first.
"""

from __future__ import annotations

from textual.binding import Binding

from storage.editing.words import say
from widgets.kedmanee import thai_keys

BOARD_KEYS = (
    # (keys, flow name, id, key-panel text, tooltip)
    ("N", "new_letter", "board.new_letter", "edits.key_new_letter", "edits.key_new_letter_tip"),
    ("I", "new_item", "card.new_item", "edits.key_new_item", "edits.key_new_item_tip"),
    ("e", "edit_item", "card.edit_item", "edits.key_edit_item", "edits.key_edit_item_tip"),
    ("plus", "assign", "card.assign", "edits.key_assign", "edits.key_assign_tip"),
    ("R", "toggle_role", "card.role", "edits.key_role", "edits.key_role_tip"),
    ("D,delete", "retire", "card.retire", "edits.key_retire", "edits.key_retire_tip"),
    ("E", "agencies", "board.agencies_edit", "edits.key_agencies", "edits.key_agencies_tip"),
)

HAND_ACTION = "hand"
"""The board's action for every flow: ``hand('new_letter')`` (refused on a read-only board)."""


def edit_bindings(lang: str) -> list[Binding]:
    return [Binding(thai_keys(keys), f"{HAND_ACTION}('{flow}')", say(lang, label), show=False, id=bid,
                    tooltip=say(lang, tip)) for keys, flow, bid, label, tip in BOARD_KEYS]


def retract_binding(lang: str) -> Binding:
    return Binding(thai_keys("x"), "retract", say(lang, "edits.key_retract"), id="detail.retract",
                   tooltip=say(lang, "edits.key_retract_tip"))
