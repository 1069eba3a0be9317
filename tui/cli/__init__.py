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

from storage.errors import BoardError
from storage.models import STATUSES

DEFAULT_BOARD = "board.json"


def board_path(args: argparse.Namespace) -> Path:
    """--board PATH, else $BOARD_FILE, else ./board.json."""
    return Path(getattr(args, "board", None) or os.environ.get("BOARD_FILE") or DEFAULT_BOARD)


def _common() -> argparse.ArgumentParser:
    # A parent parser so that --board works before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--board", metavar="PATH", default=argparse.SUPPRESS,
        help="board file (default: $BOARD_FILE, else ./board.json)",
    )
    common.add_argument(
        "--lang", choices=("th", "en"), default=argparse.SUPPRESS,
        help="language of the interface and of command output (default th)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="board",
        description="Directive Board: track the directives of official letters, item by item and agency by agency.",
        parents=[common],
    )
    parser.add_argument("--read-only", action="store_true", help="open the board for a meeting: no edits")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", parents=[common], help="parse letters into items and cards")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="parse and show the draft; write nothing")
    p.add_argument("--json", action="store_true", help="print the draft as JSON")
    p.add_argument(
        "--alias", action="append", default=[], metavar="SPELLING=AGENCY",
        help="read SPELLING as the board's AGENCY (name, short name, alias or id prefix) and remember it",
    )

    p = sub.add_parser("list", parents=[common], help="list cards")
    p.add_argument("--agency", metavar="A", help="agency name, short name, alias or id prefix")
    p.add_argument("--status", metavar="S", help="todo|doing|blocked|done, or a column title (กำลังดำเนินการ)")
    p.add_argument("--overdue", action="store_true", help="only cards past their due date and not done")
    p.add_argument("--json", action="store_true", help="print JSON (see README)")

    p = sub.add_parser("move", parents=[common], help="set a card's status")
    p.add_argument("card", metavar="CARD", help="card id or any unique prefix")
    p.add_argument("status", metavar="STATUS", help="one of: " + ", ".join(STATUSES))
    p.add_argument("--note", metavar="TEXT", help="add a progress note with the move")

    p = sub.add_parser("note", parents=[common], help="add a progress note to a card")
    p.add_argument("card", metavar="CARD")
    p.add_argument("text", metavar="TEXT")

    sub.add_parser("summary", parents=[common], help="per-agency progress table")

    p = sub.add_parser("export", parents=[common], help="export the board")
    p.add_argument("--format", choices=("csv", "xlsx", "md", "json"), default="json",
                   help="csv (UTF-8 with BOM, for Excel), xlsx, md (minutes, per agency) or json")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")

    sub.add_parser("sync", parents=[common], help="fold stray copies and compact; report what was found")
    return parser


def _handler(command: str | None) -> Callable[[argparse.Namespace], int]:
    # Imported lazily: the TUI pulls in Textual, the importer python-docx/openpyxl.
    if command is None:
        from tui.app import run_tui

        return run_tui
    if command == "import":
        from tui.cli.import_command import run_import

        return run_import
    from tui.cli import board_commands

    return getattr(board_commands, f"run_{command}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.board_path = board_path(args)
    args.lang = getattr(args, "lang", "th")
    try:
        code = _handler(args.command)(args)
        sys.stdout.flush()  # inside the try: a closed pipe surfaces here, not at exit
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except BoardError as error:
        print(f"board: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        # Permissions, a vanished folder, a full disk: the user's to fix, not a crash.
        name = f"{error.filename}: " if error.filename else ""
        print(f"board: {name}{error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


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
