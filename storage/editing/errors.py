"""Errors of hand edits: a catalog key and its parameters (as every ``BoardError``), plus the
form field the message belongs beside (``""``: the form as a whole)."""

from __future__ import annotations

from storage.controls import visible
from storage.errors import BoardError


class EditError(BoardError):
    """Bad input to a hand edit: nothing was saved."""

    def __init__(self, key: str, field: str = "", **params: object) -> None:
        super().__init__(key, **params)
        self.field = field

    def text(self, lang: str = "th") -> str:
        from storage.editing.words import say  # MonthYear parameters worded per language

        return visible(say(lang, self.key, **self.params))

    def say(self, lang: str) -> str:
        """The message in the interface language."""
        return self.text(lang)


class FormErrors(BoardError):
    """Several fields wrong at once: each keeps its own message beside it."""

    def __init__(self, errors: list[EditError]) -> None:
        super().__init__(errors[0].key if errors else "", **(errors[0].params if errors else {}))
        self.errors = tuple(errors)

    def text(self, lang: str = "th") -> str:
        return "; ".join(e.text(lang) for e in self.errors)

    def by_field(self, lang: str) -> dict[str, str]:
        """field → its message (the first, when one field has several)."""
        out: dict[str, str] = {}
        for error in self.errors:
            out.setdefault(error.field, error.say(lang))
        return out
