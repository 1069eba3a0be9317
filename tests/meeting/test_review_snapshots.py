"""Snapshots (sync, STYLE.md D) of the meeting screens: the review's summary and an agency
page at 80×24 and 120×40, and the activity log at 80×24. A fixed clock and time zone keep
every time on them still."""

from __future__ import annotations

from tests.meeting.test_review_tui import worked


def _keys(*keys: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()

    return run_before


def test_review_summary_80x24(snap_compare, make_app, board_path, bangkok) -> None:
    worked(board_path)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_keys("r"))


def test_review_agency_page_80x24(snap_compare, make_app, board_path, bangkok) -> None:
    worked(board_path)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_keys("r", "right"))


def test_review_agency_page_120x40(snap_compare, make_app, board_path, bangkok) -> None:
    worked(board_path)
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_keys("r", "right"))


def test_activity_log_80x24(snap_compare, make_app, board_path, bangkok) -> None:
    worked(board_path)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_keys("L"))
