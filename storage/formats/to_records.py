"""An accepted Draft → board Records with deterministic ids.

Ids come from (letter number, item seq, canonical agency name) (storage/ids.py), so two
officers importing the same letter make the same records and a second import adds
nothing. Agencies the board already knows keep their ids and names; only new agencies
are returned as records.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from storage import ids
from storage.formats.agencies import AgencyIndex, short_name
from storage.formats.draft import Draft, DraftAgency
from storage.models import Agency, Card, Directive, Item, Records


def letter_key(draft: Draft) -> str:
    """What ids are derived from: the letter number, else the file it came from."""
    d = draft.directive
    return d.number or f"file:{d.source or d.subject}"


def _resolve(agency: DraftAgency, index: AgencyIndex, by_id: dict[str, Agency]) -> tuple[Agency, bool]:
    """(agency, is_new) for a draft agency: the known one it names, else a new record."""
    known = by_id.get(agency.agency_id or "") or index.match(agency.name)
    if known is not None:
        return known, False
    name = agency.name
    return Agency(id=ids.agency_id(name), name=name, short=agency.short or short_name(name)), True


def _cards(key: str, item, item_id: str, index: AgencyIndex, by_id: dict[str, Agency],
           new_agencies: dict[str, Agency]) -> list[Card]:
    cards: list[Card] = []
    for position, draft_agency in enumerate(item.agencies):
        agency, is_new = _resolve(draft_agency, index, by_id)
        if is_new:
            new_agencies.setdefault(agency.id, agency)
        card_id = ids.card_id(key, item.seq, agency.name)
        same = next((at for at, c in enumerate(cards) if c.id == card_id), None)
        if same is not None:  # two spellings of one agency in one item: lead wins, whichever came first
            if draft_agency.role == "lead":
                cards[same] = replace(cards[same], role="lead")
            continue
        cards.append(Card(id=card_id, item_id=item_id, agency_id=agency.id, role=draft_agency.role,
                          rank=item.seq + position / 100))
    return cards


def draft_to_records(draft: Draft, known: Iterable[Agency] = ()) -> Records:
    """The directive, its items, new agencies and one card per (item, agency)."""
    known = list(known)
    index, by_id = AgencyIndex(known), {a.id: a for a in known}
    key = letter_key(draft)
    d = draft.directive
    directive = Directive(
        id=ids.directive_id(key), number=d.number, date=d.date, subject=d.subject,
        issuer=d.issuer, references=tuple(d.references), source=d.source,
    )
    items, cards, new_agencies = [], [], {}
    for item in draft.items:
        item_id = ids.item_id(key, item.seq)
        items.append(Item(
            id=item_id, directive_id=directive.id, seq=item.seq, text=item.text, due=item.due,
            recurrence=item.recurrence, subpoints=tuple(item.subpoints),
        ))
        cards += _cards(key, item, item_id, index, by_id, new_agencies)
    return Records(
        directives=(directive,), items=tuple(items),
        agencies=tuple(new_agencies.values()), cards=tuple(cards),
    )
