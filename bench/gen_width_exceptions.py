"""Print the code-point ranges where storage.thai.width's unicodedata rule differs from Rich.

Run after a Rich upgrade and paste the output over ``_RICH_EXCEPTIONS`` in
storage/thai/width.py (with the table emptied first, so the rule alone is compared).
"""

from __future__ import annotations

from rich.cells import get_character_cell_size

from storage.thai import width


def main() -> None:
    width._RICH_EXCEPTIONS = ()
    width._EXCEPTION_STARTS = []
    width.char_width.cache_clear()
    ranges: list[list[int]] = []
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        rich_w = get_character_cell_size(chr(code))
        if rich_w == width.char_width(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1 and ranges[-1][2] == rich_w:
            ranges[-1][1] = code
        else:
            ranges.append([code, code, rich_w])
    print(", ".join(f"(0x{a:X}, 0x{b:X}, {w})" for a, b, w in ranges))


if __name__ == "__main__":
    main()
