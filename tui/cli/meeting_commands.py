"""``board summary|log|export`` (DESIGN.md §6, the meeting): the chair's questions from a shell.

``summary`` answers "how far is each agency" in 80 columns; ``log`` answers "who did what".
Both take ``--agency``/``--letter`` and ``--json``. Plain text is aligned by terminal cells.
"""

from __future__ import annotations

import argparse


def add_parsers(sub, common: argparse.ArgumentParser, only: str | None = None) -> None:
    """``board summary``, ``board log``, ``board export``, ``board review`` and ``board serve``;
    ``only`` that one of them (tui/cli/__init__.py: a command line that names one needs no other)."""
    def command(name: str, help: str) -> argparse.ArgumentParser | None:
        if only not in (None, name):
            return None
        p = sub.add_parser(name, parents=[common], help=help)
        p.set_defaults(run=f"tui.cli.meeting_output:run_{name}", reads=True)  # none changes the board
        return p

    if p := command("summary", "cli.help.summary"):
        _scope(p)
        p.add_argument("--json", action="store_true", help="cli.help.summary.json")
    if p := command("log", "cli.help.log"):
        p.set_defaults(run="tui.cli.log_output:run_log")
        p.add_argument("--since", metavar="DATE", help="cli.help.log.since")
        _scope(p)
        p.add_argument("--user", metavar="U", help="cli.help.log.user")
        p.add_argument("--json", action="store_true", help="cli.help.log.json")
    if p := command("export", "cli.help.export"):
        p.set_defaults(run="tui.cli.export_output:run_export")
        p.add_argument("--format", choices=("csv", "xlsx", "md", "json", "docx"), default="json",
                       help="cli.help.export.format")
        p.add_argument("--out", metavar="FILE", help="cli.help.export.out")
        _scope(p)
        p.add_argument("--since", metavar="DATE", help="cli.help.export.since")
    if p := command("review", "cli.help.review"):
        p.set_defaults(run="tui.cli.meeting_output:run_review")
        p.add_argument("--agency", metavar="A", help="cli.help.review.agency")
        p.add_argument("--since", metavar="DATE", help="cli.help.review.since")
    if only in (None, "serve", "serve-user"):
        from tui.cli.serve_command import add_parser as add_serve  # argparse only; textual-serve loads on use

        add_serve(sub, common, only)


def _scope(p: argparse.ArgumentParser) -> None:
    p.add_argument("--agency", metavar="A", help="cli.help.agency_scope")
    p.add_argument("--letter", metavar="N", help="cli.help.letter_scope")
