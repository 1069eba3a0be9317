"""Crash-safe board files: atomic writes and keyed reads (DESIGN.md §3, Writes).

Every write goes to a temp file in the same folder (``os.replace`` needs one filesystem),
is fsynced, renamed over the target and the folder is fsynced, so a reader or a kill -9
only ever sees the old or the new file. The temp name starts with ``.~`` and ends with
``.tmp``: Dropbox, OneDrive and Nextcloud skip such names, Syncthing waits for a file to
settle before copying and our own readers skip dot-files, so a half-written temp file is
never synced or read. Reads re-open the file by path every time (a sync engine replaces
files by rename) and skip the parse when (inode, size, mtime_ns, ctime_ns) are unchanged.
The TinyDB ``Storage`` over these is ``tables.AtomicJSONStorage``.

orjson is imported by the first parse or dump, not here: a board opened from the open cache
(``board list``, ``board summary``) parses and writes no JSON, and orjson's own import
(uuid, platform, json) was ~2.5 ms of every such command (issue 11).
"""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from storage.errors import BadFile
from storage.sync import sharing
from storage.sync.host import temp_tag

StatKey = tuple[int, int, int, int]

TEMP_PREFIX = ".~"


def key_of(st: os.stat_result) -> StatKey:
    """(inode, size, mtime_ns, ctime_ns): changes whenever a file is rewritten or replaced by
    rename. The change time is there because mtime can be put back (``cp -p`` or ``rsync -t``
    over a file in place keeps its inode, and a status edit keeps its size), ctime cannot."""
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def stat_key(path: Path) -> StatKey | None:
    try:
        return key_of(os.stat(path))
    except FileNotFoundError:
        return None


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder for fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes, old: int | None, durable: bool) -> Path:
    # Who wrote it (machine, boot, pid): only a provably abandoned temp file of ours is ever
    # swept (host.stale_temp); another machine's may be a write in progress.
    temp = path.with_name(f"{TEMP_PREFIX}{path.name}.{temp_tag()}.{os.urandom(4).hex()}.tmp")
    mode, gid = sharing.file_mode(path.parent, old)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except PermissionError:
        raise sharing.cannot_write(path.parent) from None
    except OSError as error:  # a read-only share: name the file, not our temp file
        raise _naming(error, path) from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        sharing.share(fd, mode, gid)  # the folder's group may read it, whatever the umask
        if durable:
            os.fsync(fd)
    except BaseException as error:
        os.close(fd)
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError):  # a full disk: os.write names no file at all
            raise _naming(error, path) from None
        raise
    os.close(fd)
    return temp


def _naming(error: OSError, path: Path) -> OSError:
    """``error`` naming the file we were writing: on a full disk the officer must learn
    which disk (the shared folder's or the state dir's) to make room on."""
    return OSError(error.errno, error.strerror, str(path))  # same subclass, by errno


def write_atomic(path: Path, data: bytes, *, durable: bool = True, exclusive: bool = False) -> None:
    """Replace ``path`` with ``data`` all at once; keep the old file's permission bits, plus
    its folder's group and group permissions (storage/sync/sharing.py).

    ``exclusive`` refuses to replace an existing file (FileExistsError), atomically.
    """
    try:
        mode: int | None = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    temp = _write_temp(path, data, mode, durable)
    try:
        if exclusive:
            os.link(temp, path)
            temp.unlink()
        else:
            os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(path.parent)


@contextmanager
def put_back_on_failure(path: Path) -> Iterator[None]:
    """Inside, ``path`` may be replaced; if anything inside fails, it is put back as it was
    (removed if it was new), so a write that fails half-way — the shadow written, the synced
    copy refused by a full disk — changes nothing anywhere. The old file is kept by a hard
    link under a temp name (no space needed; swept like any temp file if we are killed)."""
    keep = path.with_name(f"{TEMP_PREFIX}{path.name}.{temp_tag()}.{os.urandom(4).hex()}.tmp")
    old: bytes | None = None
    try:
        os.link(path, keep)
        existed = linked = True
    except FileNotFoundError:
        existed = linked = False
    except OSError:  # no hard links here (FAT, some shares): keep the bytes instead
        old, existed, linked = path.read_bytes(), True, False
    try:
        yield
    except BaseException:
        if linked:
            os.replace(keep, path)
        elif existed:
            write_atomic(path, old or b"")
        else:
            path.unlink(missing_ok=True)
        raise
    finally:
        if linked:
            keep.unlink(missing_ok=True)


def dumps(data: Any) -> bytes:
    import orjson  # at the first write (see the module's docstring)

    # UTF-8 as is: Thai stays one byte per byte, not six per character as \u escapes.
    return orjson.dumps(data)


def describe(raw: bytes, error: Exception) -> tuple[str, dict[str, Any]]:
    """A short reason (``sync.file.<reason>`` in the catalog, details) why ``raw`` is not a board file."""
    if not raw.strip():
        return "empty", {}
    if b"\x00" in raw[:4096]:
        return "binary", {}
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        # Cut inside a character (Thai is 3 bytes each): a file that ends early, not another encoding.
        if bad.reason != "unexpected end of data":
            return "not_utf8", {}
        return "truncated", {}
    text = str(error).split("\n")[0]
    if "EOF" in text or "unexpected end" in text.lower():
        return "truncated", {}
    # Where, not the parser's own words (they were cut to fit: "column 66 (ch").
    return "bad_json", {"line": getattr(error, "lineno", "?"), "column": getattr(error, "colno", "?")}


def _parse(path: Path, raw: bytes) -> Any:
    import orjson  # at the first parse (see the module's docstring)

    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        reason, details = describe(raw, error)
        raise BadFile(str(path), reason, "skipped", **details) from None


MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest board file read. A 10,000-card board is ~3 MB and years of notes on it a few
times that; 64 MB still parses in well under a second, while a 3 GB file (or a link to one)
would take minutes and gigabytes of memory on every command."""


def _read_regular(path: Path, known: StatKey | None) -> tuple[StatKey, bytes | None]:
    """(key, bytes) of a regular file, (key, None) when its key is ``known``.

    Opened without blocking, so a FIFO (``--board`` at a pipe) is refused instead of waiting
    forever for a writer; devices and sockets are refused too, and so is a file over
    ``MAX_FILE_BYTES`` — before a byte of it is read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BadFile(str(path), "folder" if stat.S_ISDIR(st.st_mode) else "not_regular")
        key = key_of(st)
        if key == known:
            return key, None
        if st.st_size > MAX_FILE_BYTES:
            raise BadFile(str(path), "too_large", "skipped", size_mb=st.st_size >> 20, limit_mb=MAX_FILE_BYTES >> 20)
        raw = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since the fstat
    if len(raw) > MAX_FILE_BYTES:
        raise BadFile(str(path), "too_large", "skipped", size_mb=len(raw) >> 20, limit_mb=MAX_FILE_BYTES >> 20)
    return key, raw


def load_keyed(path: Path, known: StatKey | None = None) -> tuple[StatKey, Any] | None:
    """(stat key, parsed data) read through one handle, so the key matches the bytes.

    None when the file is missing; ``(key, None)`` when the key equals ``known`` (unchanged:
    no read, no parse); BadFile when it cannot be parsed, is not a regular file or is too big.
    """
    loaded = load_raw(path, known)
    return None if loaded is None else (loaded[0], loaded[2])


def load_raw(path: Path, known: StatKey | None = None,
             twin: tuple[bytes, Any] | None = None) -> tuple[StatKey, bytes | None, Any] | None:
    """``load_keyed`` with the bytes read too: (key, bytes, parsed data). ``twin`` is (bytes,
    parsed data) of a file just read: when this one holds the very same bytes (our synced copy
    and its shadow, written alike), its parse is that one, not parsed again."""
    try:
        key, raw = _read_regular(path, known)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise BadFile(str(path), "folder") from None
    except PermissionError:
        # Another officer's file made before the board shared its files with the folder's group.
        raise BadFile(str(path), "no_read", owner=sharing.owner(path), mode=sharing.mode_text(path)) from None
    if raw is None:
        return key, None, None
    if twin is not None and raw == twin[0]:
        return key, raw, twin[1]
    return key, raw, _parse(path, raw)


def load(path: Path) -> Any:
    """Parse a board file; BadFile naming the file and the problem when it cannot be read."""
    loaded = load_keyed(path)
    if loaded is None:
        raise BadFile(str(path), "missing")
    return loaded[1]
