"""Hybrid logical clock stamps (DESIGN.md §3, merge rule).

A stamp is ``(wall_ms, counter, replica_id)`` and compares as a tuple. The clock never
issues a stamp behind anything it has seen, so a write made after reading another
replica's change always wins over it, even when this machine's wall clock runs slow.

Bounded drift (the usual HLC rule): a stamp more than ``MAX_DRIFT_MS`` ahead of this
machine's wall clock is not adopted — a machine whose clock says 2100 would otherwise drag
every later edit of everyone to 2100, for good. Such an entry is set aside, not lost: it
stays in its file, is joined and shown, and is named in a warning; and a register written
here after it was seen carries its stamp as a fourth element, ``(wall, counter, replica,
over)``, which orders it just after ``over`` while its own time stays the real one
(``state.order``; written over such a register in turn, one step deeper: ``(…, over, depth)``).
So an officer's later move beats a broken clock, stamped with real time.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Callable

Stamp = tuple  # (wall_ms, counter, replica), or (…, over) or (…, over, depth): see above

ZERO: Stamp = (0, 0, "")
"""The stamp of imported (deterministic) records: any real edit beats it."""

MAX_WALL = 253_402_300_799_999
"""The last millisecond of the year 9999 (UTC): a stamp beyond it cannot be a date at all."""

MAX_OVER_DEPTH = 2**31 - 1
"""The deepest a stamp written over far-ahead ones may go (state.written_over; decode.py)."""

MAX_DRIFT_MS = 60 * 60 * 1000
"""How far ahead of this machine's clock a stamp may be and still be adopted: one hour.
Officers' PCs keep time by NTP or a weekly Windows sync, so honest clocks differ by seconds
or minutes and are adopted as HLC intends; a clock off by an hour or more is set wrong (a
time zone entered as UTC puts a Thai PC 7 hours ahead, a dead CMOS battery years behind or
ahead), and adopting it would put everyone's later edits at that wrong time. An hour keeps
what the clock may drag others' times by small, and still takes every honest machine in."""


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def iso(stamp: Stamp) -> str | None:
    """ISO-8601 UTC time of a stamp; None for the zero stamp of imported records."""
    if stamp[0] <= 0:
        return None
    moment = datetime.fromtimestamp(stamp[0] / 1000, tz=timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class HybridClock:
    """Issues strictly growing stamps for one replica."""

    def __init__(self, replica_id: str, wall: Callable[[], int] | None = None) -> None:
        self.replica_id = replica_id
        self._wall = wall or wall_ms
        self._last: tuple[int, int] = (0, 0)
        # The latest wall time read so far: a lower bound of the clock, so that telling whether a
        # stamp is ahead reads the clock only for the rare stamp past it (the real time to begin
        # with: a clock given for tests that is read once per write stays read once per write).
        self._read = wall_ms()

    def horizon(self) -> int:
        """The latest wall time a stamp may have and still be adopted (now + MAX_DRIFT_MS)."""
        self._read = max(self._read, int(self._wall()))
        return self._read + MAX_DRIFT_MS

    def ahead(self, wall: int) -> bool:
        """Whether a stamp's wall time is more than MAX_DRIFT_MS ahead of our clock."""
        if wall <= self._read + MAX_DRIFT_MS:
            return False
        return wall > self.horizon()

    def observe(self, stamp: Stamp) -> bool:
        """Never run behind a stamp we have seen (ours or another replica's) — unless it is
        more than MAX_DRIFT_MS ahead of our wall clock: then it is set aside (False)."""
        if self.ahead(stamp[0]):
            return False
        if (stamp[0], stamp[1]) > self._last:
            self._last = (stamp[0], stamp[1])
        return True

    @property
    def seen(self) -> Stamp:
        """The newest stamp observed or issued so far (as a stamp with no replica)."""
        return (self._last[0], self._last[1], "")

    def now(self) -> Stamp:
        wall = int(self._wall())
        self._read = max(self._read, wall)
        last_wall, last_counter = self._last
        self._last = (wall, 0) if wall > last_wall else (last_wall, last_counter + 1)
        return (self._last[0], self._last[1], self.replica_id)
