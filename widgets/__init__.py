"""Board widgets: they get plain model values and post messages up; never the store.

Imported lazily (``from widgets import BoardGrid`` works) so that the pure helpers in
this package (``widgets.kedmanee``, ``widgets.board_index``) do not pull in Textual.
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "AgencyPane": "widgets.agency_list",
    "AgencyRow": "widgets.agency_list",
    "BoardGrid": "widgets.board_grid",
    "BoardIndex": "widgets.board_index",
    "BoardFilter": "widgets.board_index",
    "Lane": "widgets.board_index",
    "CardLook": "widgets.card_lines",
    "StatusLine": "widgets.status_line",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'widgets' has no attribute {name!r}")
