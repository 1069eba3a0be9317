"""Who may open a served board (``board serve --users FILE``), and the name each one's changes carry.

The server's admin writes the file with ``board serve-user FILE LOGIN [--name NAME]``; one line
per person::

    somchai:scrypt$16384$8$1$<salt>$<key>:สมชาย ใจดี

The login is what the browser's sign-in box asks for (HTTP Basic auth: no colon, no spaces);
the officer name after the second colon is what the board records on that person's moves and
notes (BOARD_USER of their browser session), the login itself when it is left out. Passwords
are kept as scrypt keys (stdlib ``hashlib.scrypt``, a memory-hard hash, salted per line), never
as text. Blank lines and lines starting with ``#`` are skipped. Pure Python: no Textual or Rich.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from pathlib import Path

from storage.errors import BoardError

SCHEME = "scrypt"
COST = (2**14, 8, 1)
"""scrypt's (n, r, p): 16 MB and some tens of ms a check — the cost OWASP suggests for logins."""

_LOGIN = re.compile(r"[^\s:\x00-\x1f\x7f]{1,64}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Login:
    login: str
    key: str
    """``scrypt$n$r$p$salt$key`` (base64 without padding)."""
    name: str
    """The officer name the board records for this person."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def hash_password(password: str, salt: bytes | None = None) -> str:
    n, r, p = COST
    salt = salt if salt is not None else os.urandom(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(key)}"


def check_password(password: str, stored: str) -> bool:
    """True when ``password`` is the one ``stored`` was made from (compared in constant time)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != SCHEME:
            return False
        expected = _unb64(key)
        got = hashlib.scrypt(password.encode(), salt=_unb64(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected), maxmem=128 * 1024 * 1024)
    except (ValueError, TypeError, MemoryError):  # a damaged line: no one signs in with it
        return False
    return hmac.compare_digest(got, expected)


def check_login(login: str) -> None:
    if not _LOGIN.fullmatch(login):
        raise BoardError("serve.users.bad_login", login=login)


def check_name(name: str) -> None:
    if _CONTROL.search(name) or len(name) > 100:
        raise BoardError("serve.users.bad_name", name=name)


def parse_users(text: str, path: str = "") -> dict[str, Login]:
    """Login → Login; a line that cannot be read is named (BoardError), never skipped quietly."""
    users: dict[str, Login] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        login, _, rest = line.partition(":")
        key, _, name = rest.partition(":")
        name = name.strip() or login
        if (not _LOGIN.fullmatch(login) or not key.startswith(SCHEME + "$") or key.count("$") != 5
                or _CONTROL.search(name) or login in users):
            raise BoardError("serve.users.bad_line", path=path, line=number)
        users[login] = Login(login, key, name)
    return users


def read_users(path: Path) -> dict[str, Login]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BoardError("serve.users.missing", path=str(path)) from None
    except UnicodeDecodeError:
        raise BoardError("serve.users.bad_line", path=str(path), line=1) from None
    return parse_users(text, str(path))


def format_users(users: dict[str, Login]) -> str:
    lines = [f"{u.login}:{u.key}" + (f":{u.name}" if u.name != u.login else "") for u in users.values()]
    return "".join(line + "\n" for line in lines)


def write_users(path: Path, users: dict[str, Login]) -> None:
    """Replace the file at once, readable by its owner only (it holds password keys)."""
    temp = path.with_name(f".~{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(format_users(users))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def set_user(path: Path, login: str, password: str, name: str = "") -> tuple[Login, bool]:
    """Add ``login`` or give it a new password (and name); (the entry, True if it is new)."""
    check_login(login)
    name = name.strip()
    check_name(name)
    if not password:
        raise BoardError("serve.users.empty_password")
    users = read_users(path) if path.exists() else {}
    new = login not in users
    old_name = "" if new else users[login].name
    users[login] = Login(login, hash_password(password), name or old_name or login)
    write_users(path, users)
    return users[login], new


def remove_user(path: Path, login: str) -> None:
    users = read_users(path)
    if users.pop(login, None) is None:
        raise BoardError("serve.users.unknown", login=login, path=str(path))
    write_users(path, users)
