"""Property: agencies joined any way a letter joins them come back one by one, roles intact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.formats.agencies import AgencyIndex, normalize_agency
from storage.formats.responsible import read_agencies
from storage.models import Agency

POOL = [
    "สำนักงานจังหวัดระยอง", "สำนักงานพัฒนาชุมชนจังหวัดน่าน", "อำเภอทุกอำเภอ", "ส่วนราชการทุกส่วนราชการ",
    "หน่วยงานรัฐวิสาหกิจ", "องค์กรปกครองส่วนท้องถิ่นทุกแห่ง", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดตรัง",
    "คณะกรรมการร่วมภาครัฐและภาคเอกชนเพื่อพัฒนาและแก้ไขปัญหาทางเศรษฐกิจ (กรอ.) จังหวัดระยอง",
    "ที่ทำการปกครองจังหวัดชลบุรี", "โรงพยาบาลระยอง", "เทศบาลนครระยอง", "ตำรวจภูธรจังหวัดภูเก็ต",
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1", "กองทุนพัฒนาบทบาทสตรี", "ศูนย์ดำรงธรรมจังหวัดยะลา",
    "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดลำปาง", "ปศุสัตว์จังหวัดน่าน", "มณฑลทหารบกที่ 14", "อปท. ทุกแห่ง",
    "สำนักงานการท่องเที่ยวและกีฬาจังหวัดตราด", "กรมการปกครอง", "หน่วยงานที่เกี่ยวข้อง", "สนจ.ระยอง",
]
SEPARATORS = [" ", ", ", ",", " และ", "และ", " และ ", "\n", " - ", " / ", "; "]
INDEX = AgencyIndex([Agency(str(i), name) for i, name in enumerate(POOL)])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(POOL), st.booleans()), min_size=1, max_size=6, unique_by=lambda t: t[0]),
    st.lists(st.sampled_from(SEPARATORS), min_size=5, max_size=5),
    st.booleans(),
)
def test_joined_agencies_split_back_with_their_lead_marks(pairs, separators, with_known) -> None:
    cell = ""
    for (name, lead), separator in zip(pairs, ["", *separators]):
        cell += separator + name + (" (หน่วยงานหลัก)" if lead else "")
    got = [(normalize_agency(n), r) for n, r in read_agencies(cell, INDEX if with_known else None)]
    assert [n for n, _ in got] == [n for n, _ in pairs], cell
    assert [r == "lead" for _, r in got] == [lead for _, lead in pairs], cell
