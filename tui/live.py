"""Following other processes' writes: a storage Watcher in threads, handed to the event loop.

The app owns one ``DiskFollower``; the follower only ever asks the app to run its
``poll_disk`` on the event-loop thread (the store is never touched from a thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError
from pathlib import Path

from storage.errors import BoardError

log = logging.getLogger(__name__)

WATCH_POLL_SECONDS = 1.0
"""The Watcher's stat poll: what catches other NFS/SMB clients' writes (inotify does not)."""


class DiskFollower:
    """Start/stop a Watcher whose callback runs ``on_change`` via ``call_from_thread``."""

    def __init__(self, call_from_thread: Callable[[Callable[[], None]], object],
                 on_change: Callable[[], None]) -> None:
        self._call_from_thread = call_from_thread
        self._on_change = on_change
        self._watcher = None
        self._watching = False
        """False once stopping: a late watcher callback must not touch a closing app."""

    def start(self, paths: list[Path]) -> None:
        """Folder watch + stat poll in threads; any failure leaves the app's fallback poll."""
        try:
            from storage.sync.watch import Watcher

            self._watcher = Watcher(paths, self._changed, poll_seconds=WATCH_POLL_SECONDS)
            self._watcher.start()
        except (BoardError, OSError, RuntimeError):  # e.g. no threads left: the poll still works
            log.warning("file watcher did not start; the app's own poll carries on", exc_info=True)
            self._watcher = None
            return
        self._watching = True

    def stop(self) -> None:
        """Stop without waiting: Watcher.stop() joins its threads, and the delivery thread
        may be blocked in call_from_thread on this very loop — so q would hang."""
        self._watching = False
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            threading.Thread(target=watcher.stop, name="board-watch-stop", daemon=True).start()

    def _changed(self) -> None:
        """The Watcher's callback (its thread): hand the refresh to the event loop."""
        if not self._watching:
            return
        try:
            self._call_from_thread(self._on_change)
        except (CancelledError, Exception):  # the app closed under us: nothing to show
            log.debug("change arrived while the app was closing", exc_info=True)
