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
from textual.message import Message


class KeysAfterSubmit(Message):
    """Keys that reached a field after Enter submitted it, held until the screen has acted
    on the submit (closed the dialog, saved the form, or refused): posted right after
    ``Submitted``, it reaches the app after the screen has handled that, and the app then
    hands the keys on in order (``BoardApp.on_keys_after_submit``). Without it, a note's
    Enter followed at once by ``j`` typed the j into a note already saved, and keys after
    Enter in a form's last field went into the value being saved."""

    def __init__(self, field: "KeysInOrder") -> None:
        super().__init__()
        self.field = field

    def release(self) -> list[events.Key]:
        """The held keys, as fresh events; the field types again from now on."""
        held, self.field.held = self.field.held or [], None
        return [events.Key(key, character) for key, character in held]


class KeysInOrder:
    """Mixin for Input/TextArea subclasses (put it first in the bases)."""

    held: list[tuple[str, str | None]] | None = None
    """Keys kept after a submit until the screen has acted on it (KeysAfterSubmit)."""

    def hold_after_submit(self) -> None:
        """Call right after posting ``Submitted`` (an app without the handler, such as a
        test harness, keeps Textual's own way)."""
        if not hasattr(self.app, "on_keys_after_submit"):  # type: ignore[attr-defined]
            return
        self.held = []
        self.post_message(KeysAfterSubmit(self))  # type: ignore[attr-defined]

    def on_unmount(self) -> None:
        # The dialog closed before KeysAfterSubmit got to the app (a message still in a
        # closing container's queue is dropped): hand the held keys on from here.
        if self.held:
            for key in KeysAfterSubmit(self).release():
                self.app.post_message(key)  # type: ignore[attr-defined]

    def types(self, event: events.Key) -> bool:
        """Whether the field itself types this key (printable keys; TextArea also Enter)."""
        return event.is_printable

    def not_mine(self, event: events.Key) -> bool:
        """Hold ``event`` (it came after a submit) or hand it on (the focus moved on): True
        when it was taken so, and the field must not act on it."""
        if self.held is not None:
            event.stop()
            event.prevent_default()
            self.held.append((event.key, event.character))
            return True
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
            return True
        return False

    async def _on_key(self, event: events.Key) -> None:
        if not self.is_attached:  # type: ignore[attr-defined]
            return  # being removed: Textual's own way
        if self.not_mine(event):
            return
        app = self.app  # type: ignore[attr-defined]
        # Textual's own bindings lookup, run now instead of after the key's trip up the
        # queues (the app already ran the priority bindings before handing the key here).
        # (Textual then calls the field's own _on_key too, unless the default is prevented.)
        if not self.types(event) and await app._check_bindings(event.key):
            event.stop()
            event.prevent_default()
