"""Text from files and letters, made safe to show: control characters never reach a terminal raw.

Board files and letters come from other people's machines, so a text may carry
``ESC ] 52`` (write the clipboard), ``ESC ] 0`` (set the window title) or ``ESC [ 2J`` (wipe
the screen). Textual and Rich pass ESC through as is (Rich drops only BEL, BS, VT, FF and CR),
and so does ``print``. So every text is cleaned once, where it enters the program's values —
the snapshot builders (``storage.sync.view``), the importer's draft and message parameters —
not in each printer.

A control character (Unicode category Cc: C0, DEL, C1) is replaced by one visible character,
so a reader can see that something odd was there and lengths and offsets stay the same:
C0 by its Control Picture (ESC → ␛, NUL → ␀), DEL by ␡, C1 (whose 8-bit CSI and OSC
terminals also obey) by U+FFFD. Tab and newline are kept where a text may have lines (item
texts, notes); in one-line values (names, numbers, file names) they become a space.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

_PICTURES = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421} | {c: 0xFFFD for c in range(0x80, 0xA0)}
_ONE_LINE = str.maketrans(_PICTURES | {0x09: " ", 0x0A: " ", 0x0D: " "})
_LINES = str.maketrans(_PICTURES | {0x09: "\t", 0x0A: "\n"})


def visible(text: str) -> str:
    """A one-line value with every control character made visible (tab, CR, LF → space)."""
    if not _CONTROL.search(text):  # nearly always: one C-level scan, no copy
        return text
    return text.translate(_ONE_LINE)


def visible_lines(text: str) -> str:
    """A text that may have lines: tab and LF kept, CRLF and lone CR made LF, the rest visible."""
    if not _CONTROL.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_LINES)


def visible_value(value: object) -> object:
    """``value`` with its text made visible: strings, and the strings inside lists and tuples
    (a history event's old and new values may be either); anything else as it is."""
    if isinstance(value, str):
        return visible_lines(value)
    if isinstance(value, (list, tuple)):
        return type(value)(visible_value(v) for v in value)
    return value
