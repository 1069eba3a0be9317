"""Which machine this is, and which boot of it: for telling our own files from a clone's.

A state directory can be copied to another machine (a restored backup, a cloned laptop, a
roaming profile); then two machines hold one replica identity (``replica.py``). Two things
tell them apart:

* ``fingerprint()``: the host name and the OS's machine id (``/etc/machine-id``), hashed.
  Stable across reboots; recorded in ``replica.json`` and in every replica file we write, so
  a state dir that arrives on other hardware, or a file another machine wrote under our
  name, is seen at once. (A perfect clone keeps both; ``OwnFile`` then sees the other
  machine's entries in our file instead.)
* ``boot()``: this boot of this machine (``/proc/sys/kernel/random/boot_id``), random per
  boot, so it differs between two running clones too. Temp files carry it with the pid of
  their writer: only a temp file of this boot whose process is gone, or one written before
  this boot began, is provably ours and stale (``stale_temp``).
"""

from __future__ import annotations

import functools
import os
import re
import time
from pathlib import Path

from storage.ids import blake2b

_MACHINE_ID_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")


def _read(path: str) -> str:
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            return f.read(200).strip()
    except OSError:
        return ""


def host_name() -> str:
    """This machine's name, as ``socket.gethostname()`` gives it. On POSIX both read the
    kernel's node name; ``os.uname`` spares every command importing socket (issue 11)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - Windows

    return socket.gethostname()


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """This machine: 16 hex digits of (host name, machine id)."""
    machine_id = next((text for text in map(_read, _MACHINE_ID_FILES) if text), "")
    return blake2b(f"{host_name()}\x1f{machine_id}".encode(), digest_size=8).hexdigest()


@functools.lru_cache(maxsize=1)
def boot() -> str:
    """This boot of this machine: 8 hex digits ("" where the OS does not say)."""
    boot_id = _read("/proc/sys/kernel/random/boot_id")
    return blake2b(boot_id.encode(), digest_size=4).hexdigest() if boot_id else ""


@functools.lru_cache(maxsize=1)
def boot_time() -> float | None:
    """When this boot began (seconds since the epoch), or None where the OS does not say."""
    for line in _read_lines("/proc/stat"):
        if line.startswith("btime "):
            return float(line.split()[1])
    return None


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            return f.read(1 << 16).splitlines()
    except OSError:
        return []


def temp_tag() -> str:
    """What a temp file's name says about its writer: ``<fingerprint8><boot8>-<pid>``."""
    return f"{fingerprint()[:8]}{boot()}-{os.getpid()}"


_TAG = r"\.([0-9a-f]{8})([0-9a-f]{8})?-([0-9]+)\.[0-9a-f]+\.tmp$"
"""A temp file's name (``re.search``; compiled at the first sweep, not at every start)."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, somebody else's
        return True
    return True


def stale_temp(path: Path) -> bool:
    """Whether a temp file is provably ours and abandoned: written on this machine by a
    process of this boot that is gone, or written before this boot began. A temp file of
    another machine — even a clone with our fingerprint, whose boot differs and whose file
    is being written now — is never ours to remove (removing it failed that machine's write)."""
    found = re.search(_TAG, path.name)
    if found is None or found.group(1) != fingerprint()[:8]:
        return False
    pid = int(found.group(3))
    if boot() and found.group(2) == boot():
        return not _alive(pid)
    try:
        written = os.stat(path).st_mtime
    except FileNotFoundError:
        return False
    began = boot_time()
    if began is not None and written < began - 1:
        return True  # last written before this boot began: no process of ours is writing it
    # No boot id (not Linux): a clone would look like us, so its writer must also be gone
    # from here and the file untouched for longer than any write takes.
    return not boot() and not _alive(pid) and written < time.time() - ABANDONED_AFTER


ABANDONED_AFTER = 600.0
"""Seconds without a change after which a temp file is surely no write in progress."""
