"""A board folder shared by several Unix users: what we create in it is shared like it.

On a shared server the board folder belongs to a group (often setgid, mode 2775 or 2770) and
each officer writes with their own umask. Left to the umask, the first writer with 022 made
``NAME.d/`` (and ``.archive/``) without group write — every other officer locked out for good
— and one with 077 wrote a compacted base only they could read. So every folder and file the
board creates inside a folder takes its group and its group permissions from that folder
(setgid folders stay setgid), whatever the umask; the umask still limits what others get.
Where we cannot read or write, the message names the file, its owner and what to run.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from storage.errors import BoardError
from storage.logs import logger


_GROUP_RW = 0o060
_GROUP_ALL = 0o070


def umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux ≥ 4.7)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        logger(__name__).debug("no /proc/self/status umask; reading it by setting it", exc_info=True)
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


def file_mode(folder: Path, old: int | None) -> tuple[int, int]:
    """(permission bits, group) for a file written into ``folder``: the old file's bits (or
    what the umask allows a new one), plus the folder's group read/write; the folder's group."""
    st = os.stat(folder)
    base = old if old is not None else 0o666 & ~umask()
    return (base | (st.st_mode & _GROUP_RW)) & 0o7777, st.st_gid


def share(fd: int, mode: int, gid: int) -> None:
    """Give the file open as ``fd`` the group and bits it should have (``file_mode``)."""
    if os.name == "nt":  # pragma: no cover - no Unix groups
        return
    if os.fstat(fd).st_gid != gid:
        try:
            os.fchown(fd, -1, gid)
        except PermissionError:  # not a member of the folder's group: the bits still help
            logger(__name__).info("cannot give a file the folder's group %s (not a member?)", gid)
    os.fchmod(fd, mode)


def make_folder(path: Path) -> None:
    """Create the folder ``path`` (its parent exists) shared like its parent: group, group
    permissions and setgid from the parent, owner full, others as the umask allows."""
    if path.is_dir():
        return
    parent = os.stat(path.parent)
    mode = 0o700 | (parent.st_mode & (_GROUP_ALL | stat.S_ISGID)) | (0o777 & ~umask() & 0o007)
    try:
        os.mkdir(path, mode & 0o777)
    except FileExistsError:
        _wait_until_usable(path)  # another officer made it a moment ago
        return
    except PermissionError:
        raise cannot_write(path.parent) from None
    if os.name == "nt":  # pragma: no cover
        return
    if os.stat(path).st_gid != parent.st_gid:
        try:
            os.chown(path, -1, parent.st_gid)
        except PermissionError:  # as for files: the bits still help
            logger(__name__).info("cannot give %s its folder's group %s (not a member?)", path, parent.st_gid)
    os.chmod(path, mode)  # after chown, and past the umask


def _wait_until_usable(path: Path, seconds: float = 1.0) -> None:
    """A folder another process has just created gets its modes right after: wait for them
    (briefly) rather than fail on the moment between its mkdir and its chmod."""
    end = time.monotonic() + seconds
    while not os.access(path, os.W_OK | os.X_OK) and time.monotonic() < end:
        try:
            if time.time() - os.stat(path).st_ctime > 5:
                return  # an old folder: its modes are what they are
        except FileNotFoundError:
            return
        time.sleep(0.005)


def owner(path: Path) -> str:
    """The login name (or uid) that owns ``path``."""
    try:
        uid = os.stat(path).st_uid
    except OSError:
        return "?"
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def mode_text(path: Path) -> str:
    try:
        return stat.filemode(os.stat(path).st_mode)
    except OSError:
        return "?"


def cannot_write(folder: Path) -> BoardError:
    """Writing into ``folder`` was refused: who can fix it, and how."""
    return BoardError("files.no_write", folder=str(folder), owner=owner(folder), mode=mode_text(folder))
