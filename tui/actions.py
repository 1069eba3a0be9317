"""App helpers that need no Textual: rank planning, change folding, change wording,
and the letter-import flow (screens pushed, records written through the app's store).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.errors import BoardError, user_message
from storage.editing.origin import origin
from storage.models import BoardSnapshot, Change

from widgets.board_index import BoardFilter, BoardIndex
from widgets.i18n import digits, is_thai, status_label, t

if TYPE_CHECKING:  # typed access to the app (tui/app_access.py); tui.app imports this module
    from tui.app import BoardApp


def view_badges(view: BoardFilter, read_only: bool, lang: str) -> list[str]:
    """Status-line badges for the active filters and a read-only board."""
    badges = []
    if view.status:
        badges.append(f"{t(lang, 'filter')}: " + status_label(lang, view.status))
    if view.overdue:
        badges.append("⚠ " + t(lang, "overdue"))
    if view.query:
        badges.append(f"/ {view.query}")
    if read_only:
        badges.append(t(lang, "read_only"))
    return badges


def rank_plan(snapshot: BoardSnapshot, column: list[str], card_id: str, step: int) -> list[tuple[str, float]]:
    """Rank writes that move ``card_id`` one place up (-1) or down (+1) in ``column``.

    Usually one write: the midpoint between the new neighbours. When neighbours tie
    (imported cards often share a rank) the column is renumbered, writing only the
    cards whose rank changes.
    """
    if card_id not in column:
        return []
    i = column.index(card_id)
    j = i + step
    if not 0 <= j < len(column):
        return []
    others = column[:i] + column[i + 1:]
    rank = {cid: snapshot.cards[cid].rank for cid in column}
    before = others[j - 1] if j > 0 else None
    after = others[j] if j < len(others) else None
    if before is None:
        return [(card_id, rank[after] - 1.0)]
    if after is None:
        return [(card_id, rank[before] + 1.0)]
    middle = (rank[before] + rank[after]) / 2
    if rank[before] < middle < rank[after]:
        return [(card_id, middle)]
    order = others[:j] + [card_id] + others[j:]
    return [(cid, float(k)) for k, cid in enumerate(order) if rank[cid] != float(k)]


def apply_changes(index: BoardIndex, before: BoardSnapshot, after: BoardSnapshot,
                  changes: list[Change]) -> list[str] | None:
    """Fold changes from disk into ``index``; None when it must be rebuilt."""
    ids: list[str] = []
    for change in changes:
        if change.kind not in ("status", "rank", "note") or not change.card_id:
            return None
        if change.card_id not in ids:
            ids.append(change.card_id)
    for card_id in ids:
        old, new = before.cards.get(card_id), after.cards.get(card_id)
        if old is None or new is None:
            return None
        index.update(after, old, new)
    index.snapshot = after
    return ids


def card_name(snapshot: BoardSnapshot, card_id: str, lang: str) -> str:
    """``ข้อ ๒ · สนจ.ระยอง``: which card, as an officer names it."""
    card = snapshot.cards.get(card_id)
    item = snapshot.items.get(card.item_id) if card else None
    agency = snapshot.agencies.get(card.agency_id) if card else None
    if item is None or agency is None:
        return ""
    name = t(lang, "note_for", item=digits(lang, item.seq), agency=agency.short or agency.name)
    letter = snapshot.directives.get(item.directive_id)
    if letter is not None and len(snapshot.directives) > 1:  # several letters: say which one
        name += " · " + (t(lang, "meeting.letter_tag", tag=digits(lang, letter.number)) if letter.number
                         else origin(letter, lang))
    return name


def describe(snapshot: BoardSnapshot, change: Change, lang: str) -> str:
    """``สมชาย ย้ายข้อ ๖ → ติดปัญหา`` for the status line."""
    card = snapshot.cards.get(change.card_id or "")
    item = snapshot.items.get(card.item_id) if card else None
    agency = snapshot.agencies.get(card.agency_id) if card else None
    what = f"{t(lang, 'item')} {digits(lang, item.seq)}" if item else ""
    if agency is not None:
        what += f" ({agency.short or agency.name})"
    if change.kind == "status" and card is not None:
        text = t(lang, "moved", item=what, status=status_label(lang, card.status))
    elif change.kind == "note":
        text = f"{t(lang, 'noted')} {what}: {change.detail}".rstrip(": ")
    elif change.kind == "rank":
        text = f"{t(lang, 'reordered')} {what}"
    elif change.record:  # an edit by hand, in officers' words
        from storage.editing.live import edit_line  # with the activity log's words: not needed at start

        text = edit_line(snapshot, change, lang)
    elif change.kind == "record":
        text = f"{t(lang, 'added')} {change.detail}".strip()
    else:
        text = f"{t(lang, 'changed')} {what} {change.detail}".strip()
    return f"{change.author} {text}"


def describe_changes(snapshot: BoardSnapshot, changes: list[Change], lang: str) -> str:
    """The status line for one refresh: the last change, and when the same person moved
    that card with a note (two changes), both — ``malee ย้ายข้อ ๒ (…) → ติดปัญหา · บันทึก: …``."""
    last = changes[-1]
    same = [c for c in changes if c.card_id == last.card_id and c.author == last.author]
    moved = next((c for c in reversed(same) if c.kind == "status"), None)
    noted = next((c for c in reversed(same) if c.kind == "note"), None)
    if moved is None or noted is None:
        return describe(snapshot, last, lang)
    text = describe(snapshot, moved, lang)
    return f"{text} · {t(lang, 'noted')}: {noted.detail}" if noted.detail else text


def describe_refresh(before: BoardSnapshot, after: BoardSnapshot, changes: list[Change], lang: str) -> str:
    """The status line for another officer's changes: an import (or hand-added items and
    cards) is said as such — ``มาลี นำเข้า ๑ หนังสือ ๒ ข้อ ๓ การ์ด`` — not as the move of
    its last new card; anything else as :func:`describe_changes`."""
    added = [(len(after.directives) - len(before.directives), "letters"),
             (len(after.items) - len(before.items), "items"),
             (len(after.cards) - len(before.cards), "cards")]
    new = [t(lang, f"n_{what}", n=digits(lang, n)) for n, what in added if n > 0]
    record = next((c for c in changes if c.kind == "record"), None)
    if not new or record is None:
        return describe_changes(after, changes, lang)
    key = "imported" if added[0][0] > 0 else "safety.others_added"
    return f"{record.author} {t(lang, key, what=' '.join(new))}"


def import_summary(before: BoardSnapshot, after: BoardSnapshot, lang: str) -> str:
    """``นำเข้า ๑ หนังสือ ๗ ข้อ ๒๗ การ์ด``: what an officer counts, not storage records."""
    parts = [(len(after.directives) - len(before.directives), "letters"),
             (len(after.items) - len(before.items), "items"),
             (len(after.cards) - len(before.cards), "cards")]
    new = [t(lang, f"n_{what}", n=digits(lang, n)) for n, what in parts if n > 0]
    return t(lang, "imported", what=" ".join(new)) if new else t(lang, "nothing_new")


def start_import(app: BoardApp) -> None:
    """Open a letter → review the draft → save its records (H2's reader, H4's screens)."""
    # Imported on first use: the reader and review screens are not needed to open a board.
    from storage.formats.reader import read_letter
    from storage.formats.to_records import draft_to_records
    from tui.screens.import_review import ImportReviewScreen
    from tui.screens.open_letter import OpenLetterScreen

    known = tuple(app.snapshot.agencies.values())

    def reviewed(draft) -> None:
        if draft is None:
            return
        before = app.store.snapshot()
        try:
            app.store.add_records(draft_to_records(draft, known))
        except (BoardError, OSError) as error:
            app.notify(user_message(error, app.lang), severity="error", markup=False)
            return
        app.records_added()
        app.notify(import_summary(before, app.store.snapshot(), app.lang), markup=False)

    def opened(draft) -> None:
        if draft is not None:
            app.push_screen(ImportReviewScreen.for_lang(draft, known, lang=app.lang), reviewed)

    # The dialog reads the letter itself: a file that is no letter is explained there, with
    # the path kept, instead of closing it and sending the next keys to the board.
    app.push_screen(OpenLetterScreen.for_lang(app.store.path.parent, lang=app.lang,
                                              read=lambda path: read_letter(path, known)), opened)


def report_lang(lang: str) -> str:
    """File notices keep ASCII digits (line and column numbers, as editors show them)."""
    return "th-ascii" if is_thai(lang) else "en"


def disk_notices(store, lang: str, told: set[str]) -> tuple[list[str], list[str]]:
    """(notifications not given before, status-line badges) about bad files and strays.

    ``told`` remembers what was already said, so each problem is notified once."""
    from storage.sync import folder as fs

    say = report_lang(lang)
    fresh, badges = [], []
    problems = tuple(getattr(store, "problems", ()))
    waiting = [p for p in problems if getattr(p, "reason", "") == "waiting"]
    # A newer version's file is not damage either: it is read, and says to update (once); a file
    # with some bad values left out, or stamped by a clock far ahead, is read too and says so.
    newer = [p for p in problems if getattr(p, "reason", "") == "newer"]
    bad = [p for p in problems if getattr(p, "reason", "") not in ("waiting", "newer", "bad_values", "ahead")]
    for problem in problems:
        key = "newer" if problem in newer else f"bad\0{problem.path}\0{problem.problem}"
        if key not in told:
            told.add(key)
            # Waiting for a base is not damage: say what is awaited, without "cannot read".
            text = problem.text(say)
            fresh.append(t(lang, "bad_file", text=text) if problem in bad else text)
    cannot = getattr(store, "cannot_write", None)
    if cannot is not None and not getattr(store, "read_only", False) and "cannot_write" not in told:
        # Opened for reading on a full disk or read-only share: say so now, not at the first move.
        told.add("cannot_write")
        fresh.append(t(lang, "files.cannot_save_yet", why=user_message(cannot, lang)))
    strays = store.strays()
    stems = {store.path.stem}
    for path in strays:
        key = f"stray\0{path}"
        if key not in told:
            told.add(key)
            fresh.append(t(lang, "stray_found", name=path.name, what=t(say, f"sync.copy.{fs.label(path, stems)}")))
    if bad:
        badges.append(t(lang, "bad_files", n=digits(lang, len(bad))))
    if waiting:
        badges.append(t(lang, "waiting_files", n=digits(lang, len(waiting))))
    if strays:
        badges.append(t(lang, "strays", n=digits(lang, len(strays))))
    return fresh, badges
