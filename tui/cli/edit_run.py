"""What ``board add-letter|add-item|edit|assign|unassign|delete|agency|note --retract`` do
(parsers in ``edit_commands``). Each opens the board, resolves its arguments against the
snapshot (``storage.editing.refs``), checks them (``storage.editing.values``), makes one
change through the store and prints it (``edit_output``)."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from datetime import date
from typing import Iterator

from storage.editing import refs
from storage.editing.errors import EditError, FormErrors
from storage.editing.impact import retire_impact
from storage.editing.values import AgencyChoice, AgencyEdit, check_item, check_letter, check_name, letter_day
from storage.errors import BoardError
from storage.sync.store import BoardStore
from tui.cli import edit_output as out


def today() -> date:
    return date.today()


def cli_lang(args: argparse.Namespace) -> str:
    """Like every command: ``--lang``, Thai with ASCII digits (``30 ก.ย. 68``)."""
    from tui.cli import out_lang

    return out_lang(args)


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[BoardStore]:
    """The board for one change; any bad input becomes one line in the interface language."""
    store = BoardStore.open(args.board_path, read_only=getattr(args, "read_only", False))
    try:
        yield store
    except (EditError, FormErrors) as error:
        raise BoardError(said(error, cli_lang(args))) from None
    finally:
        store.close()


def said(error: EditError | FormErrors, lang: str) -> str:
    found = error.errors if isinstance(error, FormErrors) else (error,)
    return "; ".join(e.say(lang) for e in found)


def emit(args: argparse.Namespace, lines: list[str], data: dict) -> int:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))
    return 0


def run_add_letter(args: argparse.Namespace) -> int:
    with opened(args) as store:
        letter = check_letter(args.number, args.date, args.subject, args.issuer,
                              today=today(), snapshot=store.snapshot())
        directive = store.add_letter(letter)
        return emit(args, [out.letter_line(directive, cli_lang(args))], out.letter_json(directive))


def parse_agencies(texts: list[str]) -> tuple[AgencyChoice, ...]:
    """``NAME`` or ``NAME:lead``; when none is marked lead, all lead (as the importer reads a letter)."""
    marked = []
    for text in texts:
        name, sep, role = text.rpartition(":")
        if sep and role.strip().casefold() in ("lead", "หลัก", "support", "สนับสนุน"):
            marked.append((name, "lead" if role.strip().casefold() in ("lead", "หลัก") else "support"))
        else:
            marked.append((text, None))
    any_lead = any(role == "lead" for _, role in marked)
    return tuple(AgencyChoice(check_name(name, "agency"), role or ("support" if any_lead else "lead"))  # type: ignore[arg-type]
                 for name, role in marked)


def _choices(store: BoardStore, picked: tuple[AgencyChoice, ...]) -> tuple[AgencyChoice, ...]:
    """Each named agency linked to the board's own when it knows it."""
    snap, linked = store.snapshot(), []
    for choice in picked:
        known = refs.resolve_agency(snap, choice.name)
        linked.append(AgencyChoice(known.name, choice.role, known.id) if known else choice)
    return tuple(linked)


def run_add_item(args: argparse.Namespace) -> int:
    with opened(args) as store:
        directive = refs.resolve_letter(store.snapshot(), args.letter)
        item = check_item(args.text, args.due, args.recurrence, parse_agencies(args.agency), today=today(),
                          not_before=letter_day(directive))
        item = type(item)(item.text, item.due, item.recurrence, _choices(store, item.agencies))
        made, cards = store.add_item(directive.id, item)
        snap, lang = store.snapshot(), cli_lang(args)
        return emit(args, out.item_lines(snap, made, cards, lang), out.item_json(snap, made, cards))


def run_edit(args: argparse.Namespace) -> int:
    with opened(args) as store:
        item = refs.resolve_item(store.snapshot(), args.item)
        if args.text is None and args.due is None and args.recurrence is None:
            raise EditError("edits.nothing_to_change")
        checked = check_item(item.text if args.text is None else args.text,
                             args.due if args.due is not None else out.due_text(item.due),
                             args.recurrence if args.recurrence is not None else item.recurrence,
                             today=today(), not_before=letter_day(store.snapshot().directives.get(item.directive_id)))
        after = store.edit_item(item.id, text=checked.text, due=checked.due, recurrence=checked.recurrence)
        lang = cli_lang(args)
        return emit(args, out.edit_lines(store.snapshot(), item, after, lang), out.edit_json(item, after))


def run_assign(args: argparse.Namespace) -> int:
    with opened(args) as store:
        snap = store.snapshot()
        item = refs.resolve_item(snap, args.item)
        role = "lead" if args.lead else "support"
        known = refs.resolve_agency(snap, args.agency)
        choice = AgencyChoice(known.name, role, known.id) if known else AgencyChoice(check_name(args.agency, "agency"), role)
        before = next((c for c in snap.cards.values() if known and c.item_id == item.id and c.agency_id == known.id), None)
        card = store.assign(item.id, choice)
        lang = cli_lang(args)
        return emit(args, [out.assign_line(store.snapshot(), before, card, known is None, lang)],
                    out.card_json(store.snapshot(), card, before=before))


def run_unassign(args: argparse.Namespace) -> int:
    with opened(args) as store:
        snap = store.snapshot()
        card = refs.resolve_card(snap, args.card)
        impact = retire_impact(snap, "card", card.id)
        store.retire("card", card.id)
        lang = cli_lang(args)
        return emit(args, [out.unassign_line(snap, card, impact, lang)], out.impact_json(impact))


def _target(snap, text: str) -> tuple[str, str]:
    """("item"|"letter", id) for ``board delete``: NUMBER:SEQ is an item, a number a letter."""
    tries = []
    for kind, resolve in (("item", refs.resolve_item), ("letter", refs.resolve_letter)):
        try:
            tries.append((kind, resolve(snap, text).id))
        except EditError as error:
            if error.key.startswith("edits.ambiguous"):
                raise
    if len(tries) == 1:
        return tries[0]
    raise EditError("edits.ambiguous_target" if tries else "edits.no_target", text=text)


def run_delete(args: argparse.Namespace) -> int:
    with opened(args) as store:
        snap, lang = store.snapshot(), cli_lang(args)
        kind, target_id = _target(snap, args.target)
        impact = retire_impact(snap, kind, target_id)  # type: ignore[arg-type]
        goes = out.retire_line(snap, impact, lang, done=False)
        if not args.yes and not _confirmed(goes, lang):
            raise EditError("edits.delete_needs_yes", what=goes)
        store.retire(kind, target_id)
        return emit(args, [out.retire_line(snap, impact, lang)], out.impact_json(impact))


def run_restore(args: argparse.Namespace) -> int:
    with opened(args) as store:
        ops = store.restore(args.target)
        snap, lang = store.snapshot(), cli_lang(args)
        back = {kind: [k.partition("/")[2] for k in ops.records if k.startswith(kind + "/")]
                for kind in ("directive", "item", "card")}
        return emit(args, [out.restore_line(snap, back, lang)], out.restore_json(back))


def _confirmed(what: str, lang: str) -> bool:
    """Asked on a terminal; a script must say --yes."""
    if not sys.stdin.isatty():
        return False
    answer = input(out.ask_line(what, lang))
    return answer.strip().casefold() in ("y", "yes", "ใช่", "ั")


def run_agency(args: argparse.Namespace) -> int:
    with opened(args) as store:
        snap, lang = store.snapshot(), cli_lang(args)
        agency = refs.known_agency(snap, args.agency)
        if args.verb == "merge":
            into = refs.known_agency(snap, args.value)
            if into.id == agency.id:
                raise EditError("edits.merge_same", name=agency.name)
            report = store.merge_agencies(agency.id, into.id)
            return emit(args, [out.merge_line(agency, into, report, lang)], out.merge_json(agency, into, report))
        value = args.value if args.verb == "short" else check_name(args.value, args.verb)
        edit = out.agency_edit(agency, args.verb, value, tuple(snap.agencies.values()))
        after = store.edit_agency(edit) if edit != AgencyEdit(agency.id) else agency
        return emit(args, [out.agency_line(agency, after, args.verb, lang)], out.agency_json(agency, after))


def run_retract(args: argparse.Namespace) -> int:
    with opened(args) as store:
        snap = store.snapshot()
        card = refs.resolve_card(snap, args.card)
        note = refs.resolve_note(snap, card, args.retract)
        if note.author != store.user:
            raise EditError("edits.not_your_note", author=note.author)
        store.retract_note(card.id, note.id)
        return emit(args, [out.retract_line(snap, card, note, cli_lang(args))], {"note": note.id, "card": card.id,
                                                                               "retracted": True})
