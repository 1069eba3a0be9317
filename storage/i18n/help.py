"""Help-panel markdown (F1 / ?), one text per screen or widget: ``help.<name>``."""

TEXTS = {
    "help.board": (
        """
## กระดานติดตามข้อสั่งการ
**← → ↑ ↓ / h j k l** เลื่อน · **< >** หรือ **shift+←/→** เปลี่ยนสถานะ · **1–4** ตั้งสถานะ ·
**K J** หรือ **shift+↑/↓** เรียงลำดับ · **Enter** เปิดการ์ด · **n** บันทึก · **/** ค้นหา · **f** กรองสถานะ ·
**o** เลยกำหนด · **c** โหมดกระชับ · **u** ย้อน · **a** หน่วยงาน · **i** นำเข้า · **q** ออก
แก้ด้วยมือ: **N** หนังสือ/การประชุมใหม่ · **I** ข้อใหม่ · **e** แก้ข้อ · **+** เพิ่มหน่วยงานในข้อ ·
**R** หลัก/สนับสนุน · **D** ลบ (ยืนยันก่อน) · **E** จัดการหน่วยงาน · ในการ์ด: **x** ถอนบันทึกของตัวเอง
ใช้ได้ทั้งแป้นอังกฤษและแป้นไทย (เกษมณี)
พิมพ์ไทยต่อกันบนกระดาน = กรองหน่วยงาน ไม่ใช่คำสั่ง
""",
        """
## Directive Board
**← → ↑ ↓ / h j k l** move · **< >** or **shift+←/→** change status · **1–4** set status ·
**K J** or **shift+↑/↓** reorder · **Enter** open · **n** note · **/** search · **f** status filter ·
**o** overdue · **c** compact · **u** undo · **a** agencies · **i** import · **q** quit.
By hand: **N** new letter or meeting · **I** new item · **e** edit item · **+** add an agency to the item ·
**R** lead/support · **D** delete (asks first) · **E** agencies · in a card: **x** retract your own note.
The same keys work with the Thai (Kedmanee) layout.
Thai typed on the board filters the agencies; it is never a command.
""",
    ),
    "help.grid": (
        """
## กระดาน
ลูกศร หรือ **h j k l** เลื่อนระหว่างการ์ดและคอลัมน์ · **Enter** เปิดการ์ด
ใช้ได้ทั้งแป้นอังกฤษและแป้นไทย (เกษมณี)
พิมพ์ไทยต่อกันบนกระดาน = กรองหน่วยงาน ไม่ใช่คำสั่ง
""",
        """
## Board
Arrows or **h j k l** move between cards and columns; **Enter** opens a card.
The same keys work with the Thai (Kedmanee) layout.
Thai typed on the board filters the agencies; it is never a command.
""",
    ),
    "help.agencies": (
        """
## หน่วยงาน
พิมพ์เพื่อกรองรายชื่อ · **↑ ↓** เลือกหน่วยงาน (กระดานเปลี่ยนตาม) ·
**Enter** หรือ **Tab** กลับไปที่กระดาน
""",
        """
## Agencies
Type to filter the list; **↑ ↓** choose an agency (the board follows);
**Enter** or **Tab** goes to the board.
""",
    ),
    "help.search": (
        """
## ค้นหา
พิมพ์คำค้น (ไม่ต้องกังวลเรื่องลำดับสระ/วรรณยุกต์ ำ/ํา หรือเลขไทย) · **Enter** ยืนยัน · **Esc** ล้าง
เคอร์เซอร์เลื่อนทีละตัวอักษรตามที่เห็น (`ที่` คือหนึ่งก้าว)
""",
        """
## Search
Type to search (Thai spelling variants and Thai digits match) · **Enter** keeps · **Esc** clears.
The cursor moves by whole characters as you see them (`ที่` is one step).
""",
    ),
    "help.detail": (
        """## การ์ด
ข้อสั่งการฉบับเต็มและความคืบหน้า · **Esc** ปิด""",
        """## Card
The whole directive and its progress. **Esc** closes.""",
    ),
    "help.note": (
        """## บันทึกความคืบหน้า
พิมพ์บันทึก · **Enter** บันทึก · **Esc** ยกเลิก""",
        """## Progress note
Type the note · **Enter** saves · **Esc** cancels.""",
    ),
    "help.text_field": (
        """## ช่องข้อความ
พิมพ์ไทยหรืออังกฤษก็ได้ · เคอร์เซอร์เลื่อนทีละตัวอักษรตามที่เห็น (`ที่` คือหนึ่งก้าว) · **ctrl+←/→** ข้ามทีละคำ
**Enter** ตกลง · **Esc** ยกเลิก""",
        """## Text field
Type Thai or English · the cursor moves by whole characters as you see them (`ที่` is one step) ·
**ctrl+←/→** jump by words
**Enter** confirms · **Esc** cancels""",
    ),
    "help.open_letter": (
        """## เปิดหนังสือ

พิมพ์ที่อยู่ไฟล์หนังสือ (`.txt` `.docx` `.csv` หรือ `.xlsx`; ที่อยู่แบบสัมพัทธ์เริ่มจากโฟลเดอร์ของกระดาน)
แล้วกด **Enter** หรือกด **ctrl+t** / **Tab** เพื่อเลือกจากโฟลเดอร์แล้วกด **Enter** ที่ไฟล์
ยังไม่บันทึกอะไร: ขั้นต่อไปคือหน้าตรวจทาน
""",
        """## Open a letter

Type the path of a letter (`.txt`, `.docx`, `.csv` or `.xlsx`; relative paths start at the
board's folder) and press **Enter**, or press **ctrl+t** / **Tab** to browse the folder and
press **Enter** on a file. The letter is not saved yet: a review screen comes next.
""",
    ),
    "help.rename": (
        """## แก้ชื่อหน่วยงาน

พิมพ์ชื่อหน่วยงานตามที่ควรแสดงบนกระดาน ถ้าตรงกับหน่วยงานที่กระดานรู้จักแล้ว
(ชื่อ ชื่อย่อ หรือชื่อเรียกอื่น) การ์ดจะผูกกับหน่วยงานนั้น
""",
        """## Edit agency name

Type the agency's name as it should appear on the board. If it matches an agency
the board already knows (by name, short name or alias), the card is attached to it.
""",
    ),
    "help.import_review": (
        """## ตรวจทานหนังสือก่อนนำเข้า

ยังไม่บันทึกอะไรจนกว่าจะกด **Enter** (หรือ **ctrl+s**) · **Esc** ยกเลิกการนำเข้า

- **↑/↓** (หรือ k/j): เลื่อนระหว่างแถวหน่วยงาน
- **r** หรือ **space**: สลับหน่วยงานระหว่างหน่วยงานหลัก (★) และหน่วยงานสนับสนุน
- **e** หรือ **F2**: แก้ชื่อหน่วยงาน ถ้าตรงกับหน่วยงานที่กระดานรู้จักจะผูกกับหน่วยงานนั้น
- **d** หรือ **Delete**: ตัดหน่วยงานออกจากข้อ (กดอีกครั้งเพื่อยกเลิก)
- **a** หรือ **+**: เพิ่มหน่วยงานที่ตกหล่นให้ข้อนี้ (พิมพ์เพื่อกรองหน่วยงานของกระดาน หรือเพิ่มชื่อใหม่)
""",
        """## Review a letter before import

Nothing is saved until you press **Enter** (or **ctrl+s**); **Esc** discards the import.

- **↑/↓** (or k/j): move between agency rows
- **r** or **space**: switch the agency between lead (★) and support
- **e** or **F2**: correct the agency's name; a name the board already knows is linked to it
- **d** or **Delete**: remove the agency from the item (press again to undo)
- **a** or **+**: add an agency the reading dropped (type to filter the board's agencies, or a new name)
""",
    ),
}
