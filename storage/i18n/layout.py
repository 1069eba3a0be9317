"""Narrow-terminal layout: the agency picker in the title line, the layout keys (``layout.*``)."""

TEXTS = {
    # The title line when the agency list is folded away: which agency the board shows.
    "layout.picker": ("▾ {agency}", "▾ {agency}"),
    # ctrl+l, as in every terminal program: the whole screen sent again (tui/terminal_diff.py)
    "key.app.redraw": ("วาดจอใหม่", "Redraw"),
    "key.app.redraw.tip": ("ส่งทั้งหน้าจอไปใหม่ (เมื่อจอเพี้ยนจากสัญญาณไม่ดี)",
                           "Send the whole screen again (when a bad link garbled it)"),
}
