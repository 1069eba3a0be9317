"""Word wrapping and truncation for Thai (and mixed) text by terminal cell width.

Rich wraps only at spaces, so Thai (written without spaces between words) is cut
wherever the line runs out: ``มีโ|อกาส``, or a line that starts with ำ or ๆ. Here the
break opportunities are the word boundaries from :func:`storage.thai.segment.line_tokens`
(only where ICU's line breaker would break too), filtered by the line-start/line-end rules of :mod:`storage.thai.chars`; a word longer
than the line is cut between grapheme clusters. Lines are always substrings of the
input (spaces at a break are dropped), which is what lets the renderable map search
highlights from the original text onto wrapped lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from storage.thai.chars import (
    NO_BREAK_SPACES,
    can_break_between,
    cannot_end_line,
    cannot_start_line,
    starts_silent_ending,
)
from storage.thai.graphemes import grapheme_boundaries
from storage.thai.cut import truncate  # re-exported: wrap and cut are used together
from storage.thai.width import Measure, cell_width

Span = tuple[int, int]


@dataclass(slots=True)
class _Unit:
    """An unbreakable stretch of a paragraph (absolute offsets), or a breakable space."""

    start: int
    end: int
    space: bool
    width: int = 0


def _units(text: str, start: int, end: int, measure: Measure = cell_width) -> list[_Unit]:
    """Group the paragraph's tokens into units separated by break opportunities."""
    # The segmenter (its patterns cost ~3 ms to import) only once a text is wrapped:
    # truncating one-line cards, all the first paint of a compact board does, needs none.
    from storage.thai.segment import line_tokens

    tokens = line_tokens(text[start:end])
    units: list[_Unit] = []
    pos = start
    for k, tok in enumerate(tokens):
        t_start, pos = pos, pos + len(tok)
        if not units:
            # Leading indentation is content, not a break point.
            units.append(_Unit(t_start, pos, False))
        elif tok.isspace() and NO_BREAK_SPACES.isdisjoint(tok):
            after = tokens[k + 1][0] if k + 1 < len(tokens) else " "
            if can_break_between(text[t_start - 1], after):
                units.append(_Unit(t_start, pos, True))
            else:
                units[-1].end = pos  # e.g. ``ต่าง ๆ``: the space is glued, not a break
                units[-1].space = False
        elif units[-1].space or can_break_between(text[t_start - 1], tok[0]):
            units.append(_Unit(t_start, pos, False))
        else:
            units[-1].end = pos
    for unit in units:
        unit.width = measure(text[unit.start : unit.end])
    return units


def _word_starts(text: str, unit: _Unit) -> set[int]:
    """Absolute offsets of the word boundaries inside a unit (its preferred cut points)."""
    from storage.thai.segment import segment  # see _units

    starts, pos = set(), unit.start
    for tok in segment(text[unit.start : unit.end]):
        pos += len(tok)
        starts.add(pos)
    return starts


def _cut_keeps_rules(text: str, pos: int) -> bool:
    """Whether a forced cut at ``pos`` still obeys the line-start/line-end rules.

    Inside a no-break run every boundary fails :func:`can_break_between`; a cut that only
    breaks the softer "no break at a dot before a letter" rule (``ก.ย.|ก.ย.``) is still
    far better than a line that starts with ``.`` or ends with ``เ``.
    """
    return not cannot_end_line(text[pos - 1]) and not cannot_start_line(text[pos]) and not starts_silent_ending(text, pos)


def _piece_end(text: str, bounds: list[int], k: int, width: int, words: set[int], measure: Measure) -> int:
    """Index into ``bounds`` where the piece starting at ``bounds[k]`` should end.

    The furthest cut that fits, in order of preference: a word boundary obeying the
    line rules, any cluster boundary obeying them, any cluster boundary at all.
    Taking the furthest one in each class fills lines greedily, and since the cuts
    obeying the rules do not depend on earlier choices, the fallback is used only
    where no rule-abiding cut fits at all.
    """
    last = len(bounds) - 1
    used, j, fit, ok, word = 0, k, k, k, k
    while j < last:
        used += measure(text[bounds[j] : bounds[j + 1]])
        if used > width and j > k:
            break
        j = fit = j + 1
        if j == last:
            return j  # the rest fits: the unit's end is a real break opportunity
        if _cut_keeps_rules(text, bounds[j]):
            ok = j
            word = j if bounds[j] in words else word
    return word if word > k else ok if ok > k else fit


def _split_long(text: str, unit: _Unit, width: int, measure: Measure) -> list[Span]:
    """Cut an overlong unit between grapheme clusters (see :func:`_piece_end` for where)."""
    bounds = [unit.start + b for b in grapheme_boundaries(text[unit.start : unit.end])]
    words = _word_starts(text, unit)
    pieces: list[Span] = []
    k, last = 0, len(bounds) - 1
    while k < last:
        cut = _piece_end(text, bounds, k, width, words, measure)
        pieces.append((bounds[k], bounds[cut]))
        k = cut
    return pieces


def _wrap_paragraph(text: str, start: int, end: int, width: int, measure: Measure) -> list[Span]:
    """Greedy line filling over the units of one paragraph."""
    if start == end:
        return [(start, start)]
    lines: list[Span] = []
    line: list[int] | None = None  # [start, end, width] of the line being filled
    pending_space = 0
    units = _units(text, start, end, measure)
    first = units[0]
    if text[first.start : first.end].isspace() and (first.width >= width or len(units) == 1):
        first.space = True  # indentation that cannot fit (or a blank line of spaces): drop it
    for unit in units:
        if unit.space:
            pending_space = unit.width if line else 0
            continue
        if line and line[2] + pending_space + unit.width <= width:
            line[1], line[2] = unit.end, line[2] + pending_space + unit.width
        else:
            if line:
                lines.append((line[0], line[1]))
            pieces = [(unit.start, unit.end)] if unit.width <= width else _split_long(text, unit, width, measure)
            lines.extend(pieces[:-1])
            last = pieces[-1]
            line = [last[0], last[1], measure(text[last[0] : last[1]])]
        pending_space = 0
    if line:
        lines.append((line[0], line[1]))
    return lines or [(start, start)]


def break_points(text: str) -> list[int]:
    """Offsets where :func:`wrap` may end a line (a break before ``text[i]``), in order.

    After a run of breakable spaces the break falls after the spaces, as in UAX #14;
    newlines are hard breaks and not listed. This is what the ICU comparison measures.
    """
    points: list[int] = []
    start = 0
    for para in text.split("\n"):
        units = _units(text, start, start + len(para)) if para else []
        points.extend(unit.start for unit in units[1:] if not unit.space)
        start += len(para) + 1
    return points


def wrap_spans(text: str, width: int, measure: Measure = cell_width) -> list[Span]:
    """Like :func:`wrap`, but each line as ``(start, end)`` offsets into ``text``."""
    return list(_wrap_spans_cached(text, max(1, width), measure))


@lru_cache(maxsize=4096)
def _wrap_spans_cached(text: str, width: int, measure: Measure) -> tuple[Span, ...]:
    """Cached: a screen re-wraps the same card texts at the same width on every repaint."""
    spans: list[Span] = []
    start = 0
    for para in text.split("\n"):
        end = start + len(para)
        stop = end - 1 if para.endswith("\r") else end  # CRLF letters: drop the CR
        spans.extend(_wrap_paragraph(text, start, stop, width, measure))
        start = end + 1
    return tuple(spans)


def wrap(text: str, width: int, measure: Measure = cell_width) -> list[str]:
    """Wrap ``text`` into lines no wider than ``width`` cells, breaking between words.

    ``measure`` says how many cells a piece of text takes: the UI and the CLI pass Rich's
    ``cell_len`` (what the terminal will draw); the default is storage's plain rule.

    Existing newlines are kept; spaces where a line breaks are dropped. No line starts
    with ำ, ๆ, ะ, า, a closing punctuation mark or a combining mark, and none ends with
    เ แ โ ใ ไ, unless the input itself does so at a newline or no cut that obeys those
    rules fits in the width (a run like ``......`` or a cluster wider than the line).
    """
    return [text[s:e] for s, e in wrap_spans(text, width, measure)]
