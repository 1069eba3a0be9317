"""``board add-letter|add-item|edit|assign|unassign|delete|agency`` and ``note --retract``:
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


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="print what changed as JSON")

    def command(name: str, help: str, run: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common, json_flag], help=help)
        p.set_defaults(run=f"{RUN}:{run}")
        return p

    p = command("add-letter", "add a letter, or a meeting / verbal order (no number), by hand", "run_add_letter")
    p.add_argument("--number", metavar="N", default="", help="letter number; leave out for a meeting")
    p.add_argument("--date", metavar="DATE", required=True, help="30/9/2568, 30 ก.ย. 68, 2025-09-30 …")
    p.add_argument("--subject", metavar="TEXT", required=True)
    p.add_argument("--issuer", metavar="TEXT", default="")

    p = command("add-item", "add an item under a letter, with its agencies", "run_add_item")
    p.add_argument("letter", metavar="LETTER", help="letter number or id prefix")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--due", metavar="DATE")
    p.add_argument("--recurrence", metavar="TEXT")
    p.add_argument("--agency", metavar="NAME[:lead]", action="append", default=[],
                   help="an agency (new names are created); :lead marks the lead; none marked: all lead")

    p = command("edit", "correct an item's text, due date or recurrence", "run_edit")
    p.add_argument("item", metavar="ITEM", help="LETTER_NUMBER:SEQ or id prefix")
    p.add_argument("--text", metavar="TEXT")
    p.add_argument("--due", metavar="DATE|none")
    p.add_argument("--recurrence", metavar="TEXT|none")

    p = command("assign", "give an item to an agency (a new card), or set its role", "run_assign")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("agency", metavar="AGENCY")
    p.add_argument("--lead", action="store_true", help="as the lead agency (default: support)")

    p = command("unassign", "take an agency off an item (its card; notes stay in history)", "run_unassign")
    p.add_argument("card", metavar="CARD")

    p = command("delete", "delete an item or a whole letter with its cards", "run_delete")
    p.add_argument("target", metavar="ITEM|LETTER")
    p.add_argument("--yes", action="store_true", help="do not ask")

    p = command("agency", "rename, shorten, alias or merge agencies", "run_agency")
    verbs = p.add_subparsers(dest="verb", metavar="rename|short|alias|merge", required=True)
    for verb, arg, help in (("rename", "NEW_NAME", "give the agency its right name"),
                            ("short", "SHORT", "set the short name (\"\" clears it)"),
                            ("alias", "SPELLING", "another way letters write it (later imports match it)"),
                            ("merge", "INTO", "the same office: its cards move to INTO")):
        v = verbs.add_parser(verb, parents=[common, json_flag], help=help)
        v.add_argument("agency", metavar="AGENCY")
        v.add_argument("value", metavar=arg)
        v.set_defaults(run=f"{RUN}:run_agency")
