"""Import review screen: fix roles, names and agencies, then save or cancel.

Asserts on the Draft the screen dismisses with: that is what the app saves.
"""

from __future__ import annotations

from textual.app import App

from storage.formats.draft import Draft, DraftAgency, DraftDirective, DraftItem, DraftWarning
from storage.models import Agency
from tests.tui.helpers import type_text
from tui.screens.agency_name import AgencyNameScreen
from tui.screens.import_review import AgencyRow, ImportReviewScreen

KNOWN = (
    Agency(id="a-pch", name="สำนักงานพัฒนาชุมชนจังหวัดระยอง", short="พช.ระยอง"),
    Agency(id="a-snj", name="สำนักงานจังหวัดระยอง", short="สนจ.ระยอง"),
)

DRAFT = Draft(
    directive=DraftDirective(number="รย 0017.2/ว 3362", date="2022-07-17", subject="ผลการสัมมนาโครงการ"),
    items=(
        DraftItem(seq=1, text="บูรณาการการทำงานร่วมกันอย่างน้อย ๒ เดือนต่อครั้ง", agencies=(
            DraftAgency("สำนักงานจังหวัดระยอง", "lead", "a-snj"),
            DraftAgency("อำเภอทุกอำเภอ", "support"),
        )),
        DraftItem(seq=6, text="ขับเคลื่อนศูนย์ภายใน ๓๐ ก.ย. ๒๕๖๕", due="2022-09-30", agencies=(
            DraftAgency("สำนักงานพฒนาชุมชนจังหวัดระยอง", "support"),  # typo: พฒนา
        )),
    ),
    warnings=(DraftWarning.of("importer.no_date"), DraftWarning.of("importer.no_agency", 6)),
)


class _Harness(App[None]):
    """Pushes the review screen and records what it dismisses with."""

    def __init__(self, draft: Draft = DRAFT) -> None:
        super().__init__()
        self.draft = draft
        self.results: list[Draft | None] = []

    def on_mount(self) -> None:
        self.push_screen(ImportReviewScreen(self.draft, KNOWN), self.results.append)


async def _open(pilot) -> ImportReviewScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ImportReviewScreen)
    return screen


async def test_save_without_edits_returns_the_same_draft() -> None:
    app = _Harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [DRAFT]


async def test_cancel_returns_none() -> None:
    app = _Harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("r", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_toggle_role_of_the_second_row() -> None:
    app = _Harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("down", "r", "ctrl+s")
        await pilot.pause()
    (draft,) = app.results
    assert [a.role for a in draft.items[0].agencies] == ["lead", "lead"]
    assert draft.items[1].agencies[0].role == "support"


async def test_row_keys_that_arrive_together_each_move_one_row() -> None:
    """j j r typed in one burst (fast typing, a slow link, a busy machine) toggles the third
    row: each j moves from where the one before it left the focus, not from where the focus
    stood when the burst arrived (Textual applies a widget's focus() only later)."""
    from textual import events

    app = _Harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        for key in ("j", "j", "r", "ctrl+s"):  # all queued before the screen handles any
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
    (draft,) = app.results
    assert [a.role for a in draft.items[0].agencies] == ["lead", "support"]
    assert draft.items[1].agencies[0].role == "lead"


async def test_remove_an_agency_and_undo_a_removal() -> None:
    app = _Harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("d", "down", "d", "d", "enter")
        await pilot.pause()
    (draft,) = app.results
    assert [a.name for a in draft.items[0].agencies] == ["อำเภอทุกอำเภอ"]


async def test_fixing_a_misspelt_name_links_it_to_the_known_agency() -> None:
    app = _Harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("down", "down", "e")
        await pilot.pause()
        assert isinstance(app.screen, AgencyNameScreen)
        await pilot.press("ctrl+u")  # clear the field (delete everything left of the cursor)
        await type_text(pilot, "สำนักงานพัฒนาชุมชนจังหวัดระยอง")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportReviewScreen)
        await pilot.press("enter")
        await pilot.pause()
    (draft,) = app.results
    fixed = draft.items[1].agencies[0]
    assert (fixed.name, fixed.agency_id, fixed.role) == ("สำนักงานพัฒนาชุมชนจังหวัดระยอง", "a-pch", "support")
    assert fixed.short == "พช.ระยอง"


async def test_an_unknown_name_stays_a_new_agency() -> None:
    app = _Harness()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "สำนักงานใหม่")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    (draft,) = app.results
    assert draft.items[0].agencies[0].name == "สำนักงานใหม่"
    assert draft.items[0].agencies[0].agency_id is None


def _lines(widget) -> list[str]:
    """What a widget shows, line by line, as plain text."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_screen_shows_letter_date_in_be_and_roles_in_words() -> None:
    app = _Harness()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(pilot)
        rows = list(screen.query(AgencyRow))
        shown = [" ".join(_lines(row)) for row in rows]
        assert shown[0].strip() == "★ หน่วยงานหลัก: สำนักงานจังหวัดระยอง  [มีในกระดาน]"
        assert shown[1].strip() == "· หน่วยงานสนับสนุน: อำเภอทุกอำเภอ  [ใหม่]"
        assert rows[0].has_focus
        header = " ".join(line for w in screen.query("Static") for line in _lines(w))
        assert "๑๗ กรกฎาคม ๒๕๖๕" in header
        assert "⚠ ไม่พบวันที่ของหนังสือ" in header
        assert "๒ ข้อ · ๓ หน่วยงาน" in header
        assert "ข้อ ๖  ขับเคลื่อนศูนย์" in header
        assert "กำหนดเสร็จ ๓๐ กันยายน ๒๕๖๕" in header


async def test_item_warnings_show_beside_their_item_and_letter_warnings_on_top() -> None:
    app = _Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _open(pilot)
        shown = [" ".join(_lines(w)).strip() for w in screen.query("Static")]
        letter = shown.index("⚠ ไม่พบวันที่ของหนังสือ")
        item_1 = next(i for i, text in enumerate(shown) if text.startswith("ข้อ ๑"))
        item_6 = next(i for i, text in enumerate(shown) if text.startswith("ข้อ ๖"))
        warning = next(i for i, text in enumerate(shown) if "ไม่พบหน่วยงานที่รับผิดชอบ" in text)
        assert letter < item_1 < item_6 < warning
        assert shown[warning] == "⚠ ข้อ ๖: ไม่พบหน่วยงานที่รับผิดชอบ"  # Thai digits, as the item number above
        # Only the letter's own warning is in the header; the item's is not repeated there.
        assert sum("ไม่พบหน่วยงานที่รับผิดชอบ" in text for text in shown) == 1


async def test_long_item_text_wraps_between_thai_words() -> None:
    long = DraftItem(seq=2, text="จะทำให้ผู้ว่าราชการจังหวัดได้มีโอกาสได้พบกับประชาชน" * 3)
    draft = Draft(directive=DRAFT.directive, items=(long,))

    class Narrow(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ImportReviewScreen(draft))

    async with Narrow().run_test(size=(40, 20)) as pilot:
        screen = await _open(pilot)
        item = screen.query(".review-item").first()
        lines = _lines(item)
        assert len(lines) > 3
        joined = "|".join(lines)
        assert "มีโ|อกาส" not in joined and "มีโอ|กาส" not in joined


async def test_english_screen_labels_keys_in_english_with_the_same_ids() -> None:
    class English(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ImportReviewScreen.for_lang(DRAFT, KNOWN, lang="en"))

    async with English().run_test(size=(100, 30)) as pilot:
        screen = await _open(pilot)
        shown = {b.binding.id: b.binding.description for b in screen.active_bindings.values()}
        assert shown["review.toggle_role"] == "Lead/support"
        rows = list(screen.query(AgencyRow))
        assert " ".join(_lines(rows[0])).strip() == "★ Lead: สำนักงานจังหวัดระยอง  [on the board]"


async def test_add_a_dropped_agency_with_the_picker() -> None:
    app = _Harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("a")  # on item 1's first row
        await pilot.pause()
        await type_text(pilot, "พช")
        await pilot.press("enter")  # the known agency, found by its short name
        await pilot.pause()
        assert isinstance(app.screen, ImportReviewScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    (draft,) = app.results
    added = draft.items[0].agencies[-1]
    assert (added.name, added.role, added.agency_id) == ("สำนักงานพัฒนาชุมชนจังหวัดระยอง", "support", "a-pch")
    assert len(draft.items[0].agencies) == 3 and len(draft.items[1].agencies) == 1


async def test_add_a_new_agency_by_name_in_the_thai_layout() -> None:
    app = _Harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("่", "่")  # j j (Kedmanee): item 6's row
        await pilot.press("ฟ")  # a (Kedmanee)
        await pilot.pause()
        await type_text(pilot, "สำนักงานเกษตรจังหวัดระยอง")
        await pilot.press("enter")  # no such agency: the only choice is to add it
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    (draft,) = app.results
    assert [a.name for a in draft.items[1].agencies] == ["สำนักงานพฒนาชุมชนจังหวัดระยอง", "สำนักงานเกษตรจังหวัดระยอง"]
    assert draft.items[1].agencies[1].agency_id is None  # new: created when the letter is saved


async def test_an_item_without_agencies_can_get_one() -> None:
    bare = Draft(directive=DRAFT.directive, items=(DraftItem(seq=1, text="ข้อความ"),))

    class Bare(App[None]):
        results: list = []

        def on_mount(self) -> None:
            self.push_screen(ImportReviewScreen(bare, KNOWN), self.results.append)

    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("plus")
        await pilot.pause()
        await type_text(pilot, "สนจ")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
    (draft,) = app.results
    assert [(a.agency_id, a.role) for a in draft.items[0].agencies] == [("a-snj", "lead")]


async def test_escape_in_the_picker_adds_nothing() -> None:
    app = _Harness()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "พช")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ImportReviewScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [DRAFT]


async def test_a_meeting_says_it_has_no_letter_number() -> None:
    """Minutes imported bare: not 'หนังสือที่   ลงวันที่ …' with a blank where the number goes."""
    from dataclasses import replace

    meeting = replace(DRAFT, directive=DraftDirective(number="", date="2026-11-26", subject="รายงานการประชุม ครั้งที่ ๑๑/๒๕๖๙"))
    async with _Harness(meeting).run_test(size=(100, 30)) as pilot:
        screen = await _open(pilot)
        header = " ".join(line for w in screen.query("Static") for line in _lines(w))
        assert "ไม่มีเลขที่หนังสือ (การประชุมหรือคำสั่งด้วยวาจา)  ลงวันที่ ๒๖ พฤศจิกายน ๒๕๖๙" in header
        assert "หนังสือที่ " not in header


class _LangHarness(App[None]):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def on_mount(self) -> None:
        self.push_screen(ImportReviewScreen.for_lang(DRAFT, KNOWN, lang=self.lang))


async def test_the_ascii_digits_setting_reaches_the_review_screen() -> None:
    """[display] digits = "ascii" (interface th-ascii): the letter's date and item numbers in
    ASCII digits; the letter's own text stays as written (issue 8)."""
    from tests.tui.helpers import screen_lines

    app = _LangHarness("th-ascii")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
    assert "17 กรกฎาคม 2565" in shown and "ข้อ 1" in shown, shown
    assert "๑๗ กรกฎาคม" not in shown and "ข้อ ๑" not in shown
    assert "๓๐ ก.ย. ๒๕๖๕" in shown  # item 6's words, verbatim
