"""Change detection: a filesystem watch plus a stat poll, debounced (DESIGN.md §3).

inotify does not fire for changes another NFS/SMB client makes and atomic replaces defeat
a watch on a single file, so we watch the folders (watchfiles, in a thread) *and* compare
stat keys of every entry every ``poll_seconds``. Bursts (a sync engine landing several
files) are folded into one ``on_change`` call after ``debounce_seconds`` of quiet.
``on_change`` runs on the watcher's thread: the TUI hands it to its event loop.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Callable, Iterable

from storage.sync.files import StatKey, key_of

log = logging.getLogger(__name__)


def _relevant(path: str) -> bool:
    # What the store reads: dot-files (our .~ temp files, an engine's) are never board data.
    name = os.path.basename(path)
    return name.endswith(".json") and not name.startswith(".")


def _listing(paths: list[Path]) -> dict[str, StatKey]:
    keys: dict[str, StatKey] = {}
    for folder in paths:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if not _relevant(entry.name):
                        continue
                    try:
                        keys[entry.path] = key_of(entry.stat())
                    except FileNotFoundError:
                        continue
        except (FileNotFoundError, NotADirectoryError):
            continue
    return keys


class Watcher:
    """Calls ``on_change()`` (from its own thread) after board files change on disk."""

    def __init__(self, paths: Iterable[Path], on_change: Callable[[], None], poll_seconds: float = 1.0,
                 debounce_seconds: float = 0.3) -> None:
        self.paths = [Path(p) for p in paths]
        self.on_change = on_change
        self.poll_seconds = poll_seconds
        self.debounce_seconds = debounce_seconds
        self._stop = threading.Event()
        self._dirty = threading.Event()
        self._threads: list[threading.Thread] = []
        self._seen: dict[str, StatKey] = {}

    def start(self) -> None:
        self._stop.clear()
        for target in (self._poll, self._watch, self._deliver):
            thread = threading.Thread(target=target, name=f"board-{target.__name__[1:]}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        self._dirty.set()
        for thread in self._threads:
            thread.join(timeout=2)
        self._threads.clear()

    def _poll(self) -> None:
        self._seen = _listing(self.paths)
        while not self._stop.wait(self.poll_seconds):
            now = _listing(self.paths)
            if now != self._seen:
                self._seen = now
                self._dirty.set()

    def _watch(self) -> None:
        try:
            from watchfiles import watch
        except ImportError:  # pragma: no cover - the poll still works
            return
        existing = [str(p) for p in self.paths if p.is_dir()]
        if not existing:
            return
        try:
            for changes in watch(*existing, stop_event=self._stop, recursive=False,
                                 watch_filter=lambda _change, path: _relevant(path),
                                 debounce=int(self.debounce_seconds * 1000), raise_interrupt=False):
                if changes:
                    self._dirty.set()
        except Exception:  # inotify limits, a vanished folder: fall back on the poll alone
            log.warning("folder watch stopped; the stat poll carries on", exc_info=True)
            return

    def _deliver(self) -> None:
        while not self._stop.is_set():
            self._dirty.wait()
            if self._stop.is_set():
                return
            # Debounce: wait until nothing new arrived for debounce_seconds.
            while True:
                self._dirty.clear()
                if self._stop.wait(self.debounce_seconds) or not self._dirty.is_set():
                    break
            if not self._stop.is_set():
                # What the callback is about to read: the poll need not report it again.
                self._seen = _listing(self.paths)
                try:
                    self.on_change()
                except Exception:  # a failing callback must not kill change detection
                    log.exception("change callback failed; still watching")
