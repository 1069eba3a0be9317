"""Who writes: one replica per (user, machine, board), remembered in the user's state dir.

The state dir (platformdirs, honouring ``XDG_STATE_HOME``) is local to the machine and is
never synced, so it holds what must not travel: the replica id, the lock taken around
re-read -> apply -> write, and the shadow copy of the replica's own file that restores it
when a sync engine deletes it or rolls it back.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple


from storage.errors import BoardError
from storage.ids import blake2b, new_id
from storage.logs import logger
from storage.sync import host
from storage.sync.files import dumps, write_atomic

if TYPE_CHECKING:
    from filelock import FileLock

APP = "directive-board"

# filelock and platformdirs are imported where they are needed, not here: with what they
# import (logging, decimal, tempfile, shutil, random) they were a fifth of what `board list`
# spent importing, and reading a board from the cache takes no lock (issue 11).


def user_name(explicit: str | None = None) -> str:
    """BOARD_USER, else the login name."""
    if explicit:
        return explicit
    env = os.environ.get("BOARD_USER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers): still record something honest
        logger(__name__).info("no login name; changes are recorded as 'unknown'", exc_info=True)
        return "unknown"


def state_root() -> Path:
    """``$XDG_STATE_HOME/directive-board`` (``~/.local/state/…``) on Linux; platformdirs' answer elsewhere."""
    if sys.platform == "linux":
        # platformdirs' own rule on Linux, spelled out so that opening a board does not import
        # it (tests/storage/test_startup_imports.py checks that both agree).
        base = os.environ.get("XDG_STATE_HOME", "")
        return Path(base if os.path.isabs(base) else os.path.expanduser("~/.local/state"), APP)
    import platformdirs

    return Path(platformdirs.user_state_dir(APP, appauthor=False))


# A NamedTuple, not a dataclass: every command defines it, and a frozen dataclass costs ~5x as much to
# define (~0.5 ms of each start; issue 11).
class Replica(NamedTuple):
    id: str
    user: str
    machine: str
    home: Path
    """This replica's folder in the state dir."""

    @property
    def lock_path(self) -> Path:
        return self.home / "write.lock"

    @property
    def shadow_path(self) -> Path:
        return self.home / "shadow.json"

    def lock(self, timeout: float = 30.0) -> "WriteLock":
        return WriteLock(self.lock_path, timeout)


def _home(board_path: Path, board_id: str, user: str) -> tuple[Path, str, str]:
    """(state folder, real board path, machine) of this user's replica of this board."""
    where = os.path.realpath(board_path)
    machine = host.host_name()
    # The host is part of the key too: a home directory shared over NFS must not give two
    # machines one replica (they would write one file at once).
    key = blake2b(f"{board_id}\x1f{where}\x1f{user}\x1f{machine}".encode(), digest_size=8).hexdigest()
    return state_root() / "boards" / key, where, machine


def _load_identity(home: Path, user: str) -> tuple[Replica, dict]:
    """The identity saved in ``home`` and its document; OSError / ValueError (not JSON) /
    KeyError / TypeError if none."""
    # The standard json, not orjson: this small file is read by every command, most of which
    # (an open from the cache) parse nothing else, and orjson's import costs ~2.5 ms (issue 11).
    data = json.loads((home / "replica.json").read_bytes())
    return Replica(str(data["replica"]), user, str(data["machine"]), home), data


def find_replica(board_path: Path, board_id: str, user: str) -> Replica | None:
    """The existing replica identity, or None; creates nothing (read-only opening)."""
    home, _, _ = _home(board_path, board_id, user)
    try:
        return _load_identity(home, user)[0]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def replica_for(board_path: Path, board_id: str, user: str) -> Replica:
    """Load or make the replica identity of ``user`` on this machine for this board.

    A saved identity made on another machine (the state dir was copied here: a restored
    backup, a cloned laptop, a roaming profile) is not taken over: this machine is the
    newcomer and gets a fresh replica id at once, before it writes anything under the old
    one (its entries are kept: the shadow it brought is written into its new file)."""
    home, where, machine = _home(board_path, board_id, user)
    try:  # written atomically: one that is there and ours is read without taking the lock
        replica, data = _load_identity(home, user)
        if data.get("host") == host.fingerprint():
            return replica
    except (OSError, ValueError, KeyError, TypeError):
        pass
    from filelock import FileLock

    home.mkdir(parents=True, exist_ok=True)
    with FileLock(str(home / "identity.lock"), timeout=30):
        try:
            replica, data = _load_identity(home, user)
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return _save(home, {"replica": new_id(), "user": user, "machine": machine, "board": where}, user)
        if data.get("host") == host.fingerprint():
            return replica
        if "host" not in data:  # made before machines were told apart: it is ours from now on
            return _save(home, {**data, "host": host.fingerprint()}, user)
        return _renewed(home, data, user, "copied from another machine")


def renew(replica: Replica, why: str) -> Replica:
    """Move this machine to a fresh replica id: another machine writes under ``replica``'s
    (it found our file written by a machine that is not this one, or holding entries this
    machine never wrote). Every process of this machine follows (``current``); the old id's
    file stays in the folder, read like anybody's, so nothing of either machine is lost."""
    from filelock import FileLock

    with FileLock(str(replica.home / "identity.lock"), timeout=30):
        now, data = _load_identity(replica.home, replica.user)
        if now.id != replica.id:  # another process of this machine renewed it already
            return now
        return _renewed(replica.home, data, replica.user, why)


def current(replica: Replica) -> Replica:
    """The identity this machine writes under now (``replica`` unless a process renewed it)."""
    try:
        now, _ = _load_identity(replica.home, replica.user)
    except (OSError, ValueError, KeyError, TypeError):
        return replica
    return replica if now.id == replica.id else now


def _renewed(home: Path, data: dict, user: str, why: str) -> Replica:
    earlier = [*data.get("earlier", []), {"replica": data["replica"], "why": why, "host": data.get("host", "")}]
    return _save(home, {**data, "replica": new_id(), "machine": host.host_name(), "earlier": earlier}, user)


def _save(home: Path, data: dict, user: str) -> Replica:
    data = {**data, "host": host.fingerprint()}
    write_atomic(home / "replica.json", dumps(data))
    return Replica(data["replica"], user, data["machine"], home)


class WriteLock:
    """The local re-read -> apply -> write lock, with a one-line error when it is stuck.

    ``flock`` on ``write.lock`` where there is one (what filelock's Unix lock takes too, so
    every version of the program excludes every other): a write takes it in a few
    microseconds, where importing filelock cost ~10 ms of every `board move` (issue 11).
    Elsewhere (Windows; a file system without flock) filelock, which knows those."""

    POLL = 0.05
    """Seconds between two tries while another process holds the lock (filelock's default)."""

    def __init__(self, path: Path, timeout: float = 30.0) -> None:
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None
        self._fallback: "FileLock | None" = None

    def __enter__(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return self._enter_filelock()
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0), 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                    os.close(fd)  # no flock on this file system (ENOSYS, EOPNOTSUPP)
                    return self._enter_filelock()
                if time.monotonic() >= deadline:  # EACCES: contention, as some file systems say it
                    os.close(fd)
                    raise BoardError("error.lock_busy", lock=str(self.path)) from None
                time.sleep(self.POLL)
        self._fd = fd

    def _enter_filelock(self) -> None:
        from filelock import FileLock, Timeout

        self._fallback = FileLock(str(self.path), timeout=self.timeout)
        try:
            self._fallback.acquire()
        except Timeout:
            self._fallback = None
            raise BoardError("error.lock_busy", lock=str(self.path)) from None

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the only descriptor releases the flock
        elif self._fallback is not None:
            fallback, self._fallback = self._fallback, None
            fallback.release()
