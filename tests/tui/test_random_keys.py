"""A randomized officer (issue 8): seeded, bounded sessions of random keys — board keys and
their Thai twins, Thai words, keys that arrive together, dialogs, resizes, and changes
written by another officer in between (tests/tui/random_session.py). The app never stops,
the cursor is always on a card or an empty column, and what it saved is on disk.

A long run (many seeds, minutes) is bench/random_keys.py; docs/benchmarks.md records it.
A failure names its seed and last steps: rerun that seed to see it again."""

from __future__ import annotations

import pytest

from tests.tui.random_session import Session

SEEDS = (8, 2026)
STEPS = 40


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_keys_never_crash_and_lose_nothing(make_app, board_path, seed) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = Session(app, pilot, board_path, seed)
        await session.run(STEPS)
        session.check_saved()
