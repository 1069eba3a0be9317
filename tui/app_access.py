"""Typed access to the board app from its screens: ``app = board_app()`` in a Screen class.

Textual's ``getters.app(BoardApp)`` is the pattern (``self.app`` typed as the app subclass, so
``self.app.move_by(...)`` is checked, not an untyped attribute of ``App``), but it needs the
class when the screen class is defined, and tui.app imports the screens. This getter looks the
class up on first use instead, and asserts the app is a BoardApp like getters.app does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters

if TYPE_CHECKING:
    from tui.app import BoardApp


class _BoardAppGetter(getters.app["BoardApp"]):
    def __init__(self) -> None:  # the class is looked up in _app_type, at first use
        pass

    @property
    def _app_type(self) -> type[BoardApp]:  # type: ignore[override]
        from tui.app import BoardApp

        return BoardApp


def board_app() -> getters.app[BoardApp]:
    """A class attribute that gives ``self.app`` as the running BoardApp, typed."""
    return _BoardAppGetter()
