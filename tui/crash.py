"""When something goes wrong that nobody foresaw: one line for the officer, the whole story
in a log file.

The board may be on a projector in a meeting, so the screen never gets a traceback (Textual's
own shows every local variable — the board's cards and notes). The traceback goes to a file
under the user's state directory, and the one line names it, so it can be sent to whoever
looks after the board. Nothing is written to the board itself: every change was saved as it
was made, and a crash adds none.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from storage.controls import visible
from storage.i18n import say

if TYPE_CHECKING:  # typed access to the app (tui/app_access.py); tui.app imports this module
    from tui.app import BoardApp

CRASH_EXIT = 70
"""Exit status after an unexpected error (sysexits' EX_SOFTWARE): not 0 (nothing went
well), not 1 (the user did nothing wrong), not 2 (usage)."""


def log_dir() -> Path:
    """``<state dir>/directive-board/logs`` (the replica ids and locks live beside it)."""
    from storage.sync.replica import state_root

    return state_root() / "logs"


def write_log(error: BaseException, argv: list[str] | None = None) -> Path | None:
    """Write ``error``'s full traceback to a new file; its path, or None if nothing could be
    written anywhere (then the one line says so and nothing else is tried)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    text = "".join([
        f"directive-board crash {datetime.now().isoformat(timespec='seconds')}\n",
        f"argv: {argv if argv is not None else sys.argv}\n",
        f"python: {sys.version.split()[0]}\n\n",
        *traceback.format_exception(type(error), error, error.__traceback__),
    ])
    import tempfile  # only after a crash: every run imports this module for log_dir()

    for folder in (log_dir(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"crash-{stamp}-{os.getpid()}.log"
            with open(path, "x", encoding="utf-8") as out:
                out.write(text)
            return path
        except OSError:  # a read-only home: the temp dir; neither: no file
            continue
    return None


def crash_line(error: BaseException, path: Path | None, lang: str) -> str:
    """``board: เกิดข้อผิดพลาดภายใน (KeyError) …; รายละเอียดอยู่ที่ PATH`` — one line."""
    kind = type(error).__name__
    if path is None:
        return "board: " + say(lang, "safety.crashed_no_log", kind=kind)
    return "board: " + say(lang, "safety.crashed", kind=kind, path=visible(str(path)))


def report(error: BaseException, lang: str, argv: list[str] | None = None) -> str:
    """Log ``error`` and return the line to show."""
    return crash_line(error, write_log(error, argv), lang)


def close_after_crash(app: BoardApp, error: Exception) -> None:
    """What Textual's ``App._handle_exception`` does, but with one line instead of a rendered
    traceback: the status, ``_exception`` (Pilot re-raises it at the end of a test), the log,
    and ``_close_messages_no_wait`` to shut down. ``run_tui`` prints ``app.crash_message`` once
    the terminal is restored. Private Textual API: textual is pinned (pyproject) and
    tests/tui/test_crash_handler.py drives this through a real pty."""
    app._return_code = CRASH_EXIT
    if app._exception is None:
        app._exception = error
        app._exception_event.set()
    if not app.crash_message:  # the first error is the cause; later ones are its echoes
        app.crash_message = report(error, app.lang)
    app._close_messages_no_wait()
