"""Shared fixtures for the Thai text tests: the sample letter's text."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE = Path("/work/shared/samples/rayong-2565-directives.txt")
_REPO_SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "letters" / "rayong-2565-directives.txt"


@pytest.fixture(scope="session")
def letter_text() -> str:
    """The sample letter (from the repo copy if there is one, else the shared folder)."""
    path = _REPO_SAMPLE if _REPO_SAMPLE.exists() else SAMPLE
    if not path.exists():
        pytest.skip("sample letter not available")
    return path.read_text(encoding="utf-8-sig")
