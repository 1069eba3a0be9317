"""One agency's review page as Rich renderables (plain values in, no store).

Every line is cut to the width it is drawn at (Thai-aware, never inside a cluster), so the
page reads the same at 80×24 over SSH as on a projector; nothing wraps except blocked
cards' notes, which are what the meeting discusses.
"""

from __future__ import annotations

from datetime import date

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from storage.activity_words import action, when
from storage.models import STATUSES, BoardSnapshot, Directive, Item
from storage.progress import Progress
from storage.review import AgencyReview
from storage.editing.origin import origin, origin_tag
from widgets.i18n import digits, say, status_label
from widgets.textfit import format_date, truncate
from widgets.wrapped import thai_block

BAR = 20
STATUS_STYLE = {"todo": "dim", "doing": "cyan", "blocked": "bold red", "done": "green"}


class Fitted:
    """Lines of (text, style) pieces; the last piece of each line is cut to fit the width."""

    def __init__(self, lines: list[list[tuple[str, str]]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for pieces in self.lines:
            used = 0
            for n, (text, style) in enumerate(pieces):
                room = width - used
                if room <= 0:
                    break
                shown = truncate(text, room) if n == len(pieces) - 1 or Text(text).cell_len > room else text
                used += Text(shown).cell_len
                yield Segment(shown, Style.parse(style) if style else Style())
            yield Segment.line()


def bar(count: int, total: int, cells: int = BAR) -> str:
    filled = round(cells * count / total) if total else 0
    return "█" * filled + "░" * (cells - filled)


def heading(text: str) -> Text:
    return Text(text, style="bold underline")


def progress_block(p: Progress, lang: str) -> Fitted:
    """One bar per status (readable without colour: the numbers are there too)."""
    lines = [[(say(lang, "meeting.review.progress", done=p.done, total=p.total, pct=p.percent), "bold")]]
    width = max(Text(status_label(lang, s)).cell_len for s in STATUSES)
    for status in STATUSES:
        label = status_label(lang, status)
        pad = " " * (width - Text(label).cell_len)
        lines.append([(f"  {label}{pad} ", ""), (bar(p.count(status), p.total), STATUS_STYLE[status]),
                      (f" {digits(lang, p.count(status))}", "")])
    return Fitted(lines)


def item_label(item: Item | None, letter: Directive | None, lang: str, several: bool) -> str:
    seq = say(lang, "meeting.item", seq=item.seq) if item else "?"
    if several and letter is not None:
        seq += f" ({digits(lang, origin_tag(letter))})"  # a meeting has no number: what it was
    return seq


def due_block(review: AgencyReview, lang: str, several: bool) -> Fitted | Text:
    lines = []
    for d in (*review.late, *review.soon):
        if d.days > 0:
            mark, style, how = "⚠", "bold red", say(lang, "meeting.review.days_late", days=d.days)
        else:
            mark, style = "⏳", "yellow"
            how = say(lang, "meeting.review.due_today") if d.days == 0 else say(
                lang, "meeting.review.days_left", days=-d.days)
        label = item_label(d.item, d.letter, lang, several)
        lines.append([(f"{mark} {label} · {how} · ", style), (d.item.text if d.item else "", "")])
    return Fitted(lines) if lines else Text(say(lang, "meeting.review.none"), style="dim")


def blocked_block(review: AgencyReview, lang: str, several: bool) -> Group | Text:
    parts: list = []
    for b in review.blocked:
        label = item_label(b.item, b.letter, lang, several)
        parts.append(Fitted([[(f"■ {label} · ", "bold red"), (b.item.text if b.item else "", "")]]))
        if b.note is None:
            parts.append(Text("    " + say(lang, "meeting.review.no_note"), style="dim"))
        else:
            parts.append(Fitted([[(f"    {b.note.author} {when(b.note.at, lang)}", "dim")]]))
            parts.append(thai_block("    " + " ".join(b.note.text.split())))
    return Group(*parts) if parts else Text(say(lang, "meeting.review.none"), style="dim")


def changes_block(snap: BoardSnapshot, review: AgencyReview, lang: str, several: bool) -> Fitted | Text:
    lines = []
    for a in review.changes:
        item = snap.items.get(a.item_id or "")
        letter = snap.directives.get(a.letter_id or "")
        label = item_label(item, letter, lang, several) if item else ""
        lines.append([(f"{when(a.at, lang)} {a.who} · {label} ", "dim"), (action(snap, a, lang), "")])
    return Fitted(lines) if lines else Text(say(lang, "meeting.review.none"), style="dim")


def letters_block(review: AgencyReview, lang: str) -> Fitted:
    lines = []
    for letter, p in review.letters:
        if letter is None:
            name = say(lang, "meeting.review.no_letter")
        else:  # a meeting or verbal order has no number: what it was and when
            name = digits(lang, letter.number) if letter.number else origin(letter, lang)
        lines.append([(f"{bar(p.done, p.total, 10)} ", "green"),
                      (f"{digits(lang, p.done)}/{digits(lang, p.total)} ", ""), (name, "")])
    return Fitted(lines)


def review_page(snap: BoardSnapshot, review: AgencyReview, lang: str, since: date) -> Group:
    """The whole page under its title: progress, late/soon, blocked, changes, per letter."""
    several = len(review.letters) > 1
    name = review.agency.name + (f" ({review.agency.short})" if review.agency.short else "")
    return Group(
        Text(name, style="bold"), progress_block(review.progress, lang), Text(),
        heading(say(lang, "meeting.review.late")), due_block(review, lang, several), Text(),
        heading(say(lang, "meeting.review.blocked")), blocked_block(review, lang, several), Text(),
        heading(say(lang, "meeting.review.changes", day=format_date(since.isoformat(), lang))),
        changes_block(snap, review, lang, several), Text(),
        heading(say(lang, "meeting.review.letters")), letters_block(review, lang),
    )
