"""A Rich renderable wrapping Thai at word boundaries to the space it is given.

Prefers H4's ``ThaiText``; this stand-in uses the same ``wrap()`` so the card detail
never cuts a word (``มีโ|อกาส``) even before that widget lands.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

from widgets.textfit import wrap


class WrappedText:
    """``text`` wrapped with ``widgets.textfit.wrap`` at render width."""

    def __init__(self, text: str, style: Style | str = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        style = console.get_style(self.style) if self.style else Style()
        for paragraph in self.text.split("\n"):
            for line in wrap(paragraph, options.max_width) if paragraph else [""]:
                yield Segment(line, style)
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def thai_block(text: str, style: str = ""):
    """The best available word-wrapping renderable for ``text``."""
    try:
        from widgets.thai_text import ThaiText
    except ImportError:
        return WrappedText(text, style)
    return ThaiText(text, style=style) if style else ThaiText(text)
