"""``board summary|log|export`` (DESIGN.md §6, the meeting): the chair's questions from a shell.

``summary`` answers "how far is each agency" in 80 columns; ``log`` answers "who did what".
Both take ``--agency``/``--letter`` and ``--json``. Plain text is aligned by terminal cells.
"""

from __future__ import annotations

import argparse


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    """``board summary``, ``board log``, ``board export`` and ``board review``."""
    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help)
        p.set_defaults(run=f"tui.cli.meeting_output:run_{name}")
        return p

    p = command("summary", "per-agency progress table (fits 80 columns)")
    _scope(p)
    p.add_argument("--json", action="store_true", help="print JSON: one object per agency")

    p = command("log", "who moved what, notes, edits and imports, oldest first, in local time")
    p.add_argument("--since", metavar="DATE", help="from this day on (2025-09-30, 30/9/2568, 30 ก.ย. 68, 7d)")
    _scope(p)
    p.add_argument("--user", metavar="U", help="only what this user did")
    p.add_argument("--json", action="store_true", help="print JSON: one object per activity")


    p = command("export", "export the board: csv, xlsx, md (minutes), json, docx (an agency's reply)")
    p.set_defaults(run="tui.cli.export_output:run_export")
    p.add_argument("--format", choices=("csv", "xlsx", "md", "json", "docx"), default="json",
                   help="csv (UTF-8 with BOM, for Excel), xlsx (summary + a sheet per agency), "
                        "md (minutes, per agency), json, docx (the agency's reply; needs --agency)")
    p.add_argument("--out", metavar="FILE", help="write to FILE ('-': standard output)")
    _scope(p)
    p.add_argument("--since", metavar="DATE",
                   help="only cards changed since DATE (docx: the notes since DATE)")


    p = command("review", "the meeting's review screen: a summary, then one agency per page (read-only)")
    p.set_defaults(run="tui.cli.meeting_output:run_review")
    p.add_argument("--agency", metavar="A", help="start on this agency's page")
    p.add_argument("--since", metavar="DATE", help="count changes from this day (default: 30 days ago)")


    from tui.cli.serve_command import add_parser as add_serve  # argparse only; textual-serve loads on use

    add_serve(sub, common)


def _scope(p: argparse.ArgumentParser) -> None:
    p.add_argument("--agency", metavar="A", help="agency name, short name, alias or id prefix")
    p.add_argument("--letter", metavar="N", help="letter number (รย 0017.2/ว 3362), part of it, or id prefix")
