"""Markdown for the meeting's minutes: per agency, a progress line and its cards (overdue
first), each with who changed it last and when, and its latest note with its author.

Pure: a ``BoardSnapshot``, a choice of cards, today's date. Numbers in Thai digits for the
Thai interface (as minutes are typed), ASCII for th-ascii and English.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from storage.activity_words import when
from storage.formats.export import Row, rows
from storage.i18n import code_word, digits, is_thai, say
from storage.models import STATUSES, BoardSnapshot, Card
from storage.progress import tally
from storage.thai.dates import format_thai_date


def cell(text: object) -> str:
    """One table cell: no line breaks, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def progress_line(snap: BoardSnapshot, group: list[Row], today: date, lang: str) -> str:
    """``███░░░░░░░ ดำเนินการแล้ว 1/3 (33%) · ติดปัญหา 1 · เลยกำหนด 1`` (storage.progress counts)."""
    p = tally("", (r.card for r in group), snap, today)
    filled = round(10 * p.done / p.total) if p.total else 0
    head = "█" * filled + "░" * (10 - filled) + " " + say(
        lang, "report.md.progress", done_word=say(lang, "status.done"), done=p.done, total=p.total, pct=p.percent)
    parts = [f"{say(lang, f'status.{s}')} {digits(lang, p.count(s))}" for s in STATUSES if s != "done" and p.count(s)]
    if p.overdue:
        parts.append(f"{say(lang, 'report.overdue_mark')} {digits(lang, p.overdue)}")
    return " · ".join([head, *parts])


def _day(iso: str | None, lang: str) -> str:
    if not iso:
        return ""
    day = date.fromisoformat(iso[:10])
    if not is_thai(lang):
        return day.isoformat()
    return format_thai_date(day, digits="thai" if lang == "th" else "ascii")


def _cells(r: Row, lang: str) -> list[str]:
    due = _day(r.due, lang)
    if r.overdue:
        due = f"⚠ {due} ({say(lang, 'report.md.days_late', days=r.days_late)})"
    item = say(lang, "report.md.item", letter=digits(lang, r.letter), seq=r.seq if r.seq is not None else "?")
    changed = say(lang, "report.md.by_when", who=r.changed_by, when=when(r.changed_at, lang)) if r.changed_at else ""
    note = r.latest_note
    latest = say(lang, "report.md.note_by", text=note.text, who=note.author, when=when(note.at, lang)) if note else ""
    return [item, r.text, code_word(lang, "role", r.card.role), code_word(lang, "status", r.card.status),
            due, changed, latest]


def to_markdown(snap: BoardSnapshot, today: date, lang: str = "th", title: str = "",
                cards: Iterable[Card] | None = None, since: date | None = None) -> str:
    """Meeting minutes: per agency (by name), a progress line and its cards, overdue first."""
    lines = [f"# {cell(title or say(lang, 'report.md.title'))}", "",
             say(lang, "report.md.as_of", day=_long(today, lang)), ""]
    if since is not None:
        lines[-1:] = ["", say(lang, "report.md.since", day=_long(since, lang)), ""]
    groups: dict[str, list[Row]] = {}
    for row in rows(snap, today, cards, since):
        groups.setdefault(row.agency, []).append(row)
    cols = say(lang, "report.md.cols").split("|")
    for agency in sorted(groups):
        group = sorted(groups[agency], key=lambda r: not r.overdue)  # stable: overdue first
        short = group[0].short
        lines += [f"## {cell(agency)}" + (f" ({cell(short)})" if short and short != agency else ""), "",
                  progress_line(snap, group, today, lang), "",
                  "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(cell(c) for c in _cells(r, lang)) + " |" for r in group]
        lines.append("")
    if not groups:
        lines.append(say(lang, "report.md.empty"))
    return "\n".join(lines).rstrip() + "\n"


def _long(day: date, lang: str) -> str:
    if not is_thai(lang):
        return day.isoformat()
    return format_thai_date(day, style="long", digits="thai" if lang == "th" else "ascii")
