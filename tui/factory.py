"""One way to build the board app: the CLI (``board``, ``board review``), the browser
(``board serve`` runs ``board`` per browser session) and tests all go through here, so a
board opened anywhere is configured alike (keymap, digits, read-only store, start screen).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from storage.i18n import THAI_ASCII_DIGITS


def interface_lang(lang: str) -> str:
    """``th`` becomes ``th-ascii`` when the officer's config asks for ASCII digits."""
    from tui.keymap import load_digits

    return THAI_ASCII_DIGITS if lang == "th" and load_digits() == "ascii" else lang


def make_app(board_path: Path, *, lang: str = "th", read_only: bool = False, today: date | None = None,
             start: str | None = None, start_agency: str | None = None, since: date | None = None,
             keymap: dict[str, str] | None = None, **options):
    """The app on an opened store (``app.store``; the caller closes it after ``run``).

    A read-only store writes nothing anywhere (no replica file, no state dir) and still
    follows others' changes: a meeting may open a board on a share it cannot write.
    ``start="review"`` opens on the review screen, which then ends the program when closed;
    ``start_agency`` (a name, short name, alias or id prefix) must name one agency (BoardError).
    """
    from storage.select import one_agency
    from storage.sync.store import BoardStore
    from tui.app import BoardApp
    from tui.keymap import load_keymap
    from tui.logs import setup_logging

    setup_logging()
    store = BoardStore.open(board_path, read_only=read_only)
    try:
        if start_agency:  # typed on the command line: a one-line error before the screen opens
            start_agency = one_agency(store.snapshot(), start_agency).id
        return BoardApp(store, lang=interface_lang(lang), read_only=read_only, today=today,
                        keymap=load_keymap() if keymap is None else keymap, start=start,
                        start_agency=start_agency, since=since, **options)
    except BaseException:
        store.close()
        raise


def run_app(args: argparse.Namespace, **overrides) -> int:
    """Build the app from command-line arguments, run it, close the store."""
    options = {"lang": getattr(args, "lang", "th"), "read_only": getattr(args, "read_only", False),
               "today": getattr(args, "today", None), **overrides}
    app = make_app(args.board_path, **options)
    try:
        app.run()
    finally:
        app.store.close()
    if app.crash_message:  # printed once the terminal is back (tui/crash.py)
        print(app.crash_message, file=sys.stderr)
    return app.return_code or 0
