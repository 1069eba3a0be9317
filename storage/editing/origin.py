"""Where an item came from, in one line: the letter's number, or — for a meeting or a
governor's verbal order, which have no number — what it was and when
(``ประชุมหัวหน้าส่วนราชการ ๒๘ ส.ค. ๖๗``)."""

from __future__ import annotations

from datetime import date

from storage.models import Directive
from storage.thai.dates import format_thai_date
from storage.thai.digits import to_thai_digits


def _when(iso: str | None, lang: str) -> str:
    try:
        return format_thai_date(date.fromisoformat(iso or ""), digits="thai" if lang == "th" else "ascii")
    except ValueError:
        return ""


def origin(directive: Directive | None, lang: str) -> str:
    """``รย ๐๐๑๗.๒/ว ๓๓๖๒ · ๑๗ ก.ค. ๖๕`` for a letter, ``ประชุม… ๒๘ ส.ค. ๖๗`` for a meeting."""
    if directive is None:
        return ""
    when = _when(directive.date, lang)
    if directive.number:
        number = to_thai_digits(directive.number) if lang == "th" else directive.number
        return f"{number} · {when}" if when else number
    return " ".join(part for part in (directive.subject, when) if part)


def origin_tag(directive: Directive | None) -> str:
    """The short tag a card shows when the board has several letters: the tail of the letter's
    number (``3362``), for a meeting its sitting (``11/69`` for ``ครั้งที่ 11/2569``), else the
    first word of what it was (``ประชุม``)."""
    from storage.select import letter_tag, sitting_tag

    if directive is None:
        return ""
    if directive.number:
        return letter_tag(directive.number)
    sitting = sitting_tag(directive.subject)
    if sitting:  # "ประชุมกรมการจังหวัด ครั้งที่ 11/2569": which meeting, where every title starts alike
        return sitting
    from storage.thai.segment import segment  # only for a meeting: a numbered letter's card needs none

    words = [w for w in segment(directive.subject) if w.strip()]
    return words[0][:12] if words else ""

