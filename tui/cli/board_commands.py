"""``board list|move|note|sync`` (DESIGN.md §6): the board from a shell.

Each ``run_*`` takes the argparse Namespace (``args.board_path``) and returns the exit code.
User errors raise ``storage.errors.BoardError`` subclasses; the dispatcher prints the
one-line message and exits 1. Plain text is aligned by terminal cells so Thai lines up.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from typing import Iterator

from storage.errors import BoardError
from storage.i18n import say
from storage.due import is_overdue
from storage.select import letter_tag, parse_status, select_cards, sitting_tag
from storage.models import STATUSES, Agency, BoardSnapshot, Card, Directive, Item
from storage.sync.store import BoardStore
from storage.thai.dates import format_thai_date
from storage.thai.cut import truncate
from tui.cli import out_lang
from tui.cli.cells import cell_len, terminal_columns

MEASURE = cell_len
"""Cells as the terminal draws them (Rich's count: combining marks none, ``❤️`` two), so
columns line up; tui/cli/cells.py answers for Thai and ASCII without importing Rich."""

def add_parsers(sub, common: argparse.ArgumentParser, only: str | None = None) -> None:
    """``board list|move|note|sync`` (summary, log, export: meeting_commands.py); ``only``
    that one of them (tui/cli/__init__.py: a command line that names one needs no other)."""
    def command(name: str, help: str) -> argparse.ArgumentParser | None:
        if only not in (None, name):
            return None
        p = sub.add_parser(name, parents=[common], help=help)
        p.set_defaults(run=f"tui.cli.board_commands:run_{name}")
        return p

    if p := command("list", "cli.help.list"):
        _list_options(p)
    if p := command("move", "cli.help.move"):
        p.add_argument("card", metavar="CARD", help="cli.help.card")
        p.add_argument("status", metavar="STATUS", help="cli.help.move.status")
        p.add_argument("--note", metavar="TEXT", help="cli.help.move.note")
    if p := command("note", "cli.help.note"):
        p.add_argument("card", metavar="CARD", help="cli.help.card")
        p.add_argument("text", metavar="TEXT", nargs="?", help="cli.help.note.text")
        p.add_argument("--retract", metavar="NOTE_ID", help="cli.help.note.retract")
        p.add_argument("--json", action="store_true", help="cli.help.note.json")
    command("sync", "cli.help.sync")


def _list_options(p: argparse.ArgumentParser) -> None:
    p.set_defaults(reads=True)
    p.add_argument("--agency", metavar="A", help="cli.help.agency_scope")
    p.add_argument("--letter", metavar="N", help="cli.help.letter_scope")
    p.add_argument("--status", metavar="S", help="cli.help.list.status")
    p.add_argument("--overdue", action="store_true", help="cli.help.list.overdue")
    p.add_argument("--json", action="store_true", help="cli.help.list.json")


def today() -> date:
    return date.today()


@contextmanager
def _opened(args: argparse.Namespace, *, warn: bool = True) -> Iterator[BoardStore]:
    # --read-only (a reading command): nothing written anywhere, not even the state dir.
    store = BoardStore.open(args.board_path, read_only=getattr(args, "read_only", False))
    if warn:
        _warn(store, out_lang(args))
    try:
        yield store
    finally:
        store.close()


def _warn(store: BoardStore, lang: str) -> None:
    """One stderr line per file the board could not read (stdout stays the command's output)."""
    for problem in store.problems:
        print("board: " + say(lang, "cli.warning", text=problem.text(lang)), file=sys.stderr)


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", "th") or "th"


@lru_cache(maxsize=4096)  # statuses, agencies, letters and items repeat down a list
def _fitted(text: str, width: int) -> tuple[str, int]:
    """``text`` cut to ``width`` cells (ending in …, between grapheme clusters, so ที่ is
    kept or dropped whole) and padded to exactly ``width``; and the cells that takes."""
    shown = truncate(text, width, measure=MEASURE)
    cells = MEASURE(shown)
    return shown + " " * (width - cells), max(width, cells)


def _fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells (:func:`_fitted`)."""
    return _fitted(text, width)[0]


@lru_cache(maxsize=1024)
def _due_text(iso: str | None, lang: str) -> str:
    """``30 ก.ย. 65`` in Thai (B.E., ASCII digits); the ISO date in English, never Thai months."""
    if not iso:
        return ""
    if lang == "en":
        return iso
    return format_thai_date(date.fromisoformat(iso), digits="ascii")


def _is_overdue(snap: BoardSnapshot, card: Card, day: date | None = None) -> bool:
    return is_overdue(snap, card, day or today())  # the reports' rule, so list and export agree


@lru_cache(maxsize=256)
def _say(lang: str, key: str, **params: object) -> str:
    """``say`` for the words that repeat on every line of a list (a status, ข้อ 6)."""
    return say(lang, key, **params)


def _selected(snap: BoardSnapshot, args: argparse.Namespace) -> list[Card]:
    cards = select_cards(snap, agency=args.agency, letter=getattr(args, "letter", None))
    if args.status:
        status = parse_status(args.status)  # once, not once per card
        cards = [c for c in cards if c.status == status]
    if args.overdue:
        cards = [c for c in cards if _is_overdue(snap, c)]
    return sorted(cards, key=lambda c: _order(snap, c))


def _parts(snap: BoardSnapshot, card: Card) -> tuple[Item | None, Agency | None, Directive | None]:
    """The card's item, agency and letter, each None when the board lacks it."""
    item = snap.items.get(card.item_id)
    directive = snap.directives.get(item.directive_id) if item else None
    return item, snap.agencies.get(card.agency_id), directive


def _who(snap: BoardSnapshot, card: Card) -> str:
    agency = snap.agencies.get(card.agency_id)
    return (agency.short or agency.name) if agency else card.agency_id[:8]


def _order(snap: BoardSnapshot, card: Card) -> tuple:
    item, agency, directive = _parts(snap, card)
    return (directive.number if directive else "", item.seq if item else 0,
            card.role != "lead", agency.name if agency else "", card.id)


def card_json(snap: BoardSnapshot, card: Card) -> dict:
    """One card of ``board list --json`` (the schema is documented in the README)."""
    from storage.editing.origin import origin  # only for --json and exports, not for the lines

    item, agency, directive = _parts(snap, card)
    return {
        "id": card.id,
        "item": {"id": card.item_id, "seq": item.seq if item else None, "text": item.text if item else "",
                 "due": item.due if item else None, "recurrence": item.recurrence if item else None},
        "origin": origin(directive, "th-ascii"),
        "letter": directive.number if directive else None,
        "agency": {"id": card.agency_id, "name": agency.name if agency else "", "short": agency.short if agency else ""},
        "role": card.role,
        "status": card.status,
        "due": item.due if item else None,
        "overdue": _is_overdue(snap, card),
        "rank": card.rank,
        "updated_at": card.updated_at,
        "updated_by": card.updated_by,
        "notes": len(snap.notes_of(card.id)),
    }


def _card_line(snap: BoardSnapshot, card: Card, lang: str, width: int, day: date | None = None) -> str:
    """``id status agency letter item ⚠due text``: at most ``width`` cells (80 and up).

    Under 100 columns the status is the short column title and the agency column narrower,
    so the item's text keeps room; the letter column is the tail of the letter's number, or a
    meeting's sitting (``11/69``)."""
    item, agency, directive = _parts(snap, card)
    wide = width >= 100
    status = _say(lang, f"status.{card.status}" if wide else f"status_short.{card.status}")
    mark = "⚠" if _is_overdue(snap, card, day) else " "
    seq = _say(lang, "cli.item", seq=item.seq if item else "?")
    status, who = _fitted(status, 15 if wide else 8), _fitted(_who(snap, card), 16 if wide else 12)
    tag = (letter_tag(directive.number) or sitting_tag(directive.subject) or directive.subject) if directive else ""
    letter = _fitted(tag, 6)
    seq, due = _fitted(seq, 6), _fitted(_due_text(item.due if item else None, lang), 10)
    head = f"{card.id[:8]} {status[0]} {who[0]} {letter[0]} {seq[0]}{mark}{due[0]}"
    # The head's cells from its pieces' (known when they were fitted), not measured again:
    # measuring every line's head was a tenth of `board list`'s formatting (issue 11).
    cells = MEASURE(card.id[:8]) + 4 + status[1] + who[1] + letter[1] + seq[1] + MEASURE(mark) + due[1]
    rest = max(10, max(width, 80) - cells - 1)
    return f"{head} {_fit(item.text if item else '', rest).rstrip()}"


def run_list(args: argparse.Namespace) -> int:
    with _opened(args) as store:
        snap = store.snapshot()
        cards = _selected(snap, args)
        if args.json:
            import json

            print(json.dumps([card_json(snap, c) for c in cards], ensure_ascii=False, indent=2))
            return 0
        # Piped (| less, | grep) there is no terminal to ask: 80 columns, like a terminal's default.
        width, lang, day = terminal_columns(), out_lang(args), today()
        if cards:
            print("\n".join(_card_line(snap, card, lang, width, day) for card in cards))
        else:
            print(say(lang, "meeting.no_cards"))
    return 0


def _describe(snap: BoardSnapshot, card: Card, lang: str) -> str:
    item = snap.items.get(card.item_id)
    return f"{card.id[:8]} {say(lang, 'cli.item', seq=item.seq if item else '?')} · {_who(snap, card)}"


def run_move(args: argparse.Namespace) -> int:
    status = parse_status(args.status)
    with _opened(args) as store:
        card = store.resolve_card(args.card)
        moved = store.move(card.id, status, note=args.note)
        lang = out_lang(args)
        old, new = say(lang, f"status.{card.status}"), say(lang, f"status.{moved.status}")
        what = _describe(store.snapshot(), moved, lang)
        if card.status == moved.status:
            print(f"{what}: {new} ({say(lang, 'cli.unchanged')})")
        else:
            print(f"{what}: {old} → {new}")
        if args.note is not None:
            print(f"{what}: {say(lang, 'cli.note_added')}")
    return 0


def run_note(args: argparse.Namespace) -> int:
    if args.retract:
        from tui.cli.edit_run import run_retract

        return run_retract(args)
    if args.text is None:
        raise BoardError("edits.note_needs_text")
    with _opened(args) as store:
        card = store.resolve_card(args.card)
        store.add_note(card.id, args.text)
        lang = out_lang(args)
        print(f"{_describe(store.snapshot(), card, lang)}: {say(lang, 'cli.note_added')}")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    # Each bad file is said once: as a warning on stderr, from what the board reads after the
    # sync, like every other command; stdout is what sync did.
    with _opened(args, warn=False) as store:
        for line in store.sync().lines(out_lang(args), problems=False):
            print(line)
        _warn(store, out_lang(args))
    return 0
