"""Deadlines and rhythms written inside directives (storage/formats/timing.py)."""

from __future__ import annotations

from datetime import date

import pytest

from storage.formats.timing import find_due, find_recurrence, parse_due_cell


@pytest.mark.parametrize(
    "text, human, every",
    [
        ("จัดประชุม กรอ.อย่างสม่ำเสมออย่างน้อย ๒ เดือนต่อครั้ง", "อย่างน้อย 2 เดือนต่อครั้ง", "P2M"),
        ("รายงานผลทุกเดือน", "ทุกเดือน", "P1M"),
        ("ประชาสัมพันธ์ทุก 2 สัปดาห์", "ทุก 2 สัปดาห์", "P2W"),
        ("รายงานทุก ๑๕ วัน", "ทุก 15 วัน", "P15D"),
        ("สรุปผลทุกไตรมาส", "ทุกไตรมาส", "P3M"),
        ("รายงานทุกสิ้นเดือน", "ทุกสิ้นเดือน", "P1M"),
        ("ส่งรายงานทุกวันที่ 5 ของเดือน", "ทุกวันที่ 5 ของเดือน", "P1M"),
        ("ประชุมอย่างน้อยเดือนละ 1 ครั้ง", "อย่างน้อยเดือนละครั้ง", "P1M"),
        ("ตรวจปีละ ๒ ครั้ง", "ปีละ 2 ครั้ง", None),
        ("รายงานผลรายไตรมาส", "รายไตรมาส", "P3M"),
    ],
)
def test_rhythms(text: str, human: str, every: str | None) -> None:
    assert find_recurrence(text) == (human, every)


@pytest.mark.parametrize("text", ["พัฒนาคนทุกช่วงวัย", "ทุกวันนี้ประชาชนเดือดร้อน", "ทุกโอกาส ทุกเวลา", "รายงานผล", ""])
def test_not_rhythms(text: str) -> None:
    assert find_recurrence(text) is None


@pytest.mark.parametrize(
    "text, due",
    [
        ("ให้ได้ตามเป้าหมายภายในวันที่ ๓๐ กันยายน ๒๕๖๕", date(2022, 9, 30)),
        ("ให้แล้วเสร็จก่อน 1 ต.ค. 65", date(2022, 10, 1)),
        ("ดำเนินการให้แล้วเสร็จภายในเดือนธันวาคม ๒๕๖๕", date(2022, 12, 31)),
        ("ให้แล้วเสร็จภายในปีงบประมาณ พ.ศ. 2566", date(2023, 9, 30)),
        ("ห้ามเผาตั้งแต่ ๑ มีนาคม ถึง ๓๐ เมษายน ๒๕๖๖", date(2023, 4, 30)),
        # A date that only says when something happened is not a deadline.
        ("ตามที่ได้ประชุมเมื่อวันที่ ๑๘ พฤษภาคม ๒๕๖๕", None),
    ],
)
def test_due_dates_in_text(text: str, due: date | None) -> None:
    assert find_due(text) == due


@pytest.mark.parametrize(
    "cell, due, unreadable",
    [
        ("-", None, False), ("", None, False), ("ไม่กำหนด", None, False), ("–", None, False),
        ("30 ก.ย. 65", date(2022, 9, 30), False), ("ภายใน 15 พ.ย. 2566", date(2023, 11, 15), False),
        ("2024-01-31", date(2024, 1, 31), False), ("ทุกเดือน", None, False), ("เร็วที่สุด", None, True),
    ],
)
def test_deadline_column_cells(cell: str, due: date | None, unreadable: bool) -> None:
    assert parse_due_cell(cell) == (due, unreadable)
