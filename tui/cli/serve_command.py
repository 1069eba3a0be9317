"""``board serve``: the board in a browser (for the projector), through textual-serve;
``board serve-user``: the sign-in file that lets browsers edit, each as its own officer.

textual-serve runs one ``board`` process per browser tab and streams its screen over a
websocket. It binds to 127.0.0.1 unless ``--host`` widens it (with a warning). Without
``--users`` anyone who reaches the port sees the board, read-only: every tab runs as the
server's own user, so a tab that could edit would put that user's name on everybody's changes.
``--users FILE`` asks each browser to sign in (HTTP Basic, passwords kept as scrypt keys,
storage/logins.py) and runs its tab with ``BOARD_USER`` set to that officer's name
(tui/web_server.py); only then does ``--allow-edits`` let the tabs edit.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path

from storage.errors import BoardError
from storage.i18n import say

LOOPBACK = "127.0.0.1"


def add_parser(sub, common: argparse.ArgumentParser, only: str | None = None) -> None:
    """``board serve`` and ``board serve-user``, or ``only`` one of them."""
    if only in (None, "serve"):
        _add_serve(sub, common)
    if only in (None, "serve-user"):
        p = sub.add_parser("serve-user", parents=[common], help="cli.help.serve_user")
        p.set_defaults(run="tui.cli.serve_command:run_serve_user")
        p.add_argument("file", metavar="FILE", type=Path, help="cli.help.serve_user.file")
        p.add_argument("login", metavar="LOGIN", help="cli.help.serve_user.login")
        p.add_argument("--name", default="", help="cli.help.serve_user.name")
        p.add_argument("--remove", action="store_true", help="cli.help.serve_user.remove")


def _add_serve(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("serve", parents=[common], help="cli.help.serve")
    # Reading unless --allow-edits (tui/cli refused_read_only): every tab is read-only.
    p.set_defaults(run="tui.cli.serve_command:run_serve", reads=True)
    p.add_argument("--host", default=LOOPBACK, help="cli.help.serve.host")
    p.add_argument("--port", type=int, default=8000, help="cli.help.serve.port")
    p.add_argument("--review", action="store_true", help="cli.help.serve.review")
    p.add_argument("--users", metavar="FILE", type=Path, help="cli.help.serve.users")
    p.add_argument("--allow-edits", action="store_true", help="cli.help.serve.allow_edits")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _lang(args: argparse.Namespace) -> str:
    return "en" if getattr(args, "lang", "th") == "en" else "th"


def app_command(args: argparse.Namespace, officer: str | None = None) -> str:
    """The shell command textual-serve runs for a browser tab: this board, read-only unless
    edits are allowed and the tab's officer is known (then it writes as ``officer``)."""
    argv = [sys.executable, "-m", "tui", "--board", str(args.board_path.resolve()), "--lang", _lang(args)]
    if not (officer and args.allow_edits):
        argv.insert(3, "--read-only")
    if args.review:
        argv.append("review")
    command = shlex.join(argv)
    return f"BOARD_USER={shlex.quote(officer)} {command}" if officer else command


def _check(args: argparse.Namespace, lang: str):
    """The sign-in gate (None without --users); one line for anything that stops the server."""
    if args.allow_edits and args.users is None:
        from storage.sync.replica import user_name

        raise BoardError("meeting.serve.no_edits", user=user_name(None))
    if not args.board_path.exists():
        raise BoardError("meeting.serve.no_board", path=str(args.board_path))
    if not 0 < args.port < 65536:
        raise BoardError("meeting.serve.bad_port", port=str(args.port))
    gate = None
    if args.users is not None:
        from storage.logins import read_users
        from tui.web_server import Gate

        if not read_users(args.users):
            raise BoardError("serve.users.empty", path=str(args.users))
        gate = Gate(args.users)
    if not is_loopback(args.host):
        warning = "serve.wide_login" if gate else "meeting.serve.wide"
        print("board: " + say(lang, warning, host=args.host, port=str(args.port)), file=sys.stderr)
    return gate


def run_serve(args: argparse.Namespace) -> int:
    lang = _lang(args)
    gate = _check(args, lang)
    from tui.web_server import BoardServer

    title = say(lang, "meeting.serve.title", name=args.board_path.stem)
    server = BoardServer(lambda officer: app_command(args, officer.name if officer else None), gate,
                         host=args.host, port=args.port, title=title, lang=lang)
    server.serve()
    return 0


def _password(login: str, lang: str) -> str:
    """Typed twice at a terminal (not echoed); one line from standard input otherwise (scripts)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass(say(lang, "serve.users.prompt", login=login))
    if getpass.getpass(say(lang, "serve.users.again")) != first:
        raise BoardError("serve.users.mismatch")
    return first


def run_serve_user(args: argparse.Namespace) -> int:
    from storage.logins import check_login, check_name, remove_user, set_user
    from tui.cli import out_lang

    lang, path = out_lang(args), args.file
    if args.remove:
        remove_user(path, args.login)
        print(say(lang, "serve.users.removed", login=args.login, path=str(path)))
        return 0
    check_login(args.login)  # before the password is asked for
    check_name(args.name)
    user, new = set_user(path, args.login, _password(args.login, lang), args.name)
    print(say(lang, "serve.users.added" if new else "serve.users.updated", login=user.login,
              name=user.name, path=str(path)))
    return 0
