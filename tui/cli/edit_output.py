"""What the editing commands print: one line per change in the interface language (ASCII
digits, so scripts can read it) and, with ``--json``, the same as an object."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from storage.editing.impact import Impact, MergePlan
from storage.editing.origin import origin
from storage.editing.values import AgencyEdit, check_agency_edit
from storage.editing.words import say
from storage.models import Agency, BoardSnapshot, Card, Directive, Item, Note
from storage.thai.dates import format_thai_date
from storage.thai.graphemes import graphemes
from storage.thai.width import cell_width
from storage.thai.wrap import truncate

WIDTH = 80
"""Every line the CLI prints fits this many columns."""


KEEP = frozenset({"id", "star"})
"""Parameters never shortened to fit a line (ids are what scripts read back)."""


def fitted(lang: str, key: str, **params: object) -> str:
    """``say``, with the longest names shortened (…) until the line fits ``WIDTH`` columns:
    two long agency names in one line are common (merge, rename)."""
    line = say(lang, key, **params)
    while cell_width(line) > WIDTH:
        names = [k for k, v in params.items() if k not in KEEP and isinstance(v, str) and cell_width(v) > 12]
        if not names:
            break
        longest = max(names, key=lambda k: cell_width(str(params[k])))
        text = str(params[longest])
        params[longest] = truncate(text, max(12, cell_width(text) - (cell_width(line) - WIDTH)))
        line = say(lang, key, **params)
    return line


def role_label(lang: str, role: str) -> str:
    return say(lang, f"role.{role}")


def due_text(iso: str | None) -> str:
    """An ISO due date as the edit command re-reads it ("" for none)."""
    return iso or ""


def _date(iso: str | None, lang: str) -> str:
    if not iso:
        return say(lang, "edits.none")
    if lang == "en":  # English readers get the ISO date, never Thai month names
        return iso
    return format_thai_date(date.fromisoformat(iso), digits="thai" if lang == "th" else "ascii")


def letter_line(d: Directive, lang: str) -> str:
    if d.number:
        return fitted(lang, "edits.cli_letter", id=d.id, number=d.number, date=_date(d.date, lang))
    return fitted(lang, "edits.cli_meeting", id=d.id, subject=d.subject, date=_date(d.date, lang))


def letter_json(d: Directive) -> dict:
    return {"id": d.id, "number": d.number or None, "date": d.date, "subject": d.subject, "issuer": d.issuer}


def _agency_name(snap: BoardSnapshot, card: Card) -> str:
    agency = snap.agencies.get(card.agency_id)
    return agency.name if agency else card.agency_id[:8]


def card_line(snap: BoardSnapshot, card: Card, lang: str, new: bool = False) -> str:
    return fitted(lang, "edits.cli_card", id=card.id, star="★" if card.role == "lead" else "·",
               role=role_label(lang, card.role), agency=_agency_name(snap, card),
               new=say(lang, "edits.cli_new_agency") if new else "")


def item_lines(snap: BoardSnapshot, item: Item, cards: list[Card], lang: str) -> list[str]:
    head = fitted(lang, "edits.cli_item", id=item.id, seq=item.seq, origin=origin(snap.directives.get(item.directive_id), lang))
    return [head, *(card_line(snap, c, lang) for c in cards)] or [head]


def card_json(snap: BoardSnapshot, card: Card, *, before: Card | None = None) -> dict:
    agency = snap.agencies.get(card.agency_id)
    data = {"id": card.id, "item": card.item_id, "agency": {"id": card.agency_id, "name": agency.name if agency else ""},
            "role": card.role, "status": card.status}
    if before is not None:
        data["role_before"] = before.role
    return data


def item_json(snap: BoardSnapshot, item: Item, cards: list[Card]) -> dict:
    return {"id": item.id, "letter": item.directive_id, "seq": item.seq, "text": item.text, "due": item.due,
            "recurrence": item.recurrence, "cards": [card_json(snap, c) for c in cards]}


CONTEXT = 6
"""Characters kept on either side of what changed in a long text."""


def _shown(field: str, value: str | None, lang: str) -> str:
    if field == "due":
        return _date(value, lang)
    if not value:
        return say(lang, "edits.none")
    return value.replace("\n", " ⏎ ")


def changed_parts(old: str, new: str, room: int) -> tuple[str, str]:
    """What changed between two texts, with a little context, each at most ``room`` cells:
    a long item text corrected in one word shows that word, not two equal beginnings."""
    a, b = graphemes(old), graphemes(new)
    same = 0
    while same < min(len(a), len(b)) and a[same] == b[same]:
        same += 1
    tail = 0
    while tail < min(len(a), len(b)) - same and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = max(0, same - CONTEXT)

    def side(g: list[str]) -> str:
        end = len(g) - max(0, tail - CONTEXT)
        text = ("…" if start else "") + "".join(g[start:end]) + ("…" if end < len(g) else "")
        return truncate(text, room)

    return side(a), side(b)


def _field_line(after: Item, field: str, old: str, new: str, lang: str) -> str:
    words = dict(id=after.id[:8], seq=after.seq, field=say(lang, f"edits.{field}"))
    room = max(12, (WIDTH - cell_width(say(lang, "edits.cli_edit_field", old="", new="", **words))) // 2)
    if cell_width(old) + cell_width(new) > 2 * room:
        old, new = changed_parts(old, new, room)
    return say(lang, "edits.cli_edit_field", old=old, new=new, **words)


def edit_lines(snap: BoardSnapshot, before: Item, after: Item, lang: str) -> list[str]:
    lines = [_field_line(after, field, _shown(field, getattr(before, field), lang),
                         _shown(field, getattr(after, field), lang), lang)
             for field in ("text", "due", "recurrence") if getattr(before, field) != getattr(after, field)]
    return lines or [say(lang, "edits.cli_unchanged", id=after.id[:8], seq=after.seq)]


def edit_json(before: Item, after: Item) -> dict:
    changed = {f: {"old": getattr(before, f), "new": getattr(after, f)}
               for f in ("text", "due", "recurrence") if getattr(before, f) != getattr(after, f)}
    return {"id": after.id, "changed": changed}


def assign_line(snap: BoardSnapshot, before: Card | None, card: Card, new_agency: bool, lang: str) -> str:
    item = snap.items.get(card.item_id)
    seq, agency = item.seq if item else "?", _agency_name(snap, card)
    if before is None:
        return fitted(lang, "edits.cli_assign_new", id=card.id, seq=seq, agency=agency, role=role_label(lang, card.role),
                   new=say(lang, "edits.cli_new_agency") if new_agency else "")
    if before.role == card.role:
        return fitted(lang, "edits.cli_assign_same", id=card.id, seq=seq, agency=agency, role=role_label(lang, card.role))
    return fitted(lang, "edits.cli_assign_role", id=card.id, seq=seq, agency=agency,
               old=role_label(lang, before.role), new=role_label(lang, card.role))


def unassign_line(snap: BoardSnapshot, card: Card, impact: Impact, lang: str) -> str:
    item = snap.items.get(card.item_id)
    return fitted(lang, "edits.cli_unassign", id=card.id[:8], seq=item.seq if item else "?",
               agency=_agency_name(snap, card), notes=impact.notes)


def retire_line(snap: BoardSnapshot, impact: Impact, lang: str, *, done: bool = True) -> str:
    """What was deleted; with ``done=False``, what would go (for the question and the refusal)."""
    words = "retire" if done else "goes"
    if impact.target == "letter":
        return fitted(lang, f"edits.cli_{words}_letter", origin=origin(snap.directives.get(impact.target_id), lang),
                   items=len(impact.items), cards=len(impact.cards), notes=impact.notes)
    item = snap.items[impact.target_id]
    return fitted(lang, f"edits.cli_{words}_item", seq=item.seq,
               origin=origin(snap.directives.get(item.directive_id), lang), cards=len(impact.cards), notes=impact.notes)


def restore_line(snap: BoardSnapshot, back: dict[str, list[str]], lang: str) -> str:
    """``restored รย 0017.2/ว 3362 · 17 ก.ค. 65: 7 item(s), 26 card(s)`` (what came back, named
    by the largest thing that did)."""
    items, cards = back["item"], back["card"]
    if back["directive"]:
        what = origin(snap.directives.get(back["directive"][0]), lang)
    elif items and items[0] in snap.items:
        item = snap.items[items[0]]
        what = say(lang, "edits.live_item", seq=item.seq) + " · " + origin(snap.directives.get(item.directive_id), lang)
    elif cards and cards[0] in snap.cards:
        card = snap.cards[cards[0]]
        item = snap.items.get(card.item_id)
        what = say(lang, "edits.live_item", seq=item.seq if item else "?") + " · " + _agency_name(snap, card)
    else:
        what = (items or cards or ["?"])[0][:8]
    return fitted(lang, "edits.cli_restored", what=what, items=len(items), cards=len(cards))


def restore_json(back: dict[str, list[str]]) -> dict:
    kind = "letter" if back["directive"] else "item" if back["item"] else "card"
    return {"restored": kind, "letters": back["directive"], "items": back["item"], "cards": back["card"]}


def impact_json(impact: Impact) -> dict:
    return {"deleted": impact.target, **{k: v for k, v in asdict(impact).items() if k != "target"}}


def ask_line(what: str, lang: str) -> str:
    return say(lang, "edits.cli_ask", what=what)


def agency_edit(agency: Agency, verb: str, value: str, agencies: tuple[Agency, ...]) -> AgencyEdit:
    """One agency command as an edit, checked like the form (raises FormErrors)."""
    name, short, alias = agency.name, agency.short, ""
    if verb == "rename":
        name = value
    elif verb == "short":
        short = value
    else:
        alias = value
    return check_agency_edit(agency, name, short, alias, agencies)


def agency_line(before: Agency, after: Agency, verb: str, lang: str) -> str:
    if verb == "rename" and before.name != after.name:
        return fitted(lang, "edits.cli_agency_rename", id=after.id[:8], old=before.name, new=after.name)
    if verb == "short" and before.short != after.short:
        return fitted(lang, "edits.cli_agency_short", id=after.id[:8], name=after.name,
                   old=before.short or say(lang, "edits.none"), new=after.short or say(lang, "edits.none"))
    if verb == "alias" and set(after.aliases) - set(before.aliases):
        return fitted(lang, "edits.cli_agency_alias", id=after.id[:8], name=after.name,
                   new=", ".join(sorted(set(after.aliases) - set(before.aliases))))
    return fitted(lang, "edits.cli_agency_same", id=after.id[:8], name=after.name)


def agency_json(before: Agency, after: Agency) -> dict:
    return {"id": after.id, "before": asdict(before), "after": asdict(after)}


def merge_line(source: Agency, target: Agency, plan: MergePlan, lang: str) -> str:
    return fitted(lang, "edits.cli_merge", source=source.name, target=target.name, moved=len(plan.moved),
               joined=len(plan.joined))


def merge_json(source: Agency, target: Agency, plan: MergePlan) -> dict:
    return {"merged": source.id, "into": target.id, "moved": list(plan.moved),
            "joined": [{"card": s, "into": t} for s, t in plan.joined]}


def retract_line(snap: BoardSnapshot, card: Card, note: Note, lang: str) -> str:
    item = snap.items.get(card.item_id)
    return fitted(lang, "edits.cli_retract", id=note.id[:8], seq=item.seq if item else "?", agency=_agency_name(snap, card))
