"""Word-wrapped Thai blocks for the card detail (never ``มีโ|อกาส``)."""

from __future__ import annotations

from widgets.thai_text import ThaiText


def thai_block(text: str, style: str = "") -> ThaiText:
    """``text`` as a renderable wrapping at Thai word boundaries to the width it is given."""
    return ThaiText(text, style=style) if style else ThaiText(text)
