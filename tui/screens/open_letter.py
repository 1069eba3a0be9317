"""Choose a letter file to import: type a path, or pick one from the board's folder.

Dismisses with the chosen :class:`Path` (or, given a ``read`` function, with what it read
from it), or None. A file that cannot be read as a letter (missing, empty, binary, without
directives) is explained inside the dialog, in the interface language, with the typed path
kept: the officer fixes it there, and the keys typed next still belong to the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Footer, Input, Label

from storage.controls import visible
from storage.errors import BoardError, user_message
from storage.formats.reader import SUPPORTED
from widgets.i18n import help_text, keyed, localized, t
from widgets.thai_input import ThaiInput

LETTER_SUFFIXES = frozenset(SUPPORTED)
"""What storage.formats.reader.read_letter can read (.pdf, .txt, .docx, .csv, .xlsx, …)."""


class LetterTree(DirectoryTree):
    """A directory tree showing only folders and letter files (no hidden entries)."""

    def render_label(self, node, base_style, style):  # noqa: ANN001 - Textual's signature
        # File names in a shared folder are anybody's: never a raw control character
        # (made visible one for one, so the label's styles stay where they were).
        label = super().render_label(node, base_style, style)
        label.plain = visible(label.plain)
        return label

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p for p in paths
            if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in LETTER_SUFFIXES)
        ]


def check_letter_path(text: str, folder: Path) -> tuple[Path | None, str]:
    """Resolve a typed path (``~`` and relative to the board folder); (path, "") or (None, problem key)."""
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = folder / path
    if not path.is_file():
        return None, "missing"
    if path.suffix.lower() not in LETTER_SUFFIXES:
        return None, "kind"
    return path, ""


def open_letter_bindings(lang: str) -> list[Binding]:
    return [
        keyed(lang, "escape", "cancel", "open_letter.cancel"),
        keyed(lang, "ctrl+t", "focus_tree", "open_letter.browse"),
    ]


class OpenLetterScreen(ModalScreen[Any]):
    """Returns the letter file chosen (or what ``read`` made of it), or None when cancelled."""

    BINDINGS = open_letter_bindings("th")
    """Enter in the path field opens; Enter on a file in the tree opens it."""

    HELP = help_text("th", "open_letter")

    @classmethod
    def for_lang(cls, folder: Path | None = None, *, lang: str = "th",
                 read: Callable[[Path], Any] | None = None) -> "OpenLetterScreen":
        """The screen with its footer and help in ``lang``."""
        screen = localized(cls, lang, BINDINGS=open_letter_bindings(lang), HELP=help_text(lang, "open_letter"))
        return screen(folder, lang=lang, read=read)

    DEFAULT_CSS = """
    OpenLetterScreen { align: center middle; }
    OpenLetterScreen > Vertical { width: 90%; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    OpenLetterScreen Input { width: 100%; }
    OpenLetterScreen LetterTree { height: 1fr; }
    OpenLetterScreen #letter-problem { color: $error; }
    OpenLetterScreen .hint { color: $text-muted; }
    """

    def __init__(self, folder: Path | None = None, *, lang: str = "th",
                 read: Callable[[Path], Any] | None = None) -> None:
        """Args:
        folder: Where to browse and what relative paths start from (the board's folder).
        lang: ``"th"`` or ``"en"``.
        read: Reads the chosen file (the importer's ``read_letter``); its BoardError or
            OSError is shown here and the dialog stays open. None: dismiss with the path.
        """
        super().__init__()
        self.folder = (folder or Path.cwd()).expanduser()
        self.lang = lang
        self.read = read

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t(self.lang, "open_letter.title"), markup=False)
            field = ThaiInput(id="letter-path", placeholder=str(self.folder) + "/")
            field.cursor_blink = False
            field.HELP = self.HELP
            yield field
            yield Label("", id="letter-problem", markup=False)
            yield LetterTree(self.folder, id="letter-tree")
            yield Label(t(self.lang, "open_letter.hint"), classes="hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#letter-path", Input).focus()

    @on(Input.Submitted, "#letter-path")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(event.value)

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._choose(str(event.path))

    def _choose(self, text: str) -> None:
        """Dismiss with the path (or what ``read`` made of it), or say in one line why not."""
        path, problem = check_letter_path(text, self.folder)
        if path is None:
            shown = text.strip() or str(self.folder)
            self._problem(t(self.lang, f"open_letter.{problem}", path=shown), text)
            return
        if self.read is None:
            self.dismiss(path)
            return
        try:
            letter = self.read(path)
        except (BoardError, OSError) as error:  # empty, binary, no directives: fixable here
            self._problem(user_message(error, self.lang), text)
            return
        self.dismiss(letter)

    def _problem(self, line: str, text: str) -> None:
        """Say why, keep (or put) the path in the field and give it the focus: a file picked
        in the tree shows its path there too, so the officer sees what was tried."""
        self.query_one("#letter-problem", Label).update(line)
        field = self.query_one("#letter-path", Input)
        if field.value != text:
            field.value = text
            field.cursor_position = len(text)
        field.focus()

    def action_focus_tree(self) -> None:
        self.query_one(LetterTree).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
