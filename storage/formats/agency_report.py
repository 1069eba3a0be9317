"""The report an agency sends back: the Thai official reply, as a Word document.

Shaped the way provinces ask for it (ระเบียบงานสารบรรณ): reference number and date lines to
fill in, เรื่อง / เรียน / อ้างถึง naming each letter by number and date, one paragraph, then the
table ลำดับ / ประเด็น / ผลการดำเนินงาน / ปัญหาอุปสรรค built from the agency's cards, and the
closing and signature block. The top margin leaves room for the agency's printed letterhead;
the font is TH Sarabun New 16 pt, named for Thai (complex script) text as well as Latin.

A note is a problem (ปัญหาอุปสรรค) when the card was blocked when it was written — the note
that came with a move to ติดปัญหา, or one added while blocked; the others are progress.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from storage.activity import kept_notes, local_time
from storage.i18n import code_word, digits, is_thai, say
from storage.models import BoardSnapshot, Card, Directive, Note
from storage.progress import days_late, is_overdue
from storage.thai.dates import format_thai_date

FONT = "TH Sarabun New"
SIZE_PT = 16
COLUMN_CM = (1.4, 6.2, 5.2, 3.2)
"""ลำดับ, ประเด็น, ผลการดำเนินงาน, ปัญหาอุปสรรค: 16 cm, the A4 text width between 3 and 2 cm margins."""


@dataclass(frozen=True)
class Line:
    """One row of the reply's table."""

    seq: int
    topic: str
    result: list[str]
    problems: list[str]


def _day(value: date | str | None, lang: str, style: str = "long") -> str:
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(value[:10])
    if not is_thai(lang):
        return day.isoformat()
    return format_thai_date(day, style=style, digits="thai" if lang == "th" else "ascii")  # type: ignore[arg-type]


def _status_at(snap: BoardSnapshot, card: Card, at: str) -> str:
    """The card's status just after the moment ``at`` (a move and its note share a stamp)."""
    events = [e for e in snap.history_of(card.id) if e.field == "status"]
    status = str(events[0].old) if events else card.status
    for event in events:
        if event.at <= at:
            status = str(event.new)
    return status


def split_notes(snap: BoardSnapshot, card: Card, since: date | None = None) -> tuple[list[Note], list[Note]]:
    """(progress notes, problem notes) of a card, oldest first; with ``since``, from that day on."""
    progress, problems = [], []
    for note in kept_notes(snap, card.id):
        moment = local_time(note.at)
        if since is not None and (moment is None or moment.date() < since):
            continue
        (problems if _status_at(snap, card, note.at) == "blocked" else progress).append(note)
    return progress, problems


def _noted(note: Note, lang: str) -> str:
    moment = local_time(note.at)
    return f"{_day(moment.date(), lang, 'short')}: {note.text}" if moment else note.text


def report_lines(snap: BoardSnapshot, cards: Iterable[Card], today: date, lang: str,
                 since: date | None = None) -> list[Line]:
    """The table's rows: the agency's cards by letter and item."""
    def order(card: Card) -> tuple:
        item = snap.items.get(card.item_id)
        letter = snap.directives.get(item.directive_id) if item else None
        return (letter.date or "" if letter else "", letter.number if letter else "", item.seq if item else 0)

    chosen = sorted(cards, key=order)
    several = len({snap.items[c.item_id].directive_id for c in chosen if c.item_id in snap.items}) > 1
    out = []
    for seq, card in enumerate(chosen, 1):
        item = snap.items.get(card.item_id)
        topic = say(lang, "report.docx.topic", seq=item.seq if item else "?", text=item.text if item else "")
        letter = snap.directives.get(item.directive_id) if item else None
        if several and letter is not None:
            topic += " " + say(lang, "report.docx.topic_letter", number=digits(lang, letter.number))
        progress, problems = split_notes(snap, card, since)
        result = [say(lang, "report.docx.status", status=code_word(lang, "status", card.status))]
        if item and item.due:
            result.append(say(lang, "report.docx.due", day=_day(item.due, lang, "short")))
        if is_overdue(snap, card, today) and item:
            result.append(say(lang, "report.docx.late", days=days_late(item.due, today)))
        result += [_noted(n, lang) for n in progress]
        out.append(Line(seq, topic, result, [_noted(n, lang) for n in problems]))
    return out


def addressee(letters: list[Directive], lang: str) -> str:
    """เรียน ผู้ว่าราชการจังหวัดระยอง when the letter came from a province's office."""
    issuer = next((d.issuer for d in letters if d.issuer), "")
    match = re.search(r"จังหวัด\S+", issuer)
    if match:
        return say(lang, "report.docx.governor", province=match.group(0))
    return issuer or say(lang, "report.docx.governor_any")
