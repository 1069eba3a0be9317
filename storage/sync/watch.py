"""Change detection: a filesystem watch plus a stat poll, debounced (DESIGN.md §3).

inotify does not fire for changes another NFS/SMB client makes and atomic replaces defeat
a watch on a single file, so we watch the folders (``watchfiles.awatch``) *and* compare
stat keys of every entry every ``poll_seconds``. Bursts (a sync engine landing several
files) are folded into one ``on_change`` call after ``debounce_seconds`` of quiet.

``follow_changes`` is a coroutine on the caller's event loop (the TUI runs it as one
Textual worker, after posting's ``watch_collection_files``): no threads of our own, and
``on_change`` runs on the loop. Pure asyncio: storage never imports Textual.
"""

from __future__ import annotations

import asyncio
import importlib
import os
from pathlib import Path
from typing import AsyncIterator, Callable, Iterable

from storage.logs import logger
from storage.sync.files import StatKey, key_of



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
                    except OSError:  # gone since the listing, or not ours to stat
                        continue
        except OSError:  # no such folder (yet), or a share that went away: nothing to compare
            continue
    return keys


async def _native(folders: list[Path], debounce_seconds: float, dirty: asyncio.Event,
                  ready: asyncio.Event) -> None:
    """inotify/FSEvents/ReadDirectoryChangesW through watchfiles; sets ``ready`` once the watch
    is in place. Returns quietly when it cannot watch (no folder yet, inotify limits): the stat
    poll still sees every change."""
    existing = [str(p) for p in folders if p.is_dir()]
    if not existing:
        return
    try:
        # Imported in a thread: watchfiles (with anyio and multiprocessing) takes ~20 ms to
        # import, which would otherwise hold up the event loop right after the first paint.
        watchfiles = await asyncio.to_thread(importlib.import_module, "watchfiles")
        await _follow(watchfiles.awatch(*existing, watch_filter=lambda _change, path: _relevant(path),
                                        debounce=int(debounce_seconds * 1000), recursive=False), dirty, ready)
    except Exception:  # inotify limits, a vanished folder, no watchfiles: the poll goes on alone
        logger(__name__).warning("folder watch stopped; the stat poll carries on", exc_info=True)


async def _follow(changes: AsyncIterator[object], dirty: asyncio.Event, ready: asyncio.Event) -> None:
    """Set ``dirty`` for each batch ``changes`` (an ``awatch``) yields; ``ready`` once it watches.

    awatch's first step builds its RustNotify, whose inotify watch records every event from
    then on, and ends at its first await (the wait in a thread): after one turn of the loop has
    run that step, a write is seen — before it, it could be missed (the test that waited a
    fixed 0.3 s for this failed under load)."""
    step = asyncio.ensure_future(anext(changes))
    try:
        await asyncio.sleep(0)
        if not step.done():  # done already: the watch could not be set up (raised below)
            ready.set()
        while True:
            await step
            dirty.set()
            step = asyncio.ensure_future(anext(changes))
    except StopAsyncIteration:
        return
    finally:  # cancelled between two steps: stop the step in flight too (that stops the watch)
        step.cancel()
        await asyncio.gather(step, return_exceptions=True)


async def _poll(folders: list[Path], poll_seconds: float, seen: list[dict[str, StatKey]], dirty: asyncio.Event) -> None:
    """Compare the stat keys of every board file every ``poll_seconds`` (what catches another
    NFS/SMB client's write, which no file-system event reports). ``seen[0]``: the last listing."""
    while True:
        await asyncio.sleep(poll_seconds)
        now = await asyncio.to_thread(_listing, folders)  # a share that hangs must not freeze the board
        if now != seen[0]:
            seen[0] = now
            dirty.set()


async def follow_changes(paths: Iterable[Path], on_change: Callable[[], None], *, poll_seconds: float = 1.0,
                         debounce_seconds: float = 0.3, on_ready: Callable[[], None] | None = None) -> None:
    """Call ``on_change()`` after board files in the folders ``paths`` change, until cancelled.

    Runs on the caller's event loop (the TUI runs it as a Textual worker): the file-system
    watch and the stat poll each set one flag; a burst (a sync engine landing several files)
    is folded into one call after ``debounce_seconds`` of quiet, and ``on_change`` runs on
    the loop itself, so it may touch the app and the store. ``on_ready()`` is called once,
    when the folder watch is in place (or could not be set up): from then on every write is
    reported, and the caller can look once for what changed before it.
    """
    folders = [Path(p) for p in paths]
    dirty, ready = asyncio.Event(), asyncio.Event()
    seen = [await asyncio.to_thread(_listing, folders)]
    native = asyncio.create_task(_native(folders, debounce_seconds, dirty, ready))
    native.add_done_callback(lambda _task: ready.set())  # no watch after all: the poll alone follows
    tasks = [native, asyncio.create_task(_poll(folders, poll_seconds, seen, dirty))]
    try:
        await ready.wait()
        if on_ready is not None:
            on_ready()
        while True:
            await dirty.wait()
            while True:  # debounce: until nothing new arrived for debounce_seconds
                dirty.clear()
                try:
                    await asyncio.wait_for(dirty.wait(), debounce_seconds)
                except asyncio.TimeoutError:
                    break
            # What on_change is about to read: the poll need not report it again.
            seen[0] = await asyncio.to_thread(_listing, folders)
            try:
                on_change()
            except Exception:  # a failing refresh must not end change detection
                logger(__name__).exception("change callback failed; still watching")
    finally:
        for task in tasks:
            task.cancel()
        # Wait for them (the watch stops within watchfiles' 50 ms step): nothing is left
        # running on a loop that is closing, and no "Task was destroyed" at exit.
        await asyncio.gather(*tasks, return_exceptions=True)
