"""Every text the officer reads, in Thai (the default) and English: one keyed catalog.

``say(lang, key, **params)`` is the only way text reaches a screen, a terminal or a report.
``lang`` is ``"th"`` (Thai words, Thai digits), ``"th-ascii"`` (Thai words, ASCII digits) or
``"en"``. Numbers passed as parameters are written in the language's digits, so callers pass
``n=3``, not a pre-formatted string; strings are inserted as they are.

The texts live in per-area modules beside this one (``storage/i18n/<area>.py``), each with
``TEXTS = {"key": ("ไทย {x}", "English {x}")}``. Every public module in this package is an
area and is merged here at import; a key defined by two areas is an error, so each area owns
its keys (new areas prefix them: ``"importer.no_table"``). Texts are ``str.format`` templates:
a literal brace is written ``{{``.

Pure Python: storage, widgets and the app all import it.
"""

from __future__ import annotations

import importlib
import os
import string
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from storage.controls import visible_lines
from storage.thai.digits import to_thai_digits

LANGS = ("th", "th-ascii", "en")
"""Interface languages: Thai, Thai with ASCII digits, English."""

THAI_ASCII_DIGITS = "th-ascii"
"""The Thai interface with ASCII digits (``30 ก.ย. 65``, ``ข้อ 6``): config ``[display] digits = "ascii"``."""


class CatalogError(ValueError):
    """The catalog itself is wrong (a key in two areas, a text that is not a pair)."""


def _areas() -> Iterator[tuple[str, Mapping[str, object]]]:
    """(name, TEXTS) of every public module in this package, by name.

    Listed from the folder (``area.py``), not by pkgutil: that imports ``inspect`` (~7 ms of
    every command's start-up) to find the same names."""
    names = {entry[:-3] for folder in __path__ for entry in os.listdir(folder) if entry.endswith(".py")}
    for name in sorted(name for name in names if not name.startswith("_") and name.isidentifier()):
        yield name, importlib.import_module(f"{__name__}.{name}").TEXTS


def merge(areas: Iterable[tuple[str, Mapping[str, object]]]) -> tuple[Mapping[str, tuple[str, str]], Mapping[str, str]]:
    """One table from the areas' tables: key → (Thai, English), and key → its area."""
    texts: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for area, table in areas:
        for key, pair in table.items():
            if key in owner:
                raise CatalogError(f"text key {key!r} is defined in both {owner[key]!r} and {area!r}")
            if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(s, str) for s in pair)):
                raise CatalogError(f"text {key!r} in {area!r} is not a (Thai, English) pair")
            texts[key], owner[key] = pair, area
    return MappingProxyType(texts), MappingProxyType(owner)


TEXTS, AREAS = merge(_areas())
"""Key → (Thai, English), and key → the area module that defines it."""


def is_thai(lang: str) -> bool:
    """Thai words (``th`` and ``th-ascii``); an unknown language falls back to Thai."""
    return not lang.startswith("en")


def thai_digits(lang: str) -> bool:
    """Numbers in Thai digits: only the plain Thai interface."""
    return lang == "th"


def digits(lang: str, value: object) -> str:
    """``value`` as text, its ASCII digits made Thai for ``th`` (kept for ``th-ascii``/``en``)."""
    text = str(value)
    return to_thai_digits(text) if thai_digits(lang) else text


class _Formatter(string.Formatter):
    """``str.format`` that writes numeric parameters in Thai digits."""

    def format_field(self, value: object, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return to_thai_digits(text)
        return text


_THAI_FORMAT = _Formatter()


def say(lang: str, key: str, **params: object) -> str:
    """The text ``key`` in ``lang`` with ``params`` filled in.

    An unknown key is a programming error (KeyError), never a blank on screen. Text
    parameters name files and quote what others wrote, so their control characters are
    made visible here (storage.controls), once for every message.
    """
    thai, english = TEXTS[key]
    text = thai if is_thai(lang) else english
    params = {k: visible_lines(v) if isinstance(v, str) else v for k, v in params.items()}
    if thai_digits(lang):
        return _THAI_FORMAT.vformat(text, (), params)
    return text.format_map(params)


def code_word(lang: str, kind: str, code: object) -> str:
    """The word for a stored code (``kind`` ``status``/``status_short``/``role``): the code
    itself when the catalog has none, as for a value a newer version wrote."""
    key = f"{kind}.{code}"
    return say(lang, key) if key in TEXTS else str(code)


def placeholders(text: str) -> frozenset[str]:
    """The parameter names a template uses (``{n}``, ``{pct:.0f}`` → ``n``, ``pct``)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)
