"""Property tests: no input crashes the importer; layout noise changes nothing; damage is reported."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.errors import ImportFailed
from storage.formats.letters import parse_letter_text
from storage.formats.reader import read_letter
from storage.thai.digits import to_ascii_digits
from tests.importing.helpers import sample_text

SAMPLE = sample_text()
BASELINE = parse_letter_text(SAMPLE)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
LETTERISH = st.text(st.one_of(THAI, st.sampled_from("\t\n\r -()<>/.,:;0123456789๑๒๓")), max_size=400)


def _invariants(draft) -> None:
    seqs = [i.seq for i in draft.items]
    assert len(seqs) == len(set(seqs))
    for item in draft.items:
        assert "\t" not in item.text and "<" not in item.text
        assert item.due is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.due)
        for agency in item.agencies:
            assert agency.name and agency.name == agency.name.strip()
            assert not re.search(r"[<>\t\n]|\s{2}", agency.name), agency.name
            assert agency.role in ("lead", "support")
        assert len({a.name for a in item.agencies}) == len(item.agencies)
    if not draft.items:
        assert draft.warnings, "a letter with no items must say why"


@FUZZ
@given(st.text(max_size=600))
def test_any_text_parses_without_crashing(text: str) -> None:
    _invariants(parse_letter_text(text))


@FUZZ
@given(LETTERISH)
def test_letter_like_noise_parses_without_crashing(text: str) -> None:
    header = "ลำดับ\tประเด็น\tหน่วยงานที่รับผิดชอบ\n"
    _invariants(parse_letter_text(header + text))


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".csv", ".docx", ".xlsx"]))
def test_random_bytes_either_parse_or_fail_in_one_line(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"letter{suffix}"
        path.write_bytes(data)
        try:
            draft = read_letter(path)
        except ImportFailed as error:
            assert "\n" not in str(error) and str(path) in str(error)
        else:
            _invariants(draft)


def _noise(text: str, choices: list[int]) -> str:
    """Layout noise a PDF/Word extraction adds; none of it changes the letter's meaning."""
    lines = text.split("\n")
    out = []
    for n, line in enumerate(lines):
        pick = choices[n % len(choices)]
        if pick == 1:
            line = line + "   "
        elif pick == 2:
            out.append("")
        elif pick == 3 and "\t" in line:
            line = line.replace("\t", "\t<span class=\"x\">", 1).replace("\t", "</span>\t", 1)
        elif pick == 4:
            line = to_ascii_digits(line[:2]) + line[2:]
        out.append(line)
    noisy = "\n".join(out)
    return "\ufeff" + noisy.replace("\n", "\r\n") if choices[0] % 2 else noisy


@FUZZ
@given(st.lists(st.integers(0, 4), min_size=1, max_size=12))
def test_layout_noise_changes_nothing(choices: list[int]) -> None:
    draft = parse_letter_text(_noise(SAMPLE, choices))
    assert [(i.seq, i.due, i.recurrence, i.agencies) for i in draft.items] == [
        (i.seq, i.due, i.recurrence, i.agencies) for i in BASELINE.items]
    assert draft.directive.number == BASELINE.directive.number


@FUZZ
@given(st.data())
def test_damaged_letters_never_crash_and_lost_items_are_reported(data) -> None:
    lines = SAMPLE.split("\n")
    item_lines = [n for n, line in enumerate(lines) if re.match(r"^[๑-๗]\t", line)]
    drop = data.draw(st.sets(st.sampled_from(item_lines[:-1])))  # not the last: nothing after it to notice
    cut = data.draw(st.integers(0, 40))
    damaged = [line[cut:] if n in drop and cut > 2 else line for n, line in enumerate(lines)
               if n not in drop or cut > 2]
    draft = parse_letter_text("\n".join(damaged))
    _invariants(draft)
    if len(draft.items) < 7:
        assert any(w.code in ("importer.missing_seq", "importer.bad_seq", "importer.dup_seq") for w in draft.warnings)


@FUZZ
@given(st.integers(0, len(SAMPLE)), st.integers(0, 200))
def test_truncated_or_holed_letters_never_crash(start: int, length: int) -> None:
    _invariants(parse_letter_text(SAMPLE[:start] + SAMPLE[start + length:]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(LETTERISH.map(lambda t: t[:60]), min_size=1, max_size=4), min_size=1, max_size=5),
       st.booleans())
def test_random_word_tables_never_crash(rows, with_header) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("ที่ รย 0017/ว 1")
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    if with_header:
        for cell, text in zip(table.add_row().cells, ["ลำดับ", "ประเด็น", "หน่วยงาน", "กำหนดเสร็จ"]):
            cell.text = text
    try:
        for values in rows:
            for cell, text in zip(table.add_row().cells, values):
                cell.text = text
    except ValueError:
        return  # python-docx refuses XML-invalid characters: not a letter anyone has
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.docx"
        document.save(path)
        try:
            _invariants(read_letter(path))
        except ImportFailed as error:
            assert "\n" not in str(error)
