"""``board import FILE… [--dry-run] [--json]`` (DESIGN.md §4, §6).

Every file is parsed before anything is written, so one bad file means exit 1 and an
untouched board. ``--dry-run --json`` prints the drafts (one object per file, a list when
several) and writes nothing; ``--dry-run`` alone prints a Thai summary for review.
Without ``--dry-run`` the records are saved: a new board file when none exists, else
added to the board. Ids are deterministic, so importing a letter twice changes nothing.
``--alias SPELLING=AGENCY`` reads a spelling as a board agency and teaches it to the board.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from typing import TYPE_CHECKING

from storage.errors import BoardError
from storage.i18n import is_thai, say
from storage.models import Agency, Records
from tui.cli import out_lang

if TYPE_CHECKING:
    from storage.formats.draft import Draft


def add_parsers(sub, common: argparse.ArgumentParser, only: str | None = None) -> None:
    """``board import``: light to define (the reader is imported when it runs)."""
    p = sub.add_parser("import", parents=[common], help="cli.help.import")
    p.add_argument("files", nargs="+", metavar="FILE", help="cli.help.import.files")
    p.add_argument("--dry-run", action="store_true", help="cli.help.import.dry_run")
    p.add_argument("--json", action="store_true", help="cli.help.import.json")
    p.add_argument(
        "--alias", action="append", default=[], metavar="SPELLING=AGENCY",
        help="cli.help.import.alias",
    )
    p.set_defaults(run="tui.cli.import_command:run_import")


def known_agencies(board: Path) -> list[Agency]:
    """The board's agencies, read without writing anything anywhere (BadFile for a broken board)."""
    if not board.exists():
        return []
    from storage.sync.store import BoardStore

    store = BoardStore.open(board, read_only=True)
    try:
        return list(store.snapshot().agencies.values())
    finally:
        store.close()


def apply_aliases(known: list[Agency], pairs: list[str]) -> tuple[list[Agency], list[Agency]]:
    """(known agencies with the new spellings, the agencies that gained one) for --alias.

    ``SPELLING=AGENCY``: AGENCY is a board agency's name, short name, alias or id prefix.
    """
    from dataclasses import replace

    from storage.formats.agencies import AgencyIndex, normalize_agency

    changed: dict[str, Agency] = {}
    by_id = {a.id: a for a in known}
    for pair in pairs:
        spelling, sep, target = pair.partition("=")
        spelling = normalize_agency(spelling)
        if not sep or not spelling or not target.strip():
            raise BoardError("error.alias_form", pair=pair)
        agency = AgencyIndex(by_id.values()).match(target) or _by_id_prefix(by_id, target.strip())
        if agency is None:
            raise BoardError("error.alias_no_agency", pair=pair, agency=target.strip())
        if AgencyIndex([agency]).match(spelling) is None:  # a spelling it does not answer to yet
            agency = replace(agency, aliases=(*agency.aliases, spelling))
            by_id[agency.id] = changed[agency.id] = agency
    return list(by_id.values()), list(changed.values())


def _by_id_prefix(by_id: dict[str, Agency], prefix: str) -> Agency | None:
    matches = [a for aid, a in by_id.items() if len(prefix) >= 4 and aid.startswith(prefix.lower())]
    return matches[0] if len(matches) == 1 else None


def _records(drafts: list[Draft], known: list[Agency]) -> Records:
    """One batch for all files; agencies new in one letter are known to the next."""
    from storage.formats.to_records import draft_to_records

    known = list(known)
    parts: list[Records] = []
    for draft in drafts:
        records = draft_to_records(draft, known)
        known.extend(records.agencies)
        parts.append(records)
    return Records(
        directives=tuple(r for p in parts for r in p.directives),
        items=tuple(r for p in parts for r in p.items),
        agencies=tuple(r for p in parts for r in p.agencies),
        cards=tuple({c.id: c for p in parts for c in p.cards}.values()),
    )


def _day(iso: str, lang: str, style: str = "short") -> str:
    """B.E. in Thai (ASCII digits, like all terminal output), ISO in English."""
    from datetime import date

    from storage.thai.dates import format_thai_date

    return format_thai_date(date.fromisoformat(iso), style=style, digits="ascii") if is_thai(lang) else iso  # type: ignore[arg-type]


def summary_lines(draft: Draft, lang: str = "th-ascii") -> list[str]:
    """A readable summary of one draft (for --dry-run) in ``lang``."""
    d = draft.directive
    when = _day(d.date, lang, "long") if d.date else say(lang, "cli.import.no_date")
    number = d.number or say(lang, "cli.import.no_number")
    lines = [say(lang, "cli.import.letter", number=number, date=when, source=d.source),
             "  " + say(lang, "cli.import.subject", subject=d.subject or "-"),
             "  " + say(lang, "cli.import.issuer", issuer=d.issuer or "-")]
    if d.references:
        lines.append("  " + say(lang, "cli.import.references", refs=", ".join(d.references)))
    for item in draft.items:
        extra = []
        if item.due:
            extra.append(say(lang, "cli.import.due", date=_day(item.due, lang)))
        if item.recurrence:
            extra.append(item.recurrence)
        if item.subpoints:
            extra.append(say(lang, "cli.import.subpoints", n=len(item.subpoints)))
        text = item.text if len(item.text) <= 70 else item.text[:69] + "…"
        line = "  " + say(lang, "cli.import.item", seq=item.seq, text=text)
        lines.append(line + (f"  ({'; '.join(extra)})" if extra else ""))
        for agency in item.agencies:
            lines.append(f"      - {agency.name} [{say(lang, f'role.{agency.role}')}]")
    lines += [f"  ! {w.text(lang)}" for w in draft.warnings]
    return lines


def _print_json(drafts: list[Draft], lang: str = "th") -> None:
    data = drafts[0].to_json(lang) if len(drafts) == 1 else [d.to_json(lang) for d in drafts]
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _save(board: Path, drafts: list[Draft], aliases: list[str]) -> tuple[int, Records]:
    from dataclasses import replace

    from storage.sync.replica import user_name
    from storage.sync.store import BoardStore

    if not board.exists():
        records = _records(drafts, [])
        BoardStore.create(board, records, by=user_name(None))
        return len(records.directives) + len(records.items) + len(records.agencies) + len(records.cards), records
    store = BoardStore.open(board)
    try:
        known, taught = apply_aliases(list(store.snapshot().agencies.values()), aliases)
        records = _records(drafts, known)
        # Agencies that learnt a spelling go in too: the store adds the aliases they lack.
        records = replace(records, agencies=(*records.agencies, *taught))
        return store.add_records(records), records
    finally:
        store.close()


def run_import(args: argparse.Namespace) -> int:
    from storage.formats.reader import read_letter

    board = Path(args.board_path)
    aliases = list(getattr(args, "alias", None) or [])
    lang = out_lang(args)
    known, taught = apply_aliases(known_agencies(board), aliases)
    drafts = [read_letter(Path(name), known) for name in args.files]
    if args.dry_run:
        if args.json:
            _print_json(drafts, lang)
        else:
            for draft in drafts:
                print("\n".join(summary_lines(draft, lang)))
            print(say(lang, "cli.import.dry_run"))
        return 0
    added, records = _save(board, drafts, aliases)
    if args.json:
        _print_json(drafts, lang)
    else:
        _report(board, drafts, added, records, taught, lang)
    return 0


def _report(board: Path, drafts: list[Draft], added: int, records: Records, taught: list[Agency],
            lang: str = "th-ascii") -> None:
    for draft in drafts:
        d = draft.directive
        print(say(lang, "cli.import.read", source=d.source, number=d.number or say(lang, "cli.import.no_number"), n=len(draft.items)))
        for warning in draft.warnings:
            print(f"  ! {warning.text(lang)}")
    if added:
        print(say(lang, "cli.import.saved", board=str(board), added=added, cards=len(records.cards)))
    else:
        print(say(lang, "cli.import.nothing_new", board=str(board)))
    for agency in taught:
        print(say(lang, "cli.import.alias_learnt", agency=agency.name, alias=agency.aliases[-1]))
