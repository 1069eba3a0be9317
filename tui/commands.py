"""Command palette (ctrl+p): go to a card, move the current card, sync, import.

Reads the app's current snapshot and calls app methods; never touches storage.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider

from storage.models import STATUSES
from storage.i18n import TEXTS
from tui.app_access import board_app
from widgets.i18n import digits, is_thai, say, status_label, t
from widgets.textfit import find_matches, normalize, truncate, window_start

if TYPE_CHECKING:  # typed access to the app (tui/app_access.py); tui.app imports this module
    from tui.app import BoardApp
    from tui.screens.board import BoardScreen


def system_commands(commands: Iterable[SystemCommand], lang: str) -> Iterable[SystemCommand]:
    """Textual's system commands in ``lang``: Thai titles and help from the catalog
    (``palette.system.<title>``); English, and commands the catalog does not know, as they are."""
    for command in commands:
        key = f"palette.system.{command.title.lower()}"
        if is_thai(lang) and key in TEXTS:
            command = command._replace(title=t(lang, key), help=t(lang, f"{key}.help"))
        yield command


def hand_commands(app: BoardApp, card_id: str | None) -> list[tuple[str, object, str]]:
    """The hand edits (tui/edit_keys.py) by their key-panel words; card ones need a card."""
    from tui.edit_keys import BOARD_KEYS

    lang = app.lang
    return [(say(lang, f"key.{bid}"), partial(app.hand_edit, flow, card_id), say(lang, f"key.{bid}.tip"))
            for _, flow, bid in BOARD_KEYS if card_id or not bid.startswith("card.")]


GO_TO_HITS = 100
"""Cards offered for one search, the best first. Every card is searched (not the first
2,000), anywhere in its item's text and agency names, Thai-normalised like the board's
search (widgets.board_index: each text is normalised once and cached)."""

GO_TO_TEXT = 40
"""Cells of item text in a 'go to card' title: its start, or the place the words were found."""


class BoardCommands(Provider):
    """Board commands for the palette."""

    app = board_app()
    """The running BoardApp, typed (tui/app_access.py)."""

    def _board(self) -> BoardScreen | None:
        """The board screen, or None while it is hidden (too small): nothing may act on it unseen."""
        screen = self.app.board if self.app.screen_stack else None
        return None if screen is None or screen.too_small else screen

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        lang = app.lang
        commands: list[tuple[str, object, str]] = []
        screen = self._board()
        if screen is None:
            return []
        card_id = screen.card_id
        if card_id and not app.read_only:
            for status in STATUSES:
                title = t(lang, "palette.move_to", status=status_label(lang, status))
                commands.append((title, partial(app.set_status, card_id, status), ""))
        if not app.read_only:  # sync rewrites files: not during a read-only meeting
            commands.append((t(lang, "palette.sync"), app.sync_now, "board sync"))
            commands.append((t(lang, "palette.import"), app.import_letter, ".pdf .txt .docx .csv .xlsx"))
            commands += hand_commands(app, card_id)
        commands.append((t(lang, "palette.compact"), app.toggle_compact, ""))
        commands.append((t(lang, "palette.overdue"), app.toggle_overdue, ""))
        return commands

    def _cards(self, query: str = ""):
        """('ไปที่การ์ด ๖ · พช.ระยอง · …', go there) for each card whose item number, item
        text or agency names contain every word of ``query`` (all cards for ""), best first."""
        app = self.app
        if self._board() is None:
            return
        snap, lang = app.snapshot, app.lang
        words = normalize(query).split()
        found = [card for card in snap.cards.values() if self._card_matches(card, words)]
        if words:  # the words at the start of the item's text first, then by letter and item
            first = words[0]
            found.sort(key=lambda c: not app.index.search_key(_item_text(snap, c)).startswith(first))
            found = found[:GO_TO_HITS]
        prefix = t(lang, "palette.go_to")  # once, not per card
        for card in found:
            item = snap.items.get(card.item_id)
            agency = snap.agencies.get(card.agency_id)
            label = f" {digits(lang, item.seq if item else '?')} · {agency.short or agency.name if agency else ''}"
            yield prefix + label + " · " + _snippet(_item_text(snap, card), query), partial(app.go_to_card, card.id)

    def _card_matches(self, card, words: list[str]) -> bool:
        if not words:
            return True
        item = self.app.snapshot.items.get(card.item_id)
        seq = str(item.seq) if item else ""
        return all(word == seq or self.app.index.matches(card.id, word) for word in words)

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
        for title, callback in self._cards(query):
            # Found by its words, wherever they are; the fuzzy score only orders the hits.
            yield Hit(max(matcher.match(title), 0.1) * 0.9, matcher.highlight(title), callback)


def _item_text(snap, card) -> str:
    item = snap.items.get(card.item_id)
    return item.text if item else ""


def _snippet(text: str, query: str) -> str:
    """The item text's start, or — when the words were found further on — the place they
    were found, with a little of what precedes it (``…ขจัดความยากจน (ศจพ.)``)."""
    words = query.split()
    spans = find_matches(text, words[0]) if words else []
    start = window_start(text, spans[0][0], 10) if spans and spans[0][1] > GO_TO_TEXT else 0
    return ("…" if start else "") + truncate(text[start:], GO_TO_TEXT)
