"""A date field: typed as the officer likes (``30/9/2568``, ``30 ก.ย. 68``, ``2025-09-30``)
and read back in B.E. under the field while typing, so a wrong guess is seen before saving."""

from __future__ import annotations

from datetime import date

from storage.editing.words import say
from storage.thai.dates import DateInputError, format_thai_date, parse_typed_date
from widgets.thai_input import ThaiInput


class DateInput(ThaiInput):
    """A one-line field for a typed date (the form reads it back with ``readback``)."""


def readback(text: str, today: date, lang: str, not_before: date | None = None) -> str:
    """``= ๓๐ กันยายน ๒๕๖๘`` for a date; "" while the text is not (yet) one."""
    if not text.strip():
        return ""
    try:
        day = parse_typed_date(text, today, not_before=not_before)
    except DateInputError:
        return ""
    shown = format_thai_date(day, style="long", digits="thai" if lang == "th" else "ascii")
    return say(lang, "edits.date_readback", date=shown)
