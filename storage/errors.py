"""User-facing errors: a catalog key and its parameters, never a sentence.

Storage raises ``BoardError(key, **params)``; the CLI and the TUI say it in the user's
language with ``error.text(lang)`` (storage/i18n), and ``str(error)`` is the English line for
logs and the API. Nothing that is the user's doing (a bad file, an unknown card) may surface
as a traceback.
"""

from __future__ import annotations

import errno
from typing import Any

from storage.controls import visible
from storage.i18n import TEXTS, say


class BoardError(Exception):
    """A problem the user can act on: ``key`` (storage/i18n) and ``params``, one line.

    Messages name files and quote what was typed or read (a file name in a shared folder
    may hold ESC sequences), so the text is made visible here, once, for every printer.
    A ``key`` that is not in the catalog is taken as the message itself: code written before
    the catalog, to be moved into it.
    """

    def __init__(self, key: str = "", /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str = "th") -> str:
        """The message in ``lang`` (``th``, ``th-ascii`` or ``en``)."""
        return visible(say(lang, self.key, **self.params) if self.key in TEXTS else self.key)

    def __str__(self) -> str:
        return self.text("en")


_DISK_KEYS = {errno.ENOSPC: "files.disk_full", errno.EDQUOT: "files.disk_full", errno.EROFS: "files.read_only_disk"}
"""Write failures an officer can act on (make room; ask for a writable share), said in their language."""


def user_message(error: BaseException, lang: str = "th") -> str:
    """One line for the user about ``error``: a BoardError in ``lang``; an OSError (permissions,
    a vanished folder, a full disk) as ``file: reason``, in the system's words."""
    if isinstance(error, BoardError):
        return error.text(lang)
    if isinstance(error, OSError):
        name = f"{error.filename}: " if error.filename else ""  # a file name from a shared folder
        key = _DISK_KEYS.get(error.errno or 0)
        if key:  # the officer's own words for what they can act on, the system's in brackets
            return visible(say(lang, key, where=name, reason=error.strerror or str(error)))
        return visible(f"{name}{error.strerror or error}")
    return visible(str(error))


class UnknownCard(BoardError):
    pass


class AmbiguousCard(BoardError):
    pass


class BadStatus(BoardError):
    pass


class BadFile(BoardError):
    """A board or replica file that cannot be read. Never overwritten.

    ``reason`` names the problem (``sync.file.<reason>``), ``then`` what was done about it
    (``sync.then.<then>``: skipped, moved aside, left); ``details`` fill both.
    """

    def __init__(self, path: str, reason: str, /, then: str = "", **details: Any) -> None:
        super().__init__(f"sync.file.{reason}", **details)
        self.path = str(path)
        self.reason = reason
        self.then = then
        self.details = details

    def problem_text(self, lang: str = "en") -> str:
        """The problem without the path, in ``lang``."""
        values = dict(self.details)
        if self.reason == "waiting" and not values.get("who"):
            values["who"] = say(lang, "sync.nobody")
        then = say(lang, f"sync.then.{self.then}", **values) if self.then else ""
        return say(lang, self.key, **values) + then

    @property
    def problem(self) -> str:
        """The problem in English (logs, the API)."""
        return self.problem_text("en")

    def text(self, lang: str = "th") -> str:
        """``path: problem`` in ``lang``."""
        return visible(f"{self.path}: {self.problem_text(lang)}")

    def restated(self, then: str, **details: Any) -> BadFile:
        """The same problem with a different ending (skipped at open, moved aside, ...)."""
        return BadFile(self.path, self.reason, then, **{**self.details, **details})


class ImportFailed(BoardError):
    """A letter that cannot be imported at all (binary, empty, no table, unknown type, a limit).

    ``reason`` is a catalog key (storage/i18n/importer.py) and ``params`` its values, so the
    message can be said in the user's language (``text(lang)``); ``str()`` is the English
    line ``PATH: problem`` for logs and the API.
    """

    def __init__(self, message: str = "", *, path: str = "", reason: str = "", params: dict | None = None) -> None:
        super().__init__(reason or message, **dict(params or {}))
        self.path = path
        self.reason = reason

    def text(self, lang: str = "th") -> str:
        """``PATH: problem`` in ``lang`` (the message itself when there is no reason code)."""
        if not self.reason:
            return super().text(lang)
        values = dict(self.params)
        if "what" in values:  # a limit: what it counts is itself worded
            values["what"] = say(lang, values["what"], **values)
        problem = say(lang, self.reason, **values)
        return visible(f"{self.path}: {problem}") if self.path else problem  # a letter's name: anybody's
