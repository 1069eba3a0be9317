"""User key remapping from a TOML config file, with Kedmanee twins added.

``$BOARD_CONFIG`` or ``<user config dir>/directive-board/config.toml``::

    [keys]
    "card.note" = "m"          # binding id = keys (comma list)
    "card.next_status" = "ctrl+right,>"

Every single-character key also gets its Thai (Kedmanee) twin, like the defaults.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from platformdirs import user_config_dir

from storage.errors import BoardError
from widgets.kedmanee import US_TO_KEDMANEE, thai_keys

__all__ = ["US_TO_KEDMANEE", "thai_keys", "config_path", "load_keymap", "thai_key_display"]


NO_TWIN = frozenset({"app.quit"})
"""Remapped without a Thai twin: a Thai twin never quits (widgets/kedmanee.QUIT_TWIN)."""


def thai_key_display(key: str) -> str | None:
    """``thai_character_mai_tho`` → ``◌้`` (marks on a dotted circle); None for other keys."""
    if not key.startswith("thai_character_"):
        return None
    try:
        char = unicodedata.lookup(key.replace("_", " "))
    except KeyError:
        return None
    return "◌" + char if unicodedata.category(char) == "Mn" else char


def config_path() -> Path:
    """Where the config file is looked for."""
    env = os.environ.get("BOARD_CONFIG")
    return Path(env) if env else Path(user_config_dir("directive-board")) / "config.toml"


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise BoardError("error.config_unreadable", path=str(path), error=str(error)) from None
    import tomllib  # only when there is a config file: most officers have none (issue 11)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BoardError("error.config_unreadable", path=str(path), error=str(error)) from None


def load_digits(path: Path | None = None) -> str:
    """``[display] digits``: ``"thai"`` (default, ๓๐ ก.ย. ๖๕) or ``"ascii"`` (30 ก.ย. 65)."""
    path = path or config_path()
    value = _read(path).get("display", {}).get("digits", "thai")
    if value not in ("thai", "ascii"):
        raise BoardError("error.config_digits", path=str(path), value=str(value))
    return value


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The ``[keys]`` table as a Textual keymap; {} when there is no config file."""
    path = path or config_path()
    keys = _read(path).get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise BoardError("error.config_keys", path=str(path))
    return {str(binding_id): value if binding_id in NO_TWIN else thai_keys(value)
            for binding_id, value in keys.items()}
