"""User-facing errors: each carries a one-line message fit to print as is.

The CLI prints ``str(error)`` and exits 1; the TUI shows it in a notification.
Nothing that is the user's doing (a bad file, an unknown card) may surface as a traceback.
"""

from __future__ import annotations

from storage.controls import visible


class BoardError(Exception):
    """Base class: a problem the user can act on, with a one-line message.

    Messages name files and quote what was typed or read (a file name in a shared folder
    may hold ESC sequences), so the text is made visible here, once, for every printer.
    """

    def __str__(self) -> str:
        return visible(super().__str__())

    def text(self, lang: str = "th") -> str:
        """The message in ``lang`` where the error carries a reason code; else ``str()``."""
        return str(self)


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
    """A letter that cannot be imported at all (binary, empty, no table, unknown type, a limit).

    ``reason`` is a catalog key (storage/i18n/importer.py) and ``params`` its values, so the
    message can be said in the user's language (``text(lang)``); ``str()`` is the English
    line ``PATH: problem`` for logs and the API.
    """

    def __init__(self, message: str = "", *, path: str = "", reason: str = "", params: dict | None = None) -> None:
        self.path = path
        self.reason = reason
        self.params = dict(params or {})
        super().__init__(message or self.text("en"))

    def text(self, lang: str = "th") -> str:
        """``PATH: problem`` in ``lang`` (the English message when there is no reason code)."""
        if not self.reason:
            return str(self)
        from storage.i18n import say

        values = dict(self.params)
        if "what" in values:  # a limit: what it counts is itself worded
            values["what"] = say(lang, values["what"], **values)
        problem = say(lang, self.reason, **values)
        return visible(f"{self.path}: {problem}") if self.path else problem  # a letter's name: anybody's
