"""A meeting or verbal order has no letter number: wherever the board names the letter an
item came from (review screen, activity log) it says what the meeting was and when, never an
empty number (QA 1 and 4, beyond the card detail and the board card)."""

from __future__ import annotations

from types import SimpleNamespace

from storage.activity import Activity
from storage.activity_words import subject
from storage.models import Directive, Item
from storage.progress import Progress
from tests.tui.helpers import plain
from widgets.review_view import item_label, letters_block

MEETING = Directive("m" * 16, "", "2024-08-28", "ประชุมหัวหน้าส่วนราชการ")
LETTER = Directive("l" * 16, "รย 0017.2/ว 3362", "2022-07-17", "x")
ITEM = Item("i" * 16, MEETING.id, 1, "ให้ทุกอำเภอสำรวจพื้นที่เสี่ยง")


def test_review_names_a_meeting_item_by_the_meeting() -> None:
    assert item_label(ITEM, MEETING, "th", True) == "ข้อ ๑ (ประชุม)"
    assert item_label(ITEM, LETTER, "en", True) == "Item 1 (3362)"


def test_review_progress_per_letter_names_the_meeting_and_its_date() -> None:
    review = SimpleNamespace(letters=((LETTER, Progress(LETTER.id, (1, 0, 0, 0))),
                                      (MEETING, Progress(MEETING.id, (1, 0, 0, 0)))))
    text = plain(letters_block(review, "th"), 80)
    assert "รย ๐๐๑๗.๒/ว ๓๓๖๒" in text and "ประชุมหัวหน้าส่วนราชการ ๒๘ ส.ค. ๖๗" in text


def test_the_log_names_a_meeting_edited_by_hand() -> None:
    snap = SimpleNamespace(items={}, agencies={}, directives={MEETING.id: MEETING})
    edit = Activity("e1", "2024-08-29T01:00:00Z", "somchai", "edit", "directive", MEETING.id,
                    field="subject", letter_id=MEETING.id)
    assert subject(snap, edit, "th") == "ประชุมหัวหน้าส่วนราชการ ๒๘ ส.ค. ๖๗"
