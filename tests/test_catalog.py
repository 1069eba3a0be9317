"""The text catalog (storage.i18n): both languages say the same things with the same blanks,
every key the code asks for exists, and numbers follow the interface's digits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storage.i18n import AREAS, TEXTS, CatalogError, code_word, merge, placeholders, say

ROOT = Path(__file__).resolve().parent.parent
THAI = re.compile(r"[\u0e01-\u0e5b]")
LATIN = re.compile(r"[A-Za-z]")
FIELD = re.compile(r"\{(\w*)[^{}]*\}")


def test_both_languages_have_the_same_placeholders() -> None:
    wrong = {key: (placeholders(th), placeholders(en)) for key, (th, en) in TEXTS.items()
             if placeholders(th) != placeholders(en)}
    assert wrong == {}


def test_every_text_has_words_in_both_languages() -> None:
    assert [key for key, (th, en) in TEXTS.items() if not th.strip() or not en.strip()] == []


def test_each_text_is_in_its_own_language() -> None:
    # Catches a swapped pair. A text without letters of its language is only a symbol or a
    # layout shared by both ("—", "{who} {what}"); English may quote Thai input ("30 ก.ย. 68")
    # or be only a symbol ("#{seq}").
    thai_without_thai = [key for key, (th, en) in TEXTS.items() if not THAI.search(th) and th != en]
    english_in_thai = [key for key, (_, en) in TEXTS.items() if THAI.search(en) and not LATIN.search(en)]
    assert thai_without_thai == [] and english_in_thai == []


def test_placeholders_are_named() -> None:
    # say() passes keyword parameters only: a positional {} or {0} could never be filled.
    positional = [key for key, pair in TEXTS.items() for text in pair
                  for name in FIELD.findall(text.replace("{{", "").replace("}}", ""))
                  if not name or name.isdigit()]
    assert positional == []


def test_a_key_in_two_areas_is_refused() -> None:
    with pytest.raises(CatalogError, match="'x.y'.*'one'.*'two'"):
        merge([("one", {"x.y": ("ก", "a")}), ("two", {"x.y": ("ข", "b")})])
    with pytest.raises(CatalogError, match="pair"):
        merge([("one", {"x.y": ("ก",)})])


def test_every_area_module_is_merged() -> None:
    modules = {p.stem for p in (ROOT / "storage" / "i18n").glob("*.py") if not p.stem.startswith("_")}
    assert set(AREAS.values()) == modules


SAY_CALL = re.compile(r"""\b(?:say|t)\(\s*[\w.\[\]"']+,\s*["']([\w.]+)["']""")


def test_every_key_the_code_asks_for_exists() -> None:
    asked = {}
    for folder in ("storage", "widgets", "tui"):
        for path in (ROOT / folder).rglob("*.py"):
            for key in SAY_CALL.findall(path.read_text(encoding="utf-8")):
                asked.setdefault(key, path.relative_to(ROOT).as_posix())
    assert len(asked) > 20  # the scan finds the calls (else this test could not fail)
    assert {key: where for key, where in asked.items() if key not in TEXTS} == {}


RAISED = re.compile(r"\b(?:BoardError|UnknownCard|AmbiguousCard|BadStatus)\(\s*(f?)[\"']([^\"']*)[\"']")


def test_user_errors_are_raised_by_key_not_by_sentence() -> None:
    # Storage and the app say what went wrong as a catalog key + parameters; the CLI and the
    # TUI word it in the user's language (a sentence here would be English in every language).
    raised, sentences = 0, []
    for folder in ("storage", "widgets", "tui"):
        for path in (ROOT / folder).rglob("*.py"):
            for prefix, text in RAISED.findall(path.read_text(encoding="utf-8")):
                raised += 1
                if prefix or text not in TEXTS:
                    sentences.append(f"{path.relative_to(ROOT).as_posix()}: {text}")
    assert raised > 10 and sentences == []


def test_numbers_follow_the_interface_digits() -> None:
    assert say("th", "n_cards", n=12) == "๑๒ การ์ด"
    assert say("th-ascii", "n_cards", n=12) == "12 การ์ด"
    assert say("en", "n_cards", n=12) == "12 card(s)"
    # Strings are inserted as given (a letter number keeps its own digits); booleans are not numbers.
    assert say("th", "n_cards", n="12") == "12 การ์ด"


def test_unknown_key_is_an_error_not_a_blank() -> None:
    with pytest.raises(KeyError):
        say("th", "no.such.key")


def test_stored_codes_are_worded_and_unknown_codes_shown_as_they_are() -> None:
    assert code_word("th", "status", "doing") == "กำลังดำเนินการ"
    assert code_word("en", "role", "lead") == "Lead"
    assert code_word("th", "status", "archived") == "archived"  # a newer version's status


def test_no_key_is_defined_in_two_areas() -> None:
    # The lazy catalog checks each area as it is loaded; here every area, against every other.
    from storage.i18n import _areas

    texts, owners = merge(_areas())
    assert len(texts) == len(owners) > 500


def test_every_key_is_found_from_a_cold_catalog_as_in_the_whole_table() -> None:
    # A fresh catalog per key: found in the area its prefix names or, failing that, in any
    # other (cli.help.* in edits.py, sync.* in files.py, key.* in layout.py, ui.py's bare keys).
    from storage.i18n import _area_names, _areas, _Catalog

    whole, _ = merge(_areas())
    for key, pair in whole.items():
        cold = _Catalog(_area_names())
        assert cold[key] == pair and key in cold, key
    cold = _Catalog(_area_names())
    assert "no.such.key" not in cold and len(cold) == len(whole) and dict(cold) == dict(whole)


def test_every_key_is_found_without_loading_every_area() -> None:
    # A key outside the areas its prefix points to (storage.i18n._LIKELY_AREA, then ui.py)
    # loads all ~20 areas at its first use: at the board's first frame that was ~2 ms (issue 11).
    # A new prefix kept in another area's file goes in _LIKELY_AREA.
    from storage.i18n import _areas, _likely_areas

    _, owners = merge(_areas())
    assert sorted(key for key, area in owners.items() if area not in _likely_areas(key)) == []


def test_a_key_in_two_areas_is_refused_when_the_second_loads(monkeypatch) -> None:
    import storage.i18n as i18n

    tables = {"one": {"x.y": ("ก", "a")}, "x": {"x.y": ("ข", "b")}, "bad": {"bad.z": ("ก",)}}
    monkeypatch.setattr(i18n, "_area_texts", tables.__getitem__)
    catalog = i18n._Catalog(["one", "x"])
    assert catalog["x.y"] == ("ข", "b")  # its prefix's area (x) only: "one" is not loaded yet
    with pytest.raises(CatalogError, match="'x.y'.*'x'.*'one'"):
        len(catalog)  # everything loaded: the same key twice
    with pytest.raises(CatalogError, match="pair"):
        i18n._Catalog(["bad"])["bad.z"]
