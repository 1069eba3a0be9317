"""User-facing errors: each carries a one-line message fit to print as is.

The CLI prints ``str(error)`` and exits 1; the TUI shows it in a notification.
Nothing that is the user's doing (a bad file, an unknown card) may surface as a traceback.
"""

from __future__ import annotations


class BoardError(Exception):
    """Base class: a problem the user can act on, with a one-line message."""


class UnknownCard(BoardError):
    pass


class AmbiguousCard(BoardError):
    pass


class BadStatus(BoardError):
    pass


class BadFile(BoardError):
    """A board or replica file that cannot be read. Never overwritten.

    ``problem`` is English; ``reason`` and ``details`` let storage.sync.wording say it in
    Thai (see ``file_problem``).
    """

    def __init__(self, path: str, problem: str, *, reason: str = "", details: dict | None = None) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.reason = reason
        self.details = dict(details or {})


class ImportFailed(BoardError):
    """A letter that cannot be imported at all (binary, empty, no table, unknown type)."""
