"""The Thai Kedmanee keyboard layout, so bound keys work whichever layout is active.

Officers switch between the US and Thai layouts all day; with Thai active, the key
marked ``h`` sends ``้``. Every single-character binding gets its Kedmanee twin.
"""

from __future__ import annotations

_US = (
    "`1234567890-="
    "qwertyuiop[]\\"
    "asdfghjkl;'"
    "zxcvbnm,./"
    "~!@#$%^&*()_+"
    "QWERTYUIOP{}|"
    'ASDFGHJKL:"'
    "ZXCVBNM<>?"
)
_TH = (
    "_ๅ/-ภถุึคตจขช"
    "ๆไำพะัีรนยบลฃ"
    "ฟหกดเ้่าสวง"
    "ผปแอิืทมใฝ"
    "%+๑๒๓๔ู฿๕๖๗๘๙"
    "๐\"ฎฑธํ๊ณฯญฐ,ฅ"
    "ฤฆฏโฌ็๋ษศซ."
    "()ฉฮฺ์?ฒฬฦ"
)
assert len(_US) == len(_TH), (len(_US), len(_TH))

US_TO_KEDMANEE: dict[str, str] = dict(zip(_US, _TH))
"""US key → the character the same physical key sends under Kedmanee."""

QUIT_TWIN = US_TO_KEDMANEE["q"]
"""``ๆ``, the q key under Kedmanee. A Thai twin never quits (README "Thai keyboard"): ๆ is
typed all the time in Thai text (``ต่างๆ``, ``มากๆ``), and one that reached a screen with no
field ended the officer's session. It closes what q closes; where q quits it says how to quit."""

_NAMES = {
    "question_mark": "?", "slash": "/", "less_than_sign": "<", "greater_than_sign": ">",
    "left_square_bracket": "[", "right_square_bracket": "]", "minus": "-", "plus": "+",
    "full_stop": ".", "comma": ",", "semicolon": ";", "colon": ":", "apostrophe": "'",
    "quotation_mark": '"', "equals_sign": "=", "underscore": "_", "exclamation_mark": "!",
    "left_curly_bracket": "{", "right_curly_bracket": "}", "grave_accent": "`", "tilde": "~",
}


def thai_keys(keys: str) -> str:
    """``keys`` (a comma list) plus the Kedmanee character of every single-char key."""
    out = [k.strip() for k in keys.split(",") if k.strip()]
    extra = []
    for key in out:
        char = _NAMES.get(key, key)
        twin = US_TO_KEDMANEE.get(char) if len(char) == 1 else None
        # Skip twins that are themselves US keys ('?' '/' '-' ...), or they would steal those keys.
        if twin and twin not in out and twin not in extra and twin not in US_TO_KEDMANEE:
            extra.append(twin)
    return ",".join(out + extra)
