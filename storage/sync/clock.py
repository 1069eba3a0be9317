"""Hybrid logical clock stamps (DESIGN.md §3, merge rule).

A stamp is ``(wall_ms, counter, replica_id)`` and compares as a tuple. The clock never
issues a stamp behind anything it has seen, so a write made after reading another
replica's change always wins over it, even when this machine's wall clock runs slow.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Callable

Stamp = tuple[int, int, str]

ZERO: Stamp = (0, 0, "")
"""The stamp of imported (deterministic) records: any real edit beats it."""

MAX_WALL = 253_402_300_799_999
"""The last millisecond of the year 9999 (UTC): a stamp beyond it cannot be a date at all."""


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

    def observe(self, stamp: Stamp) -> None:
        """Never run behind a stamp we have seen (ours or another replica's)."""
        if (stamp[0], stamp[1]) > self._last:
            self._last = (stamp[0], stamp[1])

    def now(self) -> Stamp:
        wall = int(self._wall())
        last_wall, last_counter = self._last
        self._last = (wall, 0) if wall > last_wall else (last_wall, last_counter + 1)
        return (self._last[0], self._last[1], self.replica_id)
