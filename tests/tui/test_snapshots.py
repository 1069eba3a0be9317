"""Snapshot tests (sync, per STYLE.md D): the board in Thai at 80×24 (agency list folded and
open, help open, a search hit deep in a card) and 120×40, the card detail, the key panel, and
the English board."""

from __future__ import annotations

from tests.conftest import card_of


def _select(card_id: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.query_one("BoardGrid").select(card_id)
        await pilot.pause()

    return run_before


def test_board_80x24_compact(snap_compare, make_app) -> None:
    # 80 columns: the agency list folded into the title, one status (the cursor's) full width.
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_select(card_of(6)))


def test_board_80x24_agency_list_open(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:
        await _select(card_of(6))(pilot)
        await pilot.press("A")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_help_80x24(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_search_long_hit_80x24(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.search("ศจพ")  # the last word of item 6's ~170 characters
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_board_120x40_normal(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_select(card_of(2)))


def test_board_english_120x40(snap_compare, make_app) -> None:
    assert snap_compare(make_app(lang="en"), terminal_size=(120, 40))


def test_card_detail(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:
        await _select(card_of(6, 1))(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before)


def test_help_panel(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)


def test_read_only_board(snap_compare, make_app) -> None:
    assert snap_compare(make_app(read_only=True), terminal_size=(80, 24))


def test_search_highlight(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.search("ความสำคัญ")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)
