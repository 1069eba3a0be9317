"""Bounded work for any input: how much of a file the importer will read, and the checks.

A letter is a few pages: a few hundred table rows at most, never millions. Every reader
counts what it reads against these limits and stops at the first one crossed with a
one-line ImportFailed naming the limit (nothing is written). The numbers are far above any
real letter (the largest provincial letters seen have ~200 items on ~40 pages) and far
below what would take more than a second or a few hundred MB to read.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from storage.errors import ImportFailed

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Any letter file (a 40-page PDF with a scanned signature is ~2 MB)."""
MAX_UNPACKED_BYTES = 24 * 1024 * 1024
"""One member of a .docx/.xlsx once unpacked (document.xml of a 100-page letter is ~3 MB)."""
MAX_UNPACKED_TOTAL = 64 * 1024 * 1024
MAX_PARAGRAPHS = 50_000
MAX_ROWS = 20_000
"""Rows of a table or sheet that hold text."""
MAX_SCAN_ROWS = 100_000
"""Rows looked at in a sheet, blank ones included: openpyxl parses ~30,000 rows a second."""
MAX_CELLS = 200_000
MAX_COLUMNS = 64
"""Columns read from a sheet; a directive table has 3-6, anything to the right is ignored."""
MAX_ITEMS = 2_000
"""Directive items in one letter."""
MAX_LINES = 100_000
MAX_PAGES = 300
MAX_CHARS = 3_000_000


class LimitExceeded(Exception):
    """A reader that has no file name in hand crossed a limit; read_letter names the file."""

    def __init__(self, what: str, limit: int, found: str | int) -> None:
        super().__init__(f"{what} over {limit}")
        self.what, self.limit, self.found = what, limit, found

    def for_file(self, path: Path | str) -> ImportFailed:
        return over(path, self.what, self.limit, self.found)


def count_up(what: str, limit: int, count: int) -> None:
    """Raise LimitExceeded once ``count`` passes ``limit`` (callers count as they stream)."""
    if count > limit:
        raise LimitExceeded(what, limit, f"{limit + 1:,}+")


def fail(path: Path | str, reason: str, **params) -> ImportFailed:
    """An ImportFailed for ``path`` with a catalog key (storage/i18n/importer.py) and values."""
    return ImportFailed(path=str(path), reason=reason, params=params)


def over(path: Path | str, what: str, limit: int, found: str | int) -> ImportFailed:
    """The refusal for a limit crossed: ``what`` is an ``import.limit.*`` key."""
    shown = f"{found:,}" if isinstance(found, int) else found
    return fail(path, "importer.fail.limit", what=what, limit=f"{limit:,}", found=shown)


def read_regular(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, at most ``max_bytes``; FIFOs, devices and folders refused.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO (or a file
    swapped for one after a check) never blocks the command and a symlink is judged by
    what it points at.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise fail(path, "importer.fail.missing") from None
    except IsADirectoryError:
        raise fail(path, "importer.fail.not_file") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise fail(path, "importer.fail.not_file")
        if info.st_size > max_bytes:
            raise over(path, "importer.limit.bytes", max_bytes, _mb(info.st_size))
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # grew while we read it
                raise over(path, "importer.limit.bytes", max_bytes, _mb(total))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_zip(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a .docx/.xlsx whose members unpack past the limits (a zip bomb).

    The declared sizes are checked first (instant); then every member is inflated in
    chunks and counted, so a member that lies about its size is stopped at the limit too.
    """
    declared = 0
    for info in archive.infolist():
        declared += info.file_size
        if info.file_size > MAX_UNPACKED_BYTES:
            raise _unpacked(path, info.filename, info.file_size)
    if declared > MAX_UNPACKED_TOTAL:
        raise _unpacked(path, "*", declared, MAX_UNPACKED_TOTAL)
    total = 0
    for info in archive.infolist():
        size = 0
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                size += len(chunk)
                total += len(chunk)
                if size > MAX_UNPACKED_BYTES:
                    raise _unpacked(path, info.filename, size)
                if total > MAX_UNPACKED_TOTAL:
                    raise _unpacked(path, "*", total, MAX_UNPACKED_TOTAL)


def _unpacked(path: Path, member: str, size: int, limit: int = MAX_UNPACKED_BYTES) -> ImportFailed:
    return fail(path, "importer.fail.limit", what="importer.limit.unpacked", member=member,
                limit=_mb(limit), found=_mb(size))
