"""The work behind ``board summary`` and ``board review`` (parsers in meeting_commands.py;
``board log`` is tui/cli/log_output.py, so a summary imports none of the log's wording)."""

from __future__ import annotations

import argparse

from storage.i18n import say
from storage.models import STATUSES, BoardSnapshot
from storage.progress import Progress, agency_progress, board_progress
from storage.select import parse_day, select_cards
from tui.cli import board_commands as base
from tui.cli.board_commands import MEASURE
from tui.cli import out_lang
from tui.cli.cells import terminal_columns


def terminal_width() -> int:
    return terminal_columns()


def _right(text: str, width: int) -> str:
    return " " * max(0, width - MEASURE(text)) + text


def summary_table(rows: list[tuple[str, Progress]], total: Progress, lang: str, width: int) -> list[str]:
    """Header, one line per agency, a total line; never wider than ``width`` (at least 60)."""
    # The board's own short column titles (each is also accepted wherever a status is typed).
    heads = [*(say(lang, f"status_short.{s}") for s in STATUSES), say(lang, "meeting.total"),
             say(lang, "meeting.done_pct"), say(lang, "meeting.overdue")]
    widths = [max(MEASURE(h), 4) for h in heads]
    fixed = sum(widths) + len(widths)  # one space before each number column
    longest = max([MEASURE(name) for name, _ in rows] + [MEASURE(say(lang, "meeting.agency"))])
    name_w = max(12, min(longest, max(width, 60) - fixed))

    def line(name: str, cells: list[str]) -> str:
        return base._fit(name, name_w) + "".join(" " + _right(c, w) for c, w in zip(cells, widths))

    out = [line(say(lang, "meeting.agency"), heads)]
    for name, p in [*rows, (say(lang, "meeting.all_agencies"), total)]:
        out.append(line(name, [*(str(n) for n in p.counts), str(p.total), f"{p.percent}%", str(p.overdue)]))
    return out


def _scoped(snap: BoardSnapshot, args: argparse.Namespace):
    return select_cards(snap, agency=args.agency, letter=args.letter)


def summary_json(agency, p: Progress) -> dict:
    return {"agency": {"id": agency.id, "name": agency.name, "short": agency.short},
            **{s: p.count(s) for s in STATUSES}, "total": p.total, "done_percent": p.percent,
            "overdue": p.overdue, "due_soon": p.due_soon}


def run_summary(args: argparse.Namespace) -> int:
    lang, today = out_lang(args), base.today()
    with base._opened(args) as store:
        snap = store.snapshot()
        cards = _scoped(snap, args)
        per_agency = agency_progress(snap, today, cards)
        if args.json:
            import json

            print(json.dumps([summary_json(a, p) for a, p in per_agency], ensure_ascii=False, indent=2))
            return 0
        rows = [(a.short or a.name, p) for a, p in per_agency]
        for text in summary_table(rows, board_progress(snap, today, cards), lang, terminal_width()):
            print(text.rstrip())
    return 0


def run_review(args: argparse.Namespace) -> int:
    """``board review``: the TUI on its review screen, the store opened read-only."""
    from tui.factory import run_app

    since = parse_day(args.since, base.today()) if args.since else None
    return run_app(args, read_only=True, start="review", start_agency=args.agency, since=since)
