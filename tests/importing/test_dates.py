"""B.E. dates as letters write them, both ways (storage/thai/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.thai.dates import find_month_ends, find_thai_dates, format_thai_date, parse_thai_date
from storage.thai.digits import to_ascii_digits


@pytest.mark.parametrize(
    "text, expected",
    [
        ("๓๐ ก.ย. ๒๕๖๕", date(2022, 9, 30)),
        ("30 กันยายน 2565", date(2022, 9, 30)),
        ("30 ก.ย. 65", date(2022, 9, 30)),
        ("๑๗ กรกฎาคม ๒๕๖๕", date(2022, 7, 17)),
        ("วันที่ 1 ม.ค. 2566", date(2023, 1, 1)),
        ("1 มกราคม พ.ศ. 2566", date(2023, 1, 1)),
        ("5 ธ.ค 65", date(2022, 12, 5)),
        ("29 กพ 67", date(2024, 2, 29)),
        ("15 มี.ค. 2567", date(2024, 3, 15)),
        ("15 มิ.ย. 2567", date(2024, 6, 15)),
        ("30/9/2565", date(2022, 9, 30)),
        ("2022-09-30", date(2022, 9, 30)),
        ("  ๓๑ ธันวาคม ๒๕๖๖  ", date(2023, 12, 31)),
    ],
)
def test_parses_letter_dates(text: str, expected: date) -> None:
    assert parse_thai_date(text) == expected


@pytest.mark.parametrize("text", ["", "-", "ไม่มี", "30 ก.พ. 65", "32 มกราคม 2565", "กันยายน", "30 2565", "abc"])
def test_rejects_non_dates(text: str) -> None:
    assert parse_thai_date(text) is None


def test_formats_short_and_long_in_thai_or_ascii_digits() -> None:
    d = date(2022, 9, 30)
    assert format_thai_date(d) == "๓๐ ก.ย. ๖๕"
    assert format_thai_date(d, style="long") == "๓๐ กันยายน ๒๕๖๕"
    assert format_thai_date(d, digits="ascii") == "30 ก.ย. 65"
    assert format_thai_date(date(2023, 1, 5), style="long", digits="ascii") == "5 มกราคม 2566"


def test_finds_dates_in_running_text() -> None:
    text = "เมื่อวันที่ ๑๘ พฤษภาคม ๒๕๖๕ และให้แล้วเสร็จภายใน 30 ก.ย. 65"
    assert [d for _, _, d in find_thai_dates(text)] == [date(2022, 5, 18), date(2022, 9, 30)]
    assert [d for _, _, d in find_month_ends("ภายในเดือนกุมภาพันธ์ ๒๕๖๗")] == [date(2024, 2, 29)]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2400, 12, 31)),
       st.sampled_from(["thai", "ascii"]))
def test_long_form_round_trips(d: date, digits: str) -> None:
    assert parse_thai_date(format_thai_date(d, style="long", digits=digits)) == d


@given(st.dates(min_value=date(1957, 1, 1), max_value=date(2056, 12, 31)),
       st.sampled_from(["thai", "ascii"]))
def test_short_form_round_trips_within_the_two_digit_century(d: date, digits: str) -> None:
    # A 2-digit year is 25xx B.E.: 1957-2056 C.E.
    assert parse_thai_date(format_thai_date(d, digits=digits)) == d


@given(st.text(max_size=60))
def test_parse_never_crashes_on_any_text(text: str) -> None:
    result = parse_thai_date(text)
    assert result is None or isinstance(result, date)


@given(st.dates(min_value=date(1957, 1, 1), max_value=date(2056, 12, 31)))
def test_ascii_and_thai_digit_forms_agree(d: date) -> None:
    thai = format_thai_date(d, style="long")
    assert to_ascii_digits(thai) == format_thai_date(d, style="long", digits="ascii")
