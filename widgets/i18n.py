"""The catalog (storage.i18n) as the widgets and screens use it, plus Textual-side helpers.

Texts themselves live in ``storage/i18n/``; this module only adds what needs Textual's
classes (``localized``) and short names for the labels every screen shows.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from storage.i18n import THAI_ASCII_DIGITS, code_word, digits, is_thai, say

__all__ = ["THAI_ASCII_DIGITS", "digits", "help_text", "is_thai", "keyed", "localized", "role_label",
           "say", "short_status_label", "status_label", "t"]

t = say
"""The catalog's ``say`` under its older name (``t(lang, key, **params)``)."""


def help_text(lang: str, key: str) -> str:
    """Help-panel markdown ``help.<key>`` in ``lang``."""
    return say(lang, f"help.{key}")


def status_label(lang: str, status: str) -> str:
    return code_word(lang, "status", status)


def short_status_label(lang: str, status: str) -> str:
    """Column titles for narrow columns (80×24)."""
    return code_word(lang, "status_short", status)


def role_label(lang: str, role: str) -> str:
    return code_word(lang, "role", role)


def keyed(lang: str, keys: str, action: str, binding_id: str, *, description: str | None = None,
          **options: object) -> Binding:
    """A Binding whose key-panel words are the catalog's ``key.<id>`` (unless ``description``
    is given) and whose tooltip is ``key.<id>.tip``: words found from the binding id alone."""
    words = say(lang, f"key.{binding_id}") if description is None else description
    return Binding(keys, action, words, id=binding_id, tooltip=say(lang, f"key.{binding_id}.tip"),
                   **options)  # type: ignore[arg-type]


_LOCALIZED: dict[tuple[type, str], type] = {}


def localized(cls: type, lang: str, make: Callable[[], dict[str, object]] | None = None, **attrs: object) -> type:
    """``cls`` itself for Thai (classes carry their Thai words), else a cached subclass
    with ``attrs`` (BINDINGS, HELP) for ``lang``, and those ``make()`` returns: words looked up
    only for a language that needs them (the first paint's screen and widgets are Thai).

    Textual reads binding descriptions from the class, so each language gets its own
    subclass; type selectors in CSS and ``query(cls)`` still match it.
    """
    if is_thai(lang):
        return cls
    key = (cls, lang)
    if key not in _LOCALIZED:
        name = f"{cls.__name__}_{lang.replace('-', '_')}"
        _LOCALIZED[key] = type(name, (cls,), {"__module__": cls.__module__, **(make() if make else {}), **attrs})
    return _LOCALIZED[key]
