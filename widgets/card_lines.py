"""Turn one card into the terminal lines of its cell (compact or normal mode).

Pure rendering of plain values to Rich segments; the grid caches the result per card.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from storage.models import Agency, Card, Item

from widgets.board_index import due_state
from widgets.i18n import digits, t
from widgets.textfit import ELLIPSIS, clip_spans, find_matches, format_date, truncate

LEAD_MARK = "★"
DUE_MARKS = {"overdue": "⚠", "soon": "⏳"}
"""Symbols carry the meaning, colour only repeats it (NO_COLOR users see them too)."""

STYLES = {
    "text": Style(),
    "meta": Style(dim=True),
    "overdue": Style(color="red", bold=True),
    "soon": Style(color="yellow"),
    "lead": Style(color="bright_yellow", bold=True),
    "match": Style(reverse=True, bold=True, underline=True),
}

NORMAL_HEIGHT = 4
"""Rows per card in normal mode: two wrapped text lines, a due/agency line, a gap."""


@dataclass(frozen=True, slots=True)
class CardLook:
    """Everything that changes how a card is drawn."""

    lang: str
    today: date
    compact: bool
    show_agency: bool
    query: str = ""


def _segments(text: str, style: Style, spans: list[tuple[int, int]], width: int) -> list[Segment]:
    """``text`` as segments, ``spans`` highlighted, padded to ``width`` cells."""
    out: list[Segment] = []
    pos = 0
    for start, end in spans:
        if start < pos or end <= start:
            continue
        if start > pos:
            out.append(Segment(text[pos:start], style))
        out.append(Segment(text[start:end], style + STYLES["match"]))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:], style))
    pad = width - cell_len(text)
    if pad > 0:
        out.append(Segment(" " * pad, style))
    return out


def _line_spans(line: str, offset: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    end = offset + len(line)
    return [(max(s, offset) - offset, min(e, end) - offset) for s, e in spans if s < end and e > offset]


def _label(item: Item | None, lang: str, width: int) -> str:
    seq = digits(lang, item.seq if item else "?")
    return f"{t(lang, 'item')} {seq}" if width >= 18 else f"{seq}."


def _meta(card: Card, item: Item | None, agency: Agency | None, look: CardLook) -> tuple[str, str]:
    """The due/agency line and its style name."""
    due = item.due if item else None
    state = due_state(due, card.status, look.today)
    parts = []
    if state:
        parts.append(DUE_MARKS[state])
    if due:
        parts.append(format_date(due, look.lang))
    if look.show_agency and agency is not None:
        parts.append(agency.short or agency.name)
    return " ".join(parts), state or "meta"


def card_lines(card: Card, item: Item | None, agency: Agency | None, look: CardLook,
               width: int) -> list[list[Segment]]:
    """The lines of one card in a cell ``width`` cells wide."""
    text = item.text if item else ""
    mark = LEAD_MARK if card.role == "lead" else " "
    label = _label(item, look.lang, width)
    if look.compact:
        meta, meta_style = _meta(card, item, agency, look)
        symbol = meta.split(" ")[0] if meta_style != "meta" else ""
        head = f"{mark}{symbol}{label} "
        body = truncate(text, width - cell_len(head))
        spans = _line_spans(body, 0, find_matches(text, look.query)) if look.query else []
        style = STYLES[meta_style] if meta_style != "meta" else STYLES["text"]
        return [[Segment(head, STYLES["lead"] if mark != " " and not symbol else style)]
                + _segments(body, STYLES["text"], spans, width - cell_len(head))]
    full = f"{label} {text}"
    spans = find_matches(full, look.query) if look.query else []
    out = []
    for i, (start, end, cut) in enumerate(clip_spans(full, width - 1, 2)):
        line = full[start:end] + (ELLIPSIS if cut else "")
        lead = Segment(mark if i == 0 else " ", STYLES["lead"])
        out.append([lead] + _segments(line, STYLES["text"], _line_spans(full[start:end], start, spans), width - 1))
    while len(out) < 2:
        out.append([Segment(" " * width, STYLES["text"])])
    meta, meta_style = _meta(card, item, agency, look)
    out.append([Segment(" ", STYLES["text"])] + _segments(truncate(meta, width - 1), STYLES[meta_style], [], width - 1))
    out.append([Segment(" " * width, STYLES["text"])])
    return out
