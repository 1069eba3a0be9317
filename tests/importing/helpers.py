"""Shared helpers for the import tests: where the letters are, and debris checks."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "letters" / "rayong-2565-directives.txt"
"""A byte-identical copy of the shared sample, so the tests run on a fresh checkout."""
LETTERS = ROOT / "tests" / "fixtures" / "letters"

DEBRIS_RE = re.compile(
    r"<|>|style=|^\s*[-•]|\s-\s|\t|ในฐานะ|เป็นหน่วยงานหลัก|เป็นกลไกหลัก|สนับสนุนการ|หน่วยงานหลัก\)|^\s|\s$|\s{2}"
)
"""What must never be left in an agency name: HTML, bullets, tabs, role phrases, stray spaces."""


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def roles(item) -> dict[str, str]:
    """{agency name: role} of a DraftItem."""
    return {a.name: a.role for a in item.agencies}


def word_letter(head: list[str], rows: list[list[str]], closing: str = ""):
    """A Word letter: ``head`` paragraphs, a table of ``rows``, then ``closing``. Returns
    (document, table) so a test can merge cells before saving."""
    import docx

    document = docx.Document()
    for line in head:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    if closing:
        document.add_paragraph(closing)
    return document, table
