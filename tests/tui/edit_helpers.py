"""Driving the hand-edit keys and forms like an officer at a terminal."""

from __future__ import annotations

import time

from tests.tui.helpers import settle, type_text

THAI = {"N": "์", "I": "ณ", "e": "ำ", "plus": "๙", "R": "ฑ", "D": "ฏ", "E": "ฎ", "x": "ป", "a": "ฟ", "r": "พ", "d": "ก"}
"""What the same physical keys send under the Kedmanee layout."""


async def key(pilot, name: str, layout: str = "us") -> None:
    """Press a board key in the officer's layout (a Thai key is sent with its character)."""
    if layout == "thai" and name in THAI:
        await type_text(pilot, THAI[name])
        await settle(pilot)  # a Thai key that changes something acts once it is seen to stand alone
    else:
        await pilot.press(name)
    await pilot.pause()


async def until(pilot, condition, seconds: float = 10.0) -> None:
    """Pause until ``condition()`` holds (a bounded wait: screens take a moment on a busy CI)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    assert condition()


async def on_screen(pilot, name: str) -> None:
    await until(pilot, lambda: pilot.app.screen.__class__.__name__.split("_")[0] == name)


async def fill(pilot, text: str) -> None:
    """Type into the focused field (every character with its key, Thai marks too)."""
    await type_text(pilot, text)
