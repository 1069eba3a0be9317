"""The loggers of our packages, with ``logging`` imported at the first record (issue 11).

What is logged is what the code deliberately carries on past (a login name that could not be
read, a group a file could not be given, a watcher that stopped): rare. ``logging`` with what
it imports (traceback, threading, string) was ~2.5 ms of every cold ``board list``, so no
module of ours imports it at the top: each asks ``logger(__name__)`` when it has something to
say. The program says once where records go (``when_logging(setup)``: tui/logs.py's file
handler); the first ``logger()`` call runs that before it returns, so no record comes before
its handler (tests/test_logging.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import logging

_pending: list[Callable[[], object]] = []
"""Set-ups registered before the first record, run by the first ``logger()`` call."""


_used = False
"""A logger was handed out: set-ups registered from now on run at once."""


def when_logging(setup: Callable[[], object]) -> None:
    """Run ``setup`` before the first record of this process (at once if a logger was asked for)."""
    if _used:
        setup()
    elif setup not in _pending:
        _pending.append(setup)


def logger(name: str) -> logging.Logger:
    """``logging.getLogger(name)``, after the registered set-up has run."""
    global _used
    import logging

    _used = True
    while _pending:
        _pending.pop(0)()
    return logging.getLogger(name)
