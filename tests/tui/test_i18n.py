"""One language per screen: key words, tooltips and help are Thai in the Thai interface
and English with --lang en (Textual's own built-in keys aside)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import card_of
from tui.screens.agency_name import AgencyNameScreen
from tui.screens.board import BoardScreen
from tests.tui.test_import_review import DRAFT
from tui.screens.card_detail import CardDetailScreen
from tui.screens.import_review import ImportReviewScreen
from tui.screens.note_input import NoteScreen
from tui.screens.open_letter import OpenLetterScreen
from widgets.agency_list import AgencyPane
from widgets.board_grid import BoardGrid
from widgets.i18n import localized

THAI = re.compile(r"[\u0e01-\u0e4f]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
KEY_NAMES = {"Enter", "Esc", "Tab", "ctrl", "shift", "space", "Delete", "txt", "docx", "csv", "xlsx"}


def words_of(cls: type) -> list[str]:
    """What a class shows the officer: binding descriptions, tooltips and HELP (code spans dropped)."""
    texts = [cls.HELP or ""]
    for binding in cls.BINDINGS:
        texts += [binding.description, binding.tooltip]
    return [re.sub(r"`[^`]*`", "", text) for text in texts]


def classes(lang: str) -> list[type]:
    return [type(BoardScreen.for_lang(lang)), BoardGrid.for_lang(lang), AgencyPane.for_lang(lang),
            type(CardDetailScreen.for_lang(None, "", lang=lang, today=None)), type(NoteScreen.for_lang(lang)),
            type(OpenLetterScreen.for_lang(Path("."), lang=lang)), type(AgencyNameScreen.for_lang("", lang=lang)),
            type(ImportReviewScreen.for_lang(DRAFT, lang=lang))]


@pytest.mark.parametrize("lang", ["th", "th-ascii"])
def test_thai_interface_has_no_english_words(lang: str) -> None:
    for cls in classes(lang):
        stray = {w for text in words_of(cls) for w in ENGLISH_WORD.findall(text)} - KEY_NAMES
        assert not stray, (cls.__name__, stray)


def test_english_interface_has_no_thai() -> None:
    for cls in classes("en"):
        assert not [text for text in words_of(cls) if THAI.search(text)], cls.__name__


def test_thai_keeps_the_plain_classes_and_english_gets_cached_twins() -> None:
    assert localized(BoardGrid, "th") is BoardGrid and BoardGrid.for_lang("en") is BoardGrid.for_lang("en")
    assert {b.id for b in BoardGrid.for_lang("en").BINDINGS} == {b.id for b in BoardGrid.BINDINGS}


@pytest.mark.parametrize(("lang", "close", "other"), [("th", "ปิด", "Close"), ("en", "Close", "ปิด")])
async def test_card_detail_footer_is_one_language(make_app, lang: str, close: str, other: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one(BoardGrid).select(card_of(6, 1))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardDetailScreen)
        labels = [b.binding.description for b in app.screen.active_bindings.values() if b.node is app.screen]
        assert close in labels and not any(other in label for label in labels)


async def test_note_modal_cancel_is_in_the_interface_language(make_app) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.active_bindings["escape"].binding.description == "Cancel"
        await pilot.press("escape")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.active_bindings["escape"].binding.description == "ยกเลิก"


async def test_textual_palette_commands_speak_the_interface_language(make_app) -> None:
    for lang, keys, quit_ in (("th", "ปุ่มลัด", "ออก"), ("en", "Keys", "Quit")):
        app = make_app(lang=lang)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            commands = {c.title: c for c in app.get_system_commands(app.screen)}
            assert keys in commands and quit_ in commands, commands.keys()
            commands[keys].callback()  # still Textual's own action: the key panel opens
            await pilot.pause()
            assert app.screen.query("HelpPanel")


@pytest.mark.parametrize(("lang", "item", "key"), [("th", "ข้อ ๑", "ถัดไป"), ("th-ascii", "ข้อ 1", "ถัดไป"),
                                                   ("en", "Item 1", "Next")])
def test_import_review_speaks_each_interface_language(lang: str, item: str, key: str) -> None:
    # th-ascii is Thai words with ASCII digits (the review showed it Thai digits).
    screen = ImportReviewScreen.for_lang(DRAFT, lang=lang)
    assert screen._item_text(DRAFT.items[0]).startswith(item)
    assert type(screen).BINDINGS[0].description == key



@pytest.mark.parametrize("lang", ["th", "en"])
def test_binding_words_are_found_by_binding_id(lang: str) -> None:
    from storage.i18n import say
    from tui.screens.activity_log import log_bindings
    from tui.screens.agency_picker import picker_bindings
    from tui.screens.review import review_bindings

    bindings = [b for cls in classes(lang) for b in cls.BINDINGS]
    bindings += [*review_bindings(lang), *log_bindings(lang), *picker_bindings(lang)]
    assert len(bindings) > 40
    for binding in bindings:  # a remappable id, and its words under key.<id> (a keymap editor can find them)
        assert binding.id and binding.tooltip == say(lang, f"key.{binding.id}.tip"), binding.id


@pytest.mark.parametrize("lang", ["th", "en"])
async def test_help_in_a_form_is_the_forms_own_in_the_interface_language(make_app, lang: str) -> None:
    # A text field had help of its own, in English: with the cursor in a Thai form's field
    # the help panel said "Text field … Type Thai or English" instead of the form's help.
    from storage.i18n import say
    from tests.tui.edit_helpers import key, on_screen, until
    from textual.widgets import Markdown

    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await key(pilot, "N")
        await on_screen(pilot, "LetterFormScreen")
        app.action_show_help_panel()
        await until(pilot, lambda: app.screen.query("HelpPanel"))
        await pilot.pause()
        shown = app.screen.query_one("HelpPanel #widget-help", Markdown).source
        assert shown.splitlines()[0] == say(lang, "edits.letter_help").splitlines()[0]
        assert lang == "en" or not ENGLISH_WORD.search(shown.replace("ctrl+s", "").replace("Esc", ""))
