"""Shared fixtures for the Thai text tests: the sample letter's text."""

from __future__ import annotations

from pathlib import Path

import pytest

# The repo copy only: a fallback to /work/shared plus a skip let these tests pass
# silently (as skipped) on a clone without the fixture; a missing fixture must fail.
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "letters" / "rayong-2565-directives.txt"


@pytest.fixture(scope="session")
def letter_text() -> str:
    """The sample letter (tests/fixtures/letters/rayong-2565-directives.txt)."""
    return SAMPLE.read_text(encoding="utf-8-sig")
