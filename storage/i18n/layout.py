"""Narrow-terminal layout: the agency picker in the title line, the layout keys (``layout.*``)."""

TEXTS = {
    # The title line when the agency list is folded away: which agency the board shows.
    "layout.picker": ("▾ {agency}", "▾ {agency}"),
    "layout.key.agency_list": ("รายชื่อหน่วยงาน", "Agency list"),
    "layout.tip.agency_list": ("แสดง/ซ่อนรายชื่อหน่วยงานด้านซ้าย (ซ่อนแล้วกด a เพื่อเลือก)",
                               "Show or hide the agency list (when hidden, a picks an agency)"),
    "layout.key.columns": ("ทีละสถานะ", "One status"),
    "layout.tip.columns": ("สลับ: แสดงทีละสถานะเต็มความกว้าง / ทั้งสี่สถานะ",
                           "Switch between one status at full width and all four statuses"),
    "layout.key.suspend": ("พักโปรแกรม", "Suspend"),
    "layout.tip.suspend": ("กลับไปที่เชลล์ชั่วคราว พิมพ์ fg เพื่อกลับมา", "Back to the shell for now; type fg to return"),
}
