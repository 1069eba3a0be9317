"""Keys typed into a text field are acted on in the order they were typed.

Textual hands every key to the focused widget's own message queue. A text field types a
printable key at once, but a key it has a binding for (←, End, Backspace, Enter, Tab, ctrl+s)
bubbles back up through every container's queue to the app, which only then runs the binding.
When keys arrive together — fast typing, a slow SSH link, tmux send-keys, a busy machine —
the letters typed after End or Backspace are already in the text when the End or Backspace
runs: ``End Enter และ…`` put the new line before the text, and 14 Backspaces then
``31 ก.พ. 68`` left ``31 ก.พ. 6`` (QA 3). So here the field runs the binding itself, when
the key's turn comes, and a key that reaches a field after the focus has moved on (Tab or
Enter to the next field) goes on to the widget that has the focus now.
"""

from __future__ import annotations

from textual import events


class KeysInOrder:
    """Mixin for Input/TextArea subclasses (put it first in the bases)."""

    def types(self, event: events.Key) -> bool:
        """Whether the field itself types this key (printable keys; TextArea also Enter)."""
        return event.is_printable

    async def _on_key(self, event: events.Key) -> None:
        app = self.app  # type: ignore[attr-defined]
        screen = self.screen  # type: ignore[attr-defined]
        focused = screen.focused
        if app.screen is not screen or (focused is not None and focused is not self):
            # The focus moved on (or the dialog closed) while this key waited here: it is
            # the next field's (a fresh event: this one is stopped on its way out).
            # Given back to the app, so it goes where the app sends keys now.
            event.stop()
            event.prevent_default()
            app.post_message(events.Key(event.key, event.character))
            return
        # Textual's own bindings lookup, run now instead of after the key's trip up the
        # queues (the app already ran the priority bindings before handing the key here).
        # (Textual then calls the field's own _on_key too, unless the default is prevented.)
        if not self.types(event) and await app._check_bindings(event.key):
            event.stop()
            event.prevent_default()
