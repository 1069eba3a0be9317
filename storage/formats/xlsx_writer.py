"""A small streaming XLSX (SpreadsheetML) writer: just what the board's workbook uses.

openpyxl spent ~50 µs on each of the 200,000 cells of a 10,000-card export (binding every
value, looking up and comparing style objects, building an lxml element per cell): ~10 s
where the rows themselves take well under one. This writes each row as one XML string
instead — shared strings, a fixed table of cell styles, dates as serial numbers — and zips
the parts. The workbook is the one openpyxl wrote: same sheets, frozen header, filters
(with the hidden ``_FilterDatabase`` names Excel itself writes), widths, number formats,
bold header, wrapped text and quote-prefixed text cells; the tests read it back with openpyxl.

Pure Python (zipfile); no Textual or Rich.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

from storage.formats.export import FORMULA_STARTS

PLAIN, BOLD, PERCENT, DATE, WRAP, STAMP, TEXT, WRAP_TEXT = range(8)
"""Cell styles (the index of each in styles.xml's cellXfs). TEXT and WRAP_TEXT carry Excel's
quote prefix: the cell is text however it begins (``=…`` is shown, never run)."""

QUOTED = {PLAIN: TEXT, WRAP: WRAP_TEXT, TEXT: TEXT, WRAP_TEXT: WRAP_TEXT, BOLD: BOLD}
"""The quote-prefixed twin of a style, for text that a spreadsheet would read as a formula."""

_EPOCH = datetime(1899, 12, 30)
_EPOCH_DAY = _EPOCH.date().toordinal()
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold at all (not even escaped), and lone surrogates UTF-8 cannot
encode: shown as U+FFFD."""
_ENTITIES = {'"': "&quot;", "\r": "&#13;"}
"""Beyond & < >: a quote may sit inside an attribute (a sheet named from an agency's short name),
and a raw CR would be read back as LF (XML end-of-line handling)."""

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_STYLES = (
    f'{_HEAD}<styleSheet {_NS}>'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" quotePrefix="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)


def column_letter(n: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value), _ENTITIES)


def serial(value: date) -> float | int:
    """A date or naive datetime as the spreadsheet's day number (1900 system)."""
    if isinstance(value, datetime):
        delta = value.replace(tzinfo=None) - _EPOCH
        return delta.days + delta.seconds / 86400
    return value.toordinal() - _EPOCH_DAY


@dataclass
class Sheet:
    title: str
    widths: Sequence[float]
    rows: list[str] = field(default_factory=list)
    columns: int = 0
    filter_rows: int = 0
    """The filter covers rows 1..filter_rows (0: no filter)."""


class Workbook:
    """Sheets of rows; ``save()`` gives the .xlsx bytes."""

    def __init__(self, title: str = "") -> None:
        self.title = title
        self.sheets: list[Sheet] = []
        self._strings: dict[str, int] = {}
        self._refs = [column_letter(n) for n in range(1, 65)]

    def sheet(self, title: str, widths: Sequence[float]) -> Sheet:
        made = Sheet(title, widths)
        self.sheets.append(made)
        return made

    def append(self, sheet: Sheet, values: Iterable[object], styles: Sequence[int] | None = None) -> None:
        """One row. ``None`` and ``""`` leave the cell empty (kept only to wrap); text is a shared string; numbers,
        dates (DATE/STAMP style) and datetimes are numbers. ``styles`` gives each cell's style."""
        number = len(sheet.rows) + 1
        cells: list[str] = []
        strings, refs, last = self._strings, self._refs, 0
        for col, value in enumerate(values):
            style = styles[col] if styles else PLAIN
            ref = f"{refs[col]}{number}"
            if value is None or value == "":
                if style == WRAP:  # an empty note cell still wraps what someone types into it
                    cells.append(f'<c r="{ref}" s="{WRAP}"/>')
                continue
            if isinstance(value, str):
                if value.startswith(FORMULA_STARTS):
                    style = QUOTED.get(style, TEXT)
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}" s="{style}" t="s"><v>{index}</v></c>' if style
                             else f'<c r="{ref}" t="s"><v>{index}</v></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, date):
                cells.append(f'<c r="{ref}" s="{style}"><v>{serial(value)}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="{style}"><v>{value}</v></c>' if style
                             else f'<c r="{ref}"><v>{value}</v></c>')
            last = col + 1
        sheet.columns = max(sheet.columns, last)
        sheet.rows.append(f'<row r="{number}">{"".join(cells)}</row>')

    # ---- the parts --------------------------------------------------------------------------
    def _sheet_xml(self, sheet: Sheet) -> str:
        last = column_letter(max(sheet.columns, 1))
        cols = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
                       for n, w in enumerate(sheet.widths, 1))
        view = ('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" '
                'sqref="A2"/></sheetView></sheetViews>')
        filtered = f'<autoFilter ref="A1:{last}{sheet.filter_rows}"/>' if sheet.filter_rows else ""
        return (f'{_HEAD}<worksheet {_NS} {_R}><dimension ref="A1:{last}{max(len(sheet.rows), 1)}"/>{view}'
                f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols>'
                f'<sheetData>{"".join(sheet.rows)}</sheetData>{filtered}'
                '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>')

    def _workbook_xml(self) -> str:
        sheets = "".join(f'<sheet name="{_text(s.title)}" sheetId="{n}" r:id="rId{n}"/>'
                         for n, s in enumerate(self.sheets, 1))
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
            f"{_text(_quoted(s.title))}!$A$1:${column_letter(max(s.columns, 1))}${s.filter_rows}</definedName>"
            for n, s in enumerate(self.sheets) if s.filter_rows)
        return (f'{_HEAD}<workbook {_NS} {_R}><bookViews><workbookView activeTab="0"/></bookViews>'
                f'<sheets>{sheets}</sheets>' + (f"<definedNames>{names}</definedNames>" if names else "")
                + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')

    def _strings_xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{_text(s)}</t></si>' for s in self._strings)
        return f'{_HEAD}<sst {_NS} count="{len(self._strings)}" uniqueCount="{len(self._strings)}">{items}</sst>'

    def _package(self) -> dict[str, str]:
        n = len(self.sheets)
        sheet_types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                              f'ContentType="{_TYPES}.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
        links = "".join(f'<Relationship Id="rId{i}" Type="{_DOC}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                        for i in range(1, n + 1))
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        title = f"<dc:title>{_text(self.title)}</dc:title>" if self.title else ""
        return {
            "[Content_Types].xml": (
                f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.spreadsheetml.sheet.main+xml"/>'
                f'<Override PartName="/xl/styles.xml" ContentType="{_TYPES}.spreadsheetml.styles+xml"/>'
                f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPES}.spreadsheetml.sharedStrings+xml"/>'
                '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                f'<Override PartName="/docProps/app.xml" ContentType="{_TYPES}.extended-properties+xml"/>'
                f"{sheet_types}</Types>"),
            "_rels/.rels": (
                f'{_HEAD}<Relationships xmlns="{_PKG}">'
                f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/>'
                f'<Relationship Id="rId2" Type="{_PKG}/metadata/core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId3" Type="{_DOC}/extended-properties" Target="docProps/app.xml"/></Relationships>'),
            "docProps/app.xml": (
                f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                "<Application>Directive Board</Application></Properties>"),
            "docProps/core.xml": (
                f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{title}<dc:creator>Directive Board</dc:creator>'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'),
            "xl/_rels/workbook.xml.rels": (
                f'{_HEAD}<Relationships xmlns="{_PKG}">{links}'
                f'<Relationship Id="rId{n + 1}" Type="{_DOC}/styles" Target="styles.xml"/>'
                f'<Relationship Id="rId{n + 2}" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
            "xl/workbook.xml": self._workbook_xml(),
            "xl/styles.xml": _STYLES,
        }

    def save(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
            for name, text in self._package().items():
                book.writestr(name, text)
            for n, sheet in enumerate(self.sheets, 1):
                book.writestr(f"xl/worksheets/sheet{n}.xml", self._sheet_xml(sheet))
            book.writestr("xl/sharedStrings.xml", self._strings_xml())
        return out.getvalue()


def _quoted(title: str) -> str:
    """A sheet name as a formula names it: in apostrophes, an apostrophe doubled."""
    return "'" + title.replace("'", "''") + "'"
