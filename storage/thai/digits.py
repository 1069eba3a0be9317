"""Thai ↔ ASCII digits. Note that ``int('๒๕๖๕')`` is 2565 and regex ``\\d`` matches Thai digits."""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ASCII = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def to_ascii_digits(text: str) -> str:
    """Replace Thai digits with ASCII ones; everything else is kept."""
    return text.translate(_TO_ASCII)


def to_thai_digits(text: str) -> str:
    """Replace ASCII digits with Thai ones; everything else is kept."""
    return text.translate(_TO_THAI)
