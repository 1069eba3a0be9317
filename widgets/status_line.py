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
            full = self.size.width or 78
            right = self._right(self.badges)
            if text.cell_len > full - 3 - right.cell_len:  # the message wins the room at 80 columns
                right = self._right([_short(b) for b in self.badges])
            width = max(0, full - 2 - right.cell_len - 1)
            text.truncate(width, overflow="ellipsis", pad=True)
            text.append(" ")
            text.append_text(right)
        self.update(text, layout=False)  # one row, always: a layout pass would repaint the screen

    @staticmethod
    def _right(badges: list[str]) -> Text:
        return Text(" ".join(f"[{b}]" for b in badges), style="bold reverse")

    def on_resize(self) -> None:
        self._draw()


def _short(badge: str) -> str:
    """``⚠ ๑ ไฟล์อ่านไม่ได้`` → ``⚠ ๑``: a symbol and a count keep their meaning when room is short."""
    words = badge.split()
    if len(words) > 2 and not words[0][0].isalnum() and words[1].isdigit():
        return " ".join(words[:2])
    return badge
