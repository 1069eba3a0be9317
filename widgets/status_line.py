"""One line under the board: who changed what, active filters, the read-only badge."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    """``⟳ 10:42 · สมชาย ย้ายข้อ ๖ → ติดปัญหา`` on the left, badges on the right."""

    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.message = ""
        self.badges: list[str] = []

    def show_message(self, message: str) -> None:
        self.message = message
        self._draw()

    def show_badges(self, badges: list[str]) -> None:
        self.badges = badges
        self._draw()

    def _draw(self) -> None:
        text = Text(self.message, no_wrap=True, overflow="ellipsis")
        if self.badges:
            right = Text(" ".join(f"[{b}]" for b in self.badges), style="bold reverse")
            width = max(0, (self.size.width or 78) - 2 - right.cell_len - 1)
            text.truncate(width, overflow="ellipsis", pad=True)
            text.append(" ")
            text.append_text(right)
        self.update(text)

    def on_resize(self) -> None:
        self._draw()
