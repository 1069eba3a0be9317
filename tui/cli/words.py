"""argparse in the officer's language: ``board --help`` in Thai unless ``--lang en``.

The command modules name every help text by its catalog key (``help="cli.help.list.overdue"``,
storage/i18n/cli_help.py); the formatter here says it in the command line's language, and
argparse's own words (usage, headings, the -h line, the commonest usage errors) come from the
catalog too. The language is read from the raw command line, since help is printed while
parsing. argparse's fixed messages are matched by their English text (Python 3.11–3.13); one
this does not know is shown as argparse wrote it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence

from storage.i18n import TEXTS, is_thai, say
from tui.cli.cells import terminal_columns

ARGPARSE_WORDS = {
    "show this help message and exit": "cli.help.help",
    "positional arguments": "cli.help.positionals",
    "options": "cli.help.options",
    "optional arguments": "cli.help.options",  # the heading's name before Python 3.10
}
"""argparse's own help words → their catalog keys."""

USAGE_ERRORS = (
    (r"the following arguments are required: (?P<names>.*)", "cli.help.required"),
    (r"unrecognized arguments: (?P<names>.*)", "cli.help.unrecognized"),
    (r"argument (?P<argument>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.*)\)",
     "cli.help.invalid_choice"),
    (r"argument (?P<argument>.+?): expected one argument", "cli.help.expected_one"),
    (r"argument (?P<argument>.+?): invalid \w+ value: (?P<value>.*)", "cli.help.invalid_value"),
)
"""argparse's usage errors an officer meets most, as (a pattern of its English message, catalog
key); compiled only when an error is worded (``re`` caches them), not at every start."""


def command_lang(argv: Sequence[str]) -> str:
    """The output language a command line asks for (``--lang en`` / ``--lang=en``), before
    it is parsed: ``"en"``, else Thai with ASCII digits like all terminal output."""
    lang = "th"
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return "en" if lang == "en" else "th-ascii"


def words(lang: str, text: str | None) -> str | None:
    """``text`` in ``lang`` when it is a catalog key or one of argparse's own words."""
    if not isinstance(text, str):
        return text
    key = ARGPARSE_WORDS.get(text, text)
    return say(lang, key) if key in TEXTS else text


def usage_error(lang: str, message: str) -> str:
    """argparse's usage error in ``lang`` (English: as argparse says it)."""
    if is_thai(lang):
        for pattern, key in USAGE_ERRORS:
            match = re.fullmatch(pattern, message)
            if match:
                return say(lang, key, **match.groupdict())
    return message


class Formatter(argparse.HelpFormatter):
    """argparse's help formatter, given the terminal's width instead of asking shutil for it:
    argparse makes a formatter for every argument it adds (to check its metavar), and shutil's
    import (with zlib, bz2 and lzma) is ~2 ms of every command's start."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:  # argparse's own: shutil.get_terminal_size().columns - 2
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def parser_class(lang: str) -> type[argparse.ArgumentParser]:
    """An ArgumentParser whose help and usage errors are in ``lang``; its subparsers (and
    theirs) are made of the same class, so ``board list -h`` speaks the same language."""

    class CatalogFormatter(Formatter):
        def _get_help_string(self, action: argparse.Action) -> str | None:
            return words(lang, action.help)

        def start_section(self, heading: str | None) -> None:
            super().start_section(words(lang, heading))

        def add_text(self, text: str | None) -> None:
            super().add_text(words(lang, text))

        def add_usage(self, usage, actions, groups, prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups, say(lang, "cli.help.usage") if prefix is None else prefix)

    class BoardParser(argparse.ArgumentParser):
        def __init__(self, *args, **kwargs) -> None:
            kwargs.setdefault("formatter_class", CatalogFormatter)
            super().__init__(*args, **kwargs)

        def error(self, message: str):  # type: ignore[override]
            self.print_usage(sys.stderr)
            self.exit(2, say(lang, "cli.help.error", prog=self.prog, message=usage_error(lang, message)) + "\n")

    return BoardParser
