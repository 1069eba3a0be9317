"""storage.thai.repair: extraction damage undone, clean text never touched, idempotent."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.thai.dictionary import prefix_table
from storage.thai.repair import repair

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = sorted(w for w, flags in prefix_table().items() if flags & 3)
PUA_OF = {"ฐ": "\uf700", "ญ": "\uf70f", "ิ": "\uf701", "ี": "\uf702", "ึ": "\uf703", "ื": "\uf704", "ั": "\uf710",
          "็": "\uf712", "่": "\uf70a", "้": "\uf70b", "๊": "\uf70c", "๋": "\uf70d", "์": "\uf70e",
          "ุ": "\uf718", "ู": "\uf719"}

OTHER = st.sampled_from(["2565", "๓๐", "ก.ย.", "(กรอ.)", "Change for Good", "www.rayong.go.th", "-", ",", "/", "๑)", "“", "”"])
CLEAN = st.lists(st.one_of(st.sampled_from(WORDS), OTHER), min_size=1, max_size=14).flatmap(
    lambda parts: st.lists(st.sampled_from(["", " ", "  ", "\n"]), min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps)).strip()))
"""Text as a correct extractor gives it: dictionary words, glued or spaced, with numbers and signs."""

DAMAGED = [
    ("หน่ วยงานที่รับผิดชอบ", "หน่วยงานที่รับผิดชอบ"),
    ("สำนักงานป้ องกันและบรรเทาสาธารณภัยจังหวัด", "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด"),
    ("อย่ างน้ อย ๒ เดือนต่อครั้ง", "อย่างน้อย ๒ เดือนต่อครั้ง"),
    ("จำนวนนอ้ ย", "จำนวนน้อย"),
    ("นอ้ยกว่าเป้าหมาย", "น้อยกว่าเป้าหมาย"),
    ("สิ่ งที่ส่ งมาด้ วย", "สิ่งที่ส่งมาด้วย"),
    ("ป ้องกัน", "ป้องกัน"),
    ("ก ำหนดเสร็จ", "กำหนดเสร็จ"),
    ("ท่ีประชุม", "ที่ประชุม"),  # tone mark before the vowel
    ("ผู้ว่่าราชการ", "ผู้ว่าราชการ"),  # a doubled tone mark
    ("นํ้าท่วม", "น้ำท่วม"),  # sara am as nikhahit + sara aa, tone between
    ("ป\uf70bองกันภัย", "ป้องกันภัย"),  # PUA mai tho shifted down (TH SarabunPSK)
    ("ผ\uf70b\uf719ว่าราชการ", "ผู้ว่าราชการ"),  # two PUA marks, and the tone put before the vowel
    ("\uf700านข้อมูล", "ฐานข้อมูล"),  # tho than without its descender
    ("เ ริ่มประชุมเวลา ๐๙.๓๐ น.", "เริ่มประชุมเวลา ๐๙.๓๐ น."),  # a space after a leading vowel
    ("แ ผนงาน โ ครงการ", "แผนงาน โครงการ"),
]


@pytest.mark.parametrize(("damaged", "clean"), DAMAGED)
def test_each_kind_of_damage_is_repaired(damaged: str, clean: str) -> None:
    assert repair(damaged) == clean


@pytest.mark.parametrize("clean", ["ที่ รย ๐๐๑๗.๒/ว ๓๓๖๒", "ได้ มา", "ให้ ความสำคัญ", "หน่วยงานที่ เกี่ยวข้อง",
                                   "นายกองค์การบริหารส่วนจังหวัดระยอง", "อ้างถึง หนังสือ",
                                   "จัดเตรียมรถบรรทุกน้ำให้พร้อมใช้งาน", "อย่างน้อยวันละ ๒ ครั้ง", "E-mail : rayongoffice@gmail.com", ""])
def test_real_spaces_between_words_stay(clean: str) -> None:
    assert repair(clean) == clean


@PROPS
@given(CLEAN)
def test_clean_text_is_never_changed(text: str) -> None:
    assert repair(text) == text


@PROPS
@given(st.text(st.one_of(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
                         st.characters(min_codepoint=0xF700, max_codepoint=0xF71A),
                         st.sampled_from(" \n-().0123456789ab")), max_size=80))
def test_repair_is_idempotent(text: str) -> None:
    once = repair(text)
    assert repair(once) == once


@PROPS
@given(CLEAN, st.data())
def test_private_use_glyphs_map_back_to_the_characters(text: str, data) -> None:
    # Any of the marks a PUA font draws may come out as its PUA code point.
    swap = data.draw(st.sets(st.sampled_from(sorted(PUA_OF))))
    damaged = "".join(PUA_OF[ch] if ch in swap else ch for ch in text)
    assert repair(damaged) == text


def test_a_space_before_an_abbreviation_is_kept() -> None:
    # Found by the property above in CI: "หู ก.ย." became "หูก.ย." (หูก is a word, ก alone is not).
    for text in ("กกกกกกหู ก.ย.", "หู ก.ย.", "ครู ก.ค."):
        assert repair(text) == text
        assert repair(text.replace("ู", PUA_OF["ู"])) == text


@PROPS
@given(CLEAN)
def test_split_sara_am_is_joined(text: str) -> None:
    assert repair(text.replace("ำ", "\u0e4d\u0e32")) == text
