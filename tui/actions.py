"""App helpers that need no Textual: rank planning, change folding, change wording,
and the letter-import flow (screens pushed, records written through the app's store).
"""

from __future__ import annotations

from pathlib import Path

from storage.errors import BoardError
from storage.models import BoardSnapshot, Change

from widgets.board_index import BoardIndex
from widgets.i18n import digits, status_label, t


def status_name(lang: str, status: str) -> str:
    return status_label(lang, status)


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
    elif change.kind == "record":
        text = f"{t(lang, 'added')} {change.detail}".strip()
    else:
        text = f"{t(lang, 'changed')} {what} {change.detail}".strip()
    return f"{change.author} {text}"


def start_import(app) -> None:
    """Open a letter → review the draft → save its records (H2's reader, H4's screens)."""
    try:
        from storage.formats.reader import read_letter
        from storage.formats.to_records import draft_to_records
        from tui.screens.import_review import ImportReviewScreen
        from tui.screens.open_letter import OpenLetterScreen
    except ImportError:
        app.notify(t(app.lang, "import_unavailable"), severity="warning")
        return
    known = tuple(app.snapshot.agencies.values())

    def reviewed(draft) -> None:
        if draft is None:
            return
        try:
            count = app.store.add_records(draft_to_records(draft, known))
        except (BoardError, OSError) as error:
            app.notify(str(error), severity="error")
            return
        app.records_added()
        app.notify(t(app.lang, "imported", n=digits(app.lang, count)))

    def opened(path: Path | None) -> None:
        if path is None:
            return
        try:
            draft = read_letter(path, known)
        except (BoardError, OSError) as error:  # ImportFailed: one line, never a traceback
            app.notify(str(error), severity="error")
            return
        app.push_screen(ImportReviewScreen.for_lang(draft, known, lang=app.lang), reviewed)

    app.push_screen(OpenLetterScreen.for_lang(app.store.path.parent, lang=app.lang), opened)
