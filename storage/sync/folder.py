"""The files that make up one board and what each of them is.

``NAME.json`` is the base; ``NAME.d/`` beside it holds one file per replica
(``<16 hex>.json``) and compacted bases (``base-<ms>-<replica>.json``). Any other JSON file
in ``NAME.d/``, or beside ``NAME.json`` carrying the same board id, is a *stray*: a conflict
copy or a restored backup. Strays are data: they are joined into the board when read and
folded into the replica's own file by ``board sync``. We never rely on a sync engine's naming
to decide that; names are only used to tell the user what was found.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from storage.sync.files import TEMP_PREFIX

REPLICA_NAME = re.compile(r"^[0-9a-f]{16}\.json$")
BASE_NAME = re.compile(r"^base-([0-9]+)-([0-9a-f]{16})\.json$")
"""A compacted base; groups: (number, replica id)."""
ARCHIVE = ".archive"

_ENGINES = (
    (re.compile(r"\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+"), "syncthing"),
    (re.compile(r"'s conflicted copy \d{4}-\d{2}-\d{2}"), "dropbox"),
    (re.compile(r"\(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)"), "nextcloud"),
    (re.compile(r"\(\d+\)\.json$|copy", re.IGNORECASE), "backup"),
)


def board_folder(board: Path) -> Path:
    """``NAME.json`` -> ``NAME.d`` beside it, so several boards can share one folder."""
    return board.with_name(board.stem + ".d")


def _json_files(folder: Path) -> list[Path]:
    try:
        entries = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    with entries:
        # Dot-files are ours or an engine's temp files (.~x.tmp, .syncthing.x.tmp): never data.
        return [Path(e.path) for e in entries
                if e.name.endswith(".json") and not e.name.startswith((".", TEMP_PREFIX)) and e.is_file()]


def folder_files(board: Path) -> list[Path]:
    """Every JSON file in ``NAME.d/``."""
    return sorted(_json_files(board_folder(board)))


def beside_files(board: Path) -> list[Path]:
    """Other JSON files beside ``NAME.json`` that may be copies of it (the caller checks the id).

    A file with its own ``OTHER.d/`` folder is a board in use, even when it began as a copy
    of this one (same board id): folding it would archive somebody's board.
    """
    return sorted(p for p in _json_files(board.parent)
                  if p.name != board.name and not board_folder(p).is_dir())


def is_stray_in_folder(path: Path) -> bool:
    return not (REPLICA_NAME.match(path.name) or BASE_NAME.match(path.name))


def label(path: Path, known_stems: set[str]) -> str:
    """What a stray looks like, for the report only: ``sync.copy.<label>`` in the catalog."""
    for pattern, engine in _ENGINES:
        if pattern.search(path.name):
            return engine
    stem = path.stem
    if "-" in stem and stem.rsplit("-", 1)[0] in known_stems:
        return "onedrive"
    return "stray"


def archive(path: Path, folder: Path) -> Path:
    """Move a folded stray into ``NAME.d/.archive/`` (kept for people, never read again)."""
    target_dir = folder / ARCHIVE
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / path.name
    if target.exists():
        target = target_dir / f"{path.stem}.{time.strftime('%Y%m%d-%H%M%S')}.{os.getpid()}{path.suffix}"
    os.replace(path, target)
    return target
