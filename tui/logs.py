"""The board's log file: ``<state dir>/directive-board/logs/board.log``.

Every module logs to its own ``logging.getLogger(__name__)``; this file handler, set up once
by the CLI (tui.cli.main) and the app factory, takes the records of our three packages. What
is logged is what the code deliberately carries on past (a watcher that could not start, a
failing refresh, a login name that could not be read): the officer sees the board keep
working, whoever looks after it finds why here. The file is opened only when the first record
arrives, so an ordinary run — and a ``--read-only`` meeting — leaves no trace. A log over
1 MB is moved to ``board.log.1`` when a new run first writes. ``BOARD_LOG=debug`` logs more.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

PACKAGES = ("storage", "tui", "widgets")
LOG_NAME = "board.log"
KEEP_BYTES = 1_000_000


class _LazyFileHandler(logging.FileHandler):
    """Opens (making its folder, moving an oversized old log aside) at the first record."""

    def _open(self):  # noqa: ANN202 - logging's own signature
        path = Path(self.baseFilename)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if path.stat().st_size > KEEP_BYTES:
                os.replace(path, path.with_name(path.name + ".1"))
        except FileNotFoundError:
            pass
        return super()._open()


def log_path() -> Path:
    from tui.crash import log_dir

    return log_dir() / LOG_NAME


_handler: _LazyFileHandler | None = None


def setup_logging() -> Path:
    """Point our packages' loggers at the log file (again, if the state dir moved); its path."""
    global _handler
    path = log_path()
    if _handler is None or Path(_handler.baseFilename) != path:
        old, _handler = _handler, _LazyFileHandler(path, encoding="utf-8", delay=True)
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        for name in PACKAGES:
            if old is not None:
                logging.getLogger(name).removeHandler(old)
            logging.getLogger(name).addHandler(_handler)
        if old is not None:
            old.close()
    level = logging.DEBUG if os.environ.get("BOARD_LOG", "").lower() == "debug" else logging.INFO
    for name in PACKAGES:
        logging.getLogger(name).setLevel(level)
    return path
