"""Turn one card into the terminal lines of its cell (compact or normal mode).

Pure rendering of plain values to Rich segments; the grid caches the result per card.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from storage.models import Agency, Card, Item

from widgets.board_index import due_state
from widgets.i18n import digits, t
from widgets.textfit import ELLIPSIS, clip_spans, find_matches, format_date, truncate, window_start, wrap_spans

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

MIN_TEXT_CELLS = 12
"""A one-line card puts its due date at the end of the line only if this much text still fits."""


class CardLook(NamedTuple):
    """Everything that changes how a card is drawn (a key of the grid's line cache).

    (A NamedTuple, not a frozen dataclass: as immutable, equal and hashable by value, and
    ~3 M instructions less to define before the first paint, issue 11.)"""

    lang: str
    today: date
    compact: bool
    show_agency: bool
    query: str = ""
    letter_tags: bool = False
    """The board has more than one letter: each card says which one it comes from (``#3362``)."""


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


def _meta(card: Card, item: Item | None, agency: Agency | None, look: CardLook,
          tag: str = "") -> tuple[str, str]:
    """The due/agency line and its style name."""
    due = item.due if item else None
    state = due_state(due, card.status, look.today)
    parts = []
    if state:
        parts.append(DUE_MARKS[state])
    if tag:
        parts.append(f"#{digits(look.lang, tag)}")
    if due:
        parts.append(format_date(due, look.lang))
    if look.show_agency and agency is not None:
        parts.append(agency.short or agency.name)
    return " ".join(parts), state or "meta"


def card_lines(card: Card, item: Item | None, agency: Agency | None, look: CardLook,
               width: int, tag: str = "") -> list[list[Segment]]:
    """The lines of one card in a cell ``width`` cells wide; ``tag`` names its letter
    (compact: ``๖#๓๓๖๒`` for item 6 of letter …3362; normal: on the due line)."""
    if look.compact:
        return [_compact_line(card, item, look, width, tag)]
    text = item.text if item else ""
    mark = LEAD_MARK if card.role == "lead" else " "
    full = f"{_label(item, look.lang, width)} {text}"
    spans = find_matches(full, look.query) if look.query else []
    out = []
    for i, (start, end, cut, lead_in) in enumerate(_two_lines(full, width - 1, spans)):
        line = lead_in + full[start:end] + (ELLIPSIS if cut else "")
        shown = _line_spans(full[start:end], start - len(lead_in), spans)
        lead = Segment(mark if i == 0 else " ", STYLES["lead"])
        out.append([lead] + _segments(line, STYLES["text"], shown, width - 1))
    while len(out) < 2:
        out.append([Segment(" " * width, STYLES["text"])])
    meta, meta_style = _meta(card, item, agency, look, tag)
    out.append([Segment(" ", STYLES["text"])] + _segments(truncate(meta, width - 1), STYLES[meta_style], [], width - 1))
    out.append([Segment(" " * width, STYLES["text"])])
    return out


def _two_lines(full: str, width: int, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool, str]]:
    """(start, end, cut, lead-in) of a normal card's two text lines.

    A search hit past the second line is brought into view: the second line becomes
    ``…`` and the wrapped line that holds the hit, so the officer sees why the card matched.
    """
    lines = [(s, e, cut, "") for s, e, cut in clip_spans(full, width, 2)]
    if not spans or len(lines) < 2 or spans[0][1] <= lines[-1][1]:
        return lines
    hit = next(s for s, e in wrap_spans(full, width) if e >= spans[0][1])
    rest = clip_spans(full[hit:], width - 1, 1)[0]
    return [lines[0], (hit + rest[0], hit + rest[1], rest[2], ELLIPSIS)]


def _compact_line(card: Card, item: Item | None, look: CardLook, width: int, tag: str = "") -> list[Segment]:
    """One line: lead mark, due mark, item number, text, and the due date when it fits.

    ``★⚠ข้อ ๖ ดำเนินการตามนโยบายสำคัญของรัฐบาล ขจัดความยากจน…  ๓๑ ส.ค. ๖๕``
    """
    due = item.due if item else None
    state = due_state(due, card.status, look.today)
    symbol = DUE_MARKS.get(state or "", "")
    mark = LEAD_MARK if card.role == "lead" else " "
    label = _label(item, look.lang, width)
    if tag:  # several letters on the board: item 6 of letter …3362 is ๖#๓๓๖๒
        label = f"{digits(look.lang, item.seq if item else '?')}#{digits(look.lang, tag)}"
    head = f"{mark}{symbol}{label} "
    date_text = format_date(due, look.lang) if due else ""
    tail = f" {date_text}" if date_text and width - cell_len(head) - cell_len(date_text) - 1 >= MIN_TEXT_CELLS else ""
    budget = width - cell_len(head) - cell_len(tail)
    body, spans = _compact_body(item.text if item else "", look.query, budget)
    style = STYLES[state] if state else STYLES["text"]
    out = [Segment(head, STYLES["lead"] if mark != " " and not symbol else style)]
    out += _segments(body, STYLES["text"], spans, budget)
    if tail:
        out.append(Segment(tail, STYLES[state or "meta"]))
    return out


def _compact_body(text: str, query: str, budget: int) -> tuple[str, list[tuple[int, int]]]:
    """The text cut to ``budget`` cells, scrolled so the first search hit is in view."""
    flat = " ".join(text.split("\n")).replace("\r", " ").replace("\t", " ")
    matches = find_matches(flat, query) if query else []
    body = truncate(flat, budget)
    begin, lead_in = 0, ""
    if matches and matches[0][1] > _visible(body, flat):
        # A third of the line before the hit, or more when what follows it is short.
        context = max(budget // 3, budget - 1 - cell_len(flat[matches[0][0]:]))
        begin, lead_in = window_start(flat, matches[0][0], context), ELLIPSIS
        body = lead_in + truncate(flat[begin:], budget - 1)
    shift = len(lead_in) - begin
    visible = _visible(body[len(lead_in):], flat[begin:]) + len(lead_in)
    return body, [(max(s + shift, len(lead_in)), min(e + shift, visible)) for s, e in matches
                  if s + shift < visible and e + shift > len(lead_in)]


def _visible(shown: str, source: str) -> int:
    """How many characters of ``source`` a truncated ``shown`` really shows (the … is not one)."""
    return len(shown) if shown == source else len(shown) - len(ELLIPSIS)
