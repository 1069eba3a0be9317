"""The numbers Word draws in front of list paragraphs, which are not in the paragraph's text.

A letter typed in Word with automatic numbering (๑. ๒. ๓., or 1.1 under 1.) keeps only the
sentences in ``paragraph.text``; the numbers live in the numbering definitions. Without them
the orders of such a letter would read as one unnumbered block. Here each list paragraph
gets the label Word shows: the level's counter (restarted under a new parent), its parents'
counters for a nested level (``3.1``), a dash for a bullet level. python-docx has no public
API for lists, so the definitions are read from the numbering part's XML.
"""

from __future__ import annotations

from docx.oxml.ns import qn

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_NOT_COUNTED = {"bullet", "none"}


def _val(element, tag: str) -> str | None:
    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


def _list_of(num_pr) -> tuple[str | None, int]:
    """(numId, level) of a ``w:numPr``; level 0 when it is missing or not a number."""
    level = _val(num_pr, "w:ilvl")
    return _val(num_pr, "w:numId"), int(level) if level and level.isdigit() else 0


class ListNumbers:
    """Labels for the list paragraphs of one document, in document order."""

    def __init__(self, document) -> None:
        self._formats = _formats(document)
        self._styles = _style_numbering(document)
        self._counters: dict[str, list[int]] = {}

    def label(self, p) -> str | None:
        """``2.``, ``3.1``, ``๒.`` or ``-`` for a list paragraph's ``w:p`` (call in document
        order), else None."""
        num_id, level = self._numbering(p)
        if num_id is None or num_id == "0":
            return None
        fmt = self._formats.get((num_id, level), "decimal")
        if fmt in _NOT_COUNTED:
            return "-" if fmt == "bullet" else None
        counters = self._counters.setdefault(num_id, [])
        del counters[level + 1:]
        counters.extend([0] * (level + 1 - len(counters)))
        counters[level] += 1
        shown = ".".join(str(n or 1) for n in counters[: level + 1])
        label = shown + ("." if level == 0 else "")
        return label.translate(_THAI_DIGITS) if fmt.startswith("thai") else label

    def _numbering(self, p) -> tuple[str | None, int]:
        ppr = p.find(qn("w:pPr"))  # the paragraph's own list, else its style's
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None:
            style = _val(ppr, "w:pStyle") if ppr is not None else None
            return self._styles.get(style, (None, 0)) if style else (None, 0)
        return _list_of(num_pr)


def _formats(document) -> dict[tuple[str, int], str]:
    """(numId, level) → numFmt (decimal, thaiNumbers, bullet …) from the numbering part."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for definition in root.iterchildren(qn("w:abstractNum")):
        levels = abstract.setdefault(definition.get(qn("w:abstractNumId")), {})
        for lvl in definition.iterchildren(qn("w:lvl")):
            ilvl = lvl.get(qn("w:ilvl"))
            if ilvl and ilvl.isdigit():
                levels[int(ilvl)] = _val(lvl, "w:numFmt") or "decimal"
    formats: dict[tuple[str, int], str] = {}
    for num in root.iterchildren(qn("w:num")):
        for level, fmt in abstract.get(_val(num, "w:abstractNumId") or "", {}).items():
            formats[(num.get(qn("w:numId")), level)] = fmt
    return formats


def _style_numbering(document) -> dict[str, tuple[str | None, int]]:
    """styleId → (numId, level) for paragraph styles that number their paragraphs (List Number)."""
    found: dict[str, tuple[str | None, int]] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
        if num_pr is not None:
            found[style.get(qn("w:styleId"))] = _list_of(num_pr)
    return found
