"""Global record ids (DESIGN.md §2): never TinyDB doc ids.

Imported records get deterministic ids from (letter number, item seq, agency), so two
officers importing the same letter produce the same cards; hand-made records get random
ids. Ids are 16 lowercase hex digits; the UI shows short unique prefixes.
"""

from __future__ import annotations

import os
import unicodedata

try:  # CPython's own BLAKE2, which hashlib hands out too: importing hashlib first loads OpenSSL
    from _blake2 import blake2b  # (~2.5 ms of every command's start, issue 11)
except ImportError:  # pragma: no cover - a Python without it
    from hashlib import blake2b

ID_LENGTH = 16


def _digest(*parts: str) -> str:
    # NFC so that the same text typed on two machines hashes the same.
    joined = "\x1f".join(unicodedata.normalize("NFC", p) for p in parts)
    return blake2b(joined.encode("utf-8"), digest_size=ID_LENGTH // 2).hexdigest()


def directive_id(number: str) -> str:
    return _digest("directive", number)


def item_id(number: str, seq: int) -> str:
    return _digest("item", number, str(seq))


def agency_id(canonical_name: str) -> str:
    return _digest("agency", canonical_name)


def card_id(number: str, seq: int, agency_canonical_name: str) -> str:
    return _digest("card", number, str(seq), agency_canonical_name)


def new_id() -> str:
    """A random id for records made by hand (notes, history events, cards added in the UI)."""
    # What secrets.token_hex does (the system's CSPRNG), without importing secrets: with hmac,
    # hashlib (OpenSSL) and random it cost ~5 ms of every `board move` (issue 11).
    return os.urandom(ID_LENGTH // 2).hex()


def assignment_id(item_id: str, agency_id: str) -> str:
    """The card of an agency added to an item by hand: the same on every machine, so two
    officers giving one item to one agency make one card, and giving it back revives it."""
    return _digest("assignment", item_id, agency_id)
