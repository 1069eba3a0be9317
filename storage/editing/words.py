"""Wording of the editing texts (``storage/i18n/edits.py``) in the interface language:
the catalog's ``say``, plus a ``MonthYear`` parameter worded per language (B.E. in Thai,
C.E. in English) for the errors of typed dates.
"""

from __future__ import annotations

from typing import NamedTuple

from storage import i18n
from storage.thai.dates import BE_OFFSET, MONTHS_EN, MONTHS_LONG, DateInputError
from storage.thai.digits import to_thai_digits


class MonthYear(NamedTuple):
    month: int
    year: int
    """C.E."""


def say(lang: str, key: str, **params: object) -> str:
    """``storage.i18n.say`` with any ``MonthYear`` parameter worded first."""
    params = {k: month_year(lang, *v) if isinstance(v, MonthYear) else v for k, v in params.items()}
    return i18n.say(lang, key, **params)


def month_year(lang: str, month: int, year: int) -> str:
    """``กุมภาพันธ์ ๒๕๖๘`` (B.E.) in Thai, ``February 2025`` in English."""
    if lang.startswith("en"):
        return f"{MONTHS_EN[month - 1].capitalize()} {year}"
    text = f"{MONTHS_LONG[month - 1]} {year + BE_OFFSET}"
    return to_thai_digits(text) if lang == "th" else text


def date_params(error: DateInputError) -> dict[str, object]:
    """The parameters of a date error, its month and year as one ``when``."""
    params = dict(error.params)
    if "days" in params:
        params["when"] = MonthYear(int(params.pop("month")), int(params.pop("year")))  # type: ignore[arg-type]
    return params


def date_error(lang: str, error: DateInputError) -> str:
    """The one-line message of a typed date that is not a date."""
    return say(lang, error.key, **date_params(error))
