"""The ``board`` console script (DESIGN.md §6): argument parsing and dispatch.

Each subcommand lives in a module of its own and is imported only when used, so
``board list`` never pays for importing Textual. Exit codes: 0 ok, 1 user error with a
one-line message (no traceback), 2 usage (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from storage.errors import BoardError, user_message

DEFAULT_BOARD = "board.json"


def board_path(args: argparse.Namespace) -> Path:
    """--board PATH, else $BOARD_FILE, else ./board.json."""
    return Path(getattr(args, "board", None) or os.environ.get("BOARD_FILE") or DEFAULT_BOARD)


def _common() -> argparse.ArgumentParser:
    # A parent parser so that --board works before or after the subcommand.
    from tui.cli.words import Formatter

    common = argparse.ArgumentParser(add_help=False, formatter_class=Formatter)
    common.add_argument("--board", metavar="PATH", default=argparse.SUPPRESS, help="cli.help.board")
    common.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="cli.help.lang")
    # Before or after the command, like --board: `board move … --read-only` is refused too.
    common.add_argument("--read-only", action="store_true", default=argparse.SUPPRESS, help="cli.help.read_only")
    return common


def out_lang(args: argparse.Namespace) -> str:
    """The language of everything a command prints: --lang, and in Thai with ASCII digits
    (``th-ascii``), since terminal output is pasted into mail, sheets and other tools."""
    return "en" if getattr(args, "lang", "th") == "en" else "th-ascii"


COMMANDS = {
    "import": "tui.cli.import_command",
    **dict.fromkeys(("list", "move", "note", "sync"), "tui.cli.board_commands"),
    **dict.fromkeys(("add-letter", "add-item", "edit", "assign", "unassign", "delete", "restore", "agency"),
                    "tui.cli.edit_commands"),
    **dict.fromkeys(("summary", "log", "export", "review", "serve", "serve-user"), "tui.cli.meeting_commands"),
}
"""Each command word → the module that defines it, in the order ``board --help`` lists them.
Each module has ``add_parsers(sub, common, only=None)`` (its argparse subparsers, each with
``set_defaults(run="module:function")``; ``only`` names the one command the line needs, which a
module may build alone), so a new command is added in its own module (and
here: tests/tui/test_cli_lazy.py fails until it is). Help texts are catalog keys
(``help="cli.help.<command>.<option>"``, storage/i18n/cli_help.py): the parser says them in the
command line's language (tui/cli/words.py).

A command line that names a command builds only its module's parsers (``board list`` imports
neither the importer's nor the editor's modules), and ``board`` alone (the TUI) none; help
before a command or an unknown word builds them all, so ``board --help`` and the "invalid
choice" error list every command.

A command that only reads the board says so with ``set_defaults(reads=True)``; every other
command is refused under ``--read-only`` before it opens anything (so a command added later
cannot write a read-only board by forgetting to check)."""

COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))
"""The modules of :data:`COMMANDS`, in order."""

class _NotACommandLine(Exception):
    """The peek at the command word met something only the whole parser can say."""


class _Peek(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise _NotACommandLine(message)


def _peek(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(help asked before the command, the command word or None); _NotACommandLine when
    only the whole parser can say what the line means.

    Read by argparse itself with the same options before the command (so ``--bo PATH``,
    ``--lang=en``, ``-5``, ``--`` mean what they will mean); whatever follows the command
    word is its own parser's business."""
    from tui.cli.words import Formatter

    peek = _Peek(prog="board", add_help=False, parents=[_common()], formatter_class=Formatter)
    peek.add_argument("-h", "--help", action="store_true")
    # As argparse's subparsers action is: the command and everything after it, and optional.
    peek.add_argument("command", nargs=argparse.PARSER).required = False
    args, _ = peek.parse_known_args(argv)
    return args.help, args.command[0] if args.command else None


def command_word(argv: Sequence[str]) -> str | None:
    """The command word of a command line, or None when it has none, asks for help before it
    (``board -h list`` is the whole command line's help) or cannot be read without the whole
    parser."""
    try:
        help_first, word = _peek(argv)
    except _NotACommandLine:
        return None
    return None if help_first else word


def _modules_for(argv: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    """The command modules whose parsers ``argv`` needs and the one command it names: its
    command's module and the command; none for ``board`` with no command (the board itself:
    its parse names no command, and the TUI should not wait for every command's parser); all
    (and no one command) for help, an unknown word or an unreadable line."""
    try:
        help_first, word = _peek(argv)
    except _NotACommandLine:
        return COMMAND_MODULES, None
    if help_first or (word is not None and word not in COMMANDS):
        return COMMAND_MODULES, None
    return ((COMMANDS[word],) if word is not None else ()), word


def refused_read_only(args: argparse.Namespace) -> bool:
    """``--read-only`` and a command that would change the board (``--dry-run`` never does)."""
    if not getattr(args, "read_only", False) or args.command is None:  # the TUI honours it itself
        return False
    if getattr(args, "allow_edits", False):  # board serve --allow-edits: its browsers would write
        return True
    return not getattr(args, "reads", False) and not getattr(args, "dry_run", False)


def build_parser(lang: str = "th-ascii", argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line; its help and usage errors in ``lang`` (tui/cli/words.py). Given the
    ``argv`` it will parse, only the parsers that line needs (:data:`COMMANDS`)."""
    import importlib

    from tui.cli.words import parser_class, words

    modules, only = _modules_for(argv) if argv is not None else (COMMAND_MODULES, None)
    common = _common()
    parser = parser_class(lang)(prog="board", description="cli.help.description", parents=[common])
    # prog given: argparse would otherwise work out "board" with a help formatter, which
    # imports shutil (and its compression modules) for the terminal's width.
    sub = parser.add_subparsers(dest="command", metavar=words(lang, "cli.help.command_metavar"), prog=parser.prog)
    for name in modules:  # only the named command's parser: its module's others are not built either
        importlib.import_module(name).add_parsers(sub, common, only)
    return parser


def _handler(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    # Imported lazily: the TUI pulls in Textual, the importer python-docx/openpyxl.
    import importlib

    if args.command is None:
        # The cyclic collector rests during the start-up: importing Textual and the board,
        # opening it and composing the first frame make ~100,000 objects that live as long as
        # the app and almost no garbage, and each collection walked them again (~50 M
        # instructions at 1,000 cards, 70 M at 10,000: issue 11). The app turns it back on
        # right after its first frame (tui/app.py resume_collector).
        import gc

        gc.disable()
        from tui.app import run_tui

        def run_and_collect(args: argparse.Namespace) -> int:
            try:
                return run_tui(args)
            finally:  # a board that never drew its first frame (a bad file) leaves it paused
                gc.enable()

        return run_and_collect
    module, function = args.run.split(":")
    return getattr(importlib.import_module(module), function)


def main(argv: Sequence[str] | None = None) -> int:
    from tui.cli.words import command_lang

    line = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(command_lang(line), line).parse_args(line)
    args.board_path = board_path(args)
    args.lang = getattr(args, "lang", "th")
    args.read_only = getattr(args, "read_only", False)
    if refused_read_only(args):  # before anything is opened or logged
        from storage.i18n import say

        print("board: " + say(out_lang(args), "safety.read_only_command", command=args.command), file=sys.stderr)
        return 1
    from storage.logs import when_logging

    when_logging(_setup_logging)  # before the first record, if one comes (storage/logs.py)
    try:
        code = _handler(args)(args)
        sys.stdout.flush()  # inside the try: a closed pipe surfaces here, not at exit
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except (BoardError, OSError) as error:
        # The user's to fix, not a crash: one line.
        print(f"board: {user_message(error, out_lang(args))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one line, the traceback in a log file (tui/crash.py)
        from tui.crash import CRASH_EXIT, report

        print(report(error, out_lang(args), list(argv) if argv is not None else None), file=sys.stderr)
        return CRASH_EXIT


def _setup_logging() -> None:
    # Imported at the first record: logging itself is not imported by a command that logs nothing.
    from tui.logs import setup_logging

    setup_logging()  # opens no file until something is logged


def _reader_went_away() -> int:
    """``board list | head -2``: the reader closed the pipe; stop quietly.

    The pattern of the Python docs (signal module, "Note on SIGPIPE"): point stdout at
    devnull so the flush at exit cannot raise again, and print nothing. The exit code is
    the shell's for a command ended by SIGPIPE (128 + 13).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor
        pass
    return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
