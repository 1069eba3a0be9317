"""``board add-letter|add-item|edit|assign|unassign|delete|restore|agency`` and ``note --retract``:
create, correct and retire by hand from a shell (issue 7, DESIGN.md §6).

LETTER is a letter number or an id prefix; ITEM is ``LETTER_NUMBER:SEQ`` or an id prefix;
AGENCY is a name, short name, alias or id prefix, and a name the board does not know yet is
created (assign, add-item). Each command prints what it changed — ``--json`` for scripts —
and exits 1 with one line, nothing written, on bad input. Thai unless ``--lang en``.

Top-level imports stay light: building the parser imports this module for every command.
"""

from __future__ import annotations

import argparse

RUN = "tui.cli.edit_run"


def add_parsers(sub, common: argparse.ArgumentParser, only: str | None = None) -> None:
    # ``only`` (the one command a line names) is not used: the hand-edit commands are built together.
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="cli.help.changes_json")

    def command(name: str, help: str, run: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common, json_flag], help=help)
        p.set_defaults(run=f"{RUN}:{run}")
        return p

    p = command("add-letter", "cli.help.add_letter", "run_add_letter")
    p.add_argument("--number", metavar="N", default="", help="cli.help.add_letter.number")
    p.add_argument("--date", metavar="DATE", required=True, help="cli.help.add_letter.date")
    p.add_argument("--subject", metavar="TEXT", required=True, help="cli.help.add_letter.subject")
    p.add_argument("--issuer", metavar="TEXT", default="", help="cli.help.add_letter.issuer")

    p = command("add-item", "cli.help.add_item", "run_add_item")
    p.add_argument("letter", metavar="LETTER", help="cli.help.add_item.letter")
    p.add_argument("text", metavar="TEXT", help="cli.help.add_item.text")
    p.add_argument("--due", metavar="DATE", help="cli.help.add_item.due")
    p.add_argument("--recurrence", metavar="TEXT", help="cli.help.add_item.recurrence")
    p.add_argument("--agency", metavar="NAME[:lead]", action="append", default=[],
                   help="cli.help.add_item.agency")

    p = command("edit", "cli.help.edit", "run_edit")
    p.add_argument("item", metavar="ITEM", help="cli.help.edit.item")
    p.add_argument("--text", metavar="TEXT", help="cli.help.edit.text")
    p.add_argument("--due", metavar="DATE|none", help="cli.help.edit.due")
    p.add_argument("--recurrence", metavar="TEXT|none", help="cli.help.edit.recurrence")

    p = command("assign", "cli.help.assign", "run_assign")
    p.add_argument("item", metavar="ITEM", help="cli.help.edit.item")
    p.add_argument("agency", metavar="AGENCY", help="cli.help.agency_scope")
    p.add_argument("--lead", action="store_true", help="cli.help.assign.lead")

    p = command("unassign", "cli.help.unassign", "run_unassign")
    p.add_argument("card", metavar="CARD", help="cli.help.card")

    p = command("delete", "cli.help.delete", "run_delete")
    p.add_argument("target", metavar="ITEM|LETTER", help="cli.help.delete.target")
    p.add_argument("--yes", action="store_true", help="cli.help.delete.yes")

    p = command("restore", "cli.help.restore", "run_restore")
    p.add_argument("target", metavar="LETTER|ID", help="cli.help.restore.target")

    p = command("agency", "cli.help.agency", "run_agency")
    verbs = p.add_subparsers(dest="verb", metavar="rename|short|alias|merge", required=True)
    for verb, arg in (("rename", "NEW_NAME"), ("short", "SHORT"), ("alias", "SPELLING"), ("merge", "INTO")):
        v = verbs.add_parser(verb, parents=[common, json_flag], help=f"cli.help.agency.{verb}")
        v.add_argument("agency", metavar="AGENCY", help="cli.help.agency_scope")
        v.add_argument("value", metavar=arg, help=f"cli.help.agency.{verb}.value")
        v.set_defaults(run=f"{RUN}:run_agency")
