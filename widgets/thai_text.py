"""ThaiText: a Rich renderable that wraps Thai at word boundaries.

Rich's own ``Text`` wraps only at spaces (and ignores zero-width spaces), so a Thai
sentence is cut mid-word. ThaiText asks :func:`storage.thai.wrap.wrap_spans` where the
lines go, then renders each line with Rich. Because every wrapped line is a slice of the
original text, highlight spans given in original offsets (search matches from
:func:`storage.thai.normalize.find_matches`) land on the right characters.

Use it anywhere Rich content goes (``Static(ThaiText(...))``), or call :meth:`lines`
to get one ``rich.text.Text`` per line for a Line-API widget's ``render_line``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import StyleType
from rich.text import Text

from storage.thai.segment import segment
from storage.thai.wrap import wrap_spans

DEFAULT_HIGHLIGHT = "reverse"
"""Highlight style for matches: reverse video also shows under NO_COLOR."""


class ThaiText:
    """Wrapped Thai (or any) text with an optional base style and highlighted spans."""

    def __init__(
        self,
        text: str,
        style: StyleType = "",
        *,
        highlights: Iterable[tuple[int, int]] = (),
        highlight_style: StyleType = DEFAULT_HIGHLIGHT,
    ) -> None:
        """Args:
        text: The text, newlines kept as line breaks.
        style: Base style of all the text.
        highlights: ``(start, end)`` spans of ``text`` to draw with ``highlight_style``.
        highlight_style: Style for the highlighted spans.
        """
        # Tabs become spaces (same length, so offsets and highlights stay valid):
        # a raw tab has no width for Rich and would corrupt the layout.
        self.text = text.replace("\t", " ")
        self.style = style
        self.highlights: tuple[tuple[int, int], ...] = tuple(highlights)
        self.highlight_style = highlight_style

    def lines(self, width: int) -> list[Text]:
        """The wrapped lines as Rich ``Text`` objects (no trailing newline)."""
        out: list[Text] = []
        for start, end in wrap_spans(self.text, width, cell_len):
            line = Text(self.text[start:end], end="", no_wrap=True)
            if self.style:
                # As a span, not Text(style=): Text.render drops the base style of a
                # Text without spans, and we render lines ourselves.
                line.stylize(self.style)
            for h_start, h_end in self.highlights:
                lo, hi = max(h_start, start), min(h_end, end)
                if lo < hi:
                    line.stylize(self.highlight_style, lo - start, hi - start)
            out.append(line)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width):
            yield from line.render(console, end="")
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """Minimum: the widest word (capped); maximum: the widest paragraph unwrapped."""
        widest_word, widest_para = _widest(self.text)
        return Measurement(min(widest_word, widest_para), widest_para).clamp(
            max_width=options.max_width
        )

    def __repr__(self) -> str:
        return f"ThaiText({self.text[:20]!r}{'…' if len(self.text) > 20 else ''})"


@lru_cache(maxsize=1024)
def _widest(text: str) -> tuple[int, int]:
    """Cells of the widest word and the widest paragraph (cached: Textual measures the
    same content on every layout pass, and segmenting a long text takes ~0.4 ms)."""
    widest_para = max((cell_len(p) for p in text.split("\n")), default=0)
    widest_word = max((cell_len(tok) for tok in segment(text) if not tok.isspace()), default=0)
    return widest_word, widest_para

