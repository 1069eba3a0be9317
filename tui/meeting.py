"""The meeting screens as the app opens and feeds them (review, activity log).

Kept out of app.py: the app only asks to open them and, on every redraw, hands each open
one the current board (``board_changed``), so another officer's move shows while the page
being discussed is open.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # typed access to the app (tui/app_access.py); tui.app imports this module
    from tui.app import BoardApp


def open_review(app: BoardApp, *, agency_id: str | None = None, since: date | None = None,
                quit_on_close: bool = False) -> None:
    from tui.screens.review import ReviewScreen

    app.push_screen(ReviewScreen.for_lang(app.lang, app.today, agency=agency_id, since=since,
                                          quit_on_close=quit_on_close))


def open_log(app: BoardApp, *, agency_id: str | None = None, card_id: str | None = None) -> None:
    from tui.screens.activity_log import ActivityLogScreen

    app.push_screen(ActivityLogScreen.for_lang(app.lang, agency_id=agency_id, card_id=card_id))


def follow(app: BoardApp) -> None:
    """Hand the current board to every open screen that shows it (review, log)."""
    for screen in app.screen_stack[1:]:
        changed = getattr(screen, "board_changed", None)
        if changed is not None and screen.is_mounted:
            if hasattr(screen, "today"):  # a meeting past midnight: the review's day follows
                screen.today = app.today
            changed(app.snapshot)


def tell(app: BoardApp, message: str) -> None:
    """Say who changed what (``สมชาย ย้ายข้อ ๖ → ติดปัญหา``) on every open screen that has the
    board's status line (the review page): the same line the board shows under its columns."""
    for screen in app.screen_stack[1:]:
        live = getattr(screen, "show_live", None)
        if live is not None and screen.is_mounted:
            live(message)
