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

from storage.errors import BadFile
from storage.sync import sharing
from storage.sync.sharing import make_folder
from storage.sync.files import TEMP_PREFIX

# The name patterns are kept as text and compiled by ``re`` at their first use (it caches
# them): a board opened from the cache lists no folder, and compiling them at import was
# ~0.4 ms of every command (issue 11).
REPLICA_NAME = r"^[0-9a-f]{16}\.json$"
"""A replica's file name (``re.match``)."""
BASE_NAME = r"^base-([0-9]+)-([0-9a-f]{16})\.json$"
"""A compacted base's file name (``re.match``); groups: (number, replica id)."""
ARCHIVE = ".archive"

_ENGINES = (
    (r"\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+", "syncthing"),
    (r"'s conflicted copy \d{4}-\d{2}-\d{2}", "dropbox"),
    (r"\(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)", "nextcloud"),
    (r"(?i)\(\d+\)\.json$|copy", "backup"),
)


def board_folder(board: Path) -> Path:
    """``NAME.json`` -> ``NAME.d`` beside it, so several boards can share one folder."""
    return board.with_name(board.stem + ".d")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _json_files(folder: Path, root: str, odd: list[BadFile] | None = None) -> list[Path]:
    """The JSON files of ``folder`` to read: regular files, and links that stay inside ``root``
    (the real board folder). A link out of it (a link to a 3 GB file, to another user's
    files) is never followed, nor is anything that is not a regular file (a pipe would block
    the reader); those go to ``odd``, each named with why, when it is given."""
    try:
        entries = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except PermissionError:  # made by another officer before folders were shared with the group
        if odd is not None:
            odd.append(BadFile(str(folder), "no_read", owner=sharing.owner(folder), mode=sharing.mode_text(folder)))
        return []
    found = []
    with entries:
        for e in entries:
            # Dot-files are ours or an engine's temp files (.~x.tmp, .syncthing.x.tmp): never data.
            if not e.name.endswith(".json") or e.name.startswith((".", TEMP_PREFIX)):
                continue
            if e.is_symlink():
                target = os.path.realpath(e.path)
                if _inside(target, root) and os.path.isfile(target):
                    found.append(Path(e.path))
                elif odd is not None:
                    odd.append(BadFile(e.path, _link_problem(target, root), target=target))
            elif e.is_file(follow_symlinks=False):
                found.append(Path(e.path))
            elif odd is not None and not e.is_dir(follow_symlinks=False):
                odd.append(BadFile(e.path, "not_regular", "skipped"))
    return found


def _link_problem(target: str, root: str) -> str:
    """Why a link is not read, in the officer's terms: it leads out of the board folder, to
    nothing (the file it named was moved or not synced yet), or to a folder or a pipe."""
    if not _inside(target, root):
        return "outside_link"
    return "broken_link" if not os.path.lexists(target) else "link_not_file"


def _root(board: Path) -> str:
    return os.path.realpath(board.parent)


def folder_listing(board: Path) -> tuple[list[Path], list[BadFile]]:
    """(every JSON file of ``NAME.d/`` to read, the entries there that are not read, each
    named with why). A ``NAME.d`` that is itself a link out of the board folder is not read."""
    folder, root = board_folder(board), _root(board)
    real = os.path.realpath(folder)
    if not _inside(real, root):
        return [], ([BadFile(str(folder), "outside_link", target=real)] if os.path.isdir(folder) else [])
    odd: list[BadFile] = []
    files = sorted(_json_files(folder, root, odd))
    return files, sorted(odd, key=lambda problem: problem.path)


def folder_files(board: Path) -> list[Path]:
    """Every JSON file in ``NAME.d/`` that is read (see ``folder_listing``)."""
    return folder_listing(board)[0]


def beside_files(board: Path) -> list[Path]:
    """Other JSON files beside ``NAME.json`` that may be copies of it (the caller checks the id).

    A file with its own ``OTHER.d/`` folder is a board in use, even when it began as a copy
    of this one (same board id): folding it would archive somebody's board.
    """
    return sorted(p for p in _json_files(board.parent, _root(board))
                  if p.name != board.name and not board_folder(p).is_dir())


def is_stray_in_folder(path: Path) -> bool:
    return not (re.match(REPLICA_NAME, path.name) or re.match(BASE_NAME, path.name))


def label(path: Path, known_stems: set[str]) -> str:
    """What a stray looks like, for the report only: ``sync.copy.<label>`` in the catalog."""
    for pattern, engine in _ENGINES:
        if re.search(pattern, path.name):
            return engine
    stem = path.stem
    if "-" in stem and stem.rsplit("-", 1)[0] in known_stems:
        return "onedrive"
    return "stray"


def archive(path: Path, folder: Path) -> Path:
    """Move a folded stray into ``NAME.d/.archive/`` (kept for people, never read again)."""
    target_dir = folder / ARCHIVE
    make_folder(folder)
    make_folder(target_dir)  # shared like the board folder: anyone may archive next
    target = target_dir / path.name
    if target.exists():
        target = target_dir / f"{path.stem}.{time.strftime('%Y%m%d-%H%M%S')}.{os.getpid()}{path.suffix}"
    os.replace(path, target)
    return target
