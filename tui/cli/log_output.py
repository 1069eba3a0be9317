"""The work behind ``board log`` (its parser in meeting_commands.py): who did what, when."""

from __future__ import annotations

import argparse
import json

from storage import activity_words as words
from storage.activity import LogFilter, log
from storage.i18n import say
from storage.models import BoardSnapshot
from storage.select import match_agencies, match_letters, parse_day
from storage.thai.wrap import wrap
from tui.cli import board_commands as base
from tui.cli import out_lang
from tui.cli.board_commands import MEASURE
from tui.cli.cells import terminal_columns


def log_filter(snap: BoardSnapshot, args: argparse.Namespace) -> LogFilter:
    since = parse_day(args.since, base.today()) if args.since else None
    agencies = frozenset(a.id for a in match_agencies(snap, args.agency)) if args.agency else None
    letters = frozenset(d.id for d in match_letters(snap, args.letter)) if args.letter else None
    return LogFilter(since, agencies, letters, (args.user or "").strip())


def log_line(snap: BoardSnapshot, a, lang: str, width: int) -> str:
    """``25 พ.ย. 69 14:05  somchai  ข้อ 6 · พช.ระยอง  ย้าย … → …`` within ``width``: what was
    done (a note's whole text) goes on under its own column, wrapped at Thai word boundaries,
    rather than being cut — the words of a note are what the meeting reads the log for."""
    head = f"{words.when(a.at, lang)}  {base._fit(a.who, 10)}  {base._fit(words.subject(snap, a, lang), 24)}  "
    done = words.action(snap, a, lang, short=width < 100)  # the board's own 80-column status titles
    lines = wrap(done, max(16, width - MEASURE(head)), measure=MEASURE) or [""]
    pad = " " * MEASURE(head)
    return "\n".join([head + lines[0].rstrip(), *(pad + line.rstrip() for line in lines[1:])])


def run_log(args: argparse.Namespace) -> int:
    lang = out_lang(args)
    with base._opened(args) as store:
        snap = store.snapshot()
        entries = log(snap, log_filter(snap, args))
        if args.json:
            print(json.dumps([words.to_json(snap, a) for a in entries], ensure_ascii=False, indent=2))
            return 0
        width = terminal_columns()
        for a in entries:
            print(log_line(snap, a, lang, width))
        if not entries:
            print(say(lang, "meeting.log.empty"))
    return 0
