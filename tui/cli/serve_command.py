"""``board serve``: the board in a browser (for the projector), through textual-serve.

textual-serve runs one ``board`` process per browser tab and streams its screen over a
websocket. It binds to 127.0.0.1 unless ``--host`` widens it (with a warning: there is no
login). The board is read-only: every tab runs as the server's own user, so a tab that
could edit would put that user's name on everybody's changes. ``--allow-edits`` is therefore
refused until each browser session can be told apart by user, which textual-serve cannot do.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from storage.errors import BoardError
from storage.i18n import say

LOOPBACK = "127.0.0.1"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("serve", parents=[common],
                       help="show the board in a web browser (textual-serve), read-only, on 127.0.0.1")
    p.set_defaults(run="tui.cli.serve_command:run_serve")
    p.add_argument("--host", default=LOOPBACK, help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--review", action="store_true", help="open each browser on the review screen")
    p.add_argument("--allow-edits", action="store_true",
                   help="refused: every browser would write as the server's user")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab: this board, read-only."""
    lang = "en" if getattr(args, "lang", "th") == "en" else "th"
    argv = [sys.executable, "-m", "tui", "--board", str(args.board_path.resolve()), "--lang", lang]
    argv += ["review"] if args.review else ["--read-only"]
    return shlex.join(argv)


def run_serve(args: argparse.Namespace) -> int:
    lang = "en" if getattr(args, "lang", "th") == "en" else "th"
    if args.allow_edits:
        from storage.sync.replica import user_name

        raise BoardError(say(lang, "meeting.serve.no_edits", user=user_name(None)))
    if not args.board_path.exists():
        raise BoardError(say(lang, "meeting.serve.no_board", path=str(args.board_path)))
    if not 0 < args.port < 65536:
        raise BoardError(say(lang, "meeting.serve.bad_port", port=str(args.port)))
    if not is_loopback(args.host):
        print("board: " + say(lang, "meeting.serve.wide", host=args.host, port=str(args.port)), file=sys.stderr)
    from textual_serve.server import Server

    title = say(lang, "meeting.serve.title", name=args.board_path.stem)
    Server(app_command(args), host=args.host, port=args.port, title=title).serve()
    return 0
