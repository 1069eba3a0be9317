"""Thai typing never acts on cards, and keys that arrive together go where the first one
sent the officer (tui/keyflow.py). Every write is checked on the saved board."""

from __future__ import annotations

import pytest

from tests.conftest import card_of
from tests.tui.helpers import screen_lines, send_together, type_text, until_board_focused
from tui.keyflow import Decision, ThaiTyping
from tui.screens.note_input import NoteScreen
from tui.screens.open_letter import OpenLetterScreen
from widgets.board_grid import BoardGrid

SIZE = (80, 24)


# ---- the rule, on its own ------------------------------------------------------------------
def run(rule: ThaiTyping, text: str, kinds: dict[str, str], step: float = 0.05, start: float = 100.0):
    return [rule.decide(c, kinds.get(c, "free"), start + i * step) for i, c in enumerate(text)]


BOARD = {"ฒ": "act", "ฬ": "act", "ภ": "act", "ๅ": "act", "น": "act", "ื": "act", "ๆ": "act",
         "่": "nav", "้": "nav", "า": "nav", "ส": "nav"}
"""What the Thai twins mean on the board (< > 4 1 o n q; j h k l)."""


def test_an_unbound_thai_letter_is_typing_at_once() -> None:
    assert run(ThaiTyping(), "พ", BOARD) == [Decision("type", "พ")]


def test_a_changing_key_alone_waits_then_acts() -> None:
    rule = ThaiTyping()
    assert run(rule, "ภ", BOARD) == [Decision("hold")]
    rule.expired()
    assert run(rule, "ภ", BOARD, start=200.0) == [Decision("hold")]


def test_a_changing_key_followed_by_thai_is_typing() -> None:
    assert run(ThaiTyping(), "ภา", BOARD) == [Decision("hold"), Decision("type", "ภา")]
    assert run(ThaiTyping(), "ฒน", BOARD)[-1] == Decision("type", "ฒน")
    assert run(ThaiTyping(), "ภ่", BOARD)[-1] == Decision("type", "ภ่")  # even a cursor twin


def test_a_changing_key_right_after_thai_is_typing() -> None:
    assert run(ThaiTyping(), "าภ", BOARD) == [Decision("act"), Decision("type", "าภ")]


def test_cursor_twins_act_at_once_and_repeat() -> None:
    assert run(ThaiTyping(), "่่่สา้", BOARD) == [Decision("act")] * 6


def test_a_pause_separates_commands() -> None:
    rule = ThaiTyping(gap=0.35)
    assert rule.decide("า", "nav", 1.0) == Decision("act")
    assert rule.decide("ภ", "act", 1.5) == Decision("hold")  # 0.5 s later: a command of its own


# ---- on the board ---------------------------------------------------------------------------
@pytest.mark.parametrize("word", ["พัฒนา", "ภาคี", "ฒนา", "นโยบาย", "สำนักงาน", "ต่างๆ"])
async def test_thai_typed_on_the_board_filters_agencies_and_changes_nothing(make_app, reopen, word) -> None:
    app = make_app(watch_files=False)
    before = reopen()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await send_together(pilot, word)
        after = reopen()
        assert after.cards == before.cards and after.notes == before.notes  # nothing moved
        assert app.return_code is None  # ๆ is q's twin: still running
        assert not app.filter.overdue  # น is o's twin
        box = app.screen.query_one("#agency-filter")
        assert box.has_focus and box.value == word  # every character kept


async def test_thai_typed_one_key_at_a_time_is_typing_too(make_app, reopen) -> None:
    app = make_app(watch_files=False)
    app.keys.typing.gap = 60.0  # however slowly a loaded machine lets the test type
    before = reopen()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await until_board_focused(pilot)
        await type_text(pilot, "ภาคี")  # each key handled before the next is sent
        assert reopen().cards == before.cards
        assert app.screen.query_one("#agency-filter").value == "ภาคี"


async def test_the_agency_box_says_how_to_reach_it(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=(120, 40)) as pilot:  # wide enough for the agency list
        await pilot.pause()
        first = screen_lines(app)[1]
        assert "กด a เพื่อกรองหน่วยงาน" in first  # the focus is on the cards: how to get there
        await pilot.press("a")
        await pilot.pause()
        assert "พิมพ์เพื่อกรองหน่วยงาน" in screen_lines(app)[1]  # now typing filters
        await pilot.press("enter")
        await pilot.pause()
        assert "กด a เพื่อกรองหน่วยงาน" in screen_lines(app)[1]


# ---- keys that arrive together --------------------------------------------------------------
async def test_note_text_typed_right_after_n_is_the_note(make_app, reopen) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(BoardGrid)
        assert grid.select(card_of(1))
        await send_together(pilot, "n", "รอข้อมูลจากอำเภอ", "enter")
        assert [n.text for n in reopen().notes_of(card_of(1))] == ["รอข้อมูลจากอำเภอ"]
        assert grid.card_id == card_of(1)  # า (k) and ่ (j) did not move the cursor


async def test_a_then_a_thai_letter_filters_instead_of_setting_done(make_app, reopen) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await send_together(pilot, "a", "ภ")
        assert reopen().cards[card_of(1)].status == "todo"
        assert app.screen.query_one("#agency-filter").value == "ภ"


async def test_a_then_q_is_a_q_in_the_filter(make_app) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await send_together(pilot, "a", "q")
        assert app.return_code is None
        assert app.screen.query_one("#agency-filter").value == "q"


async def test_search_typed_right_after_slash(make_app, reopen) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await send_together(pilot, "slash", "ศาสนา")
        assert app.screen.query_one("#search").value == "ศาสนา"
        assert reopen().cards[card_of(1)].status == "todo"


async def test_a_path_typed_right_after_i_is_the_path(make_app, board_path) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await send_together(pilot, "i", "letter-3.txt")
        assert isinstance(app.screen, OpenLetterScreen)
        assert app.screen.query_one("#letter-path").value == "letter-3.txt"  # '-' moved no card


async def test_escape_right_after_n_closes_the_note_and_saves_nothing(make_app, reopen) -> None:
    app = make_app(watch_files=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await send_together(pilot, "n", "ร", "escape")
        assert not isinstance(app.screen, NoteScreen)
        assert not reopen().notes_of(card_of(1))


async def test_a_key_right_after_a_held_thai_key_that_opens_a_dialog_goes_to_the_dialog(make_app, reopen) -> None:
    """์ (N: a new letter) waits to see if typing follows; an Escape then arrives: ์ acts and
    opens the form, and the Escape is the form's (it closed the form before it had mounted,
    and the form's mount crashed the app — found by tests/tui/test_random_keys.py)."""
    app = make_app(watch_files=False)
    app.keys.typing.gap = 30.0  # ์ stays held however slowly a loaded machine runs the test
    before = reopen()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "์")  # held: a lone Thai twin of a key that changes something
        assert app.keys._held is not None
        await send_together(pilot, "escape")
        assert not app.crash_message and app.is_running
        assert app.screen is app.screen_stack[0]  # the form opened and the Escape closed it
    assert reopen().cards == before.cards
