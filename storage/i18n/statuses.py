"""Column titles and roles: ``status.<code>``, ``status_short.<code>``, ``role.<code>``.

Storage keeps the codes (storage.models.STATUSES, ROLES); only these texts are shown.
"""

TEXTS = {
    "status.todo": ("ยังไม่ดำเนินการ", "To do"),
    "status.doing": ("กำลังดำเนินการ", "In progress"),
    "status.blocked": ("ติดปัญหา", "Blocked"),
    "status.done": ("ดำเนินการแล้ว", "Done"),
    # Column titles for narrow columns (80×24): whole words instead of 'ยังไม่ดำเนิน…'.
    "status_short.todo": ("ยังไม่ทำ", "To do"),
    "status_short.doing": ("กำลังทำ", "Doing"),
    "status_short.blocked": ("ติดปัญหา", "Blocked"),
    "status_short.done": ("เสร็จแล้ว", "Done"),
    "role.lead": ("หน่วยงานหลัก", "Lead"),
    "role.support": ("หน่วยงานสนับสนุน", "Support"),
}
