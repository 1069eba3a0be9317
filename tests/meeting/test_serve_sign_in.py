"""``board serve --users FILE --allow-edits``: each browser signs in, and what it changes is
recorded under that officer's name. A real server on 127.0.0.1 and a free port, two officers
in two browser sessions (websockets) at once, the board read back from disk; the server is
stopped by its pid. Also the users file (storage/logins.py) and ``board serve-user``."""

from __future__ import annotations

import asyncio
import base64
import io
import re
import shlex
import stat
import time
from pathlib import Path

import aiohttp
import pytest

from storage.activity import activities
from storage.errors import BoardError
from storage.logins import check_password, hash_password, parse_users, read_users, remove_user, set_user
from storage.sync.store import BoardStore
from tests.meeting.test_serve import WAIT, _serve, _stop, _until, _listening_on_loopback_only
from tui.cli import main

OFFICERS = {"somsri": ("รหัสของสมศรี", "สมศรี ใจดี"), "malee": ("malee-pass", "มาลี")}
"""login → (password, officer name). The test's own BOARD_USER is "somchai" (the server's user)."""


def _add_users(path: Path, monkeypatch) -> None:
    for login, (password, name) in OFFICERS.items():
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))  # a script pipes the password
        assert main(["--lang", "en", "serve-user", str(path), login, "--name", name]) == 0


def basic(login: str, password: str) -> dict[str, str]:
    """The header a browser sends after its sign-in box (RFC 7617, UTF-8)."""
    return {"Authorization": "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()}


async def _get(port: int, auth: dict[str, str] | None, path: str = "/") -> tuple[int, str, dict]:
    """One HTTP request, retried while the server is still starting."""
    deadline = time.monotonic() + WAIT
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{port}{path}", headers=auth or {}) as response:
                    return response.status, await response.text(), dict(response.headers)
            except aiohttp.ClientConnectorError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)


def _auth(login: str) -> dict[str, str]:
    return basic(login, OFFICERS[login][0])


async def _refused(port: int) -> dict[str, int]:
    """What a browser without (the right) credentials gets."""
    nobody, _, headers = await _get(port, None)
    wrong, _, _ = await _get(port, basic("malee", "not-her-password"))
    stranger, _, _ = await _get(port, basic("somchai", "anything"))
    static, _, _ = await _get(port, None, "/static/js/textual.js")
    status = {"nobody": nobody, "wrong": wrong, "stranger": stranger, "static": static}
    assert headers.get("WWW-Authenticate", "").startswith("Basic ")  # the browser's sign-in box
    async with aiohttp.ClientSession(headers=_auth("malee")) as session:
        # The plain websocket, even with good credentials (what another site's page could make a
        # browser send): no ticket, no session.
        with pytest.raises(aiohttp.WSServerHandshakeError) as plain:
            await session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=80&height=24")
        status["plain_ws"] = plain.value.status
    return status


class Browser:
    """One signed-in browser tab: its page, then its websocket (opened with the page's ticket)."""

    def __init__(self, login: str) -> None:
        self.login, self.name = login, OFFICERS[login][1]
        self.seen = bytearray()

    async def open(self, port: int, session: aiohttp.ClientSession) -> None:
        status, self.page, _ = await _get(port, _auth(self.login))
        assert status == 200
        self.url = re.search(r'data-session-websocket-url="([^"]+)"', self.page).group(1)
        # No credentials on the websocket itself: the ticket in its address is what counts.
        self.ws = await session.ws_connect(self.url + "?width=100&height=30", origin=f"http://127.0.0.1:{port}")
        assert await _until(self.ws, b"Directive Board", self.seen), f"{self.login}: the board never showed"

    async def press(self, key: str) -> None:
        await self.ws.send_json(["stdin", key])

    async def sees(self, text: str) -> bool:
        return await _until(self.ws, text.encode(), self.seen)


def _moves_by(board: Path) -> dict[str, int]:
    snap = BoardStore.open(board, read_only=True).snapshot()
    counts: dict[str, int] = {}
    for a in activities(snap):
        if a.kind == "status":
            counts[a.who] = counts.get(a.who, 0) + 1
    return counts


async def _wait_for_move(board: Path, name: str) -> None:
    deadline = time.monotonic() + WAIT
    while _moves_by(board).get(name, 0) < 1:
        assert time.monotonic() < deadline, f"no move by {name} on disk: {_moves_by(board)}"
        await asyncio.sleep(0.2)


async def _two_officers(board: Path, port: int) -> dict:
    somsri, malee = Browser("somsri"), Browser("malee")
    async with aiohttp.ClientSession() as session:
        await somsri.open(port, session)
        await malee.open(port, session)
        await somsri.press(">")  # the focused card to the next status
        await _wait_for_move(board, "สมศรี ใจดี")
        malee_saw = await malee.sees("สมศรี ใจดี moved")  # live, in the other tab, by name
        await malee.press(">")
        await _wait_for_move(board, "มาลี")
        somsri_saw = await somsri.sees("มาลี moved")
        used_again = None
        try:
            await session.ws_connect(somsri.url)
        except aiohttp.WSServerHandshakeError as error:
            used_again = error.status
        await somsri.ws.close()
        await malee.ws.close()
    return {"page": somsri.page, "malee_saw": malee_saw, "somsri_saw": somsri_saw, "used_again": used_again}


@pytest.mark.slow
def test_two_signed_in_browsers_edit_each_under_their_own_name(board: Path, tmp_path: Path, monkeypatch) -> None:
    users = tmp_path / "users"
    _add_users(users, monkeypatch)
    server, port = _serve(board, tmp_path, "--users", str(users), "--allow-edits")
    try:
        refused = asyncio.run(_refused(port))
        assert refused == {"nobody": 401, "wrong": 401, "stranger": 401, "static": 401, "plain_ws": 403}
        seen = asyncio.run(_two_officers(board, port))
        assert f"ws://127.0.0.1:{port}/ws/" in seen["page"] and "สมศรี ใจดี" in seen["page"]
        assert seen["malee_saw"] and seen["somsri_saw"], "a tab did not say who moved the card"
        assert seen["used_again"] == 403  # a ticket opens one session only
        assert _listening_on_loopback_only(port)
    finally:
        _stop(server, port)
    moves = _moves_by(board)
    assert moves == {"สมศรี ใจดี": 1, "มาลี": 1}  # never the server's own user (somchai)
    assert len(list((board.parent / "board.d").glob("*.json"))) == 2  # a replica per officer


# ---- the users file and board serve-user ----------------------------------------------------

def test_serve_user_writes_hashed_passwords_readable_by_the_owner_only(tmp_path: Path, monkeypatch, capsys) -> None:
    users = tmp_path / "users"
    _add_users(users, monkeypatch)
    assert capsys.readouterr().out.splitlines() == [f"added somsri (สมศรี ใจดี) to {users}",
                                                    f"added malee (มาลี) to {users}"]
    text = users.read_text(encoding="utf-8")
    assert "รหัสของสมศรี" not in text and "malee-pass" not in text
    assert stat.S_IMODE(users.stat().st_mode) == 0o600
    people = read_users(users)
    assert {u.login: u.name for u in people.values()} == {"somsri": "สมศรี ใจดี", "malee": "มาลี"}
    assert check_password("malee-pass", people["malee"].key)
    assert not check_password("malee-pas", people["malee"].key)
    # A new password keeps the name; the old password stops working.
    monkeypatch.setattr("sys.stdin", io.StringIO("new secret\n"))
    assert main(["--lang", "en", "serve-user", str(users), "malee"]) == 0
    assert capsys.readouterr().out == f"new password for malee (มาลี) in {users}\n"
    malee = read_users(users)["malee"]
    assert malee.name == "มาลี" and check_password("new secret", malee.key)
    assert not check_password("malee-pass", malee.key)
    assert main(["--lang", "en", "serve-user", str(users), "malee", "--remove"]) == 0
    assert list(read_users(users)) == ["somsri"]


@pytest.mark.parametrize("argv, message", [
    (["bad login"], "login \"bad login\" is not allowed: no spaces or colons"),
    (["a:b"], "login \"a:b\" is not allowed"),
    (["malee", "--name", "มา\x1b[2Jลี"], "not an officer name: มา␛[2Jลี"),
    (["nobody", "--remove"], "nobody is not in"),
])
def test_serve_user_refuses_bad_input_in_one_line(tmp_path: Path, monkeypatch, capsys, argv, message) -> None:
    users = tmp_path / "users"
    _add_users(users, monkeypatch)
    before = users.read_bytes()
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))
    assert main(["--lang", "en", "serve-user", str(users), *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("board: ") and message in err and err.count("\n") == 1
    assert users.read_bytes() == before  # nothing changed


def test_empty_password_and_damaged_lines_are_refused(tmp_path: Path, monkeypatch, capsys) -> None:
    users = tmp_path / "users"
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert main(["--lang", "en", "serve-user", str(users), "malee"]) == 1
    assert capsys.readouterr().err == "board: the password is empty\n" and not users.exists()
    key = hash_password("x", salt=b"0" * 16)
    assert parse_users(f"# admins\n\nmalee:{key}\nsomsri:{key}:สมศรี\n")["somsri"].name == "สมศรี"
    for bad in ("malee:plaintext", f"malee:{key}\nmalee:{key}", f"ma lee:{key}", "malee"):
        with pytest.raises(BoardError) as error:
            parse_users(bad, "users")
        assert error.value.key == "serve.users.bad_line"
    assert not check_password("x", key.replace("scrypt", "md5"))
    assert not check_password("x", "scrypt$1$2$3$!!$??")  # damaged: nobody gets in, no traceback


def test_serve_with_users_checks_the_file_first_and_warns_about_plain_http(board: Path, tmp_path: Path,
                                                                         monkeypatch, capsys) -> None:
    missing = tmp_path / "nope"
    assert main(["--board", str(board), "--lang", "en", "serve", "--users", str(missing), "--allow-edits"]) == 1
    assert capsys.readouterr().err == f"board: no users file {missing} (make one with: board serve-user {missing} LOGIN)\n"
    empty = tmp_path / "empty"
    empty.write_text("# nobody yet\n")
    assert main(["--board", str(board), "--lang", "en", "serve", "--users", str(empty)]) == 1
    assert "lists nobody" in capsys.readouterr().err
    users = tmp_path / "users"
    _add_users(users, monkeypatch)
    capsys.readouterr()
    served = []
    monkeypatch.setattr("textual_serve.server.Server.serve", lambda self, debug=False: served.append(self))
    assert main(["--board", str(board), "--lang", "en", "serve", "--users", str(users), "--allow-edits",
                 "--host", "0.0.0.0"]) == 0
    assert "passwords cross the network unencrypted" in capsys.readouterr().err
    (server,) = served
    edits = shlex.split(server.command_for(read_users(users)["somsri"]))
    assert edits[0] == "BOARD_USER=สมศรี ใจดี" and "--read-only" not in edits and str(board) in edits
    assert "--read-only" in server.command_for(None)  # no officer: never writes
    # Signed in but without --allow-edits: each tab is read-only, still named.
    assert main(["--board", str(board), "serve", "--users", str(users)]) == 0
    assert "--read-only" in shlex.split(served[-1].command_for(read_users(users)["malee"]))
