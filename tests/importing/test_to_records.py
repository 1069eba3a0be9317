"""Draft → Records: deterministic ids, known agencies reused, one card per (item, agency)."""

from __future__ import annotations

from dataclasses import replace

from storage import ids
from storage.formats.draft import Draft, DraftAgency, DraftDirective, DraftItem
from storage.formats.letters import parse_letter_text
from storage.formats.to_records import draft_to_records
from storage.models import Agency
from tests.importing.helpers import sample_text

LETTER = "รย 0017.2/ว 3362"


def test_sample_records_have_the_ids_every_officer_computes() -> None:
    draft = parse_letter_text(sample_text(), source="rayong.txt")
    records = draft_to_records(draft)
    assert records == draft_to_records(parse_letter_text(sample_text(), source="rayong.txt"))
    (directive,) = records.directives
    assert directive.id == ids.directive_id(LETTER)
    assert (directive.number, directive.date, directive.issuer) == (LETTER, "2022-07-17", "สำนักงานจังหวัดระยอง")
    assert directive.references == ("มท 0212.3/ว 4286",)
    assert [i.id for i in records.items] == [ids.item_id(LETTER, s) for s in range(1, 8)]
    six = next(i for i in records.items if i.seq == 6)
    assert six.due == "2022-09-30" and six.directive_id == directive.id
    assert len(records.cards) == 27 and len({c.id for c in records.cards}) == 27
    assert len(records.agencies) == 10
    snj = next(a for a in records.agencies if a.name == "สำนักงานจังหวัดระยอง")
    assert (snj.id, snj.short) == (ids.agency_id("สำนักงานจังหวัดระยอง"), "สนจ.ระยอง")
    lead_card = ids.card_id(LETTER, 2, "สำนักงานจังหวัดระยอง")
    assert next(c for c in records.cards if c.id == lead_card).role == "lead"


def test_known_agencies_keep_their_ids_and_are_not_returned_again() -> None:
    draft = parse_letter_text(sample_text())
    known = Agency("0123456789abcdef", "สำนักงานพัฒนาชุมชนจังหวัดระยอง", "พช.ระยอง")
    records = draft_to_records(draft, [known])
    assert known.id not in {a.id for a in records.agencies}
    assert len(records.agencies) == 9
    pch_cards = [c for c in records.cards if c.agency_id == known.id]
    assert len(pch_cards) == 3  # items 4, 6, 7
    assert {c.id for c in pch_cards} == {ids.card_id(LETTER, s, known.name) for s in (4, 6, 7)}


def test_two_spellings_of_one_known_agency_in_an_item_make_one_card() -> None:
    known = Agency("feedfacefeedface", "สำนักงานจังหวัดระยอง", "สนจ.ระยอง")
    item = DraftItem(seq=1, text="ทดสอบ", agencies=(
        DraftAgency("สนจ.ระยอง", "lead"), DraftAgency("สำนักงานจังหวัดระยอง", "support")))
    draft = Draft(DraftDirective(number="รย 1/ว 1", date=None, subject="x"), (item,))
    records = draft_to_records(draft, [known])
    assert [(c.agency_id, c.role) for c in records.cards] == [(known.id, "lead")]
    assert records.agencies == ()


def test_a_letter_without_a_number_gets_ids_from_its_file() -> None:
    item = DraftItem(seq=1, text="ทดสอบ", agencies=(DraftAgency("อำเภอทุกอำเภอ", "lead"),))
    draft = Draft(DraftDirective(number="", date=None, subject="x", source="sheet.xlsx"), (item,))
    other = replace(draft, directive=replace(draft.directive, source="other.xlsx"))
    assert draft_to_records(draft).cards[0].id != draft_to_records(other).cards[0].id
    assert draft_to_records(draft) == draft_to_records(draft)


def test_two_spellings_of_one_agency_lead_wins_whichever_comes_first() -> None:
    """The support spelling first, the lead one second: the one card is lead (issue 8)."""
    known = Agency("feedfacefeedface", "สำนักงานจังหวัดระยอง", "สนจ.ระยอง")
    item = DraftItem(seq=1, text="ทดสอบ", agencies=(
        DraftAgency("สนจ.ระยอง", "support"), DraftAgency("สำนักงานจังหวัดระยอง", "lead")))
    draft = Draft(DraftDirective(number="รย 1/ว 1", date=None, subject="x"), (item,))
    records = draft_to_records(draft, [known])
    assert [(c.agency_id, c.role) for c in records.cards] == [(known.id, "lead")]
