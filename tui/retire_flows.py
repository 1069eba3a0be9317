"""Flows that take something away or fold it into something else: retire a card, an item or
a whole letter; correct or merge agencies; retract one's own note. Each says what goes and
asks for a deliberate confirmation (``ConfirmChoiceScreen``); undo brings it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.editing.impact import Impact, merge_plan, retire_impact
from storage.editing.origin import origin
from storage.editing.values import AgencyEdit
from storage.editing.words import say
from storage.models import BoardSnapshot, Card
from tui.edit_flows import _card
from widgets.textfit import format_date

if TYPE_CHECKING:  # typed access to the app (tui/app_access.py); tui.app imports this module
    from tui.app import BoardApp


def retire_choices(snap: BoardSnapshot, card: Card, lang: str) -> list:
    """Take this agency off the item; delete the whole item; delete the whole letter."""
    from tui.screens.confirm_choice import Choice

    item = snap.items[card.item_id]
    agency = snap.agencies.get(card.agency_id)
    name, seq = (agency.short or agency.name) if agency else card.agency_id[:8], item.seq
    where = origin(snap.directives.get(item.directive_id), lang)
    choices = []
    for target, target_id in (("card", card.id), ("item", item.id), ("letter", item.directive_id)):
        impact = retire_impact(snap, target, target_id)  # type: ignore[arg-type]
        counts = say(lang, "edits.retire_counts" if target == "letter" else "edits.retire_counts_cards",
                     items=len(impact.items), cards=len(impact.cards), notes=impact.notes)
        label = say(lang, f"edits.retire_{target}", agency=name, seq=seq, origin=where) + " — " + counts
        confirm = say(lang, "edits.retire_confirm", what=label)
        choices.append(Choice(f"{target}:{target_id}", label, confirm))
    return choices


def retire(app: BoardApp, card_id: str | None) -> None:
    from tui.screens.confirm_choice import ConfirmChoiceScreen

    card = _card(app, card_id)
    if card is None or card.item_id not in app.snapshot.items:
        return
    choices = retire_choices(app.snapshot, card, app.lang)

    def chosen(answer: str | None) -> None:
        if answer is None:
            return
        target, target_id = answer.split(":", 1)
        impact: Impact = retire_impact(app.snapshot, target, target_id)  # type: ignore[arg-type]
        if app.edit(lambda: app.store.retire(target, target_id)) is not None:
            app.notify(say(app.lang, "edits.retired", cards=len(impact.cards), notes=impact.notes), markup=False)

    app.push_screen(ConfirmChoiceScreen.for_lang(app.lang, say(app.lang, "edits.retire_title"), choices), chosen)


def agencies(app: BoardApp) -> None:
    """Pick an agency of the board, then correct it or merge it into another."""
    from tui.screens.agency_edit import AgencyEditScreen
    from tui.screens.agency_picker import AgencyPickerScreen

    if app.refused_read_only():
        return
    known = tuple(app.snapshot.agencies.values())

    def edited(result) -> None:
        if isinstance(result, AgencyEdit):
            if result != AgencyEdit(result.agency_id) and app.edit(lambda: app.store.edit_agency(result)) is not None:
                app.notify(say(app.lang, "edits.agency_saved"), markup=False)
        elif result is not None:  # ("merge", the agency it is the same office as)
            confirm_merge(app, picked_id[0], result[1])

    picked_id: list[str] = []

    def picked(choice) -> None:
        if choice is None or not choice.agency_id:
            return
        picked_id.append(choice.agency_id)
        app.push_screen(AgencyEditScreen.for_lang(app.snapshot.agencies[choice.agency_id], known, app.lang), edited)

    app.push_screen(AgencyPickerScreen.for_lang(known, app.lang, title=say(app.lang, "edits.agencies_title"),
                                                allow_new=False), picked)


def confirm_merge(app: BoardApp, source_id: str, target_id: str) -> None:
    from tui.screens.confirm_choice import Choice, ConfirmChoiceScreen

    snap, lang = app.snapshot, app.lang
    source, target = snap.agencies[source_id], snap.agencies[target_id]
    plan = merge_plan(snap, source_id, target_id)
    label = say(lang, "edits.merge_what", source=source.name, target=target.name,
                moved=len(plan.moved), joined=len(plan.joined))

    def chosen(answer: str | None) -> None:
        if answer and app.edit(lambda: app.store.merge_agencies(source_id, target_id)) is not None:
            app.notify(say(lang, "edits.merged", source=source.name, target=target.name), markup=False)

    confirm = say(lang, "edits.merge_confirm", what=label)
    app.push_screen(ConfirmChoiceScreen.for_lang(lang, say(lang, "edits.merge_title"),
                                                 [Choice("merge", label, confirm)]), chosen)


def retract(app: BoardApp, card_id: str) -> None:
    """Choose one of one's own notes on the card and retract it (kept in history)."""
    from tui.screens.confirm_choice import Choice, ConfirmChoiceScreen

    if app.refused_read_only():
        return
    lang = app.lang
    mine = [n for n in reversed(app.snapshot.notes_of(card_id))
            if n.author == app.store.user and n.retracted_by is None]
    if not mine:
        app.notify(say(lang, "edits.no_own_notes"), markup=False)
        return
    choices = [Choice(n.id, f"{format_date(n.at[:10], lang)} · {n.text.splitlines()[0][:60] if n.text else ''}",
                      say(lang, "edits.retract_confirm", text=n.text[:80])) for n in mine]

    def chosen(note_id: str | None) -> None:
        # A retraction is a history event: nothing for undo to take back (notes are append-only).
        if note_id and app.edit(lambda: app.store.retract_note(card_id, note_id), undoable=False) is not None:
            app.notify(say(lang, "edits.retracted"), markup=False)

    app.push_screen(ConfirmChoiceScreen.for_lang(lang, say(lang, "edits.retract_title"), choices), chosen)


def restore(app) -> None:
    """Bring back what was deleted earlier (another day, another officer): the deletes still
    in force, newest first; the one picked comes back with what went with it."""
    from storage.activity_words import when
    from storage.sync.deleted import deletions, what
    from tui.screens.confirm_choice import Choice, ConfirmChoiceScreen

    if app.refused_read_only():
        return
    state, snap, lang = app.store.state, app.snapshot, app.lang
    found = deletions(state)[:RESTORE_SHOWN]
    if not found:
        app.notify(say(lang, "edits.restore_none"), markup=False)
        return
    choices = []
    for d in found:
        label = say(lang, "edits.restore_choice", what=what(state, snap, d, lang), when=when(d.at, lang),
                    by=d.by, items=d.items, cards=d.cards)
        choices.append(Choice(d.key.partition("/")[2], label, say(lang, "edits.restore_confirm", what=label)))

    def chosen(rid: str | None) -> None:
        if rid is not None and app.edit(lambda: app.store.restore(rid)) is not None:
            app.notify(say(lang, "edits.restored"), markup=False)

    app.push_screen(ConfirmChoiceScreen.for_lang(lang, say(lang, "edits.restore_title"), choices), chosen)


RESTORE_SHOWN = 10
"""Deletes offered, newest first (older ones: board restore on the command line)."""
