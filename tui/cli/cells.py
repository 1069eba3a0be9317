"""Terminal cells for the command line: Rich's ``cell_len``, answered without Rich when it can.

``board list`` measures every piece of every line (about ten per card) and is started cold
for each command, so both the measuring and the import count. Plain text (ASCII, Latin-1,
Thai, punctuation: :data:`storage.thai.width.PLAIN`) is measured by two C calls and gives
what Rich gives in every Unicode version it knows (tests/tui/test_cli_cells.py); anything
else — an emoji sequence, a wide character — is measured by Rich itself, imported then.
"""

from __future__ import annotations

import os
import sys

from storage.thai.width import plain_width


def cell_len(text: str) -> int:
    """Cells ``text`` takes as the terminal draws it (what ``rich.cells.cell_len`` says)."""
    width = plain_width(text)
    if width is not None:
        return width
    from rich.cells import cell_len as rich_cell_len  # ~2 ms of import: only for such text

    return rich_cell_len(text)


def terminal_columns(fallback: int = 80) -> int:
    """The width to print for: ``shutil.get_terminal_size((fallback, 24)).columns``, by the same
    rule ($COLUMNS when a positive number, else the terminal on stdout, else ``fallback`` —
    piped, as to ``less`` or ``grep``), without importing shutil (and its compression modules)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or fallback
    except (AttributeError, ValueError, OSError):
        return fallback
