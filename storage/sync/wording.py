"""What a bad file says: one table, so every kind of problem reads the same way.

A BadFile keeps its ``problem`` text plus a ``reason`` and ``details``. Every text is one line.
"""

from __future__ import annotations

from typing import Any

from storage.errors import BadFile

_REASONS: dict[str, str] = {
    "empty": "empty file (still being written, or truncated)",
    "binary": "binary data, not a board file",
    "not_utf8": "not UTF-8 text, not a board file",
    "truncated": "ends early (truncated, or still being written)",
    "bad_json": "not valid JSON at line {line}, column {column}",
    "not_board": "{detail}",
    "damaged": "damaged board data ({detail})",
    "folder": "is a folder, not a board file",
    "permission": "permission denied",
    "missing": "no such file",
    "waiting": "waiting for {base} from {who} to arrive; their {changes} changes show once it does",
}

_THEN: dict[str, str] = {
    "": "",
    "skipped": " - skipped",
    "moved": " - moved to {where}",
    "left": " - left as it is",
}


def problem_text(reason: str, details: dict[str, Any]) -> str:
    """The problem (no path); ``details["then"]`` says what was done about it."""
    values = dict(details)
    if reason == "waiting" and not values.get("who"):
        values["who"] = "another replica"
    return (_REASONS[reason] + _THEN[values.get("then", "")]).format(**values)


def bad_file(path: object, reason: str, then: str = "", **details: Any) -> BadFile:
    """A BadFile whose problem text comes from the table."""
    details = {**details, "then": then}
    return BadFile(str(path), problem_text(reason, details), reason=reason, details=details)


def restated(error: BadFile, then: str, **details: Any) -> BadFile:
    """The same problem with a different ending (skipped at open, moved aside, ...)."""
    if not error.reason:
        return BadFile(error.path, error.problem.split(" - ")[0])
    kept = {k: v for k, v in error.details.items() if k != "then"}
    return bad_file(error.path, error.reason, then, **{**kept, **details})
