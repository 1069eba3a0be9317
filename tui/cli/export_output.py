"""``board export``: the board as a file for Excel, the minutes, scripts or the agency's reply."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from storage.errors import BoardError
from storage.select import match_agencies, parse_day, select_cards
from storage.sync.store import BoardStore
from tui.cli import board_commands as base
from tui.cli import out_lang

BINARY = ("xlsx", "docx")


def export_json(store: BoardStore, cards: list, since) -> dict:
    """The whole board (or the chosen cards with their items, letters, agencies, notes, history)."""
    from storage.formats.export import rows

    snap = store.snapshot()
    chosen = [r.card for r in rows(snap, base.today(), cards, since)]
    ids = {c.id for c in chosen}
    items = {c.item_id for c in chosen}
    letters = {snap.items[i].directive_id for i in items if i in snap.items}
    everything = len(chosen) == len(snap.cards)
    return {
        "board": {"id": store.board_id, "name": store.name, "file": str(store.path)},
        "directives": [asdict(d) for d in snap.directives.values() if everything or d.id in letters],
        "items": [asdict(i) for i in snap.items.values() if everything or i.id in items],
        "agencies": [asdict(a) for a in snap.agencies.values() if everything or a.id in {c.agency_id for c in chosen}],
        "cards": [base.card_json(snap, c) for c in sorted(chosen, key=lambda c: base._order(snap, c))],
        "notes": [asdict(n) for key, notes in snap.notes.items() if everything or key in ids for n in notes],
        "history": [asdict(h) for key, events in snap.history.items()
                    if everything or key in ids or key in letters for h in events],
    }


def _agency(snap, wanted: str | None):
    if not wanted:
        raise BoardError("report.docx.need_agency")
    found = match_agencies(snap, wanted)
    if len(found) > 1:
        names = ", ".join(a.short or a.name for a in found[:4])
        raise BoardError("report.docx.many_agencies", wanted=wanted, n=len(found), names=names)
    return found[0]


def report(store: BoardStore, args: argparse.Namespace) -> bytes:
    from storage.formats import export, minutes

    snap, today, fmt = store.snapshot(), base.today(), args.format
    lang = "th" if base._lang(args) == "th" else "en"
    since = parse_day(args.since, today) if args.since else None
    cards = select_cards(snap, agency=args.agency, letter=args.letter)
    if fmt == "docx":
        from storage.formats.agency_docx import to_docx

        agency = _agency(snap, args.agency)
        if not cards:
            raise BoardError("report.docx.no_cards", agency=agency.name)
        return to_docx(snap, agency, cards, today, lang, since)
    if fmt == "json":
        data = export_json(store, cards, since)
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "csv":
        return export.to_csv(snap, today, out_lang(args), cards, since)
    if fmt == "xlsx":
        from storage.formats.xlsx_export import to_xlsx

        return to_xlsx(snap, today, out_lang(args), store.name, cards, since)
    return minutes.to_markdown(snap, today, lang, store.name, cards, since).encode("utf-8")


def run_export(args: argparse.Namespace) -> int:
    to_stdout = not args.out or args.out == "-"
    if args.format in BINARY and to_stdout and sys.stdout.isatty():
        raise BoardError("error.binary_export", format=args.format)
    with base._opened(args) as store:
        data = report(store, args)
    if not to_stdout:
        _write_out(Path(args.out), data)
    elif args.format in ("json", "md") or not hasattr(sys.stdout, "buffer"):
        print(data.decode("utf-8", errors="replace"), end="")
    else:  # csv keeps its BOM, xlsx and docx their bytes, whatever the terminal's encoding
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def _write_out(path: Path, data: bytes) -> None:
    """All or nothing: on a full disk the report already there stays whole and no half-written
    one is left (a command that fails changes nothing). A pipe or a device is a stream."""
    from storage.sync.files import write_atomic

    if path.exists() and not path.is_file():
        path.write_bytes(data)
    else:
        write_atomic(path, data)
