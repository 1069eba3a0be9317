"""Dates as officers type them in forms and commands (storage.thai.dates.parse_typed_date)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.editing.words import date_error
from storage.thai.dates import (
    MONTHS_EN, MONTHS_LONG, MONTHS_SHORT, DateInputError, format_thai_date, parse_typed_date,
)
from storage.thai.digits import to_thai_digits

TODAY = date(2025, 5, 1)


@pytest.mark.parametrize("text", [
    "30/9/2568", "30 ก.ย. 68", "๓๐ กันยายน ๒๕๖๘", "2025-09-30", "30/9/2025", "30-09-2568", "30.9.68",
    "๓๐/๙/๒๕๖๘", "30 กย 2568", "30 ก. ย. 68", "30 กันยา 68", "30 Sep 2025", "30 september 2025",
    "วันที่ 30 ก.ย. 68", "30 ก.ย. พ.ศ. 2568", "30 ก.ย. ค.ศ. 2025", "2568-09-30", "  30  ก.ย.  68 ",
])
def test_every_way_of_writing_the_same_day(text: str) -> None:
    assert parse_typed_date(text, TODAY) == date(2025, 9, 30)


def test_without_a_year_is_this_year() -> None:
    assert parse_typed_date("30 ก.ย.", TODAY) == date(2025, 9, 30)
    assert parse_typed_date("1/1", TODAY) == date(2025, 1, 1)
    with pytest.raises(DateInputError) as caught:
        parse_typed_date("30 ก.ย.")  # no today given: the year cannot be guessed
    assert caught.value.key == "edits.date_needs_year"


@pytest.mark.parametrize("text, key", [
    ("31 ก.พ. 68", "edits.date_no_such_day"),
    ("31 ก.พ.", "edits.date_no_such_day"),
    ("29/2/2568", "edits.date_no_such_day"),     # 2025 is not a leap year
    ("31/4/2568", "edits.date_no_such_day"),
    ("0/4/2568", "edits.date_no_such_day"),
    ("1/13/2568", "edits.date_bad_month"),
    ("1/1/1700", "edits.date_year_range"),
    ("1/1/12345", "edits.date_unreadable"),
    ("", "edits.date_empty"),
    ("พรุ่งนี้", "edits.date_unreadable"),
    ("30 foo 2568", "edits.date_unreadable"),
    ("30/9/2568 extra", "edits.date_unreadable"),
])
def test_what_is_not_a_date_is_an_error_not_a_guess(text: str, key: str) -> None:
    with pytest.raises(DateInputError) as caught:
        parse_typed_date(text, TODAY)
    assert caught.value.key == key


def test_an_impossible_day_is_said_in_both_languages() -> None:
    with pytest.raises(DateInputError) as caught:
        parse_typed_date("31 ก.พ. 68", TODAY)
    assert date_error("th", caught.value) == "ไม่มีวันที่ ๓๑ ในเดือนกุมภาพันธ์ ๒๕๖๘: เดือนนี้มี ๒๘ วัน"
    assert date_error("th-ascii", caught.value) == "ไม่มีวันที่ 31 ในเดือนกุมภาพันธ์ 2568: เดือนนี้มี 28 วัน"
    assert date_error("en", caught.value) == "there is no day 31 in February 2025: that month has 28 days"


DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


def _writings(d: date) -> list[str]:
    be = d.year + 543
    return [
        f"{d.day}/{d.month}/{be}", f"{d.day}/{d.month}/{d.year}", d.isoformat(),
        f"{d.day:02d}.{d.month:02d}.{be}", to_thai_digits(f"{d.day}/{d.month}/{be}"),
        f"{d.day} {MONTHS_SHORT[d.month - 1]} {be}", f"{d.day} {MONTHS_LONG[d.month - 1]} {be}",
        format_thai_date(d, style="long"), format_thai_date(d, style="long", digits="ascii"),
        f"{d.day} {MONTHS_EN[d.month - 1][:3]} {d.year}",
    ]


@given(DATES)
def test_any_day_written_any_way_reads_back(d: date) -> None:
    for text in _writings(d):
        assert parse_typed_date(text, TODAY) == d, text


@given(st.dates(min_value=date(1957, 1, 1), max_value=date(2056, 12, 31)))
def test_two_digit_years_are_buddhist_era(d: date) -> None:
    assert parse_typed_date(format_thai_date(d), TODAY) == d  # ๓๐ ก.ย. ๖๘, as shown back


@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(29, 35))
def test_a_day_past_the_month_end_is_refused(year: int, month: int, day: int) -> None:
    last = (date(year + month // 12, month % 12 + 1, 1) - date.resolution).day
    text = f"{day}/{month}/{year + 543}"
    if day <= last:
        assert parse_typed_date(text) == date(year, month, day)
    else:
        with pytest.raises(DateInputError) as caught:
            parse_typed_date(text)
        assert caught.value.params["days"] == last


def test_a_due_date_without_a_year_falls_after_its_letter() -> None:
    letter = date(2024, 8, 28)  # a meeting: "by 15 September" means 15 Sep 2024
    assert parse_typed_date("15 ก.ย.", TODAY, not_before=letter) == date(2024, 9, 15)
    assert parse_typed_date("1 ส.ค.", TODAY, not_before=letter) == date(2025, 8, 1)  # already past: next year
    assert parse_typed_date("29 ก.พ.", TODAY, not_before=letter) == date(2028, 2, 29)
    assert parse_typed_date("15 ก.ย. 69", TODAY, not_before=letter) == date(2026, 9, 15)  # a year typed is kept
    with pytest.raises(DateInputError) as caught:
        parse_typed_date("31 ก.พ.", TODAY, not_before=letter)
    assert caught.value.key == "edits.date_no_such_day"
