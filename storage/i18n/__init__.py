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

import _thread
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


def _area_names() -> list[str]:
    """Every public module in this package, by name.

    Listed from the folder (``area.py``), not by pkgutil: that imports ``inspect`` (~7 ms of
    every command's start-up) to find the same names."""
    names = {entry[:-3] for folder in __path__ for entry in os.listdir(folder) if entry.endswith(".py")}
    return sorted(name for name in names if not name.startswith("_") and name.isidentifier())


def _areas() -> Iterator[tuple[str, Mapping[str, object]]]:
    """(name, TEXTS) of every area module, by name."""
    for name in _area_names():
        yield name, _area_texts(name)


def _area_texts(name: str) -> Mapping[str, object]:
    return importlib.import_module(f"{__name__}.{name}").TEXTS


def _add(texts: dict[str, tuple[str, str]], owner: dict[str, str], area: str, table: Mapping[str, object]) -> None:
    for key, pair in table.items():
        if key in owner:
            raise CatalogError(f"text key {key!r} is defined in both {owner[key]!r} and {area!r}")
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(s, str) for s in pair)):
            raise CatalogError(f"text {key!r} in {area!r} is not a (Thai, English) pair")
        texts[key], owner[key] = pair, area  # type: ignore[assignment]


def merge(areas: Iterable[tuple[str, Mapping[str, object]]]) -> tuple[Mapping[str, tuple[str, str]], Mapping[str, str]]:
    """One table from the areas' tables: key → (Thai, English), and key → its area."""
    texts: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for area, table in areas:
        _add(texts, owner, area, table)
    return MappingProxyType(texts), MappingProxyType(owner)


_LIKELY_AREA = {"status": ("statuses",), "status_short": ("statuses",), "role": ("statuses",),
                "error": ("errors",), "key": ("keys", "edits", "layout"), "report": ("reports",),
                "sync": ("sync", "files", "board_format"), "cli": ("cli", "edits"),
                "import_review": ("dialogs",), "open_letter": ("dialogs",), "agency_name": ("dialogs",)}
"""Where a key of this prefix most likely lives, in order, when the area is not named like the
prefix (binding words ``key.*`` are also kept beside the screens they belong to: edits, layout).
A key of no known prefix (the board's own words: ``title``, ``overdue``) is looked for in ui.py
next; only then is every area loaded."""


def _likely_areas(key: str) -> tuple[str, ...]:
    head, _, rest = key.partition(".")
    if head == "cli" and rest.startswith("help."):
        return ("cli_help", "edits")
    return (*_LIKELY_AREA.get(head, (head,)), "ui")


class _Catalog(Mapping[str, tuple[str, str]]):
    """Key → (Thai, English), the area modules imported as their keys are first asked for.

    ``board list`` words a few dozen texts from 4 of the ~20 areas: importing and checking
    every area at start-up was most of the catalog's cost for every command. A key is looked
    for in the area its prefix names (``cli.item`` → cli.py, ``status.todo`` → statuses.py),
    and, when not there, in every area not loaded yet — so a key in an area of another name is
    still found, and an unknown key is known to be unknown only once everything is loaded.
    Iterating or counting loads everything. Each area is checked as it comes in (a key already
    defined by a loaded area, a text that is not a pair: CatalogError); tests/test_catalog.py
    loads them all, so a key in two areas still fails the suite."""

    def __init__(self, names: Iterable[str]) -> None:
        self._pending = list(names)
        self._texts: dict[str, tuple[str, str]] = {}
        self._owner: dict[str, str] = {}
        self._lock = _thread.allocate_lock()  # screens' workers word texts from their threads too

    def _load(self, names: Iterable[str]) -> None:
        with self._lock:
            for name in [n for n in names if n in self._pending]:
                _add(self._texts, self._owner, name, _area_texts(name))
                self._pending.remove(name)

    def load_all(self) -> None:
        self._load(list(self._pending))

    def __getitem__(self, key: str) -> tuple[str, str]:
        try:
            return self._texts[key]
        except KeyError:
            if not self._pending:
                raise
        for area in _likely_areas(key):
            self._load([area])
            if key in self._texts:
                return self._texts[key]
        self.load_all()
        return self._texts[key]

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except (KeyError, TypeError):
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return iter(self._texts)

    def __len__(self) -> int:
        self.load_all()
        return len(self._texts)

    def owners(self) -> Mapping[str, str]:
        self.load_all()
        return MappingProxyType(self._owner)


TEXTS: Mapping[str, tuple[str, str]] = _Catalog(_area_names())
"""Key → (Thai, English): every area's texts, each area imported when first needed."""


def __getattr__(name: str) -> object:
    if name == "AREAS":  # key → the area module that defines it (everything loaded)
        return TEXTS.owners()  # type: ignore[attr-defined]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
