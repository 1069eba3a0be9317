"""``board serve``: a real server on 127.0.0.1 and a free port, its page and websocket, an edit
key refused in the browser, and the server stopped by its pid (loopback only)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from storage.sync.store import BoardStore
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
WAIT = 30.0
"""A bound on how long the server and an app process may take to start on a busy machine (a
hang detector, not a timing)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _page(port: int) -> str:
    deadline = time.monotonic() + WAIT
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{port}/") as response:
                    assert response.status == 200
                    return await response.text()
            except aiohttp.ClientConnectorError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)


ESCAPES = re.compile(rb"\x1b\[[0-9;?$<>=]*[A-Za-z~]|\x1b\][^\x07]*\x07|[\r\n]|\xe2\x96\x8c")
"""Terminal escapes, line ends and the notification's ▌ edge: what separates the words of a
notice that the screen wrapped over two lines."""


def _shown(seen: bytearray) -> bytes:
    return b" ".join(ESCAPES.sub(b" ", bytes(seen)).split())


async def _until(ws, wanted: bytes, seen: bytearray) -> bool:
    """Read the app's screen stream until ``wanted`` shows (or the wait runs out)."""
    deadline = time.monotonic() + WAIT
    while wanted not in _shown(seen) and time.monotonic() < deadline:
        try:
            message = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            seen += message.data
        elif message.type == aiohttp.WSMsgType.TEXT:
            seen += message.data.encode()
        elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
            break
    return wanted in _shown(seen)


async def _other_sites(port: int) -> dict[str, int]:
    """What a page of another web site open in the same browser gets: its websocket carries its
    own Origin; a site renamed onto 127.0.0.1 (DNS rebinding) sends its own name as Host."""
    url = f"http://127.0.0.1:{port}"
    status = {}
    async with aiohttp.ClientSession() as session:
        for name, origin in (("evil", "http://evil.example"), ("other_port", f"http://127.0.0.1:{port + 1}"),
                             ("null", "null")):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"{url}/ws?width=80&height=24", origin=origin)
            status[name] = refused.value.status
        for name, host in (("rebound_page", f"evil.example:{port}"), ("rebound_ws", f"evil.example:{port}")):
            async with session.get(f"{url}/{'ws' if name == 'rebound_ws' else ''}", headers={"Host": host}) as r:
                status[name] = r.status
        async with session.get(f"{url}/", headers={"Host": f"localhost:{port}"}) as r:
            status["localhost"] = r.status  # the machine's own name is fine
    return status


async def _browser(port: int) -> tuple[str, bool, bool]:
    page = await _page(port)
    async with aiohttp.ClientSession() as session:
        # As a browser opens it: with the page's own origin.
        async with session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30",
                                      origin=f"http://127.0.0.1:{port}") as ws:
            seen = bytearray()
            started = await _until(ws, b"Directive Board", seen)
            await ws.send_json(["stdin", ">"])  # next status: an edit key
            refused = await _until(ws, b"Opened read-only (--read-only): editing is disabled", seen)
            await ws.close()
    return page, started, refused


def _serve(board: Path, tmp_path: Path, *options: str) -> tuple[subprocess.Popen, int]:
    """``board serve`` on a free loopback port, in a session of its own (stopped by its pid)."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = open(tmp_path / f"serve-{port}.log", "wb")
    server = subprocess.Popen([sys.executable, "-m", "tui", "--board", str(board), "--lang", "en", "serve",
                               "--port", str(port), *options], cwd=ROOT, env=env, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    return server, port


def _stop(server: subprocess.Popen, port: int) -> None:
    os.kill(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=WAIT)
    finally:
        if server.poll() is None:  # it did not stop by itself: end it, and fail
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    assert server.returncode is not None
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def _listening_on_loopback_only(port: int) -> bool:
    listening = [line for line in open("/proc/net/tcp").read().splitlines()[1:]
                 if line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A"]
    return bool(listening) and all(line.split()[1].startswith("0100007F:") for line in listening)


@pytest.mark.slow
def test_serve_on_loopback_read_only_and_stopped_by_pid(board: Path, tmp_path: Path) -> None:
    before = BoardStore.open(board, read_only=True).snapshot().cards
    server, port = _serve(board, tmp_path)
    try:
        page, started, refused = asyncio.run(_browser(port))
        assert asyncio.run(_other_sites(port)) == {"evil": 403, "other_port": 403, "null": 403,
                                                    "rebound_page": 403, "rebound_ws": 403, "localhost": 200}
        assert f"ws://127.0.0.1:{port}/ws" in page  # the page's websocket is on loopback too
        assert started, "the board never reached the browser"
        assert refused, "the edit key was not refused with the read-only notice"
        after = BoardStore.open(board, read_only=True).snapshot().cards
        assert after == before  # nothing moved
        assert not any((board.parent / "board.d").glob("*.json")) if (board.parent / "board.d").exists() else True
        assert _listening_on_loopback_only(port)
    finally:
        _stop(server, port)


def test_allow_edits_is_refused_and_a_wide_host_warns(board: Path, capsys, monkeypatch) -> None:
    assert main(["--board", str(board), "--lang", "en", "serve", "--allow-edits"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("board: --allow-edits is refused without --users FILE: every browser would write as")
    assert err.count("\n") == 1
    from tui.cli import serve_command

    served = []
    monkeypatch.setattr("textual_serve.server.Server.serve", lambda self, debug=False: served.append(self))
    assert main(["--board", str(board), "--lang", "en", "serve", "--host", "0.0.0.0", "--port", "8765"]) == 0
    err = capsys.readouterr().err
    assert "warning: serving on 0.0.0.0:8765: anyone who can reach this machine" in err
    (server,) = served
    assert server.host == "0.0.0.0" and "--read-only" in server.command and str(board) in server.command
    assert serve_command.is_loopback("127.0.0.1") and serve_command.is_loopback("::1")
    assert not serve_command.is_loopback("0.0.0.0")
    assert main(["--board", str(board), "serve", "--review"]) == 0
    assert served[-1].host == "127.0.0.1" and served[-1].command.endswith(" review")
