"""Following other processes' writes: one Textual worker (no threads of our own).

The worker runs ``storage.sync.watch.follow_changes`` — ``watchfiles.awatch`` on the board's
folders plus a stat poll for NFS/SMB, debounced — on the app's event loop, and calls the
app's ``poll_disk`` there (the store is only ever touched from the loop). It starts after
the first paint: importing watchfiles is not part of getting the board on screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.worker import Worker

WATCH_POLL_SECONDS = 1.0
"""The stat poll: what catches other NFS/SMB clients' writes (inotify does not)."""

GROUP = "follow-disk"


class DiskFollower:
    """Start/stop the worker that runs ``on_change`` after board files change on disk."""

    def __init__(self, app: App, on_change: Callable[[], None]) -> None:
        self._app = app
        self._on_change = on_change
        self.worker: Worker | None = None
        """The running worker; None before ``start`` and after ``stop``."""
        self.ready = asyncio.Event()
        """Set once the folder watch is in place (or could not be): every later write is seen."""
        self._stopped = False

    def start(self, paths: list[Path]) -> None:
        """Begin following; any failure of the watch leaves the stat poll and the app's fallback poll."""
        if self._stopped:  # the app closed before its first paint was done
            return
        from storage.sync.watch import follow_changes

        self.worker = self._app.run_worker(
            follow_changes(paths, self._changed, poll_seconds=WATCH_POLL_SECONDS, on_ready=self._ready),
            name="follow board files", group=GROUP, exclusive=True, description="watch the board's folders")

    def stop(self) -> None:
        """Cancel the worker; a change arriving meanwhile finds nothing to refresh."""
        self._stopped = True
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.cancel()

    def _ready(self) -> None:
        self.ready.set()
        # A write that landed after the board was read but before the watch was set up
        # reported nothing: look once now (a stat check when nothing changed) rather than
        # leave it to the app's slow fallback poll.
        self._changed()

    def _changed(self) -> None:
        if self.worker is not None:
            self._on_change()
