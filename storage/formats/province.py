"""A provincial office named without its province is the letter's province's office.

A province's own letters and minutes often write ``สำนักงานพาณิชย์จังหวัด`` or
``ที่ทำการปกครองจังหวัด`` and leave the province to the reader. Kept as written, that name
would become an agency of its own beside ``สำนักงานพาณิชย์จังหวัดจันทบุรี`` from the next
letter, splitting one office's cards in two. The province is the one the letter itself
names: its issuer (``ผู้ว่าราชการจังหวัดจันทบุรี``), else the province its number is coded for
(``ที่ สพ 0017.3/ว 4521``: สุพรรณบุรี), else the one province every completed name in it shares. A letter from the centre (a ministry writing to every province) names
none, and its names stay as written: there they mean every province's office.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storage.formats import genre
from storage.formats.agencies import AgencyIndex, agency_key
from storage.formats.draft import Draft, DraftAgency, DraftItem
from storage.formats.items import draft_agency, keep_agency


_NUMBER_CODE_RE = re.compile(r"^\s*([ก-ฮ]{2})\.?\s?0")
"""A provincial office's letter number: its province's code, then the office's ``0017…``."""


def letter_province(draft: Draft) -> str | None:
    """The province the letter speaks for, or None when it names none or several."""
    issuer = genre.PROVINCE_RE.search(draft.directive.issuer)
    if issuer:
        return issuer.group("province")
    coded = _NUMBER_CODE_RE.match(draft.directive.number)
    if coded and coded.group(1) in genre.PROVINCE_CODES:
        return genre.PROVINCE_CODES[coded.group(1)]
    named = {m.group("province") for item in draft.items for a in item.agencies
             for m in [genre.PROVINCE_RE.search(a.name)] if m}
    return named.pop() if len(named) == 1 else None


def complete_provinces(draft: Draft, index: AgencyIndex) -> Draft:
    """``draft`` with every name ending in ``จังหวัด`` completed with the letter's province
    (matched again against the board's agencies); unchanged when the province is unknown."""
    province = letter_province(draft)
    if province is None or not any(_bare(a.name) for item in draft.items for a in item.agencies):
        return draft
    return replace(draft, items=tuple(_completed(item, province, index) for item in draft.items))


def _bare(name: str) -> bool:
    return name.endswith("จังหวัด") and len(name) > len("จังหวัด")


def _completed(item: DraftItem, province: str, index: AgencyIndex) -> DraftItem:
    merged: dict[str, DraftAgency] = {}
    for agency in item.agencies:
        if _bare(agency.name):
            name = agency.name + province
            agency = draft_agency(name, agency.role, index.match(name))
        keep_agency(merged, agency_key(agency.name), agency)  # named twice once completed
    return replace(item, agencies=tuple(merged.values()))
