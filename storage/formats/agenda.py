"""Minutes of a meeting laid out by agenda (รายงานการประชุม): the directives are what the chair
ordered under each topic, not every numbered line.

    รายงานการประชุมคณะกรมการจังหวัดจันทบุรี ครั้งที่ ๑๑/๒๕๖๙
    วันพฤหัสบดีที่ ๒๖ พฤศจิกายน ๒๕๖๙ …
    ผู้มาประชุม  ๑. นาย… ผู้ว่าราชการจังหวัด… ประธาน   ๒. …         ← people, never items
    ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ
        ๑.๑ การเตรียมความพร้อมรับมืออุทกภัย                          ← a topic
                ประธานแจ้งว่า …                                        ← its report: no assignees
        ข้อสั่งการ ให้สำนักงาน…เป็นหน่วยงานหลัก ร่วมกับ… ภายในวันที่ …  ← the item
        มติที่ประชุม รับทราบ
    เลิกประชุมเวลา ๑๒.๑๕ น.

A topic becomes an item when the chair ordered something under it: a ``ข้อสั่งการ`` /
``ประธานสั่งการ`` / ``ประธานมอบหมาย`` paragraph, or a resolution that assigns work
(``มติที่ประชุม … มอบหมายให้…``). The item's text is the topic's title and the order; its
agencies are read from the order only (prose.assignees), so an office that merely reported is
not given the work. Numbered points inside an order are its sub-points. Rows come out as
[seq, text, agencies cell, due, sub-points], like prose minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storage.formats import genre
from storage.formats.agencies import AgencyIndex
from storage.formats.prose import assignees, joined_lines, role_cell

_D = r"[0-9๐-๙]"
AGENDA_RE = re.compile(rf"^\s*(?:ระเบียบ\s?)?วาระ(?:ที่)?\s*({_D}{{1,2}})\b\s*[:.]?\s*(.*)$")
_TOPIC_RE = re.compile(rf"^\s*({_D}{{1,2}}\s*\.\s*{_D}{{1,2}}(?:\s*\.\s*{_D}{{1,2}})?)\s*\.?\s+(\S.*)$")
_LABEL = r"ข้อสั่งการ(?:\s?(?:ของ)?\s?(?:ประธาน(?:ที่ประชุม)?|ผู้ว่าราชการจังหวัด[ก-๙]*?))?"
_SPEAKER = r"(?:ประธาน(?:ที่ประชุม)?|ผู้ว่าราชการจังหวัด[ก-๙]*?)\s?(?:ได้)?\s?"
_VERB = r"(?:มอบหมาย|ฝากให้|ขอให้)"
_ORDER = (rf"(?:{_LABEL}|{_SPEAKER}(?:มีข้อสั่งการ|สั่งการ)|(?:{_SPEAKER})?(?={_VERB})|{_SPEAKER}(?=ให้)|สั่งการ)"
          r"\s*(?:ดังนี้|ว่า)?\s*[:：]?\s*")
_ORDER_RE = re.compile(rf"^\s*(?:[-•]\s*)?{_ORDER}")
"""Where the chair's order starts; what follows the label (``ให้…``, ``มอบหมายให้…``) is the order."""
_INLINE_ORDER_RE = re.compile(rf"(?:^|\s)(?=(?:{_SPEAKER})?(?:มีข้อสั่งการ|สั่งการ|{_VERB}))")
"""``๓.๑ สถานการณ์อุทกภัย ผู้ว่าราชการจังหวัดสั่งการให้…``: the order begins on the topic's own line."""
_RESOLUTION_RE = re.compile(r"^\s*(?:[-•]\s*)?มติ(?:ที่ประชุม)?\s*[:：]?\s*(.*)$")
_ASSIGNS_RE = re.compile(r"มอบหมาย|ขอให้|สั่งการ|(?:^|\s|และ)ให้")
_NOTED_RE = re.compile(r"^(?:รับทราบ|เห็นชอบ|อนุมัติ|รับรอง)\S*\s*(?:และ|โดย|ทั้งนี้)?\s*")
"""``มติที่ประชุม รับทราบ และมอบหมายให้…``: the noting is not part of the order."""
_END_RE = re.compile(r"^\s*(?:เลิก|ปิด)(?:การ)?ประชุม|^\s*(?:ผู้จด|ผู้ตรวจ|ผู้บันทึก)รายงาน(?:การ)?ประชุม")
_TITLE_TAIL_RE = re.compile(r"^\s*\S{1,12}\s*$")
"""A short lone word under a heading is the heading's wrapped end (a year, a place)."""
_BULLET_RE = re.compile(rf"^\s*(?:\(?{_D}{{1,2}}\)|[-•])\s*(\S.*)$")


@dataclass
class _Topic:
    title: str
    orders: list[list[str]] = field(default_factory=list)  # each: the lines of one order
    _open: list[str] | None = None

    def start_order(self, first: str) -> None:
        self._open = [first] if first else []
        self.orders.append(self._open)

    def close(self) -> None:
        self._open = None

    def add(self, line: str) -> None:
        if self._open is not None:
            self._open.append(line)


def is_minutes(lines: list[str]) -> bool:
    """Minutes by agenda: a line opens with an agenda heading (a letter's passing mention of one
    sits inside a sentence). Minutes with no order in them fall through to the other readers."""
    return any(AGENDA_RE.match(line) for line in lines)


def _topics(lines: list[str]) -> list[_Topic]:
    topics: list[_Topic] = []
    current: _Topic | None = None
    heading = False  # the line before was a topic's heading
    for line in lines:
        if (heading and current is not None and not current.orders and _TITLE_TAIL_RE.match(line)
                and not (_ORDER_RE.match(line) or _RESOLUTION_RE.match(line) or _END_RE.match(line))):
            current.title = f"{current.title} {line.strip()}"  # a heading wrapped (… ประจำปี / ๒๕๗๐)
            heading = False
            continue
        if _END_RE.match(line):
            break
        agenda, topic = AGENDA_RE.match(line), _TOPIC_RE.match(line)
        order, resolution = _ORDER_RE.match(line), _RESOLUTION_RE.match(line)
        heading = bool(agenda or topic)
        if agenda or topic:
            current = _topic((agenda or topic).group(2).strip())
            topics.append(current)
        elif current is None or not line.strip():
            continue
        elif order:
            current.start_order(line[order.end():].strip())
        elif resolution:
            said = resolution.group(1).strip()
            current.close()
            if _ASSIGNS_RE.search(said):
                current.start_order(_NOTED_RE.sub("", said, count=1))
        else:
            current.add(line.strip())
    return topics


def _topic(heading: str) -> _Topic:
    inline = _INLINE_ORDER_RE.search(heading)
    if inline is None:
        return _Topic(title=heading)
    said = heading[inline.end():]
    topic = _Topic(title=heading[:inline.end()].strip())
    label = _ORDER_RE.match(said)  # none for a bare 'มีข้อสั่งการ…': the words stay in the order
    topic.start_order(said[label.end() if label else 0:].strip())
    return topic


def _order_text(lines: list[str]) -> tuple[str, tuple[str, ...]]:
    """An order's text (its lines joined as Thai wraps) and its numbered points, if any."""
    points: list[list[str]] = []
    lead: list[str] = []
    for line in lines:
        bullet = _BULLET_RE.match(line)
        if bullet:
            points.append([bullet.group(1)])
        elif points:
            points[-1].append(line)
        else:
            lead.append(line)
    subs = tuple(joined_lines(p) for p in points)
    return " ".join(part for part in [joined_lines(lead), *subs] if part), subs


def agenda_rows(lines: list[str], index: AgencyIndex) -> list[list]:
    """One row per order given under a topic: [seq, text, agencies cell, due, sub-points]."""
    rows: list[list] = []
    for topic in _topics(lines):
        for order in topic.orders:
            said, subs = _order_text(order)
            named = assignees(said, index)
            if not said or not named:
                continue
            title = _title(topic.title)
            text = f"{title}: {said}" if title else said
            rows.append([str(len(rows) + 1), text, role_cell(named), "", subs])
    return rows


_TITLE_NOISE_RE = re.compile(r"^(?:เรื่อง(?:ที่)?\s*(?:ประธาน|เลขานุการ|สืบเนื่อง|เพื่อ|อื่น)\S*.*)$")


def _title(title: str) -> str:
    """A topic's own title; an agenda's stock heading (เรื่องที่ประธานแจ้ง…, เรื่องอื่น ๆ) says nothing."""
    title = " ".join(title.split())
    return "" if _TITLE_NOISE_RE.match(title) else title


def first_agenda_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if AGENDA_RE.match(line)), len(lines))


_TITLE_LINE_RE = re.compile(r"^\s*(?:รายงาน|บันทึก|สรุป)(?:ผล)?การประชุม|^\s*(?:การ)?ประชุม"
                            r"|^\s*(?:สรุป|ติดตาม(?:ผล)?(?:การดำเนินงานตาม)?|ตารางติดตาม)?ข้อสั่งการ"
                            r"(?:ของ)?\s?(?:(?:รอง)?ผู้ว่าราชการ|(?:รอง\s?)?ผวจ\.|นายอำเภอ|ประธาน)")
_TITLE_STOP_RE = re.compile(r"^\s*(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)|วันที่|ณ\s|เมื่อ|[-=_—–]{3,}|ผู้มา"
                            r"|หนังสือ|ที่\s|เลขที่|เรียน|อ้างถึง)")
_TITLE_END_RE = re.compile(r"\s(?=วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์|อาทิตย์)|(?:เมื่อ)?วันที่\s|ณ\s)")
_CHAIR_RE = re.compile(r"((?:รอง)?ผู้ว่าราชการจังหวัด[ก-๙]*|นายอำเภอ[ก-๙]*|ปลัดจังหวัด[ก-๙]*)\s+ประธาน(?:ที่ประชุม|กรรมการ)?\s*$")


def meeting_title(head: list[str]) -> str:
    """``รายงานการประชุม… ครั้งที่ ๑๑/๒๕๖๙``: the opening lines, up to the date or the venue."""
    lines = [line.strip() for line in head if line.strip()]
    start = next((i for i, line in enumerate(lines) if _TITLE_LINE_RE.match(line)), None)
    if start is None:
        return ""
    parts: list[str] = []
    for line in lines[start:start + 3]:
        if _TITLE_STOP_RE.match(line) or (parts and AGENDA_RE.match(line)):
            break
        parts.append(line)
    title = " ".join(" ".join(parts).split())
    return _TITLE_END_RE.split(title, maxsplit=1)[0].strip()


_GIVER_RE = re.compile(rf"(?:รอง)?ผู้ว่าราชการจังหวัด(?:{'|'.join(genre.PROVINCES)})|นายอำเภอ[ก-๙]+"
                       r"|(?P<deputy>รอง\s?)?ผวจ\.\s?(?P<code>[ก-ฮ]{2})\.?")
"""Who gave the orders, as a summary's title names them (``สรุปข้อสั่งการผู้ว่าราชการจังหวัดพัทลุง``,
or in a chat message ``ข้อสั่งการ ผวจ.สพ.``: the governor of the province coded สพ)."""


def meeting_chair(head: list[str]) -> str:
    """Who chaired (the attendee marked ประธาน), else who the title says gave the orders:
    the meeting's orders are theirs."""
    return _chair(head) or _giver(meeting_title(head))


def _giver(title: str) -> str:
    giver = _GIVER_RE.search(title)
    if giver is None:
        return ""
    if not giver.group("code"):
        return giver.group(0)
    province = genre.PROVINCE_CODES.get(giver.group("code"))
    return f"{'รอง' if giver.group('deputy') else ''}ผู้ว่าราชการจังหวัด{province}" if province else ""


def _chair(head: list[str]) -> str:
    lines = [" ".join(line.split()) for line in head]
    for i, line in enumerate(lines):
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if re.fullmatch(r"ประธาน(?:ที่ประชุม|กรรมการ)?", after):
            line = f"{line} {after}"  # "ประธาน" wrapped onto a line of its own
        m = _CHAIR_RE.search(line)
        if m:
            return m.group(1)
    return ""
