"""``board serve --users FILE``: textual-serve with a sign-in, so each browser session is one officer.

textual-serve (1.1) starts one app process per websocket with one shell command for everyone
and has no notion of users. This subclass adds what ``--allow-edits`` needs:

- every HTTP request (the page, its static files, downloads) must carry HTTP Basic credentials
  of a person in the users file (storage/logins.py); a wrong or missing one gets 401, the
  browser's own sign-in box;
- the page hands its websocket a one-time ticket in the URL (``/ws/<ticket>``): the ticket, not
  the browser's cached credentials, says who the session is. Browsers do not reliably send Basic
  credentials on a websocket handshake, and a ticket cannot be used by another site's page
  (cross-site websocket hijacking), which cached credentials could;
- the session's app process runs with ``BOARD_USER=<officer name>``, so every move and note made
  in that browser is recorded under that officer's name (storage/sync/replica.user_name), each
  officer in a replica of their own.

With or without signing in, two guards that textual-serve lacks: a websocket opened by a page of
another site (its ``Origin`` is not this server) is refused, since websockets are not bound by
the same-origin rule and any web page the secretary visits could otherwise read the board off
``ws://127.0.0.1:8000/ws``; and on a loopback address only a loopback ``Host`` is served, so a
site cannot rename itself onto 127.0.0.1 (DNS rebinding) and talk to the board as "itself".

Imported only by ``board serve``: it pulls in aiohttp and textual-serve.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import os
import secrets
import time
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from storage.errors import BoardError
from storage.i18n import say
from storage.logins import Login, check_password, hash_password, read_users
from tui.cli.serve_command import is_loopback

log = logging.getLogger("textual-serve")

REALM = 'Basic realm="Directive Board", charset="UTF-8"'
TICKET_SECONDS = 120.0
"""How long the page's websocket ticket stays good: the page opens its websocket at once."""
FAILED_PAUSE = 1.0
"""A wrong password is answered after this pause: guessing costs time."""


class Gate:
    """The users file, re-read when it changes on disk, and the passwords already checked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stat: tuple[int, int, int] | None = None
        self._users: dict[str, Login] = {}
        self._good: set[bytes] = set()
        """Digests of (stored key, password) that checked out: scrypt runs once per person,
        not on every static file the page loads."""
        self._decoy = hash_password(secrets.token_urlsafe(12))
        """Checked against for an unknown login, so that it takes as long as a wrong password
        (the time of an answer does not tell which logins exist)."""

    def users(self) -> dict[str, Login]:
        try:
            st = os.stat(self.path)
            stat = (st.st_ino, st.st_size, st.st_mtime_ns)
            if stat != self._stat:
                self._users, self._stat = read_users(self.path), stat
        except (BoardError, OSError) as error:  # edited badly while serving: nobody signs in
            log.error("%s", error)
            self._users, self._stat = {}, None
        return self._users

    async def officer(self, header: str | None) -> Login | None:
        """The person whose ``Authorization: Basic …`` header this is, or None."""
        if not header or not header.startswith("Basic "):
            return None
        try:
            login, _, password = base64.b64decode(header[6:], validate=True).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return None
        user = self.users().get(login)
        key = user.key if user is not None else self._decoy
        digest = hashlib.sha256(f"{key}\0{password}".encode()).digest()
        if user is not None and digest in self._good:
            return user
        # scrypt takes tens of ms: off the event loop, so other sessions keep streaming.
        if not await asyncio.get_running_loop().run_in_executor(None, check_password, password, key):
            return None
        if user is None:
            return None
        if len(self._good) > 1000:
            self._good.clear()
        self._good.add(digest)
        return user


class Tickets:
    """One-time websocket tickets: token → (officer, expiry)."""

    def __init__(self) -> None:
        self._open: dict[str, tuple[Login, float]] = {}

    def issue(self, user: Login) -> str:
        now = time.monotonic()
        self._open = {t: v for t, v in self._open.items() if v[1] > now}
        ticket = secrets.token_urlsafe(24)
        self._open[ticket] = (user, now + TICKET_SECONDS)
        return ticket

    def take(self, ticket: str) -> Login | None:
        user, expiry = self._open.pop(ticket, (None, 0.0))
        return user if expiry > time.monotonic() else None


class BoardServer(Server):
    """textual-serve's Server; with a ``gate``, signed in and one officer per session."""

    def __init__(self, command_for: Callable[[Login | None], str], gate: Gate | None = None,
                 lang: str = "th-ascii", **options) -> None:
        super().__init__(command_for(None), **options)
        self.command_for = command_for
        self.gate = gate
        self.lang = lang
        """What the console and refused requests are told in (``board serve --lang``)."""
        self.tickets = Tickets()
        self.loopback = is_loopback(self.host)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.insert(0, self._same_site)
        if self.gate is not None:
            app.router.add_get("/ws/{ticket}", self.handle_websocket, name="session")
            app.middlewares.append(self._sign_in)
        return app

    async def on_startup(self, app: web.Application) -> None:
        if self.gate is None:
            return await super().on_startup(app)
        example = self.command_for(Login("LOGIN", "", say(self.lang, "serve.console.officer")))
        self.console.print(say(self.lang, "serve.console.serving", title=self.title, url=self.public_url,
                               path=str(self.gate.path), command=example), highlight=False, markup=False)

    @web.middleware
    async def _same_site(self, request: web.Request, handler):
        """Only this machine's own names on a loopback server; websockets only from its own pages."""
        if self.loopback and not _loopback_name(request.host):
            log.warning("refused a request for host %r (not this machine's own name)", request.host)
            raise web.HTTPForbidden(text=say(self.lang, "serve.refused.host") + "\n")
        origin = request.headers.get("Origin")
        if (request.match_info.route.name in ("websocket", "session") and origin is not None
                and _netloc(origin) != _browser_host(request).lower()):
            log.warning("refused a websocket from a page of %r", origin)
            raise web.HTTPForbidden(text=say(self.lang, "serve.refused.origin") + "\n")
        return await handler(request)

    @web.middleware
    async def _sign_in(self, request: web.Request, handler):
        if request.match_info.route.name == "session":
            return await handler(request)  # the ticket is the credential (handle_websocket)
        officer = await self.gate.officer(request.headers.get("Authorization"))
        if officer is None:
            if "Authorization" in request.headers:
                await asyncio.sleep(FAILED_PAUSE)
            raise web.HTTPUnauthorized(headers={"WWW-Authenticate": REALM},
                                       text=say(self.lang, "serve.refused.sign_in") + "\n")
        request["officer"] = officer
        return await handler(request)

    async def handle_index(self, request: web.Request):
        officer: Login | None = request.get("officer")
        # The websocket address comes from the address the browser used (not --host, which
        # may be 0.0.0.0), secure behind an HTTPS proxy, and carries this page's ticket.
        secure = request.secure or request.headers.get("X-Forwarded-Proto") == "https"
        host = _browser_host(request)
        path = f"/ws/{self.tickets.issue(officer)}" if officer else "/ws"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{'wss' if secure else 'ws'}://{host}{path}",
            "config": {"static": {"url": f"{'https' if secure else 'http'}://{host}/static/"}},
            "application": {"name": f"{self.title} · {officer.name}" if officer else self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"  # a ticket is good once
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.gate is None:
            return await super().handle_websocket(request)
        officer = self.tickets.take(request.match_info.get("ticket", ""))
        if officer is None:  # no ticket (plain /ws), a used one or an old one
            raise web.HTTPForbidden(text=say(self.lang, "serve.refused.ticket") + "\n")
        log.info("session for %s (%s)", officer.login, officer.name)
        return await self._session(request, self.command_for(officer))

    async def _session(self, request: web.Request, command: str) -> web.WebSocketResponse:
        """textual-serve's handle_websocket (1.1.3), with this session's own command."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=websocket.close, download_manager=self.download_manager,
                                 debug=self.debug)
            await service.start(width, height)
            try:
                await self._process_messages(websocket, service)
            finally:
                await service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if service is not None:
                await service.stop()
        return websocket


def _browser_host(request: web.Request) -> str:
    """The host and port the browser typed: X-Forwarded-Host behind a proxy (which keeps Host
    127.0.0.1:PORT, nginx's default), else Host. A page of another site cannot set the header on
    a websocket, nor on a request without our (never given) CORS consent."""
    return request.headers.get("X-Forwarded-Host", "").split(",")[0].strip() or request.host


def _netloc(url: str) -> str:
    """``http://127.0.0.1:8000`` → ``127.0.0.1:8000``; "" for what is not an address ("null")."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


def _loopback_name(host: str) -> bool:
    """Whether a ``Host`` header (``localhost:8000``, ``[::1]:8000``) names this machine itself."""
    try:
        name = urlsplit(f"//{host}").hostname
    except ValueError:
        return False
    return bool(name) and is_loopback(name)
