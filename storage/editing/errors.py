"""Errors of hand edits: a catalog key and its parameters, worded by the interface.

``field`` says which form field the error belongs beside (``""``: the form as a whole).
``str()`` is the English text, for logs and code that does not know the language.
"""

from __future__ import annotations

from storage.errors import BoardError


class EditError(BoardError):
    """Bad input to a hand edit: nothing was saved."""

    def __init__(self, key: str, field: str = "", **params: object) -> None:
        from storage.editing.words import say

        super().__init__(say("en", key, **params))
        self.key = key
        self.field = field
        self.params = params

    def say(self, lang: str) -> str:
        """The message in the interface language."""
        from storage.editing.words import say

        return say(lang, self.key, **self.params)


class FormErrors(BoardError):
    """Several fields wrong at once: each keeps its own message beside it."""

    def __init__(self, errors: list[EditError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = tuple(errors)

    def by_field(self, lang: str) -> dict[str, str]:
        """field → its message (the first, when one field has several)."""
        out: dict[str, str] = {}
        for error in self.errors:
            out.setdefault(error.field, error.say(lang))
        return out
