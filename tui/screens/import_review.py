"""Import review: the officer checks a parsed letter and fixes it before anything is saved.

Shows the directive (number, B.E. date, subject), every item's text wrapped at Thai word
boundaries, and one row per (item, agency) with its role. The officer moves between
agency rows, toggles lead/support, corrects a name (re-matched against the board's known
agencies) or removes an agency from an item, then saves or cancels. The screen never
touches the store: it dismisses with the edited :class:`Draft` (or None) and the app
saves it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from storage.formats.agencies import match_agency, normalize_agency
from storage.formats.draft import Draft, DraftAgency
from storage.models import Agency
from storage.thai.dates import format_thai_date
from storage.editing.values import AgencyChoice
from tui.screens.agency_name import AgencyNameScreen
from tui.screens.agency_picker import AgencyPickerScreen
from widgets.i18n import help_text, keyed, localized, role_label, say
from widgets.kedmanee import thai_keys
from widgets.thai_text import ThaiText

def _format_date(iso: str | None, lang: str) -> str:
    """A B.E. date for display (the ISO text if it is bad)."""
    if not iso:
        return say(lang, "import_review.no_date")
    try:
        return format_thai_date(date.fromisoformat(iso), style="long", digits="thai" if lang == "th" else "ascii")
    except ValueError:
        return iso


def _choice_id(agency: DraftAgency) -> str:
    """The picker's id of a draft agency: the board's id, or one made of the new name."""
    return agency.agency_id or f"draft:{agency.name}"


def rematch(name: str, role: str, known: tuple[Agency, ...]) -> DraftAgency:
    """A DraftAgency for an edited name: linked to a known agency when the name matches one."""
    clean = normalize_agency(name) or name.strip()
    found = match_agency(clean, known)
    if found is None:
        return DraftAgency(clean, role)  # type: ignore[arg-type]
    return DraftAgency(found.name, role, found.id, short=found.short)  # type: ignore[arg-type]


_KEYS = (
    # (keys, action, binding id, shown in the footer); words: key.<id> in storage/i18n/keys.py
    ("down,j", "next_row", "review.next_row", False),
    ("up,k", "prev_row", "review.prev_row", False),
    ("r,space", "toggle_role", "review.toggle_role", True),
    ("e,f2", "edit_name", "review.edit_name", True),
    ("d,delete", "remove_agency", "review.remove_agency", True),
    ("a,plus,insert", "add_agency", "review.add_agency", True),
    ("enter,ctrl+s", "save", "review.save", True),
    ("escape", "cancel", "review.cancel", True),
)


def review_bindings(lang: str) -> list[Binding]:
    """The review screen's bindings with footer labels in ``lang`` (ids are the same)."""
    return [keyed(lang, thai_keys(keys), action, bid, show=show) for keys, action, bid, show in _KEYS]


@dataclass(slots=True)
class _Entry:
    """One agency of one item, as edited so far."""

    item: int
    """Index into ``draft.items``."""
    agency: DraftAgency
    removed: bool = False


class AgencyRow(Static, can_focus=True):
    """One focusable (item, agency) row; the screen edits its entry and refreshes it."""

    DEFAULT_CSS = """
    AgencyRow { height: auto; padding: 0 0 0 2; }
    AgencyRow:focus { background: $accent 40%; }
    AgencyRow.-removed { color: $text-muted; text-style: strike; }
    """

    def __init__(self, entry: _Entry, lang: str) -> None:
        super().__init__()
        self.entry = entry
        self.lang = lang
        self.show()

    def show(self) -> None:
        """Redraw from the entry: marker, role, name, known/new (words, not colour alone)."""
        agency = self.entry.agency
        star = "★" if agency.role == "lead" else "·"
        state = "removed" if self.entry.removed else "known" if agency.agency_id else "new"
        state = say(self.lang, f"import_review.{state}")
        label = f"{star} {role_label(self.lang, agency.role)}: {agency.name}  [{state}]"
        self.set_class(self.entry.removed, "-removed")
        self.update(ThaiText(label))


class EmptyItemRow(Static, can_focus=True):
    """The place of an item without agencies: focusable, so one can be added there."""

    DEFAULT_CSS = """
    EmptyItemRow { height: auto; padding: 0 0 0 2; color: $text-muted; }
    EmptyItemRow:focus { background: $accent 40%; }
    """

    def __init__(self, item: int, text: str) -> None:
        super().__init__(Text("  " + text))
        self.item = item


class ImportReviewScreen(ModalScreen[Draft | None]):
    """Review a parsed letter; dismisses with the edited Draft, or None when cancelled."""

    BINDINGS = review_bindings("th")  # for_lang("en") makes the English twin
    """Every binding has an id so the app's keymap can remap it; letter keys also answer
    to their Kedmanee twins (the Thai layout sends ่ for j), as on the board."""

    HELP = help_text("th", "import_review")

    DEFAULT_CSS = """
    ImportReviewScreen { align: center middle; }
    ImportReviewScreen > Vertical { width: 96%; height: 94%; border: thick $accent; background: $surface; }
    ImportReviewScreen #review-body { height: 1fr; padding: 0 1; }
    ImportReviewScreen .review-item { margin: 1 0 0 0; text-style: bold; }
    ImportReviewScreen .review-warning { color: $warning; }
    """

    @classmethod
    def for_lang(cls, draft: Draft, known: tuple[Agency, ...] | list[Agency] = (), *, lang: str = "th") -> ImportReviewScreen:
        """A review screen whose footer labels are in ``lang`` (the class default is Thai)."""
        screen = localized(cls, lang, BINDINGS=review_bindings(lang), HELP=help_text(lang, "import_review"))
        return screen(draft, known, lang=lang)

    def __init__(self, draft: Draft, known: tuple[Agency, ...] | list[Agency] = (), *, lang: str = "th") -> None:
        super().__init__()
        self.draft = draft
        self.known = tuple(known)
        self.lang = lang
        self.entries = [_Entry(k, a) for k, item in enumerate(draft.items) for a in item.agencies]

    # -- building ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll(id="review-body"):
                yield from self._header()
                for k, item in enumerate(self.draft.items):
                    yield Static(ThaiText(self._item_text(item)), classes="review-item")
                    for warning in self.draft.item_warnings(item.seq):  # beside the item it concerns
                        yield Static(ThaiText(f"  ⚠ {warning.text(self.lang)}"), classes="review-warning")
                    rows = [AgencyRow(e, self.lang) for e in self.entries if e.item == k]
                    yield from rows or [EmptyItemRow(k, say(self.lang, "import_review.none"))]
            yield Footer()

    def _header(self) -> list[Static]:
        lang, d = self.lang, self.draft.directive
        out = [
            Static(Text(say(lang, "import_review.title"), style="bold")),
            Static(ThaiText(say(lang, "import_review.letter", number=d.number, date=_format_date(d.date, lang)) if d.number
                            else say(lang, "import_review.unnumbered", date=_format_date(d.date, lang)))),
            Static(ThaiText(d.subject)),
            Static(ThaiText(say(
                lang, "import_review.summary", items=len(self.draft.items),
                agencies=len({e.agency.name for e in self.entries}),
                source=" · ".join(filter(None, (d.issuer, d.source))) or "—"))),
        ]
        out += [Static(ThaiText(f"⚠ {w.text(self.lang)}"), classes="review-warning")
                for w in self.draft.letter_warnings()]
        return out

    def _item_text(self, item) -> str:
        lang = self.lang
        text = say(lang, "import_review.item", seq=item.seq, text=item.text)
        if item.due:
            text += "\n" + say(lang, "import_review.due", date=_format_date(item.due, lang))
        if item.recurrence:
            text += "\n" + say(lang, "import_review.every", rhythm=item.recurrence)
        return text

    def on_mount(self) -> None:
        rows = self._rows()
        if rows:
            rows[0].focus()

    # -- rows -------------------------------------------------------------------

    def _rows(self) -> list[AgencyRow | EmptyItemRow]:
        return list(self.query("AgencyRow, EmptyItemRow"))  # type: ignore[arg-type]

    def _current(self) -> AgencyRow | None:
        focused = self.focused
        return focused if isinstance(focused, AgencyRow) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Row actions are dimmed (not hidden) when no agency row has the focus."""
        if action in ("toggle_role", "edit_name", "remove_agency") and self._current() is None:
            return None
        if action == "add_agency" and not isinstance(self.focused, (AgencyRow, EmptyItemRow)):
            return None
        return True

    def _step(self, delta: int) -> None:
        rows = self._rows()
        if not rows:
            return
        current = self.focused
        at = rows.index(current) + delta if current in rows else 0  # type: ignore[arg-type]
        row = rows[max(0, min(len(rows) - 1, at))]
        # Focused now, not by row.focus() (applied after the keys already queued): in keys
        # that arrive together each j steps from the row the one before it reached, and an
        # r or a after them acts on that row.
        self.set_focus(row)
        row.scroll_visible()

    def action_next_row(self) -> None:
        self._step(+1)

    def action_prev_row(self) -> None:
        self._step(-1)

    # -- edits ------------------------------------------------------------------

    def action_toggle_role(self) -> None:
        row = self._current()
        if row is None:
            return
        agency = row.entry.agency
        row.entry.agency = replace(agency, role="support" if agency.role == "lead" else "lead")
        row.show()

    def action_remove_agency(self) -> None:
        row = self._current()
        if row is None:
            return
        row.entry.removed = not row.entry.removed
        row.show()

    def action_edit_name(self) -> None:
        row = self._current()
        if row is None:
            return

        def renamed(name: str | None) -> None:
            if name:
                row.entry.agency = rematch(name, row.entry.agency.role, self.known)
                row.show()
            row.focus()

        self.app.push_screen(AgencyNameScreen.for_lang(row.entry.agency.name, lang=self.lang), renamed)

    def action_add_agency(self) -> None:
        """Add an agency to the item of the focused row, picked from the board or typed new."""
        place = self.focused if isinstance(self.focused, (AgencyRow, EmptyItemRow)) else None
        if place is None:
            return
        item = place.entry.item if isinstance(place, AgencyRow) else place.item
        choices = self._choices()
        taken = frozenset(_choice_id(e.agency) for e in self.entries if e.item == item and not e.removed)

        def picked(choice: AgencyChoice | None) -> None:
            if choice is None:
                place.focus()
                return
            role = "lead" if not any(e.item == item and not e.removed for e in self.entries) else "support"
            entry = _Entry(item, rematch(choice.name, role, self.known))
            self.entries.append(entry)
            row = AgencyRow(entry, self.lang)
            last = [r for r in self._rows() if getattr(r, "entry", None) and r.entry.item == item] or [place]
            self.query_one("#review-body").mount(row, after=last[-1])
            if isinstance(place, EmptyItemRow):
                place.remove()
            row.focus()

        title = say(self.lang, "edits.assign_title", seq=self.draft.items[item].seq)
        self.app.push_screen(AgencyPickerScreen.for_lang(choices, self.lang, title=title, exclude=taken), picked)

    def _choices(self) -> tuple[Agency, ...]:
        """The board's agencies and the letter's new ones (so a name the letter gives one
        item is picked for another, not retyped)."""
        new = {e.agency.name: e.agency for e in self.entries if not e.agency.agency_id and not e.removed}
        return self.known + tuple(Agency(_choice_id(a), a.name, a.short) for a in new.values())

    def edited_draft(self) -> Draft:
        """The draft with every edit applied (removed agencies left out)."""
        items = tuple(
            replace(item, agencies=tuple(e.agency for e in self.entries if e.item == k and not e.removed))
            for k, item in enumerate(self.draft.items)
        )
        return replace(self.draft, items=items)

    def action_save(self) -> None:
        self.dismiss(self.edited_draft())

    def action_cancel(self) -> None:
        self.dismiss(None)
