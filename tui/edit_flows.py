"""Hand edits from the board (issue 7): each flow opens its screens and hands the plain
value they return to ``app.edit``, the one place a hand edit reaches the store.

New letter or meeting → its items, one form after another (Esc when done); edit an item;
add an agency to an item (a new card); switch a card's role; take away a card, an item or
a whole letter (confirmed, undoable); correct or merge agencies; retract one's own note.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.editing.origin import origin
from storage.editing.values import AgencyChoice, ItemInput, LetterInput, letter_day
from storage.editing.words import say
from storage.models import BoardSnapshot, Card
from widgets.i18n import digits, role_label

if TYPE_CHECKING:  # typed access to the app (tui/app_access.py); tui.app imports this module
    from tui.app import BoardApp


def run(app: BoardApp, flow: str, card_id: str | None) -> None:
    """A flow by its key's name (tui/edit_keys.py)."""
    from tui import retire_flows

    go = globals().get(flow) or getattr(retire_flows, flow)
    go(app) if flow in ("new_letter", "agencies", "restore") else go(app, card_id)


def apply(app: BoardApp, write, undoable: bool = True):
    """One hand edit through the store: its result, or None when refused (the officer is told
    why in one line; nothing was written). Undo can take it back; the board is redrawn."""
    from storage.editing.errors import EditError, FormErrors
    from storage.errors import BoardError, user_message

    if app.refused_read_only():
        return None
    try:
        result = write()
    except (EditError, FormErrors) as error:
        app.notify(edit_error_text(error, app.lang), severity="warning", markup=False)
        return None
    except (BoardError, OSError) as error:
        app.notify(user_message(error, app.lang), severity="error", markup=False)
        return None
    if undoable and app.store.last_change is not None:
        app.undo_stack.append(app.store.last_change)
    app.records_added()
    return result


def edit_error_text(error, lang: str) -> str:
    """An EditError or FormErrors of a hand edit as one line in the interface language."""
    found = getattr(error, "errors", None) or (error,)
    return "; ".join(e.say(lang) for e in found)


def _card(app: BoardApp, card_id: str | None) -> Card | None:
    """The card under the cursor, or None (and the officer told why) when there is none or
    the board is read-only."""
    if app.refused(card_id):
        return None
    return app.snapshot.cards.get(card_id)


def next_seq(snap: BoardSnapshot, directive_id: str) -> int:
    return 1 + max((i.seq for i in snap.items.values() if i.directive_id == directive_id), default=0)


def new_letter(app: BoardApp) -> None:
    from tui.screens.letter_form import LetterFormScreen

    if app.refused_read_only():
        return

    def saved(letter: LetterInput | None) -> None:
        if letter is None:
            return
        directive = app.edit(lambda: app.store.add_letter(letter))
        if directive is not None:
            app.notify(say(app.lang, "edits.letter_saved", origin=origin(directive, app.lang)), markup=False)
            ask_item(app, directive.id)

    app.push_screen(LetterFormScreen.for_lang(app.snapshot, app.today, app.lang), saved)


def new_item(app: BoardApp, card_id: str | None) -> None:
    card = _card(app, card_id)
    item = app.snapshot.items.get(card.item_id) if card else None
    if item is not None:
        ask_item(app, item.directive_id)


def ask_item(app: BoardApp, directive_id: str) -> None:
    """The form for the next item of a letter; after a save, the next one (Esc ends)."""
    from tui.screens.item_form import ItemFormScreen

    snap, lang = app.snapshot, app.lang
    seq = next_seq(snap, directive_id)
    title = say(lang, "edits.item_new_title", seq=seq, origin=origin(snap.directives.get(directive_id), lang))
    shown = snap.agencies.get(app.agency or "")
    start = (AgencyChoice(shown.name, "lead", shown.id),) if shown else ()  # the agency being looked at

    def saved(item: ItemInput | None) -> None:
        if item is None:
            return
        made = app.edit(lambda: app.store.add_item(directive_id, item))
        if made is not None:
            new, cards = made
            app.notify(say(lang, "edits.item_saved", seq=new.seq, cards=len(cards)), markup=False)
            if cards:
                app.go_to_card(cards[0].id)
            ask_item(app, directive_id)

    app.push_screen(ItemFormScreen.for_lang(lang, app.today, title=title, agencies=tuple(snap.agencies.values()),
                                            choices=start, with_agencies=True,
                                            not_before=letter_day(snap.directives.get(directive_id))), saved)


def edit_item(app: BoardApp, card_id: str | None) -> None:
    from tui.screens.item_form import ItemFormScreen

    card = _card(app, card_id)
    item = app.snapshot.items.get(card.item_id) if card else None
    if item is None:
        return
    title = say(app.lang, "edits.item_edit_title", seq=item.seq,
                origin=origin(app.snapshot.directives.get(item.directive_id), app.lang))

    def saved(value: ItemInput | None) -> None:
        if value is not None and app.edit(lambda: app.store.edit_item(
                item.id, text=value.text, due=value.due, recurrence=value.recurrence)) is not None:
            app.notify(say(app.lang, "edits.item_corrected", seq=item.seq), markup=False)

    app.push_screen(ItemFormScreen.for_lang(app.lang, app.today, title=title, item=item,
                                            not_before=letter_day(app.snapshot.directives.get(item.directive_id))), saved)


def assign(app: BoardApp, card_id: str | None) -> None:
    from tui.screens.agency_picker import AgencyPickerScreen

    card = _card(app, card_id)
    item = app.snapshot.items.get(card.item_id) if card else None
    if item is None:
        return
    taken = frozenset(c.agency_id for c in app.snapshot.cards.values() if c.item_id == item.id)
    title = say(app.lang, "edits.assign_title", seq=digits(app.lang, item.seq))

    def picked(choice: AgencyChoice | None) -> None:
        if choice is None:
            return
        new = app.edit(lambda: app.store.assign(item.id, choice))
        if new is not None:
            app.notify(say(app.lang, "edits.assigned", agency=choice.name, seq=item.seq,
                           role=role_label(app.lang, new.role)), markup=False)

    app.push_screen(AgencyPickerScreen.for_lang(tuple(app.snapshot.agencies.values()), app.lang, title=title,
                                                exclude=taken), picked)


def toggle_role(app: BoardApp, card_id: str | None) -> None:
    card = _card(app, card_id)
    if card is None:
        return
    role = "support" if card.role == "lead" else "lead"
    if app.edit(lambda: app.store.set_role(card.id, role)) is not None:
        app.notify(say(app.lang, "edits.role_set", role=role_label(app.lang, role)), markup=False)
